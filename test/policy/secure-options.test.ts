import { constants } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SECURE_OPTION_BITS, SSL_OP_ALL, analyzeSecureOptions } from '../../src/policy/index.js';

const names = (bits: readonly { name: string }[]): string[] => bits.map((b) => b.name);

describe('SECURE_OPTION_BITS', () => {
  it('has the values of crypto.constants for every name Node exports', () => {
    const exported = SECURE_OPTION_BITS.filter((b) => b.exportedByNode);
    const nodeNames = Object.keys(constants).filter((k) => k.startsWith('SSL_OP_') && k !== 'SSL_OP_ALL' && k !== 'SSL_OP_NO_SSLv2');
    expect(names(exported).sort()).toEqual(nodeNames.sort());
    for (const b of exported) expect(b.value, b.name).toBe(constants[b.name as keyof typeof constants]);
    expect(SSL_OP_ALL).toBe(constants.SSL_OP_ALL);
  });

  it('holds distinct single bits, ascending', () => {
    const values = SECURE_OPTION_BITS.map((b) => b.value);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(new Set(values).size).toBe(values.length);
    for (const v of values) expect(Math.log2(v) % 1).toBe(0);
  });

  it('classifies per node-tls.md 1.9', () => {
    const verdict = (n: string): string | undefined => SECURE_OPTION_BITS.find((b) => b.name === n)?.verdict;
    expect(names(SECURE_OPTION_BITS.filter((b) => b.verdict === 'weakens'))).toEqual([
      'SSL_OP_NO_EXTENDED_MASTER_SECRET',
      'SSL_OP_LEGACY_SERVER_CONNECT',
      'SSL_OP_ALLOW_NO_DHE_KEX',
      'SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS',
      'SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION',
      'SSL_OP_NO_ENCRYPT_THEN_MAC',
      'SSL_OP_NO_TLSv1_2',
      'SSL_OP_NO_TLSv1_3',
    ]);
    expect(verdict('SSL_OP_NO_SSLv3')).toBe('legacy-hardening');
    expect(verdict('SSL_OP_NO_TLSv1')).toBe('legacy-hardening');
    expect(verdict('SSL_OP_NO_TLSv1_1')).toBe('legacy-hardening');
    expect(verdict('SSL_OP_NO_RENEGOTIATION')).toBe('hardening');
    expect(verdict('SSL_OP_NO_TICKET')).toBe('hardening');
    expect(verdict('SSL_OP_CIPHER_SERVER_PREFERENCE')).toBe('neutral');
    expect(verdict('SSL_OP_NO_COMPRESSION')).toBe('neutral');
    // Shown to change nothing on Node (test/claims/secure-options.test.ts), or not shown to weaken.
    expect(verdict('SSL_OP_IGNORE_UNEXPECTED_EOF')).toBe('neutral');
    expect(verdict('SSL_OP_TLS_ROLLBACK_BUG')).toBe('neutral');
  });
});

describe('analyzeSecureOptions', () => {
  it('decodes a mask into weakening bits, disabled versions and known bits', () => {
    const r = analyzeSecureOptions(constants.SSL_OP_NO_TLSv1 | constants.SSL_OP_NO_TLSv1_1 | constants.SSL_OP_LEGACY_SERVER_CONNECT);
    expect(names(r.weakening)).toEqual(['SSL_OP_LEGACY_SERVER_CONNECT']);
    expect(r.disabledVersions).toEqual(['TLSv1', 'TLSv1.1']);
    expect(names(r.known)).toEqual(['SSL_OP_LEGACY_SERVER_CONNECT', 'SSL_OP_NO_TLSv1', 'SSL_OP_NO_TLSv1_1']);
    expect(r.unknownBits).toEqual([]);
  });

  it('reports TLS 1.2/1.3 switched off as weakening', () => {
    const r = analyzeSecureOptions(constants.SSL_OP_NO_TLSv1_3 | constants.SSL_OP_NO_TLSv1_2);
    expect(names(r.weakening)).toEqual(['SSL_OP_NO_TLSv1_2', 'SSL_OP_NO_TLSv1_3']);
    expect(r.disabledVersions).toEqual(['TLSv1.2', 'TLSv1.3']);
  });

  it('decodes SSL_OP_ALL (bit 31 included, no sign trouble)', () => {
    const r = analyzeSecureOptions(constants.SSL_OP_ALL);
    expect(names(r.known)).toEqual([
      'SSL_OP_TLSEXT_PADDING',
      'SSL_OP_SAFARI_ECDHE_ECDSA_BUG',
      'SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS',
      'SSL_OP_CRYPTOPRO_TLSEXT_BUG',
    ]);
    expect(names(r.weakening)).toEqual(['SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS']);
  });

  it('harmless masks give nothing weak', () => {
    const r = analyzeSecureOptions(constants.SSL_OP_NO_RENEGOTIATION | constants.SSL_OP_NO_TICKET | constants.SSL_OP_CIPHER_SERVER_PREFERENCE);
    expect(r.weakening).toEqual([]);
    expect(r.disabledVersions).toEqual([]);
    expect(names(r.known)).toEqual(['SSL_OP_NO_TICKET', 'SSL_OP_CIPHER_SERVER_PREFERENCE', 'SSL_OP_NO_RENEGOTIATION']);
    expect(analyzeSecureOptions(0)).toEqual({ weakening: [], disabledVersions: [], known: [], unknownBits: [] });
  });

  it('reads bits above 31 and negative masks as 64-bit, and ignores non-integers', () => {
    expect(analyzeSecureOptions(2 ** 40 + 4).unknownBits).toEqual([40]);
    expect(names(analyzeSecureOptions(2 ** 40 + 4).weakening)).toEqual(['SSL_OP_LEGACY_SERVER_CONNECT']);
    const all = analyzeSecureOptions(-1);
    expect(all.known.length).toBe(SECURE_OPTION_BITS.length);
    expect(all.unknownBits).toEqual([5, ...Array.from({ length: 32 }, (_, i) => 32 + i)]);
    expect(analyzeSecureOptions(1.5)).toEqual({ weakening: [], disabledVersions: [], known: [], unknownBits: [] });
    expect(analyzeSecureOptions(Number.NaN).known).toEqual([]);
  });
});
