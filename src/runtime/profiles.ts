import tls from 'node:tls';
import { PROFILES, type Profile, type ProfileName } from '../policy/profiles.js';
import { formatValue } from './errors.js';

/**
 * A policy profile as the runtime applies it on this Node build: the same values as the
 * policy's `PROFILES` entry, with `ecdhCurve` replaced by the fallback list when this
 * OpenSSL cannot do the profile's first choice (X25519MLKEM768 needs OpenSSL >= 3.5).
 */
export interface RuntimeProfile {
  /** The profile's name. */
  readonly name: ProfileName;
  /** The lowest TLS version allowed (`'TLSv1.2'` or `'TLSv1.3'`). */
  readonly minVersion: tls.SecureVersion;
  /** The OpenSSL cipher string, TLS 1.3 suites included. */
  readonly ciphers: string;
  /** The key-exchange groups this Node build accepts. */
  readonly ecdhCurve: string;
  /** The smallest Diffie-Hellman group a client accepts, in bits. */
  readonly minDHSize: number;
  /**
   * The smallest RSA key a client accepts in the server's certificate chain, in bits (2048 for
   * both profiles: Mozilla's intermediate minimum; OpenSSL's `@SECLEVEL=2` refuses the same).
   */
  readonly minRSABits: number;
}

/** Mozilla Server Side TLS v6.0: RSA keys of at least 2048 bits (intermediate and modern). */
const MIN_RSA_BITS = 2048;

const resolved = new Map<ProfileName, RuntimeProfile>();

/** Whether `name` is a profile the policy knows. */
export function isProfileName(name: unknown): name is ProfileName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(PROFILES, name);
}

/**
 * The profile `name` as the runtime applies it. The key-exchange group list is probed once per
 * profile (one `tls.createSecureContext` call) and cached for the life of the process.
 *
 * @throws TypeError when `name` is not a profile name.
 */
export function runtimeProfile(name: ProfileName = 'intermediate'): RuntimeProfile {
  const cached = resolved.get(name);
  if (cached !== undefined) return cached;
  if (!isProfileName(name)) {
    throw new TypeError(`tlsguard: unknown profile ${formatValue(name)}; use one of ${Object.keys(PROFILES).join(', ')}`);
  }
  const profile: Profile = PROFILES[name];
  const result: RuntimeProfile = Object.freeze({
    name,
    minVersion: profile.minVersion,
    ciphers: profile.ciphers,
    ecdhCurve: supportedCurves(profile),
    minDHSize: profile.minDHSize,
    minRSABits: MIN_RSA_BITS,
  });
  resolved.set(name, result);
  return result;
}

/**
 * The `profile` option of a factory: `undefined` means `'intermediate'`.
 *
 * @throws TypeError naming the caller when it is not a profile name.
 */
export function profileOf(name: unknown, where: string): RuntimeProfile {
  if (name === undefined) return runtimeProfile('intermediate');
  if (!isProfileName(name)) {
    throw new TypeError(`${where}: unknown profile ${formatValue(name)}; use one of ${Object.keys(PROFILES).join(', ')}`);
  }
  return runtimeProfile(name);
}

function supportedCurves(profile: Profile): string {
  try {
    tls.createSecureContext({ ecdhCurve: profile.ecdhCurve });
    return profile.ecdhCurve;
  } catch {
    // OpenSSL < 3.5 rejects the ML-KEM hybrid group with ERR_CRYPTO_OPERATION_FAILED.
    return profile.ecdhCurveFallback;
  }
}
