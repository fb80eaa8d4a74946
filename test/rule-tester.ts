/**
 * The rule tester used by every rule suite, wired to vitest. Rule cases live in
 * `test/rules/<rule>.cases.ts` (or `<rule>.<topic>.cases.ts`), found by
 * `test/rules/run.test.ts` (the one runner) and re-checked by the suggestion harness.
 */
import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { RuleModule } from '@typescript-eslint/utils/ts-eslint';
import { Linter, RuleTester as EslintRuleTester } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../eslint-plugin.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export type Valid<O extends readonly unknown[] = []> = ValidTestCase<O> | string;
export type Invalid<M extends string, O extends readonly unknown[] = []> = InvalidTestCase<M, O>;

/** A rule's cases; `O` is the rule's options tuple (cases may pass `options`). */
export interface RuleCases<M extends string, O extends readonly unknown[] = []> {
  /**
   * For a rule on config files: the ESLint language of every case (`tlsguard/dockerfile`,
   * `tlsguard/json`…). Such cases run with ESLint's own RuleTester and the plugin's languages; each
   * case's `filename` picks the file kind. Absent: JavaScript/TypeScript cases.
   */
  readonly language?: string;
  readonly valid: readonly Valid<O>[];
  readonly invalid: readonly Invalid<M, O>[];
}

/** The messageId union of a rule module (`typeof rule`), from its `meta.messages`. */
export type MessageIdsOf<R> = R extends { readonly meta: { readonly messages: Readonly<Record<infer M, string>> } } ? (M extends string ? M : never) : never;

/** The options tuple of a rule module (`typeof rule`), from the type of its `defaultOptions`. */
export type OptionsOf<R> = R extends { readonly defaultOptions?: infer O extends readonly unknown[] } ? O : never;

/**
 * The cases of a rule module: `const cases: CasesOf<typeof rule> = …` with `import type rule from
 * '../../rules/<rule>.js'`. The messageIds and options come from the rule, so a case file does not
 * restate them, and a misspelt messageId is a type error (test/rules/case-types.test.ts).
 */
export type CasesOf<R> = RuleCases<MessageIdsOf<R>, OptionsOf<R>>;

export const ruleTester = new RuleTester();

/** Runs the cases of one rule (plain parsing, no type information). */
export function runRuleTests<M extends string, O extends readonly unknown[] = []>(name: string, rule: RuleModule<M, O>, cases: RuleCases<M, O>): void {
  // The rule tester bundles its own copy of the utils types; the rule object is the same at run time.
  ruleTester.run(name, rule as unknown as Parameters<typeof ruleTester.run>[1], { valid: [...cases.valid], invalid: [...cases.invalid] });
}

EslintRuleTester.describe = describe;
EslintRuleTester.it = it;
EslintRuleTester.itOnly = it.only;

/**
 * Runs the cases of a rule on config files in their language. Each suggestion output must also
 * parse in that language and no longer carry the report it fixes.
 */
export function runLanguageRuleTests<M extends string, O extends readonly unknown[] = []>(
  name: string,
  ruleName: string,
  rule: RuleModule<M, O>,
  cases: RuleCases<M, O>,
): void {
  const language = cases.language as string;
  const tester = new EslintRuleTester({ plugins: { tlsguard: plugin }, language });
  tester.run(name, rule as never, { valid: [...cases.valid] as never, invalid: [...cases.invalid] as never });
  describe(`${name}: suggestion outputs`, () => {
    cases.invalid.forEach((c, i) => {
      const filename = c.filename ?? 'file';
      const suggestions = c.errors.flatMap((e) => (e.suggestions ?? []).map((s) => ({ messageId: e.messageId, output: s.output })));
      suggestions.forEach((s, j) => {
        it(`case ${i + 1} suggestion ${j + 1} parses and removes its report`, () => {
          const lintOf = (code: string) =>
            new Linter({ configType: 'flat' }).verify(
              code,
              [
                { files: [`**/${filename}`], plugins: { tlsguard: plugin }, language, rules: { [`tlsguard/${ruleName}`]: ['error', ...(c.options ?? [])] } },
              ] as never,
              filename,
            );
          const before = lintOf(c.code).filter((m) => m.messageId === s.messageId).length;
          const after = lintOf(s.output);
          expect(after.filter((m) => m.fatal)).toEqual([]);
          expect(after.filter((m) => m.messageId === s.messageId).length).toBe(before - 1);
        });
      });
    });
  });
}

/** Tags a case as JavaScript (parsed as `file.js`). */
export function js<T extends { code: string }>(c: T): T & { filename: string } {
  return { ...c, filename: 'file.js' };
}

/** A JavaScript valid case from code. */
export function validJs(code: string): { code: string; filename: string } {
  return { code, filename: 'file.js' };
}
