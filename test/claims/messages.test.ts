/**
 * What the messages say about Node, shown on the Node running the tests (20.x, OpenSSL 3) with
 * loopback servers on 127.0.0.1 and certificates made by openssl in a temp dir. One block per
 * messageId whose claim is about a connection; each test states the claim it shows.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOOPBACK, probe, startTlsServer } from '../runtime/loopback.js';
import { makePki, type ClaimsPki, type KeyPair } from './pki.js';

const L0 = 'DEFAULT:@SECLEVEL=0';

interface Pki {
  ca: string;
  leaf: KeyPair;
  sha1Leaf: KeyPair;
  rsa768: KeyPair;
}

let claims: ClaimsPki | undefined;
let pki: Pki;

beforeAll(() => {
  const made = (claims = makePki());
  const leaf = (name: string, bits: number, md: string): KeyPair => {
    made.openssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${bits}`, '-out', `${name}.key`);
    return made.signKey(name, { md });
  };
  pki = { ca: made.ca, leaf: made.leaf, sha1Leaf: leaf('sha1', 2048, 'sha1'), rsa768: leaf('rsa768', 768, 'sha256') };
});
afterAll(() => claims?.cleanup());

async function withServer<T>(options: tls.TlsOptions, fn: (port: number) => Promise<T>): Promise<T> {
  const server = await startTlsServer(options);
  try {
    return await fn(server.port);
  } finally {
    await server.close();
  }
}

describe('no-weak-cipher secLevelZero: @SECLEVEL=0 accepts SHA-1-signed certificates, keys below 80-bit security and (Node 17+) TLS 1.0/1.1; NULL suites only where the string selects them', () => {
  it('a certificate signed with SHA-1 is refused at the default level and accepted with @SECLEVEL=0', async () => {
    await withServer({ ...pki.sha1Leaf, ciphers: L0 }, async (port) => {
      const strict = await probe({ host: LOOPBACK, port, ca: pki.ca });
      expect(strict.ok).toBe(false);
      const weak = await probe({ host: LOOPBACK, port, ca: pki.ca, ciphers: L0 });
      expect(weak).toMatchObject({ ok: true, authorized: true });
    });
  });

  it('a 768-bit RSA key is refused at the default level and accepted with @SECLEVEL=0', async () => {
    expect(() => tls.createSecureContext({ ...pki.rsa768 })).toThrow();
    await withServer({ ...pki.rsa768, ciphers: L0 }, async (port) => {
      expect((await probe({ host: LOOPBACK, port, ca: pki.ca })).ok).toBe(false);
      expect(await probe({ host: LOOPBACK, port, ca: pki.ca, ciphers: L0 })).toMatchObject({ ok: true, authorized: true });
    });
  });

  it('TLS 1.0 (with minVersion lowered) connects only with @SECLEVEL=0 on Node 17+', async () => {
    await withServer({ ...pki.leaf, ciphers: L0, minVersion: 'TLSv1', maxVersion: 'TLSv1' }, async (port) => {
      expect((await probe({ host: LOOPBACK, port, ca: pki.ca, minVersion: 'TLSv1' })).ok).toBe(false);
      expect(await probe({ host: LOOPBACK, port, ca: pki.ca, minVersion: 'TLSv1', ciphers: L0 })).toMatchObject({ ok: true, protocol: 'TLSv1' });
    });
  });

  it('DEFAULT:@SECLEVEL=0 offers no NULL suite: it fails against a NULL-only server; eNULL:@SECLEVEL=0 negotiates NULL (weakCiphers)', async () => {
    await withServer({ ...pki.leaf, ciphers: 'eNULL:@SECLEVEL=0', maxVersion: 'TLSv1.2' }, async (port) => {
      expect((await probe({ host: LOOPBACK, port, ca: pki.ca, ciphers: L0 })).ok).toBe(false);
      const nul = await probe({ host: LOOPBACK, port, ca: pki.ca, ciphers: 'eNULL:@SECLEVEL=0' });
      expect(nul).toMatchObject({ ok: true, authorized: true });
      expect(nul.ok && nul.cipher).toMatch(/NULL/);
    });
  });
});

describe('no-weak-cipher weakCiphers: what offered weak suites do', () => {
  it('an anonymous suite carries no certificate: a Node client with verification on refuses it, one without accepts a server that proves nothing', async () => {
    await withServer({ ciphers: 'aNULL:@SECLEVEL=0', maxVersion: 'TLSv1.2' }, async (port) => {
      expect(await probe({ host: LOOPBACK, port, ca: pki.ca, ciphers: 'ALL:@SECLEVEL=0' })).toMatchObject({ ok: false, code: 'UNABLE_TO_GET_ISSUER_CERT' });
      const anon = await probe({ host: LOOPBACK, port, ciphers: 'ALL:@SECLEVEL=0', rejectUnauthorized: false });
      expect(anon).toMatchObject({ ok: true, authorized: false });
      expect(anon.ok && anon.cipher).toMatch(/^(ADH|AECDH)-/);
    });
  });

  it('on Node 17+ (OpenSSL 3) the RC4, 3DES and IDEA suites do not exist: such a string makes Node throw', () => {
    for (const ciphers of ['RC4-SHA', 'DES-CBC3-SHA', 'IDEA-CBC-SHA']) expect(() => tls.createSecureContext({ ciphers })).toThrow(/no cipher match/);
  });
});

describe('no-legacy-tls-version pinsLegacy: TLSv1_method pins TLS 1.0 only (1.2 and 1.3 off)', () => {
  it('a TLSv1_method server refuses TLS 1.2 clients and talks TLS 1.0 (with @SECLEVEL=0 on Node 17+)', async () => {
    await withServer({ ...pki.leaf, secureProtocol: 'TLSv1_method', ciphers: L0 }, async (port) => {
      expect((await probe({ host: LOOPBACK, port, ca: pki.ca })).ok).toBe(false);
      expect(await probe({ host: LOOPBACK, port, ca: pki.ca, minVersion: 'TLSv1', ciphers: L0 })).toMatchObject({ ok: true, protocol: 'TLSv1' });
    });
  });
});

describe('no-legacy-tls-version minVersion: TLS 1.0 is used with a peer that offers no more, and on Node 17+ only with @SECLEVEL=0', () => {
  it('minVersion TLSv1 alone does not reach a TLS 1.0-only server on Node 20; with @SECLEVEL=0 it does', async () => {
    await withServer({ ...pki.leaf, ciphers: L0, minVersion: 'TLSv1', maxVersion: 'TLSv1' }, async (port) => {
      expect((await probe({ host: LOOPBACK, port, ca: pki.ca, minVersion: 'TLSv1' })).ok).toBe(false);
      expect(await probe({ host: LOOPBACK, port, ca: pki.ca, minVersion: 'TLSv1', ciphers: L0 })).toMatchObject({ ok: true, protocol: 'TLSv1' });
    });
  });

  it('between two TLS 1.3 peers the connection stays on TLS 1.3 despite minVersion TLSv1', async () => {
    await withServer({ ...pki.leaf, ciphers: L0, minVersion: 'TLSv1' }, async (port) => {
      expect(await probe({ host: LOOPBACK, port, ca: pki.ca, minVersion: 'TLSv1', ciphers: L0 })).toMatchObject({ ok: true, protocol: 'TLSv1.3' });
    });
  });
});

describe('no-insecure-tls-env rejectUnauthorizedEnv: NODE_TLS_REJECT_UNAUTHORIZED=0 reaches client connections that do not set rejectUnauthorized', () => {
  it('an untrusted server is accepted without the option and refused with rejectUnauthorized: true', async () => {
    await withServer({ ...pki.leaf }, async (port) => {
      const script = `
        const tls = require('node:tls');
        const go = (extra) => new Promise((r) => {
          const s = tls.connect({ host: '127.0.0.1', port: ${port}, ...extra }, () => { s.destroy(); r('ok'); });
          s.on('error', (e) => r(e.code));
        });
        (async () => { console.log(JSON.stringify([await go({}), await go({ rejectUnauthorized: true })])); })();
      `;
      // Async: the server runs in this process, so a synchronous child would deadlock it.
      const { stdout: out } = await promisify(execFile)(process.execPath, ['-e', script], {
        env: { PATH: process.env.PATH ?? '', NODE_TLS_REJECT_UNAUTHORIZED: '0' },
        encoding: 'utf8',
      });
      expect(JSON.parse(out)).toEqual(['ok', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE']);
    });
  });
});
