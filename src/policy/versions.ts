/**
 * TLS protocol versions as Node.js spells them (`minVersion` / `maxVersion`,
 * `tls.DEFAULT_MIN_VERSION`), their order, and what counts as legacy.
 */

export type TlsVersion = 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';

/** Every version Node accepts for `minVersion`/`maxVersion`, ascending. */
export const TLS_VERSIONS: readonly TlsVersion[] = Object.freeze(['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const);

/** Node's built-in defaults (`tls.DEFAULT_MIN_VERSION` / `DEFAULT_MAX_VERSION`). */
export const DEFAULT_MIN_VERSION: TlsVersion = 'TLSv1.2';
export const DEFAULT_MAX_VERSION: TlsVersion = 'TLSv1.3';

/** True only for the exact strings Node accepts (`'TLSv1.0'` is not one). */
export function isTlsVersion(v: unknown): v is TlsVersion {
  return typeof v === 'string' && (TLS_VERSIONS as readonly string[]).includes(v);
}

/** Negative when `a` is older than `b`, 0 when equal, positive when newer. */
export function compareTlsVersions(a: TlsVersion, b: TlsVersion): number {
  return TLS_VERSIONS.indexOf(a) - TLS_VERSIONS.indexOf(b);
}

/** TLS 1.0 and 1.1 (deprecated by RFC 8996). */
export function isLegacyTlsVersion(v: TlsVersion): boolean {
  return compareTlsVersions(v, 'TLSv1.2') < 0;
}

/** The versions from `min` to `max` inclusive (empty when min > max). */
export function versionsBetween(min: TlsVersion, max: TlsVersion): TlsVersion[] {
  const lo = TLS_VERSIONS.indexOf(min);
  const hi = TLS_VERSIONS.indexOf(max);
  return TLS_VERSIONS.slice(lo, hi + 1);
}
