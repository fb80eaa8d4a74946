import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  evaluate,
  getFileContext,
  isContextuallyTyped,
  isEffectiveEntry,
  isTypeScriptFile,
  keyValues,
  ownerBag,
  resolveModuleRef,
  siteKey,
  siteValue,
  type KeyValues,
  type OptionSite,
  type Primitive,
} from '../src/analysis/index.js';
import {
  effectiveVersionRange,
  isLegacyTlsVersion,
  isTlsVersion,
  secureProtocolInfo,
  analyzeSecureOptions,
  SECURE_OPTION_BITS,
  type TlsVersion,
} from '../src/policy/index.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { quoted as quotedIn, removeSite as removeSiteIn, replaceValue, reportSite } from '../src/rule-kit/option-site.js';
import { maskWithout } from '../src/rule-kit/mask.js';

type MessageId =
  | 'useFactory'
  | 'minVersion'
  | 'maxVersion'
  | 'legacyProtocol'
  | 'sslProtocol'
  | 'pinsTls12'
  | 'onlyLegacy'
  | 'defaultMinVersion'
  | 'defaultMaxVersion'
  | 'raiseMinVersion'
  | 'removeMaxVersion'
  | 'useMinVersion'
  | 'removeAssignment'
  | 'removeVersionFlags';

type Options = [{ legacySpellings?: boolean }];

const OPTION_KEYS = new Set(['minVersion', 'maxVersion', 'secureProtocol', 'secureOptions']);
const GLOBAL_KEYS = new Set(['DEFAULT_MIN_VERSION', 'DEFAULT_MAX_VERSION']);

const ATTACK = '(deprecated by RFC 8996), so a network attacker can downgrade the connection and attack the weaker protocol';

const bitOf = (name: string): number => SECURE_OPTION_BITS.find((b) => b.name === name)?.value ?? 0;
const MODERN_OFF_BITS = bitOf('SSL_OP_NO_TLSv1_2') | bitOf('SSL_OP_NO_TLSv1_3');

/** `TLSv1` -> `TLS 1.0`. */
export function versionLabel(v: TlsVersion): string {
  return v === 'TLSv1' ? 'TLS 1.0' : v.replace('TLSv', 'TLS ');
}

function versionList(versions: Iterable<TlsVersion>): string {
  const labels = [...new Set(versions)].sort().map(versionLabel);
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

const isLegacyVersion = (v: Primitive): v is TlsVersion => isTlsVersion(v) && isLegacyTlsVersion(v);

/** The values a key may hold; absent and nullish keys give `[undefined]`; null when unknown. */
function candidates(kv: KeyValues): readonly Primitive[] | null {
  if (kv.state === 'absent') return [undefined];
  if (kv.state === 'unknown') return null;
  return kv.values;
}

const isSet = (v: Primitive): boolean => v !== undefined && v !== null && v !== '';

/** `'TLSv1'`, or `'TLSv1' | 'TLSv1.1'` for a value that may be either. */
const showValues = (values: readonly Primitive[]): string => values.map((v) => `'${String(v)}'`).join(' | ');

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
    messages: {
      useFactory: 'Build the options with `{{factory}}` from the tlsguard runtime (TLS 1.2+, strong ciphers, verification on).',
      minVersion: `\`minVersion: {{value}}\` allows {{versions}} ${ATTACK}. Raise it to \`'TLSv1.2'\`.`,
      maxVersion: "`maxVersion: {{value}}` caps the connection at {{version}}, a deprecated protocol version (RFC 8996), and turns off TLS 1.2 and 1.3. Remove it (the default maximum is TLS 1.3).",
      legacyProtocol: `\`secureProtocol: {{value}}\` allows {{versions}} ${ATTACK}. Use \`minVersion: 'TLSv1.2'\` instead.`,
      sslProtocol: "`secureProtocol: {{value}}` asks for SSL, which is broken (POODLE, DROWN); Node refuses it, so nothing connects. Use `minVersion: 'TLSv1.2'` instead.",
      pinsTls12: "`secureProtocol: {{value}}` is a legacy spelling that caps the connection at TLS 1.2 and turns off TLS 1.3. Use `minVersion: 'TLSv1.2'` instead.",
      onlyLegacy:
        '`secureOptions` turns off both TLS 1.2 and TLS 1.3, so only deprecated TLS 1.0/1.1 can be negotiated (or nothing connects at all). Remove `SSL_OP_NO_TLSv1_2` and `SSL_OP_NO_TLSv1_3`.',
      defaultMinVersion:
        'Setting `tls.DEFAULT_MIN_VERSION` to `{{value}}` allows {{versions}} (deprecated by RFC 8996) on every TLS connection and server the process creates afterwards, so a network attacker can downgrade them. Remove the assignment.',
      defaultMaxVersion:
        "Setting `tls.DEFAULT_MAX_VERSION` to `{{value}}` caps every TLS connection and server the process creates afterwards at {{version}}, a deprecated protocol version (RFC 8996). Remove the assignment.",
      raiseMinVersion: "Set `minVersion` to `'TLSv1.2'`.",
      removeMaxVersion: 'Remove `maxVersion` (the default maximum is TLS 1.3).',
      useMinVersion: "Replace `secureProtocol` with `minVersion: 'TLSv1.2'`.",
      removeAssignment: 'Remove this assignment.',
      removeVersionFlags: 'Remove the flags that turn off TLS 1.2 and TLS 1.3.',
    },
  },
  defaultOptions: [{ legacySpellings: false }],
  create(context, [options]) {
    const fc = getFileContext(context);
    const { sourceCode } = context;
    const legacySpellings = options.legacySpellings === true;
    const typescript = isTypeScriptFile(context.filename);

    type Suggestion = TSESLint.SuggestionReportDescriptor<MessageId>;


    
    
    const quoted = (valueNode: TSESTree.Node, text: string): string => quotedIn(sourceCode, valueNode, text);
    const removeSite = (site: OptionSite): TSESLint.ReportFixFunction | undefined => removeSiteIn(sourceCode, site);
    function report(site: OptionSite, messageId: MessageId, data: Record<string, string>, suggest: (Suggestion | undefined)[]): void {
      reportSite(fc, context, site, { messageId, data, suggest, factory: 'useFactory' });
    }

    function checkGlobal(site: TSESTree.AssignmentExpression, key: string): void {
      const ref = resolveModuleRef(fc, site.left);
      if (!ref || ref.module !== 'tls' || ref.path.length !== 1 || ref.path[0] !== key) return;
      const values = evaluate(fc, site.right);
      if (!values || values.length === 0 || !values.every(isLegacyVersion)) return;
      const remove = removeSite(site);
      const suggest = [remove && { messageId: 'removeAssignment' as const, fix: remove }];
      const value = showValues(values);
      if (key === 'DEFAULT_MIN_VERSION') {
        const versions = values.flatMap((v) => effectiveVersionRange({ minVersion: String(v) }).legacy);
        report(site, 'defaultMinVersion', { value, versions: versionList(versions) }, suggest);
      } else {
        report(site, 'defaultMaxVersion', { value, version: versionList(values as TlsVersion[]) }, suggest);
      }
    }

    function checkSite(site: OptionSite): void {
      const key = siteKey(site);
      if (key === undefined) return;
      if (site.type === AST_NODE_TYPES.Property) {
        if (site.parent.type !== AST_NODE_TYPES.ObjectExpression || site.kind !== 'init' || !OPTION_KEYS.has(key)) return;
      } else {
        if (site.operator !== '=') return;
        if (GLOBAL_KEYS.has(key)) return checkGlobal(site, key);
        if (!OPTION_KEYS.has(key)) return;
      }
      const bag = ownerBag(fc, site);
      if (!isEffectiveEntry(bag, key, site)) return;
      const values = evaluate(fc, siteValue(site));
      if (!values || values.length === 0) return;
      const others = (k: string): readonly Primitive[] | null => candidates(keyValues(fc, bag, k));

      switch (key) {
        case 'minVersion': {
          if (!values.every(isLegacyVersion)) return;
          const protocols = others('secureProtocol');
          if (!protocols || protocols.some(isSet)) return; // unknown, or Node throws ERR_TLS_PROTOCOL_VERSION_CONFLICT
          const maxes = others('maxVersion') ?? [undefined];
          const masks = others('secureOptions');
          if (!masks) return;
          const legacy: TlsVersion[] = [];
          for (const min of values) {
            for (const max of maxes) {
              for (const mask of masks) {
                const range = effectiveVersionRange({
                  minVersion: String(min),
                  maxVersion: typeof max === 'string' ? max : undefined,
                  secureOptions: typeof mask === 'number' ? mask : undefined,
                });
                if (range.legacy.length === 0) return;
                legacy.push(...range.legacy);
              }
            }
          }
          const raise = replaceValue(site, key, quoted(siteValue(site), 'TLSv1.2'));
          report(site, 'minVersion', { value: showValues(values), versions: versionList(legacy) }, [{ messageId: 'raiseMinVersion', fix: raise }]);
          return;
        }
        case 'maxVersion': {
          if (!values.every(isLegacyVersion)) return;
          const protocols = others('secureProtocol');
          if (!protocols || protocols.some(isSet)) return;
          const remove = removeSite(site);
          report(site, 'maxVersion', { value: showValues(values), version: versionList(values as TlsVersion[]) }, [remove && { messageId: 'removeMaxVersion', fix: remove }]);
          return;
        }
        case 'secureProtocol': {
          if (!values.every((v) => typeof v === 'string' && v !== '')) return;
          const limits = [...(others('minVersion') ?? ['?']), ...(others('maxVersion') ?? ['?'])];
          if (limits.some(isSet)) return; // unknown, or a version conflict that throws
          const masks = others('secureOptions');
          let worst: 'legacyProtocol' | 'sslProtocol' | 'pinsTls12' = 'pinsTls12';
          const legacy: TlsVersion[] = [];
          for (const value of values as string[]) {
            const info = secureProtocolInfo(value);
            if (info.kind === 'legacy') {
              if (!masks) return;
              for (const mask of masks) {
                const range = effectiveVersionRange({ secureProtocol: value, secureOptions: typeof mask === 'number' ? mask : undefined });
                if (range.legacy.length === 0) return;
                legacy.push(...range.legacy);
              }
              worst = 'legacyProtocol';
            } else if (info.kind === 'disabled') {
              if (worst === 'pinsTls12') worst = 'sslProtocol';
            } else if (info.kind !== 'pins-tls12' || !legacySpellings) {
              return;
            }
          }
          let fix: TSESLint.ReportFixFunction | undefined;
          if (site.type === AST_NODE_TYPES.Property) {
            const object = site.parent as TSESTree.ObjectExpression;
            const suffix = typescript && !isContextuallyTyped(fc, object) ? ' as const' : '';
            const text = `minVersion: ${quoted(site.value, 'TLSv1.2')}${suffix}`;
            fix = (fixer) => fixer.replaceText(site, text);
          } else {
            fix = removeSite(site);
          }
          const suggestion: Suggestion | undefined =
            fix && (site.type === AST_NODE_TYPES.Property ? { messageId: 'useMinVersion', fix } : { messageId: 'removeAssignment', fix });
          report(site, worst, { value: showValues(values), versions: versionList(legacy) }, [suggestion]);
          return;
        }
        case 'secureOptions': {
          const offBoth = (v: Primitive): boolean => {
            if (typeof v !== 'number' || !Number.isInteger(v)) return false;
            const off = analyzeSecureOptions(v).disabledVersions;
            return off.includes('TLSv1.2') && off.includes('TLSv1.3');
          };
          if (!values.every(offBoth)) return;
          const text = maskWithout(fc, sourceCode, siteValue(site), MODERN_OFF_BITS);
          let fix: TSESLint.ReportFixFunction | undefined;
          if (text === '') fix = removeSite(site);
          else if (text !== undefined) fix = replaceValue(site, key, text);
          report(site, 'onlyLegacy', {}, [fix && { messageId: 'removeVersionFlags', fix }]);
          return;
        }
      }
    }

    return {
      'Property[key.name=/^(minVersion|maxVersion|secureProtocol|secureOptions)$/], Property[key.value=/^(minVersion|maxVersion|secureProtocol|secureOptions)$/]': checkSite,
      'AssignmentExpression[left.property.name=/^(minVersion|maxVersion|secureProtocol|secureOptions|DEFAULT_MIN_VERSION|DEFAULT_MAX_VERSION)$/], AssignmentExpression[left.property.value=/^(minVersion|maxVersion|secureProtocol|secureOptions|DEFAULT_MIN_VERSION|DEFAULT_MAX_VERSION)$/]':
        checkSite,
    };
  },
});
