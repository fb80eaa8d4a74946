import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  getFileContext,
  hostCheckIsCalled,
  keepsNodeHostCheck,
  acceptsAnyHost,
  isClientTlsSocket,
  isModuleRef,
  memberName,
  mentions,
  reachedOperands,
  resolveFunction,
  returnFacts,
  sinksForCall,
  tlsSocketPeerCheck,
  unwrap,
  wordsPattern,
} from '../src/analysis/index.js';
import { deciderText } from '../src/analysis/library-aliases.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { aliasMentions, aliasReportListeners } from '../src/rule-kit/alias-report.js';
import { secureContextSuggestions } from '../src/rule-kit/factory.js';
import { enclosingExpressionStatement, removeListItem, removeStatement } from '../src/rule-kit/fixes.js';

type MessageId =
  | 'acceptsAnyHost'
  | 'globalOverride'
  | 'tlsSocketHostname'
  | 'libraryOption'
  | 'libraryFix'
  | 'removeOption'
  | 'returnCheckResult'
  | 'removeAssignment'
  | 'useFactory'
  | 'insecureDefault';

type Options = [{ reportInsecureDefaults?: boolean }];

/** What a `checkServerIdentity` that accepts any host does, for the insecure-default message. */
const ANY_HOST_EFFECT = 'Node accepts a valid certificate for any other domain';

/** Every finding outside the library aliases names it. */
const MENTIONS = wordsPattern(['checkServerIdentity', 'verifyError']);

export default createRule<Options, MessageId>({
  name: 'no-unverified-hostname',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `checkServerIdentity` callbacks that accept any server name',
      recommended: true,
      category: 'hostname-verification',
      cwe: ['CWE-297'],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          reportInsecureDefaults: {
            type: 'boolean',
            description:
              'Report library options that are insecure unless the caller or environment says otherwise (`tlsAllowInvalidHostnames: opts.lax ?? true`).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ reportInsecureDefaults: true }],
    messages: {
      acceptsAnyHost:
        'This `checkServerIdentity` returns a falsy value on every path, which tells Node the hostname matched, so a valid certificate for any other domain is accepted. Return the error from `tls.checkServerIdentity(host, cert)` (then add your own checks), or remove the option.',
      globalOverride:
        'Replacing `tls.checkServerIdentity` changes hostname verification for every TLS connection in the process that uses the default. Pass a `checkServerIdentity` option to the one connection that needs it, and return the error from the original check.',
      tlsSocketHostname:
        'This client-side `new tls.TLSSocket()` has its certificate chain checked through `verifyError()`, but such a socket never checks the hostname and sends no SNI (its `servername` option is ignored), so a valid certificate for any other domain is accepted. Use `tls.connect({ socket, servername })`, which checks both.',
      libraryOption: '{{option}} ({{library}}) {{effect}}, so a valid certificate for any other domain is accepted. {{way}}',
      libraryFix: '{{fix}}',
      removeOption: 'Remove `checkServerIdentity` (Node then checks the hostname itself).',
      returnCheckResult: 'Return the result of `tls.checkServerIdentity()` instead of dropping it.',
      removeAssignment: 'Remove this assignment.',
      useFactory: 'Build the options with `{{factory}}` from the tlsguard runtime (hostname and certificate verified, {{versions}}).{{dependency}}',
      insecureDefault:
        '{{option}} is the default here (`{{origin}}`), so {{effect}} unless the caller or environment says otherwise. Make the verifying value the default, so that turning the check off takes an explicit choice.',
    },
  },
  defaultOptions: [{ reportInsecureDefaults: true }],
  create(context, [options]) {
    const fc = getFileContext(context);
    // Gates: Node's own findings need `checkServerIdentity` in the text, the library aliases one of
    // their words. A file with neither gets no listeners.
    const own = mentions(fc, MENTIONS);
    const aliases = mentions(fc, aliasMentions('hostname'));
    if (!own && !aliases) return {};
    const { sourceCode } = context;
    const reportDefaults = options.reportInsecureDefaults !== false;

    function suggestionsFor(
      valueNode: TSESTree.Node,
      removal: TSESLint.SuggestionReportDescriptor<MessageId> | undefined,
    ): TSESLint.SuggestionReportDescriptor<MessageId>[] {
      const out: TSESLint.SuggestionReportDescriptor<MessageId>[] = [];
      const fn = resolveFunction(fc, valueNode);
      const dropped = fn && returnFacts(fc, fn).droppedCheck;
      if (dropped && fn === unwrap(valueNode)) {
        out.push({ messageId: 'returnCheckResult', fix: (fixer) => fixer.insertTextBefore(dropped, 'return ') });
      }
      if (removal) out.push(removal);
      return out;
    }

    return {
      // Library aliases (`tlsAllowInvalidHostnames: true`, mysql2 `ssl` without `verifyIdentity`, ...): rows in src/analysis/catalogue.
      ...(aliases &&
        aliasReportListeners(fc, context, 'hostname', {
          option: 'libraryOption',
          fix: 'libraryFix',
          ...(reportDefaults && { insecureDefault: 'insecureDefault' as const }),
        })),
      ...(own && {
        'Property[key.name="checkServerIdentity"], Property[key.value="checkServerIdentity"]'(node: TSESTree.Property) {
          if (node.parent.type !== 'ObjectExpression' || node.kind !== 'init') return;
          // `verify ? tls.checkServerIdentity : () => undefined` with `verify` unset: the no-op is the default.
          const anyHost = acceptsAnyHost(fc, node.value);
          const byDefault =
            anyHost || !reportDefaults ? undefined : reachedOperands(fc, node.value).find((o) => o.via === 'default' && acceptsAnyHost(fc, o.node));
          if (!anyHost && !byDefault) return;
          // Replaced wherever the object goes, not a TLS option bag, or never reaching a client connection: never called.
          if (!hostCheckIsCalled(fc, node, node.parent)) return;
          if (byDefault) {
            context.report({
              node,
              messageId: 'insecureDefault',
              data: { option: 'A `checkServerIdentity` that accepts any host', origin: deciderText(fc, byDefault.decider), effect: ANY_HOST_EFFECT },
            });
            return;
          }
          context.report({
            node,
            messageId: 'acceptsAnyHost',
            suggest: [
              ...suggestionsFor(node.value, { messageId: 'removeOption', fix: (fixer) => removeListItem(sourceCode, fixer, node) }),
              ...secureContextSuggestions(fc, context, node.parent, { factory: 'useFactory' }),
            ],
          });
        },
        NewExpression(node: TSESTree.NewExpression) {
          // `new tls.TLSSocket(raw, opts)` on a client, whose `verifyError()` the code reads: chain checked, hostname and SNI not.
          // (Without that check no-unverified-certificate reports it.)
          const callee = unwrap(node.callee);
          const name = callee.type === 'MemberExpression' ? memberName(callee) : callee.type === 'Identifier' ? callee.name : undefined;
          if (name !== 'TLSSocket' || !sinksForCall(fc, node).some((r) => r.role === 'tlssocket') || !isClientTlsSocket(fc, node)) return;
          if (tlsSocketPeerCheck(fc, node) !== 'verifyError') return;
          context.report({ node, messageId: 'tlsSocketHostname' });
        },
        'AssignmentExpression[left.property.name="checkServerIdentity"], AssignmentExpression[left.property.value="checkServerIdentity"]'(
          node: TSESTree.AssignmentExpression,
        ) {
          const left = node.left as TSESTree.MemberExpression;
          if (node.operator !== '=' || memberName(left) !== 'checkServerIdentity') return;
          const statement = enclosingExpressionStatement(node);
          const removal: TSESLint.SuggestionReportDescriptor<MessageId> | undefined = statement
            ? { messageId: 'removeAssignment', fix: (fixer) => removeStatement(sourceCode, fixer, statement) }
            : undefined;
          if (isModuleRef(fc, left, 'tls', 'checkServerIdentity')) {
            // A wrapper that returns the saved original's result keeps Node's check.
            if (keepsNodeHostCheck(fc, node.right)) return;
            context.report({ node, messageId: 'globalOverride', suggest: removal ? [removal] : [] });
            return;
          }
          if (!acceptsAnyHost(fc, node.right)) return;
          context.report({ node, messageId: 'acceptsAnyHost', suggest: suggestionsFor(node.right, removal) });
        },
      }),
    };
  },
});
