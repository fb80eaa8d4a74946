import { describe, expect, it } from 'vitest';
import {
  CIPHER_SUITES,
  DEFAULT_TLS13_SUITES,
  NODE_DEFAULT_CIPHERS,
  evaluateCipherString,
  evaluateOptionsOf,
  expandOpenSSLCipherList,
  judgeCiphers,
  nodeFacts,
  targetOf,
  offeredSuites,
  suiteByIana,
  suiteByName,
  usableAtSecurityLevel,
  weakSuites,
  weaknessReasons,
  type CipherSuite,
} from '../../src/policy/index.js';
import { getCiphers } from 'node:tls';

const names = (xs: readonly CipherSuite[]): string[] => xs.map((s) => s.name);
const suite = (name: string): CipherSuite => {
  const s = suiteByName(name);
  if (!s) throw new Error(name);
  return s;
};

describe('CIPHER_SUITES', () => {
  it('has 200 unique suites: 5 TLS 1.3, 155 TLS <= 1.2 in OpenSSL 3, 40 legacy', () => {
    expect(CIPHER_SUITES.length).toBe(200);
    expect(new Set(CIPHER_SUITES.map((s) => s.name)).size).toBe(200);
    expect(new Set(CIPHER_SUITES.map((s) => s.iana)).size).toBe(200);
    expect(new Set(CIPHER_SUITES.map((s) => s.id)).size).toBe(200);
    expect(CIPHER_SUITES.filter((s) => s.protocol === 'TLSv1.3').length).toBe(5);
    expect(CIPHER_SUITES.filter((s) => s.protocol !== 'TLSv1.3' && s.inOpenSSL3).length).toBe(155);
    expect(CIPHER_SUITES.filter((s) => !s.inOpenSSL3).length).toBe(40);
  });

  it('marks exactly the RC4/DES/3DES/EXPORT/IDEA/SEED/RC2 suites as not in OpenSSL 3', () => {
    const legacy = CIPHER_SUITES.filter((s) => !s.inOpenSSL3);
    expect(legacy.every((s) => ['RC4', 'DES', '3DES', 'IDEA', 'SEED', 'RC2'].includes(s.enc))).toBe(true);
    expect(CIPHER_SUITES.filter((s) => s.inOpenSSL3).some((s) => ['RC4', 'DES', '3DES', 'IDEA', 'SEED', 'RC2'].includes(s.enc))).toBe(false);
  });

  it('knows every suite name Node 20 reports in tls.getCiphers()', () => {
    const known = new Set(CIPHER_SUITES.map((s) => s.name.toLowerCase()));
    expect(getCiphers().filter((n) => !known.has(n))).toEqual([]);
  });

  it('derives forward secrecy, AEAD and strength bits', () => {
    expect(suite('ECDHE-RSA-AES128-GCM-SHA256')).toMatchObject({
      forwardSecret: true,
      aead: true,
      strengthBits: 128,
      strength: 'HIGH',
      protocol: 'TLSv1.2',
      kx: 'ECDH',
      au: 'RSA',
    });
    expect(suite('AES128-SHA')).toMatchObject({ forwardSecret: false, aead: false, protocol: 'SSLv3', iana: 'TLS_RSA_WITH_AES_128_CBC_SHA', id: 0x002f });
    expect(suite('DES-CBC3-SHA')).toMatchObject({ encBits: 168, strengthBits: 112, strength: 'MEDIUM', inOpenSSL3: false });
    expect(suite('EXP-RC4-MD5')).toMatchObject({ encBits: 40, strengthBits: 40, strength: 'EXPORT' });
    expect(suite('NULL-SHA256')).toMatchObject({ enc: 'None', strengthBits: 0, strength: 'NONE' });
    expect(suite('TLS_AES_128_CCM_8_SHA256')).toMatchObject({ protocol: 'TLSv1.3', forwardSecret: true, aead: true, kx: 'any' });
  });

  it('looks suites up by OpenSSL name, 1.0.2 name and IANA name', () => {
    expect(suiteByName('EDH-RSA-DES-CBC3-SHA')?.name).toBe('DHE-RSA-DES-CBC3-SHA');
    expect(suiteByName('ecdhe-rsa-aes128-gcm-sha256')).toBeUndefined();
    expect(suiteByIana('TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256')?.name).toBe('ECDHE-RSA-CHACHA20-POLY1305');
    expect(names(DEFAULT_TLS13_SUITES)).toEqual(['TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256']);
  });
});

describe('expandOpenSSLCipherList (OpenSSL order; oracle-checked in openssl-oracle.test.ts)', () => {
  it('orders ECDHE+AEAD first, and @STRENGTH re-sorts', () => {
    expect(names(expandOpenSSLCipherList('ECDHE+AESGCM'))).toEqual([
      'ECDHE-ECDSA-AES256-GCM-SHA384',
      'ECDHE-RSA-AES256-GCM-SHA384',
      'ECDHE-ECDSA-AES128-GCM-SHA256',
      'ECDHE-RSA-AES128-GCM-SHA256',
    ]);
    expect(names(expandOpenSSLCipherList('AES128-SHA:AES256-SHA:@STRENGTH'))).toEqual(['AES256-SHA', 'AES128-SHA']);
  });

  it('handles -, !, + prefixes', () => {
    expect(names(expandOpenSSLCipherList('AES128-SHA:AES256-SHA:-AES128-SHA'))).toEqual(['AES256-SHA']);
    expect(names(expandOpenSSLCipherList('AES128-SHA:AES256-SHA:-AES128-SHA:AES128-SHA'))).toEqual(['AES256-SHA', 'AES128-SHA']);
    expect(names(expandOpenSSLCipherList('AES128-SHA:AES256-SHA:!AES128-SHA:AES128-SHA'))).toEqual(['AES256-SHA']);
    expect(names(expandOpenSSLCipherList('AES128-SHA:AES256-SHA:+AES128-SHA'))).toEqual(['AES256-SHA', 'AES128-SHA']);
  });

  it('includes legacy suites the way a weak-cipher build would', () => {
    // Derived by hand from OpenSSL's preference rules (kECDHE/DHE bumped, then desc. code point, MD5/aNULL/kRSA/kPSK to the end, 40-bit last).
    expect(names(expandOpenSSLCipherList('RC4'))).toEqual([
      'ECDHE-ECDSA-RC4-SHA',
      'ECDHE-RSA-RC4-SHA',
      'AECDH-RC4-SHA',
      'ADH-RC4-MD5',
      'EXP-ADH-RC4-MD5',
      'ECDHE-PSK-RC4-SHA',
      'RSA-PSK-RC4-SHA',
      'DHE-PSK-RC4-SHA',
      'RC4-SHA',
      'RC4-MD5',
      'PSK-RC4-SHA',
      'EXP-RC4-MD5',
    ]);
    expect(names(expandOpenSSLCipherList('EXP'))).toEqual(names(expandOpenSSLCipherList('EXPORT')));
    expect(expandOpenSSLCipherList('EXPORT').every((s) => s.strength === 'EXPORT')).toBe(true);
    expect(expandOpenSSLCipherList('DEFAULT').some((s) => !s.inOpenSSL3)).toBe(false);
  });
});

describe('evaluateCipherString', () => {
  it('splits TLS_ names off to TLS 1.3 the way Node does', () => {
    const e = evaluateCipherString('TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:TLS_CHACHA20_POLY1305_SHA256');
    expect(names(e.tls13)).toEqual(['TLS_AES_128_GCM_SHA256', 'TLS_CHACHA20_POLY1305_SHA256']);
    expect(names(e.tls12)).toEqual(['ECDHE-RSA-AES128-GCM-SHA256']);
    expect(e).toMatchObject({
      tls13Explicit: true,
      error: undefined,
      forcesTls13: false,
      cipherList: 'ECDHE-RSA-AES128-GCM-SHA256',
      cipherSuites: 'TLS_AES_128_GCM_SHA256:TLS_CHACHA20_POLY1305_SHA256',
      securityLevel: undefined,
      unknownTokens: [],
    });
  });

  it('leaves TLS 1.3 at the default three when no TLS_ name is given', () => {
    const e = evaluateCipherString('ECDHE-RSA-AES128-GCM-SHA256');
    expect(e.tls13Explicit).toBe(false);
    expect(names(e.tls13)).toEqual(names(DEFAULT_TLS13_SUITES));
  });

  it('forces TLS 1.3 when only TLS_ names are given', () => {
    const e = evaluateCipherString('TLS_AES_256_GCM_SHA384');
    expect(e.tls12).toEqual([]);
    expect(e.forcesTls13).toBe(true);
    expect(e.error).toBeUndefined();
  });

  it('treats the empty string as Node default', () => {
    const e = evaluateCipherString('');
    expect(e.cipherList).toBe(
      NODE_DEFAULT_CIPHERS.split(':')
        .filter((x) => !x.startsWith('TLS_'))
        .join(':'),
    );
    expect(names(e.tls13)).toEqual(names(DEFAULT_TLS13_SUITES));
    expect(e.tls12.slice(0, 3).map((s) => s.name)).toEqual(['ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES256-GCM-SHA384']);
    expect(e.tls12.some((s) => s.name === 'AES128-SHA')).toBe(true); // the trailing HIGH (fact 11)
  });

  it('records @SECLEVEL and unknown tokens', () => {
    const e = evaluateCipherString('DEFAULT:@SECLEVEL=0:FOO:!BAR+HIGH:@SECLEVEL=1');
    expect(e.securityLevel).toBe(1);
    expect(e.unknownTokens).toEqual(['FOO', 'BAR']);
    expect(evaluateCipherString('TLS_FOO:HIGH').unknownTokens).toEqual(['TLS_FOO']);
  });

  it('reports what Node 20 throws', () => {
    expect(evaluateCipherString('AES/GCM').error).toBe('ERR_SSL_INVALID_COMMAND');
    expect(evaluateCipherString('ALL:@SECLEVEL=6').error).toBe('ERR_SSL_INVALID_COMMAND');
    expect(evaluateCipherString('FOO').error).toBe('ERR_SSL_NO_CIPHER_MATCH');
    expect(evaluateCipherString('!TLS_AES_128_GCM_SHA256').error).toBe('ERR_SSL_NO_CIPHER_MATCH');
    expect(evaluateCipherString(':').error).toBe('ERR_INVALID_ARG_VALUE');
    const rc4 = evaluateCipherString('RC4-SHA');
    expect(rc4.error).toBe('ERR_SSL_NO_CIPHER_MATCH');
    expect(names(rc4.tls12)).toEqual(['RC4-SHA']); // still the weak intent
  });

  it('puts a TLS <= 1.2 suite named by its IANA name in front, as OpenSSL does', () => {
    const e = evaluateCipherString('TLS_RSA_WITH_AES_128_CBC_SHA:AES256-SHA');
    expect(names(e.tls12)).toEqual(['AES128-SHA', 'AES256-SHA']);
    expect(e.tls13).toEqual([]);
  });

  it('replaces the list in Suite B mode', () => {
    const e = evaluateCipherString('SUITEB128:RC4');
    expect(e.suiteB).toBe('SUITEB128');
    expect(names(e.tls12)).toEqual(['ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES256-GCM-SHA384']);
  });
});

describe('usableAtSecurityLevel', () => {
  it('follows OpenSSL 3.0 level rules', () => {
    const level = (n: string): number[] => [0, 1, 2, 3, 4, 5].filter((l) => usableAtSecurityLevel(suite(n), l));
    expect(level('NULL-SHA')).toEqual([0]);
    expect(level('ADH-AES256-GCM-SHA384')).toEqual([0]);
    expect(level('EXP-RC4-MD5')).toEqual([0]);
    expect(level('DES-CBC-SHA')).toEqual([0]);
    expect(level('RC4-SHA')).toEqual([0, 1, 2]);
    expect(level('DES-CBC3-SHA')).toEqual([0, 1, 2]);
    expect(level('AES128-SHA')).toEqual([0, 1, 2]);
    expect(level('ECDHE-RSA-AES128-SHA')).toEqual([0, 1, 2, 3]);
    expect(level('ECDHE-RSA-AES256-SHA')).toEqual([0, 1, 2, 3]);
    expect(level('ECDHE-RSA-AES256-GCM-SHA384')).toEqual([0, 1, 2, 3, 4, 5]);
    expect(level('ECDHE-RSA-AES128-GCM-SHA256')).toEqual([0, 1, 2, 3]);
    expect(level('TLS_AES_128_GCM_SHA256')).toEqual([0, 1, 2, 3]);
    expect(level('TLS_CHACHA20_POLY1305_SHA256')).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('weakSuites', () => {
  const weakNames = (spec: string, policy: 'recommended' | 'strict'): string[] => weakSuites(evaluateCipherString(spec), policy).map((w) => w.suite.name);

  it('gives the reasons in a fixed order', () => {
    expect(weaknessReasons(suite('EXP-ADH-RC4-MD5'), 'recommended')).toEqual(['anonymous (no authentication)', 'export-grade', 'RC4', 'MD5 MAC']);
    expect(weaknessReasons(suite('NULL-MD5'), 'strict')).toEqual(['no encryption (NULL)', 'MD5 MAC', 'no forward secrecy', 'not AEAD']);
    expect(weaknessReasons(suite('DES-CBC3-SHA'), 'recommended')).toEqual(['DES/3DES']);
    expect(weaknessReasons(suite('IDEA-CBC-SHA'), 'recommended')).toEqual(['IDEA (64-bit block)']);
    expect(weaknessReasons(suite('AES128-SHA'), 'recommended')).toEqual([]);
    expect(weaknessReasons(suite('AES128-SHA'), 'strict')).toEqual(['no forward secrecy', 'not AEAD']);
    expect(weaknessReasons(suite('ECDHE-RSA-AES128-SHA256'), 'strict')).toEqual(['not AEAD']);
    expect(weaknessReasons(suite('AES128-GCM-SHA256'), 'strict')).toEqual(['no forward secrecy']);
    expect(weaknessReasons(suite('TLS_AES_128_GCM_SHA256'), 'strict')).toEqual([]);
  });

  it('HIGH:!RC4, ALL and the Node default are clean on OpenSSL 3 at level 1 (no RC4/3DES/IDEA suites, anonymous ones refused)', () => {
    expect(weakNames('HIGH:!RC4', 'recommended')).toEqual([]);
    expect(weakNames('', 'recommended')).toEqual([]);
    expect(weakNames('ALL', 'recommended')).toEqual([]);
    expect(weakNames('ECDHE:DHE:!aNULL:!MD5', 'recommended')).toEqual([]);
    // The OpenSSL 1.1 of Node 10 - 16 has IDEA-CBC-SHA, but only for TLS 1.0/1.1.
    expect(weakSuites(evaluateCipherString('ALL'), 'recommended', { family: '1.1' })).toEqual([]);
    expect(weakSuites(evaluateCipherString('ALL'), 'recommended', { family: '1.1', legacyVersions: true }).map((w) => w.suite.name)).toEqual(['IDEA-CBC-SHA']);
    // SEED exists there too (not weak under recommended, but neither forward secret nor AEAD).
    expect(weakSuites(evaluateCipherString('SEED'), 'strict', { family: '1.1' }).map((w) => w.suite.name)).toEqual([
      'DHE-RSA-SEED-SHA',
      'DHE-DSS-SEED-SHA',
      'SEED-SHA',
    ]);
    expect(weakSuites(evaluateCipherString('SEED'), 'strict', { family: '3' })).toEqual([]);
  });

  it('offers only suites compiled into the target OpenSSL', () => {
    const e = evaluateCipherString('RC4-SHA:DES-CBC3-SHA:IDEA-CBC-SHA:SEED-SHA:AES128-SHA');
    const tls13 = DEFAULT_TLS13_SUITES.map((s) => s.name);
    expect(offeredSuites(e).map((s) => s.name)).toEqual(['AES128-SHA', ...tls13]);
    expect(offeredSuites(e, { family: '1.1' }).map((s) => s.name)).toEqual(['SEED-SHA', 'AES128-SHA', ...tls13]);
    expect(offeredSuites(e, { family: '1.1', legacyVersions: true }).map((s) => s.name)).toEqual(['IDEA-CBC-SHA', 'SEED-SHA', 'AES128-SHA', ...tls13]);
  });

  it('at @SECLEVEL=0 (or an assumed level 0) the anonymous, NULL and MD5 suites of OpenSSL 3 count', () => {
    const zero = weakSuites(evaluateCipherString('ALL:@SECLEVEL=0'), 'recommended');
    expect(zero[0]).toEqual({ suite: suite('ADH-AES256-GCM-SHA384'), reasons: ['anonymous (no authentication)'] });
    const reasons = new Set(zero.flatMap((w) => w.reasons));
    expect([...reasons].sort()).toEqual(['anonymous (no authentication)']);
    expect(new Set(weakSuites(evaluateCipherString('ALL:COMPLEMENTOFALL:@SECLEVEL=0'), 'recommended').flatMap((w) => w.reasons))).toEqual(
      new Set(['anonymous (no authentication)', 'no encryption (NULL)', 'MD5 MAC']),
    );
    expect(weakNames('HIGH:!RC4:@SECLEVEL=0', 'recommended')[0]).toBe('ADH-AES256-GCM-SHA384');
    expect(weakSuites(evaluateCipherString('eNULL'), 'recommended', { securityLevel: 0 }).map((w) => w.reasons[0])).toContain('no encryption (NULL)');
    expect(weakNames('eNULL', 'recommended')).toEqual([]);
    // DEFAULT excludes eNULL and aNULL: nothing weak is offered even at level 0.
    expect(weakNames('DEFAULT:@SECLEVEL=0', 'recommended')).toEqual([]);
  });

  it('flags the Node default under strict (non-forward-secret, CBC suites from HIGH)', () => {
    const strict = weakNames('', 'strict');
    expect(strict).toContain('AES128-SHA');
    expect(strict).toContain('ECDHE-RSA-AES128-SHA256');
    expect(strict).not.toContain('ECDHE-RSA-AES128-GCM-SHA256');
  });

  it('respects an explicit @SECLEVEL', () => {
    expect(weakNames('aNULL:NULL:MD5:@SECLEVEL=0', 'recommended').length).toBeGreaterThan(0);
    expect(weakNames('aNULL:NULL:MD5:@SECLEVEL=1', 'recommended')).toEqual([]);
    expect(weakNames('AES128-SHA:ECDHE-RSA-AES128-SHA:@SECLEVEL=3', 'strict')).toEqual(['ECDHE-RSA-AES128-SHA']);
    expect(weakNames('RC4-SHA:@SECLEVEL=0', 'recommended')).toEqual([]); // not compiled in: nothing to offer
  });

  it('checks the TLS 1.3 half too', () => {
    expect(weakNames('TLS_AES_128_CCM_8_SHA256:ECDHE-RSA-AES128-GCM-SHA256', 'strict')).toEqual([]);
    expect(weakNames('TLS_AES_128_GCM_SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:RC4-SHA', 'recommended')).toEqual([]);
    expect(weakNames('TLS_AES_128_GCM_SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:aNULL:@SECLEVEL=0', 'recommended')[0]).toMatch(/^A(EC)?DH-/);
    expect(weakNames('TLS_AES_128_CCM_8_SHA256:AES128-GCM-SHA256', 'strict')).toEqual(['AES128-GCM-SHA256']);
    expect(weaknessReasons(suite('DES-CBC-SHA'), 'recommended')).toEqual(['DES/3DES']);
  });
});

describe('evaluateCipherString per target Node (node16-oracle and node-split-oracle show these on real Node)', () => {
  const at = (v: string) => evaluateOptionsOf(nodeFacts(v));

  it('splits `!TLS_` entries into the TLS 1.3 half from 20.10 / 21 only', () => {
    const spec = 'TLS_AES_256_GCM_SHA384:!TLS_CHACHA20_POLY1305_SHA256';
    expect(['16.20.2', '18.20.8', '20.9.0', '20.10.0', '21.0.0', '22.0.0'].map((v) => evaluateCipherString(spec, at(v)).error)).toEqual([
      'ERR_SSL_NO_CIPHER_MATCH',
      'ERR_SSL_NO_CIPHER_MATCH',
      'ERR_SSL_NO_CIPHER_MATCH',
      undefined,
      undefined,
      undefined,
    ]);
    expect(evaluateCipherString(spec)).toMatchObject({ error: undefined, cipherList: '', forcesTls13: true });
    expect(evaluateCipherString(spec, at('18.17.1'))).toMatchObject({ cipherList: '!TLS_CHACHA20_POLY1305_SHA256', forcesTls13: false });
  });

  it('OpenSSL 1.1 refuses a TLS 1.3 half naming a suite it lacks; OpenSSL 3 skips the name', () => {
    expect(evaluateCipherString('TLS_FOO:TLS_AES_128_GCM_SHA256', { family: '1.1' }).error).toBe('ERR_SSL_NO_CIPHER_MATCH');
    expect(evaluateCipherString('TLS_FOO:TLS_AES_128_GCM_SHA256', { family: '3' }).error).toBeUndefined();
    expect(evaluateCipherString('TLS_RSA_WITH_RC4_128_SHA:TLS_AES_128_GCM_SHA256:AES128-SHA', { family: '1.1' }).error).toBe('ERR_SSL_NO_CIPHER_MATCH');
    expect(evaluateCipherString('SEED', { family: '1.1' }).error).toBeUndefined();
    expect(evaluateCipherString('SEED', { family: '3' }).error).toBe('ERR_SSL_NO_CIPHER_MATCH');
  });

  it('a string without TLS <= 1.2 entries offers only TLS 1.3 suites, unless the maximum is below TLS 1.3', () => {
    const e = evaluateCipherString('TLS_RSA_WITH_IDEA_CBC_SHA:TLS_AES_128_GCM_SHA256', { family: '1.1' });
    expect(offeredSuites(e, { family: '1.1', legacyVersions: true }).map((s) => s.name)).toEqual(['TLS_AES_128_GCM_SHA256']);
    expect(offeredSuites(e, { family: '1.1', legacyVersions: true, tls13: false }).map((s) => s.name)).toEqual(['IDEA-CBC-SHA', 'TLS_AES_128_GCM_SHA256']);
  });

  it('judgeCiphers judges each group with its own evaluation and bounds an older-only verdict', () => {
    const spec = 'TLS_AES_128_GCM_SHA256:!TLS_CHACHA20_POLY1305_SHA256:TLS_RSA_WITH_AES_128_CBC_SHA';
    const v = judgeCiphers(spec, 'strict', targetOf(['18.0.0', '20.9.0', '20.10.0', '22.0.0']));
    expect([v.where, v.weak.map((w) => w.suite.name)]).toEqual([' before Node 20.10', ['AES128-SHA']]);
    expect(judgeCiphers('TLS_FOO:TLS_AES_128_GCM_SHA256:IDEA-CBC-SHA', 'recommended', targetOf(['16.0.0', '20.0.0']), { legacyVersions: true }).weak).toEqual(
      [],
    );
    expect(judgeCiphers('IDEA-CBC-SHA:AES128-SHA', 'recommended', targetOf(['16.0.0', '17.0.0']), { legacyVersions: true })).toMatchObject({
      where: ' on Node 16 and older',
    });
  });
});
