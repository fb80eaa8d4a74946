// The runtime factories against real TLS servers on 127.0.0.1. Every refusal has a positive
// control (a client that does connect to the same server), so a refusal cannot pass by accident.
import http2 from 'node:http2';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secureAgent, secureClientOptions, secureServerOptions } from '../../src/runtime/index.js';
import { httpsGet, LOOPBACK, probe, startHttpsServer, startTlsServer, type Outcome, type RunningServer } from './loopback.js';
import { hasOpenSsl, makeTestPki, type TestPki } from './pki.js';

const OPENSSL = hasOpenSsl();
if (!OPENSSL) {
  console.warn('test/runtime/real-tls: the openssl CLI is missing, so the real-TLS tests are skipped (CI installs it).');
}

function failed(outcome: Outcome): string {
  expect(outcome.ok, `expected the handshake to fail, got ${JSON.stringify(outcome)}`).toBe(false);
  return outcome.ok ? '' : outcome.code;
}

function succeeded(outcome: Outcome): Extract<Outcome, { ok: true }> {
  if (!outcome.ok) throw new Error(`expected the handshake to succeed, got ${outcome.code}: ${outcome.message}`);
  return outcome;
}

describe.skipIf(!OPENSSL)('runtime against real TLS servers on 127.0.0.1', () => {
  let pki: TestPki;
  const servers: RunningServer[] = [];
  let good: RunningServer; // localhost leaf from the private CA
  let wrongHost: RunningServer; // other.example leaf from the private CA
  let expired: RunningServer;
  let untrusted: RunningServer; // localhost leaf from an unrelated CA
  let legacy: RunningServer; // TLS 1.0/1.1 only
  let noForwardSecrecy: RunningServer; // static-RSA AES128-GCM-SHA256 only, TLS 1.2

  const start = async (options: tls.TlsOptions): Promise<RunningServer> => {
    const server = await startTlsServer(options);
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    pki = makeTestPki();
    [good, wrongHost, expired, untrusted, legacy, noForwardSecrecy] = await Promise.all([
      start({ ...pki.localhost }),
      start({ ...pki.otherHost }),
      start({ ...pki.expired }),
      start({ ...pki.foreign }),
      start({
        ...pki.localhost,
        minVersion: 'TLSv1',
        maxVersion: 'TLSv1.1',
        ciphers: 'DEFAULT:@SECLEVEL=0',
      }),
      start({ ...pki.localhost, maxVersion: 'TLSv1.2', ciphers: 'AES128-GCM-SHA256' }),
    ]);
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    pki?.dispose();
  });

  const client = (port: number, extra: Record<string, unknown> = {}): tls.ConnectionOptions =>
    secureClientOptions({ host: 'localhost', port, extraCa: pki.ca.cert, ...extra });

  describe('client: secureClientOptions', () => {
    it('connects with the private CA as extraCa, sends SNI, and negotiates TLS 1.3', async () => {
      const before = good.sni.length;
      const outcome = succeeded(await probe(client(good.port)));
      expect(outcome.authorized).toBe(true);
      expect(outcome.protocol).toBe('TLSv1.3');
      expect(good.sni.slice(before)).toEqual(['localhost']);
    });

    it('derives no SNI for an IP host and still verifies against the IP SAN', async () => {
      const before = good.sni.length;
      const options = secureClientOptions({ host: LOOPBACK, port: good.port, extraCa: pki.ca.cert });
      expect(options.servername).toBeUndefined();
      succeeded(await probe(options));
      expect(good.sni.slice(before)).toEqual([false]);
    });

    it('uses TLS 1.2 with a forward-secret AEAD suite when 1.3 is off', async () => {
      const outcome = succeeded(await probe(client(good.port, { maxVersion: 'TLSv1.2' })));
      expect(outcome.protocol).toBe('TLSv1.2');
      expect(outcome.cipher).toMatch(/^ECDHE-(RSA|ECDSA)-(AES\d+-GCM-SHA\d+|CHACHA20-POLY1305)$/);
    });

    it('refuses the server when the private CA is not given (public roots only)', async () => {
      const code = failed(await probe(secureClientOptions({ host: 'localhost', port: good.port })));
      expect(code).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    });

    it('refuses a certificate from an unrelated CA', async () => {
      expect(failed(await probe(client(untrusted.port)))).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
      // control: the same server is fine for a client that trusts the unrelated CA
      succeeded(await probe(client(untrusted.port, { extraCa: pki.foreignCa.cert })));
    });

    it('refuses a certificate for another host name', async () => {
      expect(failed(await probe(client(wrongHost.port)))).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
      // control: the certificate is otherwise valid
      succeeded(await probe(client(wrongHost.port, { host: LOOPBACK, servername: 'other.example' })));
    });

    it('refuses an expired certificate', async () => {
      expect(failed(await probe(client(expired.port)))).toBe('CERT_HAS_EXPIRED');
    });

    it('refuses a TLS 1.0/1.1-only server', async () => {
      const code = failed(await probe(client(legacy.port)));
      expect(code).toMatch(/PROTOCOL|VERSION/i);
      // control: a client that allows TLS 1.0 at SECLEVEL=0 gets through
      const weak = succeeded(
        await probe({
          host: 'localhost',
          port: legacy.port,
          ca: pki.ca.cert,
          minVersion: 'TLSv1',
          ciphers: 'DEFAULT:@SECLEVEL=0',
        }),
      );
      expect(['TLSv1', 'TLSv1.1']).toContain(weak.protocol);
    });

    it('refuses a server that offers only non-forward-secret suites', async () => {
      const code = failed(await probe(client(noForwardSecrecy.port)));
      expect(code).toMatch(/HANDSHAKE_FAILURE|NO_SHARED_CIPHER|CIPHER/i);
      // control: Node's default client list ends in HIGH and accepts the static-RSA suite
      const plain = succeeded(await probe({ host: 'localhost', port: noForwardSecrecy.port, ca: pki.ca.cert }));
      expect(plain.cipher).toBe('AES128-GCM-SHA256');
    });

    it('still refuses untrusted servers with NODE_TLS_REJECT_UNAUTHORIZED=0', async () => {
      const saved = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      const savedEmit = process.emitWarning;
      process.emitWarning = () => undefined; // Node warns once about the variable; keep the log clean
      process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
      try {
        // control: with the variable set, a plain client accepts the unrelated CA's certificate
        const plain = succeeded(await probe({ host: 'localhost', port: untrusted.port }));
        expect(plain.authorized).toBe(false);
        expect(failed(await probe(client(untrusted.port)))).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
        expect(failed(await probe(client(wrongHost.port)))).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
        expect(failed(await probe(client(expired.port)))).toBe('CERT_HAS_EXPIRED');
      } finally {
        if (saved === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
        else process.env.NODE_TLS_REJECT_UNAUTHORIZED = saved;
        process.emitWarning = savedEmit;
      }
    });

    it('with socket: checks the certificate against host, not against localhost', async () => {
      const connectRaw = (port: number): net.Socket => net.connect(port, LOOPBACK);
      // the other.example certificate is valid for other.example only
      succeeded(await probe(client(wrongHost.port, { socket: connectRaw(wrongHost.port), host: 'other.example' })));
      expect(failed(await probe(client(wrongHost.port, { socket: connectRaw(wrongHost.port), host: 'localhost' })))).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    });

    it('refuses a server certificate with a 1,024-bit RSA key (issue 17, item 15)', async () => {
      const weak = await start({ ...pki.weakRsa });
      // control: Node's defaults (OpenSSL @SECLEVEL=1) accept the same server and chain
      const plain = succeeded(await probe({ host: LOOPBACK, servername: 'localhost', port: weak.port, ca: pki.ca.cert }));
      expect(plain.authorized).toBe(true);
      for (const profile of ['intermediate', 'modern'] as const) {
        const outcome = await probe(client(weak.port, { profile }));
        expect(failed(outcome)).toBe('ERR_TLSGUARD_WEAK_SERVER_KEY');
        expect(outcome.ok ? '' : outcome.message).toBe(
          `tlsguard: the certificate chain of "localhost" contains a 1024-bit RSA key (CN=localhost); the runtime ` +
            'requires at least 2048 bits, and keys this small can be factored. Reissue the certificate with a ' +
            'larger key (or an ECDSA key).',
        );
      }
      // with a caller's checkServerIdentity too (it runs first, then the key-size check)
      const pinned = await probe(client(weak.port, { checkServerIdentity: (host: string, cert: tls.PeerCertificate) => tls.checkServerIdentity(host, cert) }));
      expect(failed(pinned)).toBe('ERR_TLSGUARD_WEAK_SERVER_KEY');
      // and the 2048-bit RSA leaf of the same CA still connects
      succeeded(await probe(client(good.port)));
    });

    it('modern profile: TLS 1.3 only', async () => {
      const outcome = succeeded(await probe(client(good.port, { profile: 'modern' })));
      expect(outcome.protocol).toBe('TLSv1.3');
      const code = failed(await probe(client(noForwardSecrecy.port, { profile: 'modern' })));
      expect(code).toMatch(/PROTOCOL|VERSION/i);
    });

    it('presents a client certificate given as cert/key (inside the cached context)', async () => {
      const mtls = await start(secureServerOptions({ ...pki.localhost, requestCert: true, ca: pki.ca.cert }));
      succeeded(await probe(client(mtls.port, { cert: pki.client.cert, key: pki.client.key })));
      expect(failed(await probe(client(mtls.port)))).toMatch(/CERTIFICATE|ALERT|ECONNRESET/i);
    });
  });

  describe('server: secureServerOptions', () => {
    let hardened: RunningServer;
    beforeAll(async () => {
      hardened = await start(secureServerOptions({ ...pki.localhost }));
    });

    it('accepts the factory client over TLS 1.3 and TLS 1.2', async () => {
      expect(succeeded(await probe(client(hardened.port))).protocol).toBe('TLSv1.3');
      expect(succeeded(await probe(client(hardened.port, { maxVersion: 'TLSv1.2' }))).protocol).toBe('TLSv1.2');
    });

    it('refuses client-initiated renegotiation', async () => {
      const renegotiate = (port: number): Promise<string> =>
        new Promise<string>((resolve) => {
          const socket = tls.connect(client(port, { maxVersion: 'TLSv1.2' }), () => {
            const started = socket.renegotiate({ rejectUnauthorized: true }, (error) => {
              done(error === null ? 'renegotiated' : `error: ${error.message}`);
            });
            if (!started) done('not started');
            socket.write('ping'); // drives the renegotiation handshake
          });
          const timer = setTimeout(() => done('timeout'), 3000);
          const done = (result: string): void => {
            clearTimeout(timer);
            socket.destroy();
            resolve(result);
          };
          socket.on('data', () => undefined);
          socket.on('error', (error: NodeJS.ErrnoException) => done(`error: ${error.message}`));
        });
      const echoServers = [await startTlsServer(secureServerOptions({ ...pki.localhost }), 'echo'), await startTlsServer({ ...pki.localhost }, 'echo')];
      servers.push(...echoServers);
      const [hardenedEcho, plainEcho] = echoServers as [RunningServer, RunningServer];
      expect(await renegotiate(hardenedEcho.port)).toMatch(/no renegotiation/);
      // control: Node's default server allows it
      expect(await renegotiate(plainEcho.port)).toBe('renegotiated');
    });

    it('refuses TLS 1.0/1.1 clients', async () => {
      for (const maxVersion of ['TLSv1', 'TLSv1.1'] as const) {
        const code = failed(
          await probe({
            host: 'localhost',
            port: hardened.port,
            ca: pki.ca.cert,
            minVersion: 'TLSv1',
            maxVersion,
            ciphers: 'DEFAULT:@SECLEVEL=0',
          }),
        );
        expect(code).toMatch(/PROTOCOL|VERSION/i);
      }
      // control: the same legacy-capable client reaches the legacy server
      succeeded(
        await probe({
          host: 'localhost',
          port: legacy.port,
          ca: pki.ca.cert,
          minVersion: 'TLSv1',
          maxVersion: 'TLSv1.1',
          ciphers: 'DEFAULT:@SECLEVEL=0',
        }),
      );
    });

    it('refuses clients that offer only weak suites', async () => {
      for (const ciphers of ['AES128-GCM-SHA256', 'AES128-SHA:AES256-SHA', 'ECDHE-RSA-AES128-SHA']) {
        const code = failed(await probe({ host: 'localhost', port: hardened.port, ca: pki.ca.cert, maxVersion: 'TLSv1.2', ciphers }));
        expect(code).toMatch(/HANDSHAKE_FAILURE|NO_SHARED_CIPHER|CIPHER/i);
      }
      // control: the weak-only client reaches the non-forward-secret server
      succeeded(
        await probe({
          host: 'localhost',
          port: noForwardSecrecy.port,
          ca: pki.ca.cert,
          maxVersion: 'TLSv1.2',
          ciphers: 'AES128-GCM-SHA256',
        }),
      );
    });

    it('enforces mTLS: no client certificate, no connection', async () => {
      const mtls = await start(secureServerOptions({ ...pki.localhost, requestCert: true, ca: pki.ca.cert }));
      expect(failed(await probe(client(mtls.port)))).toMatch(/CERTIFICATE|ALERT/i);
      expect(failed(await probe(client(mtls.port, { maxVersion: 'TLSv1.2' })))).toMatch(/CERTIFICATE|ALERT/i);
      // a client certificate from an unrelated CA is refused too
      expect(failed(await probe(client(mtls.port, { maxVersion: 'TLSv1.2', cert: pki.foreign.cert, key: pki.foreign.key })))).toMatch(
        /CERTIFICATE|ALERT|UNKNOWN_CA|ECONNRESET|EOF/,
      );
      succeeded(await probe(client(mtls.port, { cert: pki.client.cert, key: pki.client.key })));
    });
  });

  describe('https and http2', () => {
    let web: RunningServer;
    beforeAll(async () => {
      const server = await startHttpsServer(secureServerOptions({ ...pki.localhost }));
      servers.push(server);
      web = server;
    });

    it('secureAgent works with https.get and sends SNI', async () => {
      const agent = secureAgent({ extraCa: pki.ca.cert });
      try {
        const before = web.sni.length;
        const response = await httpsGet({ host: 'localhost', port: web.port, path: '/', agent });
        expect(response).toEqual({ status: 200, body: 'hello' });
        expect(web.sni.slice(before)).toEqual(['localhost']);
      } finally {
        agent.destroy();
      }
    });

    it('secureAgent refuses an untrusted server and cannot be weakened per request', async () => {
      const agent = secureAgent({ extraCa: pki.ca.cert });
      try {
        expect(await httpsGet({ host: 'localhost', port: untrusted.port, path: '/', agent })).toEqual({
          error: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
        });
        // a per-request rejectUnauthorized: false loses against the agent's options
        expect(await httpsGet({ host: 'localhost', port: untrusted.port, path: '/', agent, rejectUnauthorized: false })).toEqual({
          error: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
        });
      } finally {
        agent.destroy();
      }
    });

    it('secureAgent pins its own checkServerIdentity: a request cannot switch it off, nor poison the pool (issue 17, item 13)', async () => {
      const other = await startHttpsServer({ ...pki.otherHost });
      servers.push(other);
      const acceptAny = (): undefined => undefined;
      // control: a plain https.Agent lets the request's callback through to the wrong-host server
      const plainAgent = new https.Agent({ ca: pki.ca.cert, keepAlive: true });
      const agent = secureAgent({ extraCa: pki.ca.cert, keepAlive: true });
      try {
        expect(await httpsGet({ host: 'localhost', port: other.port, path: '/', agent: plainAgent, checkServerIdentity: acceptAny })).toEqual({
          status: 200,
          body: 'hello',
        });
        expect(await httpsGet({ host: 'localhost', port: other.port, path: '/', agent, checkServerIdentity: acceptAny })).toEqual({
          error: 'ERR_TLS_CERT_ALTNAME_INVALID',
        });
        // nothing of that request is reused: the plain request after it is refused too
        expect(await httpsGet({ host: 'localhost', port: other.port, path: '/', agent })).toEqual({ error: 'ERR_TLS_CERT_ALTNAME_INVALID' });
        expect(Object.keys(agent.freeSockets)).toEqual([]);
        // and the agent still serves the right host
        expect(await httpsGet({ host: 'localhost', port: web.port, path: '/', agent })).toEqual({ status: 200, body: 'hello' });
      } finally {
        plainAgent.destroy();
        agent.destroy();
      }
    });

    it('secureAgent with a pinning checkServerIdentity calls it on every connection (no session resumption)', async () => {
      const seen: string[] = [];
      const pin = (host: string, cert: tls.PeerCertificate): Error | undefined => {
        seen.push(host);
        return tls.checkServerIdentity(host, cert);
      };
      const pinned = secureAgent({ extraCa: pki.ca.cert, checkServerIdentity: pin });
      // control: an agent with Node's default session cache resumes, and skips the callback
      const caching = secureAgent({ extraCa: pki.ca.cert, checkServerIdentity: pin, maxCachedSessions: 100 });
      try {
        for (let i = 0; i < 3; i++) {
          expect(await httpsGet({ host: 'localhost', port: web.port, path: '/', agent: pinned })).toMatchObject({ status: 200 });
        }
        expect(seen).toHaveLength(3);
        seen.length = 0;
        for (let i = 0; i < 3; i++) {
          expect(await httpsGet({ host: 'localhost', port: web.port, path: '/', agent: caching })).toMatchObject({ status: 200 });
        }
        expect(seen.length).toBeLessThan(3);
      } finally {
        pinned.destroy();
        caching.destroy();
      }
    });

    it('secureClientOptions works as https.get request options (agent: false)', async () => {
      const response = await httpsGet(secureClientOptions({ hostname: 'localhost', port: web.port, path: '/', agent: false, extraCa: pki.ca.cert }));
      expect(response).toEqual({ status: 200, body: 'hello' });
    });

    it('secureClientOptions works for http2.connect', async () => {
      const h2server = http2.createSecureServer(secureServerOptions({ ...pki.localhost }), (_req, res) => {
        res.end('h2 hello');
      });
      const port = await new Promise<number>((resolve) => {
        h2server.listen(0, LOOPBACK, () => resolve((h2server.address() as AddressInfo).port));
      });
      try {
        const session = http2.connect(`https://localhost:${port}`, secureClientOptions({ host: 'localhost', extraCa: pki.ca.cert }));
        const body = await new Promise<string>((resolve) => {
          session.once('error', (e: NodeJS.ErrnoException) => resolve(`error ${e.code ?? e.message}`));
          const stream = session.request({ ':path': '/' });
          let text = '';
          stream.setEncoding('utf8');
          stream.on('data', (chunk: string) => (text += chunk));
          stream.on('end', () => resolve(text));
          stream.on('error', () => undefined);
        });
        session.destroy();
        expect(body).toBe('h2 hello');
      } finally {
        await new Promise<void>((resolve) => h2server.close(() => resolve()));
      }
      const refused = http2.connect(`https://localhost:${untrusted.port}`, secureClientOptions({ host: 'localhost', extraCa: pki.ca.cert }));
      const error = await new Promise<string>((resolve) => {
        refused.once('connect', () => resolve('connected'));
        refused.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
      });
      refused.destroy();
      expect(error).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    });
  });
});
