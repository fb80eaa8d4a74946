/**
 * Which suites are weak, and which ones an OpenSSL security level still lets
 * through (ssl_security_default_callback in ssl/ssl_cert.c, OpenSSL 3.0).
 */
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

/**
 * The weak suites an evaluated `ciphers` string enables (TLS <= 1.2 list,
 * then TLS 1.3). `recommended` flags NULL, anonymous, EXPORT, RC4, DES/3DES,
 * IDEA, MD5 and LOW; `strict` also flags suites without forward secrecy or
 * AEAD. Suites the effective security level refuses cannot be negotiated and
 * are not reported: the level is the string's `@SECLEVEL=n`, else
 * `options.securityLevel`, else DEFAULT_SECURITY_LEVEL (1). So `HIGH:!RC4`
 * (whose anonymous suites level 1 refuses) is clean, `ALL` is not (RC4, 3DES,
 * IDEA), and `ALL:@SECLEVEL=0` reports the anonymous and NULL suites too.
 */
export function weakSuites(e: CipherEvaluation, policy: CipherPolicy, options: { securityLevel?: number } = {}): WeakSuite[] {
  const level = e.securityLevel ?? options.securityLevel ?? DEFAULT_SECURITY_LEVEL;
  const out: WeakSuite[] = [];
  for (const suite of [...e.tls12, ...e.tls13]) {
    if (!usableAtSecurityLevel(suite, level)) continue;
    const reasons = weaknessReasons(suite, policy);
    if (reasons.length > 0) out.push({ suite, reasons });
  }
  return out;
}
