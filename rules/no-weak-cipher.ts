import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  destinationRoles,
  evaluate,
  getFileContext,
  mentions,
  onlyToClosedApis,
  wordsPattern,
  isEffectiveEntry,
  keyValues,
  ownerBag,
  shadowedAtEveryUse,
  resolveModuleRef,
  judgedValues,
  siteKey,
  siteValue,
  knownTailSecurityLevel,
  unwrap,
  type FileContext,
  type OptionSite,
  type Primitive,
} from '../src/analysis/index.js';
import {
  MIN_DH_SIZE,
  PROFILES,
  analyzeSecureOptions,
  describeSuites,
  effectiveVersionRange,
  evaluateCipherString,
  judgeCiphers,
  newestVerdict,
  weakCurves,
  weakSigalgs,
  type CipherPolicy,
  type NodeTarget,
  type SecureOptionBit,
  type WeakSuite,
} from '../src/policy/index.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { optionSiteSelectors, quoted as quotedIn, removeSite as removeSiteIn, replaceValue, reportSite } from '../src/rule-kit/option-site.js';
import { maskWithout } from '../src/rule-kit/mask.js';
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

const OPTION_KEYS = new Set(['ciphers', 'minDHSize', 'ecdhCurve', 'sigalgs', 'secureOptions']);
const GLOBAL_KEYS: Readonly<Record<string, string>> = { DEFAULT_CIPHERS: 'ciphers', DEFAULT_ECDH_CURVE: 'ecdhCurve' };
/** Every finding sits on one of these keys, written out: a file without them gets no listeners. */
const MENTIONS = wordsPattern([...OPTION_KEYS, ...Object.keys(GLOBAL_KEYS)]);
const SELECTORS = optionSiteSelectors(OPTION_KEYS, Object.keys(GLOBAL_KEYS));
const SHOWN = 3;

const PROFILE_CIPHERS = PROFILES.intermediate.ciphers;

/**
 * Weakening bits the rule reports; the version bits are judged separately. A bit shown to weaken one
 * side only (`side`) counts where the options may reach that side: a client-only bit in a server's
 * options does nothing.
 */
function weakeningBits(mask: number, allowsTls10: boolean, sides: ReadonlySet<'client' | 'server'>): SecureOptionBit[] {
  const analysis = analyzeSecureOptions(mask);
  const off = new Set(analysis.disabledVersions);
  return analysis.weakening.filter((bit) => {
    if (bit.side && !sides.has(bit.side)) return false;
    // Turning off TLS 1.2 leaves TLS 1.3 (or nothing): not weaker. Both off is no-legacy-tls-version's finding.
    if (bit.name === 'SSL_OP_NO_TLSv1_2') return false;
    if (bit.name === 'SSL_OP_NO_TLSv1_3') return !off.has('TLSv1.2');
    // The BEAST countermeasure only matters when TLS 1.0 can be negotiated.
    if (bit.name === 'SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS') return allowsTls10;
    return true;
  });
}

type Suggestion = TSESLint.SuggestionReportDescriptor<MessageId>;
type Context = Readonly<TSESLint.RuleContext<MessageId, Options>>;

/** What the checks of one file share: its analysis, the rule context, the policy and the report helper. */
interface Run {
  readonly fc: FileContext;
  readonly context: Context;
  readonly sourceCode: Context['sourceCode'];
  readonly policy: CipherPolicy;
  readonly securityLevel: Options[0]['securityLevel'];
  /** The target runtime, read on first use: most files never get that far. */
  readonly targetNow: () => NodeTarget;
  /** Reports so far (a conditional's later values are judged only while nothing was reported). */
  reports: number;
  readonly quoted: (valueNode: TSESTree.Node, text: string) => string;
  readonly removeSite: (site: OptionSite) => TSESLint.ReportFixFunction | undefined;
  readonly report: (site: OptionSite, messageId: MessageId, data: Record<string, string>, suggest: (Suggestion | undefined)[]) => void;
}

const allStrings = (values: readonly Primitive[]): values is readonly string[] => values.every((v) => typeof v === 'string');

function checkCiphers(run: Run, site: OptionSite, option: string, key: string, values: readonly Primitive[]): void {
  const { quoted, report, policy, securityLevel, targetNow } = run;
  if (!allStrings(values) || values.some((v) => v === '')) return;
  let first: { weak: WeakSuite[]; where: string; secLevel0: boolean } | undefined;
  const legacy = allowsLegacy(run, site);
  const psk = hasPskCallback(run, site);
  const tls13 = allowsTls13(run, site);
  for (const value of values) {
    const e = evaluateCipherString(value);
    // Strings every Node rejects outright fail closed.
    if (e.error === 'ERR_SSL_INVALID_COMMAND' || e.error === 'ERR_INVALID_ARG_VALUE') return;
    const { weak, where } = judgeCiphers(value, policy, targetNow(), { securityLevel, legacyVersions: legacy, psk, tls13 });
    const secLevel0 = e.securityLevel === 0;
    if (weak.length === 0 && !secLevel0) return;
    first ??= { weak, where, secLevel0 };
  }
  if (!first) return;
  const suggest: (Suggestion | undefined)[] = [];
  const valueNode = unwrap(siteValue(site));
  if (first.weak.length === 0 && values.length === 1 && valueNode.type === 'Literal') {
    // Only `@SECLEVEL=0` is wrong: drop that entry when what is left is clean.
    const rest = (values[0] ?? '')
      .split(':')
      .filter((t) => !/^@SECLEVEL=0$/i.test(t.trim()))
      .join(':');
    const restE = evaluateCipherString(rest);
    if (
      rest !== '' &&
      judgeCiphers(rest, policy, targetNow(), { securityLevel, legacyVersions: legacy, psk, tls13 }).weak.length === 0 &&
      restE.securityLevel !== 0
    ) {
      suggest.push({ messageId: 'removeSecLevel', fix: replaceValue(site, key, quoted(valueNode, rest)) });
    }
  }
  suggest.push({ messageId: 'useProfileCiphers', fix: replaceValue(site, key, quoted(valueNode, PROFILE_CIPHERS)) });
  if (first.weak.length > 0) report(site, 'weakCiphers', { option, ...describeSuites(first.weak, SHOWN), where: first.where }, suggest);
  else report(site, 'secLevelZero', {}, suggest);
}

/**
 * A cipher string only partly known (`tls.DEFAULT_CIPHERS + ':@SECLEVEL=0'`, a template, or
 * `tls.DEFAULT_CIPHERS += …`): OpenSSL applies `@SECLEVEL=n` in order, so a known tail whose last
 * `@SECLEVEL` is 0 sets level 0 whatever comes before it. Other tokens depend on the unknown part
 * (`!RC4` there removes RC4 for good) and are not judged.
 */
function checkSecLevelTail(run: Run, site: OptionSite, key: string, value: TSESTree.Node, appended: boolean): void {
  const { fc, quoted, report } = run;
  if (knownTailSecurityLevel(fc, value, appended) !== 0) return;
  const suggest: (Suggestion | undefined)[] = appended
    ? []
    : [{ messageId: 'useProfileCiphers', fix: replaceValue(site, key, quoted(unwrap(value), PROFILE_CIPHERS)) }];
  report(site, 'secLevelZero', {}, suggest);
}

/**
 * The weak entries of an `ecdhCurve` or `sigalgs` list, judged once per OpenSSL family and security
 * level the target spans (the context's level: its own `@SECLEVEL`, else the rule option, else each
 * version's default). As for cipher suites, the newest Node's verdict wins, and a verdict that holds
 * only for older Node says so (`sigalgs: 'RSA+SHA1'` with `>=14` is weak on Node 16 and older only).
 */
function judgeList(run: Run, value: string, kind: 'curves' | 'sigalgs', ownLevel: number | undefined, tls13Client: boolean): { weak: string[]; where: string } {
  const target = run.targetNow();
  const find = kind === 'curves' ? weakCurves : weakSigalgs;
  const verdicts = target.versions.map((f) =>
    find(value, { family: f.opensslFamily, securityLevel: ownLevel ?? run.securityLevel ?? f.defaultSecurityLevel, tls13Client }),
  );
  return newestVerdict(target, verdicts);
}

/** The `@SECLEVEL` the bag's own `ciphers` sets, when it is one known string. */
function ownSecurityLevel(run: Run, site: OptionSite): number | undefined {
  const { fc } = run;
  const kv = keyValues(fc, ownerBag(fc, site), 'ciphers');
  if (kv.state !== 'known' || kv.values.length !== 1 || typeof kv.values[0] !== 'string') return undefined;
  return evaluateCipherString(kv.values[0]).securityLevel;
}

/**
 * The list is used only by clients that offer TLS 1.3 (no `maxVersion`, `secureProtocol` or
 * `SSL_OP_NO_TLSv1_3` in the bag excludes it): on OpenSSL 3 such a client with no TLS 1.3 group
 * cannot connect at all (a value the rule cannot read counts as offering it).
 */
function tls13ClientOnly(run: Run, site: OptionSite): boolean {
  const { fc } = run;
  const roles = destinationRoles(fc, site);
  if (roles.size === 0 || ![...roles].every((r) => r === 'client' || r === 'agent')) return false;
  const bag = ownerBag(fc, site);
  const single = (k: string): Primitive => {
    const kv = keyValues(fc, bag, k);
    return kv.state === 'known' && kv.values.length === 1 ? kv.values[0] : undefined;
  };
  const min = single('minVersion');
  const max = single('maxVersion');
  const protocol = single('secureProtocol');
  const mask = single('secureOptions');
  const range = effectiveVersionRange(
    {
      minVersion: typeof min === 'string' ? min : undefined,
      maxVersion: typeof max === 'string' ? max : undefined,
      secureProtocol: typeof protocol === 'string' ? protocol : undefined,
      secureOptions: typeof mask === 'number' ? mask : undefined,
    },
    undefined,
    'client',
  );
  return range.versions.includes('TLSv1.3');
}

function checkList(run: Run, site: OptionSite, option: string, key: string, values: readonly Primitive[], kind: 'curves' | 'sigalgs'): void {
  const { quoted, removeSite, report } = run;
  if (!allStrings(values)) return;
  const global = site.type === 'AssignmentExpression' && option.startsWith('tls.');
  const ownLevel = global ? undefined : ownSecurityLevel(run, site);
  const tls13Client = !global && kind === 'curves' && tls13ClientOnly(run, site);
  const found = values.map((v) => judgeList(run, v, kind, ownLevel, tls13Client));
  if (found.some((f) => f.weak.length === 0)) return;
  const names = [...new Set(found.flatMap((f) => f.weak))];
  const where = found.find((f) => f.where === '')?.where ?? found[0]?.where ?? '';
  const suggest: (Suggestion | undefined)[] = [];
  if (values.length === 1) {
    const weak = new Set(found[0]?.weak);
    const rest = (values[0] ?? '')
      .split(':')
      .map((t) => t.trim())
      .filter((t) => t !== '' && !weak.has(t))
      .join(':');
    if (rest !== '') suggest.push({ messageId: 'dropWeakEntries', fix: replaceValue(site, key, quoted(siteValue(site), rest)) });
    else {
      const remove = removeSite(site);
      suggest.push(remove && { messageId: 'removeOption', fix: remove });
    }
  }
  report(site, kind === 'curves' ? 'weakCurves' : 'weakSigalgs', { option, names: names.join(', '), where }, suggest);
}

function checkDh(run: Run, site: OptionSite, values: readonly Primitive[]): void {
  const { fc, report } = run;
  if (!values.every((v) => typeof v === 'number' && v > 0 && v < MIN_DH_SIZE)) return;
  // minDHSize is checked by tls.connect only: a server or a bare secure context ignores it.
  const roles = destinationRoles(fc, site);
  if (!roles.has('client') && !roles.has('agent') && !roles.has('unknown')) return;
  report(site, 'smallDh', { value: String(values[0]), min: String(MIN_DH_SIZE) }, [
    { messageId: 'raiseDhSize', fix: replaceValue(site, 'minDHSize', String(MIN_DH_SIZE)) },
  ]);
}

function versionRangeOf(run: Run, site: OptionSite): ReturnType<typeof effectiveVersionRange> {
  const { fc } = run;
  const bag = ownerBag(fc, site);
  const single = (k: string): Primitive => {
    const kv = keyValues(fc, bag, k);
    return kv.state === 'known' && kv.values.length === 1 ? kv.values[0] : undefined;
  };
  const min = single('minVersion');
  const protocol = single('secureProtocol');
  return effectiveVersionRange({
    minVersion: typeof min === 'string' ? min : undefined,
    secureProtocol: typeof protocol === 'string' ? protocol : undefined,
  });
}
/** PSK suites are offered only with a `pskCallback` beside the ciphers (a function: its value is unknown). */
function hasPskCallback(run: Run, site: OptionSite): boolean {
  const { fc } = run;
  const kv = keyValues(fc, ownerBag(fc, site), 'pskCallback');
  return kv.state === 'unknown' || (kv.state === 'known' && kv.values.some((v) => v !== undefined && v !== null && v !== false));
}
const allowsTls10 = (run: Run, site: OptionSite): boolean => versionRangeOf(run, site).versions.includes('TLSv1');
/**
 * The bag's maximum version can be TLS 1.3 (a `maxVersion` or `secureProtocol` the rule cannot read
 * counts as allowing it): only then does a string without TLS <= 1.2 entries raise the minimum to TLS 1.3.
 */
function allowsTls13(run: Run, site: OptionSite): boolean {
  const { fc } = run;
  const bag = ownerBag(fc, site);
  const single = (k: string): string | undefined => {
    const kv = keyValues(fc, bag, k);
    return kv.state === 'known' && kv.values.length === 1 && typeof kv.values[0] === 'string' ? kv.values[0] : undefined;
  };
  return effectiveVersionRange({
    minVersion: single('minVersion'),
    maxVersion: single('maxVersion'),
    secureProtocol: single('secureProtocol'),
  }).versions.includes('TLSv1.3');
}
/** The bag lets TLS 1.0 or 1.1 be negotiated (IDEA-CBC-SHA works up to TLS 1.1 where it is compiled in). */
const allowsLegacy = (run: Run, site: OptionSite): boolean => versionRangeOf(run, site).legacy.length > 0;

/** The sides of a connection the options may configure: a secure context or socket serves either. */
function sidesOf(roles: ReadonlySet<string>): Set<'client' | 'server'> {
  const sides = new Set<'client' | 'server'>();
  for (const role of roles) {
    if (role !== 'server') sides.add('client');
    if (role !== 'client' && role !== 'agent') sides.add('server');
  }
  return sides;
}

function checkSecureOptions(run: Run, site: OptionSite, key: string, values: readonly Primitive[]): void {
  const { fc, sourceCode, removeSite, report } = run;
  if (!values.every((v) => typeof v === 'number' && Number.isInteger(v))) return;
  const tls10 = allowsTls10(run, site);
  const sides = sidesOf(destinationRoles(fc, site));
  const perValue = (values as number[]).map((v) => weakeningBits(v, tls10, sides));
  if (perValue.some((bits) => bits.length === 0)) return;
  const bits = [...new Map(perValue.flat().map((b) => [b.name, b])).values()];
  const mask = bits.reduce((m, b) => (m | b.value) >>> 0, 0);
  const text = maskWithout(fc, sourceCode, siteValue(site), mask);
  let fix: TSESLint.ReportFixFunction | undefined;
  if (text === '') fix = removeSite(site);
  else if (text !== undefined) fix = replaceValue(site, key, text);
  report(
    site,
    'weakSecureOptions',
    { names: bits.map((b) => b.name).join(', '), reasons: bits.map((b) => b.reason).join('; '), them: bits.length === 1 ? 'it' : 'them' },
    [fix && { messageId: 'removeFlags', fix }],
  );
}

function checkSite(run: Run, site: OptionSite): void {
  const { fc } = run;
  const key = siteKey(site);
  if (key === undefined) return;
  let option = key;
  if (site.type === 'Property') {
    if (site.parent.type !== 'ObjectExpression' || site.kind !== 'init' || !OPTION_KEYS.has(key)) return;
    if (onlyToClosedApis(fc, site.parent)) return;
  } else {
    // `+=` appends to the current value: only a cipher string's known tail can be judged.
    const appended = site.operator === '+=';
    if (site.operator !== '=' && !appended) return;
    const globalOption = Object.hasOwn(GLOBAL_KEYS, key) ? GLOBAL_KEYS[key] : undefined;
    if (globalOption) {
      const ref = resolveModuleRef(fc, site.left);
      if (!ref || ref.module !== 'tls' || ref.path.length !== 1 || ref.path[0] !== key) return;
      const values = appended ? undefined : evaluate(fc, site.right);
      if (!values || values.length === 0) {
        if (globalOption === 'ciphers') checkSecLevelTail(run, site, key, site.right, appended);
        return;
      }
      option = `tls.${key}`;
      if (globalOption === 'ciphers') return checkCiphers(run, site, option, key, values);
      return checkList(run, site, option, key, values, 'curves');
    }
    if (!OPTION_KEYS.has(key) || (appended && key !== 'ciphers')) return;
  }
  const bag = ownerBag(fc, site);
  if (!isEffectiveEntry(bag, key, site) || shadowedAtEveryUse(fc, site, key)) return;
  const appended = site.type === 'AssignmentExpression' && site.operator === '+=';
  // Its known values, then each value a literal or default in the file gives it (`legacy ? 'ALL:@SECLEVEL=0' : 'HIGH'` with `legacy = true`).
  for (const values of appended ? [] : judgedValues(fc, siteValue(site))) {
    const before = run.reports;
    checkValues(run, site, option, key, values);
    if (run.reports > before) return;
  }
  const values = appended ? undefined : evaluate(fc, siteValue(site));
  if ((!values || values.length === 0) && key === 'ciphers') checkSecLevelTail(run, site, key, siteValue(site), appended);
}

function checkValues(run: Run, site: OptionSite, option: string, key: string, values: readonly Primitive[]): void {
  switch (key) {
    case 'ciphers':
      return checkCiphers(run, site, option, key, values);
    case 'ecdhCurve':
      return checkList(run, site, option, key, values, 'curves');
    case 'sigalgs':
      return checkList(run, site, option, key, values, 'sigalgs');
    case 'minDHSize':
      return checkDh(run, site, values);
    case 'secureOptions':
      return checkSecureOptions(run, site, key, values);
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
    const run: Run = {
      fc,
      context,
      sourceCode,
      policy: options.policy === 'strict' ? 'strict' : 'recommended',
      securityLevel: options.securityLevel,
      targetNow: () => (target ??= nodeTarget(context)),
      reports: 0,
      quoted: (valueNode, text) => quotedIn(sourceCode, valueNode, text),
      removeSite: (site) => removeSiteIn(sourceCode, site),
      report(site, messageId, data, suggest) {
        run.reports++;
        reportSite(fc, context, site, { messageId, data, suggest, factory: 'useFactory' });
      },
    };
    return {
      [SELECTORS.property]: (site: OptionSite) => checkSite(run, site),
      [SELECTORS.assignment]: (site: OptionSite) => checkSite(run, site),
    };
  },
});
