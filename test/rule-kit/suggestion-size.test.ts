/**
 * Issue 17.7: ESLint merges the edits of a suggestion into one range, so a factory suggestion whose
 * import goes at the top of the file carried all the code between the import and its call: 800
 * findings in an 84 KB file made 67 MB of suggestion text. The import now goes near its call, so
 * the text grows linearly with the findings. Measured in characters of suggestion text (not time).
 */
import tseslintParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin.js';
import { NEAR_LIMIT } from '../../src/rule-kit/imports.js';

interface Measure {
  readonly findings: number;
  readonly factorySuggestions: number;
  /** Characters of fix text over all suggestions. */
  readonly text: number;
  readonly length: number;
}

function measure(code: string, filename: string, rule = 'no-unverified-certificate'): Measure {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.*'],
        languageOptions: { parser: tseslintParser, sourceType: filename.endsWith('.cjs') ? 'commonjs' : 'module' },
        plugins: { tlsguard: plugin as never },
        rules: { [`tlsguard/${rule}`]: 'error' },
      },
    ],
    filename,
  );
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  let text = 0;
  let factorySuggestions = 0;
  for (const m of messages) {
    for (const s of m.suggestions ?? []) {
      text += s.fix.text.length;
      if (s.messageId?.startsWith('useFactory')) factorySuggestions++;
    }
  }
  return { findings: messages.length, factorySuggestions, text, length: code.length };
}

const AGENT = 'new https.Agent({ keepAlive: true, rejectUnauthorized: false })';

/** One finding per top-level statement of an ES module. */
const esmStatements = (n: number): string =>
  `import https from 'node:https';\n${Array.from({ length: n }, (_, i) => `export const agent${i} = ${AGENT};\n`).join('')}`;
/** CommonJS, every finding in a statement of one big function. */
const cjsFunction = (n: number): string =>
  `const https = require('node:https');\nmodule.exports = function agents() {\n  const all = [];\n${Array.from({ length: n }, () => `  all.push(${AGENT});\n`).join('')}  return all;\n};\n`;
/** The worst case: an ES module whose findings are all inside one top-level statement (a test suite). */
const esmOneStatement = (n: number): string =>
  `import https from 'node:https';\ndescribe('agents', () => {\n${Array.from({ length: n }, (_, i) => `  it('agent ${i}', () => ${AGENT});\n`).join('')}});\n`;

describe('factory suggestion text grows linearly with the findings', () => {
  for (const [name, make, filename] of [
    ['ES module, one finding per statement', esmStatements, 'file.ts'],
    ['CommonJS, the findings in one function', cjsFunction, 'file.cjs'],
  ] as const) {
    it(name, () => {
      const m400 = measure(make(400), filename);
      const m800 = measure(make(800), filename);
      expect(m800.findings).toBe(800);
      // Every finding keeps its two factory suggestions.
      expect(m800.factorySuggestions).toBe(1600);
      // Each further finding adds a bounded amount of text (its three suggestions, the import and
      // its own statement), wherever it is in the file; before, each carried half the file.
      const marginal = (m800.text - m400.text) / 400;
      expect(marginal).toBeLessThan(1000);
      // In all, that plus the findings within NEAR_LIMIT of the imports (at most NEAR_LIMIT / 50 of
      // them, each statement being longer than 50 characters), whose two factory suggestions keep
      // the import at the top and carry up to NEAR_LIMIT characters each. Before: 54 MB here.
      const nearTheTop = (NEAR_LIMIT / 50) * 2 * NEAR_LIMIT;
      expect(m800.text).toBeLessThan(800 * 1000 + nearTheTop);
    });
  }

  it('ES module with every finding in one statement: the text stays linear in the file size (a budget)', () => {
    const small = measure(esmOneStatement(400), 'file.ts');
    const large = measure(esmOneStatement(1600), 'file.ts');
    expect(large.findings).toBe(1600);
    // The budget: 8 characters per character of the file plus 1 MiB, plus each suggestion's own edits.
    for (const m of [small, large]) expect(m.text).toBeLessThan(8 * m.length + (1 << 20) + m.findings * 1000);
    // The findings past the budget keep their minimal suggestion; the first ones have the factory too.
    expect(large.factorySuggestions).toBeGreaterThan(0);
    expect(large.factorySuggestions).toBeLessThan(2 * 1600);
  });
});

// no-legacy-tls-api's `crypto.createCredentials(o)` -> `createSecureContext(o)` suggestion adds an
// import of node:tls the same way (planNamedImport with the call as the site).
const LEGACY = 'crypto.createCredentials({ ciphers: "HIGH" })';
const legacyEsm = (n: number): string =>
  `import crypto from 'node:crypto';\n${Array.from({ length: n }, (_, i) => `export const context${i} = ${LEGACY};\n`).join('')}`;
const legacyCjs = (n: number): string =>
  `const crypto = require('crypto');\nmodule.exports = function contexts() {\n  const all = [];\n${Array.from({ length: n }, () => `  all.push(${LEGACY});\n`).join('')}  return all;\n};\n`;

describe('no-legacy-tls-api suggestion text grows linearly with the findings', () => {
  for (const [name, make, filename] of [
    ['ES module, one finding per statement', legacyEsm, 'file.ts'],
    ['CommonJS, the findings in one function', legacyCjs, 'file.cjs'],
  ] as const) {
    it(name, () => {
      const m400 = measure(make(400), filename, 'no-legacy-tls-api');
      const m800 = measure(make(800), filename, 'no-legacy-tls-api');
      expect(m800.findings).toBe(800);
      // Each further finding adds a bounded amount of text; with the import at the top it carried
      // all the code above it (about 60 characters per earlier finding: 24 KB each at 400).
      expect((m800.text - m400.text) / 400).toBeLessThan(1000);
      expect(m800.text).toBeLessThan(800 * 1000 + (NEAR_LIMIT / 50) * NEAR_LIMIT);
    });
  }
});
