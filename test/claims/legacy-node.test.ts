/**
 * What the messages and rule docs say about Node 16 and older, shown on Node 16.20.2 (OpenSSL
 * 1.1.1v; test/harness/legacy-node.ts): a Node 16 child process is the client or the server, the
 * test's own process (Node 20) the other end, on 127.0.0.1 only, with certificates from pki.ts.
 * The Node 20 end lowers its own security level where OpenSSL 3 needs that to speak TLS 1.0; the
 * claim is always about the Node 16 end, which runs with its defaults unless a test says otherwise.
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEGACY_NODE, LEGACY_NODE_VERSION, skipWithoutLegacyNode, spawnOnLegacyNode } from '../harness/legacy-node.js';
import { LOOPBACK, probe, type Outcome } from '../runtime/loopback.js';
import { makePki, withServer, type ClaimsPki, type KeyPair } from './pki.js';

const skip = skipWithoutLegacyNode();
/** What the Node 20 end needs to speak TLS 1.0/1.1 or accept weak certificates at all. */
const L0 = 'DEFAULT:@SECLEVEL=0';

let pki: ClaimsPki;
/** A leaf signed with SHA-1, and one with a 768-bit RSA key (both by pki's CA, SAN IP:127.0.0.1). */
let sha1Leaf: KeyPair;
let rsa768: KeyPair;

beforeAll(() => {
  if (skip) return;
  pki = makePki();
  const run = (...args: string[]): void => {
    execFileSync('openssl', args, { cwd: pki.dir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, OPENSSL_CONF: '/dev/null' } });
  };
  writeFileSync(join(pki.dir, 'weak.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n');
  const leaf = (name: string, bits: string, md: string): KeyPair => {
    run('genpkey', '-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${bits}`, '-out', `${name}.key`);
    run('req', '-new', '-key', `${name}.key`, '-subj', '/CN=localhost', '-out', `${name}.csr`);
    run(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      `-${md}`,
      '-days',
      '2',
      '-extfile',
      'weak.ext',
      '-out',
      `${name}.pem`,
    );
    return { key: readFileSync(join(pki.dir, `${name}.key`), 'utf8'), cert: readFileSync(join(pki.dir, `${name}.pem`), 'utf8') };
  };
  sha1Leaf = leaf('sha1', '2048', 'sha1');
  rsa768 = leaf('rsa768', '768', 'sha256');
});
afterAll(() => pki?.cleanup());

/** The Node 16 client: `tls.connect(options)` as test/runtime/loopback.ts's probe does (success = the server's first bytes). */
const CLIENT = String.raw`
const tls = require('tls');
const options = JSON.parse(process.env.TLSGUARD_CLIENT);
let settled = false;
const finish = (outcome) => {
  if (settled) return;
  settled = true;
  process.stdout.write(JSON.stringify(outcome));
  socket.destroy();
};
const socket = tls.connect(options, () => {
  socket.once('data', () => finish({ ok: true, protocol: socket.getProtocol(), cipher: socket.getCipher().name, authorized: socket.authorized }));
});
socket.on('end', () => finish({ ok: false, code: 'EOF', message: 'closed before data' }));
socket.on('error', (e) => finish({ ok: false, code: e.code || 'ERR', message: e.message }));
setTimeout(() => finish({ ok: false, code: 'TIMEOUT', message: 'timed out' }), 5000).unref();
`;

/** Connects a Node 16 client (with Node `flags`) to 127.0.0.1:`port`. */
async function legacyProbe(port: number, options: tls.ConnectionOptions, flags: readonly string[] = []): Promise<Outcome> {
  const env = { ...process.env, TLSGUARD_CLIENT: JSON.stringify({ host: LOOPBACK, port, ...options }) };
  const { stdout, stderr } = await spawnOnLegacyNode(CLIENT, { args: flags, env });
  if (!stdout) throw new Error(`Node 16 client printed nothing: ${stderr}`);
  return JSON.parse(stdout) as Outcome;
}

/** The Node 16 server: answers "ok\n" and closes, prints its port, stops when stdin closes. */
const SERVER = String.raw`
const tls = require('tls');
const server = tls.createServer(JSON.parse(process.env.TLSGUARD_SERVER), (s) => { s.on('error', () => {}); s.end('ok\n'); });
server.on('tlsClientError', () => {});
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\n'));
process.stdin.on('data', () => {});
process.stdin.on('end', () => server.close(() => process.exit(0)));
`;

/** Runs `fn` with a Node 16 TLS server on 127.0.0.1 (options as given: Node 16 defaults otherwise). */
async function withLegacyServer<T>(options: tls.TlsOptions, fn: (port: number) => Promise<T>): Promise<T> {
  if (!LEGACY_NODE) throw new Error('legacy Node is missing');
  const child = spawn(LEGACY_NODE, ['-e', SERVER], { env: { ...process.env, TLSGUARD_SERVER: JSON.stringify(options) }, stdio: ['pipe', 'pipe', 'pipe'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString('utf8');
        if (out.includes('\n')) resolve(Number(out.trim()));
      });
      child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
      child.on('exit', (code) => reject(new Error(`Node 16 server exited (${code}): ${err}`)));
    });
    return await fn(port);
  } finally {
    child.stdin.end();
    await new Promise((r) => (child.exitCode === null ? child.on('exit', r) : r(undefined)));
  }
}

describe.skipIf(skip)(`Node ${LEGACY_NODE_VERSION} claims`, () => {
  describe('no-legacy-tls-version minVersion: TLS 1.0 is used with a peer that offers no more, at the default security level on Node 16', () => {
    it("a Node 16 client with minVersion 'TLSv1' and no @SECLEVEL=0 reaches a TLS 1.0-only server; without minVersion it does not (DEFAULT_MIN_VERSION TLSv1.2)", async () => {
      await withServer({ ...pki.leaf, ciphers: L0, minVersion: 'TLSv1', maxVersion: 'TLSv1' }, async (port) => {
        expect(await legacyProbe(port, { ca: pki.ca, minVersion: 'TLSv1' })).toMatchObject({ ok: true, protocol: 'TLSv1', authorized: true });
        expect(await legacyProbe(port, { ca: pki.ca })).toMatchObject({ ok: false });
      });
    });

    it("between a Node 16 client with minVersion 'TLSv1' and a TLS 1.3 server the connection stays on TLS 1.3", async () => {
      await withServer({ ...pki.leaf, minVersion: 'TLSv1', ciphers: L0 }, async (port) => {
        expect(await legacyProbe(port, { ca: pki.ca, minVersion: 'TLSv1' })).toMatchObject({ ok: true, protocol: 'TLSv1.3' });
      });
    });

    it("a Node 16 server with minVersion 'TLSv1' and no @SECLEVEL=0 accepts a TLS 1.0-only client", async () => {
      await withLegacyServer({ ...pki.leaf, minVersion: 'TLSv1' }, async (port) => {
        expect(await probe({ host: LOOPBACK, port, ca: pki.ca, minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: L0 })).toMatchObject({
          ok: true,
          protocol: 'TLSv1',
        });
      });
    });
  });

  describe('no-legacy-tls-version pinsLegacy: TLSv1_method pins TLS 1.0 only (1.2 and 1.3 off) on Node 16, without @SECLEVEL=0', () => {
    it('a Node 16 TLSv1_method server refuses a TLS 1.2 client and talks TLS 1.0', async () => {
      await withLegacyServer({ ...pki.leaf, secureProtocol: 'TLSv1_method' }, async (port) => {
        expect((await probe({ host: LOOPBACK, port, ca: pki.ca })).ok).toBe(false);
        expect(await probe({ host: LOOPBACK, port, ca: pki.ca, minVersion: 'TLSv1', ciphers: L0 })).toMatchObject({ ok: true, protocol: 'TLSv1' });
      });
    });
  });

  describe('no-legacy-tls-version pinsTls12: SSLv23_method caps the connection at TLS 1.2, turns off TLS 1.3 and keeps the minimum TLS 1.2 on Node 16', () => {
    it('a Node 16 SSLv23_method server talks TLS 1.2 to a default client, refuses TLS 1.3-only and TLS 1.0-only clients', async () => {
      await withLegacyServer({ ...pki.leaf, secureProtocol: 'SSLv23_method' }, async (port) => {
        expect(await probe({ host: LOOPBACK, port, ca: pki.ca })).toMatchObject({ ok: true, protocol: 'TLSv1.2' });
        expect((await probe({ host: LOOPBACK, port, ca: pki.ca, minVersion: 'TLSv1.3' })).ok).toBe(false);
        expect((await probe({ host: LOOPBACK, port, ca: pki.ca, minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: L0 })).ok).toBe(false);
      });
    });
  });

  describe('no-legacy-tls-version legacyProtocol: secureProtocol TLS_method lowers the minimum to TLS 1.0 on Node 16 too', () => {
    it('a Node 16 TLS_method client reaches a TLS 1.0-only server', async () => {
      await withServer({ ...pki.leaf, ciphers: L0, minVersion: 'TLSv1', maxVersion: 'TLSv1' }, async (port) => {
        expect(await legacyProbe(port, { ca: pki.ca, secureProtocol: 'TLS_method' })).toMatchObject({ ok: true, protocol: 'TLSv1' });
      });
    });
  });

  describe('no-insecure-tls-env nodeOptions: --tls-min-v1.0 lets a connection without its own minVersion use TLS 1.0, at the default level on Node 16', () => {
    it('a Node 16 client started with --tls-min-v1.0 (and with it in NODE_OPTIONS) reaches a TLS 1.0-only server with no @SECLEVEL=0', async () => {
      await withServer({ ...pki.leaf, ciphers: L0, minVersion: 'TLSv1', maxVersion: 'TLSv1' }, async (port) => {
        expect(await legacyProbe(port, { ca: pki.ca }, ['--tls-min-v1.0'])).toMatchObject({ ok: true, protocol: 'TLSv1' });
        const env = { ...process.env, NODE_OPTIONS: '--tls-min-v1.0', TLSGUARD_CLIENT: JSON.stringify({ host: LOOPBACK, port, ca: pki.ca }) };
        const viaEnv = JSON.parse((await spawnOnLegacyNode(CLIENT, { env })).stdout) as Outcome;
        expect(viaEnv).toMatchObject({ ok: true, protocol: 'TLSv1' });
      });
    });
  });

  describe('no-weak-cipher secLevelZero: @SECLEVEL=0 accepts keys below 80-bit security on Node 16; SHA-1-signed certificates and TLS 1.0/1.1 are accepted there without it', () => {
    it('a Node 16 client refuses a 768-bit RSA server key at the default level and accepts it with @SECLEVEL=0', async () => {
      await withServer({ ...rsa768, ciphers: L0 }, async (port) => {
        expect((await legacyProbe(port, { ca: pki.ca })).ok).toBe(false);
        expect(await legacyProbe(port, { ca: pki.ca, ciphers: L0 })).toMatchObject({ ok: true, authorized: true });
      });
    });

    it('a Node 16 client accepts a certificate signed with SHA-1 at the default level (OpenSSL 1.1.1 level 1 counts SHA-1 as 80 bits)', async () => {
      await withServer({ ...sha1Leaf, ciphers: L0 }, async (port) => {
        expect(await legacyProbe(port, { ca: pki.ca })).toMatchObject({ ok: true, authorized: true });
        // The Node 20 end, as a control: it refuses the same certificate at its default level.
        expect((await probe({ host: LOOPBACK, port, ca: pki.ca })).ok).toBe(false);
      });
    });
  });

  describe('no-weak-cipher weakCiphers: on Node 16 the RC4 and 3DES suites do not exist, IDEA and SEED do', () => {
    it('createSecureContext throws no cipher match for RC4-SHA and DES-CBC3-SHA and accepts IDEA-CBC-SHA and SEED-SHA', async () => {
      const script = String.raw`
        const tls = require('tls');
        const out = {};
        for (const c of ['RC4-SHA', 'DES-CBC3-SHA', 'IDEA-CBC-SHA', 'SEED-SHA']) {
          try { tls.createSecureContext({ ciphers: c }); out[c] = 'ok'; } catch (e) { out[c] = e.code; }
        }
        process.stdout.write(JSON.stringify(out));`;
      const out = JSON.parse((await spawnOnLegacyNode(script)).stdout) as Record<string, string>;
      expect(out).toEqual({ 'RC4-SHA': 'ERR_SSL_NO_CIPHER_MATCH', 'DES-CBC3-SHA': 'ERR_SSL_NO_CIPHER_MATCH', 'IDEA-CBC-SHA': 'ok', 'SEED-SHA': 'ok' });
    });
  });
});
