import { createSecureContext } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { MIN_DH_SIZE, PROFILES, evaluateCipherString, weakCurves, weakSigalgs, weakSuites } from '../../src/policy/index.js';

describe('weakCurves', () => {
  it('flags curves under 256 bits and keeps the original spelling', () => {
    expect(weakCurves('secp192r1')).toEqual(['secp192r1']);
    expect(weakCurves('X25519:prime256v1:secp224r1:P-224:prime192v1')).toEqual(['secp224r1', 'P-224', 'prime192v1']);
    expect(weakCurves('sect163k1:sect233r1:sect283k1:brainpoolP160r1:brainpoolP256r1:prime239v1')).toEqual([
      'sect163k1',
      'sect233r1',
      'brainpoolP160r1',
      'prime239v1',
    ]);
    expect(weakCurves('wap-wsg-idm-ecid-wtls7:Oakley-EC2N-3:ffdhe2048:ffdhe1024')).toEqual(['wap-wsg-idm-ecid-wtls7', 'Oakley-EC2N-3', 'ffdhe1024']);
    expect(weakCurves('SECP192R1')).toEqual(['SECP192R1']);
  });

  it('accepts auto and strong groups', () => {
    expect(weakCurves('auto')).toEqual([]);
    expect(weakCurves('X25519MLKEM768:X25519:prime256v1:secp384r1:secp521r1:X448:P-256:P-384:brainpoolP384r1:ffdhe3072')).toEqual([]);
    expect(weakCurves('')).toEqual([]);
  });
});

describe('weakSigalgs', () => {
  it('flags SHA-1, MD5, SHA-224 and DSA entries in both spellings', () => {
    expect(weakSigalgs('RSA+SHA1')).toEqual(['RSA+SHA1']);
    expect(weakSigalgs('RSA-PSS+SHA256:ECDSA+SHA1:rsa_pkcs1_sha1:ecdsa_sha224:RSA+MD5:DSA+SHA256:dsa_sha256')).toEqual([
      'ECDSA+SHA1',
      'rsa_pkcs1_sha1',
      'ecdsa_sha224',
      'RSA+MD5',
      'DSA+SHA256',
      'dsa_sha256',
    ]);
  });

  it('accepts modern algorithms (ECDSA is not DSA, SHA-1xx is not SHA-1)', () => {
    expect(weakSigalgs('ECDSA+SHA256:ecdsa_secp384r1_sha384:rsa_pss_rsae_sha256:RSA-PSS+SHA512:ed25519:ed448:rsa_pkcs1_sha256')).toEqual([]);
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
      expect(weakCurves(p.ecdhCurve)).toEqual([]);
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
