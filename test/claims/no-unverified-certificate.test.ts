/**
 * no-unverified-certificate: what `rejectUnauthorized: false` and its library spellings do, shown on
 * the Node running the tests with servers on 127.0.0.1 whose certificate no trusted CA signed.
 */
import https from 'node:https';
import net from 'node:net';
import * as tls from 'node:tls';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOOPBACK, httpsGet, probe, startHttpsServer } from '../runtime/loopback.js';
import { makePki, withServer, type ClaimsPki } from './pki.js';

const require = createRequire(import.meta.url);
let pki: ClaimsPki;
beforeAll(() => {
  pki = makePki();
});
afterAll(() => pki?.cleanup());

async function withHttps<T>(options: https.ServerOptions, fn: (port: number) => Promise<T>): Promise<T> {
  const server = await startHttpsServer(options);
  try {
    return await fn(server.port);
  } finally {
    await server.close();
  }
}

describe('no-unverified-certificate clientSink: rejectUnauthorized: false turns off certificate verification for the request, so any server is accepted', () => {
  it('https.get to a server with a self-signed certificate fails by default and succeeds with rejectUnauthorized: false', async () => {
    await withHttps(pki.stranger, async (port) => {
      expect(await httpsGet({ host: LOOPBACK, port, agent: false })).toEqual({ error: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
      expect(await httpsGet({ host: LOOPBACK, port, agent: false, rejectUnauthorized: false })).toEqual({ status: 200, body: 'hello' });
    });
  });
});

describe('no-unverified-certificate unknownSink: a connection made with an options object holding rejectUnauthorized: false accepts any certificate', () => {
  it('tls.connect with the object accepts a self-signed certificate for another name, and reports it as unauthorized', async () => {
    const options = { rejectUnauthorized: false };
    await withServer(pki.stranger, async (port) => {
      expect(await probe({ host: LOOPBACK, port })).toMatchObject({ ok: false, code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
      expect(await probe({ host: LOOPBACK, port, ...options })).toMatchObject({ ok: true, authorized: false });
    });
  });
});

describe('no-unverified-certificate globalAgent: rejectUnauthorized = false on https.globalAgent.options reaches every request that uses the global agent', () => {
  it('after the write, an https.get without options accepts a self-signed server; one with its own agent does not', async () => {
    const before = https.globalAgent.options.rejectUnauthorized;
    await withHttps(pki.stranger, async (port) => {
      try {
        expect(await httpsGet({ host: LOOPBACK, port })).toEqual({ error: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
        https.globalAgent.options.rejectUnauthorized = false;
        expect(await httpsGet({ host: LOOPBACK, port })).toEqual({ status: 200, body: 'hello' });
        expect(await httpsGet({ host: LOOPBACK, port, agent: new https.Agent() })).toEqual({ error: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
      } finally {
        if (before === undefined) delete https.globalAgent.options.rejectUnauthorized;
        else https.globalAgent.options.rejectUnauthorized = before;
        https.globalAgent.destroy();
      }
    });
  });
});

describe('no-unverified-certificate mtlsNotEnforced: requestCert: true with rejectUnauthorized: false accepts clients whose certificate fails verification', () => {
  it('a client with a certificate from an untrusted issuer (or none) is served; socket.authorized is false; with rejectUnauthorized: true it is refused', async () => {
    const server = { ...pki.leaf, ca: pki.ca, requestCert: true };
    await withServer({ ...server, rejectUnauthorized: false }, async (port) => {
      expect(await probe({ host: LOOPBACK, port, ca: pki.ca, ...pki.stranger })).toMatchObject({ ok: true });
      expect(await probe({ host: LOOPBACK, port, ca: pki.ca })).toMatchObject({ ok: true });
    });
    await withServer({ ...server, rejectUnauthorized: true }, async (port) => {
      expect((await probe({ host: LOOPBACK, port, ca: pki.ca, ...pki.stranger })).ok).toBe(false);
      expect(await probe({ host: LOOPBACK, port, ca: pki.ca, ...pki.client })).toMatchObject({ ok: true });
    });
    const seen: boolean[] = [];
    const s = tls.createServer({ ...server, rejectUnauthorized: false }, (socket) => {
      seen.push(socket.authorized);
      socket.end('ok\n');
    });
    await new Promise<void>((r) => s.listen(0, LOOPBACK, r));
    try {
      const port = (s.address() as net.AddressInfo).port;
      expect(await probe({ host: LOOPBACK, port, ca: pki.ca, ...pki.stranger })).toMatchObject({ ok: true });
      expect(seen).toEqual([false]);
    } finally {
      await new Promise((r) => s.close(r));
    }
  });
});

/** A client-side `new tls.TLSSocket(rawSocket, options)` that writes once and resolves what it saw after the first answer. */
function tlsSocketClient(
  port: number,
  options: tls.TLSSocketOptions,
  after?: (s: tls.TLSSocket) => void,
): Promise<{ verifyError: string | null; authorized: boolean; data: string } | { error: string }> {
  return new Promise((resolve) => {
    const raw = net.connect(port, LOOPBACK, () => {
      const s = new tls.TLSSocket(raw, options);
      after?.(s);
      s.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
      s.once('data', (d: Buffer) => {
        // `verifyError()` lives on the TLS handle (`socket.ssl`, `socket._handle`): the chain result OpenSSL recorded.
        const handle = (s as unknown as { ssl: { verifyError(): Error | null } }).ssl;
        const err = handle.verifyError();
        resolve({ verifyError: err ? ((err as NodeJS.ErrnoException).code ?? err.message) : null, authorized: s.authorized, data: d.toString() });
        s.destroy();
      });
      s.write('hi\n');
    });
    raw.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
  });
}

describe('no-unverified-certificate clientTlsSocket: a client-side new tls.TLSSocket() accepts any certificate (even with rejectUnauthorized: true) unless the code checks verifyError() itself', () => {
  it('a self-signed server is accepted with rejectUnauthorized: true; only verifyError() tells, and authorized stays false', async () => {
    await withServer(pki.stranger, async (port) => {
      expect(await tlsSocketClient(port, { rejectUnauthorized: true })).toEqual({
        verifyError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
        authorized: false,
        data: 'ok\n',
      });
    });
  });
});

describe('no-unverified-hostname tlsSocketHostname: a client-side new tls.TLSSocket() whose chain the code checks with verifyError() still checks no hostname and sends no SNI', () => {
  it('a valid chain for another name passes verifyError(); no SNI is sent even with servername; setServername() sends one', async () => {
    await withServer(pki.other, async (port, sni) => {
      expect(await tlsSocketClient(port, { ca: pki.ca })).toEqual({ verifyError: null, authorized: false, data: 'ok\n' });
      expect(await tlsSocketClient(port, { ca: pki.ca, servername: 'localhost' } as tls.TLSSocketOptions)).toMatchObject({ verifyError: null });
      expect(
        await tlsSocketClient(port, { ca: pki.ca }, (s) => (s as unknown as { setServername(name: string): void }).setServername('other.example')),
      ).toMatchObject({ verifyError: null });
      expect(sni).toEqual([false, false, 'other.example']);
    });
  });

  it('with no trusted chain, verifyError() reports it: the chain is verified when the code looks', async () => {
    await withServer(pki.other, async (port) => {
      expect(await tlsSocketClient(port, {})).toMatchObject({ verifyError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    });
  });

  it('tls.connect({ socket, servername }) checks both, for comparison', async () => {
    await withServer(pki.other, async (port) => {
      const wrong = await new Promise<string>((resolve) => {
        const c = tls.connect({ socket: net.connect(port, LOOPBACK), ca: pki.ca, servername: 'localhost' }, () => resolve('connected'));
        c.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
      });
      expect(wrong).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    });
  });
});

describe('no-unverified-certificate libraryOption: a library spelling of "do not verify" makes the library accept any certificate', () => {
  it('property alias: request `strictSSL: false` accepts a self-signed server that request refuses by default', async () => {
    const request = require('request') as (o: object, cb: (e: (Error & { code?: string }) | null, r?: { statusCode: number }, body?: string) => void) => void;
    const get = (extra: object): Promise<string> =>
      new Promise((resolve) =>
        request({ url: `https://${LOOPBACK}:${port}/`, ...extra }, (e, r, body) => resolve(e ? (e.code ?? e.message) : `${r!.statusCode} ${body}`)),
      );
    let port = 0;
    await withHttps(pki.stranger, async (p) => {
      port = p;
      expect(await get({})).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
      expect(await get({ strictSSL: false })).toBe('200 hello');
    });
  });

  it('method alias: superagent `.disableTLSCerts()` accepts a self-signed server that superagent refuses by default', async () => {
    const superagent = require('superagent') as { get(url: string): { disableTLSCerts(): unknown; then: Promise<{ status: number; text: string }>['then'] } };
    await withHttps(pki.stranger, async (port) => {
      const url = `https://${LOOPBACK}:${port}/`;
      const plain = await superagent.get(url).then(
        (r) => `${r.status}`,
        (e: { code?: string }) => e.code,
      );
      expect(plain).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
      const off = await (superagent.get(url).disableTLSCerts() as Promise<{ status: number; text: string }>).then((r) => `${r.status} ${r.text}`);
      expect(off).toBe('200 hello');
    });
  });
});

describe('no-unverified-certificate proxyOption: http-proxy secure: false turns off verification of the proxied HTTPS target', () => {
  it('a proxy on 127.0.0.1 to a self-signed HTTPS target answers 502-style errors by default and relays the target with secure: false', async () => {
    const httpProxy = require('http-proxy') as {
      createProxyServer(o: object): { web(req: unknown, res: unknown, o?: object, cb?: (e: Error & { code?: string }) => void): void };
    };
    const http = await import('node:http');
    await withHttps(pki.stranger, async (targetPort) => {
      const serve = async (secure: boolean | undefined): Promise<string> => {
        const proxy = httpProxy.createProxyServer({ target: `https://${LOOPBACK}:${targetPort}`, ...(secure === undefined ? {} : { secure }) });
        const server = http.createServer((req, res) =>
          proxy.web(req, res, {}, (e) => {
            res.writeHead(502);
            res.end(e.code ?? e.message);
          }),
        );
        await new Promise<void>((r) => server.listen(0, LOOPBACK, r));
        try {
          const port = (server.address() as net.AddressInfo).port;
          return await new Promise<string>((resolve) => {
            http.get({ host: LOOPBACK, port, agent: false }, (res) => {
              let body = '';
              res.on('data', (c: Buffer) => (body += c.toString()));
              res.on('end', () => resolve(`${res.statusCode} ${body}`));
            });
          });
        } finally {
          server.closeAllConnections();
          await new Promise((r) => server.close(r));
        }
      };
      expect(await serve(undefined)).toBe('502 DEPTH_ZERO_SELF_SIGNED_CERT');
      expect(await serve(false)).toBe('200 hello');
    });
  });
});
