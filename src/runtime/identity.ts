import tls from 'node:tls';
import type { RuntimeProfile } from './profiles.js';

type IdentityCheck = (hostname: string, cert: tls.PeerCertificate) => Error | undefined;

/** Our wrappers, mapped to the caller's check they wrap (`null`: Node's default). */
const wrapped = new WeakMap<IdentityCheck, IdentityCheck | null>();
/** One wrapper per caller's check (`null`: Node's default) and key-size minimum. */
const defaults = new Map<number, IdentityCheck>();
const forUser = new WeakMap<IdentityCheck, Map<number, IdentityCheck>>();

/** The error a client gets for a server certificate whose key is below the profile's minimum. */
export class WeakServerKeyError extends Error {
  /** A stable code, in the style of Node's own `ERR_*` codes. */
  readonly code = 'ERR_TLSGUARD_WEAK_SERVER_KEY';
  /** The key size found, in bits. */
  readonly bits: number;

  constructor(hostname: string, subject: string, bits: number, minBits: number) {
    super(
      `tlsguard: the certificate chain of ${JSON.stringify(hostname.slice(0, 80))} contains a ${bits}-bit RSA key ` +
        `(${subject}); the runtime requires at least ${minBits} bits, and keys this small can be factored. ` +
        'Reissue the certificate with a larger key (or an ECDSA key).',
    );
    this.name = 'WeakServerKeyError';
    this.bits = bits;
  }
}

/**
 * The caller's `checkServerIdentity` inside one of our wrappers, `undefined` when `check` is
 * Node's default or a wrapper around it, and `check` itself when it is not ours.
 */
export function userIdentityCheck(check: unknown): IdentityCheck | undefined {
  if (typeof check !== 'function') return undefined;
  const inner = wrapped.get(check as IdentityCheck);
  if (inner === null) return undefined;
  return inner ?? (check as IdentityCheck);
}

/**
 * `check` (Node's `tls.checkServerIdentity` when none is given), then the profile's key-size
 * check over the whole presented chain. Node calls it with `getPeerCertificate(true)`, whose
 * `issuerCertificate` links walk up to the root. A wrapper given again is unwrapped first, so
 * hardening a hardened bag does not stack wrappers.
 */
export function identityCheck(check: IdentityCheck | undefined, profile: RuntimeProfile): IdentityCheck {
  const user = userIdentityCheck(check);
  const min = profile.minRSABits;
  let cache = defaults;
  if (user !== undefined) {
    cache = forUser.get(user) ?? new Map<number, IdentityCheck>();
    forUser.set(user, cache);
  }
  const cached = cache.get(min);
  if (cached !== undefined) return cached;
  const first = user ?? tls.checkServerIdentity;
  const result: IdentityCheck = (hostname, cert) => {
    const error = first(hostname, cert);
    if (error !== undefined) return error;
    return weakKeyError(hostname, cert, min);
  };
  wrapped.set(result, user ?? null);
  cache.set(min, result);
  return result;
}

function weakKeyError(hostname: string, leaf: tls.PeerCertificate, minBits: number): Error | undefined {
  const seen = new Set<tls.PeerCertificate>();
  let cert: tls.PeerCertificate | undefined = leaf;
  while (cert !== undefined && cert !== null && !seen.has(cert)) {
    seen.add(cert);
    // `modulus` is set for RSA keys only; `bits` is then the modulus size.
    if (typeof cert.modulus === 'string' && typeof cert.bits === 'number' && cert.bits < minBits) {
      return new WeakServerKeyError(hostname, subjectOf(cert), cert.bits, minBits);
    }
    cert = (cert as tls.DetailedPeerCertificate).issuerCertificate as tls.PeerCertificate | undefined;
  }
  return undefined;
}

function subjectOf(cert: tls.PeerCertificate): string {
  const cn = cert.subject?.CN;
  const name = Array.isArray(cn) ? cn.join(', ') : cn;
  return typeof name === 'string' && name !== '' ? `CN=${name.slice(0, 80)}` : 'no common name';
}
