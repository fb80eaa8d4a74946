/**
 * nodeFacts('16.20.2') and the other facts the rules use for Node <= 16, against what the Node 16
 * binary itself reports (test/harness/legacy-node.ts): its OpenSSL, tls.DEFAULT_MIN_VERSION /
 * DEFAULT_MAX_VERSION / DEFAULT_CIPHERS, its default security level (handshakes between two Node 16
 * ends on 127.0.0.1, certificates from test/claims/pki.ts), tls.createSecurePair, `--use-system-ca`
 * and NODE_USE_SYSTEM_CA.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_VERSION, NODE_DEFAULT_CIPHERS, nodeFacts } from '../../src/policy/index.js';
import { LEGACY_NODE, LEGACY_NODE_VERSION, runOnLegacyNode, skipWithoutLegacyNode } from '../harness/legacy-node.js';
import { makePki, type ClaimsPki, type KeyPair } from '../claims/pki.js';

const skip = skipWithoutLegacyNode();
const facts = nodeFacts(LEGACY_NODE_VERSION);

/** Runs `expr` (a JSON-able expression) on Node 16. */
const on16 = (expr: string): unknown => JSON.parse(runOnLegacyNode(`process.stdout.write(JSON.stringify(${expr}))`));

/** Handshakes between a Node 16 server and a Node 16 client, in one Node 16 process; each case gives the protocol or the error code. */
const HANDSHAKES = String.raw`
const tls = require('tls');
const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const one = ({ server, client }) => new Promise((resolve) => {
  let srv;
  try {
    srv = tls.createServer(server, (s) => { s.on('error', () => {}); s.end('ok\n'); });
  } catch (e) {
    return resolve({ server: e.code || e.message });
  }
  srv.on('tlsClientError', () => {});
  srv.listen(0, '127.0.0.1', () => {
    const done = (r) => { c.destroy(); srv.close(() => resolve(r)); };
    const c = tls.connect({ host: '127.0.0.1', port: srv.address().port, ...client }, () => c.once('data', () => done({ protocol: c.getProtocol() })));
    c.on('error', (e) => done({ error: e.code || e.message }));
  });
});
(async () => {
  const out = [];
  for (const c of cases) out.push(await one(c));
  process.stdout.write(JSON.stringify(out));
})();
`;

describe.skipIf(skip)(`nodeFacts('${LEGACY_NODE_VERSION}') agrees with Node ${LEGACY_NODE_VERSION}`, () => {
  let pki: ClaimsPki;
  let rsa1024: KeyPair;
  let rsa768: KeyPair;

  beforeAll(() => {
    pki = makePki();
    const leaf = (bits: number): KeyPair => {
      pki.openssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${bits}`, '-out', `rsa${bits}.key`);
      return pki.signKey(`rsa${bits}`, { ext: 'subjectAltName=IP:127.0.0.1' });
    };
    rsa1024 = leaf(1024);
    rsa768 = leaf(768);
  });
  afterAll(() => pki?.cleanup());

  it(`OpenSSL family '${facts.opensslFamily}' (${facts.opensslVersion})`, () => {
    const openssl = on16('process.versions.openssl') as string;
    expect(facts.opensslFamily).toBe('1.1');
    expect(openssl.startsWith(`${facts.opensslVersion}`)).toBe(true);
  });

  it('tls.DEFAULT_MIN_VERSION, DEFAULT_MAX_VERSION and DEFAULT_CIPHERS', () => {
    expect(on16('[tls.DEFAULT_MIN_VERSION, tls.DEFAULT_MAX_VERSION]'.replace(/tls\./g, "require('tls')."))).toEqual([
      facts.defaultMinVersion,
      DEFAULT_MAX_VERSION,
    ]);
    // evaluateCipherString('') reads NODE_DEFAULT_CIPHERS for every target: Node 16's list is the same.
    expect(on16("require('tls').DEFAULT_CIPHERS")).toBe(NODE_DEFAULT_CIPHERS);
  });

  it(`default security level ${facts.defaultSecurityLevel}; TLS 1.0 between two Node 16 ends needs no @SECLEVEL=0 (legacyTlsNeedsSecLevel0: ${facts.legacyTlsNeedsSecLevel0})`, () => {
    const tls10 = { minVersion: 'TLSv1', maxVersion: 'TLSv1' };
    const cases = [
      // TLS 1.0 at the default level, then with @SECLEVEL=0 on both ends.
      { server: { ...pki.leaf, ...tls10 }, client: { ca: pki.ca, ...tls10 } },
      { server: { ...pki.leaf, ...tls10, ciphers: 'DEFAULT:@SECLEVEL=0' }, client: { ca: pki.ca, ...tls10, ciphers: 'DEFAULT:@SECLEVEL=0' } },
      // A 1024-bit RSA key (80-bit security): accepted at the default level, refused at level 2.
      { server: { ...rsa1024 }, client: { ca: pki.ca } },
      { server: { ...rsa1024 }, client: { ca: pki.ca, ciphers: 'DEFAULT:@SECLEVEL=2' } },
      // A 768-bit RSA key: a Node 16 server refuses to load it at the default level (and, since Node 16
      // sets the certificate before the cipher string, even with @SECLEVEL=0 in `ciphers`).
      { server: { ...rsa768 }, client: { ca: pki.ca } },
      { server: { ...rsa768, ciphers: 'DEFAULT:@SECLEVEL=0' }, client: { ca: pki.ca, ciphers: 'DEFAULT:@SECLEVEL=0' } },
    ];
    const out = JSON.parse(runOnLegacyNode(HANDSHAKES, JSON.stringify(cases))) as Record<string, string>[];
    expect(out[0]).toEqual({ protocol: 'TLSv1' });
    expect(out[1]).toEqual({ protocol: 'TLSv1' });
    expect(facts.legacyTlsNeedsSecLevel0).toBe(false);
    // Level >= 1 (768-bit refused), < 2 (1024-bit accepted): 1.
    expect(out[2]).toEqual({ protocol: 'TLSv1.3' });
    expect(out[3]).toHaveProperty('error');
    expect(out[4]).toEqual({ server: 'ERR_SSL_EE_KEY_TOO_SMALL' });
    expect(out[5]).toEqual({ server: 'ERR_SSL_EE_KEY_TOO_SMALL' });
    expect(facts.defaultSecurityLevel).toBe(1);
  });

  it(`tls.createSecurePair exists (hasCreateSecurePair: ${facts.hasCreateSecurePair}) and warns DEP0064`, () => {
    expect(on16("typeof require('tls').createSecurePair")).toBe(facts.hasCreateSecurePair ? 'function' : 'undefined');
    const warned = spawnSync(LEGACY_NODE as string, ['-e', "require('tls').createSecurePair()"], { encoding: 'utf8' });
    expect(warned.stderr).toMatch(/\[DEP0064\] DeprecationWarning: tls\.createSecurePair\(\) is deprecated/);
  });

  it(`--use-system-ca is not a flag (hasUseSystemCaFlag: ${facts.hasUseSystemCaFlag}); NODE_USE_SYSTEM_CA is not read (hasNodeUseSystemCa: ${facts.hasNodeUseSystemCa})`, () => {
    const flag = spawnSync(LEGACY_NODE as string, ['--use-system-ca', '-e', '0'], { encoding: 'utf8' });
    expect(flag.status).not.toBe(0);
    expect(flag.stderr).toMatch(/bad option: --use-system-ca/);
    expect(facts.hasUseSystemCaFlag).toBe(false);
    // Node reads its environment variables by name from C++: the binary holds NODE_EXTRA_CA_CERTS
    // and no NODE_USE_SYSTEM_CA.
    const binary = readFileSync(LEGACY_NODE as string);
    expect(binary.includes('NODE_EXTRA_CA_CERTS')).toBe(true);
    expect(binary.includes('NODE_USE_SYSTEM_CA')).toBe(false);
    expect(facts.hasNodeUseSystemCa).toBe(false);
  });
});
