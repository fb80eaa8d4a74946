/**
 * The rules report the same with ESLint's default parser (espree, and ESLint's own scope analysis)
 * as with `@typescript-eslint/parser`: every rule case whose code is JavaScript is linted both ways
 * and every message (position, text, fix and suggestions) must be equal. The CLI parses JavaScript
 * files with espree (issue 16: no TypeScript compiler in a JavaScript-only run), and a user's own
 * ESLint config does the same for `.js` files unless it sets a parser.
 *
 * Every case is tried: cases written as JavaScript (`filename: 'file.js'`) must parse with espree;
 * the others (parsed as `file.ts` by the rule suites) are compared when their code is also valid
 * JavaScript, which most are.
 */
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { loadRuleSuites } from '../harness/all-cases.js';

const JS_EXT: Readonly<Record<string, string>> = { '.ts': '.js', '.mts': '.mjs', '.cts': '.cjs', '.tsx': '.jsx' };

interface CaseLike {
  readonly code: string;
  readonly filename?: string;
  readonly options?: readonly unknown[];
  readonly settings?: Record<string, unknown>;
}

function lint(c: CaseLike, name: string, rule: unknown, parser: Linter.Parser | undefined): Linter.LintMessage[] {
  const filename = c.filename ?? 'file.ts';
  const ext = /\.[cm]?[jt]sx?$/.exec(filename)?.[0] ?? '.ts';
  const jsName = filename.slice(0, filename.length - ext.length) + (JS_EXT[ext] ?? ext);
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    c.code,
    [
      {
        files: ['**/*.js', '**/*.cjs', '**/*.mjs', '**/*.jsx'],
        languageOptions: {
          ecmaVersion: 'latest',
          sourceType: /\.c[jt]s$/.test(ext) ? 'commonjs' : 'module',
          parserOptions: { ecmaFeatures: { jsx: true } },
          ...(parser ? { parser } : {}),
        },
        plugins: { tlsguard: { rules: { [name]: rule as never } } },
        rules: { [`tlsguard/${name}`]: ['error', ...(c.options ?? [])] as Linter.RuleEntry },
        ...(c.settings ? { settings: c.settings } : {}),
      },
    ],
    jsName,
  );
}

/** The messages, after checking that the file was linted at all (a config that matches no file only warns). */
function linted(messages: Linter.LintMessage[]): Linter.LintMessage[] {
  const notLinted = messages.filter((m) => m.ruleId === null && !m.fatal);
  if (notLinted.length > 0) throw new Error(notLinted.map((m) => m.message).join('; '));
  return messages;
}

const suites = await loadRuleSuites();
const counts = { cases: 0, compared: 0 };

describe('espree and @typescript-eslint/parser give the same findings on JavaScript', () => {
  // The rules on config files (Dockerfile, .npmrc ...) parse no JavaScript.
  for (const suite of suites.filter((s) => !(s.rule.meta.docs as { configFiles?: boolean } | undefined)?.configFiles)) {
    const label = suite.topic ? `${suite.name} (${suite.topic})` : suite.name;
    it(label, () => {
      const all: CaseLike[] = [...suite.cases.valid.map((c) => (typeof c === 'string' ? { code: c } : c)), ...suite.cases.invalid];
      let compared = 0;
      const notJs: string[] = [];
      const differ: { code: string; espree: Linter.LintMessage[]; typescript: Linter.LintMessage[] }[] = [];
      for (const c of all) {
        const espree = linted(lint(c, suite.name, suite.rule, undefined));
        if (espree.some((m) => m.fatal)) {
          // TypeScript syntax: not a JavaScript file. A case meant as JavaScript must parse.
          if (c.filename && /\.[cm]?jsx?$/.test(c.filename)) notJs.push(`${c.code}\n  ${espree[0]!.message}`);
          continue;
        }
        const typescript = linted(lint(c, suite.name, suite.rule, tsParser as Linter.Parser));
        compared++;
        if (JSON.stringify(espree) !== JSON.stringify(typescript)) differ.push({ code: c.code, espree, typescript });
      }
      counts.cases += all.length;
      counts.compared += compared;
      expect(notJs).toEqual([]);
      expect(differ).toEqual([]);
    });
  }

  it('compares most of the cases', () => {
    // A parity check over few cases would prove little: most cases are JavaScript syntax (when this
    // was written, 574 of 764; some topic files are all TypeScript), and a config mistake above that
    // made espree fail would show here.
    expect(counts.cases).toBeGreaterThan(0);
    expect(counts.compared / counts.cases).toBeGreaterThan(0.5);
  });
});
