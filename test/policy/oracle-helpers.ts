/** Shared helpers for the OpenSSL oracle tests (not a test file). */
import { execFile, execFileSync } from 'node:child_process';
import { CIPHER_SUITES } from '../../src/policy/index.js';
import { ALIASES } from '../../src/policy/ciphers/model.js';
import { runOnLegacyNode } from '../harness/legacy-node.js';
import { prng } from '../harness/prng.js';

export function hasOpenSSL(): boolean {
  try {
    return /^OpenSSL 3\./.test(execFileSync('openssl', ['version'], { encoding: 'utf8' }));
  } catch {
    return false;
  }
}

export type OpenSSLResult = { kind: 'list'; names: string[] } | { kind: 'invalid-command' } | { kind: 'no-cipher-match' };

/** `openssl ciphers` for one TLS <= 1.2 rule string (TLS 1.3 suites suppressed). */
export function opensslCiphers(spec: string, extraArgs: readonly string[] = []): Promise<OpenSSLResult> {
  return new Promise((resolve, reject) => {
    execFile(
      'openssl',
      ['ciphers', ...extraArgs, '-ciphersuites', '', '--', spec],
      { encoding: 'utf8', env: { ...process.env, OPENSSL_CONF: '/dev/null' } },
      (err, stdout, stderr) => {
        if (!err) return resolve({ kind: 'list', names: stdout.trim().split(':').filter(Boolean) });
        if (/invalid command/.test(stderr)) return resolve({ kind: 'invalid-command' });
        if (/no cipher match/.test(stderr)) return resolve({ kind: 'no-cipher-match' });
        reject(new Error(`openssl ciphers ${JSON.stringify(spec)} failed: ${stderr}`));
      },
    );
  });
}

/** Runs `fn` over `items` with at most `limit` in flight, keeping order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

const PY_DRIVER = String.raw`
import json, ssl, sys
specs = json.load(sys.stdin)
out = []
ctx = None
for spec in specs:
    # SUITEB* prefixes leave Suite B flags on the context: start fresh after them.
    if ctx is None or spec.startswith('SUITEB'):
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    try:
        ctx.set_ciphers(spec)
        out.append([c['name'] for c in ctx.get_ciphers() if c['protocol'] != 'TLSv1.3'])
    except ssl.SSLError:
        out.append(None)
        ctx = None
    if spec.startswith('SUITEB'):
        ctx = None
json.dump(out, sys.stdout)
`;

/** Python's ssl module, when it is linked against OpenSSL 3 (a fast in-process driver of the same libssl). */
export function pythonOpenSSL3(): boolean {
  try {
    const v = execFileSync('python3', ['-c', 'import ssl; print(ssl.OPENSSL_VERSION)'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const cli = execFileSync('openssl', ['version'], { encoding: 'utf8' });
    // Same library version as the CLI oracle, so both answer for the same OpenSSL.
    return /^OpenSSL 3\.\S+/.exec(v)?.[0] === /^OpenSSL 3\.\S+/.exec(cli)?.[0];
  } catch {
    return false;
  }
}

/**
 * SSL_CTX_set_cipher_list + SSL_get_ciphers for many strings in one Python
 * process. `null` marks a rejected string (Python does not say why).
 */
export function pythonCipherLists(specs: readonly string[]): (string[] | null)[] {
  const out = execFileSync('python3', ['-c', PY_DRIVER], {
    input: JSON.stringify(specs),
    encoding: 'utf8',
    env: { ...process.env, OPENSSL_CONF: '/dev/null' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out) as (string[] | null)[];
}

/**
 * What no-weak-cipher says about `ciphers: spec` for the Node running the tests (settings.tlsguard.node
 * is its own version unless `node` says otherwise): the weak suites it names (at most 3, the message's
 * "and N more" expanded to a count), or [] when it reports no weak suite. `securityLevel: 0` is the
 * rule option; `extra` is more source text for the option bag (`minVersion: 'TLSv1', `).
 */
export async function ruleVerdict(
  specs: readonly string[],
  securityLevel?: number,
  node: string = process.versions.node,
  extra = '',
): Promise<{ names: string[]; total: number }[]> {
  const { Linter } = await import('eslint');
  const { default: rule } = await import('../../rules/no-weak-cipher.js');
  const linter = new Linter();
  const config = {
    files: ['**/*.js'],
    plugins: { tlsguard: { rules: { 'no-weak-cipher': rule } } },
    rules: { 'tlsguard/no-weak-cipher': ['error', securityLevel === undefined ? {} : { securityLevel }] },
    settings: { tlsguard: { node } },
  } as never;
  return specs.map((spec) => {
    const code = `const tls = require('node:tls');\ntls.createServer({ ${extra}ciphers: ${JSON.stringify(spec)} });\n`;
    const messages = linter.verify(code, config, 'oracle.js');
    for (const m of messages) if (m.fatal) throw new Error(`${spec}: ${m.message}`);
    const weak = messages.find((m) => m.messageId === 'weakCiphers');
    if (!weak) return { names: [], total: 0 };
    const match = /offer (\d+) weak cipher suites?[^(]* \(.*?\): (.*?)( and \d+ more)?\. If one/.exec(weak.message);
    if (!match) throw new Error(`unexpected message: ${weak.message}`);
    return { names: (match[2] ?? '').split(', '), total: Number(match[1]) };
  });
}

/** The weak suites (policy `recommended`) among `names`, in order: what a message should name. */
export async function expectedVerdict(names: readonly string[]): Promise<{ names: string[]; total: number }> {
  const { suiteByName, suiteByIana, weaknessReasons } = await import('../../src/policy/index.js');
  const weak = names.filter((n) => {
    const s = suiteByName(n) ?? suiteByIana(n);
    if (!s) throw new Error(`unknown suite ${n}`);
    return weaknessReasons(s, 'recommended').length > 0;
  });
  return { names: weak.slice(0, 3), total: weak.length };
}

/** `openssl ciphers -s -v` for a TLS <= 1.2 rule string: the suites OpenSSL would really use (after the security level); [] when it rejects the string. */
export function opensslSupported(spec: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile(
      'openssl',
      ['ciphers', '-s', '-v', '-ciphersuites', '', '--', spec],
      { encoding: 'utf8', env: { ...process.env, OPENSSL_CONF: '/dev/null' } },
      (err, stdout, stderr) => {
        if (!err)
          return resolve(
            stdout
              .split('\n')
              .map((l) => l.trim().split(/\s+/)[0] ?? '')
              .filter(Boolean),
          );
        if (/invalid command|no cipher match/.test(stderr)) return resolve([]);
        reject(new Error(`openssl ciphers -s ${JSON.stringify(spec)} failed: ${stderr}`));
      },
    );
  });
}

/**
 * The cipher_suites code points of the ClientHello at the start of `buf`, or undefined while its
 * first record is incomplete. Self-contained (no closures, no imports): the Node 16 driver
 * (legacyNodeOffered) runs its source text on that Node.
 */
export function clientHelloSuites(buf: Buffer): number[] | undefined {
  if (buf.length < 5) return undefined;
  const recordLength = buf.readUInt16BE(3);
  if (buf.length < 5 + recordLength) return undefined;
  // Not a handshake record: the client had no suite to offer and sent an alert instead.
  if (buf.readUInt8(0) !== 22) return [];
  // record header 5, handshake header 4, version 2, random 32, session id, cipher suites.
  let p = 5 + 4 + 2 + 32;
  p += 1 + buf.readUInt8(p);
  const n = buf.readUInt16BE(p);
  const ids: number[] = [];
  for (let i = 0; i < n; i += 2) ids.push(buf.readUInt16BE(p + 2 + i));
  return ids;
}

/** What a Node 16 client did with one set of context options: the error createSecureContext threw, or the suites its ClientHello offered. */
export type LegacyOffer = { readonly error: string } | { readonly suites: readonly string[] };

const LEGACY_DRIVER = (parser: string): string => String.raw`
const net = require('net');
const tls = require('tls');
${parser}
const jobs = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const listen = () => new Promise((resolve) => {
  const server = net.createServer((sock) => {
    let buf = Buffer.alloc(0);
    let answered = false;
    const answer = (ids) => {
      if (answered) return;
      answered = true;
      const done = server.waiting;
      server.waiting = undefined;
      if (done) done(ids);
    };
    sock.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      const ids = clientHelloSuites(buf);
      if (!ids) return;
      sock.destroy();
      answer(ids);
    });
    // A client that gives up before sending anything offers nothing.
    sock.on('close', () => answer([]));
    sock.on('error', () => undefined);
  });
  server.listen(0, '127.0.0.1', () => resolve(server));
});
async function offer(server, options) {
  let secureContext;
  try {
    secureContext = tls.createSecureContext(options);
  } catch (e) {
    return { error: e.code || e.message };
  }
  const ids = await new Promise((resolve) => {
    server.waiting = resolve;
    const c = tls.connect({ port: server.address().port, host: '127.0.0.1', secureContext, rejectUnauthorized: false });
    c.on('error', () => undefined);
  });
  return { ids };
}
(async () => {
  // A few servers, one client in flight on each: thousands of ClientHellos take seconds.
  const servers = await Promise.all([1, 2, 3, 4, 5, 6].map(listen));
  const out = new Array(jobs.length);
  let next = 0;
  await Promise.all(servers.map(async (server) => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await offer(server, jobs[i]);
    }
    server.close();
  }));
  process.stdout.write(JSON.stringify(out));
})();
`;

/**
 * What the Node 16 binary (test/harness/legacy-node.ts) offers for each set of client context
 * options, in ONE Node 16 process (or one process of `binary`): createSecureContext(options) (its error code when it throws),
 * then a tls.connect client with that context against a plain TCP server on 127.0.0.1 that reads
 * the ClientHello's cipher_suites and closes. Suites by OpenSSL name (TLS 1.3 ones by IANA name),
 * the renegotiation SCSV left out.
 */
export function legacyNodeOffered(jobs: readonly Readonly<Record<string, unknown>>[], binary?: string): LegacyOffer[] {
  const byId = new Map(CIPHER_SUITES.map((s) => [s.id, s.protocol === 'TLSv1.3' ? s.iana : s.name]));
  const raw = JSON.parse(runOnLegacyNode(LEGACY_DRIVER(clientHelloSuites.toString()), JSON.stringify(jobs), binary)) as (
    { error: string } | { ids: number[] }
  )[];
  return raw.map((r) =>
    'error' in r ? { error: r.error } : { suites: r.ids.filter((id) => id !== 0x00ff).map((id) => byId.get(id) ?? `0x${id.toString(16)}`) },
  );
}

/**
 * The cipher suites a Node client really offers with `ciphers: spec`, read from its ClientHello by
 * a plain TCP server on 127.0.0.1 (no handshake is completed). [] when Node refuses the string.
 * TLS 1.3 suites included; the renegotiation SCSV is left out.
 */
export async function nodeOffered(specs: readonly string[]): Promise<string[][]> {
  const net = await import('node:net');
  const tls = await import('node:tls');
  const byId = new Map(CIPHER_SUITES.map((s) => [s.id, s.protocol === 'TLSv1.3' ? s.iana : s.name]));
  let onHello: (ids: number[]) => void = () => undefined;
  const server = net.createServer((sock) => {
    let buf = Buffer.alloc(0);
    sock.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      const ids = clientHelloSuites(buf);
      if (!ids) return;
      sock.destroy();
      onHello(ids);
    });
    sock.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  const out: string[][] = [];
  try {
    for (const spec of specs) {
      let context: import('node:tls').SecureContext;
      try {
        context = tls.createSecureContext({ ciphers: spec });
      } catch {
        out.push([]);
        continue;
      }
      const ids = await new Promise<number[]>((resolve) => {
        onHello = resolve;
        const c = tls.connect({ port, host: '127.0.0.1', secureContext: context, rejectUnauthorized: false });
        c.on('error', () => undefined);
      });
      out.push(ids.filter((id) => id !== 0x00ff).map((id) => byId.get(id) ?? `0x${id.toString(16)}`));
    }
  } finally {
    server.close();
  }
  return out;
}

/**
 * `count` cipher strings from `seed`: aliases, suite names (OpenSSL 3's and the legacy ones), unknown
 * words, `@STRENGTH` / `@SECLEVEL=n`, broken entries, `+` joins, prefixes and the separators OpenSSL
 * accepts. Shared by the OpenSSL 3 oracles and the Node 16 one (node16-oracle.test.ts).
 */
export function generateCipherStrings(count: number, seed: number): string[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const aliases = [...ALIASES.keys()];
  const openssl3Names = CIPHER_SUITES.filter((s) => s.inOpenSSL3 && s.protocol !== 'TLSv1.3').map((s) => s.name);
  const legacyNames = CIPHER_SUITES.filter((s) => !s.inOpenSSL3).map((s) => s.name);
  const unknown = ['FOO', 'aes', 'TLSv1.3', 'TLS_AES_128_GCM_SHA256', 'kECDH', 'EXPORT56', 'GOST', 'SUITEB128', 'DEFAULT', 'ALL2'];
  const specials = ['@STRENGTH', '@SECLEVEL=0', '@SECLEVEL=1', '@SECLEVEL=3', '@SECLEVEL=5'];
  const broken = [
    '@SECLEVEL=6',
    '@FOO',
    'AES/GCM',
    'AES_x',
    '!',
    'AES+',
    'HIGH++SHA',
    '!-AES',
    '-',
    '@',
    '@STRENGTH+AES',
    '@SECLEVEL=05',
    'AES+-SHA1',
    'TLSv1.2+AES128-SHA256',
    'kRSA+aRSA+AES128+SHA',
  ];
  const seps = [':', ':', ':', ':', ',', ' ', ';', '::'];
  const word = (): string => {
    const r = rnd();
    if (r < 0.55) return pick(aliases);
    if (r < 0.85) return pick(openssl3Names);
    if (r < 0.93) return pick(legacyNames);
    return pick(unknown);
  };
  const specs: string[] = [];
  for (let n = 0; n < count; n++) {
    const parts: string[] = [];
    if (rnd() < 0.12) parts.push(rnd() < 0.8 ? 'DEFAULT' : pick(['SUITEB128', 'SUITEB192', 'SUITEB128ONLY', 'SUITEB128C2']));
    const len = 1 + Math.floor(rnd() * 6);
    for (let k = 0; k < len; k++) {
      const r = rnd();
      if (r < 0.08) {
        parts.push(pick(specials));
        continue;
      }
      if (r < 0.1) {
        parts.push(pick(broken));
        continue;
      }
      const prefix = pick(['', '', '', '!', '-', '+']);
      let term = word();
      const joins = rnd() < 0.3 ? 1 + Math.floor(rnd() * 2) : 0;
      for (let j = 0; j < joins; j++) term += `+${word()}`;
      parts.push(prefix + term);
    }
    let spec = parts[0] ?? 'ALL';
    for (const p of parts.slice(1)) spec += pick(seps) + p;
    specs.push(spec);
  }
  return specs;
}

/**
 * `count` Node `ciphers` strings from `seed` for the error checks: aliases, OpenSSL and IANA suite
 * names (so `TLS_` entries of every kind), unknown `TLS_` and plain words, `@` commands, and the
 * prefixes and separators, a few hand-picked strings first.
 */
export function generateNodeCipherStrings(count: number, seed: number): string[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const words = [
    ...ALIASES.keys(),
    ...CIPHER_SUITES.map((s) => s.name),
    ...CIPHER_SUITES.map((s) => s.iana),
    'TLS_FOO',
    'FOO',
    '@SECLEVEL=0',
    '@SECLEVEL=2',
    '@STRENGTH',
    '@SECLEVEL=9',
    'AES/GCM',
    'DEFAULT',
  ];
  const specs = ['', ':', 'TLS_AES_128_CCM_SHA256', '!TLS_AES_128_GCM_SHA256:HIGH', 'HIGH:TLS_FOO', 'RC4-SHA', 'FOO', 'HIGH,TLS_AES_128_GCM_SHA256'];
  for (let n = 0; n < count; n++) {
    const parts = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(['', '', '!', '-', '+']) + pick(words));
    specs.push(parts.join(pick([':', ':', ',', ' '])));
  }
  return specs;
}
