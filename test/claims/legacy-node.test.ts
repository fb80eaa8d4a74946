/**
 * What the messages and rule docs say about Node 16 and older, shown on Node 16.20.2 (OpenSSL
 * 1.1.1v; test/harness/legacy-node.ts): a Node 16 child process is the client or the server, the
 * test's own process (Node 20) the other end, on 127.0.0.1 only, with certificates from pki.ts.
 * The Node 20 end lowers its own security level where OpenSSL 3 needs that to speak TLS 1.0; the
 * claim is always about the Node 16 end, which runs with its defaults unless a test says otherwise.
 */
import { spawn } from 'node:child_process';
import * as net from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEGACY_NODE, LEGACY_NODE_VERSION, skipWithoutLegacyNode, spawnOnLegacyNode } from '../harness/legacy-node.js';
import { LOOPBACK, probe, type Outcome } from '../runtime/loopback.js';
import { clientHelloSuites } from '../policy/oracle-helpers.js';
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
  const leaf = (name: string, bits: string, md: string): KeyPair => {
    pki.openssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${bits}`, '-out', `${name}.key`);
    return pki.signKey(name, { md });
  };
  sha1Leaf = leaf('sha1', '2048', 'sha1');
  rsa768 = leaf('rsa768', '768', 'sha256');
});
afterAll(() => pki?.cleanup());

/** The Node 16 client: `tls.connect(options)` as test/runtime/loopback.ts's probe does (success = the server's first bytes). */
const CLIENT = String.raw`
const tls = require('tls');
eval(process.env.TLSGUARD_SETUP || '');
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

/** Connects a Node 16 client (with Node `flags`, after running `setup` there) to 127.0.0.1:`port`. */
async function legacyProbe(port: number, options: tls.ConnectionOptions, flags: readonly string[] = [], setup = ''): Promise<Outcome> {
  const env = { ...process.env, TLSGUARD_CLIENT: JSON.stringify({ host: LOOPBACK, port, ...options }), TLSGUARD_SETUP: setup };
  const { stdout, stderr } = await spawnOnLegacyNode(CLIENT, { args: flags, env });
  if (!stdout) throw new Error(`Node 16 client printed nothing: ${stderr}`);
  return JSON.parse(stdout) as Outcome;
}

/** The Node 16 server: answers "ok\n" and closes, prints its port, stops when stdin closes. */
const SERVER = String.raw`
const tls = require('tls');
eval(process.env.TLSGUARD_SETUP || '');
const server = tls.createServer(JSON.parse(process.env.TLSGUARD_SERVER), (s) => { s.on('error', () => {}); s.end('ok\n'); });
server.on('tlsClientError', () => {});
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\n'));
process.stdin.on('data', () => {});
process.stdin.on('end', () => server.close(() => process.exit(0)));
`;

/** Runs `fn` with a Node 16 TLS server on 127.0.0.1 (options as given: Node 16 defaults otherwise; `setup` runs first). */
async function withLegacyServer<T>(options: tls.TlsOptions, fn: (port: number) => Promise<T>, setup = ''): Promise<T> {
  if (!LEGACY_NODE) throw new Error('legacy Node is missing');
  const env = { ...process.env, TLSGUARD_SERVER: JSON.stringify(options), TLSGUARD_SETUP: setup };
  const child = spawn(LEGACY_NODE, ['-e', SERVER], { env, stdio: ['pipe', 'pipe', 'pipe'] });
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

  describe('no-insecure-tls-env nodeOptions: --tls-max-v1.2 and --tls-keylog change every connection of a Node 16 process', () => {
    it('a Node 16 client started with --tls-max-v1.2 talks TLS 1.2 to a TLS 1.3 server; with --tls-keylog=file it writes the session keys there', async () => {
      await withServer({ ...pki.leaf }, async (port) => {
        expect(await legacyProbe(port, { ca: pki.ca })).toMatchObject({ ok: true, protocol: 'TLSv1.3' });
        expect(await legacyProbe(port, { ca: pki.ca }, ['--tls-max-v1.2'])).toMatchObject({ ok: true, protocol: 'TLSv1.2' });
        const keylog = join(pki.dir, 'keys16.log');
        expect(await legacyProbe(port, { ca: pki.ca }, [`--tls-keylog=${keylog}`])).toMatchObject({ ok: true, protocol: 'TLSv1.3' });
        expect(readFileSync(keylog, 'utf8')).toMatch(/^CLIENT_HANDSHAKE_TRAFFIC_SECRET [0-9a-f]{64} [0-9a-f]+$/m);
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

  describe('no-legacy-tls-version maxVersion: maxVersion TLSv1.1 caps the connection at TLS 1.1 and turns off TLS 1.2 and 1.3 on Node 16, without @SECLEVEL=0', () => {
    it('a Node 16 client with maxVersion TLSv1.1 talks TLS 1.1 to a modern server and cannot reach a TLS 1.2+ server', async () => {
      await withServer({ ...pki.leaf, ciphers: L0, minVersion: 'TLSv1' }, async (port) => {
        expect(await legacyProbe(port, { ca: pki.ca, minVersion: 'TLSv1', maxVersion: 'TLSv1.1' })).toMatchObject({ ok: true, protocol: 'TLSv1.1' });
      });
      await withServer({ ...pki.leaf, minVersion: 'TLSv1.2' }, async (port) => {
        expect((await legacyProbe(port, { ca: pki.ca, minVersion: 'TLSv1', maxVersion: 'TLSv1.1' })).ok).toBe(false);
      });
    });
  });

  describe('no-legacy-tls-version onlyLegacy: secureOptions with SSL_OP_NO_TLSv1_2 | SSL_OP_NO_TLSv1_3 leaves only TLS 1.0/1.1, or nothing, on Node 16', () => {
    it('a Node 16 server with both flags serves nobody at the default minimum, and TLS 1.1 with minVersion TLSv1 (no @SECLEVEL=0)', async () => {
      const { SSL_OP_NO_TLSv1_2, SSL_OP_NO_TLSv1_3 } = (await import('node:crypto')).constants;
      const secureOptions = SSL_OP_NO_TLSv1_2 | SSL_OP_NO_TLSv1_3;
      await withLegacyServer({ ...pki.leaf, secureOptions }, async (port) => {
        expect((await probe({ host: LOOPBACK, port, ca: pki.ca, minVersion: 'TLSv1', ciphers: L0 })).ok).toBe(false);
      });
      await withLegacyServer({ ...pki.leaf, secureOptions, minVersion: 'TLSv1' }, async (port) => {
        expect((await probe({ host: LOOPBACK, port, ca: pki.ca })).ok).toBe(false);
        expect(await probe({ host: LOOPBACK, port, ca: pki.ca, minVersion: 'TLSv1', ciphers: L0 })).toMatchObject({ ok: true, protocol: 'TLSv1.1' });
      });
    });
  });

  describe('no-legacy-tls-version defaultMinVersion: tls.DEFAULT_MIN_VERSION TLSv1 reaches connections and servers without their own minVersion on Node 16, at the default level', () => {
    it("after tls.DEFAULT_MIN_VERSION = 'TLSv1' a Node 16 client reaches a TLS 1.0-only server and a Node 16 server serves a TLS 1.0-only client", async () => {
      const setup = "tls.DEFAULT_MIN_VERSION = 'TLSv1';";
      await withServer({ ...pki.leaf, ciphers: L0, minVersion: 'TLSv1', maxVersion: 'TLSv1' }, async (port) => {
        expect(await legacyProbe(port, { ca: pki.ca }, [], setup)).toMatchObject({ ok: true, protocol: 'TLSv1' });
      });
      await withLegacyServer(
        { ...pki.leaf },
        async (port) => {
          expect(await probe({ host: LOOPBACK, port, ca: pki.ca, minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: L0 })).toMatchObject({
            ok: true,
            protocol: 'TLSv1',
          });
        },
        setup,
      );
    });
  });

  describe('no-legacy-tls-version defaultMaxVersion: tls.DEFAULT_MAX_VERSION TLSv1.1 caps every connection created afterwards at TLS 1.1 on Node 16', () => {
    it("after tls.DEFAULT_MAX_VERSION = 'TLSv1.1' (and DEFAULT_MIN_VERSION TLSv1) a Node 16 client talks TLS 1.1 to a modern server", async () => {
      await withServer({ ...pki.leaf, ciphers: L0, minVersion: 'TLSv1' }, async (port) => {
        expect(await legacyProbe(port, { ca: pki.ca })).toMatchObject({ ok: true, protocol: 'TLSv1.3' });
        const setup = "tls.DEFAULT_MIN_VERSION = 'TLSv1'; tls.DEFAULT_MAX_VERSION = 'TLSv1.1';";
        expect(await legacyProbe(port, { ca: pki.ca }, [], setup)).toMatchObject({ ok: true, protocol: 'TLSv1.1' });
      });
    });
  });

  describe('no-insecure-tls-env execArgv: --tls-min-v1.0 in execArgv lowers the minimum of the forked process on Node 16', () => {
    it('a Node 16 process forked with execArgv --tls-min-v1.0 reaches a TLS 1.0-only server with no @SECLEVEL=0', async () => {
      await withServer({ ...pki.leaf, ciphers: L0, minVersion: 'TLSv1', maxVersion: 'TLSv1' }, async (port) => {
        const child = join(pki.dir, 'client16.cjs');
        writeFileSync(child, CLIENT);
        const parent = `const c = require('child_process').fork(${JSON.stringify(child)}, [], { execArgv: ['--tls-min-v1.0'], stdio: 'inherit' }); c.on('exit', (code) => process.exit(code));`;
        const env = { ...process.env, TLSGUARD_CLIENT: JSON.stringify({ host: LOOPBACK, port, ca: pki.ca }) };
        const { stdout } = await spawnOnLegacyNode(parent, { env });
        expect(JSON.parse(stdout)).toMatchObject({ ok: true, protocol: 'TLSv1' });
        const { stdout: without } = await spawnOnLegacyNode(parent.replace("'--tls-min-v1.0'", ''), { env });
        expect(JSON.parse(without)).toMatchObject({ ok: false });
      });
    });
  });

  describe('no-weak-cipher weakCiphers: a Node 16 client offers SEED-SHA, and IDEA-CBC-SHA where TLS 1.0/1.1 can be negotiated', () => {
    /** The suites a Node 16 client's ClientHello offers, read by a plain TCP server of this process. */
    async function offered(options: tls.ConnectionOptions): Promise<number[]> {
      const server = net.createServer();
      const hello = new Promise<number[]>((resolve) => {
        server.on('connection', (sock) => {
          let buf = Buffer.alloc(0);
          sock.on('error', () => undefined);
          sock.on('data', (d: Buffer) => {
            buf = Buffer.concat([buf, d]);
            const ids = clientHelloSuites(buf);
            if (ids) {
              sock.destroy();
              resolve(ids);
            }
          });
        });
      });
      await new Promise<void>((r) => server.listen(0, LOOPBACK, r));
      try {
        const { port } = server.address() as net.AddressInfo;
        const [ids] = await Promise.all([hello, legacyProbe(port, options)]);
        return ids;
      } finally {
        server.close();
      }
    }
    const SEED_SHA = 0x0096;
    const IDEA_CBC_SHA = 0x0007;

    it("'SEED-SHA:ECDHE-RSA-AES128-GCM-SHA256' offers SEED-SHA; 'IDEA-CBC-SHA:ECDHE-RSA-AES128-GCM-SHA256' offers IDEA-CBC-SHA only with minVersion TLSv1", async () => {
      expect(await offered({ ciphers: 'SEED-SHA:ECDHE-RSA-AES128-GCM-SHA256' })).toContain(SEED_SHA);
      expect(await offered({ ciphers: 'IDEA-CBC-SHA:ECDHE-RSA-AES128-GCM-SHA256' })).not.toContain(IDEA_CBC_SHA);
      expect(await offered({ ciphers: 'IDEA-CBC-SHA:ECDHE-RSA-AES128-GCM-SHA256', minVersion: 'TLSv1' })).toContain(IDEA_CBC_SHA);
    });
  });

  describe('no-legacy-tls-api legacyApi: on Node 16 the APIs removed in 18 and 24 still exist, those removed in 10 and 11 do not, and tls.SecurePair is not exported', () => {
    it('tls.parseCertString (warns DEP0076), createSecurePair and Server#setOptions exist; tls.SecurePair (not exported), CryptoStream, convertNPNProtocols, crypto.createCredentials and Credentials do not', async () => {
      const script = String.raw`
        const tls = require('tls'), c = require('crypto');
        const codes = [];
        process.on('warning', (w) => codes.push(w.code));
        tls.parseCertString('CN=a');
        setImmediate(() => process.stdout.write(JSON.stringify({
          codes,
          present: [typeof tls.parseCertString, typeof tls.createSecurePair, typeof tls.Server.prototype.setOptions],
          absent: [typeof tls.SecurePair, typeof tls.CryptoStream, typeof tls.convertNPNProtocols, typeof c.createCredentials, typeof c.Credentials],
        })));`;
      const out = JSON.parse((await spawnOnLegacyNode(script)).stdout) as { codes: string[]; present: string[]; absent: string[] };
      expect(out).toEqual({
        codes: ['DEP0076'],
        present: ['function', 'function', 'function'],
        absent: ['undefined', 'undefined', 'undefined', 'undefined', 'undefined'],
      });
      // The test's own Node (20) does not export it either.
      expect(((await import('node:tls')) as unknown as Record<string, unknown>)['SecurePair']).toBeUndefined();
    });
  });

  describe('no-legacy-tls-api legacyApi (pair): a client-side SecurePair verifies neither the chain nor the hostname on Node 16, even with rejectUnauthorized', () => {
    it('createSecurePair(context, false, true, true) on Node 16 completes the handshake with a self-signed server', async () => {
      await withServer({ ...pki.stranger }, async (port) => {
        const script = String.raw`
          process.noDeprecation = true;
          const tls = require('tls'), net = require('net');
          const raw = net.connect(${port}, '127.0.0.1', () => {
            const pair = tls.createSecurePair(tls.createSecureContext({}), false, true, true);
            raw.pipe(pair.encrypted);
            pair.encrypted.pipe(raw);
            pair.on('error', (e) => { process.stdout.write('error ' + (e.code || e.message)); process.exit(0); });
            pair.on('secure', () => setTimeout(() => { process.stdout.write('secure'); process.exit(0); }, 100));
            pair.cleartext.on('data', () => {});
            pair.cleartext.write('hi');
          });`;
        expect((await spawnOnLegacyNode(script)).stdout).toBe('secure');
      });
    });
  });

  describe('no-unverified-hostname tlsSocketHostname: a client-side new tls.TLSSocket() whose chain is checked with verifyError() checks no hostname and sends no SNI on Node 16', () => {
    it('a valid chain for another name passes verifyError() and no SNI is sent, even with servername', async () => {
      await withServer(pki.other, async (port, sni) => {
        const script = String.raw`
          const tls = require('tls'), net = require('net');
          const raw = net.connect(${port}, '127.0.0.1', () => {
            const s = new tls.TLSSocket(raw, { isServer: false, servername: 'localhost', secureContext: tls.createSecureContext({ ca: process.env.TLSGUARD_CA }) });
            s.on('error', (e) => { process.stdout.write(JSON.stringify({ error: e.code || e.message })); process.exit(0); });
            s.once('data', (d) => { process.stdout.write(JSON.stringify({ verifyError: s.ssl.verifyError() && s.ssl.verifyError().code, data: String(d) })); s.destroy(); });
            s.write('hi\n');
          });`;
        const out = JSON.parse((await spawnOnLegacyNode(script, { env: { ...process.env, TLSGUARD_CA: pki.ca } })).stdout) as unknown;
        expect(out).toEqual({ verifyError: null, data: 'ok\n' });
        expect(sni).toEqual([false]);
      });
    });
  });
});
