/**
 * Every suggestion of every invalid rule case: its output must parse, introduce no new type error
 * (against @types/node and the runtime's types), and no longer be reported by the rule.
 */
import { Linter } from 'eslint';
import tseslintParser from '@typescript-eslint/parser';
import type { RuleModule } from '@typescript-eslint/utils/ts-eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRuleSuites } from './all-cases.js';
import { newDiagnostics, typecheck, type VirtualFile } from './typecheck.js';

interface Sample {
  readonly id: string;
  readonly rule: string;
  readonly ruleModule: RuleModule<string, []>;
  readonly input: string;
  readonly output: string;
  readonly ext: 'ts' | 'js';
  /** The case's rule options, if any. */
  readonly options: readonly unknown[];
  /** The case's shared settings (e.g. settings.tlsguard.node), if any. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** The name the case is linted as (a config row may depend on it: `vite.config.js`). */
  readonly filename: string;
}

const suites = await loadRuleSuites();
const samples: Sample[] = [];
// Suites in another language (config files) check their suggestion outputs in their own runner.
for (const suite of suites.filter((s) => s.cases.language === undefined)) {
  suite.cases.invalid.forEach((c, i) => {
    const ext = c.filename?.endsWith('.js') || c.filename?.endsWith('.cjs') || c.filename?.endsWith('.mjs') ? 'js' : 'ts';
    for (const error of c.errors) {
      for (const [j, s] of (error.suggestions ?? []).entries()) {
        samples.push({
          id: `${suite.name}-${i}-${j}-${samples.length}`,
          rule: suite.name,
          ruleModule: suite.rule,
          input: c.code,
          output: s.output,
          ext,
          options: c.options ?? [],
          settings: (c.settings ?? {}) as Record<string, unknown>,
          filename: c.filename ?? `file.${ext}`,
        });
      }
    }
  });
}

function lintCount(
  rule: string,
  ruleModule: RuleModule<string, []>,
  code: string,
  filename: string,
  options: readonly unknown[] = [],
  settings: Readonly<Record<string, unknown>> = {},
): { count: number; fatal: string[] } {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.js', '**/*.cjs', '**/*.mjs'],
        languageOptions: { parser: tseslintParser, sourceType: 'module' },
        plugins: { tlsguard: { rules: { [rule]: ruleModule as never } } },
        rules: { [`tlsguard/${rule}`]: ['error', ...options] },
        settings,
      },
    ],
    filename,
  );
  return { count: messages.filter((m) => m.ruleId === `tlsguard/${rule}`).length, fatal: messages.filter((m) => m.fatal).map((m) => m.message) };
}

describe('suggestion outputs', () => {
  it('there are suggestions to check', () => {
    expect(samples.length).toBeGreaterThan(0);
  });

  const files: VirtualFile[] = samples.flatMap((s) => [
    { name: `${s.id}-in.${s.ext}`, text: s.input },
    { name: `${s.id}-out.${s.ext}`, text: s.output },
  ]);
  let results: ReturnType<typeof typecheck> | undefined;
  const checked = () => (results ??= typecheck(files));
  // One program for every sample; with the real library packages' types it outlasts a test timeout.
  beforeAll(() => void checked(), 300_000);

  for (const s of samples) {
    it(`${s.rule}: ${JSON.stringify(s.input.slice(0, 60))} -> suggestion parses, type-checks, is clean`, () => {
      const r = checked();
      const before = r.get(`${s.id}-in.${s.ext}`)!;
      const after = r.get(`${s.id}-out.${s.ext}`)!;
      expect(after.syntax, 'output parses').toEqual([]);
      expect(newDiagnostics(before.semantic, after.semantic), 'no new type errors').toEqual([]);
      const lintBefore = lintCount(s.rule, s.ruleModule, s.input, s.filename, s.options, s.settings);
      const lintAfter = lintCount(s.rule, s.ruleModule, s.output, s.filename, s.options, s.settings);
      expect(lintAfter.fatal).toEqual([]);
      expect(lintAfter.count, 'the suggestion removes the report').toBeLessThan(lintBefore.count);
    });
  }
});
