/**
 * `ecdhCurve` groups, `sigalgs` entries and DH sizes, judged for one OpenSSL family and security
 * level: an entry is reported only when it is weak and the OpenSSL of the target really uses it
 * there. The facts are measured on Node 20 (OpenSSL 3.0) and Node 16 (OpenSSL 1.1.1) at security
 * levels 0 to 5 by test/claims/weak-handshake.test.ts.
 */
import type { OpenSSLFamily } from './node-releases.js';

/** Minimum DH modulus (`minDHSize`) the policy accepts; Node's client default is 1024. */
export const MIN_DH_SIZE = 2048;

/** Where a list is judged: the target's OpenSSL family and the effective security level. */
export interface HandshakeTarget {
  readonly family: OpenSSLFamily;
  /** The `@SECLEVEL` of the context's cipher string, else the target's default level. */
  readonly securityLevel: number;
  /**
   * The list serves only clients that offer TLS 1.3. On OpenSSL 3 such a client with no group
   * usable in TLS 1.3 (X25519, X448, P-256/384/521, ffdhe*) cannot connect at all
   * (`ERR_SSL_NO_SUITABLE_GROUPS`), so nothing weak is negotiated.
   */
  readonly tls13Client?: boolean;
}

/**
 * The minimum security bits of OpenSSL's levels 0 - 5 (SSL_CTX_set_security_level(3)). A group or
 * signature with fewer bits is refused at that level: measured for levels 0 - 5 on both families
 * (test/claims/weak-handshake.test.ts).
 */
const LEVEL_BITS = [0, 80, 112, 128, 192, 256] as const;
const levelBits = (level: number): number => LEVEL_BITS[Math.max(0, Math.min(5, Math.trunc(level)))] ?? 0;

/**
 * The elliptic curves below 128-bit security that `ecdhCurve` accepts, with the security bits
 * OpenSSL gives them (80 below 224 bits, 112 from 224 to 255). Names are case-sensitive for
 * OpenSSL (`SECP224R1` makes Node throw). `secp192r1` is a name OpenSSL 3 knows and 1.1.1 does not
 * (1.1.1 spells it `prime192v1`). Others that OpenSSL lists but TLS does not (`prime239v1`,
 * `brainpoolP160r1`, `brainpoolP224r1`, `c2pnb163v1`, the WTLS and Oakley curves) make Node throw
 * on both, so nothing is offered.
 */
const WEAK_CURVE_BITS: Readonly<Record<string, number>> = {
  secp160k1: 80,
  secp160r1: 80,
  secp160r2: 80,
  secp192k1: 80,
  prime192v1: 80,
  'P-192': 80,
  sect163k1: 80,
  sect163r1: 80,
  sect163r2: 80,
  'K-163': 80,
  'B-163': 80,
  sect193r1: 80,
  sect193r2: 80,
  secp224k1: 112,
  secp224r1: 112,
  'P-224': 112,
  sect233k1: 112,
  sect233r1: 112,
  'K-233': 112,
  'B-233': 112,
  sect239k1: 112,
};
const WEAK_CURVE_BITS_3: Readonly<Record<string, number>> = { ...WEAK_CURVE_BITS, secp192r1: 80 };

/** Groups of 128-bit security or more that `ecdhCurve` accepts on both families. */
const STRONG_CURVES = new Set([
  'X25519',
  'X448',
  'prime256v1',
  'secp256k1',
  'secp384r1',
  'secp521r1',
  'P-256',
  'P-384',
  'P-521',
  'brainpoolP256r1',
  'brainpoolP384r1',
  'brainpoolP512r1',
  'sect283k1',
  'sect283r1',
  'sect409k1',
  'sect409r1',
  'sect571k1',
  'sect571r1',
  'K-283',
  'B-283',
  'K-409',
  'B-409',
  'K-571',
  'B-571',
]);
/** OpenSSL 3 also takes these (1.1.1 throws on them). */
const STRONG_CURVES_3 = new Set([...STRONG_CURVES, 'x25519', 'x448', 'secp256r1', 'ffdhe2048', 'ffdhe3072', 'ffdhe4096', 'ffdhe6144', 'ffdhe8192']);

/** The groups OpenSSL 3 uses in TLS 1.3 (its brainpool, secp256k1 and binary curves are TLS 1.2 only). */
const TLS13_GROUPS_3 = new Set([
  'X25519',
  'x25519',
  'X448',
  'x448',
  'prime256v1',
  'secp256r1',
  'P-256',
  'secp384r1',
  'P-384',
  'secp521r1',
  'P-521',
  'ffdhe2048',
  'ffdhe3072',
  'ffdhe4096',
  'ffdhe6144',
  'ffdhe8192',
]);

/**
 * The groups of an `ecdhCurve` list (`:`-separated) that are below 128-bit security and that the
 * target's OpenSSL negotiates at its security level (level 1 takes the 80-bit curves such as
 * `prime192v1`, level 2 only the 112-bit ones such as `secp224r1`, level 3 and up none). On both
 * families a Node peer that offers or picks one negotiates it in TLS 1.2 (OpenSSL 1.1.1 in TLS 1.3
 * too), unless the list serves only TLS 1.3 clients on OpenSSL 3 and has no TLS 1.3 group (see
 * `tls13Client`). A list with a name Node rejects, or one this table does not know (it may be newer than
 * it), is not judged: Node throws on the former, nothing is offered. `auto` alone is Node's default.
 */
export function weakCurves(ecdhCurve: string, at: HandshakeTarget): string[] {
  if (ecdhCurve.trim() === 'auto') return [];
  const weakBits = at.family === '3' ? WEAK_CURVE_BITS_3 : WEAK_CURVE_BITS;
  const strong = at.family === '3' ? STRONG_CURVES_3 : STRONG_CURVES;
  const min = levelBits(at.securityLevel);
  const weak: string[] = [];
  const names = ecdhCurve
    .split(':')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  if (at.family === '3' && at.tls13Client === true && !names.some((n) => TLS13_GROUPS_3.has(n))) return [];
  for (const name of names) {
    const bits = Object.hasOwn(weakBits, name) ? weakBits[name] : undefined;
    if (bits === undefined) {
      if (!strong.has(name)) return [];
      continue;
    }
    if (bits >= min) weak.push(name);
  }
  return weak;
}

/** `ALG+HASH` entries Node accepts (case-sensitive; MD5 and RSA-PSS with SHA-1/SHA-224 make it throw). */
const SIGALG_PAIR = /^(?:(?:RSA|ECDSA|DSA)\+SHA(?:1|224|256|384|512)|(?:RSA-PSS|PSS)\+SHA(?:256|384|512))$/;
/** TLS 1.3 scheme names Node accepts on both families (`ecdsa_sha1`, `dsa_sha256` ... make it throw). */
const SIGALG_SCHEMES = new Set([
  'rsa_pkcs1_sha1',
  'rsa_pkcs1_sha224',
  'rsa_pkcs1_sha256',
  'rsa_pkcs1_sha384',
  'rsa_pkcs1_sha512',
  'ecdsa_secp256r1_sha256',
  'ecdsa_secp384r1_sha384',
  'ecdsa_secp521r1_sha512',
  'rsa_pss_rsae_sha256',
  'rsa_pss_rsae_sha384',
  'rsa_pss_rsae_sha512',
  'rsa_pss_pss_sha256',
  'rsa_pss_pss_sha384',
  'rsa_pss_pss_sha512',
  'ed25519',
  'ed448',
]);
const SHA1_ENTRY = /^(?:(?:RSA|ECDSA|DSA)\+SHA1|rsa_pkcs1_sha1)$/;

/**
 * The SHA-1 entries of a `sigalgs` list that the target's OpenSSL signs or accepts TLS 1.2
 * handshakes with: OpenSSL 1.1.1 (Node <= 16) up to security level 1, OpenSSL 3 (Node >= 17) only
 * at level 0. SHA-224 and DSA with SHA-2 are used at every level measured and have no shown
 * weakness, so they are not reported; MD5 entries make Node throw. A list with an entry Node
 * rejects, or one this table does not know, is not judged.
 */
export function weakSigalgs(sigalgs: string, at: HandshakeTarget): string[] {
  const usable = at.securityLevel <= 0 || (at.family === '1.1' && at.securityLevel <= 1);
  const weak: string[] = [];
  for (const raw of sigalgs.split(':')) {
    const entry = raw.trim();
    if (entry === '') continue;
    if (!SIGALG_PAIR.test(entry) && !SIGALG_SCHEMES.has(entry)) return [];
    if (usable && SHA1_ENTRY.test(entry)) weak.push(entry);
  }
  return weak;
}
