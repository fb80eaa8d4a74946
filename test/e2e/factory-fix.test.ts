/**
 * End to end: insecure fixture programs are linted, the secure-context suggestion is applied, and
 * the fixed program runs against a real TLS server on 127.0.0.1 whose certificate comes from a
 * private CA. The fixed program must refuse it (even with NODE_TLS_REJECT_UNAUTHORIZED=0) and must
 * connect once that CA is configured through the "trust a private CA" suggestion.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin.js';
import { startHttpsServer, startTlsServer, type RunningServer } from '../runtime/loopback.js';
import { hasOpenSsl, makeTestPki, type TestPki } from '../runtime/pki.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
// Inside the repository, so `tlsguard-runtime` resolves to the built runtime package (the workspace link in node_modules).
const work = `${root}test/.tmp-e2e/`;
const builtRuntime = existsSync(`${root}packages/runtime/dist/index.mjs`);

function suggestionOutput(file: string, messageId: string): string {
  const code = readFileSync(`${root}fixtures/e2e/${file}`, 'utf8');
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, [{ files: ['**/*.*'], ...plugin.configs.recommended }], file);
  const report = messages.find((m) => m.ruleId === 'tlsguard/no-unverified-certificate');
  const suggestion = report?.suggestions?.find((s) => s.messageId === messageId);
  if (!suggestion) throw new Error(`no ${messageId} suggestion for ${file}: ${JSON.stringify(messages)}`);
  const fixed = code.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + code.slice(suggestion.fix.range[1]);
  expect(linter.verify(fixed, [{ files: ['**/*.*'], ...plugin.configs.recommended }], file)).toEqual([]);
  return fixed;
}

async function execute(name: string, source: string, env: Record<string, string>): Promise<string> {
  const path = `${work}${name}`;
  writeFileSync(path, source);
  const { stdout } = await run(process.execPath, [path], {
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 15_000,
  });
  return stdout.trim();
}

describe.skipIf(!hasOpenSsl() || !builtRuntime)('applied factory suggestions against real TLS (needs openssl and `npm run build`)', () => {
  let pki: TestPki;
  let tlsServer: RunningServer;
  let httpsServer: RunningServer;

  beforeAll(async () => {
    mkdirSync(work, { recursive: true });
    pki = makeTestPki();
    tlsServer = await startTlsServer({ key: pki.localhost.key, cert: pki.localhost.cert });
    httpsServer = await startHttpsServer({ key: pki.localhost.key, cert: pki.localhost.cert });
  });

  afterAll(async () => {
    await tlsServer?.close();
    await httpsServer?.close();
    pki?.dispose();
    rmSync(work, { recursive: true, force: true });
  });

  it('the insecure tls.connect program connects to the untrusted server (the bug is real)', async () => {
    const original = readFileSync(`${root}fixtures/e2e/tls-client.mjs`, 'utf8');
    expect(await execute('original.mjs', original, { PORT: String(tlsServer.port) })).toBe('CONNECTED');
  });

  it('secureClientOptions() refuses the untrusted server, even with NODE_TLS_REJECT_UNAUTHORIZED=0', async () => {
    const fixed = suggestionOutput('tls-client.mjs', 'useFactory');
    expect(fixed).toContain("import { secureClientOptions } from 'tlsguard-runtime';");
    const env = { PORT: String(tlsServer.port) };
    expect(await execute('factory.mjs', fixed, env)).toBe('ERROR UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    expect(await execute('factory.mjs', fixed, { ...env, NODE_TLS_REJECT_UNAUTHORIZED: '0' })).toBe('ERROR UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  it('the private-CA suggestion connects once the CA is configured, and only then', async () => {
    const fixed = suggestionOutput('tls-client.mjs', 'useFactoryWithCa');
    const env = { PORT: String(tlsServer.port) };
    expect(await execute('with-ca.mjs', fixed, { ...env, TLS_PRIVATE_CA_PEM: pki.ca.cert })).toBe('CONNECTED');
    expect(await execute('with-ca.mjs', fixed, env)).toBe('ERROR UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    expect(await execute('with-ca.mjs', fixed, { ...env, TLS_PRIVATE_CA_PEM: pki.foreignCa.cert })).toBe('ERROR UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  it('secureAgent() (CommonJS) refuses the untrusted HTTPS server and connects with the CA', async () => {
    const refuse = suggestionOutput('https-agent.cjs', 'useFactory');
    expect(refuse).toContain("const { secureAgent } = require('tlsguard-runtime');");
    const env = { PORT: String(httpsServer.port) };
    expect(await execute('agent.cjs', refuse, env)).toBe('ERROR UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    const trust = suggestionOutput('https-agent.cjs', 'useFactoryWithCa');
    expect(await execute('agent-ca.cjs', trust, { ...env, TLS_PRIVATE_CA_PEM: pki.ca.cert })).toBe('STATUS 200');
  });
});
