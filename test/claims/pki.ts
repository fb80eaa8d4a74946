/**
 * Certificates for the claim tests, made by openssl in a temp dir (compiled-in defaults:
 * `OPENSSL_CONF=/dev/null`), and a server helper that always closes. Loopback only.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as tls from 'node:tls';
import { startTlsServer } from '../runtime/loopback.js';

export interface KeyPair {
  readonly key: string;
  readonly cert: string;
}

export interface ClaimsPki {
  /** The CA that signed every leaf. */
  readonly ca: string;
  /** CN=localhost, SAN IP:127.0.0.1 and DNS:localhost. */
  readonly leaf: KeyPair;
  /** A valid chain for another name only: SAN DNS:other.example. */
  readonly other: KeyPair;
  /** A client certificate signed by the CA. */
  readonly client: KeyPair;
  /** A client certificate signed by nobody the server trusts (self-signed). */
  readonly stranger: KeyPair;
  /** A 1024-bit Diffie-Hellman group (PEM). */
  readonly dh1024: string;
  /** Runs `openssl ...args` in `dir` (compiled-in defaults), for keys and parameters of a test's own. */
  openssl(...args: string[]): void;
  /**
   * Signs `<name>.key` (already in `dir`) with the CA: CN `cn` (default localhost), the given extensions (default
   * SAN IP:127.0.0.1 and DNS:localhost), digest `md` (default sha256), by the CA whose `<ca>.pem` / `<ca>.key` are in `dir`
   * (default the claims CA, `ca`). Returns the key pair.
   */
  signKey(name: string, options?: { md?: string; ext?: string; cn?: string; ca?: string }): KeyPair;
  readonly dir: string;
  cleanup(): void;
}

export function makePki(): ClaimsPki {
  const dir = mkdtempSync(join(tmpdir(), 'tlsguard-claims-'));
  const run = (...args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, OPENSSL_CONF: '/dev/null' } });
  };
  run('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '2', '-subj', '/CN=claims CA', '-keyout', 'ca.key', '-out', 'ca.pem');
  const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
  const pair = (n: string): KeyPair => ({ key: read(`${n}.key`), cert: read(`${n}.pem`) });
  const signKey = (
    name: string,
    {
      md = 'sha256',
      ext = 'subjectAltName=IP:127.0.0.1,DNS:localhost',
      cn = 'localhost',
      ca = 'ca',
    }: { md?: string; ext?: string; cn?: string; ca?: string } = {},
  ): KeyPair => {
    writeFileSync(join(dir, `${name}.ext`), `${ext}\nbasicConstraints=CA:FALSE\n`);
    run('req', '-new', '-key', `${name}.key`, '-subj', `/CN=${cn}`, '-out', `${name}.csr`);
    run(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      `${ca}.pem`,
      '-CAkey',
      `${ca}.key`,
      '-CAcreateserial',
      `-${md}`,
      '-days',
      '2',
      '-extfile',
      `${name}.ext`,
      '-out',
      `${name}.pem`,
    );
    return pair(name);
  };
  const signed = (name: string, cn: string, ext: string): void => {
    run('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', `${name}.key`);
    signKey(name, { cn, ext });
  };
  signed('leaf', 'localhost', 'subjectAltName=IP:127.0.0.1,DNS:localhost');
  signed('other', 'other.example', 'subjectAltName=DNS:other.example');
  signed('client', 'client', 'extendedKeyUsage=clientAuth');
  run('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '2', '-subj', '/CN=stranger', '-keyout', 'stranger.key', '-out', 'stranger.pem');
  run('dhparam', '-dsaparam', '-out', 'dh1024.pem', '1024');
  return {
    openssl: run,
    signKey,
    ca: read('ca.pem'),
    leaf: pair('leaf'),
    other: pair('other'),
    client: pair('client'),
    stranger: pair('stranger'),
    dh1024: read('dh1024.pem'),
    dir,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs `fn` with a {@link startTlsServer} server on 127.0.0.1 and closes it afterwards. */
export async function withServer<T>(options: tls.TlsOptions, fn: (port: number, sni: ReadonlyArray<string | false>) => Promise<T>): Promise<T> {
  const server = await startTlsServer(options);
  try {
    return await fn(server.port, server.sni);
  } finally {
    await server.close();
  }
}
