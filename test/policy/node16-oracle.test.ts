/**
 * The cipher policy for family '1.1' (Node 10 - 16) against a real Node 16.20.2 (OpenSSL 1.1.1v):
 * what its client offers in the ClientHello for a `ciphers` string must be what
 * offeredSuites(evaluateCipherString(s), { family: '1.1', ... }) predicts, in order, and the
 * strings its createSecureContext rejects are the ones the evaluation says OpenSSL 1.1.1 rejects.
 * One Node 16 process answers every string (legacyNodeOffered), in three client set-ups:
 * Node 16's defaults (TLS 1.2 - 1.3), `minVersion: 'TLSv1'` (TLS 1.0 - 1.3: IDEA-CBC-SHA can be
 * offered) and `minVersion: 'TLSv1', maxVersion: 'TLSv1.1'` (no TLS 1.2 or 1.3 suites at all).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateCipherString, evaluateOptionsOf, nodeFacts, offeredSuites } from '../../src/policy/index.js';
import { LEGACY_NODE_VERSION, skipWithoutLegacyNode } from '../harness/legacy-node.js';
import { expectedVerdict, generateCipherStrings, generateNodeCipherStrings, legacyNodeOffered, ruleVerdict, type LegacyOffer } from './oracle-helpers.js';

const skip = skipWithoutLegacyNode();

const MODES = [
  { name: "Node 16's defaults (TLS 1.2 - 1.3)", options: {}, legacyVersions: false, tls11: false },
  { name: "minVersion: 'TLSv1' (TLS 1.0 - 1.3)", options: { minVersion: 'TLSv1' }, legacyVersions: true, tls11: false },
  { name: "minVersion: 'TLSv1', maxVersion: 'TLSv1.1'", options: { minVersion: 'TLSv1', maxVersion: 'TLSv1.1' }, legacyVersions: true, tls11: true },
] as const;
type Mode = (typeof MODES)[number];

/** How Node 16 evaluates a string: OpenSSL 1.1.1, `!TLS_…` entries in the TLS <= 1.2 list. */
const NODE16 = evaluateOptionsOf(nodeFacts(LEGACY_NODE_VERSION));

/** The policy's prediction of the ClientHello: TLS 1.3 suites first (the order OpenSSL writes them), then the TLS <= 1.2 list in order. */
function predicted(spec: string, mode: Mode): LegacyOffer {
  const e = evaluateCipherString(spec, NODE16);
  if (e.error) return { error: e.error };
  const offered = offeredSuites(e, { family: '1.1', legacyVersions: mode.legacyVersions, securityLevel: 1, tls13: !mode.tls11 });
  // A TLS 1.1 ClientHello carries neither TLS 1.3 suites nor those that need TLS 1.2 (a property of the handshake).
  const sendable = mode.tls11 ? offered.filter((s) => s.protocol !== 'TLSv1.2' && s.protocol !== 'TLSv1.3') : offered;
  const tls13 = sendable.filter((s) => s.protocol === 'TLSv1.3').map((s) => s.iana);
  return { suites: [...tls13, ...sendable.filter((s) => s.protocol !== 'TLSv1.3').map((s) => s.name)] };
}

const HAND_PICKED = [
  'ALL',
  'ECDHE:DHE:!aNULL:!MD5',
  'DEFAULT',
  'HIGH',
  'MEDIUM',
  'IDEA',
  'SEED',
  '3DES',
  'RC4',
  'aNULL',
  'eNULL',
  'ALL:@SECLEVEL=0',
  'DEFAULT:@SECLEVEL=0',
  'eNULL:@SECLEVEL=0',
  '@STRENGTH',
  'COMPLEMENTOFALL',
  'ALL:COMPLEMENTOFALL:@SECLEVEL=0',
  'IDEA-CBC-SHA',
  'DES-CBC3-SHA',
  'RC4-SHA:DES-CBC3-SHA:IDEA-CBC-SHA',
  'TLS_AES_128_CCM_SHA256:TLS_AES_128_GCM_SHA256',
  'TLS_FOO:TLS_AES_128_GCM_SHA256',
  'TLS_RSA_WITH_SEED_CBC_SHA:RC4-SHA',
  'TLS_AES_256_GCM_SHA384:!TLS_CHACHA20_POLY1305_SHA256',
  'HIGH:!TLS_AES_128_GCM_SHA256',
];
const GENERATED = 3000;
const GENERATED_NODE = 1500;

if (skip) console.warn('test/policy/node16-oracle: skipped, no Node 16 (run `npm run legacy-node`)');

describe.skipIf(skip)(`cipher policy (family '1.1') vs what a Node ${LEGACY_NODE_VERSION} client offers`, () => {
  const specs = [...HAND_PICKED, ...generateCipherStrings(GENERATED, 0x1616), ...generateNodeCipherStrings(GENERATED_NODE, 0x1617)];
  let real: LegacyOffer[][] = [];

  beforeAll(() => {
    const all = legacyNodeOffered(MODES.flatMap((m) => specs.map((s) => ({ ciphers: s, ...m.options }))));
    real = MODES.map((_m, i) => all.slice(i * specs.length, (i + 1) * specs.length));
  }, 120_000);

  const at = (mode: number, spec: string): LegacyOffer => real[mode]?.[specs.indexOf(spec)] ?? { error: 'missing' };
  const suites = (o: LegacyOffer): readonly string[] => ('suites' in o ? o.suites : []);

  it('the hand-picked strings: no RC4 or 3DES (not compiled in), SEED offered, IDEA-CBC-SHA only when TLS 1.0/1.1 can be negotiated', () => {
    expect(at(0, '3DES')).toEqual({ error: 'ERR_SSL_NO_CIPHER_MATCH' });
    expect(at(0, 'RC4')).toEqual({ error: 'ERR_SSL_NO_CIPHER_MATCH' });
    expect(at(0, 'DES-CBC3-SHA')).toEqual({ error: 'ERR_SSL_NO_CIPHER_MATCH' });
    expect(suites(at(0, 'SEED'))).toEqual([
      'TLS_AES_256_GCM_SHA384',
      'TLS_CHACHA20_POLY1305_SHA256',
      'TLS_AES_128_GCM_SHA256',
      'DHE-RSA-SEED-SHA',
      'DHE-DSS-SEED-SHA',
      'SEED-SHA',
    ]);
    expect(suites(at(0, 'IDEA'))).not.toContain('IDEA-CBC-SHA');
    expect(suites(at(1, 'IDEA'))).toContain('IDEA-CBC-SHA');
    expect(suites(at(2, 'IDEA-CBC-SHA'))).toEqual(['IDEA-CBC-SHA']);
    expect(suites(at(0, 'ALL')).filter((n) => /RC4|DES|IDEA|NULL|ADH|AECDH/.test(n))).toEqual([]);
    expect(suites(at(0, 'ALL:@SECLEVEL=0'))).toContain('ADH-AES256-GCM-SHA384');
    expect(suites(at(0, 'eNULL:@SECLEVEL=0'))).toContain('NULL-SHA256');
    expect(suites(at(0, 'DEFAULT:@SECLEVEL=0')).filter((n) => /NULL/.test(n))).toEqual([]);
    // OpenSSL 1.1.1 refuses a TLS 1.3 name it does not know (OpenSSL 3 skips it).
    expect(at(0, 'TLS_FOO:TLS_AES_128_GCM_SHA256')).toEqual({ error: 'ERR_SSL_NO_CIPHER_MATCH' });
    for (const [i, mode] of MODES.entries()) {
      for (const s of HAND_PICKED) expect(at(i, s), `${mode.name}: ${JSON.stringify(s)}`).toEqual(predicted(s, mode));
    }
  });

  for (const [i, mode] of MODES.entries()) {
    it(`${GENERATED + GENERATED_NODE} generated strings, ${mode.name}: the same suites in the same order, the same errors`, () => {
      const mismatches: string[] = [];
      const kinds: Record<string, number> = {};
      specs.forEach((s, k) => {
        const theirs = real[i]?.[k];
        const kind = theirs === undefined ? 'missing' : 'error' in theirs ? theirs.error : theirs.suites.length > 0 ? 'list' : 'empty';
        kinds[kind] = (kinds[kind] ?? 0) + 1;
        const a = JSON.stringify(predicted(s, mode));
        const b = JSON.stringify(theirs);
        if (a !== b) mismatches.push(`${JSON.stringify(s)}\n  policy:  ${a}\n  Node 16: ${b}`);
      });
      // The generators reach every outcome, mostly offered lists.
      expect(kinds['list'] ?? 0).toBeGreaterThan(specs.length / 5);
      expect(kinds['ERR_SSL_NO_CIPHER_MATCH'] ?? 0).toBeGreaterThan(20);
      expect(kinds['ERR_SSL_INVALID_COMMAND'] ?? 0).toBeGreaterThan(5);
      expect(mismatches.slice(0, 5).join('\n')).toBe('');
    });
  }

  it('weak suites that are offered only at TLS 1.0/1.1 on Node 16 are reached (IDEA-CBC-SHA), and at level 0 the anonymous and NULL ones', () => {
    const offered = (mode: number): Set<string> => new Set(real[mode]?.flatMap((o) => ('suites' in o ? o.suites : [])));
    expect(offered(0).has('IDEA-CBC-SHA')).toBe(false);
    expect(offered(1).has('IDEA-CBC-SHA')).toBe(true);
    expect(offered(0).has('ADH-SEED-SHA')).toBe(true);
    expect(offered(0).has('NULL-MD5')).toBe(true);
  });
});

/**
 * no-weak-cipher with `settings.tlsguard.node: '16.20.2'` against Node 16's ClientHello: the weak
 * suites it names (and how many) are the weak ones Node 16 really offers, for the strings Node 16
 * accepts; for the strings it rejects, none.
 */
describe.skipIf(skip)(`no-weak-cipher verdicts for Node ${LEGACY_NODE_VERSION} vs its ClientHello`, () => {
  const specs = [...HAND_PICKED, ...generateCipherStrings(1200, 0x16c1)];
  const cases = [
    { name: 'default options', level: undefined, prefix: '', extra: '', options: {} },
    { name: "minVersion: 'TLSv1'", level: undefined, prefix: '', extra: "minVersion: 'TLSv1', ", options: { minVersion: 'TLSv1' } },
    { name: 'securityLevel: 0', level: 0, prefix: '@SECLEVEL=0:', extra: '', options: {} },
  ] as const;
  for (const c of cases) {
    it(`${specs.length} strings, ${c.name}`, async () => {
      const usable = c.prefix ? specs.filter((s) => !/^(DEFAULT|SUITEB)/.test(s)) : specs;
      const offered = legacyNodeOffered(usable.map((s) => ({ ciphers: c.prefix + s, ...c.options })));
      const ours = await ruleVerdict(usable, c.level, LEGACY_NODE_VERSION, c.extra);
      const mismatches: string[] = [];
      const rejectedButReported: string[] = [];
      let weak = 0;
      for (const [k, s] of usable.entries()) {
        const o = offered[k];
        if (!o || 'error' in o) {
          if ((ours[k]?.total ?? 0) > 0) rejectedButReported.push(s);
          continue;
        }
        const expected = await expectedVerdict(o.suites);
        if (expected.total > 0) weak++;
        if (JSON.stringify(ours[k]) !== JSON.stringify(expected))
          mismatches.push(`${JSON.stringify(s)}\n  rule:    ${JSON.stringify(ours[k])}\n  Node 16: ${JSON.stringify(expected)}`);
      }
      expect(weak).toBeGreaterThan(20);
      expect(mismatches.slice(0, 5).join('\n')).toBe('');
      // A string Node 16 rejects offers nothing, and the rule (evaluating it as Node 16 does) says so.
      expect(rejectedButReported).toEqual([]);
    }, 120_000);
  }
});
