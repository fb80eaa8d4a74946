/**
 * no-insecure-tls-config's tool messages: what npm, git, curl and wget do with the settings the rule
 * reports, shown with the tools installed on this machine against HTTPS servers on 127.0.0.1 whose
 * certificates come from CAs the tools do not trust (./pki.ts). Every run has a clean environment
 * (no proxy, no user or system config of the tool, a temp dir as cwd and HOME), so the setting under
 * test is the only difference between a refused and an accepted run. Each acceptance has the refusal
 * without the setting beside it, and each remedy the message names is run too.
 *
 * Outside CI a missing tool skips its block with a warning; in CI (CI=true) nothing skips: .ci/run
 * installs curl, wget and git, and a missing one fails here.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOOPBACK } from '../runtime/loopback.js';
import { makePki, type ClaimsPki, type KeyPair } from './pki.js';

const IN_CI = process.env.CI === 'true';
const has = (tool: string): boolean => spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0;
const warned = new Set<string>();
/** Skip a tool's block only outside CI; in CI a missing tool runs and fails. */
function skipWithout(tool: string): boolean {
  if (IN_CI || has(tool)) return false;
  if (!warned.has(tool)) console.warn(`test/claims/no-insecure-tls-config: ${tool} is missing, so its claim tests are skipped (CI installs it).`);
  warned.add(tool);
  return true;
}

/** What the fake registry serves: a package the tool can only have got from the impostor server. */
const PACKAGE = 'tlsguard-claim-pkg';
const VERSION = '9.8.7';
/** What the fake git server advertises (dumb HTTP: `info/refs` as text). */
const REF_LINE = `${'1'.repeat(40)}\trefs/heads/main`;
const BODY = 'served by 127.0.0.1\n';

interface Server {
  readonly url: string;
  /** Requests that got past the TLS handshake. */
  readonly requests: string[];
  close(): Promise<void>;
}

/** An HTTPS server on 127.0.0.1 that answers as an npm registry, a dumb git remote and a file host. */
async function startServer(pair: KeyPair): Promise<Server> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server = https.createServer({ key: pair.key, cert: pair.cert }, (req, res) => {
    const url = req.url ?? '/';
    requests.push(url);
    if (url === `/${PACKAGE}`) {
      const manifest = { name: PACKAGE, version: VERSION, dist: { tarball: `https://${LOOPBACK}/${PACKAGE}.tgz`, shasum: '0'.repeat(40) } };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ name: PACKAGE, 'dist-tags': { latest: VERSION }, versions: { [VERSION]: manifest } }));
    } else if (url.startsWith('/repo.git/info/refs')) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`${REF_LINE}\n`);
    } else if (url === '/file.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(BODY);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found\n');
    }
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('tlsClientError', () => undefined);
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => resolve((server.address() as AddressInfo).port));
  });
  return {
    url: `https://${LOOPBACK}:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

interface Result {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let work: string;
/** A fresh empty directory (cwd, HOME, npm cache). */
function freshDir(name: string): string {
  return mkdtempSync(join(work, `${name}-`));
}

/**
 * Runs `cmd` asynchronously (the servers live in this process) with only the given environment plus
 * PATH (Node's directory first), a fresh HOME and cwd.
 */
function run(cmd: string, args: readonly string[], env: Record<string, string> = {}, cwd?: string): Promise<Result> {
  const home = freshDir('home');
  const full = { PATH: [dirname(process.execPath), process.env.PATH ?? ''].join(delimiter), HOME: home, ...env };
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: cwd ?? home, env: full, timeout: 30_000, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let pki: ClaimsPki;
/** A second, unrelated CA with its own localhost/127.0.0.1 leaf. */
let pki2: ClaimsPki;
let server: Server;
let server2: Server;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'tlsguard-tools-'));
  pki = makePki();
  pki2 = makePki();
  server = await startServer(pki.leaf);
  server2 = await startServer(pki2.leaf);
  writeFileSync(join(work, 'ca.pem'), pki.ca);
  writeFileSync(join(work, 'ca2.pem'), pki2.ca);
});
afterAll(async () => {
  await server?.close();
  await server2?.close();
  pki?.cleanup();
  pki2?.cleanup();
  if (work) rmSync(work, { recursive: true, force: true });
});
const caFile = (): string => join(work, 'ca.pem');
const ca2File = (): string => join(work, 'ca2.pem');

// ---------------------------------------------------------------------------------------------- curl

describe(
  'no-insecure-tls-config curl-insecure: curl -k / --insecure skips certificate verification, so a server with a certificate from any CA serves the download',
  { skip: skipWithout('curl') },
  () => {
    const curl = (...args: string[]): Promise<Result> => run('curl', ['-q', '-sS', ...args]); // -q: no .curlrc

    it('without the flag curl refuses the untrusted server (exit 60, no request reaches it)', async () => {
      const before = server.requests.length;
      const r = await curl(`${server.url}/file.txt`);
      expect(r.code).toBe(60);
      expect(r.stderr).toMatch(/SSL certificate problem/);
      expect(server.requests.length).toBe(before);
    });

    it.each([['-k'], ['--insecure'], ['-fk']])('with %s it downloads from the untrusted server', async (flag) => {
      expect(await curl(flag, `${server.url}/file.txt`)).toMatchObject({ code: 0, stdout: BODY });
    });

    it('the remedy: --cacert <the CA> verifies and downloads; another CA is still refused', async () => {
      expect(await curl('--cacert', caFile(), `${server.url}/file.txt`)).toMatchObject({ code: 0, stdout: BODY });
      expect((await curl('--cacert', ca2File(), `${server.url}/file.txt`)).code).toBe(60);
    });
  },
);

// ---------------------------------------------------------------------------------------------- wget

describe(
  'no-insecure-tls-config wget-insecure: wget --no-check-certificate skips certificate verification, so a server with a certificate from any CA serves the download',
  { skip: skipWithout('wget') },
  () => {
    const wget = (...args: string[]): Promise<Result> => {
      const rc = join(work, 'empty-wgetrc');
      writeFileSync(rc, '');
      return run('wget', ['-q', '-O', '-', ...args], { WGETRC: rc, SYSTEM_WGETRC: rc });
    };

    it('without the flag wget refuses the untrusted server (exit 5: SSL verification failure)', async () => {
      const before = server.requests.length;
      expect((await wget(`${server.url}/file.txt`)).code).toBe(5);
      expect(server.requests.length).toBe(before);
    });

    it('with --no-check-certificate it downloads from the untrusted server', async () => {
      expect(await wget('--no-check-certificate', `${server.url}/file.txt`)).toMatchObject({ code: 0, stdout: BODY });
    });

    it('the remedy: --ca-certificate=<the CA> verifies and downloads; another CA is still refused', async () => {
      expect(await wget(`--ca-certificate=${caFile()}`, `${server.url}/file.txt`)).toMatchObject({ code: 0, stdout: BODY });
      expect((await wget(`--ca-certificate=${ca2File()}`, `${server.url}/file.txt`)).code).toBe(5);
    });
  },
);

// ----------------------------------------------------------------------------------------------- git

describe(
  'no-insecure-tls-config git-ssl-verify: http.sslVerify=false (git -c, git config, per URL) and GIT_SSL_NO_VERIFY turn off certificate verification for the git HTTPS connections they reach',
  { skip: skipWithout('git') },
  () => {
    /** No system or global config, no prompts. */
    const GIT_ENV = { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0' };
    const git = (args: readonly string[], env: Record<string, string> = {}, cwd?: string): Promise<Result> => run('git', args, { ...GIT_ENV, ...env }, cwd);
    const remote = (): string => `${server.url}/repo.git`;

    it('without a setting git ls-remote refuses the untrusted server (a certificate error, no request reaches it)', async () => {
      const before = server.requests.length;
      const r = await git(['ls-remote', remote()]);
      expect(r.code).toBe(128);
      expect(r.stderr).toMatch(/certificate/i);
      expect(server.requests.length).toBe(before);
    });

    it.each([['http.sslVerify=false'], ['http.sslverify=no'], ['http.sslVerify=0']])(
      'git -c %s ls-remote lists the refs the untrusted server serves',
      async (kv) => {
        expect(await git(['-c', kv, 'ls-remote', remote()])).toMatchObject({ code: 0, stdout: `${REF_LINE}\n` });
      },
    );

    it('per URL: http.<url>.sslVerify=false reaches that URL only', async () => {
      const key = `http.${server.url}/.sslVerify=false`;
      expect(await git(['-c', key, 'ls-remote', remote()])).toMatchObject({ code: 0, stdout: `${REF_LINE}\n` });
      expect((await git(['-c', key, 'ls-remote', `${server2.url}/repo.git`])).code).toBe(128);
    });

    it('git config http.sslVerify false in a repository: ls-remote from it reaches the untrusted server', async () => {
      const repo = freshDir('repo');
      expect((await git(['init', '-q', repo])).code).toBe(0);
      expect((await git(['config', 'http.sslVerify', 'false'], {}, repo)).code).toBe(0);
      expect(await git(['ls-remote', remote()], {}, repo)).toMatchObject({ code: 0, stdout: `${REF_LINE}\n` });
    });

    it.each([['1'], ['0'], ['']])('GIT_SSL_NO_VERIFY=%j (set at all, whatever the value) reaches the untrusted server', async (value) => {
      expect(await git(['ls-remote', remote()], { GIT_SSL_NO_VERIFY: value })).toMatchObject({ code: 0, stdout: `${REF_LINE}\n` });
    });

    it('the remedy: http.sslCAInfo=<the CA> verifies; another CA is still refused', async () => {
      expect(await git(['-c', `http.sslCAInfo=${caFile()}`, 'ls-remote', remote()])).toMatchObject({ code: 0, stdout: `${REF_LINE}\n` });
      expect((await git(['-c', `http.sslCAInfo=${ca2File()}`, 'ls-remote', remote()])).code).toBe(128);
    });
  },
);

// ----------------------------------------------------------------------------------------------- npm

/**
 * npm without this machine's user and global config (a global npmrc may set `cafile`, which is the
 * replaced-roots case and would hide NODE_EXTRA_CA_CERTS), with a fresh cache (no answer kept from an
 * earlier run) and no retries.
 */
function npm(args: readonly string[], env: Record<string, string> = {}, cwd?: string): Promise<Result> {
  const empty = join(work, 'empty-npmrc');
  const emptyGlobal = join(work, 'empty-global-npmrc');
  writeFileSync(empty, '');
  writeFileSync(emptyGlobal, '');
  const base = {
    npm_config_userconfig: empty,
    npm_config_globalconfig: emptyGlobal,
    npm_config_cache: freshDir('npm-cache'),
    npm_config_update_notifier: 'false',
    npm_config_fetch_retries: '0',
  };
  return run('npm', args, { ...base, ...env }, cwd);
}
/** `npm view <the package> version` against `registry`: prints the version only if npm accepted the server. */
const view = (registry: string, extra: readonly string[] = [], env: Record<string, string> = {}, cwd?: string): Promise<Result> =>
  npm(['view', PACKAGE, 'version', '--registry', `${registry}/`, ...extra], env, cwd);
const served = { code: 0, stdout: `${VERSION}\n` };

/** A project directory holding `.npmrc` with `text`. */
function projectWith(npmrc: string): string {
  const dir = freshDir('project');
  writeFileSync(join(dir, '.npmrc'), npmrc);
  return dir;
}

describe(
  'no-insecure-tls-config strict-ssl: strict-ssl=false turns off certificate verification for npm registry connections, so a registry server with a certificate from any CA serves the packages',
  { skip: skipWithout('npm') },
  () => {
    it('without the setting npm refuses the untrusted registry (UNABLE_TO_VERIFY_LEAF_SIGNATURE, no request reaches it)', async () => {
      const before = server.requests.length;
      const r = await view(server.url);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE/);
      expect(server.requests.length).toBe(before);
    });

    it.each([['--strict-ssl=false'], ['--no-strict-ssl']])('npm %s accepts it and shows the package it serves', async (flag) => {
      expect(await view(server.url, [flag])).toMatchObject(served);
    });

    it('npm_config_strict_ssl=false in the environment accepts it', async () => {
      expect(await view(server.url, [], { npm_config_strict_ssl: 'false' })).toMatchObject(served);
    });

    it("strict-ssl=false in the project's .npmrc accepts it (and strict-ssl=true there does not)", async () => {
      expect(await view(server.url, [], {}, projectWith('strict-ssl=false\n'))).toMatchObject(served);
      expect((await view(server.url, [], {}, projectWith('strict-ssl=true\n'))).code).not.toBe(0);
    });

    it('npm config set strict-ssl false, then npm view: accepted', async () => {
      const userconfig = join(freshDir('userconfig'), '.npmrc');
      writeFileSync(userconfig, '');
      expect((await npm(['config', 'set', 'strict-ssl', 'false'], { npm_config_userconfig: userconfig })).code).toBe(0);
      expect(await view(server.url, [], { npm_config_userconfig: userconfig })).toMatchObject(served);
    });

    it('the remedy: NODE_EXTRA_CA_CERTS=<the CA> verifies; another CA is still refused', async () => {
      expect(await view(server.url, [], { NODE_EXTRA_CA_CERTS: caFile() })).toMatchObject(served);
      expect((await view(server.url, [], { NODE_EXTRA_CA_CERTS: ca2File() })).code).not.toBe(0);
    });
  },
);

describe(
  "no-insecure-tls-config replaced-roots: npm's cafile and ca replace the CA certificates npm trusts for the registry: only the CAs they name verify it, not the default roots or NODE_EXTRA_CA_CERTS",
  { skip: skipWithout('npm') },
  () => {
    /**
     * Node's default roots stand in for the public ones: with `--use-openssl-ca` Node takes them from
     * OpenSSL's store, here `SSL_CERT_FILE` = the second CA. `NODE_EXTRA_CA_CERTS` adds the first CA.
     * So without a setting npm trusts both servers: `server2` through the default roots, `server`
     * through NODE_EXTRA_CA_CERTS.
     */
    const trustBoth = (): Record<string, string> => ({ NODE_OPTIONS: '--use-openssl-ca', SSL_CERT_FILE: ca2File(), NODE_EXTRA_CA_CERTS: caFile() });
    /** An .npmrc `ca=` value: the PEM on one line with `\n` escapes, quoted. */
    const caLine = (pem: string): string => `ca="${pem.trim().replace(/\n/g, '\\n')}"\n`;

    it('without a setting npm verifies both registries: the default roots and NODE_EXTRA_CA_CERTS both count', async () => {
      expect(await view(server2.url, [], trustBoth())).toMatchObject(served);
      expect(await view(server.url, [], trustBoth())).toMatchObject(served);
      // Without the stand-ins neither verifies (so each trust above comes from them).
      expect((await view(server2.url)).code).not.toBe(0);
      expect((await view(server.url)).code).not.toBe(0);
    });

    it('cafile=<first CA> in .npmrc: the registry verified by the default roots fails; the cafile CA verifies', async () => {
      const dir = projectWith(`cafile=${caFile()}\n`);
      const refused = await view(server2.url, [], trustBoth(), dir);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE/);
      expect(await view(server.url, [], trustBoth(), dir)).toMatchObject(served);
    });

    it('cafile=<second CA> in .npmrc: the registry verified by NODE_EXTRA_CA_CERTS fails', async () => {
      const dir = projectWith(`cafile=${ca2File()}\n`);
      expect((await view(server.url, [], trustBoth(), dir)).code).not.toBe(0);
      expect(await view(server2.url, [], trustBoth(), dir)).toMatchObject(served);
    });

    it('cafile=<a bundle of both CAs>: both registries verify (a registry fails only when its CA is not in the file)', async () => {
      const bundle = join(freshDir('bundle'), 'both.pem');
      writeFileSync(bundle, `${pki.ca.trim()}\n${pki2.ca.trim()}\n`);
      const dir = projectWith(`cafile=${bundle}\n`);
      expect(await view(server.url, [], trustBoth(), dir)).toMatchObject(served);
      expect(await view(server2.url, [], trustBoth(), dir)).toMatchObject(served);
    });

    it('ca=<PEM> in .npmrc does the same as cafile', async () => {
      const first = projectWith(caLine(pki.ca));
      expect((await view(server2.url, [], trustBoth(), first)).code).not.toBe(0);
      expect(await view(server.url, [], trustBoth(), first)).toMatchObject(served);
      const second = projectWith(caLine(pki2.ca));
      expect((await view(server.url, [], trustBoth(), second)).code).not.toBe(0);
      expect(await view(server2.url, [], trustBoth(), second)).toMatchObject(served);
    });
  },
);
