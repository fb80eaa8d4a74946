/**
 * Which suites are weak, and which ones an OpenSSL security level still lets
 * through (ssl_security_default_callback in ssl/ssl_cert.c, OpenSSL 3.0).
 */
import type { OpenSSLFamily } from '../node-releases.js';
import type { CipherEvaluation } from './evaluate.js';
import type { CipherSuite } from './suites.js';

export type CipherPolicy = 'recommended' | 'strict';

export interface WeakSuite {
  suite: CipherSuite;
  /** Short phrases, in this order: the recommended-policy reasons, then the strict-only ones. */
  reasons: string[];
}

/**
 * The OpenSSL security level assumed when a cipher string does not set one:
 * 1, the default of the OpenSSL 3 that Node 20 and 22 bundle (Node >= 24.5
 * with OpenSSL >= 3.2 uses 2, which refuses a superset).
 */
export const DEFAULT_SECURITY_LEVEL = 1;

/** Minimum security bits per level (OpenSSL: 80, 112, 128, 192, 256). */
const LEVEL_BITS = [0, 80, 112, 128, 192, 256] as const;

/**
 * Whether OpenSSL would still negotiate `suite` at security level `level`.
 * Level >= 1: no suite below the level's bits (so no NULL/EXPORT/DES), no
 * anonymous suite, no MD5 MAC; level >= 3: forward secrecy required
 * (TLS 1.3 suites exempt); level >= 4: no SHA-1 MAC.
 */
export function usableAtSecurityLevel(suite: CipherSuite, level: number): boolean {
  if (level <= 0) return true;
  const minBits = LEVEL_BITS[Math.min(level, 5)] ?? 256;
  if (suite.strengthBits < minBits) return false;
  if (suite.au === 'None') return false;
  if (suite.mac === 'MD5') return false;
  if (minBits > 160 && suite.mac === 'SHA1') return false;
  if (level >= 3 && suite.protocol !== 'TLSv1.3' && !suite.forwardSecret) return false;
  return true;
}

/** The reasons `suite` is weak under `policy` (empty when it is acceptable). */
export function weaknessReasons(suite: CipherSuite, policy: CipherPolicy): string[] {
  const reasons: string[] = [];
  if (suite.enc === 'None') reasons.push('no encryption (NULL)');
  if (suite.au === 'None') reasons.push('anonymous (no authentication)');
  if (suite.strength === 'EXPORT') reasons.push('export-grade');
  if (suite.enc === 'RC4') reasons.push('RC4');
  if (suite.enc === 'DES' || suite.enc === '3DES') reasons.push('DES/3DES');
  if (suite.enc === 'IDEA') reasons.push('IDEA (64-bit block)');
  if (suite.mac === 'MD5') reasons.push('MD5 MAC');
  if (suite.strength === 'LOW' && reasons.length === 0) reasons.push('low strength (LOW)');
  if (policy === 'strict') {
    if (!suite.forwardSecret) reasons.push('no forward secrecy');
    if (!suite.aead) reasons.push('not AEAD');
  }
  return reasons;
}

export interface OfferOptions {
  /** The level when the string sets no `@SECLEVEL` (default DEFAULT_SECURITY_LEVEL). */
  securityLevel?: number;
  /** Whose suite table: OpenSSL 3 (Node >= 17, the default) or the OpenSSL 1.1 of Node 10 - 16. */
  family?: OpenSSLFamily;
  /** TLS 1.0/1.1 can be negotiated (then IDEA-CBC-SHA, TLS 1.1 at most, is offered where it is compiled in). */
  legacyVersions?: boolean;
  /**
   * A `pskCallback` is set: only then does Node offer or accept the PSK suites (OpenSSL drops them
   * without a PSK callback). Node has no SRP API, so SRP suites are never offered.
   */
  psk?: boolean;
}

const isPsk = (s: CipherSuite): boolean => s.kx.includes('PSK');
const isSrp = (s: CipherSuite): boolean => s.kx === 'SRP';

/** Whether `suite` is compiled into the OpenSSL of `family`. */
export function compiledIn(suite: CipherSuite, family: OpenSSLFamily): boolean {
  return family === '3' ? suite.inOpenSSL3 : suite.inOpenSSL11;
}

/**
 * The suites the OpenSSL of `family` would really offer for an evaluated `ciphers` string (TLS
 * <= 1.2 list, then TLS 1.3): only suites compiled into it, only those its security level lets
 * through (the string's own `@SECLEVEL=n`, else `options.securityLevel`, else 1), and only those
 * usable at the negotiable versions. `openssl ciphers -s` and a Node client's ClientHello list the
 * same (test/policy/openssl-oracle.test.ts, node-oracle.test.ts).
 */
export function offeredSuites(e: CipherEvaluation, options: OfferOptions = {}): CipherSuite[] {
  const level = e.securityLevel ?? options.securityLevel ?? DEFAULT_SECURITY_LEVEL;
  const family = options.family ?? '3';
  return [...e.tls12, ...e.tls13].filter(
    (suite) =>
      compiledIn(suite, family) &&
      (!suite.maxTls11 || options.legacyVersions === true) &&
      (options.psk === true || !isPsk(suite)) &&
      !isSrp(suite) &&
      usableAtSecurityLevel(suite, level),
  );
}

/**
 * The weak suites among those offered (offeredSuites). `recommended` flags NULL, anonymous,
 * EXPORT, RC4, DES/3DES, IDEA, MD5 and LOW; `strict` also flags suites without forward secrecy or
 * AEAD. On OpenSSL 3 at level 1, `HIGH:!RC4` (whose anonymous suites level 1 refuses) and `ALL`
 * (its RC4, 3DES and IDEA suites are not in OpenSSL 3) are clean; `ALL:@SECLEVEL=0` offers the
 * anonymous suites and `eNULL:@SECLEVEL=0` the NULL ones.
 */
export function weakSuites(e: CipherEvaluation, policy: CipherPolicy, options: OfferOptions = {}): WeakSuite[] {
  const out: WeakSuite[] = [];
  for (const suite of offeredSuites(e, options)) {
    const reasons = weaknessReasons(suite, policy);
    if (reasons.length > 0) out.push({ suite, reasons });
  }
  return out;
}
