/**
 * The rule tester used by every rule suite, wired to vitest. Rule cases live in
 * `test/rules/<rule>.cases.ts` (or `<rule>.<topic>.cases.ts`), found by
 * `test/rules/run.test.ts` (the one runner) and re-checked by the suggestion harness.
 */
import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { RuleModule } from '@typescript-eslint/utils/ts-eslint';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export type Valid<O extends readonly unknown[] = []> = ValidTestCase<O> | string;
export type Invalid<M extends string, O extends readonly unknown[] = []> = InvalidTestCase<M, O>;

/** A rule's cases; `O` is the rule's options tuple (cases may pass `options`). */
export interface RuleCases<M extends string, O extends readonly unknown[] = []> {
  readonly valid: readonly Valid<O>[];
  readonly invalid: readonly Invalid<M, O>[];
}

export const ruleTester = new RuleTester();

/** Runs the cases of one rule (plain parsing, no type information). */
export function runRuleTests<M extends string, O extends readonly unknown[] = []>(name: string, rule: RuleModule<M, O>, cases: RuleCases<M, O>): void {
  // The rule tester bundles its own copy of the utils types; the rule object is the same at run time.
  ruleTester.run(name, rule as unknown as Parameters<typeof ruleTester.run>[1], { valid: [...cases.valid], invalid: [...cases.invalid] });
}

/** Tags a case as JavaScript (parsed as `file.js`). */
export function js<T extends { code: string }>(c: T): T & { filename: string } {
  return { ...c, filename: 'file.js' };
}

/** A JavaScript valid case from code. */
export function validJs(code: string): ValidTestCase<[]> {
  return { code, filename: 'file.js' };
}
