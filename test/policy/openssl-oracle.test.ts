/**
 * The cipher-string engine against the installed OpenSSL 3: thousands of
 * generated strings, compared by set AND order (restricted to suites compiled
 * into OpenSSL 3), plus the error class (invalid command / no cipher match).
 */
import { describe, expect, it } from 'vitest';
import { CIPHER_SUITES, expandOpenSSLCipherList, usableAtSecurityLevel } from '../../src/policy/index.js';
import { buildCipherList } from '../../src/policy/ciphers/engine.js';
import {
  expectedVerdict,
  generateCipherStrings as generate,
  hasOpenSSL,
  mapLimit,
  nodeOffered,
  opensslCiphers,
  opensslSupported,
  pythonCipherLists,
  pythonOpenSSL3,
  ruleVerdict,
  type OpenSSLResult,
} from './oracle-helpers.js';

const openssl = hasOpenSSL();
const python = openssl && pythonOpenSSL3();
/** Strings checked through Python's ssl (same libssl, one process); the CLI costs ~10 ms per string. */
const COUNT = 3000;
/** Strings checked through the openssl CLI itself, including the error class. */
const CLI_COUNT = python ? 400 : 1200;

function ours(spec: string): OpenSSLResult {
  const r = buildCipherList(spec);
  if (r.invalidCommand !== undefined) return { kind: 'invalid-command' };
  const names = r.suites.filter((b) => b.suite.inOpenSSL3).map((b) => b.suite.name);
  return names.length === 0 ? { kind: 'no-cipher-match' } : { kind: 'list', names };
}

if (!openssl) console.warn('test/policy/openssl-oracle: skipped, no OpenSSL 3 `openssl` on PATH');

describe.skipIf(!openssl)(
  openssl ? 'cipher-string engine vs openssl ciphers (OpenSSL 3)' : 'SKIPPED (no OpenSSL 3 `openssl` on PATH): cipher-string engine vs openssl ciphers',
  () => {
    it('matches hand-picked strings exactly', async () => {
      const specs = [
        'ALL:COMPLEMENTOFALL',
        'DEFAULT',
        'COMPLEMENTOFDEFAULT',
        'HIGH:!aNULL:!MD5',
        'ALL:@STRENGTH',
        'AES:-AESGCM:+SHA1:CHACHA20',
        'ECDHE+AESGCM:DHE+AESGCM:!DSS',
        'DEFAULT:+kRSA',
        'DEFAULT+AES',
        'SSLv3',
        'TLSv1',
        'TLSv1.2+HIGH',
        'AES128-SHA+RSA',
        'ECDHE-RSA-AES128-SHA+TLSv1.2',
        'HIGH+FIPS',
        'FIPS',
        'NULL:+aNULL',
        'ALL:-ALL:AES128-SHA:ALL',
        'SUITEB128',
        'SUITEB128C2:ALL',
        'RC4-SHA',
        'AES_FOO',
        'AES128-SHA:!',
        'EDH',
        'kEDH+aNULL',
        'ARIA:CAMELLIA:@STRENGTH',
        'ALL:!COMPLEMENTOFDEFAULT+HIGH',
        'ALL:-COMPLEMENTOFDEFAULT+AES128-SHA',
        'HIGH+MEDIUM',
      ];
      const theirs = await mapLimit(specs, 2, (s) => opensslCiphers(s));
      specs.forEach((s, i) => expect(ours(s), s).toEqual(theirs[i]));
    });

    it(`matches ${CLI_COUNT} generated strings via the openssl CLI (set, order and error class)`, async () => {
      const specs = generate(CLI_COUNT, 0x0c11);
      const theirs = await mapLimit(specs, 2, (s) => opensslCiphers(s));
      const mismatches: string[] = [];
      specs.forEach((s, i) => {
        const a = JSON.stringify(ours(s));
        const b = JSON.stringify(theirs[i]);
        if (a !== b) mismatches.push(`${JSON.stringify(s)}\n  ours:    ${a}\n  openssl: ${b}`);
      });
      const kinds = theirs.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.kind]: (acc[r.kind] ?? 0) + 1 }), {});
      // The generator must exercise all three outcomes, mostly non-empty lists.
      expect(kinds['list'] ?? 0).toBeGreaterThan(CLI_COUNT / 2);
      expect(kinds['invalid-command'] ?? 0).toBeGreaterThan(5);
      expect(kinds['no-cipher-match'] ?? 0).toBeGreaterThan(5);
      expect(mismatches.slice(0, 5).join('\n')).toBe('');
    }, 60_000);

    it.skipIf(!python)(
      `${python ? '' : 'SKIPPED (no python3 ssl linked to the same OpenSSL): '}matches ${COUNT} generated strings via libssl in one Python process (set and order)`,
      () => {
        const specs = generate(COUNT, 0x7155);
        const theirs = pythonCipherLists(specs);
        const mismatches: string[] = [];
        let lists = 0;
        specs.forEach((s, i) => {
          const mine = ours(s);
          const a = JSON.stringify(mine.kind === 'list' ? mine.names : null);
          const b = JSON.stringify(theirs[i]);
          if (theirs[i]) lists++;
          if (a !== b) mismatches.push(`${JSON.stringify(s)}\n  ours:   ${a}\n  libssl: ${b}`);
        });
        expect(lists).toBeGreaterThan(COUNT / 2);
        expect(lists).toBeLessThan(COUNT);
        expect(mismatches.slice(0, 5).join('\n')).toBe('');
      },
      60_000,
    );

    it('models @SECLEVEL=0..5 like `openssl ciphers -s -tls1_2` (PSK/SRP suites need callbacks, so OpenSSL omits them)', async () => {
      for (let level = 0; level <= 5; level++) {
        const theirs = await opensslCiphers(`ALL:COMPLEMENTOFALL:@SECLEVEL=${level}`, ['-s', '-tls1_2']);
        const expected = expandOpenSSLCipherList('ALL:COMPLEMENTOFALL')
          .filter((s) => s.inOpenSSL3 && !/PSK|SRP/.test(s.kx) && s.au !== 'SRP')
          .filter((s) => usableAtSecurityLevel(s, level))
          .map((s) => s.name);
        expect(theirs, `level ${level}`).toEqual({ kind: 'list', names: expected });
      }
    });

    it('has the same TLS <= 1.2 suites, names and properties as `openssl ciphers -V`', async () => {
      const { execFileSync } = await import('node:child_process');
      const lines = execFileSync('openssl', ['ciphers', '-V', '-stdname', '-ciphersuites', '', 'ALL:COMPLEMENTOFALL'], { encoding: 'utf8' }).trim().split('\n');
      const rows = lines.map((l) => {
        const m = /^\s*0x(..),0x(..) - (\S+)\s+- (\S+)\s+(\S+)\s+Kx=(\S+)\s+Au=(\S+)\s+Enc=(\S+)\s+Mac=(\S+)/.exec(l);
        if (!m) throw new Error(l);
        return `${parseInt(`${m[1]}${m[2]}`, 16)} ${m[3]} ${m[4]} ${m[5]} ${m[6]} ${m[7]} ${m[8]} ${m[9]}`;
      });
      const table = CIPHER_SUITES.filter((s) => s.inOpenSSL3 && s.protocol !== 'TLSv1.3').map(
        (s) => `${s.id} ${s.iana} ${s.name} ${s.protocol} ${s.kx} ${s.au} ${s.enc === 'None' ? 'None' : `${s.enc}(${s.encBits})`} ${s.mac}`,
      );
      expect([...table].sort()).toEqual([...rows].sort());
    });
  },
);

/**
 * no-weak-cipher's verdict (the weak suites it names, and how many) against what OpenSSL and Node
 * really offer, for the Node running the tests: `openssl ciphers -s -v` (OPENSSL_CONF=/dev/null,
 * so the compiled-in level 1) and the ClientHello of a Node client built by tls.createSecureContext.
 * The same with the rule's `securityLevel: 0` against `@SECLEVEL=0:` + the string (strings that must
 * start with DEFAULT or SUITEB are left out of that mode: nothing may precede them).
 */
describe.skipIf(!openssl || !process.versions.openssl.startsWith('3.'))('no-weak-cipher verdicts vs what OpenSSL 3 and Node offer', () => {
  const NODE_COUNT = 2000;
  const CLI_VERDICT_COUNT = 300;
  const modes = [
    { name: 'level 1 (default)', level: undefined, prefix: '' },
    { name: 'securityLevel: 0', level: 0, prefix: '@SECLEVEL=0:' },
  ] as const;
  const usable = (specs: string[], prefix: string): string[] => (prefix ? specs.filter((s) => !/^(DEFAULT|SUITEB)/.test(s)) : specs);

  async function compare(specs: readonly string[], level: number | undefined, offered: readonly string[][]): Promise<{ mismatches: string[]; weak: number }> {
    const ours = await ruleVerdict(specs, level);
    const mismatches: string[] = [];
    let weak = 0;
    for (let i = 0; i < specs.length; i++) {
      const expected = await expectedVerdict(offered[i] ?? []);
      if (expected.total > 0) weak++;
      const a = JSON.stringify(ours[i]);
      const b = JSON.stringify(expected);
      if (a !== b) mismatches.push(`${JSON.stringify(specs[i])}\n  rule:   ${a}\n  really: ${b}`);
    }
    return { mismatches, weak };
  }

  it('names no suite Node 20 lacks: ALL and ECDHE:DHE:!aNULL:!MD5 are clean, ALL:@SECLEVEL=0 names the anonymous suites', async () => {
    const specs = [
      'ALL',
      'ECDHE:DHE:!aNULL:!MD5',
      'RC4-SHA:DES-CBC3-SHA:IDEA-CBC-SHA',
      'ALL:@SECLEVEL=0',
      'DEFAULT:@SECLEVEL=0',
      'eNULL:@SECLEVEL=0',
      'PSK-NULL-SHA:@SECLEVEL=0',
    ];
    const offered = await nodeOffered(specs);
    const { mismatches } = await compare(specs, undefined, offered);
    expect(mismatches).toEqual([]);
    expect((await ruleVerdict(['ALL', 'ECDHE:DHE:!aNULL:!MD5'])).map((v) => v.total)).toEqual([0, 0]);
    expect((await ruleVerdict(['ALL:@SECLEVEL=0']))[0]?.names[0]).toBe('ADH-AES256-GCM-SHA384');
  });

  for (const mode of modes) {
    it(`matches a Node client's ClientHello for ${NODE_COUNT} generated strings (${mode.name})`, async () => {
      const specs = usable(generate(NODE_COUNT, mode.level === 0 ? 0x5ec0 : 0x5ec1), mode.prefix);
      const offered = await nodeOffered(specs.map((s) => mode.prefix + s));
      const { mismatches, weak } = await compare(specs, mode.level, offered);
      // The generator must reach weak verdicts too (few at level 1: OpenSSL 3 refuses or lacks the weak suites).
      if (mode.level === 0) expect(weak).toBeGreaterThan(specs.length / 10);
      expect(offered.filter((o) => o.length > 0).length).toBeGreaterThan(specs.length / 2);
      expect(mismatches.slice(0, 5).join('\n')).toBe('');
    }, 120_000);

    it(`matches \`openssl ciphers -s -v\` for ${CLI_VERDICT_COUNT} generated strings (${mode.name})`, async () => {
      const specs = usable(generate(CLI_VERDICT_COUNT, mode.level === 0 ? 0xc150 : 0xc151), mode.prefix);
      const offered = await mapLimit(specs, 2, (s) => opensslSupported(mode.prefix + s));
      const { mismatches, weak } = await compare(specs, mode.level, offered);
      if (mode.level === 0) expect(weak).toBeGreaterThan(specs.length / 10);
      expect(mismatches.slice(0, 5).join('\n')).toBe('');
    }, 120_000);
  }
});
