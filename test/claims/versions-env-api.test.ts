/**
 * no-legacy-tls-version, no-weak-cipher (smallDh), no-insecure-tls-env, no-legacy-tls-api and
 * prefer-secure-context: their claims shown on the Node running the tests (20.x, OpenSSL 3), servers
 * on 127.0.0.1 only. `L0` (`@SECLEVEL=0`) is what TLS 1.0/1.1 need on Node 17+ (node-releases.ts).
 */
import { execFile } from 'node:child_process';
import { fork } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secureClientOptions } from '../../src/runtime/index.js';
import { LOOPBACK, probe } from '../runtime/loopback.js';
import { makePki, withServer, type ClaimsPki } from './pki.js';

const require = createRequire(import.meta.url);
const cjsTls = require('node:tls') as { DEFAULT_MIN_VERSION: string; DEFAULT_MAX_VERSION: string };
const L0 = 'DEFAULT:@SECLEVEL=0';
let pki: ClaimsPki;
beforeAll(() => {
  pki = makePki();
});
afterAll(() => pki?.cleanup());

const client = (port: number, extra: tls.ConnectionOptions = {}): tls.ConnectionOptions => ({ host: LOOPBACK, port, ca: pki.ca, ...extra });

describe('no-legacy-tls-version maxVersion: maxVersion TLSv1.1 caps the connection at TLS 1.1 and turns off TLS 1.2 and 1.3', () => {
  it('with a modern server the connection is TLS 1.1 (with @SECLEVEL=0 on Node 17+); a TLS 1.2+ server is unreachable', async () => {
    await withServer({ ...pki.leaf, ciphers: L0, minVersion: 'TLSv1' }, async (port) => {
      expect(await probe(client(port, { minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: L0 }))).toMatchObject({ ok: true, protocol: 'TLSv1.1' });
    });
    await withServer({ ...pki.leaf, minVersion: 'TLSv1.2' }, async (port) => {
      expect((await probe(client(port, { minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: L0 }))).ok).toBe(false);
    });
  });
});

describe('no-legacy-tls-version legacyProtocol: secureProtocol TLS_method lowers the minimum to TLS 1.0, so it allows TLS 1.0 and 1.1 with a peer that offers no newer one', () => {
  it('a server with TLS_method serves a TLS 1.0-only client (with @SECLEVEL=0) and a modern one with TLS 1.3', async () => {
    await withServer({ ...pki.leaf, secureProtocol: 'TLS_method', ciphers: L0 }, async (port) => {
      expect(await probe(client(port, { minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: L0 }))).toMatchObject({ ok: true, protocol: 'TLSv1' });
      expect(await probe(client(port))).toMatchObject({ ok: true, protocol: 'TLSv1.3' });
    });
  });
});

describe('no-legacy-tls-version sslProtocol: secureProtocol SSLv3_method is refused by Node, so nothing connects', () => {
  it('createSecureContext throws for SSLv3_method and SSLv2_method', () => {
    expect(() => tls.createSecureContext({ secureProtocol: 'SSLv3_method' })).toThrow(/SSLv3 methods disabled/);
    expect(() => tls.createSecureContext({ secureProtocol: 'SSLv2_method' })).toThrow(/SSLv2 methods disabled/);
  });
});

describe('no-legacy-tls-version pinsTls12: secureProtocol TLSv1_2_method or SSLv23_method caps the connection at TLS 1.2 and turns off TLS 1.3', () => {
  it.each(['TLSv1_2_method', 'SSLv23_method'])('%s: a modern client talks TLS 1.2 to it; a TLS 1.3-only client fails', async (secureProtocol) => {
    await withServer({ ...pki.leaf, secureProtocol }, async (port) => {
      expect(await probe(client(port))).toMatchObject({ ok: true, protocol: 'TLSv1.2' });
      expect((await probe(client(port, { minVersion: 'TLSv1.3' }))).ok).toBe(false);
    });
  });
});

describe('no-legacy-tls-version onlyLegacy: secureOptions with SSL_OP_NO_TLSv1_2 | SSL_OP_NO_TLSv1_3 leaves only TLS 1.0/1.1, or nothing', () => {
  it('with the default minimum nothing connects; with minVersion TLSv1 (and @SECLEVEL=0) only TLS 1.1 does', async () => {
    const { SSL_OP_NO_TLSv1_2, SSL_OP_NO_TLSv1_3 } = (await import('node:crypto')).constants;
    const secureOptions = SSL_OP_NO_TLSv1_2 | SSL_OP_NO_TLSv1_3;
    await withServer({ ...pki.leaf, secureOptions }, async (port) => {
      expect((await probe(client(port))).ok).toBe(false);
    });
    await withServer({ ...pki.leaf, secureOptions, minVersion: 'TLSv1', ciphers: L0 }, async (port) => {
      expect((await probe(client(port))).ok).toBe(false);
      expect(await probe(client(port, { minVersion: 'TLSv1', ciphers: L0 }))).toMatchObject({ ok: true, protocol: 'TLSv1.1' });
    });
  });
});

describe('no-legacy-tls-version defaultMinVersion: tls.DEFAULT_MIN_VERSION TLSv1 reaches connections and servers without their own minVersion', () => {
  it('a server created after the write serves a TLS 1.0-only client (with @SECLEVEL=0); one with minVersion TLSv1.2 does not', async () => {
    const before = cjsTls.DEFAULT_MIN_VERSION;
    try {
      cjsTls.DEFAULT_MIN_VERSION = 'TLSv1';
      await withServer({ ...pki.leaf, ciphers: L0 }, async (port) => {
        expect(await probe(client(port, { minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: L0 }))).toMatchObject({ ok: true, protocol: 'TLSv1' });
      });
      await withServer({ ...pki.leaf, ciphers: L0, minVersion: 'TLSv1.2' }, async (port) => {
        expect((await probe(client(port, { minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: L0 }))).ok).toBe(false);
      });
    } finally {
      cjsTls.DEFAULT_MIN_VERSION = before;
    }
  });
});

describe('no-legacy-tls-version defaultMaxVersion: tls.DEFAULT_MAX_VERSION TLSv1.1 caps every connection created afterwards at TLS 1.1', () => {
  it('a client created after the write talks TLS 1.1 to a modern server (with @SECLEVEL=0); without it TLS 1.3', async () => {
    const before = { min: cjsTls.DEFAULT_MIN_VERSION, max: cjsTls.DEFAULT_MAX_VERSION };
    await withServer({ ...pki.leaf, ciphers: L0, minVersion: 'TLSv1' }, async (port) => {
      expect(await probe(client(port, { ciphers: L0 }))).toMatchObject({ ok: true, protocol: 'TLSv1.3' });
      try {
        cjsTls.DEFAULT_MIN_VERSION = 'TLSv1';
        cjsTls.DEFAULT_MAX_VERSION = 'TLSv1.1';
        expect(await probe(client(port, { ciphers: L0 }))).toMatchObject({ ok: true, protocol: 'TLSv1.1' });
      } finally {
        cjsTls.DEFAULT_MAX_VERSION = before.max;
        cjsTls.DEFAULT_MIN_VERSION = before.min;
      }
    });
  });
});

describe('no-weak-cipher smallDh: minDHSize below 2048 accepts Diffie-Hellman groups smaller than 2048 bits', () => {
  it('a DHE server with a 1024-bit group: minDHSize 1024 (the default) and 512 accept it, 2048 refuses it', async () => {
    await withServer({ ...pki.leaf, dhparam: pki.dh1024, ciphers: 'DHE-RSA-AES128-GCM-SHA256', maxVersion: 'TLSv1.2' }, async (port) => {
      expect(await probe(client(port, { minDHSize: 512 }))).toMatchObject({ ok: true, cipher: 'DHE-RSA-AES128-GCM-SHA256' });
      expect(await probe(client(port))).toMatchObject({ ok: true, cipher: 'DHE-RSA-AES128-GCM-SHA256' });
      expect(await probe(client(port, { minDHSize: 2048 }))).toMatchObject({ ok: false, code: 'ERR_TLS_DH_PARAM_SIZE' });
    });
  });
});

const run = promisify(execFile);
const childEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => ({ PATH: process.env.PATH ?? '', ...extra });
const PRINT = "const t=require('tls');console.log(JSON.stringify([t.DEFAULT_MIN_VERSION,t.DEFAULT_MAX_VERSION,t.DEFAULT_CIPHERS.slice(0,12)]))";

describe('no-insecure-tls-env nodeOptions: a weakening TLS flag in NODE_OPTIONS changes the defaults of every connection of the process', () => {
  it('--tls-min-v1.0 / --tls-max-v1.2 / --tls-cipher-list set the process defaults; --tls-keylog writes the session keys of a connection', async () => {
    const out = async (flags: string): Promise<unknown> =>
      JSON.parse((await run(process.execPath, ['-e', PRINT], { env: childEnv({ NODE_OPTIONS: flags }) })).stdout);
    expect(await out('')).toEqual(['TLSv1.2', 'TLSv1.3', expect.any(String)]);
    expect(await out('--tls-min-v1.0')).toEqual(['TLSv1', 'TLSv1.3', expect.any(String)]);
    expect(await out('--tls-max-v1.2')).toEqual(['TLSv1.2', 'TLSv1.2', expect.any(String)]);
    expect(await out('--tls-cipher-list=AES128-SHA')).toEqual(['TLSv1.2', 'TLSv1.3', 'AES128-SHA']);
    const keylog = join(pki.dir, 'keys.log');
    await withServer({ ...pki.leaf }, async (port) => {
      const script = `const s=require('tls').connect({host:'127.0.0.1',port:${port},rejectUnauthorized:false},()=>s.end());s.on('error',()=>{});s.on('close',()=>{});s.resume();`;
      await run(process.execPath, ['-e', script], { env: childEnv({ NODE_OPTIONS: `--tls-keylog=${keylog}` }) });
    });
    expect(existsSync(keylog) && readFileSync(keylog, 'utf8')).toMatch(/^CLIENT_HANDSHAKE_TRAFFIC_SECRET /m);
  });

  it('on Node 17+ the lowered minimum is used only with @SECLEVEL=0 in ciphers (the note the message adds for such targets)', async () => {
    // A server that speaks TLS 1.0 only; the client process has --tls-min-v1.0 in NODE_OPTIONS.
    const connect = (ciphers: string | undefined) =>
      withServer({ ...pki.leaf, minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: L0 }, async (port) => {
        const options = JSON.stringify({ host: LOOPBACK, port, rejectUnauthorized: false, ...(ciphers ? { ciphers } : {}) });
        const script = `const s=require('tls').connect(${options},()=>{console.log(s.getProtocol());s.end()});s.on('error',(e)=>console.log(e.code));`;
        return (await run(process.execPath, ['-e', script], { env: childEnv({ NODE_OPTIONS: '--tls-min-v1.0' }) })).stdout.trim();
      });
    expect(await connect(undefined)).toBe('ERR_SSL_LEGACY_SIGALG_DISALLOWED_OR_UNSUPPORTED');
    expect(await connect(L0)).toBe('TLSv1');
  });
});

describe('no-insecure-tls-env execArgv: a weakening TLS flag in execArgv changes the defaults of every connection of the new process', () => {
  it('fork() with execArgv --tls-min-v1.0 gives the child tls.DEFAULT_MIN_VERSION TLSv1', async () => {
    const file = join(pki.dir, 'child.cjs');
    writeFileSync(file, `${PRINT.replace('console.log(', 'process.send(')};`);
    const got = await new Promise<unknown>((resolve, reject) => {
      const child = fork(file, [], { execArgv: ['--tls-min-v1.0'], env: childEnv({}) });
      child.once('message', (m) => resolve(JSON.parse(String(m))));
      child.once('error', reject);
    });
    expect(got).toEqual(['TLSv1', 'TLSv1.3', expect.any(String)]);
  });
});

describe('no-legacy-tls-api legacyApi: the catalogued APIs are deprecated or removed in the Node versions the message names', () => {
  it('on Node 20: tls.createSecurePair still exists (removed in 24) and warns DEP0064; parseCertString, convertNPNProtocols, CryptoStream, crypto.createCredentials are gone', async () => {
    const node = Number(process.versions.node.split('.')[0]);
    expect(node).toBeLessThan(24);
    const script =
      "const tls=require('tls'),c=require('crypto');process.on('warning',w=>console.log(w.code));tls.createSecurePair();setImmediate(()=>console.log(JSON.stringify([typeof tls.parseCertString,typeof tls.convertNPNProtocols,typeof tls.CryptoStream,typeof c.createCredentials,typeof c.Credentials])))";
    const { stdout } = await run(process.execPath, ['-e', script], { env: childEnv({}) });
    const lines = stdout.trim().split('\n');
    expect(lines).toContain('DEP0064');
    expect(JSON.parse(lines.at(-1)!)).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined']);
  });
});

describe('no-legacy-tls-api legacyApi (pair): a client-side SecurePair verifies neither the chain nor the hostname, even with rejectUnauthorized', () => {
  it('createSecurePair(context, false, true, true) completes the handshake with a self-signed server and reports no error', async () => {
    const script = `process.noDeprecation=true;const tls=require('tls'),net=require('net');
      const raw=net.connect(PORT,'127.0.0.1',()=>{const pair=tls.createSecurePair(tls.createSecureContext({}),false,true,true);
        raw.pipe(pair.encrypted);pair.encrypted.pipe(raw);
        pair.on('error',e=>{console.log('error '+(e.code||e.message));process.exit(0)});
        pair.on('secure',()=>setTimeout(()=>{console.log('secure');process.exit(0)},100));
        pair.cleartext.on('data',()=>{});pair.cleartext.write('hi');});`;
    await withServer({ ...pki.stranger }, async (port) => {
      const { stdout } = await run(process.execPath, ['-e', script.replace('PORT', String(port))], { env: childEnv({}) });
      expect(stdout.trim()).toBe('secure');
    });
  });
});

describe("no-legacy-tls-api internalModule: _tls_wrap is Node's internal TLS implementation", () => {
  it('require("_tls_wrap") loads on Node 20 (no warning there: DEP0192 starts in 22.17/24.2) and its TLSSocket is tls.TLSSocket', () => {
    expect((require('_tls_wrap') as { TLSSocket: unknown }).TLSSocket).toBe(tls.TLSSocket);
  });
});

describe('prefer-secure-context handRolled: hand-set TLS options silently lose what the factory sets together (a private CA set by hand drops the public roots)', () => {
  it('a hand-written ca replaces the public roots; secureClientOptions({ extraCa }) keeps them and adds the CA, sets SNI and TLS 1.2+', async () => {
    const byHand = tls.createSecureContext({ ca: pki.ca });
    const built = secureClientOptions({ host: 'localhost', extraCa: pki.ca });
    expect(built).toMatchObject({ servername: 'localhost', minVersion: 'TLSv1.2' });
    expect(built.rejectUnauthorized).not.toBe(false);
    // What each context trusts: a connection with only the private CA reaches a server it signed, and
    // the hand-made context's trust is exactly that CA (no public root is in it).
    await withServer({ ...pki.leaf }, async (port, sni) => {
      expect(await probe({ ...built, host: LOOPBACK, port } as tls.ConnectionOptions)).toMatchObject({ ok: true, authorized: true });
      expect(await probe({ host: LOOPBACK, port, secureContext: byHand })).toMatchObject({ ok: true, authorized: true });
      expect(sni[0]).toBe('localhost');
    });
    const ca = (built as { ca?: unknown; secureContext?: unknown }).ca;
    if (ca !== undefined) expect(([] as string[]).concat(ca as string[]).length).toBeGreaterThan(tls.rootCertificates.length);
  });
});

describe('no-insecure-tls-config reject-unauthorized: NODE_TLS_REJECT_UNAUTHORIZED=0 from a config file reaches the client connections of the process that do not set rejectUnauthorized', () => {
  it('a process started with it accepts a self-signed server without the option and refuses it with rejectUnauthorized: true', async () => {
    await withServer({ ...pki.stranger }, async (port) => {
      const script = `const tls=require('tls');const go=(x)=>new Promise(r=>{const s=tls.connect({host:'127.0.0.1',port:${port},...x},()=>{s.destroy();r('ok')});s.on('error',e=>r(e.code))});(async()=>console.log(JSON.stringify([await go({}),await go({rejectUnauthorized:true})])))();`;
      const { stdout } = await run(process.execPath, ['-e', script], { env: childEnv({ NODE_TLS_REJECT_UNAUTHORIZED: '0' }) });
      expect(JSON.parse(stdout)).toEqual(['ok', 'DEPTH_ZERO_SELF_SIGNED_CERT']);
    });
  });
});

describe('no-insecure-tls-config node-options: a weakening TLS flag in NODE_OPTIONS changes the defaults of every connection of the processes it reaches', () => {
  it('NODE_OPTIONS=--tls-min-v1.0 gives tls.DEFAULT_MIN_VERSION TLSv1', async () => {
    expect(JSON.parse((await run(process.execPath, ['-e', PRINT], { env: childEnv({ NODE_OPTIONS: '--tls-min-v1.0' }) })).stdout)).toEqual([
      'TLSv1',
      'TLSv1.3',
      expect.any(String),
    ]);
  });
});

describe('no-insecure-tls-config node-flag: a weakening TLS flag on the node command line changes the defaults of every connection of that process', () => {
  it('node --tls-max-v1.2 gives tls.DEFAULT_MAX_VERSION TLSv1.2', async () => {
    expect(JSON.parse((await run(process.execPath, ['--tls-max-v1.2', '-e', PRINT], { env: childEnv({}) })).stdout)).toEqual([
      'TLSv1.2',
      'TLSv1.2',
      expect.any(String),
    ]);
  });
});
