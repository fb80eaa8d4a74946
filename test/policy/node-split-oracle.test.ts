/**
 * How Node splits a `ciphers` string (node-releases.ts SPLITS_NEGATED_TLS13), against real Node
 * binaries of the versions around the change: what each one's client offers in its ClientHello, or
 * the error its createSecureContext throws, must be what the policy predicts from that version's
 * facts (evaluateCipherString(s, evaluateOptionsOf(nodeFacts(v))), then offeredSuites). Node 16
 * has its own oracle (node16-oracle.test.ts). `.ci/legacy-node.mjs` (run by .ci/run) fetches the
 * versions of .ci/node-versions.json; in CI a missing one fails the run.
 */
import { describe, expect, it } from 'vitest';
import { evaluateCipherString, evaluateOptionsOf, nodeFacts, offeredSuites } from '../../src/policy/index.js';
import { SPLIT_ORACLE_VERSIONS, cachedNode } from '../harness/legacy-node.js';
import { generateNodeCipherStrings, legacyNodeOffered, type LegacyOffer } from './oracle-helpers.js';

const HAND_PICKED = [
  'TLS_AES_256_GCM_SHA384:!TLS_CHACHA20_POLY1305_SHA256',
  'TLS_AES_256_GCM_SHA384:!TLS_CHACHA20_POLY1305_SHA256:ECDHE-RSA-AES128-GCM-SHA256',
  'TLS_AES_128_GCM_SHA256:!TLS_CHACHA20_POLY1305_SHA256:TLS_RSA_WITH_AES_128_CBC_SHA',
  'HIGH:!TLS_AES_128_GCM_SHA256',
  '!TLS_AES_128_GCM_SHA256:HIGH',
  'TLS_RSA_WITH_AES_128_CBC_SHA:TLS_AES_128_GCM_SHA256',
  'TLS_FOO:TLS_AES_128_GCM_SHA256:AES128-SHA',
];

/** The policy's prediction of a Node client's ClientHello (defaults: TLS 1.2 - 1.3, level 1), as a sorted set. */
function predicted(spec: string, version: string): LegacyOffer {
  const facts = nodeFacts(version);
  const e = evaluateCipherString(spec, evaluateOptionsOf(facts));
  if (e.error) return { error: e.error };
  const offered = offeredSuites(e, { family: facts.opensslFamily, securityLevel: facts.defaultSecurityLevel });
  return { suites: offered.map((s) => (s.protocol === 'TLSv1.3' ? s.iana : s.name)).sort() };
}

/** Compared as sets: where OpenSSL 3 writes a TLS <= 1.2 suite named in the TLS 1.3 half is not what this oracle is about. */
const asSet = (o: LegacyOffer | undefined): LegacyOffer | undefined => (o && 'suites' in o ? { suites: [...o.suites].sort() } : o);

const specs = [...HAND_PICKED, ...generateNodeCipherStrings(600, 0x1899)];

for (const version of SPLIT_ORACLE_VERSIONS) {
  const binary = cachedNode(version);
  describe.skipIf(!binary)(`the cipher policy for Node ${version} vs its ClientHello`, () => {
    it(`${specs.length} strings: the same suites in the same order, the same errors (splitsNegatedTls13: ${nodeFacts(version).splitsNegatedTls13})`, () => {
      const real = legacyNodeOffered(
        specs.map((s) => ({ ciphers: s })),
        binary,
      );
      // The measured boundary itself: `!TLS_` alone in the TLS <= 1.2 list matches nothing (nodejs/node#49699).
      expect(real[0]).toEqual(nodeFacts(version).splitsNegatedTls13 ? { suites: ['TLS_AES_256_GCM_SHA384'] } : { error: 'ERR_SSL_NO_CIPHER_MATCH' });
      const mismatches = specs.flatMap((s, k) => {
        const a = JSON.stringify(predicted(s, version));
        const b = JSON.stringify(asSet(real[k]));
        return a === b ? [] : [`${JSON.stringify(s)}\n  policy: ${a}\n  Node:   ${b}`];
      });
      expect(mismatches.slice(0, 5).join('\n')).toBe('');
    }, 60_000);
  });
}
