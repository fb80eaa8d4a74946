/**
 * `ecdhCurve` groups, `sigalgs` entries and DH sizes.
 */

/** Minimum DH modulus (`minDHSize`) the policy accepts; Node's client default is 1024. */
export const MIN_DH_SIZE = 2048;

const CURVE_BITS = /^(?:secp|sect|prime|brainpoolp|c2pnb|c2tnb|c2onb)(\d+)/;

/**
 * Groups in an `ecdhCurve` list (`:`-separated, as OpenSSL reads it) that are
 * weak: elliptic curves under 256 bits (secp192r1, secp224r1, prime192v1,
 * prime239v1, sect163k1, sect233r1, brainpoolP160r1 ... P-192, P-224), the WTLS
 * and Oakley curves, and finite-field groups under 2048 bits. `auto`, X25519,
 * X448, P-256 and larger, and the ffdhe2048+ groups are fine. Names are
 * compared case-insensitively; the original spelling is returned.
 */
export function weakCurves(ecdhCurve: string): string[] {
  const weak: string[] = [];
  for (const raw of ecdhCurve.split(':')) {
    const name = raw.trim();
    if (name === '' || name.toLowerCase() === 'auto') continue;
    if (isWeakCurve(name.toLowerCase())) weak.push(name);
  }
  return weak;
}

function isWeakCurve(name: string): boolean {
  if (name === 'p-192' || name === 'p-224') return true;
  if (name.startsWith('wap-wsg-idm-ecid-wtls') || name.startsWith('oakley-ec2n-')) return true;
  const ff = /^ffdhe(\d+)$/.exec(name);
  if (ff) return Number(ff[1]) < 2048;
  const m = CURVE_BITS.exec(name);
  return m !== null && Number(m[1]) < 256;
}

/**
 * Entries of a `sigalgs` list that use SHA-1, MD5 or SHA-224, or DSA, in
 * either spelling (`RSA+SHA1`, `DSA+SHA256`, `rsa_pkcs1_sha1`, `ecdsa_sha1`,
 * `dsa_sha256`). RSA-PSS, ECDSA and EdDSA with SHA-256 or better are fine.
 */
export function weakSigalgs(sigalgs: string): string[] {
  const weak: string[] = [];
  for (const raw of sigalgs.split(':')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const lower = entry.toLowerCase();
    const weakHash = /sha1(?!\d)|md5|sha224/.test(lower);
    const dsa = /(?:^|[+_])dsa(?:[+_]|$)/.test(lower);
    if (weakHash || dsa) weak.push(entry);
  }
  return weak;
}
