// The factories and the guard without the network: what they set, what they refuse, the cache.
import { X509Certificate, constants } from 'node:crypto';
import type http2 from 'node:http2';
import https from 'node:https';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertSecureTlsOptions,
  clearSecureContextCache,
  CONTEXT_CACHE_LIMIT,
  defaultRoots,
  defaultRootsSource,
  InsecureTlsOptionError,
  runtimeProfile,
  secureAgent,
  secureClientOptions,
  secureContextCacheSize,
  secureServerOptions,
} from '../../src/runtime/index.js';
import { PROFILES } from '../../src/policy/index.js';
import { hasOpenSsl, makeTestPki, type TestPki } from './pki.js';

/** Runs `fn`, expects an InsecureTlsOptionError, returns it. */
function insecure(fn: () => unknown): InsecureTlsOptionError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InsecureTlsOptionError);
    expect(error).toBeInstanceOf(TypeError);
    return error as InsecureTlsOptionError;
  }
  throw new Error('expected an InsecureTlsOptionError, nothing was thrown');
}

const OPENSSL = hasOpenSsl();

describe('runtimeProfile', () => {
  it('mirrors the policy profiles, with a key-exchange list this OpenSSL accepts', () => {
    for (const name of ['intermediate', 'modern'] as const) {
      const profile = runtimeProfile(name);
      expect(profile.minVersion).toBe(PROFILES[name].minVersion);
      expect(profile.ciphers).toBe(PROFILES[name].ciphers);
      expect(profile.minDHSize).toBeGreaterThanOrEqual(2048);
      expect([PROFILES[name].ecdhCurve, PROFILES[name].ecdhCurveFallback]).toContain(profile.ecdhCurve);
      expect(() => tls.createSecureContext({ ecdhCurve: profile.ecdhCurve })).not.toThrow();
      let mlkem = true;
      try {
        tls.createSecureContext({ ecdhCurve: PROFILES[name].ecdhCurve });
      } catch {
        mlkem = false;
      }
      expect(profile.ecdhCurve).toBe(mlkem ? PROFILES[name].ecdhCurve : PROFILES[name].ecdhCurveFallback);
    }
  });

  it('rejects unknown profiles', () => {
    expect(() => secureClientOptions({ profile: 'old' as 'modern' })).toThrow(/unknown profile "old"/);
  });
});

describe('secureClientOptions', () => {
  it('hardens an empty bag', () => {
    const options = secureClientOptions();
    const profile = runtimeProfile('intermediate');
    expect(options).toMatchObject({
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
      ciphers: profile.ciphers,
      ecdhCurve: profile.ecdhCurve,
      minDHSize: 2048,
    });
    expect(options.secureContext).toBeDefined();
    expect(options.servername).toBeUndefined();
    expect('ca' in options).toBe(false);
  });

  it('includes the TLS 1.3 suites in the cipher list', () => {
    expect(secureClientOptions().ciphers).toMatch(/(^|:)TLS_AES_128_GCM_SHA256(:|$)/);
  });

  it('modern profile: TLS 1.3 minimum', () => {
    const options = secureClientOptions({ profile: 'modern' });
    expect(options.minVersion).toBe('TLSv1.3');
    expect('profile' in options).toBe(false);
  });

  it('derives servername from DNS hosts only and never overrides a given one', () => {
    expect(secureClientOptions({ host: 'example.com' }).servername).toBe('example.com');
    expect(secureClientOptions({ host: 'example.com.' }).servername).toBe('example.com');
    expect(secureClientOptions({ hostname: 'api.example.com', host: 'ignored.example' }).servername).toBe('api.example.com');
    for (const host of ['127.0.0.1', '::1', '[::1]', '10.0.0.5', '']) {
      expect(secureClientOptions({ host }).servername, host).toBeUndefined();
    }
    expect(secureClientOptions({ host: '10.0.0.5', servername: 'db.internal' }).servername).toBe('db.internal');
    expect(secureClientOptions({ host: 'a.example', servername: 'b.example' }).servername).toBe('b.example');
  });

  it("keeps the caller's other options and does not modify the input", () => {
    const input = { host: 'example.com', port: 8443, ALPNProtocols: ['h2'], timeout: 1000 };
    const copy = structuredClone(input);
    const options = secureClientOptions(input);
    expect(input).toEqual(copy);
    expect(options).toMatchObject({ host: 'example.com', port: 8443, ALPNProtocols: ['h2'], timeout: 1000 });
  });

  it('sets rejectUnauthorized explicitly even when the caller passes true, 0 or undefined', () => {
    expect(secureClientOptions({ rejectUnauthorized: true }).rejectUnauthorized).toBe(true);
    expect(secureClientOptions({ rejectUnauthorized: undefined }).rejectUnauthorized).toBe(true);
  });

  it('keeps a caller-given secure minVersion, ciphers and a higher minDHSize', () => {
    const options = secureClientOptions({
      minVersion: 'TLSv1.3',
      ciphers: 'TLS_AES_256_GCM_SHA384',
      minDHSize: 3072,
    });
    expect(options).toMatchObject({ minVersion: 'TLSv1.3', ciphers: 'TLS_AES_256_GCM_SHA384', minDHSize: 3072 });
  });

  it('drops options given as undefined (an explicit checkServerIdentity: undefined breaks Node 20)', () => {
    const options = secureClientOptions({ host: 'example.com', checkServerIdentity: undefined, ca: undefined });
    // the runtime's own check (Node's, then the key-size check) replaces the explicit undefined
    expect(typeof options.checkServerIdentity).toBe('function');
    expect(options.checkServerIdentity).toBe(secureClientOptions().checkServerIdentity);
    expect('ca' in options).toBe(false);
  });

  it('keeps a deliberate checkServerIdentity: it runs first, and its error is returned', () => {
    const seen: string[] = [];
    const refusal = new Error('pin mismatch');
    const check = (host: string): Error | undefined => {
      seen.push(host);
      return refusal;
    };
    const options = secureClientOptions({ checkServerIdentity: check });
    expect(options.checkServerIdentity('a.example', {} as tls.PeerCertificate)).toBe(refusal);
    expect(seen).toEqual(['a.example']);
    // hardening the hardened bag again keeps the caller's check
    options.checkServerIdentity('b.example', {} as tls.PeerCertificate);
    secureClientOptions(options).checkServerIdentity('c.example', {} as tls.PeerCertificate);
    expect(seen).toEqual(['a.example', 'b.example', 'c.example']);
  });

  describe('refuses insecure input', () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['rejectUnauthorized', { rejectUnauthorized: false }],
      ['minVersion', { minVersion: 'TLSv1' }],
      ['minVersion', { minVersion: 'TLSv1.1' }],
      ['maxVersion', { maxVersion: 'TLSv1.1' }],
      ['secureProtocol', { secureProtocol: 'TLSv1_method' }],
      ['secureProtocol', { secureProtocol: 'TLSv1_1_client_method' }],
      ['ciphers', { ciphers: 'ALL' }],
      ['ciphers', { ciphers: 'AES128-SHA' }], // no forward secrecy: the factories judge ciphers strictly
      ['ciphers', { ciphers: 'HIGH' }],
      ['ciphers', { ciphers: 'DEFAULT:@SECLEVEL=0' }],
      // Beside a TLS 1.3 group: an OpenSSL 3 client with only TLS 1.2 groups cannot connect at all.
      ['ecdhCurve', { ecdhCurve: 'secp192r1:X25519' }],
      ['secureOptions', { secureOptions: constants.SSL_OP_LEGACY_SERVER_CONNECT }],
      ['ca', { ca: [] }],
      ['minDHSize', { minDHSize: 1024 }],
    ];
    for (const [option, bag] of cases) {
      it(`${option}: ${JSON.stringify(bag[option])}`, () => {
        const error = insecure(() => secureClientOptions({ host: 'example.com', ...bag }));
        expect(error.option).toBe(option);
        expect(error.value).toEqual(bag[option]);
        expect(error.findings.length).toBeGreaterThan(0);
        expect(error.message).toContain(option);
        expect(error.message).toContain(JSON.stringify(bag[option]) === '[]' ? '[]' : String(bag[option]));
        expect(error.code).toBe('ERR_TLSGUARD_INSECURE_OPTION');
      });
    }

    it('secureAgent refuses the same input', () => {
      expect(insecure(() => secureAgent({ rejectUnauthorized: false })).option).toBe('rejectUnauthorized');
    });
  });

  describe('refuses options it cannot honour', () => {
    it('ca together with extraCa', () => {
      expect(() => secureClientOptions({ ca: 'x', extraCa: 'y' })).toThrow(/either extraCa .* or ca/);
    });
    it('a secureContext built elsewhere', () => {
      expect(() => secureClientOptions({ secureContext: tls.createSecureContext() })).toThrow(/secureContext built elsewhere/);
    });
    it('a harmless secureProtocol (conflicts with minVersion)', () => {
      // @ts-expect-error -- refused at type level too (issue 17, item 19)
      expect(() => secureClientOptions({ secureProtocol: 'TLS_method' })).toThrow(/use minVersion/i);
    });
    it('socket without host or servername', async () => {
      const { PassThrough } = await import('node:stream');
      expect(() => secureClientOptions({ socket: new PassThrough() })).toThrow(/'localhost'/);
    });
    it('extraCa that is not PEM', () => {
      expect(() => secureClientOptions({ extraCa: 'not a certificate' })).toThrow(/no PEM certificate/);
      expect(() => secureClientOptions({ extraCa: [] })).toThrow(/empty/);
      const broken = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
      expect(() => secureClientOptions({ extraCa: broken })).toThrow(/extraCa: certificate #1 cannot be parsed/);
    });
    it('a non-function checkServerIdentity', () => {
      expect(() => secureClientOptions({ checkServerIdentity: 'no' as unknown as typeof tls.checkServerIdentity })).toThrow(/must be a function/);
    });
  });
});

describe.skipIf(!OPENSSL)('trust: extraCa and the context cache', () => {
  let pki: TestPki;
  beforeAll(() => {
    pki = makeTestPki();
  });
  afterAll(() => pki?.dispose());

  it('adds extraCa to the default roots, which still contain the public Mozilla roots', () => {
    const options = secureClientOptions({ host: 'example.com', extraCa: pki.ca.cert });
    const ca = options.ca as string[];
    expect(Object.isFrozen(ca)).toBe(true);
    expect(ca.length).toBe(defaultRoots().length + 1);
    expect(ca.at(-1)?.trim()).toBe(pki.ca.cert.trim());
    const isrg = tls.rootCertificates.find((pem) => new X509Certificate(pem).subject.includes('CN=ISRG Root X1'));
    expect(isrg, 'ISRG Root X1 is in the bundled Mozilla store').toBeDefined();
    expect(ca).toContain(isrg);
    if (defaultRootsSource() === 'rootCertificates') {
      expect(ca.slice(0, -1)).toEqual([...tls.rootCertificates]);
    }
  });

  it('accepts a bundle, Buffers and arrays', () => {
    const bundle = pki.ca.cert + pki.foreignCa.cert;
    const a = secureClientOptions({ extraCa: bundle });
    const b = secureClientOptions({ extraCa: [Buffer.from(pki.ca.cert), pki.foreignCa.cert] });
    expect((a.ca as string[]).length).toBe(defaultRoots().length + 2);
    expect(b.secureContext).toBe(a.secureContext);
  });

  it('returns the same SecureContext for equal configurations', () => {
    clearSecureContextCache();
    const a = secureClientOptions({ host: 'a.example', extraCa: pki.ca.cert });
    const b = secureClientOptions({ host: 'b.example', port: 1, extraCa: `${pki.ca.cert}` });
    const c = secureClientOptions({ host: 'c.example', extraCa: Buffer.from(pki.ca.cert) });
    expect(b.secureContext).toBe(a.secureContext);
    expect(c.secureContext).toBe(a.secureContext);
    expect(b.ca).toBe(a.ca);
    expect(secureContextCacheSize()).toBe(1);
    expect(secureClientOptions({}).secureContext).toBe(secureClientOptions({ host: 'x.example' }).secureContext);
  });

  it('builds a different context for a different trust or policy configuration', () => {
    const base = secureClientOptions({ extraCa: pki.ca.cert });
    const others = [
      secureClientOptions({ extraCa: pki.foreignCa.cert }),
      secureClientOptions({ extraCa: pki.ca.cert, profile: 'modern' }),
      secureClientOptions({ extraCa: pki.ca.cert, cert: pki.client.cert, key: pki.client.key }),
      secureClientOptions({ ca: pki.ca.cert }),
      secureClientOptions(),
    ];
    const contexts = new Set([base.secureContext, ...others.map((o) => o.secureContext)]);
    expect(contexts.size).toBe(others.length + 1);
  });

  it('the cache is bounded (LRU of CONTEXT_CACHE_LIMIT entries)', () => {
    clearSecureContextCache();
    const first = secureClientOptions({ sessionIdContext: 'ctx-0' }).secureContext;
    for (let i = 1; i <= CONTEXT_CACHE_LIMIT; i++) secureClientOptions({ sessionIdContext: `ctx-${i}` });
    expect(secureContextCacheSize()).toBe(CONTEXT_CACHE_LIMIT);
    // ctx-0 was the least recently used and has been evicted: a new context is built for it
    expect(secureClientOptions({ sessionIdContext: 'ctx-0' }).secureContext).not.toBe(first);
    const recent = secureClientOptions({ sessionIdContext: `ctx-${CONTEXT_CACHE_LIMIT}` }).secureContext;
    expect(secureClientOptions({ sessionIdContext: `ctx-${CONTEXT_CACHE_LIMIT}` }).secureContext).toBe(recent);
    clearSecureContextCache();
  });

  it('accepts its own output again and keeps the same context (idempotent)', () => {
    const once = secureClientOptions({ host: 'example.com', extraCa: pki.ca.cert, profile: 'modern' });
    const twice = secureClientOptions(once);
    expect(twice.secureContext).toBe(once.secureContext);
    expect(twice).toEqual(once);
  });

  it('a cache hit is cheap; building with the full root list is not', () => {
    clearSecureContextCache();
    const t0 = performance.now();
    secureClientOptions({ extraCa: pki.ca.cert });
    const miss = performance.now() - t0;
    const t1 = performance.now();
    for (let i = 0; i < 100; i++) secureClientOptions({ host: 'example.com', extraCa: pki.ca.cert });
    const hit = (performance.now() - t1) / 100;
    expect(hit).toBeLessThan(miss / 5);
    expect(hit).toBeLessThan(2);
  });

  it('https.Agent keeps separate socket pools per trust configuration, with short pool names', () => {
    const agent = new https.Agent();
    const name = (o: https.RequestOptions): string => agent.getName(o);
    const a = secureClientOptions({ host: 'example.com', port: 443, extraCa: pki.ca.cert });
    const b = secureClientOptions({ host: 'example.com', port: 443, extraCa: pki.foreignCa.cert });
    const c = secureClientOptions({ host: 'example.com', port: 443 });
    expect(new Set([name(a), name(b), name(c)]).size).toBe(3);
    expect(name(a)).toBe(name(secureClientOptions({ host: 'example.com', port: 443, extraCa: pki.ca.cert })));
    // the merged root list is not concatenated into the name on every request
    expect(name(a).length).toBeLessThan(2000);
    agent.destroy();
  });

  it('the pinning meaning of ca is kept (replaces the roots)', () => {
    const options = secureClientOptions({ ca: pki.ca.cert });
    expect(options.ca).toBe(pki.ca.cert);
  });

  it('secureAgent carries the hardened options and derives no servername', () => {
    const agent = secureAgent({ extraCa: pki.ca.cert, keepAlive: true });
    const agentOptions = agent.options as Record<string, unknown>;
    expect(agentOptions).toMatchObject({ rejectUnauthorized: true, minVersion: 'TLSv1.2', keepAlive: true });
    expect(agentOptions.servername).toBeUndefined();
    expect(agentOptions.secureContext).toBe(secureClientOptions({ extraCa: pki.ca.cert }).secureContext);
    agent.destroy();
    const pinned = secureAgent({ checkServerIdentity: (host, cert) => tls.checkServerIdentity(host, cert) });
    expect((pinned.options as Record<string, unknown>).maxCachedSessions).toBe(0);
    pinned.destroy();
  });
});

describe('secureServerOptions', () => {
  const cert = '-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n';
  const key = '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n';

  it('sets versions, ciphers, groups and turns renegotiation off', () => {
    const options = secureServerOptions({ cert, key });
    const profile = runtimeProfile('intermediate');
    expect(options).toMatchObject({ cert, key, minVersion: 'TLSv1.2', ciphers: profile.ciphers, ecdhCurve: profile.ecdhCurve });
    expect(options.secureOptions & constants.SSL_OP_NO_RENEGOTIATION).toBe(constants.SSL_OP_NO_RENEGOTIATION);
    expect(secureServerOptions({ cert, key, profile: 'modern' }).minVersion).toBe('TLSv1.3');
  });

  it("keeps the caller's secureOptions bits, also above 2^31", () => {
    const options = secureServerOptions({ cert, key, secureOptions: constants.SSL_OP_NO_TICKET });
    expect(options.secureOptions).toBe(constants.SSL_OP_NO_TICKET + constants.SSL_OP_NO_RENEGOTIATION);
    const high = 2 ** 31 + constants.SSL_OP_NO_TICKET;
    expect(secureServerOptions({ cert, key, secureOptions: high }).secureOptions).toBe(high + constants.SSL_OP_NO_RENEGOTIATION);
    const already = constants.SSL_OP_NO_RENEGOTIATION;
    expect(secureServerOptions({ cert, key, secureOptions: already }).secureOptions).toBe(already);
  });

  it('mTLS is enforced or refused', () => {
    const options = secureServerOptions({ cert, key, requestCert: true, ca: cert });
    expect(options.rejectUnauthorized).toBe(true);
    const optional = insecure(() => secureServerOptions({ cert, key, requestCert: true, rejectUnauthorized: false, ca: cert }));
    expect(optional.option).toBe('rejectUnauthorized');
    const noCa = insecure(() => secureServerOptions({ cert, key, requestCert: true }));
    expect(noCa.option).toBe('ca');
    expect(noCa.message).toMatch(/requestCert: true without ca/);
  });

  it('an inert rejectUnauthorized: false (no requestCert) is not refused', () => {
    expect(() => secureServerOptions({ cert, key, rejectUnauthorized: false })).not.toThrow();
  });

  it('refuses legacy versions and weak ciphers', () => {
    // @ts-expect-error -- refused at type level too (issue 17, item 19)
    expect(insecure(() => secureServerOptions({ cert, key, minVersion: 'TLSv1' })).option).toBe('minVersion');
    expect(insecure(() => secureServerOptions({ cert, key, ciphers: 'DEFAULT:@SECLEVEL=0' })).option).toBe('ciphers');
    // @ts-expect-error -- refused at type level too (issue 17, item 19)
    expect(insecure(() => secureServerOptions({ cert, key, secureProtocol: 'TLSv1_method' })).option).toBe('secureProtocol');
  });

  it('requires a certificate', () => {
    expect(() => secureServerOptions({})).toThrow(/needs cert and key/);
    expect(() => secureServerOptions({ cert })).toThrow(/needs cert and key/);
    expect(() => secureServerOptions({ pfx: Buffer.alloc(1) })).not.toThrow();
  });
});

describe('assertSecureTlsOptions', () => {
  const insecureBags: Array<[string, Record<string, unknown>]> = [
    ['rejectUnauthorized', { rejectUnauthorized: false }],
    ['minVersion', { minVersion: 'TLSv1' }],
    ['minVersion', { minVersion: 'TLSv1.1' }],
    ['secureProtocol', { secureProtocol: 'SSLv3_method' }],
    ['secureProtocol', { secureProtocol: 'TLSv1_method' }],
    ['ciphers', { ciphers: 'ALL:@SECLEVEL=0' }],
    ['ciphers', { ciphers: 'eNULL:@SECLEVEL=0' }],
    ['minDHSize', { minDHSize: 512 }],
    ['ecdhCurve', { ecdhCurve: 'secp192r1:X25519' }],
    ['secureOptions', { secureOptions: constants.SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION }],
    ['ca', { ca: [] }],
  ];
  for (const [option, bag] of insecureBags) {
    it(`throws for ${option}: ${JSON.stringify(bag[option])}`, () => {
      const error = insecure(() => assertSecureTlsOptions({ host: 'example.com', ...bag }));
      expect(error.option).toBe(option);
      expect(error.value).toEqual(bag[option]);
      expect(error.message).toContain(option);
    });
  }

  it("judges sigalgs by the running Node's OpenSSL: SHA-1 signatures are refused at OpenSSL 3's level 1, and used at @SECLEVEL=0", () => {
    expect(Number(process.versions.openssl.split('.')[0])).toBeGreaterThanOrEqual(3);
    expect(() => assertSecureTlsOptions({ sigalgs: 'RSA+SHA1' })).not.toThrow();
    const error = insecure(() => assertSecureTlsOptions({ sigalgs: 'RSA+SHA1', ciphers: 'DEFAULT:@SECLEVEL=0' }));
    expect(error.findings.map((f) => f.option)).toEqual(['ciphers', 'sigalgs']);
  });

  it("judges ciphers by the running Node's OpenSSL: `ALL` offers no weak suite at OpenSSL 3's level 1, but is weak under strict", () => {
    expect(Number(process.versions.openssl.split('.')[0])).toBeGreaterThanOrEqual(3);
    expect(() => assertSecureTlsOptions({ ciphers: 'ALL' })).not.toThrow();
    expect(insecure(() => assertSecureTlsOptions({ ciphers: 'ALL' }, { strict: true })).option).toBe('ciphers');
  });

  it('applies the policy asked for: non-forward-secret suites are weak under strict only', () => {
    expect(() => assertSecureTlsOptions({ ciphers: 'AES128-SHA' })).not.toThrow();
    expect(insecure(() => assertSecureTlsOptions({ ciphers: 'AES128-SHA' }, { strict: true })).option).toBe('ciphers');
    expect(insecure(() => assertSecureTlsOptions({ minVersion: 'TLSv1.2' }, { profile: 'modern' })).option).toBe('minVersion');
  });

  it('reports every finding, the first one in option/value', () => {
    const error = insecure(() => assertSecureTlsOptions({ rejectUnauthorized: false, minVersion: 'TLSv1' }));
    expect(error.findings.map((f) => f.option).sort()).toEqual(['minVersion', 'rejectUnauthorized']);
    expect(error.message).toMatch(/Also insecure/);
  });

  it("passes secure bags, including the factories' own output", () => {
    expect(() => assertSecureTlsOptions({})).not.toThrow();
    expect(() => assertSecureTlsOptions({ host: 'example.com', rejectUnauthorized: true, minVersion: 'TLSv1.2' })).not.toThrow();
    expect(() => assertSecureTlsOptions({ minVersion: 'TLSv1.3', ciphers: 'TLS_AES_128_GCM_SHA256' })).not.toThrow();
    expect(() => assertSecureTlsOptions(secureClientOptions({ host: 'example.com' }))).not.toThrow();
    expect(() => assertSecureTlsOptions(secureClientOptions({ profile: 'modern' }), { profile: 'modern' })).not.toThrow();
    expect(() => assertSecureTlsOptions(secureServerOptions({ cert: 'c', key: 'k' }), { side: 'server' })).not.toThrow();
  });

  it('judges server bags as servers', () => {
    expect(() => assertSecureTlsOptions({ rejectUnauthorized: false }, { side: 'server' })).not.toThrow();
    const error = insecure(() => assertSecureTlsOptions({ requestCert: true, rejectUnauthorized: false }, { side: 'server' }));
    expect(error.option).toBe('rejectUnauthorized');
  });

  it('rejects non-objects with a TypeError', () => {
    expect(() => assertSecureTlsOptions(null)).toThrow(TypeError);
    expect(() => assertSecureTlsOptions('rejectUnauthorized=false')).toThrow(/expected an options object/);
  });
});

describe('types', () => {
  it('results are assignable to the option types of the APIs they feed', () => {
    const fromTls: tls.ConnectionOptions = secureClientOptions({ host: 'example.com', port: 443 } as tls.ConnectionOptions);
    const fromHttps: https.RequestOptions = secureClientOptions({ hostname: 'example.com', path: '/' } as https.RequestOptions);
    const fromAgent: https.AgentOptions = secureClientOptions({ keepAlive: true } as https.AgentOptions);
    const fromHttp2: http2.SecureClientSessionOptions = secureClientOptions({} as http2.SecureClientSessionOptions);
    const server: http2.SecureServerOptions = secureServerOptions({
      cert: 'c',
      key: 'k',
      allowHTTP1: true,
    } as http2.SecureServerOptions);
    // literal inputs keep their own properties in the result type
    const literal = secureClientOptions({ host: 'example.com', port: 443, extraCa: undefined });
    const port: number = literal.port;
    expect([fromTls, fromHttps, fromAgent, fromHttp2, server].every((o) => typeof o === 'object')).toBe(true);
    expect(port).toBe(443);
  });
});

describe("bad input fails closed with the runtime's own message (issue 17, items 14 and 16)", () => {
  const typeError = (fn: () => unknown): TypeError => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(TypeError);
      expect(error).not.toBeInstanceOf(InsecureTlsOptionError);
      return error as TypeError;
    }
    throw new Error('expected a TypeError, nothing was thrown');
  };

  it('assertSecureTlsOptions refuses an unknown side instead of reading it as the server side', () => {
    // control: the client side refuses the bag, the server side (without requestCert) does not
    expect(insecure(() => assertSecureTlsOptions({ rejectUnauthorized: false }, { side: 'client' })).option).toBe('rejectUnauthorized');
    expect(() => assertSecureTlsOptions({ rejectUnauthorized: false }, { side: 'server' })).not.toThrow();
    for (const side of ['Client', 'SERVER', '', 1, null]) {
      const error = typeError(() => assertSecureTlsOptions({ rejectUnauthorized: false }, { side } as never));
      expect(error.message).toMatch(/^assertSecureTlsOptions: side must be 'client' or 'server', got /);
    }
  });

  it('assertSecureTlsOptions validates profile, strict, unknown fields and the context itself', () => {
    expect(typeError(() => assertSecureTlsOptions({}, { profile: 'Modern' } as never)).message).toBe(
      "assertSecureTlsOptions: unknown profile \"Modern\"; use 'intermediate' or 'modern'",
    );
    expect(typeError(() => assertSecureTlsOptions({}, { strict: 'yes' } as never)).message).toBe(
      'assertSecureTlsOptions: strict must be true or false, got "yes"',
    );
    expect(typeError(() => assertSecureTlsOptions({}, { sides: 'client' } as never)).message).toBe(
      'assertSecureTlsOptions: unknown context field "sides"; the fields are side, profile and strict',
    );
    for (const context of [null, 'client', [], 42]) {
      expect(typeError(() => assertSecureTlsOptions({}, context as never)).message).toMatch(
        /^assertSecureTlsOptions: the context must be an object such as \{ side: 'client', profile: 'intermediate' \}, got /,
      );
    }
    expect(() => assertSecureTlsOptions({}, { side: undefined, profile: 'modern', strict: true })).not.toThrow();
  });

  it('refuses NaN and infinite numbers in any option, naming the option', () => {
    // control: Node's own error for the same value names neither the caller nor the fix
    expect(() => tls.connect({ port: 1, minDHSize: Number.NaN })).toThrow(/options\.minDHSize/);
    expect(typeError(() => secureClientOptions({ minDHSize: Number.NaN })).message).toBe('secureClientOptions: "minDHSize" must be a finite number, got NaN');
    expect(typeError(() => secureAgent({ sessionTimeout: Number.POSITIVE_INFINITY })).message).toBe(
      'secureAgent: "sessionTimeout" must be a finite number, got Infinity',
    );
    expect(typeError(() => secureServerOptions({ cert: 'c', key: 'k', secureOptions: Number.NaN })).message).toBe(
      'secureServerOptions: "secureOptions" must be a finite number, got NaN',
    );
    expect(typeError(() => assertSecureTlsOptions({ minDHSize: Number.NEGATIVE_INFINITY })).message).toBe(
      'assertSecureTlsOptions: "minDHSize" must be a finite number, got -Infinity',
    );
  });

  it('quotes at most a bounded prefix of a long value', () => {
    const long = `${'AES128-SHA:'.repeat(20_000)}NULL`;
    const weak = insecure(() => secureClientOptions({ ciphers: long }));
    expect(weak.option).toBe('ciphers');
    expect(weak.value).toBe(long); // the error keeps the whole value for code that inspects it
    expect(weak.message.length).toBeLessThan(1200);
    expect(weak.message).toContain(`${long.slice(0, 77)}...`);
    const method = `TLSv1_2_method${'x'.repeat(10_000)}`;
    // @ts-expect-error -- secureProtocol is refused at type level too
    expect(typeError(() => secureClientOptions({ secureProtocol: method })).message.length).toBeLessThan(300);
    expect(typeError(() => secureClientOptions({ profile: 'p'.repeat(10_000) as 'modern' })).message.length).toBeLessThan(300);
    expect(typeError(() => assertSecureTlsOptions({}, { side: 's'.repeat(10_000) } as never)).message.length).toBeLessThan(300);
  });
});

describe('module boundary', () => {
  it('src/runtime imports only node:* built-ins, its own files and files of ../policy/', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('../../src/runtime/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/g)].map((m) => m[1]);
      const dynamic = [...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]);
      for (const spec of [...specifiers, ...dynamic]) {
        const allowed = spec !== undefined && (spec.startsWith('node:') || /^\.\.\/policy\/[\w/-]+\.js$/.test(spec) || /^\.\/[\w-]+\.js$/.test(spec));
        expect(allowed, `${file} imports ${spec}`).toBe(true);
      }
    }
  });
});
