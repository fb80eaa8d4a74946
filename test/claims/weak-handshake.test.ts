/**
 * no-weak-cipher weakSigalgs and weakCurves: which `sigalgs` entries and `ecdhCurve` groups the
 * OpenSSL of each Node family really uses, at security levels 0 to 5 (set by the context's
 * `ciphers: '…:@SECLEVEL=n'`), measured on the Node running the tests (OpenSSL 3, Node >= 17) and
 * on Node 16 (OpenSSL 1.1.1, test/harness/legacy-node.ts). Both ends are Node of the same family,
 * servers on 127.0.0.1 only. Each measurement is compared with the verdict the rule uses
 * (src/policy/curves.ts), so a verdict that reports something unusable, or misses something usable,
 * fails here.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weakCurves, weakSigalgs, type HandshakeTarget } from '../../src/policy/index.js';
import { LEGACY_NODE_VERSION, runOnLegacyNode, skipWithoutLegacyNode } from '../harness/legacy-node.js';
import { makePki, type ClaimsPki } from './pki.js';

/** One handshake: the server's options (and which key it has), the client's options. */
interface Case {
  readonly cert: 'rsa' | 'ec' | 'dsa' | 'ec521';
  readonly server: Record<string, unknown>;
  readonly client: Record<string, unknown>;
}
type Outcome = { ok: true; protocol: string; cipher: string; group: string | null } | { ok: false; code: string; side?: 'server-config' | 'client-config' };

/**
 * Runs each case on one Node (CommonJS, Node 16 syntax): a server on 127.0.0.1 with the case's
 * options, a client that connects to it, and what the client saw (the negotiated group from
 * getEphemeralKeyInfo, or the error code; a context Node refuses to build is reported as such).
 */
const PROBE = String.raw`
const tls = require('tls');
const { pki, cases } = JSON.parse(require('fs').readFileSync(0, 'utf8'));
function one(c) {
  return new Promise((resolve) => {
    let server;
    const kp = pki[c.cert];
    const done = (r) => { if (server) server.close(); resolve(r); };
    try {
      server = tls.createServer(Object.assign({ key: kp.key, cert: kp.cert }, kp.ca ? {} : { dhparam: pki.dh }, c.server), (s) => { s.on('error', () => {}); s.end('ok\n'); });
    } catch (e) { return done({ ok: false, side: 'server-config', code: e.code || e.message }); }
    server.on('tlsClientError', () => {});
    server.listen(0, '127.0.0.1', () => {
      let sock;
      try {
        sock = tls.connect(Object.assign({ host: '127.0.0.1', port: server.address().port, ca: kp.ca || pki.ca }, c.client));
      } catch (e) { return done({ ok: false, side: 'client-config', code: e.code || e.message }); }
      sock.on('secureConnect', () => {
        const k = sock.getEphemeralKeyInfo();
        const r = { ok: true, protocol: sock.getProtocol(), cipher: sock.getCipher().name, group: k && k.name ? k.name : null };
        sock.destroy();
        done(r);
      });
      sock.on('error', (e) => { sock.destroy(); done({ ok: false, code: e.code || e.message }); });
    });
  });
}
(async () => {
  const out = [];
  for (const c of cases) out.push(await one(c));
  process.stdout.write(JSON.stringify(out));
})();
`;

/** Which of `names` `tls.createSecureContext({ [option]: name })` accepts. */
const ACCEPTS = String.raw`
const tls = require('tls');
const { option, names } = JSON.parse(require('fs').readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(names.filter((n) => { try { tls.createSecureContext({ [option]: n }); return true; } catch (e) { return false; } })));
`;

interface Runtime {
  readonly label: string;
  readonly family: HandshakeTarget['family'];
  readonly skip: boolean;
  readonly run: (script: string, input: string) => string;
}

const RUNTIMES: readonly Runtime[] = [
  {
    label: `Node ${process.versions.node} (OpenSSL ${process.versions.openssl})`,
    family: '3',
    skip: false,
    run: (script, input) => execFileSync(process.execPath, ['-e', script], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }),
  },
  {
    label: `Node ${LEGACY_NODE_VERSION} (OpenSSL 1.1.1)`,
    family: '1.1',
    skip: skipWithoutLegacyNode(),
    run: (script, input) => runOnLegacyNode(script, input),
  },
];

interface Keys {
  readonly ca: string;
  readonly rsa: { key: string; cert: string };
  readonly ec: { key: string; cert: string };
  readonly dsa: { key: string; cert: string };
  /** A P-521 leaf from a P-521 CA, both signed with SHA-512 (256-bit security: usable at every level up to 5). */
  readonly ec521: { key: string; cert: string; ca: string };
  readonly dh: string;
}

let pki: ClaimsPki;
let keys: Keys;
beforeAll(() => {
  pki = makePki();
  // An ECDSA (P-256) and a DSA (2048-bit) leaf for localhost / 127.0.0.1 from the same CA, and a 2048-bit DH group for DHE-DSS.
  const run = pki.openssl;
  run('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'ec.key');
  run('genpkey', '-genparam', '-algorithm', 'DSA', '-pkeyopt', 'dsa_paramgen_bits:2048', '-out', 'dsa-params.pem');
  run('genpkey', '-paramfile', 'dsa-params.pem', '-out', 'dsa.key');
  for (const k of ['ec', 'dsa']) pki.signKey(k);
  run('dhparam', '-dsaparam', '-out', 'dh2048.pem', '2048');
  run(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-521',
    '-nodes',
    '-sha512',
    '-days',
    '2',
    '-subj',
    '/CN=claims CA P-521',
    '-keyout',
    'ca521.key',
    '-out',
    'ca521.pem',
  );
  run('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-521', '-out', 'ec521.key');
  const ec521 = pki.signKey('ec521', { md: 'sha512', ca: 'ca521' });
  const read = (f: string): string => readFileSync(join(pki.dir, f), 'utf8');
  keys = {
    ca: pki.ca,
    rsa: pki.leaf,
    ec: { key: read('ec.key'), cert: read('ec.pem') },
    dsa: { key: read('dsa.key'), cert: read('dsa.pem') },
    ec521: { ...ec521, ca: read('ca521.pem') },
    dh: read('dh2048.pem'),
  };
}, 120_000);
afterAll(() => pki?.cleanup());

const handshakes = (rt: Runtime, cases: readonly Case[]): Outcome[] => JSON.parse(rt.run(PROBE, JSON.stringify({ pki: keys, cases }))) as Outcome[];
const accepted = (rt: Runtime, option: 'sigalgs' | 'ecdhCurve', names: readonly string[]): string[] =>
  JSON.parse(rt.run(ACCEPTS, JSON.stringify({ option, names }))) as string[];

const LEVELS = [0, 1, 2] as const;
const level = (n: number): string => `@SECLEVEL=${n}`;

describe('no-weak-cipher weakSigalgs: SHA-1 sigalgs entries sign TLS 1.2 handshakes on OpenSSL 1.1.1 (Node <= 16) up to security level 1 and on OpenSSL 3 (Node >= 17) only at level 0; SHA-224 and DSA+SHA256 are used at every level', () => {
  const SHA1 = ['RSA+SHA1', 'ECDSA+SHA1', 'DSA+SHA1', 'rsa_pkcs1_sha1'];
  const OTHERS = ['RSA+SHA224', 'ECDSA+SHA224', 'DSA+SHA224', 'DSA+SHA256', 'RSA+SHA256', 'ECDSA+SHA256'];
  const certOf = (entry: string): Case['cert'] => (entry.startsWith('ECDSA') ? 'ec' : entry.startsWith('DSA') ? 'dsa' : 'rsa');
  // Only (EC)DHE suites: each handshake has a ServerKeyExchange signed with the one entry allowed (no anonymous, no RSA key transport).
  const suites = (n: number): string => `ECDHE:DHE:!aNULL:!eNULL:${level(n)}`;

  for (const rt of RUNTIMES) {
    it.skipIf(rt.skip)(`${rt.label}: which entries sign a handshake, restricted on the client and on the server`, () => {
      const labels: string[] = [];
      const cases: Case[] = [];
      for (const n of LEVELS) {
        for (const entry of [...SHA1, ...OTHERS]) {
          // The end with `sigalgs` runs at level n, the other at 0 so that it is not what refuses.
          labels.push(`L${n} client ${entry}`);
          cases.push({ cert: certOf(entry), server: { ciphers: suites(0), maxVersion: 'TLSv1.2' }, client: { ciphers: suites(n), sigalgs: entry } });
          labels.push(`L${n} server ${entry}`);
          cases.push({ cert: certOf(entry), server: { ciphers: suites(n), maxVersion: 'TLSv1.2', sigalgs: entry }, client: { ciphers: suites(0) } });
        }
      }
      const out = handshakes(rt, cases);
      const measured = Object.fromEntries(out.map((o, i) => [labels[i], o.ok && o.protocol === 'TLSv1.2' && /^(?:ECDHE|DHE)-/.test(o.cipher)]));
      const sha1Usable = (n: number): boolean => n === 0 || (rt.family === '1.1' && n <= 1);
      const expected = Object.fromEntries(labels.map((l) => [l, SHA1.includes(l.split(' ')[2] ?? '') ? sha1Usable(Number(l[1])) : true]));
      expect(measured).toEqual(expected);
      // The verdict reports exactly the SHA-1 entries that were used.
      for (const n of LEVELS) {
        const at = { family: rt.family, securityLevel: n };
        expect(weakSigalgs([...SHA1, ...OTHERS].join(':'), at)).toEqual(sha1Usable(n) ? SHA1 : []);
        for (const entry of SHA1) expect(weakSigalgs(entry, at).length > 0).toBe(measured[`L${n} client ${entry}`]);
      }
    });

    it.skipIf(rt.skip)(`${rt.label}: a list with an entry Node rejects (MD5, unknown spellings, wrong case) throws, and is not judged`, () => {
      const names = [
        ...SHA1,
        ...OTHERS,
        'RSA+SHA384',
        'RSA+SHA512',
        'RSA-PSS+SHA256',
        'PSS+SHA512',
        'rsa_pkcs1_sha224',
        'rsa_pkcs1_sha256',
        'ecdsa_secp256r1_sha256',
        'ecdsa_secp384r1_sha384',
        'rsa_pss_rsae_sha256',
        'rsa_pss_pss_sha256',
        'ed25519',
        'ed448',
        'RSA+MD5',
        'ECDSA+MD5',
        'RSA-PSS+SHA1',
        'ecdsa_sha1',
        'dsa_sha1',
        'dsa_sha256',
        'rsa+sha1',
      ];
      const ok = new Set(accepted(rt, 'sigalgs', names));
      expect([...ok]).not.toContain('RSA+MD5');
      expect([...ok]).toContain('RSA+SHA1');
      // The verdict judges a list (here one with a SHA-1 entry, at level 0) exactly when Node accepts every entry.
      for (const name of names)
        expect({ name, judged: weakSigalgs(`RSA+SHA1:${name}`, { family: rt.family, securityLevel: 0 }).length > 0 }).toEqual({ name, judged: ok.has(name) });
    });
  }
});

describe('no-weak-cipher weakCurves: ecdhCurve groups below 128-bit security are negotiated in TLS 1.2 with a Node peer that has them, on both OpenSSL families: 80-bit curves up to security level 1, 112-bit curves up to level 2; on OpenSSL 3 a TLS 1.3 client with only such groups cannot connect', () => {
  /** Group names and the name getEphemeralKeyInfo reports for them. */
  const WEAK: Readonly<Record<string, string>> = {
    prime192v1: 'prime192v1',
    'P-192': 'prime192v1',
    secp192k1: 'secp192k1',
    secp160k1: 'secp160k1',
    secp160r1: 'secp160r1',
    sect163k1: 'sect163k1',
    'B-163': 'sect163r2',
    sect193r1: 'sect193r1',
    secp224r1: 'secp224r1',
    'P-224': 'secp224r1',
    secp224k1: 'secp224k1',
    sect233k1: 'sect233k1',
    'K-233': 'sect233k1',
    sect239k1: 'sect239k1',
  };
  const STRONG: Readonly<Record<string, string>> = {
    X25519: 'X25519',
    prime256v1: 'prime256v1',
    secp256k1: 'secp256k1',
    brainpoolP256r1: 'brainpoolP256r1',
    secp384r1: 'secp384r1',
    sect283k1: 'sect283k1',
  };

  for (const rt of RUNTIMES) {
    it.skipIf(rt.skip)(`${rt.label}: which groups both ends with only that group negotiate (TLS 1.2), by level`, () => {
      const names = { ...WEAK, ...STRONG, ...(rt.family === '3' ? { secp192r1: 'prime192v1' } : {}) };
      const labels: string[] = [];
      const cases: Case[] = [];
      for (const n of LEVELS) {
        for (const name of Object.keys(names)) {
          const end = { ecdhCurve: name, maxVersion: 'TLSv1.2', ciphers: `DEFAULT:${level(n)}` };
          labels.push(`L${n} ${name}`);
          cases.push({ cert: 'rsa', server: end, client: end });
        }
      }
      const out = handshakes(rt, cases);
      const measured = Object.fromEntries(out.map((o, i) => [labels[i], o.ok && /^ECDHE-/.test(o.cipher) ? o.group : null]));
      // What each group gives: 80-bit curves at levels 0 and 1, 112-bit ones at 0 - 2, the others always. Without a common group the suite has no ECDHE.
      const bits80 = new Set(['prime192v1', 'P-192', 'secp192k1', 'secp160k1', 'secp160r1', 'sect163k1', 'B-163', 'sect193r1', 'secp192r1']);
      const expected = Object.fromEntries(
        labels.map((l) => {
          const [lv, name] = l.split(' ') as [string, string];
          const n = Number(lv.slice(1));
          const usable = name in STRONG || n <= 1 || (n === 2 && !bits80.has(name));
          return [l, usable ? names[name as keyof typeof names] : null];
        }),
      );
      expect(measured).toEqual(expected);
      // The verdict reports a group exactly when it is weak and was negotiated.
      for (const l of labels) {
        const [lv, name] = l.split(' ') as [string, string];
        const at = { family: rt.family, securityLevel: Number(lv.slice(1)) };
        expect({ l, reported: weakCurves(name, at).length > 0 }).toEqual({ l, reported: !(name in STRONG) && measured[l] !== null });
      }
    });

    it.skipIf(rt.skip)(
      `${rt.label}: a client listing a weak group beside X25519 gets it from a TLS 1.2 server that has it; a server with only weak groups gives a client without them no ECDHE`,
      () => {
        const [mixed, serverOnly] = handshakes(rt, [
          { cert: 'rsa', server: { ecdhCurve: 'secp224r1:X25519', maxVersion: 'TLSv1.2' }, client: { ecdhCurve: 'secp224r1:X25519' } },
          { cert: 'rsa', server: { ecdhCurve: 'secp224r1', maxVersion: 'TLSv1.2' }, client: {} },
        ]);
        expect(mixed).toMatchObject({ ok: true, protocol: 'TLSv1.2', group: 'secp224r1' });
        expect(serverOnly).toMatchObject({ ok: true, protocol: 'TLSv1.2', group: null });
        expect(serverOnly?.ok && serverOnly.cipher).not.toMatch(/^ECDHE-/);
        expect(weakCurves('secp224r1:X25519', { family: rt.family, securityLevel: 1, tls13Client: true })).toEqual(['secp224r1']);
      },
    );

    it.skipIf(rt.skip)(`${rt.label}: a client that allows TLS 1.3 with only weak groups`, () => {
      const [client13, server13] = handshakes(rt, [
        { cert: 'rsa', server: { ecdhCurve: 'secp224r1' }, client: { ecdhCurve: 'secp224r1' } },
        // The server side of the same list: a TLS 1.2 client that has the group still gets it.
        { cert: 'rsa', server: { ecdhCurve: 'secp224r1' }, client: { ecdhCurve: 'secp224r1', maxVersion: 'TLSv1.2' } },
      ]);
      if (rt.family === '3') expect(client13).toMatchObject({ ok: false, code: 'ERR_SSL_NO_SUITABLE_GROUPS' });
      else expect(client13).toMatchObject({ ok: true, protocol: 'TLSv1.3', group: 'secp224r1' });
      expect(server13).toMatchObject({ ok: true, protocol: 'TLSv1.2', group: 'secp224r1' });
      expect(weakCurves('secp224r1', { family: rt.family, securityLevel: 1, tls13Client: true })).toEqual(rt.family === '3' ? [] : ['secp224r1']);
      expect(weakCurves('secp224r1', { family: rt.family, securityLevel: 1 })).toEqual(['secp224r1']);
    });

    it.skipIf(rt.skip)(`${rt.label}: a list with a name Node rejects throws, and is not judged`, () => {
      const names = [
        ...Object.keys(WEAK),
        ...Object.keys(STRONG),
        'secp192r1',
        'secp256r1',
        'x25519',
        'X448',
        'secp521r1',
        'P-256',
        'P-384',
        'brainpoolP384r1',
        'brainpoolP512r1',
        'ffdhe2048',
        'ffdhe3072',
        'sect163r1',
        'sect163r2',
        'sect193r2',
        'sect233r1',
        'K-163',
        'B-233',
        'secp160r2',
        'sect409k1',
        'sect571r1',
        'prime239v1',
        'brainpoolP160r1',
        'brainpoolP224r1',
        'c2pnb163v1',
        'wap-wsg-idm-ecid-wtls7',
        'Oakley-EC2N-3',
        'SECP224R1',
        'ffdhe1024',
      ];
      const ok = new Set(accepted(rt, 'ecdhCurve', names));
      expect(ok.has('secp224r1')).toBe(true);
      expect(ok.has('prime239v1')).toBe(false);
      // Judged (at level 0, beside a weak group) exactly when Node accepts the name.
      for (const name of names)
        expect({ name, judged: weakCurves(`secp224r1:${name}`, { family: rt.family, securityLevel: 0 }).length > 0 }).toEqual({ name, judged: ok.has(name) });
    });
  }
});

/**
 * Levels 3 - 5 (128, 192 and 256 bits): both ends hold a P-521 chain signed with SHA-512, which every
 * level admits, so what a level refuses is the group or the signature, not the certificate.
 */
describe('no-weak-cipher weakCurves and weakSigalgs at security levels 3 - 5: a group or signature below the level is never used, so nothing weak is reported there', () => {
  const HIGH_LEVELS = [3, 4, 5] as const;
  /** OpenSSL's security bits per group (80 below 224-bit curves, 112 below 256, then 128 / 192 / 224 / 256). */
  const GROUP_BITS: Readonly<Record<string, number>> = {
    prime192v1: 80,
    secp160k1: 80,
    sect163k1: 80,
    secp224r1: 112,
    sect233k1: 112,
    X25519: 128,
    prime256v1: 128,
    secp256k1: 128,
    brainpoolP256r1: 128,
    sect283k1: 128,
    secp384r1: 192,
    X448: 224,
    secp521r1: 256,
  };
  const LEVEL_BITS = [0, 80, 112, 128, 192, 256];
  const SIGALGS: Readonly<Record<string, number>> = { 'ECDSA+SHA1': 80, 'ECDSA+SHA224': 112, 'ECDSA+SHA256': 128, 'ECDSA+SHA384': 192, 'ECDSA+SHA512': 256 };

  for (const rt of RUNTIMES) {
    it.skipIf(rt.skip)(`${rt.label}: which groups both ends with only that group negotiate (TLS 1.2)`, () => {
      const labels: string[] = [];
      const cases: Case[] = [];
      for (const n of HIGH_LEVELS) {
        for (const name of Object.keys(GROUP_BITS)) {
          // In TLS 1.2 the groups list also names the curves an ECDSA certificate may use, so both ends
          // list P-521 after the group under test: the group is negotiated where the level admits it,
          // P-521 otherwise.
          const end = {
            ecdhCurve: name === 'secp521r1' ? name : `${name}:secp521r1`,
            maxVersion: 'TLSv1.2',
            ciphers: `ECDHE-ECDSA-AES256-GCM-SHA384:${level(n)}`,
          };
          labels.push(`L${n} ${name}`);
          cases.push({ cert: 'ec521', server: end, client: end });
        }
      }
      const out = handshakes(rt, cases);
      const measured = Object.fromEntries(out.map((o, i) => [labels[i], o.ok ? o.group : null]));
      const expected = Object.fromEntries(
        labels.map((l) => {
          const [lv, name] = l.split(' ') as [string, string];
          return [l, (GROUP_BITS[name] ?? 0) >= (LEVEL_BITS[Number(lv.slice(1))] ?? 0) ? name : 'secp521r1'];
        }),
      );
      expect(measured).toEqual(expected);
      for (const l of labels) {
        const [lv, name] = l.split(' ') as [string, string];
        expect({ l, reported: weakCurves(`${name}:secp521r1`, { family: rt.family, securityLevel: Number(lv.slice(1)) }) }).toEqual({ l, reported: [] });
      }
    });

    it.skipIf(rt.skip)(`${rt.label}: which ECDSA sigalgs entries sign a handshake (TLS 1.2), restricted on the client and on the server`, () => {
      const labels: string[] = [];
      const cases: Case[] = [];
      const suites = (n: number): string => `ECDHE-ECDSA-AES256-GCM-SHA384:${level(n)}`;
      for (const n of HIGH_LEVELS) {
        for (const entry of Object.keys(SIGALGS)) {
          labels.push(`L${n} client ${entry}`);
          cases.push({
            cert: 'ec521',
            server: { ciphers: suites(0), maxVersion: 'TLSv1.2', ecdhCurve: 'secp521r1' },
            client: { ciphers: suites(n), sigalgs: entry, ecdhCurve: 'secp521r1' },
          });
          labels.push(`L${n} server ${entry}`);
          cases.push({
            cert: 'ec521',
            server: { ciphers: suites(n), maxVersion: 'TLSv1.2', sigalgs: entry, ecdhCurve: 'secp521r1' },
            client: { ciphers: suites(0), ecdhCurve: 'secp521r1' },
          });
        }
      }
      const out = handshakes(rt, cases);
      const measured = Object.fromEntries(out.map((o, i) => [labels[i], o.ok && o.protocol === 'TLSv1.2']));
      const expected = Object.fromEntries(
        labels.map((l) => {
          const [lv, , entry] = l.split(' ') as [string, string, string];
          return [l, (SIGALGS[entry] ?? 0) >= (LEVEL_BITS[Number(lv.slice(1))] ?? 0)];
        }),
      );
      expect(measured).toEqual(expected);
      for (const n of HIGH_LEVELS) expect(weakSigalgs(Object.keys(SIGALGS).join(':'), { family: rt.family, securityLevel: n })).toEqual([]);
    });
  }
});
