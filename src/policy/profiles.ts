/**
 * Mozilla Server Side TLS guidelines v6.0 (node-tls.md 3.2), as Node options.
 */
import type { CipherPolicy } from './ciphers/weak.js';
import { MIN_DH_SIZE } from './curves.js';
import type { TlsVersion } from './versions.js';

export type ProfileName = 'intermediate' | 'modern';

export interface Profile {
  name: ProfileName;
  minVersion: TlsVersion;
  /** Node `ciphers` string: the TLS 1.3 suites first, then the TLS 1.2 ones (intermediate). */
  ciphers: string;
  /** Groups with X25519MLKEM768 first (needs OpenSSL >= 3.5; Node 20/22 throw on it). */
  ecdhCurve: string;
  /** The same groups without X25519MLKEM768. */
  ecdhCurveFallback: string;
  minDHSize: number;
  /** The cipher policy that matches the profile. */
  cipherPolicy: CipherPolicy;
}

const TLS13 = 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256';
const TLS12 =
  'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:' +
  'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305';
const GROUPS_FALLBACK = 'X25519:prime256v1:secp384r1';
const GROUPS = `X25519MLKEM768:${GROUPS_FALLBACK}`;

export const PROFILES: Readonly<Record<ProfileName, Profile>> = Object.freeze({
  intermediate: Object.freeze({
    name: 'intermediate',
    minVersion: 'TLSv1.2',
    ciphers: `${TLS13}:${TLS12}`,
    ecdhCurve: GROUPS,
    ecdhCurveFallback: GROUPS_FALLBACK,
    minDHSize: MIN_DH_SIZE,
    cipherPolicy: 'recommended',
  }),
  modern: Object.freeze({
    name: 'modern',
    minVersion: 'TLSv1.3',
    ciphers: TLS13,
    ecdhCurve: GROUPS,
    ecdhCurveFallback: GROUPS_FALLBACK,
    minDHSize: MIN_DH_SIZE,
    cipherPolicy: 'strict',
  }),
});
