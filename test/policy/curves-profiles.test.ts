import { createSecureContext } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { MIN_DH_SIZE, PROFILES, evaluateCipherString, weakCurves, weakSigalgs, weakSuites } from '../../src/policy/index.js';

const OPENSSL_3_L1 = { family: '3', securityLevel: 1 } as const;
const OPENSSL_3_L2 = { family: '3', securityLevel: 2 } as const;
const OPENSSL_11_L1 = { family: '1.1', securityLevel: 1 } as const;

// What each verdict rests on is measured on Node by test/claims/weak-handshake.test.ts.
describe('weakCurves', () => {
  it('reports curves below 128-bit security that the level lets through, in their spelling', () => {
    expect(weakCurves('X25519:prime256v1:secp224r1:P-224:prime192v1', OPENSSL_3_L1)).toEqual(['secp224r1', 'P-224', 'prime192v1']);
    expect(weakCurves('sect163k1:sect233r1:sect283k1:brainpoolP256r1:secp160r1:K-233', OPENSSL_11_L1)).toEqual([
      'sect163k1',
      'sect233r1',
      'secp160r1',
      'K-233',
    ]);
    // Level 2 refuses the 80-bit curves and keeps the 112-bit ones; level 3 refuses both; level 0 takes all.
    expect(weakCurves('prime192v1:secp224r1:sect233k1:X25519', OPENSSL_3_L2)).toEqual(['secp224r1', 'sect233k1']);
    expect(weakCurves('prime192v1:secp224r1:X25519', { family: '3', securityLevel: 3 })).toEqual([]);
    expect(weakCurves('secp160k1:X25519', { family: '3', securityLevel: 0 })).toEqual(['secp160k1']);
  });

  it('does not judge a list Node rejects or one with a name it does not know', () => {
    // Names OpenSSL has but TLS does not, and the wrong case, make Node throw: nothing is offered.
    for (const list of ['prime192v1:prime239v1', 'secp224r1:brainpoolP160r1', 'SECP224R1', 'wap-wsg-idm-ecid-wtls7:secp224r1', 'Oakley-EC2N-3:secp224r1']) {
      expect(weakCurves(list, OPENSSL_3_L1)).toEqual([]);
    }
    // secp192r1 is OpenSSL 3's name (1.1.1 throws on it); the ffdhe groups are OpenSSL 3's too.
    expect(weakCurves('secp192r1', OPENSSL_3_L1)).toEqual(['secp192r1']);
    expect(weakCurves('secp192r1', OPENSSL_11_L1)).toEqual([]);
    expect(weakCurves('ffdhe2048:secp224r1', OPENSSL_3_L1)).toEqual(['secp224r1']);
    expect(weakCurves('ffdhe2048:secp224r1', OPENSSL_11_L1)).toEqual([]);
    expect(weakCurves('X25519MLKEM768:secp224r1', OPENSSL_3_L1)).toEqual([]);
  });

  it('on OpenSSL 3, a TLS 1.3 client with no TLS 1.3 group cannot connect: nothing to report', () => {
    expect(weakCurves('secp224r1:brainpoolP256r1', { ...OPENSSL_3_L1, tls13Client: true })).toEqual([]);
    expect(weakCurves('secp224r1:X25519', { ...OPENSSL_3_L1, tls13Client: true })).toEqual(['secp224r1']);
    expect(weakCurves('secp224r1', OPENSSL_3_L1)).toEqual(['secp224r1']);
    expect(weakCurves('secp224r1', { ...OPENSSL_11_L1, tls13Client: true })).toEqual(['secp224r1']);
  });

  it('accepts auto and strong groups', () => {
    expect(weakCurves('auto', OPENSSL_3_L1)).toEqual([]);
    expect(weakCurves('X25519:prime256v1:secp384r1:secp521r1:X448:P-256:P-384:brainpoolP384r1:ffdhe3072:secp256k1', OPENSSL_3_L1)).toEqual([]);
    expect(weakCurves('', OPENSSL_3_L1)).toEqual([]);
  });
});

describe('weakSigalgs', () => {
  it('reports SHA-1 entries on OpenSSL 1.1.1 up to level 1 and on OpenSSL 3 only at level 0', () => {
    const list = 'RSA-PSS+SHA256:ECDSA+SHA1:rsa_pkcs1_sha1:RSA+SHA1:DSA+SHA1:RSA+SHA224:DSA+SHA256';
    expect(weakSigalgs(list, OPENSSL_11_L1)).toEqual(['ECDSA+SHA1', 'rsa_pkcs1_sha1', 'RSA+SHA1', 'DSA+SHA1']);
    expect(weakSigalgs(list, { family: '1.1', securityLevel: 2 })).toEqual([]);
    expect(weakSigalgs(list, OPENSSL_3_L1)).toEqual([]);
    expect(weakSigalgs(list, { family: '3', securityLevel: 0 })).toEqual(['ECDSA+SHA1', 'rsa_pkcs1_sha1', 'RSA+SHA1', 'DSA+SHA1']);
  });

  it('does not report SHA-224 or DSA with SHA-2, nor a list Node rejects (MD5, unknown names, wrong case)', () => {
    expect(weakSigalgs('RSA+SHA224:ECDSA+SHA224:DSA+SHA256:rsa_pkcs1_sha224', { family: '1.1', securityLevel: 0 })).toEqual([]);
    for (const list of [
      'RSA+SHA1:RSA+MD5',
      'RSA+SHA1:ecdsa_sha1',
      'RSA+SHA1:dsa_sha256',
      'rsa+sha1',
      'RSA-PSS+SHA1',
      'RSA+SHA1:ecdsa_brainpoolP256r1tls13_sha256',
    ]) {
      expect(weakSigalgs(list, OPENSSL_11_L1)).toEqual([]);
    }
  });

  it('accepts modern algorithms (ECDSA is not DSA, SHA-1xx is not SHA-1)', () => {
    expect(weakSigalgs('ECDSA+SHA256:ecdsa_secp384r1_sha384:rsa_pss_rsae_sha256:RSA-PSS+SHA512:ed25519:ed448:rsa_pkcs1_sha256', OPENSSL_11_L1)).toEqual([]);
  });
});

describe('PROFILES', () => {
  it('are Mozilla 6.0 intermediate and modern', () => {
    expect(PROFILES.intermediate).toEqual({
      name: 'intermediate',
      minVersion: 'TLSv1.2',
      ciphers:
        'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:' +
        'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:' +
        'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305',
      ecdhCurve: 'X25519MLKEM768:X25519:prime256v1:secp384r1',
      ecdhCurveFallback: 'X25519:prime256v1:secp384r1',
      minDHSize: 2048,
      cipherPolicy: 'recommended',
    });
    expect(PROFILES.modern).toMatchObject({
      minVersion: 'TLSv1.3',
      ciphers: 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256',
      cipherPolicy: 'strict',
    });
    expect(MIN_DH_SIZE).toBe(2048);
    expect(Object.isFrozen(PROFILES.modern)).toBe(true);
  });

  it('pass their own policy, even the strict one, and evaluate as intended', () => {
    for (const p of Object.values(PROFILES)) {
      const e = evaluateCipherString(p.ciphers);
      expect(e.error).toBeUndefined();
      expect(e.unknownTokens).toEqual([]);
      expect(weakSuites(e, 'strict')).toEqual([]);
      expect(weakCurves(p.ecdhCurveFallback, OPENSSL_11_L1)).toEqual([]);
      expect(weakCurves(p.ecdhCurveFallback, { family: '3', securityLevel: 0 })).toEqual([]);
    }
    expect(evaluateCipherString(PROFILES.intermediate.ciphers).tls12.map((s) => s.name)).toEqual(PROFILES.intermediate.ciphers.split(':').slice(3));
    expect(evaluateCipherString(PROFILES.modern.ciphers).forcesTls13).toBe(true);
  });

  it('are accepted by Node (fallback groups; X25519MLKEM768 needs OpenSSL >= 3.5)', () => {
    for (const p of Object.values(PROFILES)) {
      expect(() =>
        createSecureContext({ minVersion: p.minVersion, ciphers: p.ciphers, ecdhCurve: p.ecdhCurveFallback, minDHSize: p.minDHSize } as never),
      ).not.toThrow();
    }
  });
});
