import type { TSESTree } from '@typescript-eslint/utils';
import {
  bagOf,
  destinationsOf,
  evaluate,
  getFileContext,
  isModuleRef,
  lookup,
  mentions,
  resolveModuleRef,
  shadowedAtEveryUse,
  staticKeyName,
  stringFragments,
  stringValues,
  unwrap,
  type FileContext,
  type ModuleRef,
  type Primitive,
} from '../src/analysis/index.js';
import { catalogue, type ProcessApiRow } from '../src/analysis/catalogue/index.js';
import { NODE_OPTIONS_VAR, REJECT_UNAUTHORIZED_VAR, disablesVerification, weakTlsFlagIn, weakTlsFlagInFragments } from '../src/policy/env.js';
import { analyzeShellScript } from '../src/analysis/shell/commands.js';
import { verbatim } from '../src/analysis/shell/mapped-text.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { flagData } from '../src/rule-kit/legacy-tls-note.js';
import { enclosingExpressionStatement, removeListItem, removeStatement } from '../src/rule-kit/fixes.js';

type MessageId = 'rejectUnauthorizedEnv' | 'nodeOptions' | 'execArgv' | 'removeAssignment' | 'removeProperty' | 'removeFlag';

const REJECT_VAR = REJECT_UNAUTHORIZED_VAR;
const OPTIONS_VAR = NODE_OPTIONS_VAR;
const weakFlag = weakTlsFlagIn;
const weakFlagInFragments = weakTlsFlagInFragments;

/**
 * Every finding names `NODE_TLS_REJECT_UNAUTHORIZED` or `NODE_OPTIONS`: as a key, or as a computed
 * key (`env[KEY]`, `{ [KEY]: '0' }`) that can only evaluate to one of them if the file spells them
 * (whole, or split after `NODE_` in a concatenation), or an `execArgv` option. A file without this
 * text gets no listeners.
 */
const NAMES_IN_TEXT = /NODE_(?:TLS|OPTIONS|['"`])|execArgv/;

/**
 * `NODE_TLS_REJECT_UNAUTHORIZED=0` as a variable assignment in a command line (`VAR=0 node app.js`,
 * `export VAR=0; …`, `cross-env VAR=0 …`): a word of its own, value `0` (optionally quoted).
 */
const SHELL_ASSIGNMENT_TEXT = /NODE_TLS_REJECT_UNAUTHORIZED=/;
const SHELL_ASSIGNMENT = /(?:^|[\s;&|(])NODE_TLS_REJECT_UNAUTHORIZED=(['"]?)0\1(?=$|[\s;&|)])/;

/** `ref` is a catalogued Node API that starts a process and takes `takes` (`processApis` in catalogue/node-core.ts). */
const startsProcess = (ref: ModuleRef, takes: ProcessApiRow['takes']): boolean =>
  ref.path.length === 1 && catalogue().processApis.some((a) => a.takes === takes && a.module === ref.module && a.name === ref.path[0]);

/** Env `'0'` check: Node compares the string, and a number is stored as its string. */
const isZero = (v: Primitive): boolean => (typeof v === 'string' || typeof v === 'number') && disablesVerification(String(v));

export default createRule<[], MessageId>({
  name: 'no-insecure-tls-env',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow environment settings that turn off or weaken TLS for the whole process',
      recommended: true,
      category: 'cert-verification',
      cwe: ['CWE-295', 'CWE-757'],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      rejectUnauthorizedEnv:
        '`NODE_TLS_REJECT_UNAUTHORIZED=0` turns off certificate verification for every TLS and HTTPS client connection of the process it reaches that does not set `rejectUnauthorized` itself, so a network attacker can impersonate the servers of those connections. Remove it; trust a private CA with `NODE_EXTRA_CA_CERTS` or the `ca` option instead.',
      nodeOptions:
        '`{{flag}}` in `NODE_OPTIONS` {{effect}} for every connection of the process{{note}}. Remove the flag and configure the one connection that needs it.',
      execArgv:
        '`{{flag}}` in `execArgv` {{effect}} for every connection of the new process{{note}}. Remove the flag and configure the one connection that needs it.',
      removeAssignment: 'Remove this assignment.',
      removeProperty: 'Remove this variable from the environment object.',
      removeFlag: 'Remove this flag.',
    },
  },
  defaultOptions: [],
  create(context) {
    const fc = getFileContext(context);
    if (!mentions(fc, NAMES_IN_TEXT)) return {};
    const { sourceCode } = context;

    function verdict(name: string, valueNode: TSESTree.Node): { messageId: MessageId; data?: Record<string, string> } | undefined {
      if (name === REJECT_VAR) {
        const values = evaluate(fc, valueNode);
        return values && values.length > 0 && values.every(isZero) ? { messageId: 'rejectUnauthorizedEnv' } : undefined;
      }
      if (name === OPTIONS_VAR) {
        const values = stringValues(fc, valueNode);
        if (!values) {
          // `${process.env.NODE_OPTIONS ?? ''} --tls-min-v1.0`: a whole flag in a known piece counts.
          const fragments = stringFragments(fc, valueNode);
          const hit = fragments && weakFlagInFragments(fragments);
          return hit ? { messageId: 'nodeOptions', data: flagData(context, hit) } : undefined;
        }
        const hits = values.map(weakFlag);
        const first = hits[0];
        return first && hits.every(Boolean) ? { messageId: 'nodeOptions', data: flagData(context, first) } : undefined;
      }
      return undefined;
    }

    return {
      // process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; process.env[KEY] = '0'; env.NODE_OPTIONS += ' --tls-min-v1.0'
      'AssignmentExpression[left.property.name=/^NODE_(TLS_REJECT_UNAUTHORIZED|OPTIONS)$/], AssignmentExpression[left.property.value=/^NODE_(TLS_REJECT_UNAUTHORIZED|OPTIONS)$/], AssignmentExpression[left.computed=true]'(
        node: TSESTree.AssignmentExpression,
      ) {
        if (node.left.type !== 'MemberExpression') return;
        const left = node.left;
        const name = keyOf(fc, left.property, left.computed);
        if ((name !== REJECT_VAR && name !== OPTIONS_VAR) || !isProcessEnv(fc, left.object)) return;
        // `??=` and `||=` write the value whenever the variable is unset (the usual case): a default of '0'.
        const writes = node.operator === '=' || node.operator === '??=' || node.operator === '||=';
        if (!writes && !(node.operator === '+=' && name === OPTIONS_VAR)) return;
        const found = verdict(name, node.right);
        if (!found) return;
        const statement = enclosingExpressionStatement(node);
        context.report({
          node,
          ...found,
          suggest: statement ? [{ messageId: 'removeAssignment', fix: (fixer) => removeStatement(sourceCode, fixer, statement) }] : [],
        });
      },
      // execSync('NODE_TLS_REJECT_UNAUTHORIZED=0 node sync.js'): the shell passes it to the command it starts.
      // The assignment must be written whole in the source, so files without that text skip every call.
      ...(mentions(fc, SHELL_ASSIGNMENT_TEXT) && {
        CallExpression(call: TSESTree.CallExpression) {
          const command = call.arguments[0];
          if (!command || command.type === 'SpreadElement') return;
          const ref = resolveModuleRef(fc, call.callee);
          if (!ref || !startsProcess(ref, 'shellCommand')) return;
          const values = stringValues(fc, command);
          let found: boolean;
          // A known command line: the shell analysis of the config-file rule (an assignment that reaches a
          // program: `VAR=0 cmd`, `export VAR=0; cmd`, `env`/`cross-env`), not just the text.
          if (values) found = values.length > 0 && values.every((v) => analyzeShellScript(verbatim(v)).some((f) => f.kind === 'reject-unauthorized'));
          else {
            // A piece of a partly known command counts only when the assignment is whole inside it:
            // an edge that touches unknown text is padded with a letter, so nothing matches across it.
            const pieces = stringFragments(fc, command) ?? [];
            found = pieces.some((f) => SHELL_ASSIGNMENT.test(`${f.atStart ? ' ' : 'x'}${f.text}${f.atEnd ? ' ' : 'x'}`));
          }
          if (!found) return;
          context.report({ node: command, messageId: 'rejectUnauthorizedEnv' });
        },
      }),
      // fork(file, args, { execArgv: ['--tls-min-v1.0'] }), cluster.setupPrimary({ execArgv: [...] })
      'Property[key.name="execArgv"] > ArrayExpression.value'(array: TSESTree.ArrayExpression) {
        const prop = array.parent as TSESTree.Property;
        if (prop.parent.type !== 'ObjectExpression' || prop.computed) return;
        const destinations = destinationsOf(fc, prop.parent);
        const toNodeProcess =
          destinations.length > 0 &&
          destinations.every((d) => {
            if (d.kind !== 'argument' || d.path.length > 0) return false;
            const ref = resolveModuleRef(fc, d.call.callee);
            return !!ref && startsProcess(ref, 'execArgv');
          });
        if (!toNodeProcess) return;
        for (const element of array.elements) {
          if (!element || element.type === 'SpreadElement') continue;
          const values = stringValues(fc, element);
          const hits = values?.map(weakFlag);
          const first = hits?.[0];
          if (!first || !hits?.every(Boolean)) continue;
          context.report({
            node: element,
            messageId: 'execArgv',
            data: flagData(context, first),
            suggest: [{ messageId: 'removeFlag', fix: (fixer) => removeListItem(sourceCode, fixer, element) }],
          });
        }
      },
      // { NODE_TLS_REJECT_UNAUTHORIZED: '0' } in process.env = {...}, Object.assign(process.env, {...}),
      // spawn/fork/exec/Worker `env` objects, and any other environment object.
      'Property[key.name=/^NODE_(TLS_REJECT_UNAUTHORIZED|OPTIONS)$/], Property[key.value=/^NODE_(TLS_REJECT_UNAUTHORIZED|OPTIONS)$/], Property[computed=true]'(
        node: TSESTree.Property,
      ) {
        if (node.parent.type !== 'ObjectExpression' || node.kind !== 'init') return;
        const name = keyOf(fc, node.key, node.computed);
        if (name !== REJECT_VAR && name !== OPTIONS_VAR) return;
        const found = verdict(name, node.value);
        if (!found) return;
        // `{ ...base, NODE_TLS_REJECT_UNAUTHORIZED: '1' }` wherever this object goes: the value never reaches an environment.
        const own = bagOf(fc, node.parent);
        if ((own && lookup(own, name)?.entry.node !== node) || shadowedAtEveryUse(fc, node, name)) return;
        context.report({
          node,
          ...found,
          suggest: [{ messageId: 'removeProperty', fix: (fixer) => removeListItem(sourceCode, fixer, node) }],
        });
      },
    };
  },
});

function keyOf(fc: FileContext, key: TSESTree.Node, computed: boolean): string | undefined {
  const name = staticKeyName(key, computed);
  if (name !== undefined || !computed) return name;
  const values = stringValues(fc, key);
  return values?.length === 1 ? values[0] : undefined;
}

function isProcessEnv(fc: FileContext, node: TSESTree.Node): boolean {
  return isModuleRef(fc, unwrap(node), 'process', 'env');
}
