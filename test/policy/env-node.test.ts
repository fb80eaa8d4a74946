// What the config-file rule claims about NODE_TLS_REJECT_UNAUTHORIZED and Node's TLS flags, proven on
// the Node that runs the tests: a child `node` (started with the environment or flags a config file
// would give it) connects to a server on 127.0.0.1 whose certificate it does not trust.
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disablesVerification, judgeEnvSetting } from '../../src/policy/index.js';
import { startTlsServer, type RunningServer } from '../runtime/loopback.js';
import { makeTestPki, type TestPki } from '../runtime/pki.js';

const CONNECT = `
const tls = require('node:tls');
process.emitWarning = () => {};
const s = tls.connect({ host: '127.0.0.1', port: Number(process.argv[1]), servername: 'localhost' }, () => { s.destroy(); console.log('ok'); });
s.on('error', (e) => console.log(e.code));
`;

function child(args: readonly string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...args], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 15_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(stdout.trim());
    });
  });
}

describe('NODE_TLS_REJECT_UNAUTHORIZED and TLS flags in a fresh process', () => {
  let pki: TestPki;
  let server: RunningServer;
  beforeAll(async () => {
    pki = makeTestPki();
    server = await startTlsServer({ ...pki.localhost });
  });
  afterAll(async () => {
    await server?.close();
    pki?.dispose();
  });

  const connect = (value: string | undefined): Promise<string> =>
    child(['-e', CONNECT, String(server.port)], value === undefined ? {} : { NODE_TLS_REJECT_UNAUTHORIZED: value });

  it("only the exact string '0' turns verification off ('0 ' is what cmd.exe's `set VAR=0 && x` sets)", async () => {
    expect(await connect(undefined)).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    for (const value of ['0', '0 ', ' 0', '"0"', '00', 'false', '']) {
      const outcome = await connect(value);
      expect(outcome, JSON.stringify(value)).toBe(disablesVerification(value) ? 'ok' : 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
      expect(judgeEnvSetting('NODE_TLS_REJECT_UNAUTHORIZED', value)?.kind === 'reject-unauthorized').toBe(value === '0');
    }
  });

  const defaults = "const t=require('node:tls');console.log(t.DEFAULT_MIN_VERSION,t.DEFAULT_MAX_VERSION,t.DEFAULT_CIPHERS)";
  it('node flags apply before the script and in NODE_OPTIONS; after the script they are its arguments', async () => {
    expect(await child(['--tls-min-v1.0', '-e', defaults], {})).toMatch(/^TLSv1 TLSv1\.3 /);
    expect(await child(['-e', defaults, '--tls-max-v1.2'], {})).toMatch(/^TLSv1\.2 TLSv1\.2 /);
    expect(await child(['-e', defaults, '--', '--tls-max-v1.2'], {})).toMatch(/^TLSv1\.2 TLSv1\.3 /);
    expect(await child(['--tls-cipher-list', 'AES128-SHA', '-e', defaults], {})).toBe('TLSv1.2 TLSv1.3 AES128-SHA');
    expect(await child(['-e', defaults], { NODE_OPTIONS: '--max-old-space-size=64 --tls-min-v1.1' })).toMatch(/^TLSv1\.1 TLSv1\.3 /);
  });
});
