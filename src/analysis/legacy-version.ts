/**
 * Whether an option or global allows TLS versions older than TLS 1.2 for the target (moved out of
 * rules/no-legacy-tls-version.ts, issue 15: the rule composes reports, analysis decides): a legacy
 * `minVersion`/`maxVersion`, a `secureProtocol` that allows, pins or caps (with `secureOptions` taken
 * into account), a `secureOptions` that turns off TLS 1.2 and 1.3, `tls.DEFAULT_MIN_VERSION`/
 * `DEFAULT_MAX_VERSION`, and AWS CDK policies chosen or defaulted to legacy ones.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import {
  effectiveVersionRange,
  isLegacyTlsVersion,
  isTlsVersion,
  secureProtocolInfo,
  analyzeSecureOptions,
  SECURE_OPTION_BITS,
  type NodeTarget,
  type TlsVersion,
} from '../policy/index.js';
import { resolveModuleRef } from './bindings.js';
import { cdkPolicyKeys, legacyDefaultAt, legacyPolicyAt, type CdkPolicyFamily, type CdkVersion, type LegacyDefault, type PolicyValue } from './cdk.js';
import { judgedValues } from './defaults.js';
import type { FileContext } from './file-context.js';
import { wordsPattern } from './gate.js';
import {
  isEffectiveEntry,
  keyValues,
  judgedProperty,
  ownerBag,
  shadowedAtEveryUse,
  siteKey,
  siteValue,
  type KeyValues,
  type OptionSite,
} from './option-values.js';
import type { Primitive } from './types.js';
import { evaluate } from './values.js';

export const LEGACY_OPTION_KEYS = new Set(['minVersion', 'maxVersion', 'secureProtocol', 'secureOptions']);
export const LEGACY_GLOBAL_KEYS = new Set(['DEFAULT_MIN_VERSION', 'DEFAULT_MAX_VERSION']);
/** Every finding outside AWS CDK code sits on one of these keys, written out. */
export const LEGACY_MENTIONS = wordsPattern([...LEGACY_OPTION_KEYS, ...LEGACY_GLOBAL_KEYS]);

const bitOf = (name: string): number => SECURE_OPTION_BITS.find((b) => b.name === name)?.value ?? 0;
/** `SSL_OP_NO_TLSv1_2 | SSL_OP_NO_TLSv1_3`. */
export const MODERN_OFF_BITS = bitOf('SSL_OP_NO_TLSv1_2') | bitOf('SSL_OP_NO_TLSv1_3');

/** `TLSv1` -> `TLS 1.0`. */
export function versionLabel(v: TlsVersion): string {
  return v === 'TLSv1' ? 'TLS 1.0' : v.replace('TLSv', 'TLS ');
}

/** `TLS 1.0 and TLS 1.1`. */
export function versionList(versions: Iterable<TlsVersion>): string {
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

export interface LegacyVersionOptions {
  /** Also report `secureProtocol` spellings that cap the connection at TLS 1.2. */
  readonly legacySpellings: boolean;
  /** The target runtime (read on first use: most files never need it). */
  readonly target: () => NodeTarget;
}

/** The newest major of the target whose built-in `tls.DEFAULT_MIN_VERSION` is below TLS 1.2 (Node 10/11), if any. */
function oldDefaultMinMajor(target: NodeTarget): number | undefined {
  return target.versions
    .filter((f) => f.defaultMinVersion !== 'TLSv1.2' && f.defaultMinVersion !== 'TLSv1.3')
    .reduce<number | undefined>((m, f) => Math.max(m ?? 0, f.version[0]), undefined);
}

/** What `secureProtocol` does: allows legacy versions beside modern ones, pins legacy only, asks for SSL, or is a spelling capped at TLS 1.2. */
export type SecureProtocolVerdictId = 'legacyProtocol' | 'pinsLegacy' | 'sslProtocol' | 'pinsTls12';

/** A finding on a Node option or `tls.DEFAULT_*` assignment; `data` is the message data (without `level0`). */
export type LegacyVersionVerdict = { readonly site: OptionSite; readonly key: string } & (
  | { readonly id: 'defaultMinVersion'; readonly data: { value: string; versions: string } }
  | { readonly id: 'defaultMaxVersion'; readonly data: { value: string; version: string } }
  | { readonly id: 'minVersion'; readonly data: { value: string; versions: string } }
  | { readonly id: 'maxVersion'; readonly data: { value: string; version: string } }
  | { readonly id: SecureProtocolVerdictId; readonly data: { value: string; versions: string } }
  | { readonly id: 'onlyLegacy'; readonly data: Record<string, never> }
);

function globalVerdict(fc: FileContext, site: TSESTree.AssignmentExpression, key: string): LegacyVersionVerdict | undefined {
  const ref = resolveModuleRef(fc, site.left);
  if (!ref || ref.module !== 'tls' || ref.path.length !== 1 || ref.path[0] !== key) return undefined;
  const values = evaluate(fc, site.right);
  if (!values || values.length === 0 || !values.every(isLegacyVersion)) return undefined;
  const value = showValues(values);
  if (key === 'DEFAULT_MIN_VERSION') {
    const versions = values.flatMap((v) => effectiveVersionRange({ minVersion: String(v) }).legacy);
    return { site, key, id: 'defaultMinVersion', data: { value, versions: versionList(versions) } };
  }
  return { site, key, id: 'defaultMaxVersion', data: { value, version: versionList(values as TlsVersion[]) } };
}

/** The finding at an option key or `tls.DEFAULT_*` assignment, judged on its first value set that gives one. */
export function legacyVersionAt(fc: FileContext, site: OptionSite, options: LegacyVersionOptions): LegacyVersionVerdict | undefined {
  const key = siteKey(site);
  if (key === undefined) return undefined;
  if (site.type === 'Property') {
    if (!judgedProperty(fc, site, key, LEGACY_OPTION_KEYS)) return undefined;
  } else {
    if (site.operator !== '=') return undefined;
    if (LEGACY_GLOBAL_KEYS.has(key)) return globalVerdict(fc, site, key);
    if (!LEGACY_OPTION_KEYS.has(key)) return undefined;
  }
  const bag = ownerBag(fc, site);
  if (!isEffectiveEntry(bag, key, site) || shadowedAtEveryUse(fc, site, key)) return undefined;
  const others = (k: string): readonly Primitive[] | null => candidates(keyValues(fc, bag, k));
  // Its known values, then each value a literal or default in the file gives it (`legacy ? 'TLSv1' : 'TLSv1.2'` with `legacy = true`).
  for (const values of judgedValues(fc, siteValue(site))) {
    const verdict = valuesVerdict(site, key, values, others, options);
    if (verdict) return verdict;
  }
  return undefined;
}

type Others = (key: string) => readonly Primitive[] | null;

function valuesVerdict(
  site: OptionSite,
  key: string,
  values: readonly Primitive[],
  others: Others,
  options: LegacyVersionOptions,
): LegacyVersionVerdict | undefined {
  switch (key) {
    case 'minVersion': {
      const versions = minVersionLegacy(values, others);
      return versions === undefined ? undefined : { site, key, id: 'minVersion', data: { value: showValues(values), versions } };
    }
    case 'maxVersion': {
      if (!values.every(isLegacyVersion)) return undefined;
      const protocols = others('secureProtocol');
      if (!protocols || protocols.some(isSet)) return undefined;
      return { site, key, id: 'maxVersion', data: { value: showValues(values), version: versionList(values as TlsVersion[]) } };
    }
    case 'secureProtocol': {
      const found = secureProtocolVerdict(values, others, options);
      return found && { site, key, id: found.id, data: { value: showValues(values), versions: found.versions } };
    }
    case 'secureOptions': {
      const offBoth = (v: Primitive): boolean => {
        if (typeof v !== 'number' || !Number.isInteger(v)) return false;
        const off = analyzeSecureOptions(v).disabledVersions;
        return off.includes('TLSv1.2') && off.includes('TLSv1.3');
      };
      return values.every(offBoth) ? { site, key, id: 'onlyLegacy', data: {} } : undefined;
    }
  }
  return undefined;
}

/** The legacy versions a `minVersion` of `values` allows whatever the other keys hold, as message text; undefined when none is proven. */
function minVersionLegacy(values: readonly Primitive[], others: Others): string | undefined {
  if (!values.every(isLegacyVersion)) return undefined;
  const protocols = others('secureProtocol');
  if (!protocols || protocols.some(isSet)) return undefined; // unknown, or Node throws ERR_TLS_PROTOCOL_VERSION_CONFLICT
  const maxes = others('maxVersion') ?? [undefined];
  const masks = others('secureOptions');
  if (!masks) return undefined;
  const legacy: TlsVersion[] = [];
  for (const min of values) {
    for (const max of maxes) {
      for (const mask of masks) {
        const range = effectiveVersionRange({
          minVersion: String(min),
          maxVersion: typeof max === 'string' ? max : undefined,
          secureOptions: typeof mask === 'number' ? mask : undefined,
        });
        if (range.legacy.length === 0) return undefined;
        legacy.push(...range.legacy);
      }
    }
  }
  return versionList(legacy);
}

function secureProtocolVerdict(
  values: readonly Primitive[],
  others: Others,
  { legacySpellings, target }: LegacyVersionOptions,
): { id: SecureProtocolVerdictId; versions: string } | undefined {
  let oldMin: { major: number | undefined } | undefined;
  const oldDefaultMin = (): number | undefined => (oldMin ??= { major: oldDefaultMinMajor(target()) }).major;
  if (!values.every((v) => typeof v === 'string' && v !== '')) return undefined;
  const limits = [...(others('minVersion') ?? ['?']), ...(others('maxVersion') ?? ['?'])];
  if (limits.some(isSet)) return undefined; // unknown, or a version conflict that throws
  const masks = others('secureOptions');
  let worst: SecureProtocolVerdictId = 'pinsTls12';
  let modernLeft = false;
  const legacy: TlsVersion[] = [];
  const oldNodeOnly: TlsVersion[] = [];
  for (const value of values as string[]) {
    const info = secureProtocolInfo(value);
    if (info.kind === 'legacy') {
      if (!masks) return undefined;
      for (const mask of masks) {
        const range = effectiveVersionRange({ secureProtocol: value, secureOptions: typeof mask === 'number' ? mask : undefined });
        if (range.legacy.length === 0) return undefined;
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
        if (range.legacy.length === 0) return undefined;
        oldNodeOnly.push(...range.legacy);
      }
      if (worst === 'pinsTls12' || worst === 'sslProtocol') worst = 'legacyProtocol';
    } else if (info.kind === 'disabled') {
      if (worst === 'pinsTls12') worst = 'sslProtocol';
    } else if (info.kind !== 'pins-tls12' || !legacySpellings) {
      return undefined;
    }
  }
  const versions =
    legacy.length > 0 || oldNodeOnly.length === 0
      ? versionList([...legacy, ...oldNodeOnly])
      : `${versionList(oldNodeOnly)} on Node ${oldDefaultMin()} and older`;
  return { id: worst, versions };
}

/** `SecurityPolicy.TLS_1_0`, or `'TLS_1_0'`, as the message shows a policy value. */
const showPolicy = (v: PolicyValue): string => (v.member ? `${v.member.enumName}.${v.member.name}` : `'${String(v.value)}'`);

/** A CDK policy property that chooses a legacy policy, with the TLS 1.2 policy of its family and the message data. */
export interface CdkPolicyVerdict {
  readonly key: string;
  readonly values: readonly PolicyValue[];
  readonly family: CdkPolicyFamily;
  readonly secure: CdkPolicyFamily['secure'][CdkVersion];
  /** Whether a value is spelled as an enum member (the replacement is then the member, else the string). */
  readonly asEnum: boolean;
  readonly data: { key: string; value: string; service: string; floor: string; secure: string };
}

export function cdkPolicyVerdict(fc: FileContext, site: TSESTree.Property): CdkPolicyVerdict | undefined {
  const key = siteKey(site);
  if (key === undefined || !cdkPolicyKeys().has(key) || site.kind !== 'init') return undefined;
  const policy = legacyPolicyAt(fc, site, key);
  if (!policy) return undefined;
  const { family, values } = policy;
  const secure = family.secure[policy.version];
  const asEnum = values.some((v) => v.member);
  const secureText = asEnum ? `${family.enumName}.${secure.member}` : `'${secure.value}'`;
  const data = { key, value: [...new Set(values.map(showPolicy))].join(' | '), service: family.service, floor: policy.floor, secure: secureText };
  return { key, values, family, secure, asEnum, data };
}

/** A CDK construct call that omits its policy key where the documented default is legacy, with the message data. */
export interface CdkDefaultVerdict {
  readonly found: LegacyDefault;
  readonly secure: CdkPolicyFamily['secure'][CdkVersion];
  readonly data: { key: string; service: string; default: string; floor: string; secure: string };
}

export function cdkDefaultVerdict(fc: FileContext, call: TSESTree.NewExpression | TSESTree.CallExpression): CdkDefaultVerdict | undefined {
  const found = legacyDefaultAt(fc, call);
  const legacyDefault = found?.api.legacyDefault;
  if (!found || !legacyDefault) return undefined;
  const { family } = found;
  const secure = family.secure[found.version];
  const secureText = `${family.enumName}.${secure.member}`;
  return { found, secure, data: { key: family.key, service: family.service, default: legacyDefault.text, floor: legacyDefault.floor, secure: secureText } };
}
