import { Linter } from 'eslint';
import * as parser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { wordsPattern } from '../../src/analysis/gate.js';
import { rules } from '../../rules/index.js';

describe('wordsPattern', () => {
  it('matches any word as a substring, with regex characters escaped', () => {
    const p = wordsPattern(['minVersion', 'a.b', '(x)']);
    expect(p.test("{ 'minVersion': 'TLSv1' }")).toBe(true);
    expect(p.test('a.b')).toBe(true);
    expect(p.test('axb')).toBe(false);
    expect(p.test('(x)')).toBe(true);
    expect(p.test('maxVersion')).toBe(false);
  });
  it('matches nothing for an empty list', () => {
    expect(wordsPattern([]).test('anything')).toBe(false);
  });
});

/** How many listeners each rule's create() returns for `code`. */
function listenerCounts(code: string): Record<string, number> {
  const counts: Record<string, number> = {};
  const wrapped = Object.fromEntries(
    Object.entries(rules).map(([name, rule]) => [
      name,
      {
        ...rule,
        create(context: Parameters<typeof rule.create>[0]) {
          const listeners = (rule.create as (c: typeof context) => object)(context);
          counts[name] = Object.keys(listeners).length;
          return listeners;
        },
      },
    ]),
  );
  const linter = new Linter();
  linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser },
        plugins: { tlsguard: { rules: wrapped } as never },
        rules: Object.fromEntries(Object.keys(rules).map((n) => [`tlsguard/${n}`, 'error'])),
      },
    ],
    { filename: 'file.ts' },
  );
  return counts;
}

describe('per-file gates', () => {
  it('a file that names no TLS option, module or API gets no listeners from any rule', () => {
    const counts = listenerCounts(
      "import { readFile } from 'node:fs';\nexport const load = (p: string) => readFile(p, 'utf8', () => {});\nconst options = { timeout: 5, retries: 2 };\nnew Map([[options, 1]]);",
    );
    expect(Object.keys(counts).sort()).toEqual(Object.keys(rules).sort());
    expect(counts).toEqual(Object.fromEntries(Object.keys(rules).map((n) => [n, 0])));
  });

  it('each rule listens once its words or modules are in the file', () => {
    const counts = listenerCounts(
      [
        "import tls from 'node:tls';",
        "import crypto from 'node:crypto';",
        "import Redis from 'ioredis';",
        "const o = { minVersion: 'TLSv1.2', ciphers: 'HIGH', rejectUnauthorized: true, checkServerIdentity: undefined };",
        "process.env.NODE_OPTIONS = '';",
        'export const s = tls.connect({ ...o, host: "h", servername: "h" });',
        'export const c = crypto.createCredentials;',
      ].join('\n'),
    );
    // no-insecure-tls-config reads config files (its own languages), never a JavaScript program.
    for (const name of Object.keys(rules)) if (name !== 'no-insecure-tls-config') expect(counts[name], name).toBeGreaterThan(0);
    expect(counts['no-insecure-tls-config']).toBe(0);
  });
});
