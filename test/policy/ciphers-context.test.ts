/**
 * A context with TLS 1.3 enabled whose TLS 1.3 half names no TLS 1.3 suite (`TLS_RSA_WITH_AES_128_CBC_SHA:AES256-SHA`)
 * offers nothing (offeredSuites returns []): a server with it refuses a TLS 1.2 client as well as a TLS 1.3 one
 * (ERR_SSL_NO_CIPHERS_AVAILABLE), and with `maxVersion: 'TLSv1.2'` (OfferOptions.tls13: false) it negotiates the
 * TLS 1.2 suite named there. On this Node and on Node 16 (OpenSSL 1.1.1), over loopback.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateCipherString, offeredSuites } from '../../src/policy/index.js';
import { makePki } from '../claims/pki.js';
import { LEGACY_NODE, skipWithoutLegacyNode, spawnOnLegacyNode } from '../harness/legacy-node.js';

const CIPHERS = 'TLS_RSA_WITH_AES_128_CBC_SHA:AES256-SHA';
const pki = makePki();
afterAll(() => pki.cleanup());

/** CommonJS: for each server maxVersion, what a TLS 1.2 - 1.3 client and a TLS 1.2 client get from a server with CIPHERS. */
const SCRIPT = `
const tls = require('tls');
const { key, cert, ciphers } = JSON.parse(require('fs').readFileSync(0, 'utf8'));
(async () => {
  const out = [];
  for (const serverMax of [undefined, 'TLSv1.2']) {
    const server = tls.createServer({ key, cert, ciphers, ...(serverMax ? { maxVersion: serverMax } : {}) }, (s) => s.end());
    server.on('tlsClientError', () => {});
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    for (const clientMax of ['TLSv1.3', 'TLSv1.2']) {
      out.push(await new Promise((res) => {
        const c = tls.connect({ port: server.address().port, host: '127.0.0.1', rejectUnauthorized: false, maxVersion: clientMax }, () => {
          res(c.getCipher().name);
          c.destroy();
        });
        c.on('error', () => res('refused'));
      }));
    }
    await new Promise((r) => server.close(r));
  }
  console.log(JSON.stringify(out));
})();
`;

async function run(binary: string | undefined): Promise<string[]> {
  const input = JSON.stringify({ key: pki.leaf.key, cert: pki.leaf.cert, ciphers: CIPHERS });
  if (binary) return JSON.parse((await spawnOnLegacyNode(SCRIPT, { input })).stdout) as string[];
  const { execFileSync } = await import('node:child_process');
  return JSON.parse(execFileSync(process.execPath, ['-e', SCRIPT], { input, encoding: 'utf8' })) as string[];
}

describe('a TLS 1.3 half without TLS 1.3 suites', () => {
  it('the policy: nothing offered with TLS 1.3 enabled, the named TLS 1.2 suites with maxVersion TLSv1.2', () => {
    for (const family of ['3', '1.1'] as const) {
      const e = evaluateCipherString(CIPHERS, { family });
      expect(offeredSuites(e, { family })).toEqual([]);
      expect(offeredSuites(e, { family, tls13: false }).map((s) => s.name)).toEqual(['AES128-SHA', 'AES256-SHA']);
    }
  });

  it(`a Node ${process.versions.node} server refuses every client; with maxVersion TLSv1.2 it negotiates AES128-SHA`, async () => {
    expect(await run(undefined)).toEqual(['refused', 'refused', 'AES128-SHA', 'AES128-SHA']);
  });

  it.skipIf(skipWithoutLegacyNode())('the same on Node 16', async () => {
    expect(await run(LEGACY_NODE)).toEqual(['refused', 'refused', 'AES128-SHA', 'AES128-SHA']);
  });
});
