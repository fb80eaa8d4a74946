import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  bagKeyOrigin,
  constInitializer,
  delegatesTo,
  destinationRoles,
  getFileContext,
  acceptsAnyHost,
  isEffectiveEntry,
  isClientTlsSocket,
  isModuleRef,
  memberName,
  mentions,
  onlyToClosedApis,
  ownerBag,
  reachedOperands,
  resolveFunction,
  returnFacts,
  shadowedAtEveryUse,
  sinksForCall,
  tlsSocketPeerCheck,
  unwrap,
  wordsPattern,
  type FileContext,
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
          // A later key, write or agent option replaces this one wherever the object goes: never called.
          if (!isEffectiveEntry(ownerBag(fc, node), 'checkServerIdentity', node) || shadowedAtEveryUse(fc, node, 'checkServerIdentity')) return;
          // With types: an object whose type declares the key outside TLS code is not a TLS option bag.
          if (bagKeyOrigin(fc, node.parent, 'checkServerIdentity')?.kind === 'unrelated') return;
          // An object that goes only to a closed API's non-TLS arguments (a `fetch` init): the callback is never called.
          if (onlyToClosedApis(fc, node.parent)) return;
          // Only a client connection calls it (tls.connect's handshake): servers, secure contexts and
          // `new tls.TLSSocket()` never do.
          const roles = destinationRoles(fc, node);
          if (!roles.has('client') && !roles.has('agent') && !roles.has('unknown')) return;
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
            // A wrapper that returns the saved original's result keeps Node's check (whistle 2.10.10, index.js).
            if (delegatesTo(fc, node.right, (n) => savedCheck(fc, n))) return;
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

/**
 * A local bound once to Node's own check: `const original = tls.checkServerIdentity`. (Read after
 * the replacement, it would be the wrapper itself, which then recurses and throws: it fails closed.)
 */
function savedCheck(fc: FileContext, node: TSESTree.Node): boolean {
  const id = unwrap(node);
  const init = id.type === 'Identifier' ? constInitializer(fc, id) : undefined;
  return init !== undefined && isModuleRef(fc, init, 'tls', 'checkServerIdentity');
}
