import { constants } from 'node:crypto';
import type tls from 'node:tls';
import type { ProfileName } from '../policy/profiles.js';
import { formatValue, InsecureTlsOptionError } from './errors.js';
import { refuseInsecure } from './guard.js';
import type { RefuseInsecureServer } from './input-types.js';
import { profileOf } from './profiles.js';

/** The options the runtime adds to a server option bag. They are removed from the result. */
export interface RuntimeServerExtras {
  /** The policy profile: `'intermediate'` (default; TLS 1.2+) or `'modern'` (TLS 1.3 only). */
  profile?: ProfileName | undefined;
}

/**
 * What {@link secureServerOptions} accepts: the options of `tls.createServer`,
 * `https.createServer` or `http2.createSecureServer`, plus the runtime extras.
 */
export type RuntimeServerOptions = tls.TlsOptions & RuntimeServerExtras;

/** The options {@link secureServerOptions} always sets in its result. */
export interface HardenedServerOptions {
  /** The profile's minimum (or the caller's, when that passed the policy). */
  minVersion: tls.SecureVersion;
  /** The profile's cipher string (or the caller's, when that passed the policy). */
  ciphers: string;
  /** The key-exchange groups (probed once: X25519MLKEM768 only where OpenSSL supports it). */
  ecdhCurve: string;
  /** The caller's bits plus `SSL_OP_NO_RENEGOTIATION`. */
  secureOptions: number;
  /** `true` whenever `requestCert` is `true` (mTLS is enforced); otherwise as given (inert). */
  rejectUnauthorized?: boolean;
}

/**
 * The result type of {@link secureServerOptions}: the caller's bag without the extras, with the
 * hardened options replacing the caller's declarations of the same names.
 */
export type SecureServerOptions<T> = Omit<T, keyof RuntimeServerExtras | keyof HardenedServerOptions> & HardenedServerOptions;

const NO_RENEGOTIATION = constants.SSL_OP_NO_RENEGOTIATION;

/**
 * Hardens the options of `tls.createServer`, `https.createServer` and
 * `http2.createSecureServer`: TLS 1.2+ (1.3 with `profile: 'modern'`), the profile's ciphers and
 * key-exchange groups, renegotiation off (`SSL_OP_NO_RENEGOTIATION`).
 *
 * A certificate is required: `cert` and `key`, or `pfx`, or an `SNICallback`. Send the whole
 * chain (leaf first, then intermediates) in `cert`.
 *
 * Client certificates (mTLS) are only ever enforced: `requestCert: true` sets
 * `rejectUnauthorized: true` and requires `ca` (the CAs that issue client certificates;
 * without it any certificate from a public CA would authenticate). `requestCert: true` with
 * `rejectUnauthorized: false` is refused.
 *
 * @example
 * ```ts
 * https.createServer(secureServerOptions({ cert: chainPem, key: keyPem }), app).listen(443);
 * ```
 *
 * @throws InsecureTlsOptionError for insecure options (legacy versions, weak ciphers,
 *   optional mTLS, mTLS without `ca`...).
 * @throws TypeError when there is no certificate, or for `secureContext`/`secureProtocol`.
 */
export function secureServerOptions<T extends RuntimeServerOptions & object & RefuseInsecureServer<T>>(options: T): SecureServerOptions<T> {
  const where = 'secureServerOptions';
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${where}: expected an options object with cert and key`);
  }
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) input[key] = value;
  }
  const profileName = input.profile;
  delete input.profile;
  const profile = profileOf(profileName, where);

  refuseInsecure(input, profile, 'server', where);

  if (input.requestCert === true && (input.ca === undefined || input.ca === null || input.ca === '')) {
    throw new InsecureTlsOptionError(
      [
        {
          option: 'ca',
          value: input.ca,
          category: 'trust-store',
          message:
            'requestCert: true without ca would accept client certificates from any public CA. ' + 'Pass the CA that issues your client certificates as ca.',
        },
      ],
      where,
    );
  }
  const hasCertificate = (input.cert !== undefined && input.key !== undefined) || input.pfx !== undefined || typeof input.SNICallback === 'function';
  if (!hasCertificate) {
    throw new TypeError(`${where}: a server needs cert and key (or pfx, or an SNICallback)`);
  }
  if (input.secureContext !== undefined) {
    throw new TypeError(`${where}: tls servers do not take secureContext; pass cert, key and the other options instead`);
  }
  if (input.secureProtocol !== undefined) {
    throw new TypeError(
      `${where}: secureProtocol ${formatValue(input.secureProtocol)} conflicts with the minVersion the ` + 'factory sets. Use minVersion/maxVersion instead.',
    );
  }
  const given = input.secureOptions;
  if (given !== undefined && (typeof given !== 'number' || !Number.isInteger(given) || given < 0)) {
    throw new TypeError(`${where}: secureOptions must be a non-negative integer bitmask`);
  }

  const result: Record<string, unknown> = {
    ...input,
    minVersion: input.minVersion ?? profile.minVersion,
    ciphers: input.ciphers ?? profile.ciphers,
    ecdhCurve: input.ecdhCurve ?? profile.ecdhCurve,
    secureOptions: withBit(given ?? 0, NO_RENEGOTIATION),
  };
  if (input.requestCert === true) result.rejectUnauthorized = true;
  return result as unknown as SecureServerOptions<T>;
}

/**
 * `mask | bit` without JavaScript's 32-bit signed conversion (SSL_OP_ALL is 2147485776,
 * above 2^31). `bit` must be a single power of two.
 */
function withBit(mask: number, bit: number): number {
  return Math.floor(mask / bit) % 2 === 1 ? mask : mask + bit;
}
