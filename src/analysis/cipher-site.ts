/**
 * What a `ciphers`, `ecdhCurve`, `sigalgs`, `minDHSize` or `secureOptions` option (or a write to
 * `tls.DEFAULT_CIPHERS`/`tls.DEFAULT_ECDH_CURVE`) weakens (no-weak-cipher's verdicts, moved out of
 * the rule, issue 15): the weak suites a cipher string makes OpenSSL offer, `@SECLEVEL=0`, the weak
 * entries of a curve or signature algorithm list, a small `minDHSize` a client checks, and weakening
 * `SSL_OP_*` bits, each judged with the rest of the option bag (versions, `pskCallback`, where the
 * options go). The OpenSSL semantics are in src/policy/ciphers, src/policy/curves.ts and
 * src/policy/secure-options.ts.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import {
  MIN_DH_SIZE,
  analyzeSecureOptions,
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
} from '../policy/index.js';
import { unwrap } from './ast.js';
import { resolveModuleRef } from './bindings.js';
import { judgedValues } from './defaults.js';
import type { FileContext } from './file-context.js';
import {
  destinationRoles,
  isEffectiveEntry,
  keyValues,
  knownTailSecurityLevel,
  judgedProperty,
  singleKnownValue,
  ownerBag,
  shadowedAtEveryUse,
  siteKey,
  siteValue,
  type OptionSite,
} from './option-values.js';
import type { Primitive } from './types.js';
import { evaluate } from './values.js';

/** The option keys the verdicts are about. */
export const CIPHER_OPTION_KEYS: ReadonlySet<string> = new Set(['ciphers', 'minDHSize', 'ecdhCurve', 'sigalgs', 'secureOptions']);
/** The process-wide defaults of `tls` the verdicts are about, with the option each one sets. */
export const CIPHER_GLOBAL_KEYS: Readonly<Record<string, string>> = { DEFAULT_CIPHERS: 'ciphers', DEFAULT_ECDH_CURVE: 'ecdhCurve' };

/** How to judge: the rule's options and the target runtime (read on first use: most files never get that far). */
export interface CipherJudging {
  readonly policy: CipherPolicy;
  readonly securityLevel: number | undefined;
  readonly target: () => NodeTarget;
}

/**
 * What an option site weakens. `option` is the option as the message names it (`ciphers`,
 * `tls.DEFAULT_CIPHERS`), `key` the key whose value a fix replaces, `where` the Node versions a
 * verdict holds for when not all of the target (`''` when all).
 * - `weakCiphers`: the weak suites the first weak value offers.
 * - `secLevelZero`: only `@SECLEVEL=0` is wrong; `withoutSecLevel` is the string with that entry
 *   dropped when what is left is clean (a single literal), `replaceable` whether the whole value may
 *   be replaced (not for `+=`, which appends).
 * - `weakList`: the weak curves or signature algorithms of every value; `remaining` (for a single
 *   value) the list without them (`''`: nothing is left).
 * - `smallDh`: a `minDHSize` below {@link MIN_DH_SIZE} that a client checks.
 * - `weakSecureOptions`: the weakening bits, and their union `mask`.
 */
export type CipherVerdict =
  | { readonly kind: 'weakCiphers'; readonly option: string; readonly key: string; readonly weak: WeakSuite[]; readonly where: string }
  | { readonly kind: 'secLevelZero'; readonly key: string; readonly withoutSecLevel?: string; readonly replaceable: boolean }
  | {
      readonly kind: 'weakList';
      readonly list: 'curves' | 'sigalgs';
      readonly option: string;
      readonly key: string;
      readonly names: string[];
      readonly where: string;
      readonly remaining?: string;
    }
  | { readonly kind: 'smallDh'; readonly value: number }
  | { readonly kind: 'weakSecureOptions'; readonly key: string; readonly bits: SecureOptionBit[]; readonly mask: number }
  | undefined;

/** The file and how to judge it. */
interface Run extends CipherJudging {
  readonly fc: FileContext;
}

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

const allStrings = (values: readonly Primitive[]): values is readonly string[] => values.every((v) => typeof v === 'string');

function ciphersVerdict(run: Run, site: OptionSite, option: string, key: string, values: readonly Primitive[]): CipherVerdict {
  const { policy, securityLevel, target } = run;
  if (!allStrings(values) || values.some((v) => v === '')) return undefined;
  let first: { weak: WeakSuite[]; where: string; secLevel0: boolean } | undefined;
  const legacy = allowsLegacy(run, site);
  const psk = hasPskCallback(run, site);
  const tls13 = allowsTls13(run, site);
  for (const value of values) {
    const e = evaluateCipherString(value);
    // Strings every Node rejects outright fail closed.
    if (e.error === 'ERR_SSL_INVALID_COMMAND' || e.error === 'ERR_INVALID_ARG_VALUE') return undefined;
    const { weak, where } = judgeCiphers(value, policy, target(), { securityLevel, legacyVersions: legacy, psk, tls13 });
    const secLevel0 = e.securityLevel === 0;
    if (weak.length === 0 && !secLevel0) return undefined;
    first ??= { weak, where, secLevel0 };
  }
  if (!first) return undefined;
  if (first.weak.length > 0) return { kind: 'weakCiphers', option, key, weak: first.weak, where: first.where };
  let withoutSecLevel: string | undefined;
  if (values.length === 1 && unwrap(siteValue(site)).type === 'Literal') {
    // Only `@SECLEVEL=0` is wrong: drop that entry when what is left is clean.
    const rest = (values[0] ?? '')
      .split(':')
      .filter((t) => !/^@SECLEVEL=0$/i.test(t.trim()))
      .join(':');
    const restE = evaluateCipherString(rest);
    if (
      rest !== '' &&
      judgeCiphers(rest, policy, target(), { securityLevel, legacyVersions: legacy, psk, tls13 }).weak.length === 0 &&
      restE.securityLevel !== 0
    ) {
      withoutSecLevel = rest;
    }
  }
  return { kind: 'secLevelZero', key, ...(withoutSecLevel !== undefined && { withoutSecLevel }), replaceable: true };
}

/**
 * A cipher string only partly known (`tls.DEFAULT_CIPHERS + ':@SECLEVEL=0'`, a template, or
 * `tls.DEFAULT_CIPHERS += …`): OpenSSL applies `@SECLEVEL=n` in order, so a known tail whose last
 * `@SECLEVEL` is 0 sets level 0 whatever comes before it. Other tokens depend on the unknown part
 * (`!RC4` there removes RC4 for good) and are not judged.
 */
function secLevelTailVerdict(run: Run, key: string, value: TSESTree.Node, appended: boolean): CipherVerdict {
  if (knownTailSecurityLevel(run.fc, value, appended) !== 0) return undefined;
  return { kind: 'secLevelZero', key, replaceable: !appended };
}

/**
 * The weak entries of an `ecdhCurve` or `sigalgs` list, judged once per OpenSSL family and security
 * level the target spans (the context's level: its own `@SECLEVEL`, else the rule option, else each
 * version's default). As for cipher suites, the newest Node's verdict wins, and a verdict that holds
 * only for older Node says so (`sigalgs: 'RSA+SHA1'` with `>=14` is weak on Node 16 and older only).
 */
function judgeList(run: Run, value: string, kind: 'curves' | 'sigalgs', ownLevel: number | undefined, tls13Client: boolean): { weak: string[]; where: string } {
  const target = run.target();
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
  return bagVersionRange(run, site, ['minVersion', 'maxVersion', 'secureProtocol', 'secureOptions'], 'client').versions.includes('TLSv1.3');
}

function listVerdict(run: Run, site: OptionSite, option: string, key: string, values: readonly Primitive[], kind: 'curves' | 'sigalgs'): CipherVerdict {
  if (!allStrings(values)) return undefined;
  const global = site.type === 'AssignmentExpression' && option.startsWith('tls.');
  const ownLevel = global ? undefined : ownSecurityLevel(run, site);
  const tls13Client = !global && kind === 'curves' && tls13ClientOnly(run, site);
  const found = values.map((v) => judgeList(run, v, kind, ownLevel, tls13Client));
  if (found.some((f) => f.weak.length === 0)) return undefined;
  const names = [...new Set(found.flatMap((f) => f.weak))];
  const where = found.find((f) => f.where === '')?.where ?? found[0]?.where ?? '';
  let remaining: string | undefined;
  if (values.length === 1) {
    const weak = new Set(found[0]?.weak);
    remaining = (values[0] ?? '')
      .split(':')
      .map((t) => t.trim())
      .filter((t) => t !== '' && !weak.has(t))
      .join(':');
  }
  return { kind: 'weakList', list: kind, option, key, names, where, ...(remaining !== undefined && { remaining }) };
}

function dhVerdict(run: Run, site: OptionSite, values: readonly Primitive[]): CipherVerdict {
  if (!values.every((v) => typeof v === 'number' && v > 0 && v < MIN_DH_SIZE)) return undefined;
  // minDHSize is checked by tls.connect only: a server or a bare secure context ignores it.
  const roles = destinationRoles(run.fc, site);
  if (!roles.has('client') && !roles.has('agent') && !roles.has('unknown')) return undefined;
  return { kind: 'smallDh', value: values[0] as number };
}

type VersionKey = 'minVersion' | 'maxVersion' | 'secureProtocol' | 'secureOptions';

/**
 * The versions the bag allows, from the one known value of each of `keys` (a key not read, or not
 * known, counts as unset).
 */
function bagVersionRange(run: Run, site: OptionSite, keys: readonly VersionKey[], side?: 'client'): ReturnType<typeof effectiveVersionRange> {
  const { fc } = run;
  const bag = ownerBag(fc, site);
  const read = (k: VersionKey): Primitive => (keys.includes(k) ? singleKnownValue(fc, bag, k) : undefined);
  const text = (k: VersionKey): string | undefined => {
    const v = read(k);
    return typeof v === 'string' ? v : undefined;
  };
  const mask = read('secureOptions');
  const options = {
    minVersion: text('minVersion'),
    maxVersion: text('maxVersion'),
    secureProtocol: text('secureProtocol'),
    secureOptions: typeof mask === 'number' ? mask : undefined,
  };
  return effectiveVersionRange(options, undefined, side);
}

/** The versions `minVersion` and `secureProtocol` allow (the legacy ones a string's suites can be used with). */
const versionRangeOf = (run: Run, site: OptionSite): ReturnType<typeof effectiveVersionRange> => bagVersionRange(run, site, ['minVersion', 'secureProtocol']);
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
  return bagVersionRange(run, site, ['minVersion', 'maxVersion', 'secureProtocol']).versions.includes('TLSv1.3');
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

function secureOptionsVerdict(run: Run, site: OptionSite, key: string, values: readonly Primitive[]): CipherVerdict {
  if (!values.every((v) => typeof v === 'number' && Number.isInteger(v))) return undefined;
  const tls10 = allowsTls10(run, site);
  const sides = sidesOf(destinationRoles(run.fc, site));
  const perValue = (values as number[]).map((v) => weakeningBits(v, tls10, sides));
  if (perValue.some((bits) => bits.length === 0)) return undefined;
  const bits = [...new Map(perValue.flat().map((b) => [b.name, b])).values()];
  const mask = bits.reduce((m, b) => (m | b.value) >>> 0, 0);
  return { kind: 'weakSecureOptions', key, bits, mask };
}

function valuesVerdict(run: Run, site: OptionSite, option: string, key: string, values: readonly Primitive[]): CipherVerdict {
  switch (key) {
    case 'ciphers':
      return ciphersVerdict(run, site, option, key, values);
    case 'ecdhCurve':
      return listVerdict(run, site, option, key, values, 'curves');
    case 'sigalgs':
      return listVerdict(run, site, option, key, values, 'sigalgs');
    case 'minDHSize':
      return dhVerdict(run, site, values);
    case 'secureOptions':
      return secureOptionsVerdict(run, site, key, values);
  }
  return undefined;
}

/** A write to `tls.DEFAULT_CIPHERS` or `tls.DEFAULT_ECDH_CURVE` (`globalOption`: the option it sets). */
function globalVerdict(run: Run, site: TSESTree.AssignmentExpression, key: string, globalOption: string, appended: boolean): CipherVerdict {
  const { fc } = run;
  const ref = resolveModuleRef(fc, site.left);
  if (!ref || ref.module !== 'tls' || ref.path.length !== 1 || ref.path[0] !== key) return undefined;
  const values = appended ? undefined : evaluate(fc, site.right);
  if (!values || values.length === 0) return globalOption === 'ciphers' ? secLevelTailVerdict(run, key, site.right, appended) : undefined;
  const option = `tls.${key}`;
  if (globalOption === 'ciphers') return ciphersVerdict(run, site, option, key, values);
  return listVerdict(run, site, option, key, values, 'curves');
}

/**
 * The verdict on one option site (a property of an object literal, or a write `x.key = value` or
 * `tls.DEFAULT_CIPHERS = value`): undefined when it weakens nothing the rule can prove. A value
 * decided at run time is judged by each value a literal or default in the file gives it, the first
 * weak one winning (`legacy ? 'ALL:@SECLEVEL=0' : 'HIGH'` with `legacy = true`).
 */
export function cipherSiteVerdict(fc: FileContext, site: OptionSite, judging: CipherJudging): CipherVerdict {
  const run: Run = { fc, ...judging };
  const key = siteKey(site);
  if (key === undefined) return undefined;
  // `+=` appends to the current value: only a cipher string's known tail can be judged.
  const appended = site.type === 'AssignmentExpression' && site.operator === '+=';
  if (site.type === 'Property') {
    if (!judgedProperty(fc, site, key, CIPHER_OPTION_KEYS)) return undefined;
  } else {
    if (site.operator !== '=' && !appended) return undefined;
    const globalOption = Object.hasOwn(CIPHER_GLOBAL_KEYS, key) ? CIPHER_GLOBAL_KEYS[key] : undefined;
    if (globalOption) return globalVerdict(run, site, key, globalOption, appended);
    if (!CIPHER_OPTION_KEYS.has(key) || (appended && key !== 'ciphers')) return undefined;
  }
  const bag = ownerBag(fc, site);
  if (!isEffectiveEntry(bag, key, site) || shadowedAtEveryUse(fc, site, key)) return undefined;
  for (const values of appended ? [] : judgedValues(fc, siteValue(site))) {
    const verdict = valuesVerdict(run, site, key, key, values);
    if (verdict) return verdict;
  }
  const values = appended ? undefined : evaluate(fc, siteValue(site));
  if ((!values || values.length === 0) && key === 'ciphers') return secLevelTailVerdict(run, key, siteValue(site), appended);
  return undefined;
}
