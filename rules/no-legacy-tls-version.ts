import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  getFileContext,
  isContextuallyTyped,
  isTypeScriptFile,
  mayReferenceModules,
  mentions,
  siteValue,
  type FileContext,
  type OptionSite,
} from '../src/analysis/index.js';
import { cdkModules, cdkPolicyKeys } from '../src/analysis/cdk.js';
import {
  cdkDefaultVerdict,
  cdkPolicyVerdict,
  legacyVersionAt,
  LEGACY_GLOBAL_KEYS,
  LEGACY_MENTIONS,
  LEGACY_OPTION_KEYS,
  MODERN_OFF_BITS,
  type LegacyVersionVerdict,
} from '../src/analysis/legacy-version.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { cdkDefaultFix, cdkPolicyFix } from '../src/rule-kit/cdk-fixes.js';
import { dropBitsFix, optionSiteSelectors, quoted, removeSite, replaceValue, reportSite } from '../src/rule-kit/option-site.js';
import { legacyTlsNote } from '../src/rule-kit/legacy-tls-note.js';
import { nodeTarget } from '../src/rule-kit/target.js';
import type { NodeTarget } from '../src/policy/index.js';

export { versionLabel } from '../src/analysis/legacy-version.js';

type Options = [{ legacySpellings?: boolean }];

const SELECTORS = optionSiteSelectors(LEGACY_OPTION_KEYS, LEGACY_GLOBAL_KEYS);

/** What allowing TLS 1.0/1.1 does: TLS 1.3's downgrade protection stops a forced downgrade between two modern peers, so the claim is about peers that offer no more. */
const ATTACK = '(deprecated by RFC 8996), which are then used with every peer that offers no newer version{{level0}}';

const messages = {
  useFactory: 'Build the options with `{{factory}}` from the tlsguard runtime ({{versions}}, strong ciphers, verification on).{{dependency}}',
  minVersion: `\`minVersion: {{value}}\` allows {{versions}} ${ATTACK}. Raise it to \`'TLSv1.2'\`.`,
  maxVersion:
    '`maxVersion: {{value}}` caps the connection at {{version}}, a deprecated protocol version (RFC 8996), and turns off TLS 1.2 and 1.3. Remove it (the default maximum is TLS 1.3).',
  legacyProtocol: `\`secureProtocol: {{value}}\` allows {{versions}} ${ATTACK}. Use \`minVersion: 'TLSv1.2'\` instead.`,
  pinsLegacy:
    "`secureProtocol: {{value}}` pins {{versions}} only: TLS 1.2 and 1.3 are off, so every connection uses a protocol deprecated by RFC 8996 and none can be made with a peer that has turned it off{{level0}}. Use `minVersion: 'TLSv1.2'` instead.",
  sslProtocol:
    "`secureProtocol: {{value}}` asks for SSL, which is broken (POODLE, DROWN); Node refuses it, so nothing connects. Use `minVersion: 'TLSv1.2'` instead.",
  pinsTls12: "`secureProtocol: {{value}}` is a legacy spelling that caps the connection at TLS 1.2 and turns off TLS 1.3. Use `minVersion: 'TLSv1.2'` instead.",
  onlyLegacy:
    '`secureOptions` turns off both TLS 1.2 and TLS 1.3, so only deprecated TLS 1.0/1.1 can be negotiated (or nothing connects at all). Remove `SSL_OP_NO_TLSv1_2` and `SSL_OP_NO_TLSv1_3`.',
  defaultMinVersion:
    'Setting `tls.DEFAULT_MIN_VERSION` to `{{value}}` allows {{versions}} (deprecated by RFC 8996) on every TLS connection and server the process creates afterwards without its own `minVersion`, with every peer that offers no newer version{{level0}}. Remove the assignment.',
  defaultMaxVersion:
    'Setting `tls.DEFAULT_MAX_VERSION` to `{{value}}` caps every TLS connection and server the process creates afterwards at {{version}}, a deprecated protocol version (RFC 8996). Remove the assignment.',
  raiseMinVersion: "Set `minVersion` to `'TLSv1.2'`.",
  removeMaxVersion: 'Remove `maxVersion` (the default maximum is TLS 1.3).',
  useMinVersion: "Replace `secureProtocol` with `minVersion: 'TLSv1.2'`.",
  removeAssignment: 'Remove this assignment.',
  removeVersionFlags: 'Remove the flags that turn off TLS 1.2 and TLS 1.3.',
  cdkLegacyPolicy: '`{{key}}: {{value}}` makes this {{service}} accept clients down to {{floor}} (deprecated); set it to `{{secure}}`.',
  cdkLegacyDefault:
    'This {{service}} has no `{{key}}`, and the documented default {{default}} accepts clients down to {{floor}} (deprecated); set `{{key}}: {{secure}}`.',
  useSecurePolicy: 'Set `{{key}}` to `{{secure}}`.',
  addSecurePolicy: 'Add `{{key}}: {{secure}}`.',
};
type MessageId = keyof typeof messages;

type Suggestion = TSESLint.SuggestionReportDescriptor<MessageId>;
type Context = Readonly<TSESLint.RuleContext<MessageId, Options>>;
type SourceCode = Context['sourceCode'];

/** The suggestion for a finding on a Node option or `tls.DEFAULT_*` assignment. */
function suggestionFor(fc: FileContext, sourceCode: SourceCode, typescript: boolean, verdict: LegacyVersionVerdict): Suggestion | undefined {
  const { site, key } = verdict;
  switch (verdict.id) {
    case 'defaultMinVersion':
    case 'defaultMaxVersion': {
      const remove = removeSite(sourceCode, site);
      return remove && { messageId: 'removeAssignment', fix: remove };
    }
    case 'minVersion':
      return { messageId: 'raiseMinVersion', fix: replaceValue(site, key, quoted(sourceCode, siteValue(site), 'TLSv1.2')) };
    case 'maxVersion': {
      const remove = removeSite(sourceCode, site);
      return remove && { messageId: 'removeMaxVersion', fix: remove };
    }
    case 'onlyLegacy': {
      const fix = dropBitsFix(fc, sourceCode, site, key, MODERN_OFF_BITS);
      return fix && { messageId: 'removeVersionFlags', fix };
    }
    default: {
      if (site.type !== 'Property') {
        const fix = removeSite(sourceCode, site);
        return fix && { messageId: 'removeAssignment', fix };
      }
      const object = site.parent as TSESTree.ObjectExpression;
      const suffix = typescript && !isContextuallyTyped(fc, object) ? ' as const' : '';
      const text = `minVersion: ${quoted(sourceCode, site.value, 'TLSv1.2')}${suffix}`;
      return { messageId: 'useMinVersion', fix: (fixer) => fixer.replaceText(site, text) };
    }
  }
}

export default createRule<Options, MessageId>({
  name: 'no-legacy-tls-version',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow TLS versions older than TLS 1.2',
      recommended: true,
      category: 'protocol-version',
      cwe: ['CWE-326', 'CWE-757'],
      strictOptions: [{ legacySpellings: true }],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          legacySpellings: {
            type: 'boolean',
            description: "Also report `secureProtocol: 'TLSv1_2_method'` and `'SSLv23_method'`, which cap the connection at TLS 1.2.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ legacySpellings: false }],
    messages,
  },
  defaultOptions: [{ legacySpellings: false }],
  create(context, [options]) {
    const fc = getFileContext(context);
    // Gates: Node options need their keys in the text, CDK policies an import of a CDK module. A
    // file with neither gets no listeners.
    const nodeOptions = mentions(fc, LEGACY_MENTIONS);
    const cdk = mayReferenceModules(fc, cdkModules());
    if (!nodeOptions && !cdk) return {};
    const { sourceCode } = context;
    let level0: string | undefined;
    const level0Note = (): string => (level0 ??= legacyTlsNote(context));
    let target: NodeTarget | undefined;
    const judge = { legacySpellings: options.legacySpellings === true, target: () => (target ??= nodeTarget(context)) };
    const typescript = isTypeScriptFile(context.filename);
    const checkSite = (site: OptionSite): void => {
      const verdict = legacyVersionAt(fc, site, judge);
      if (!verdict) return;
      const suggest = [suggestionFor(fc, sourceCode, typescript, verdict)];
      reportSite(fc, context, site, { messageId: verdict.id, data: { ...verdict.data, level0: level0Note() }, suggest, factory: 'useFactory' });
    };
    return {
      ...(cdk && {
        [optionSiteSelectors(cdkPolicyKeys()).property]: (site: TSESTree.Property) => {
          const verdict = cdkPolicyVerdict(fc, site);
          if (!verdict) return;
          const fix = cdkPolicyFix(fc, sourceCode, site, verdict);
          const { key, secure } = verdict.data;
          context.report({
            node: site,
            messageId: 'cdkLegacyPolicy',
            data: verdict.data,
            suggest: fix ? [{ messageId: 'useSecurePolicy', data: { key, secure }, fix }] : [],
          });
        },
        'NewExpression, CallExpression[callee.property.name=/^from(Acm|Iam)Certificate$/]': (call: TSESTree.NewExpression | TSESTree.CallExpression) => {
          const verdict = cdkDefaultVerdict(fc, call);
          if (!verdict) return;
          const fix = cdkDefaultFix(fc, sourceCode, call, verdict);
          const { key, secure } = verdict.data;
          context.report({
            node: call.callee,
            messageId: 'cdkLegacyDefault',
            data: verdict.data,
            suggest: fix ? [{ messageId: 'addSecurePolicy', data: { key, secure }, fix }] : [],
          });
        },
      }),
      ...(nodeOptions && {
        [SELECTORS.property]: checkSite,
        [SELECTORS.assignment]: checkSite,
      }),
    };
  },
});
