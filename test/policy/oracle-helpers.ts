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

/** mulberry32: small deterministic PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
