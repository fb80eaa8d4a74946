/**
 * The Node release facts (src/policy/node-releases.ts) and the OpenSSL 1.1 suite data, checked
 * against their sources: OpenSSL 1.1.1's documented cipher-suite names (fixture), the running
 * Node for its own line, and the values the release notes give.
 */
import { readFileSync } from 'node:fs';
import * as tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import {
  CIPHER_SUITES,
  FACT_BOUNDARIES,
  SUPPORTED_NODE_RANGE,
  currentTarget,
  newestMajorOf,
  nodeFacts,
  opensslFamilies,
  parseNodeVersion,
  targetOf,
} from '../../src/policy/index.js';

describe('nodeFacts', () => {
  it.each([
    ['10.24.1', '1.1', 1, 'TLSv1', false, true],
    ['11.15.0', '1.1', 1, 'TLSv1', false, true],
    ['12.0.0', '1.1', 1, 'TLSv1.2', false, true],
    ['16.20.2', '1.1', 1, 'TLSv1.2', false, true],
    ['17.0.0', '3', 1, 'TLSv1.2', true, true],
    ['20.20.2', '3', 1, 'TLSv1.2', true, true],
    ['22.22.0', '3', 1, 'TLSv1.2', true, true],
    ['24.0.0', '3', 1, 'TLSv1.2', true, false],
    ['24.4.1', '3', 1, 'TLSv1.2', true, false],
    ['24.5.0', '3', 2, 'TLSv1.2', true, false],
    ['26.3.1', '3', 2, 'TLSv1.2', true, false],
  ] as const)('%s: OpenSSL %s, level %d, DEFAULT_MIN_VERSION %s, legacy TLS needs level 0: %s, createSecurePair: %s', (v, family, level, min, needs0, pair) => {
    const f = nodeFacts(v);
    expect([f.opensslFamily, f.defaultSecurityLevel, f.defaultMinVersion, f.legacyTlsNeedsSecLevel0, f.hasCreateSecurePair]).toEqual([
      family,
      level,
      min,
      needs0,
      pair,
    ]);
  });

  it('system CA: --use-system-ca on every platform from 23.9, NODE_USE_SYSTEM_CA in 22.19+ and 24.6+', () => {
    const flags = (v: string): [boolean, boolean] => [nodeFacts(v).hasUseSystemCaFlag, nodeFacts(v).hasNodeUseSystemCa];
    expect(flags('20.20.2')).toEqual([false, false]);
    expect(flags('22.18.0')).toEqual([false, false]);
    expect(flags('22.19.0')).toEqual([false, true]);
    expect(flags('23.9.0')).toEqual([true, false]);
    expect(flags('24.5.0')).toEqual([true, false]);
    expect(flags('24.6.0')).toEqual([true, true]);
  });

  it('agrees with the Node running the tests', () => {
    const f = currentTarget().versions[0]!;
    expect(f.opensslFamily).toBe(process.versions.openssl.startsWith('3.') ? '3' : '1.1');
    expect(f.defaultMinVersion).toBe(tls.DEFAULT_MIN_VERSION);
    expect(f.hasCreateSecurePair).toBe(typeof (tls as { createSecurePair?: unknown }).createSecurePair === 'function');
    expect(process.versions.openssl.startsWith(f.opensslVersion)).toBe(true);
  });

  it('lists every boundary once, ascending', () => {
    const sorted = [...FACT_BOUNDARIES].sort((a, b) => {
      const x = parseNodeVersion(a);
      const y = parseNodeVersion(b);
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
    });
    expect(FACT_BOUNDARIES).toEqual(sorted);
    expect(new Set(FACT_BOUNDARIES).size).toBe(FACT_BOUNDARIES.length);
    expect(FACT_BOUNDARIES).toContain('17.0.0');
    expect(FACT_BOUNDARIES).toContain('24.5.0');
  });

  it('names the supported lines of 2026-12 and the families of a target', () => {
    expect(SUPPORTED_NODE_RANGE).toBe('^22.0.0 || ^24.0.0 || ^26.0.0');
    const t = targetOf(['14.0.0', '16.20.2', '17.0.0', '24.5.0']);
    expect(opensslFamilies(t)).toEqual(['1.1', '3']);
    expect(newestMajorOf(t, '1.1')).toBe(16);
    expect(() => parseNodeVersion('20')).toThrow(/not a Node version/);
  });
});

describe('the OpenSSL 1.1 suite data against OpenSSL 1.1.1 ciphers(1) "CIPHER SUITE NAMES"', () => {
  const lines = readFileSync(new URL('./fixtures/openssl-1.1.1-cipher-suite-names.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
  /** Specification name -> OpenSSL name, from the manual (SSL_ and bare PSK/CCM names as TLS_ names). */
  const documented = new Map<string, string>();
  for (const l of lines) {
    if (l.startsWith('## ')) continue;
    const [spec, name] = l.split(' ') as [string, string];
    if (name === '-') continue;
    const iana = spec.startsWith('SSL_') ? `TLS_${spec.slice(4)}` : spec.startsWith('TLS_') ? spec : `TLS_${spec}`;
    documented.set(iana, name);
  }

  it('reads the fixture (193 implemented pairs)', () => {
    expect(documented.get('TLS_RSA_WITH_SEED_CBC_SHA')).toBe('SEED-SHA');
    expect(documented.size).toBe(193);
  });

  it('every TLS <= 1.2 suite compiled into Node 10 - 16 is documented under the same two names', () => {
    const compiled = CIPHER_SUITES.filter((s) => s.inOpenSSL11 && s.protocol !== 'TLSv1.3');
    const names = new Set(documented.values());
    const missing = compiled.filter((s) => !names.has(s.name));
    const renamed = compiled.filter((s) => documented.has(s.iana) && documented.get(s.iana) !== s.name);
    // The manual's tables leave out the SRP suites and the TLS 1.2 Camellia-SHA256 ones (RFC 5932);
    // ssl/s3_lib.c of 1.1.1 has them, as OpenSSL 3.0 does (whose `openssl ciphers -V` our rows come from).
    expect(missing.map((s) => s.name)).toEqual([
      'CAMELLIA128-SHA256',
      'DHE-DSS-CAMELLIA128-SHA256',
      'DHE-RSA-CAMELLIA128-SHA256',
      'ADH-CAMELLIA128-SHA256',
      'CAMELLIA256-SHA256',
      'DHE-DSS-CAMELLIA256-SHA256',
      'DHE-RSA-CAMELLIA256-SHA256',
      'ADH-CAMELLIA256-SHA256',
      'SRP-AES-128-CBC-SHA',
      'SRP-RSA-AES-128-CBC-SHA',
      'SRP-DSS-AES-128-CBC-SHA',
      'SRP-AES-256-CBC-SHA',
      'SRP-RSA-AES-256-CBC-SHA',
      'SRP-DSS-AES-256-CBC-SHA',
    ]);
    expect(renamed.map((s) => `${s.iana}: ${s.name} vs ${documented.get(s.iana)}`)).toEqual([]);
  });

  it('the suites 1.1 lacks are the weak-ssl-ciphers ones (RC4, 3DES) and those removed in 1.1.0 (DES, EXPORT, RC2)', () => {
    const absent = CIPHER_SUITES.filter((s) => !s.inOpenSSL11);
    expect([...new Set(absent.map((s) => (s.strength === 'EXPORT' ? 'EXPORT' : s.enc)))].sort()).toEqual(['3DES', 'DES', 'EXPORT', 'RC4']);
    const extra = CIPHER_SUITES.filter((s) => s.inOpenSSL11 && !s.inOpenSSL3).map((s) => s.name);
    expect(extra).toEqual(['IDEA-CBC-SHA', 'SEED-SHA', 'DHE-DSS-SEED-SHA', 'DHE-RSA-SEED-SHA', 'ADH-SEED-SHA']);
    for (const n of extra) expect(documented.has(CIPHER_SUITES.find((s) => s.name === n)!.iana), n).toBe(true);
  });
});
