import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  evaluate,
  getFileContext,
  isContextuallyTyped,
  isEffectiveEntry,
  isTypeScriptFile,
  keyValues,
  mayReferenceModules,
  mentions,
  onlyToClosedApis,
  ownerBag,
  shadowedAtEveryUse,
  wordsPattern,
  resolveModuleRef,
  judgedValues,
  siteKey,
  siteValue,
  type KeyValues,
  type FileContext,
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
import { aliasEnumObject, cdkModules, cdkPolicyKeys, enumSpelling, legacyDefaultAt, legacyPolicyAt, type PolicyValue } from '../src/analysis/cdk.js';
import { unwrap } from '../src/analysis/ast.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { lineBreakAt } from '../src/rule-kit/fixes.js';
import { planNamedImport } from '../src/rule-kit/imports.js';
import { optionSiteSelectors, quoted as quotedIn, removeSite as removeSiteIn, replaceValue, reportSite } from '../src/rule-kit/option-site.js';
import { maskWithout } from '../src/rule-kit/mask.js';
import { legacyTlsNote } from '../src/rule-kit/legacy-tls-note.js';
import { nodeTarget } from '../src/rule-kit/target.js';

type MessageId =
  | 'useFactory'
  | 'minVersion'
  | 'maxVersion'
  | 'legacyProtocol'
  | 'pinsLegacy'
  | 'sslProtocol'
  | 'pinsTls12'
  | 'onlyLegacy'
  | 'defaultMinVersion'
  | 'defaultMaxVersion'
  | 'raiseMinVersion'
  | 'removeMaxVersion'
  | 'useMinVersion'
  | 'removeAssignment'
  | 'removeVersionFlags'
  | 'cdkLegacyPolicy'
  | 'cdkLegacyDefault'
  | 'useSecurePolicy'
  | 'addSecurePolicy';

type Options = [{ legacySpellings?: boolean }];

const OPTION_KEYS = new Set(['minVersion', 'maxVersion', 'secureProtocol', 'secureOptions']);
const GLOBAL_KEYS = new Set(['DEFAULT_MIN_VERSION', 'DEFAULT_MAX_VERSION']);
/** Every finding outside AWS CDK code sits on one of these keys, written out. */
const MENTIONS = wordsPattern([...OPTION_KEYS, ...GLOBAL_KEYS]);
const SELECTORS = optionSiteSelectors(OPTION_KEYS, GLOBAL_KEYS);

/** What allowing TLS 1.0/1.1 does: TLS 1.3's downgrade protection stops a forced downgrade between two modern peers, so the claim is about peers that offer no more. */
const ATTACK = '(deprecated by RFC 8996), which are then used with every peer that offers no newer version{{level0}}';

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

type Suggestion = TSESLint.SuggestionReportDescriptor<MessageId>;
type Context = Readonly<TSESLint.RuleContext<MessageId, Options>>;
type SourceCode = Context['sourceCode'];

/** What the checks of one file share: its analysis, the rule context, the options and the report helper. */
interface Run {
  readonly fc: FileContext;
  readonly context: Context;
  readonly sourceCode: SourceCode;
  readonly legacySpellings: boolean;
  readonly typescript: boolean;
  /** The newest major of the target whose built-in `tls.DEFAULT_MIN_VERSION` is below TLS 1.2 (Node 10/11), if any. */
  readonly oldDefaultMin: () => number | undefined;
  /** Reports so far (a conditional's later values are judged only while nothing was reported). */
  reports: number;
  readonly quoted: (valueNode: TSESTree.Node, text: string) => string;
  readonly removeSite: (site: OptionSite) => TSESLint.ReportFixFunction | undefined;
  readonly report: (site: OptionSite, messageId: MessageId, data: Record<string, string>, suggest: (Suggestion | undefined)[]) => void;
}

function checkGlobal(run: Run, site: TSESTree.AssignmentExpression, key: string): void {
  const { fc, removeSite, report } = run;
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

function checkSite(run: Run, site: OptionSite): void {
  const { fc } = run;
  const key = siteKey(site);
  if (key === undefined) return;
  if (site.type === 'Property') {
    if (site.parent.type !== 'ObjectExpression' || site.kind !== 'init' || !OPTION_KEYS.has(key)) return;
    if (onlyToClosedApis(fc, site.parent)) return;
  } else {
    if (site.operator !== '=') return;
    if (GLOBAL_KEYS.has(key)) return checkGlobal(run, site, key);
    if (!OPTION_KEYS.has(key)) return;
  }
  const bag = ownerBag(fc, site);
  if (!isEffectiveEntry(bag, key, site) || shadowedAtEveryUse(fc, site, key)) return;
  // Its known values, then each value a literal or default in the file gives it (`legacy ? 'TLSv1' : 'TLSv1.2'` with `legacy = true`).
  for (const values of judgedValues(fc, siteValue(site))) {
    const before = run.reports;
    checkValues(run, site, key, bag, values);
    if (run.reports > before) return;
  }
}

function checkValues(run: Run, site: OptionSite, key: string, bag: ReturnType<typeof ownerBag>, values: readonly Primitive[]): void {
  const { fc, sourceCode, quoted, removeSite, report, legacySpellings, typescript, oldDefaultMin } = run;
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
      report(site, 'maxVersion', { value: showValues(values), version: versionList(values as TlsVersion[]) }, [
        remove && { messageId: 'removeMaxVersion', fix: remove },
      ]);
      return;
    }
    case 'secureProtocol': {
      if (!values.every((v) => typeof v === 'string' && v !== '')) return;
      const limits = [...(others('minVersion') ?? ['?']), ...(others('maxVersion') ?? ['?'])];
      if (limits.some(isSet)) return; // unknown, or a version conflict that throws
      const masks = others('secureOptions');
      let worst: 'legacyProtocol' | 'pinsLegacy' | 'sslProtocol' | 'pinsTls12' = 'pinsTls12';
      let modernLeft = false;
      const legacy: TlsVersion[] = [];
      const oldNodeOnly: TlsVersion[] = [];
      for (const value of values as string[]) {
        const info = secureProtocolInfo(value);
        if (info.kind === 'legacy') {
          if (!masks) return;
          for (const mask of masks) {
            const range = effectiveVersionRange({ secureProtocol: value, secureOptions: typeof mask === 'number' ? mask : undefined });
            if (range.legacy.length === 0) return;
            legacy.push(...range.legacy);
            if (range.versions.some((v) => !isLegacyTlsVersion(v))) modernLeft = true;
          }
          worst = modernLeft ? 'legacyProtocol' : 'pinsLegacy';
        } else if (info.kind === 'pins-tls12' && value.startsWith('SSLv23_') && oldDefaultMin() !== undefined && masks) {
          // SSLv23_method keeps tls.DEFAULT_MIN_VERSION, TLSv1 on Node 10/11 (node-releases.ts).
          for (const mask of masks) {
            const range = effectiveVersionRange(
              { secureProtocol: value, secureOptions: typeof mask === 'number' ? mask : undefined },
              { min: 'TLSv1', max: 'TLSv1.3' },
            );
            if (range.legacy.length === 0) return;
            oldNodeOnly.push(...range.legacy);
          }
          if (worst === 'pinsTls12' || worst === 'sslProtocol') worst = 'legacyProtocol';
        } else if (info.kind === 'disabled') {
          if (worst === 'pinsTls12') worst = 'sslProtocol';
        } else if (info.kind !== 'pins-tls12' || !legacySpellings) {
          return;
        }
      }
      let fix: TSESLint.ReportFixFunction | undefined;
      if (site.type === 'Property') {
        const object = site.parent as TSESTree.ObjectExpression;
        const suffix = typescript && !isContextuallyTyped(fc, object) ? ' as const' : '';
        const text = `minVersion: ${quoted(site.value, 'TLSv1.2')}${suffix}`;
        fix = (fixer) => fixer.replaceText(site, text);
      } else {
        fix = removeSite(site);
      }
      const suggestion: Suggestion | undefined =
        fix && (site.type === 'Property' ? { messageId: 'useMinVersion', fix } : { messageId: 'removeAssignment', fix });
      const versionsText =
        legacy.length > 0 || oldNodeOnly.length === 0
          ? versionList([...legacy, ...oldNodeOnly])
          : `${versionList(oldNodeOnly)} on Node ${oldDefaultMin()} and older`;
      report(site, worst, { value: showValues(values), versions: versionsText }, [suggestion]);
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

/** `SecurityPolicy.TLS_1_0`, or `'TLS_1_0'`, as the message shows a policy value. */
const showPolicy = (v: PolicyValue): string => (v.member ? `${v.member.enumName}.${v.member.name}` : `'${String(v.value)}'`);

function checkCdkPolicy(run: Run, site: TSESTree.Property): void {
  const { fc, context, quoted } = run;
  const key = siteKey(site);
  if (key === undefined || !cdkPolicyKeys().has(key) || site.kind !== 'init') return;
  const policy = legacyPolicyAt(fc, site, key);
  if (!policy) return;
  const { family, values } = policy;
  const secure = family.secure[policy.version];
  const asEnum = values.some((v) => v.member);
  const secureText = asEnum ? `${family.enumName}.${secure.member}` : `'${secure.value}'`;
  // The TLS 1.2 value in the spelling of the legacy one: the same enum object, or a string literal.
  let fix: TSESLint.ReportFixFunction | undefined;
  const value = unwrap(site.value);
  const only = values.length === 1 ? values[0] : undefined;
  if (!asEnum) {
    fix = replaceValue(site, key, quoted(site.value, secure.value));
  } else if (only?.member && value.type === 'MemberExpression' && !site.shorthand) {
    const property = value.property;
    if (!value.computed) fix = (fixer) => fixer.replaceText(property, secure.member);
    else if (property.type === 'Literal' && typeof property.value === 'string') fix = (fixer) => fixer.replaceText(property, quoted(property, secure.member));
  } else if (only?.member) {
    const object = aliasEnumObject(fc, site.value, site);
    if (object !== undefined) fix = replaceValue(site, key, `${object}.${secure.member}`);
  }
  context.report({
    node: site,
    messageId: 'cdkLegacyPolicy',
    data: { key, value: [...new Set(values.map(showPolicy))].join(' | '), service: family.service, floor: policy.floor, secure: secureText },
    suggest: fix ? [{ messageId: 'useSecurePolicy', data: { key, secure: secureText }, fix }] : [],
  });
}

/** Adds `text` as the last property of an object literal, on its own line when the properties are. */
function addProperty(sourceCode: SourceCode, fixer: TSESLint.RuleFixer, object: TSESTree.ObjectExpression, text: string): TSESLint.RuleFix | undefined {
  const last = object.properties[object.properties.length - 1];
  if (!last) return sourceCode.getCommentsInside(object).length === 0 ? fixer.replaceText(object, `{ ${text} }`) : undefined;
  const after = sourceCode.getTokenAfter(last);
  const comma = after && after.value === ',' ? after : undefined;
  if (last.loc.start.line !== object.loc.start.line) {
    const indent = sourceCode.lines[last.loc.start.line - 1]!.slice(0, last.loc.start.column);
    // The file's own line ending (CRLF, CR) and the indentation of the line above.
    const eol = lineBreakAt(sourceCode.text, last.range[1]);
    return comma ? fixer.insertTextAfter(comma, `${eol}${indent}${text},`) : fixer.insertTextAfter(last, `,${eol}${indent}${text}`);
  }
  return comma ? fixer.insertTextAfter(comma, ` ${text}`) : fixer.insertTextAfter(last, `, ${text}`);
}

function checkCdkDefault(run: Run, call: TSESTree.NewExpression | TSESTree.CallExpression): void {
  const { fc, context, sourceCode } = run;
  const found = legacyDefaultAt(fc, call);
  const legacyDefault = found?.api.legacyDefault;
  if (!found || !legacyDefault) return;
  const { family, props } = found;
  const secure = family.secure[found.version];
  const secureText = `${family.enumName}.${secure.member}`;
  const spelled = enumSpelling(fc, call.callee, family.enumName);
  const plan = spelled?.importFrom ? planNamedImport(sourceCode, spelled.importFrom, family.enumName, call) : undefined;
  let fix: TSESLint.ReportFixFunction | undefined;
  if (spelled && plan?.kind !== 'conflict') {
    const property = `${family.key}: ${spelled.text}.${secure.member}`;
    const object = props && unwrap(props);
    const lastArg = call.arguments[call.arguments.length - 1];
    const insert =
      object?.type === 'ObjectExpression'
        ? (fixer: TSESLint.RuleFixer) => addProperty(sourceCode, fixer, object, property)
        : !props && lastArg
          ? (fixer: TSESLint.RuleFixer) => fixer.insertTextAfter(lastArg, `, { ${property} }`)
          : undefined;
    if (insert) {
      fix = (fixer) => {
        const edit = insert(fixer);
        if (!edit) return [];
        return plan?.kind === 'add' ? [edit, plan.fix(fixer)] : [edit];
      };
    }
  }
  context.report({
    node: call.callee,
    messageId: 'cdkLegacyDefault',
    data: { key: family.key, service: family.service, default: legacyDefault.text, floor: legacyDefault.floor, secure: secureText },
    suggest: fix ? [{ messageId: 'addSecurePolicy', data: { key: family.key, secure: secureText }, fix }] : [],
  });
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
    messages: {
      useFactory: 'Build the options with `{{factory}}` from the tlsguard runtime ({{versions}}, strong ciphers, verification on).{{dependency}}',
      minVersion: `\`minVersion: {{value}}\` allows {{versions}} ${ATTACK}. Raise it to \`'TLSv1.2'\`.`,
      maxVersion:
        '`maxVersion: {{value}}` caps the connection at {{version}}, a deprecated protocol version (RFC 8996), and turns off TLS 1.2 and 1.3. Remove it (the default maximum is TLS 1.3).',
      legacyProtocol: `\`secureProtocol: {{value}}\` allows {{versions}} ${ATTACK}. Use \`minVersion: 'TLSv1.2'\` instead.`,
      pinsLegacy:
        "`secureProtocol: {{value}}` pins {{versions}} only: TLS 1.2 and 1.3 are off, so every connection uses a protocol deprecated by RFC 8996 and none can be made with a peer that has turned it off{{level0}}. Use `minVersion: 'TLSv1.2'` instead.",
      sslProtocol:
        "`secureProtocol: {{value}}` asks for SSL, which is broken (POODLE, DROWN); Node refuses it, so nothing connects. Use `minVersion: 'TLSv1.2'` instead.",
      pinsTls12:
        "`secureProtocol: {{value}}` is a legacy spelling that caps the connection at TLS 1.2 and turns off TLS 1.3. Use `minVersion: 'TLSv1.2'` instead.",
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
    },
  },
  defaultOptions: [{ legacySpellings: false }],
  create(context, [options]) {
    const fc = getFileContext(context);
    // Gates: Node options need their keys in the text, CDK policies an import of a CDK module. A
    // file with neither gets no listeners.
    const nodeOptions = mentions(fc, MENTIONS);
    const cdk = mayReferenceModules(fc, cdkModules());
    if (!nodeOptions && !cdk) return {};
    const { sourceCode } = context;
    let level0: string | undefined;
    const level0Note = (): string => (level0 ??= legacyTlsNote(context));
    let oldMin: { major: number | undefined } | undefined;
    const run: Run = {
      fc,
      context,
      sourceCode,
      oldDefaultMin: () =>
        (oldMin ??= {
          major: nodeTarget(context)
            .versions.filter((f) => f.defaultMinVersion !== 'TLSv1.2' && f.defaultMinVersion !== 'TLSv1.3')
            .reduce<number | undefined>((m, f) => Math.max(m ?? 0, f.version[0]), undefined),
        }).major,
      legacySpellings: options.legacySpellings === true,
      typescript: isTypeScriptFile(context.filename),
      reports: 0,
      quoted: (valueNode, text) => quotedIn(sourceCode, valueNode, text),
      removeSite: (site) => removeSiteIn(sourceCode, site),
      report(site, messageId, data, suggest) {
        run.reports++;
        reportSite(fc, context, site, { messageId, data: { ...data, level0: level0Note() }, suggest, factory: 'useFactory' });
      },
    };
    return {
      ...(cdk && {
        [optionSiteSelectors(cdkPolicyKeys()).property]: (site: TSESTree.Property) => checkCdkPolicy(run, site),
        'NewExpression, CallExpression[callee.property.name=/^from(Acm|Iam)Certificate$/]': (call: TSESTree.NewExpression | TSESTree.CallExpression) =>
          checkCdkDefault(run, call),
      }),
      ...(nodeOptions && {
        [SELECTORS.property]: (site: OptionSite) => checkSite(run, site),
        [SELECTORS.assignment]: (site: OptionSite) => checkSite(run, site),
      }),
    };
  },
});
