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
   * The maximum version is TLS 1.3 (default true). Only then does a string without TLS <= 1.2
   * entries make Node raise the minimum to TLS 1.3 (`maxVersion: 'TLSv1.2'` or lower leaves it, and
   * the TLS <= 1.2 suites its TLS 1.3 half names are offered: measured on Node 16.20.2).
   */
  tls13?: boolean;
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
 * usable at the negotiable versions: a string with no TLS <= 1.2 entries makes Node raise the
 * minimum to TLS 1.3 (`e.forcesTls13`, where the maximum is TLS 1.3: `options.tls13`), so a TLS <= 1.2 suite named in its TLS 1.3 half is not
 * offered. What a string Node refuses (`e.error`) would offer is still listed (its intent); the
 * verdict (judge.ts) counts nothing offered there, as createSecureContext throws. `openssl ciphers -s` and a Node client's ClientHello list the same
 * (test/policy/openssl-oracle.test.ts, node-oracle.test.ts, node16-oracle.test.ts).
 */
export function offeredSuites(e: CipherEvaluation, options: OfferOptions = {}): CipherSuite[] {
  const level = e.securityLevel ?? options.securityLevel ?? DEFAULT_SECURITY_LEVEL;
  const family = options.family ?? '3';
  // TLS 1.3 enabled with a TLS 1.3 half that names no TLS 1.3 suite: a client sends no ClientHello
  // ("No ciphers enabled for max supported SSL/TLS version") and a server refuses every handshake,
  // TLS 1.2 ones too (ERR_SSL_NO_CIPHERS_AVAILABLE; measured on Node 16.20.2 and 20.20.2, see
  // test/policy/ciphers-context.test.ts). Nothing is offered.
  if (e.tls13Explicit && e.tls13.length === 0 && options.tls13 !== false) return [];
  return [...e.tls12, ...e.tls13].filter(
    (suite) =>
      compiledIn(suite, family) &&
      (!e.forcesTls13 || options.tls13 === false || suite.protocol === 'TLSv1.3') &&
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

/** What each weakness lets an attacker do, one clause per kind (in the order of weaknessReasons). */
export const IMPACT: readonly (readonly [string, string])[] = [
  ['no encryption (NULL)', 'a NULL suite sends the traffic unencrypted'],
  [
    'anonymous (no authentication)',
    'an anonymous suite carries no certificate, so the peer is authenticated by nothing (a Node client with verification on refuses it; one without accepts anyone)',
  ],
  ['export-grade', 'export-grade keys can be broken by brute force'],
  ['low strength (LOW)', '56-bit keys can be broken by brute force'],
  ['RC4', 'RC4 keystream biases leak repeated plaintext such as cookies'],
  ['DES/3DES', 'a 64-bit block cipher leaks plaintext in long connections (Sweet32)'],
  ['IDEA (64-bit block)', 'a 64-bit block cipher leaks plaintext in long connections (Sweet32)'],
  ['MD5 MAC', 'an MD5 MAC is a broken integrity check'],
  ['no forward secrecy', "whoever later obtains the server's private key can decrypt recorded traffic of the suites without forward secrecy"],
  ['not AEAD', 'the CBC suites use MAC-then-encrypt, the construction behind padding-oracle attacks such as Lucky13'],
];

/**
 * The parts of a weak-suites message: how many, why, the first `shown` names (then "and N more"),
 * and one impact clause per kind of weakness (IMPACT), without repeats.
 */
export function describeSuites(weak: readonly WeakSuite[], shown = 3): { count: string; reasons: string; suites: string; impact: string } {
  const reasons = [...new Set(weak.flatMap((w) => w.reasons))];
  const names = weak.slice(0, shown).map((w) => w.suite.name);
  const more = weak.length > shown ? ` and ${weak.length - shown} more` : '';
  const clauses = [...new Set(IMPACT.filter(([r]) => reasons.includes(r)).map(([, clause]) => clause))];
  return {
    count: weak.length === 1 ? '1 weak cipher suite' : `${weak.length} weak cipher suites`,
    reasons: reasons.join(', '),
    suites: `${names.join(', ')}${more}`,
    impact: clauses.join('; '),
  };
}
