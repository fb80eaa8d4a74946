// Test PKI made with the openssl CLI in a temp dir: a private CA, leaves signed by it (localhost,
// another host, expired, client), and a leaf from an unrelated CA. Nothing here touches the network.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KeyPair {
  readonly cert: string;
  readonly key: string;
}

export interface TestPki {
  readonly dir: string;
  /** The private CA the tests trust via extraCa. */
  readonly ca: KeyPair;
  /** RSA leaf, SAN DNS:localhost + IP:127.0.0.1 (RSA so the static-RSA-suite server can use it). */
  readonly localhost: KeyPair;
  /** A 1,024-bit RSA leaf for localhost from the private CA (below every profile's minimum). */
  readonly weakRsa: KeyPair;
  /** Leaf for other.example only. */
  readonly otherHost: KeyPair;
  /** Leaf for localhost that expired in 2020. */
  readonly expired: KeyPair;
  /** Client certificate (clientAuth) for mTLS. */
  readonly client: KeyPair;
  /** An unrelated CA and a localhost leaf it signed. */
  readonly foreignCa: KeyPair;
  readonly foreign: KeyPair;
  dispose(): void;
}

/** Whether the openssl CLI can be run. */
export function hasOpenSsl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const CA_CONFIG = `
[ ca ]
default_ca = ca_default
[ ca_default ]
database = index.txt
new_certs_dir = issued
serial = serial
default_md = sha256
policy = policy_any
unique_subject = no
email_in_dn = no
copy_extensions = none
[ policy_any ]
commonName = supplied
[ server_localhost ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost,IP:127.0.0.1
[ server_other ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:other.example
[ client_leaf ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = clientAuth
`;

/** Makes the whole PKI (about 0.5 s, most of it the RSA key). */
export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'tlsguard-runtime-'));
  const run = (args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  };
  const read = (name: string): string => readFileSync(join(dir, name), 'utf8');

  const makeCa = (name: string, cn: string): KeyPair => {
    mkdirSync(join(dir, `${name}-db`, 'issued'), { recursive: true });
    writeFileSync(join(dir, `${name}-db`, 'index.txt'), '');
    writeFileSync(join(dir, `${name}-db`, 'serial'), '1000\n');
    writeFileSync(join(dir, `${name}-db`, 'ca.cnf'), CA_CONFIG);
    run([
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.pem`,
      '-subj',
      `/CN=${cn}`,
      '-days',
      '3',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ]);
    return { cert: read(`${name}.pem`), key: read(`${name}.key`) };
  };

  const issue = (caName: string, leaf: string, opts: { cn: string; ext: string; rsa?: boolean; rsaBits?: number; start?: string; end?: string }): KeyPair => {
    const keyArgs = opts.rsa === true ? ['-newkey', `rsa:${opts.rsaBits ?? 2048}`] : ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'];
    run(['req', ...keyArgs, '-nodes', '-keyout', `${leaf}.key`, '-out', `${leaf}.csr`, '-subj', `/CN=${opts.cn}`]);
    const db = `${caName}-db`;
    const dates = opts.start !== undefined && opts.end !== undefined ? ['-startdate', opts.start, '-enddate', opts.end] : ['-days', '2'];
    execFileSync(
      'openssl',
      [
        'ca',
        '-batch',
        '-notext',
        '-config',
        'ca.cnf',
        '-cert',
        join(dir, `${caName}.pem`),
        '-keyfile',
        join(dir, `${caName}.key`),
        '-in',
        join(dir, `${leaf}.csr`),
        '-out',
        join(dir, `${leaf}.pem`),
        '-extensions',
        opts.ext,
        '-extfile',
        'ca.cnf',
        ...dates,
      ],
      { cwd: join(dir, db), stdio: ['ignore', 'ignore', 'pipe'] },
    );
    return { cert: read(`${leaf}.pem`), key: read(`${leaf}.key`) };
  };

  const ca = makeCa('ca', 'tlsguard test CA');
  const foreignCa = makeCa('foreign-ca', 'unrelated test CA');
  return {
    dir,
    ca,
    foreignCa,
    localhost: issue('ca', 'localhost', { cn: 'localhost', ext: 'server_localhost', rsa: true }),
    weakRsa: issue('ca', 'weak-rsa', { cn: 'localhost', ext: 'server_localhost', rsa: true, rsaBits: 1024 }),
    otherHost: issue('ca', 'other', { cn: 'other.example', ext: 'server_other' }),
    expired: issue('ca', 'expired', {
      cn: 'localhost',
      ext: 'server_localhost',
      start: '20200101000000Z',
      end: '20200201000000Z',
    }),
    client: issue('ca', 'client', { cn: 'tlsguard client', ext: 'client_leaf' }),
    foreign: issue('foreign-ca', 'foreign', { cn: 'localhost', ext: 'server_localhost' }),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
