// Environment variables Node reads at start-up (NODE_EXTRA_CA_CERTS, and NODE_TLS_REJECT_UNAUTHORIZED
// set before the process starts) can only be tested in a fresh process. The runtime and the policy
// are transpiled to plain JS in a temp dir (TypeScript's transpileModule; no type check) and a
// child `node` runs a probe script against a server on 127.0.0.1 in this process.
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRootsSource } from '../../src/runtime/index.js';
import { startTlsServer, type RunningServer } from './loopback.js';
import { hasOpenSsl, makeTestPki, type TestPki } from './pki.js';

const OPENSSL = hasOpenSsl();
const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function transpileDir(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    if (entry.isDirectory()) {
      transpileDir(source, join(to, entry.name));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.test.ts')) {
      const out = ts.transpileModule(readFileSync(source, 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
        fileName: source,
      });
      mkdirSync(to, { recursive: true });
      writeFileSync(join(to, entry.name.replace(/\.ts$/, '.js')), out.outputText);
    }
  }
}

// The probe: three handshakes with the factory, one plain, each reported as "ok" or the error code.
const PROBE = `
import tls from 'node:tls';
const runtime = await import(process.argv[2]);
const port = Number(process.argv[3]);
const foreignCa = process.argv[4];
const attempt = (options) => new Promise((resolve) => {
  const socket = tls.connect(options, () => { socket.destroy(); resolve('ok'); });
  socket.on('error', (e) => resolve(e.code ?? e.message));
});
process.emitWarning = () => {};
const out = {
  source: runtime.defaultRootsSource(),
  factoryDefaults: await attempt(runtime.secureClientOptions({ host: 'localhost', port })),
  factoryExtraCa: await attempt(runtime.secureClientOptions({ host: 'localhost', port, extraCa: foreignCa })),
  plain: await attempt({ host: 'localhost', port }),
};
process.stdout.write(JSON.stringify(out));
`;

interface ProbeResult {
  source: string;
  factoryDefaults: string;
  factoryExtraCa: string;
  plain: string;
}

describe.skipIf(!OPENSSL)('start-up environment variables (child process)', () => {
  let pki: TestPki;
  let server: RunningServer;
  let runtimeUrl: string;
  let probePath: string;

  beforeAll(async () => {
    pki = makeTestPki();
    const out = join(pki.dir, 'js');
    transpileDir(join(SRC, 'runtime'), join(out, 'runtime'));
    transpileDir(join(SRC, 'policy'), join(out, 'policy'));
    writeFileSync(join(out, 'package.json'), '{"type":"module"}\n');
    probePath = join(out, 'probe.mjs');
    writeFileSync(probePath, PROBE);
    runtimeUrl = pathToFileURL(join(out, 'runtime', 'index.js')).href;
    server = await startTlsServer({ ...pki.localhost });
    writeFileSync(join(pki.dir, 'ca-only.pem'), pki.ca.cert);
  });

  afterAll(async () => {
    await server?.close();
    pki?.dispose();
  });

  const runProbe = (env: Record<string, string>): Promise<ProbeResult> =>
    new Promise((resolve, reject) => {
      const childEnv: Record<string, string> = { PATH: process.env.PATH ?? '', ...env };
      execFile(
        process.execPath,
        [probePath, runtimeUrl, String(server.port), pki.foreignCa.cert],
        { env: childEnv, timeout: 15_000 },
        (error, stdout, stderr) => {
          if (error) reject(new Error(`probe failed: ${error.message}\n${stderr}`));
          else resolve(JSON.parse(stdout) as ProbeResult);
        },
      );
    });

  it('NODE_EXTRA_CA_CERTS: kept by the factory without extraCa; with extraCa only where Node has getCACertificates', async () => {
    const result = await runProbe({ NODE_EXTRA_CA_CERTS: join(pki.dir, 'ca-only.pem') });
    expect(result.source).toBe(defaultRootsSource());
    expect(result.plain).toBe('ok'); // control: the variable took effect
    expect(result.factoryDefaults).toBe('ok');
    if (result.source === 'rootCertificates') {
      // Node 20: extraCa is added to tls.rootCertificates, which lacks NODE_EXTRA_CA_CERTS (documented)
      expect(result.factoryExtraCa).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    } else {
      expect(result.factoryExtraCa).toBe('ok');
    }
  });

  it('NODE_TLS_REJECT_UNAUTHORIZED=0 from process start: the factory still verifies', async () => {
    const result = await runProbe({ NODE_TLS_REJECT_UNAUTHORIZED: '0' });
    expect(result.plain).toBe('ok'); // control: a plain client accepts the untrusted certificate
    expect(result.factoryDefaults).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    expect(result.factoryExtraCa).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });
});
