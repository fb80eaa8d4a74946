/**
 * The policy against Node itself (v20+, bundled OpenSSL 3): what
 * createSecureContext rejects, and which protocol versions a server built
 * from an option bag really accepts.
 */
import { execFileSync } from 'node:child_process';
import { constants } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TLS_VERSIONS, effectiveVersionRange, evaluateCipherString, secureProtocolInfo, type TlsVersion, type VersionOptions } from '../../src/policy/index.js';
import { generateNodeCipherStrings, hasOpenSSL } from './oracle-helpers.js';

function nodeError(options: tls.SecureContextOptions): string | undefined {
  try {
    tls.createSecureContext(options);
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code ?? 'unknown';
  }
}

describe('evaluateCipherString().error matches what Node 20 throws', () => {
  it('for hand-picked and 1500 generated `ciphers` strings', () => {
    const specs = generateNodeCipherStrings(1500, 0x40de);
    const wrong = specs.map((s) => ({ s, ours: evaluateCipherString(s).error, node: nodeError({ ciphers: s }) })).filter((r) => r.ours !== r.node);
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});

describe('secureProtocolInfo matches Node', () => {
  const bases = ['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1_1', 'TLSv1_2', 'TLSv1_3', 'TLS', 'SSLv23', 'DTLS', 'DTLSv1_2'];
  const methods = bases.flatMap((b) => [`${b}_method`, `${b}_client_method`, `${b}_server_method`]).concat(['', 'tls_method']);
  it.each(methods)('%s', (method) => {
    const err = nodeError({ secureProtocol: method });
    const kind = secureProtocolInfo(method).kind;
    expect(err === 'ERR_TLS_INVALID_PROTOCOL_METHOD').toBe(kind === 'invalid' || kind === 'disabled');
    expect(err).toBe(kind === 'invalid' || kind === 'disabled' ? 'ERR_TLS_INVALID_PROTOCOL_METHOD' : undefined);
  });
});

describe.skipIf(!hasOpenSSL())(
  `${hasOpenSSL() ? '' : 'SKIPPED (no openssl to make a test certificate): '}effectiveVersionRange matches the versions a real server accepts (127.0.0.1, @SECLEVEL=0 both sides)`,
  () => {
    let dir = '';
    let key: Buffer;
    let cert: Buffer;
    const L0 = 'DEFAULT:@SECLEVEL=0';

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'tlsguard-policy-'));
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=localhost',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      key = readFileSync(join(dir, 'key.pem'));
      cert = readFileSync(join(dir, 'cert.pem'));
    });
    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    /** Handshakes a server and a client; true when they agree on `version`. */
    function handshake(server: tls.TlsOptions, client: tls.ConnectionOptions, version: TlsVersion): Promise<boolean> {
      return new Promise((resolve) => {
        const srv = tls.createServer({ key, cert, ciphers: L0, ...server }, (s) => s.end());
        srv.on('tlsClientError', () => undefined);
        srv.listen(0, '127.0.0.1', () => {
          const { port } = srv.address() as { port: number };
          const c = tls.connect({ port, host: '127.0.0.1', rejectUnauthorized: false, ciphers: L0, ...client }, () => {
            const ok = c.getProtocol() === version;
            c.destroy();
            srv.close(() => resolve(ok));
          });
          c.on('error', () => srv.close(() => resolve(false)));
        });
      });
    }
    const pinned = (v: TlsVersion): { minVersion: TlsVersion; maxVersion: TlsVersion } => ({ minVersion: v, maxVersion: v });

    const bags: VersionOptions[] = [
      {},
      { minVersion: 'TLSv1' },
      { minVersion: 'TLSv1.1', maxVersion: 'TLSv1.2' },
      { maxVersion: 'TLSv1.2' },
      { minVersion: 'TLSv1.3' },
      { secureProtocol: 'TLS_method' },
      { secureProtocol: 'TLS_server_method' },
      { secureProtocol: 'SSLv23_method' },
      { secureProtocol: 'TLSv1_method' },
      { secureProtocol: 'TLSv1_1_server_method' },
      { secureProtocol: 'TLSv1_2_method' },
      { minVersion: 'TLSv1', secureOptions: constants.SSL_OP_NO_TLSv1_1 },
      { minVersion: 'TLSv1', secureOptions: constants.SSL_OP_NO_TLSv1_3 },
    ];
    it.each(bags.map((b) => [JSON.stringify(b), b] as const))('server %s', async (_name, bag) => {
      const accepted: TlsVersion[] = [];
      for (const v of TLS_VERSIONS) if (await handshake(bag as tls.TlsOptions, pinned(v), v)) accepted.push(v);
      expect(accepted).toEqual(effectiveVersionRange(bag).versions);
    });

    const clientBags: VersionOptions[] = [
      {},
      { minVersion: 'TLSv1' },
      { secureProtocol: 'TLS_client_method' },
      { secureProtocol: 'SSLv23_client_method' },
      { minVersion: 'TLSv1', secureOptions: constants.SSL_OP_NO_TLSv1_1 },
      { minVersion: 'TLSv1', secureOptions: constants.SSL_OP_NO_TLSv1_2 },
      { secureOptions: constants.SSL_OP_NO_TLSv1_2 },
    ];
    it.each(clientBags.map((b) => [JSON.stringify(b), b] as const))('client %s', async (_name, bag) => {
      const accepted: TlsVersion[] = [];
      for (const v of TLS_VERSIONS) if (await handshake(pinned(v), bag as tls.ConnectionOptions, v)) accepted.push(v);
      expect(accepted).toEqual(effectiveVersionRange(bag, undefined, 'client').versions);
    });
  },
);
