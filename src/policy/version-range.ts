/**
 * The TLS versions an option bag actually allows, the way Node computes them:
 * `secureProtocol` (which conflicts with `minVersion`/`maxVersion`), else
 * `minVersion`/`maxVersion` over the process defaults, minus versions switched
 * off by `SSL_OP_NO_TLSv1*` bits in `secureOptions`.
 */
import { analyzeSecureOptions } from './secure-options.js';
import { DEFAULT_MAX_VERSION, DEFAULT_MIN_VERSION, TLS_VERSIONS, isLegacyTlsVersion, isTlsVersion, versionsBetween, type TlsVersion } from './versions.js';

export interface VersionRange {
  /** Versions that can be negotiated, ascending. */
  versions: TlsVersion[];
  /** The allowed versions older than TLS 1.2. */
  legacy: TlsVersion[];
  /** TLS 1.2 / 1.3 that are switched off (empty when `error` is set: nothing connects then). */
  modernDisabled: TlsVersion[];
  /** Set when Node would throw or no version is left (the configuration fails closed). */
  error?: 'ERR_TLS_PROTOCOL_VERSION_CONFLICT' | 'ERR_TLS_INVALID_PROTOCOL_METHOD' | 'ERR_SSL_NO_PROTOCOLS_AVAILABLE';
}

export interface VersionOptions {
  minVersion?: string;
  maxVersion?: string;
  secureProtocol?: string;
  secureOptions?: number;
}

function failed(error: NonNullable<VersionRange['error']>): VersionRange {
  return { versions: [], legacy: [], modernDisabled: [], error };
}

/**
 * `secureProtocol` semantics follow Node's `SecureContext::Init` (measured on
 * Node 20.20.2): `TLSv1*_method` pin one version, `SSLv23_method` caps the
 * maximum at TLS 1.2 (the minimum stays the default), `TLS_method` lowers the
 * minimum to the lowest version OpenSSL has (TLS 1.0; SSLv3 is always off).
 * Values that are not strings/integers, and version strings Node would reject,
 * are ignored, not guessed.
 *
 * `side` matters only when `secureOptions` punches a hole in the range: a
 * server accepts every enabled version, a client offers only the lowest
 * contiguous block (measured; see test/policy/node-oracle.test.ts). Whether
 * the range includes a legacy version is the same on both sides.
 */
export function effectiveVersionRange(
  o: VersionOptions,
  defaults: { min: TlsVersion; max: TlsVersion } = { min: DEFAULT_MIN_VERSION, max: DEFAULT_MAX_VERSION },
  side: 'client' | 'server' = 'server',
): VersionRange {
  let min = defaults.min;
  let max = defaults.max;
  const method = o.secureProtocol;
  if (typeof method === 'string') {
    // Node: `if (secureProtocol)` guards the conflict check; '' still reaches the native layer and throws.
    if (method !== '' && (o.minVersion != null || o.maxVersion != null)) return failed('ERR_TLS_PROTOCOL_VERSION_CONFLICT');
    const range = methodRange(method, defaults.min);
    if (!range) return failed('ERR_TLS_INVALID_PROTOCOL_METHOD');
    [min, max] = range;
  } else {
    if (isTlsVersion(o.minVersion)) min = o.minVersion;
    if (isTlsVersion(o.maxVersion)) max = o.maxVersion;
  }
  let versions = versionsBetween(min, max);
  if (typeof o.secureOptions === 'number') {
    const disabled = analyzeSecureOptions(o.secureOptions).disabledVersions;
    versions = versions.filter((v) => !disabled.includes(v));
    // A client cannot offer a range with a hole: OpenSSL keeps the lowest contiguous block
    // (ssl_get_min_max_version), so minVersion 'TLSv1' + SSL_OP_NO_TLSv1_1 offers TLS 1.0 only.
    if (side === 'client') versions = lowestBlock(versions);
  }
  if (versions.length === 0) return failed('ERR_SSL_NO_PROTOCOLS_AVAILABLE');
  return {
    versions,
    legacy: versions.filter(isLegacyTlsVersion),
    modernDisabled: (['TLSv1.2', 'TLSv1.3'] as const).filter((v) => !versions.includes(v)),
  };
}

function lowestBlock(versions: TlsVersion[]): TlsVersion[] {
  const block: TlsVersion[] = [];
  for (const v of versions) {
    const prev = block[block.length - 1];
    if (prev !== undefined && TLS_VERSIONS.indexOf(v) !== TLS_VERSIONS.indexOf(prev) + 1) break;
    block.push(v);
  }
  return block;
}

function methodRange(method: string, defaultMin: TlsVersion): [TlsVersion, TlsVersion] | undefined {
  const m = /^(SSLv2|SSLv3|TLSv1|TLSv1_1|TLSv1_2|TLS|SSLv23)_(?:client_|server_)?method$/.exec(method);
  switch (m?.[1]) {
    case 'TLSv1':
      return ['TLSv1', 'TLSv1'];
    case 'TLSv1_1':
      return ['TLSv1.1', 'TLSv1.1'];
    case 'TLSv1_2':
      return ['TLSv1.2', 'TLSv1.2'];
    case 'TLS':
      return ['TLSv1', 'TLSv1.3'];
    case 'SSLv23':
      return [defaultMin, 'TLSv1.2'];
    default:
      return undefined; // SSLv2/SSLv3 methods ("disabled") and unknown names throw
  }
}
