import type { TSESLint } from '@typescript-eslint/utils';
import { getFileContext, mentions, siteValue, wordsPattern, type FileContext, type OptionSite } from '../src/analysis/index.js';
import { CIPHER_GLOBAL_KEYS, CIPHER_OPTION_KEYS, cipherSiteVerdict, type CipherJudging, type CipherVerdict } from '../src/analysis/cipher-site.js';
import { MIN_DH_SIZE, PROFILES, describeSuites, type CipherPolicy, type NodeTarget } from '../src/policy/index.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { dropBitsFix, optionSiteSelectors, quoted, removeSite, replaceValue, reportSite } from '../src/rule-kit/option-site.js';
import { nodeTarget } from '../src/rule-kit/target.js';

type MessageId =
  | 'useFactory'
  | 'weakCiphers'
  | 'secLevelZero'
  | 'smallDh'
  | 'weakCurves'
  | 'weakSigalgs'
  | 'weakSecureOptions'
  | 'useProfileCiphers'
  | 'removeSecLevel'
  | 'raiseDhSize'
  | 'dropWeakEntries'
  | 'removeOption'
  | 'removeFlags';

type Options = [{ policy?: CipherPolicy; securityLevel?: number }];

/** Every finding sits on one of these keys, written out: a file without them gets no listeners. */
const MENTIONS = wordsPattern([...CIPHER_OPTION_KEYS, ...Object.keys(CIPHER_GLOBAL_KEYS)]);
const SELECTORS = optionSiteSelectors(CIPHER_OPTION_KEYS, Object.keys(CIPHER_GLOBAL_KEYS));
const SHOWN = 3;

const PROFILE_CIPHERS = PROFILES.intermediate.ciphers;

type Suggestion = TSESLint.SuggestionReportDescriptor<MessageId>;
type Context = Readonly<TSESLint.RuleContext<MessageId, Options>>;
type SourceCode = Context['sourceCode'];
type Report = { messageId: MessageId; data: Record<string, string>; suggest: (Suggestion | undefined)[] };

/** The report of a verdict: its message, the message's data and the minimal suggestions. */
function reportOf(fc: FileContext, sourceCode: SourceCode, site: OptionSite, verdict: NonNullable<CipherVerdict>): Report {
  const replaceWith = (key: string, text: string): TSESLint.ReportFixFunction => replaceValue(site, key, quoted(sourceCode, siteValue(site), text));
  switch (verdict.kind) {
    case 'weakCiphers':
      return {
        messageId: 'weakCiphers',
        data: { option: verdict.option, ...describeSuites(verdict.weak, SHOWN), where: verdict.where },
        suggest: [{ messageId: 'useProfileCiphers', fix: replaceWith(verdict.key, PROFILE_CIPHERS) }],
      };
    case 'secLevelZero': {
      const { key, withoutSecLevel } = verdict;
      return {
        messageId: 'secLevelZero',
        data: {},
        suggest: [
          withoutSecLevel === undefined ? undefined : { messageId: 'removeSecLevel', fix: replaceWith(key, withoutSecLevel) },
          verdict.replaceable ? { messageId: 'useProfileCiphers', fix: replaceWith(key, PROFILE_CIPHERS) } : undefined,
        ],
      };
    }
    case 'weakList': {
      const { remaining } = verdict;
      const remove = remaining === '' ? removeSite(sourceCode, site) : undefined;
      return {
        messageId: verdict.list === 'curves' ? 'weakCurves' : 'weakSigalgs',
        data: { option: verdict.option, names: verdict.names.join(', '), where: verdict.where },
        suggest: [
          remaining === undefined
            ? undefined
            : remaining !== ''
              ? { messageId: 'dropWeakEntries', fix: replaceWith(verdict.key, remaining) }
              : remove && { messageId: 'removeOption', fix: remove },
        ],
      };
    }
    case 'smallDh':
      return {
        messageId: 'smallDh',
        data: { value: String(verdict.value), min: String(MIN_DH_SIZE) },
        suggest: [{ messageId: 'raiseDhSize', fix: replaceValue(site, 'minDHSize', String(MIN_DH_SIZE)) }],
      };
    case 'weakSecureOptions': {
      const { bits } = verdict;
      const fix = dropBitsFix(fc, sourceCode, site, verdict.key, verdict.mask);
      return {
        messageId: 'weakSecureOptions',
        data: { names: bits.map((b) => b.name).join(', '), reasons: bits.map((b) => b.reason).join('; '), them: bits.length === 1 ? 'it' : 'them' },
        suggest: [fix && { messageId: 'removeFlags', fix }],
      };
    }
  }
}

export default createRule<Options, MessageId>({
  name: 'no-weak-cipher',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow weak cipher suites, key exchange groups and signature algorithms',
      recommended: true,
      category: 'weak-cipher',
      cwe: ['CWE-327', 'CWE-326'],
      strictOptions: [{ policy: 'strict' }],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          policy: {
            type: 'string',
            enum: ['recommended', 'strict'],
            description: '`strict` also reports cipher suites without forward secrecy or without AEAD.',
          },
          securityLevel: {
            type: 'integer',
            minimum: 0,
            maximum: 5,
            description:
              "The OpenSSL security level the code runs at when a cipher string sets no `@SECLEVEL` (default: OpenSSL's own for each Node version of the target, 1 before Node 24.5 and 2 from it; see `settings.tlsguard.node`). At 0, suites OpenSSL refuses at level 1 (anonymous, NULL, MD5) count as offered, so `HIGH` alone is reported.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ policy: 'recommended' }],
    messages: {
      useFactory: 'Build the options with `{{factory}}` from the tlsguard runtime ({{versions}}, strong ciphers, verification on).{{dependency}}',
      weakCiphers:
        '`{{option}}` makes OpenSSL offer {{count}}{{where}} ({{reasons}}): {{suites}}. If one is negotiated, {{impact}}. List only strong suites, such as the Mozilla intermediate list.',
      secLevelZero:
        "`@SECLEVEL=0` switches off OpenSSL's security level checks, so keys below 80-bit security (such as 768-bit RSA) and, on Node 17 and later, certificates signed with SHA-1 and TLS 1.0/1.1 handshakes (where `minVersion` allows them) are accepted; NULL (unencrypted) and anonymous suites only where the cipher string selects them. Remove it.",
      smallDh:
        '`minDHSize: {{value}}` accepts Diffie-Hellman groups smaller than {{min}} bits, which a well-funded attacker can break (Logjam). Use at least {{min}}.',
      weakCurves:
        '`{{option}}` lets the key exchange use elliptic curves below 128-bit security ({{names}}){{where}}: a peer that offers or picks one negotiates it, and the session keys then come from a key exchange below 128-bit security. Remove them.',
      weakSigalgs:
        '`{{option}}` lets TLS 1.2 handshakes be signed with SHA-1 ({{names}}){{where}}. SHA-1 signatures are open to transcript-collision attacks (SLOTH), and RFC 9155 forbids them. Remove the SHA-1 entries.',
      weakSecureOptions: '`secureOptions` sets {{names}}: {{reasons}}. Remove {{them}}.',
      useProfileCiphers: 'Replace with the Mozilla intermediate cipher list.',
      removeSecLevel: 'Remove `@SECLEVEL=0`.',
      raiseDhSize: `Set \`minDHSize\` to ${MIN_DH_SIZE}.`,
      dropWeakEntries: 'Remove the weak entries.',
      removeOption: 'Remove this option (the default is strong).',
      removeFlags: 'Remove the weakening flags.',
    },
  },
  defaultOptions: [{ policy: 'recommended' }],
  create(context, [options]) {
    const fc = getFileContext(context);
    if (!mentions(fc, MENTIONS)) return {};
    const { sourceCode } = context;
    let target: NodeTarget | undefined;
    const judging: CipherJudging = {
      policy: options.policy === 'strict' ? 'strict' : 'recommended',
      securityLevel: options.securityLevel,
      target: () => (target ??= nodeTarget(context)),
    };
    const check = (site: OptionSite): void => {
      const verdict = cipherSiteVerdict(fc, site, judging);
      if (verdict) reportSite(fc, context, site, { ...reportOf(fc, sourceCode, site, verdict), factory: 'useFactory' });
    };
    return { [SELECTORS.property]: check, [SELECTORS.assignment]: check };
  },
});
