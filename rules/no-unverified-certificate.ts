import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  always,
  bagOf,
  evaluate,
  getFileContext,
  insecureReach,
  isClientTlsSocket,
  keepsEarlierValue,
  lookup,
  memberName,
  mentions,
  objectVerdict,
  onlyReadsInternals,
  propertyName,
  shadowedAtEveryUse,
  sinksForCall,
  tlsSocketPeerCheck,
  unwrap,
  wordsPattern,
  writeVerdict,
  type CertificateVerdict,
  type Reached,
} from '../src/analysis/index.js';
import { deciderText } from '../src/analysis/library-aliases.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { aliasMentions, aliasReportListeners } from '../src/rule-kit/alias-report.js';
import { secureContextSuggestions } from '../src/rule-kit/factory.js';
import { enclosingExpressionStatement, removeListItem, removeStatement } from '../src/rule-kit/fixes.js';

type MessageId =
  | 'clientSink'
  | 'unknownSink'
  | 'globalAgent'
  | 'mtlsNotEnforced'
  | 'clientTlsSocket'
  | 'libraryOption'
  | 'proxyOption'
  | 'libraryFix'
  | 'removeOption'
  | 'removeAssignment'
  | 'useTlsConnect'
  | 'useFactory'
  | 'useFactoryWithCa'
  | 'insecureDefault'
  | 'secureDefault';

type Options = [{ reportInsecureDefaults?: boolean }];

const FIX_HINT = 'Remove it; if the server uses a private CA, trust that CA (`ca`, or `extraCa` with the tlsguard runtime) instead.';

/** Every finding outside the library aliases names one of these. */
const MENTIONS = wordsPattern(['rejectUnauthorized', 'TLSSocket']);

export default createRule<Options, MessageId>({
  name: 'no-unverified-certificate',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow turning off TLS certificate verification',
      recommended: true,
      category: 'cert-verification',
      cwe: ['CWE-295'],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          reportInsecureDefaults: {
            type: 'boolean',
            description: 'Report options that are insecure unless the caller or environment says otherwise (`rejectUnauthorized: opts.verify ?? false`).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ reportInsecureDefaults: true }],
    messages: {
      clientSink: `\`rejectUnauthorized: false\` turns off certificate verification for {{sink}}, so anyone on the network path can impersonate the server and read or alter the traffic. ${FIX_HINT}`,
      unknownSink: `\`rejectUnauthorized: false\` turns off TLS certificate verification for any connection made with this options object, so anyone on the network path can impersonate the server. ${FIX_HINT}`,
      globalAgent: `Writing \`rejectUnauthorized = false\` into {{target}} turns off certificate verification for every HTTPS request that uses the global agent, process-wide. ${FIX_HINT}`,
      mtlsNotEnforced:
        'This server requests client certificates (`requestCert: true`) but accepts clients whose certificate fails verification (`rejectUnauthorized: false`), so mutual TLS is not enforced. Remove `rejectUnauthorized: false`, or check `socket.authorized` before trusting a client.',
      clientTlsSocket:
        'A client-side `new tls.TLSSocket()` completes the handshake with any server (even with `rejectUnauthorized: true`): nothing here checks its certificate chain (`verifyError()`) or its hostname, so any server can impersonate the peer. Use `tls.connect({ socket, servername })`, which verifies both.',
      libraryOption: '{{option}} ({{library}}) {{effect}}, so anyone on the network path can impersonate the server and read or alter the traffic. {{way}}',
      proxyOption: '{{option}} ({{library}}) {{effect}}, so anyone on the network path to the target can impersonate it and read or alter {{exposes}}. {{way}}',
      libraryFix: '{{fix}}',
      removeOption: 'Remove `rejectUnauthorized: false` (verification is on by default).',
      removeAssignment: 'Remove this assignment.',
      useTlsConnect: 'Replace with `tls.connect({ socket, ... })`, which verifies the certificate.',
      useFactory: 'Build the options with `{{factory}}` from the tlsguard runtime (verification on, {{versions}}, strong ciphers).{{dependency}}',
      useFactoryWithCa: 'Use `{{factory}}` and trust your private CA (PEM in `TLS_PRIVATE_CA_PEM`) instead of turning verification off.{{dependency}}',
      insecureDefault:
        '{{option}} is the default here (`{{origin}}`), so {{effect}} unless the caller or environment says otherwise. Make the verifying value the default, so that turning verification off takes an explicit choice.',
      secureDefault: 'Make the default `{{value}}`.',
    },
  },
  defaultOptions: [{ reportInsecureDefaults: true }],
  create(context, [options]) {
    const fc = getFileContext(context);
    // Gates: Node's own findings need `rejectUnauthorized` or `TLSSocket` in the text, the library
    // aliases one of their words. A file with neither gets no listeners.
    const own = mentions(fc, MENTIONS);
    const aliases = mentions(fc, aliasMentions('certificate'));
    if (!own && !aliases) return {};
    const { sourceCode } = context;

    const isFalse = (node: TSESTree.Node): boolean => always(evaluate(fc, node), (v) => v === false);
    const reportDefaults = options.reportInsecureDefaults !== false;
    /**
     * `false` from a literal or default in the file when the value is decided at run time
     * (`opts.verify ?? false`, `verify = false`, `legacy ? false : true` with `legacy = true`). A
     * literal that a call passes is a plain finding; a default is reported as one when asked.
     */
    const reachedFalse = (node: TSESTree.Node): Reached | undefined => {
      const reach = insecureReach(fc, node, (v) => v === false);
      return reach && (reach.via === 'literal' || reportDefaults) ? reach : undefined;
    };
    /** The report of a `false` that is the default: what is off, and the rewrite of the default's literal. */
    const defaultReport = (reach: Reached, verdict: NonNullable<CertificateVerdict>, at: TSESTree.Node): TSESLint.ReportDescriptor<MessageId> => ({
      node: at,
      messageId: 'insecureDefault',
      data: { option: '`rejectUnauthorized: false`', origin: deciderText(fc, reach.decider ?? at), effect: defaultEffect(verdict) },
      suggest: reach.origin ? [{ messageId: 'secureDefault', data: { value: 'true' }, fix: (fixer) => fixer.replaceText(reach.origin!, 'true') }] : [],
    });

    /**
     * The options of `new TLSSocket(s, options)` as extra `tls.connect` properties: copied from an
     * object literal without `rejectUnauthorized: false`; undefined when they cannot be carried over
     * (server-only keys, or a bag we cannot see).
     */
    function connectOptionsText(options: TSESTree.Node | undefined): string | undefined {
      if (!options) return '';
      const object = unwrap(options);
      if (object.type !== 'ObjectExpression') return undefined;
      const parts: string[] = [];
      for (const prop of object.properties) {
        if (prop.type === 'SpreadElement') return undefined;
        const key = propertyName(prop);
        if (key === undefined || key === 'isServer' || key === 'server' || key === 'requestOCSP') return undefined;
        if (key === 'rejectUnauthorized' && isFalse(prop.value)) continue;
        parts.push(sourceCode.getText(prop));
      }
      return parts.map((p) => `, ${p}`).join('');
    }

    return {
      // Library aliases (`strictSSL: false`, `tlsInsecure: true`, `.disableTLSCerts()`, ...): rows in src/analysis/catalogue.
      ...(aliases &&
        aliasReportListeners(fc, context, 'certificate', {
          option: 'libraryOption',
          proxy: 'proxyOption',
          fix: 'libraryFix',
          ...(reportDefaults && { insecureDefault: 'insecureDefault' as const }),
        })),
      ...(own && {
        'Property[key.name="rejectUnauthorized"], Property[key.value="rejectUnauthorized"]'(node: TSESTree.Property) {
          if (node.parent.type !== 'ObjectExpression' || node.kind !== 'init') return;
          const reach = isFalse(node.value) ? undefined : reachedFalse(node.value);
          if (!reach && !isFalse(node.value)) return;
          // `{ rejectUnauthorized: false, rejectUnauthorized: true }`: only the last key counts.
          const own = bagOf(fc, node.parent);
          if (own && lookup(own, 'rejectUnauthorized')?.entry.node !== node) return;
          // `{ ...base, rejectUnauthorized: true }` everywhere `base` goes: the false never reaches an API.
          if (shadowedAtEveryUse(fc, node, 'rejectUnauthorized')) return;
          const verdict = objectVerdict(fc, node.parent);
          if (!verdict) return;
          if (reach?.via === 'default') return context.report(defaultReport(reach, verdict, node));
          context.report({
            node,
            messageId: verdict.id,
            data: 'sink' in verdict ? { sink: verdict.sink } : 'target' in verdict ? { target: verdict.target } : {},
            suggest: [
              verdict.id === 'clientSink' && verdict.insecureDefault
                ? {
                    messageId: 'libraryFix',
                    data: { fix: `Replace with \`rejectUnauthorized: true\` (${verdict.insecureDefault} does not verify by default).` },
                    fix: (fixer) => fixer.replaceText(node.value, 'true'),
                  }
                : { messageId: 'removeOption', fix: (fixer) => removeListItem(sourceCode, fixer, node) },
              ...(verdict.id === 'clientSink' || verdict.id === 'mtlsNotEnforced'
                ? secureContextSuggestions(fc, context, node.parent, { factory: 'useFactory', factoryWithCa: 'useFactoryWithCa' })
                : []),
            ],
          });
        },

        'AssignmentExpression[left.type="MemberExpression"]'(node: TSESTree.AssignmentExpression) {
          const left = node.left as TSESTree.MemberExpression;
          // `??=`/`||=` write `false` as a default: whenever the key is unset, which is the usual case.
          const logical = node.operator === '??=' || node.operator === '||=';
          if ((node.operator !== '=' && !logical) || memberName(left) !== 'rejectUnauthorized') return;
          const reach = isFalse(node.right) || logical ? undefined : reachedFalse(node.right);
          if (!reach && !isFalse(node.right)) return;
          if (logical && keepsEarlierValue(fc, left.object, node)) return;
          const verdict = writeVerdict(fc, left.object);
          if (!verdict) return;
          if (reach?.via === 'default') return context.report(defaultReport(reach, verdict, node));
          const statement = enclosingExpressionStatement(node);
          context.report({
            node,
            messageId: verdict.id,
            data: 'sink' in verdict ? { sink: verdict.sink } : 'target' in verdict ? { target: verdict.target } : {},
            suggest: statement ? [{ messageId: 'removeAssignment', fix: (fixer) => removeStatement(sourceCode, fixer, statement) }] : [],
          });
        },

        NewExpression(node: TSESTree.NewExpression) {
          const callee = unwrap(node.callee);
          const name = callee.type === 'MemberExpression' ? memberName(callee) : callee.type === 'Identifier' ? callee.name : undefined;
          if (name !== 'TLSSocket') return;
          if (!sinksForCall(fc, node).some((r) => r.role === 'tlssocket') || !isClientTlsSocket(fc, node)) return;
          // The code reads the chain result (`verifyError()`: no-unverified-hostname reports the missing
          // hostname check and SNI), or `authorized`, which such a socket never sets: no server passes.
          if (tlsSocketPeerCheck(fc, node)) return;
          // A socket made only to read an internal (`(new tls.TLSSocket(s))._handle`): nothing talks through it.
          if (onlyReadsInternals(node)) return;
          const suggest: TSESLint.SuggestionReportDescriptor<MessageId>[] = [];
          const socket = node.arguments[0];
          const rest = connectOptionsText(node.arguments[1]);
          if (callee.type === 'MemberExpression' && socket && socket.type !== 'SpreadElement' && node.arguments.length <= 2 && rest !== undefined) {
            const objectText = sourceCode.getText(callee.object);
            suggest.push({
              messageId: 'useTlsConnect',
              fix: (fixer) => fixer.replaceText(node, `${objectText}.connect({ socket: ${sourceCode.getText(socket)}${rest} })`),
            });
          }
          context.report({ node, messageId: 'clientTlsSocket', suggest });
        },
      }),
    };
  },
});

/** What a default `rejectUnauthorized: false` leaves open, by where the options go. */
function defaultEffect(verdict: NonNullable<CertificateVerdict>): string {
  switch (verdict.id) {
    case 'clientSink':
      return `certificate verification is off for ${verdict.sink}`;
    case 'globalAgent':
      return `certificate verification is off for every HTTPS request that uses ${verdict.target}`;
    case 'mtlsNotEnforced':
      return 'this server accepts clients whose certificate fails verification';
    case 'unknownSink':
      return 'certificate verification is off where this options object is used';
  }
}
