/**
 * no-unverified-hostname and require-servername: what hostname checks and SNI do, shown on the Node
 * running the tests with servers on 127.0.0.1 (certificates from ./pki.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import * as tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOOPBACK, probe } from '../runtime/loopback.js';
import { makePki, withServer, type ClaimsPki } from './pki.js';

const require = createRequire(import.meta.url);
let pki: ClaimsPki;
beforeAll(() => {
  pki = makePki();
});
afterAll(() => pki?.cleanup());

describe('no-unverified-hostname acceptsAnyHost: a checkServerIdentity that returns a falsy value accepts a valid certificate for any other domain', () => {
  it('connecting as localhost to a server with a valid other.example certificate fails by default and succeeds with () => undefined', async () => {
    await withServer(pki.other, async (port) => {
      expect(await probe({ host: LOOPBACK, port, ca: pki.ca, servername: 'localhost' })).toMatchObject({ ok: false, code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
      expect(await probe({ host: LOOPBACK, port, ca: pki.ca, servername: 'localhost', checkServerIdentity: () => undefined })).toMatchObject({
        ok: true,
        authorized: true,
      });
      // The chain is still checked: only the name is not.
      expect(await probe({ host: LOOPBACK, port, servername: 'localhost', checkServerIdentity: () => undefined })).toMatchObject({
        ok: false,
        code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      });
    });
  });
});

describe('no-unverified-hostname globalOverride: replacing tls.checkServerIdentity changes the hostname check of every connection that uses the default', () => {
  it('after the assignment a connection without the option accepts another name; one with its own option does not', async () => {
    // The CommonJS module object (what Node's own connect reads); the ESM namespace is read-only.
    const cjsTls = require('node:tls') as typeof tls;
    const original = cjsTls.checkServerIdentity;
    await withServer(pki.other, async (port) => {
      try {
        (cjsTls as { checkServerIdentity: typeof original }).checkServerIdentity = () => undefined;
        expect(await probe({ host: LOOPBACK, port, ca: pki.ca, servername: 'localhost' })).toMatchObject({ ok: true });
        expect(await probe({ host: LOOPBACK, port, ca: pki.ca, servername: 'localhost', checkServerIdentity: original })).toMatchObject({
          ok: false,
          code: 'ERR_TLS_CERT_ALTNAME_INVALID',
        });
      } finally {
        (cjsTls as { checkServerIdentity: typeof original }).checkServerIdentity = original;
      }
    });
  });
});

describe('no-unverified-hostname libraryOption: a library spelling of "skip the name check" accepts a valid certificate for any other domain', () => {
  it('missing alias: mysql2 passes a checkServerIdentity that returns undefined unless ssl.verifyIdentity, and that accepts another name on Node', async () => {
    const source = readFileSync(new URL('../../node_modules/mysql2/lib/base/connection.js', import.meta.url), 'utf8');
    expect(source).toMatch(/checkServerIdentity: verifyIdentity\s*\?\s*Tls\.checkServerIdentity\s*:\s*function \(\) \{\s*return undefined;\s*\}/);
    await withServer(pki.other, async (port) => {
      expect(await probe({ host: LOOPBACK, port, ca: pki.ca, servername: 'localhost', checkServerIdentity: () => undefined })).toMatchObject({
        ok: true,
        authorized: true,
      });
    });
  });
});

/** `tls.connect(options)` that resolves the SNI the server saw, or the client's error code. */
async function sniSeen(server: tls.TlsOptions, options: (port: number) => tls.ConnectionOptions): Promise<{ sni: string | false; result: string }> {
  return withServer(server, async (port, sni) => {
    const outcome = await probe(options(port));
    return { sni: sni[0] ?? false, result: outcome.ok ? 'ok' : outcome.code };
  });
}

describe('require-servername noSni: tls.connect() sends no SNI unless servername is set', () => {
  it("not even for a DNS host name: host 'localhost' (over a socket to 127.0.0.1, no lookup) sends none", async () => {
    expect(await sniSeen(pki.leaf, (port) => ({ socket: net.connect(port, LOOPBACK), host: 'localhost', ca: pki.ca }))).toEqual({ sni: false, result: 'ok' });
  });

  it('host 127.0.0.1 without servername: the server sees no SNI; with servername it sees the name', async () => {
    expect(await sniSeen(pki.leaf, (port) => ({ host: LOOPBACK, port, ca: pki.ca }))).toEqual({ sni: false, result: 'ok' });
    expect(await sniSeen(pki.leaf, (port) => ({ host: LOOPBACK, port, ca: pki.ca, servername: 'localhost' }))).toEqual({ sni: 'localhost', result: 'ok' });
  });

  it('a server that picks its certificate by SNI answers a client without SNI with its default certificate', async () => {
    const server: tls.TlsOptions = {
      ...pki.other,
      SNICallback: (name, cb) => cb(null, name === 'localhost' ? tls.createSecureContext(pki.leaf) : undefined),
    };
    expect(await sniSeen(server, (port) => ({ host: LOOPBACK, port, ca: pki.ca }))).toEqual({ sni: false, result: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    expect(await sniSeen(server, (port) => ({ host: LOOPBACK, port, ca: pki.ca, servername: 'localhost' }))).toEqual({ sni: 'localhost', result: 'ok' });
  });
});

describe("require-servername socketIdentity: with socket and neither servername nor host, tls.connect() sends no SNI and checks the certificate against 'localhost'", () => {
  it('a socket opened to 127.0.0.1: no SNI; an other.example certificate fails as a mismatch with localhost, a localhost one passes', async () => {
    const viaSocket = (port: number): tls.ConnectionOptions => ({ socket: net.connect(port, LOOPBACK), ca: pki.ca });
    expect(await sniSeen(pki.leaf, viaSocket)).toEqual({ sni: false, result: 'ok' });
    const other = await withServer(pki.other, async (port) => probe(viaSocket(port)));
    expect(other).toMatchObject({ ok: false, code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    expect(!other.ok && other.message).toMatch(/localhost/);
  });
});

describe('require-servername emptyServername: an empty servername sends no SNI', () => {
  it("servername '' to a server: the server sees no SNI", async () => {
    const opts = (port: number, extra: tls.ConnectionOptions): tls.ConnectionOptions => ({ host: LOOPBACK, port, ca: pki.ca, ...extra });
    expect(await sniSeen(pki.leaf, (port) => opts(port, { servername: 'localhost' }))).toEqual({ sni: 'localhost', result: 'ok' });
    expect(await sniSeen(pki.leaf, (port) => opts(port, { servername: '' }))).toEqual({ sni: false, result: 'ok' });
  });
});
