/** Shared helpers for the OpenSSL oracle tests (not a test file). */
import { execFile, execFileSync } from 'node:child_process';

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
 * is its own version): the weak suites it names (at most 3, the message's "and N more" expanded to
 * a count), or [] when it reports no weak suite. `securityLevel: 0` is the rule option.
 */
export async function ruleVerdict(specs: readonly string[], securityLevel?: number): Promise<{ names: string[]; total: number }[]> {
  const { Linter } = await import('eslint');
  const { default: rule } = await import('../../rules/no-weak-cipher.js');
  const linter = new Linter();
  const config = {
    files: ['**/*.js'],
    plugins: { tlsguard: { rules: { 'no-weak-cipher': rule } } },
    rules: { 'tlsguard/no-weak-cipher': ['error', securityLevel === undefined ? {} : { securityLevel }] },
    settings: { tlsguard: { node: process.versions.node } },
  } as never;
  return specs.map((spec) => {
    const code = `const tls = require('node:tls');\ntls.createServer({ ciphers: ${JSON.stringify(spec)} });\n`;
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
 * The cipher suites a Node client really offers with `ciphers: spec`, read from its ClientHello by
 * a plain TCP server on 127.0.0.1 (no handshake is completed). [] when Node refuses the string.
 * TLS 1.3 suites included; the renegotiation SCSV is left out.
 */
export async function nodeOffered(specs: readonly string[]): Promise<string[][]> {
  const net = await import('node:net');
  const tls = await import('node:tls');
  const { CIPHER_SUITES } = await import('../../src/policy/index.js');
  const byId = new Map(CIPHER_SUITES.map((s) => [s.id, s.protocol === 'TLSv1.3' ? s.iana : s.name]));
  let onHello: (ids: number[]) => void = () => undefined;
  const server = net.createServer((sock) => {
    let buf = Buffer.alloc(0);
    sock.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      if (buf.length < 5) return;
      const recordLength = buf.readUInt16BE(3);
      if (buf.length < 5 + recordLength) return;
      // record header 5, handshake header 4, version 2, random 32, session id, cipher suites.
      let p = 5 + 4 + 2 + 32;
      p += 1 + buf.readUInt8(p);
      const n = buf.readUInt16BE(p);
      const ids: number[] = [];
      for (let i = 0; i < n; i += 2) ids.push(buf.readUInt16BE(p + 2 + i));
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
