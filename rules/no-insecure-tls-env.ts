import type { TSESTree } from '@typescript-eslint/utils';
import { bagOf, getFileContext, lookup, mentions, shadowedAtEveryUse } from '../src/analysis/index.js';
import { envKeyOf, envValueVerdict, goesToNodeProcess, isProcessEnv, shellCommandDisablesVerification, weakFlagOf } from '../src/analysis/environment.js';
import { NODE_OPTIONS_VAR, REJECT_UNAUTHORIZED_VAR } from '../src/policy/env.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { flagData } from '../src/rule-kit/legacy-tls-note.js';
import { enclosingExpressionStatement, removeListItem, removeStatement } from '../src/rule-kit/fixes.js';

type MessageId = 'rejectUnauthorizedEnv' | 'nodeOptions' | 'execArgv' | 'removeAssignment' | 'removeProperty' | 'removeFlag';

/**
 * Every finding names `NODE_TLS_REJECT_UNAUTHORIZED` or `NODE_OPTIONS`: as a key, or as a computed
 * key (`env[KEY]`, `{ [KEY]: '0' }`) that can only evaluate to one of them if the file spells them
 * (whole, or split after `NODE_` in a concatenation), or an `execArgv` option. A file without this
 * text gets no listeners.
 */
const NAMES_IN_TEXT = /NODE_(?:TLS|OPTIONS|['"`])|execArgv/;

/** A command line that can set `NODE_TLS_REJECT_UNAUTHORIZED=0`: the assignment is written whole in the source. */
const SHELL_ASSIGNMENT_TEXT = /NODE_TLS_REJECT_UNAUTHORIZED=/;

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
      const found = envValueVerdict(fc, name, valueNode);
      if (!found) return undefined;
      return found.kind === 'rejectUnauthorized' ? { messageId: 'rejectUnauthorizedEnv' } : { messageId: 'nodeOptions', data: flagData(context, found.flag) };
    }

    return {
      // process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; process.env[KEY] = '0'; env.NODE_OPTIONS += ' --tls-min-v1.0'
      'AssignmentExpression[left.property.name=/^NODE_(TLS_REJECT_UNAUTHORIZED|OPTIONS)$/], AssignmentExpression[left.property.value=/^NODE_(TLS_REJECT_UNAUTHORIZED|OPTIONS)$/], AssignmentExpression[left.computed=true]'(
        node: TSESTree.AssignmentExpression,
      ) {
        if (node.left.type !== 'MemberExpression') return;
        const left = node.left;
        const name = envKeyOf(fc, left.property, left.computed);
        if ((name !== REJECT_UNAUTHORIZED_VAR && name !== NODE_OPTIONS_VAR) || !isProcessEnv(fc, left.object)) return;
        // `??=` and `||=` write the value whenever the variable is unset (the usual case): a default of '0'.
        const writes = node.operator === '=' || node.operator === '??=' || node.operator === '||=';
        if (!writes && !(node.operator === '+=' && name === NODE_OPTIONS_VAR)) return;
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
          const found = shellCommandDisablesVerification(fc, call, command);
          if (!found) return;
          context.report({ node: command, messageId: 'rejectUnauthorizedEnv' });
        },
      }),
      // fork(file, args, { execArgv: ['--tls-min-v1.0'] }), cluster.setupPrimary({ execArgv: [...] })
      'Property[key.name="execArgv"] > ArrayExpression.value'(array: TSESTree.ArrayExpression) {
        const prop = array.parent as TSESTree.Property;
        if (prop.parent.type !== 'ObjectExpression' || prop.computed) return;
        if (!goesToNodeProcess(fc, prop.parent)) return;
        for (const element of array.elements) {
          if (!element || element.type === 'SpreadElement') continue;
          const first = weakFlagOf(fc, element);
          if (!first) continue;
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
        const name = envKeyOf(fc, node.key, node.computed);
        if (name !== REJECT_UNAUTHORIZED_VAR && name !== NODE_OPTIONS_VAR) return;
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
