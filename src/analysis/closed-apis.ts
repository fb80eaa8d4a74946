/**
 * Closed APIs (`ClosedApiRow`): calls whose every argument the catalogue knows, so an object passed
 * to one of them anywhere but a sink or agent-slot position is provably not a TLS option bag.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { memberName, unwrap } from './ast.js';
import { mayReferenceModules, resolveModuleRef } from './bindings.js';
import type { FileContext } from './file-context.js';
import type { Destination } from './options.js';
import { rowDenotes } from './sinks.js';
import { catalogue, type ClosedApiRow } from './catalogue/index.js';

/** The closed API a destination is an argument of (at any position and path), if any. */
export function closedApiOf(fc: FileContext, dest: Destination): ClosedApiRow | undefined {
  const { closedApis, closedApiModules } = catalogue();
  if (dest.kind !== 'argument') return undefined;
  const assertion = assertionOf(fc, dest.call);
  if (assertion) return assertion;
  if (!mayReferenceModules(fc, closedApiModules)) return undefined;
  const ref = resolveModuleRef(fc, dest.call.callee);
  if (!ref) return undefined;
  const isNew = dest.call.type === 'NewExpression';
  return closedApis.find((r) => rowDenotes(r, ref, isNew));
}

/** Test frameworks whose `expect(value)` matchers only compare their argument with `value`. */
const ASSERTION_MODULES: readonly string[] = ['vitest', '@jest/globals'];
const MATCHERS = new Set([
  'toEqual',
  'toStrictEqual',
  'toMatchObject',
  'toBe',
  'toContainEqual',
  'toHaveProperty',
  'toHaveBeenCalledWith',
  'toHaveBeenLastCalledWith',
]);
/** Modifiers between `expect(value)` and the matcher: `expect(x).not.toEqual(…)`, `expect(p).resolves.toEqual(…)`. */
const MODIFIERS = new Set(['not', 'resolves', 'rejects']);

/**
 * Assertion data: `expect(conn.ssl).toEqual({ rejectUnauthorized: false })` with `expect` imported
 * from vitest or @jest/globals compares the object with what the code under test stored; nothing
 * connects with it. (Jest's global `expect` is not recognised: an undeclared name proves nothing.)
 */
function assertionOf(fc: FileContext, call: TSESTree.CallExpression | TSESTree.NewExpression): ClosedApiRow | undefined {
  const callee = unwrap(call.callee);
  if (call.type !== 'CallExpression' || callee.type !== 'MemberExpression') return undefined;
  const matcher = memberName(callee);
  if (matcher === undefined || !MATCHERS.has(matcher)) return undefined;
  let subject = unwrap(callee.object);
  while (subject.type === 'MemberExpression' && MODIFIERS.has(memberName(subject) ?? '')) subject = unwrap(subject.object);
  if (subject.type !== 'CallExpression' || !mayReferenceModules(fc, ASSERTION_MODULES)) return undefined;
  const ref = resolveModuleRef(fc, subject.callee);
  if (!ref || !ASSERTION_MODULES.includes(ref.module) || ref.path.length !== 1 || ref.path[0] !== 'expect') return undefined;
  return { label: `expect().${matcher}()`, module: ref.module, exports: [['expect']], invoke: 'call' };
}
