/**
 * Environment settings that turn off or weaken TLS for a whole process (no-insecure-tls-env's
 * verdicts, moved out of the rule, issue 15): `NODE_TLS_REJECT_UNAUTHORIZED=0` and weak
 * `NODE_OPTIONS` flags written into `process.env` or an environment object, the assignment in a shell
 * command a process API runs, and weak flags in an `execArgv` that reaches a new Node process. The
 * facts of Node (which values and flags) are in src/policy/env.ts.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { NODE_OPTIONS_VAR, REJECT_UNAUTHORIZED_VAR, disablesVerification, weakTlsFlagIn, weakTlsFlagInFragments, type WeakTlsFlag } from '../policy/env.js';
import { staticKeyName, unwrap } from './ast.js';
import { isModuleRef, resolveModuleRef, type ModuleRef } from './bindings.js';
import { catalogue, type ProcessApiRow } from './catalogue/index.js';
import type { FileContext } from './file-context.js';
import { destinationsOf } from './options.js';
import { analyzeShellScript } from './shell/commands.js';
import { verbatim } from './shell/mapped-text.js';
import type { Primitive } from './types.js';
import { evaluate, stringFragments, stringValues } from './values.js';

/**
 * `NODE_TLS_REJECT_UNAUTHORIZED=0` as a variable assignment in a command line (`VAR=0 node app.js`,
 * `export VAR=0; …`, `cross-env VAR=0 …`): a word of its own, value `0` (optionally quoted).
 */
const SHELL_ASSIGNMENT = /(?:^|[\s;&|(])NODE_TLS_REJECT_UNAUTHORIZED=(['"]?)0\1(?=$|[\s;&|)])/;

/** `ref` is a catalogued Node API that starts a process and takes `takes` (`processApis` in catalogue/node-core.ts). */
export const startsProcess = (ref: ModuleRef, takes: ProcessApiRow['takes']): boolean =>
  ref.path.length === 1 && catalogue().processApis.some((a) => a.takes === takes && a.module === ref.module && a.name === ref.path[0]);

/** Env `'0'` check: Node compares the string, and a number is stored as its string. */
const isZero = (v: Primitive): boolean => (typeof v === 'string' || typeof v === 'number') && disablesVerification(String(v));

/** The weak flag of the first of `values` when every one holds a weak flag (none when one holds none, or there are no values). */
function weakFlagOfEvery(values: readonly string[]): WeakTlsFlag | undefined {
  const hits = values.map(weakTlsFlagIn);
  const first = hits[0];
  return first && hits.every(Boolean) ? first : undefined;
}

/** What writing `valueNode` into the environment variable `name` does: verification off, a weak flag, or nothing. */
export type EnvVerdict = { readonly kind: 'rejectUnauthorized' } | { readonly kind: 'nodeOptions'; readonly flag: WeakTlsFlag } | undefined;

export function envValueVerdict(fc: FileContext, name: string, valueNode: TSESTree.Node): EnvVerdict {
  if (name === REJECT_UNAUTHORIZED_VAR) {
    const values = evaluate(fc, valueNode);
    return values && values.length > 0 && values.every(isZero) ? { kind: 'rejectUnauthorized' } : undefined;
  }
  if (name === NODE_OPTIONS_VAR) {
    const values = stringValues(fc, valueNode);
    if (!values) {
      // `${process.env.NODE_OPTIONS ?? ''} --tls-min-v1.0`: a whole flag in a known piece counts.
      const fragments = stringFragments(fc, valueNode);
      const hit = fragments && weakTlsFlagInFragments(fragments);
      return hit ? { kind: 'nodeOptions', flag: hit } : undefined;
    }
    const flag = weakFlagOfEvery(values);
    return flag ? { kind: 'nodeOptions', flag } : undefined;
  }
  return undefined;
}

/** The name of an environment key: static, or a computed key with one known string value. */
export function envKeyOf(fc: FileContext, key: TSESTree.Node, computed: boolean): string | undefined {
  const name = staticKeyName(key, computed);
  if (name !== undefined || !computed) return name;
  const values = stringValues(fc, key);
  return values?.length === 1 ? values[0] : undefined;
}

export function isProcessEnv(fc: FileContext, node: TSESTree.Node): boolean {
  return isModuleRef(fc, unwrap(node), 'process', 'env');
}

/** The command line a process API runs through the shell sets `NODE_TLS_REJECT_UNAUTHORIZED=0` for the program it starts. */
export function shellCommandDisablesVerification(fc: FileContext, call: TSESTree.CallExpression, command: TSESTree.Node): boolean {
  const ref = resolveModuleRef(fc, call.callee);
  if (!ref || !startsProcess(ref, 'shellCommand')) return false;
  const values = stringValues(fc, command);
  // A known command line: the shell analysis of the config-file rule (an assignment that reaches a
  // program: `VAR=0 cmd`, `export VAR=0; cmd`, `env`/`cross-env`), not just the text.
  if (values) return values.length > 0 && values.every((v) => analyzeShellScript(verbatim(v)).some((f) => f.kind === 'reject-unauthorized'));
  // A piece of a partly known command counts only when the assignment is whole inside it:
  // an edge that touches unknown text is padded with a letter, so nothing matches across it.
  const pieces = stringFragments(fc, command) ?? [];
  return pieces.some((f) => SHELL_ASSIGNMENT.test(`${f.atStart ? ' ' : 'x'}${f.text}${f.atEnd ? ' ' : 'x'}`));
}

/** Every place this options object goes is the options argument of an API that starts a Node process with `execArgv`. */
export function goesToNodeProcess(fc: FileContext, object: TSESTree.ObjectExpression): boolean {
  const destinations = destinationsOf(fc, object);
  return (
    destinations.length > 0 &&
    destinations.every((d) => {
      if (d.kind !== 'argument' || d.path.length > 0) return false;
      const ref = resolveModuleRef(fc, d.call.callee);
      return !!ref && startsProcess(ref, 'execArgv');
    })
  );
}

/** The weak TLS flag an `execArgv` element always is, or undefined. */
export function weakFlagOf(fc: FileContext, element: TSESTree.Node): WeakTlsFlag | undefined {
  const values = stringValues(fc, element);
  return values && weakFlagOfEvery(values);
}
