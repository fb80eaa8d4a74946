/**
 * The rule tester used by every rule suite, wired to vitest. Rule cases live in
 * `test/rules/<rule>.cases.ts` so the suggestion harness can re-check them all.
 */
import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { RuleModule } from '@typescript-eslint/utils/ts-eslint';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export type Valid = ValidTestCase<[]> | string;
export type Invalid<M extends string> = InvalidTestCase<M, []>;

export interface RuleCases<M extends string> {
  readonly valid: readonly Valid[];
  readonly invalid: readonly Invalid<M>[];
}

export const ruleTester = new RuleTester();

/** Runs the cases of one rule (plain parsing, no type information). */
export function runRuleTests<M extends string>(name: string, rule: RuleModule<M, []>, cases: RuleCases<M>): void {
  ruleTester.run(name, rule, { valid: [...cases.valid], invalid: [...cases.invalid] });
}

/** Tags a case as JavaScript (parsed as `file.js`). */
export function js<T extends { code: string }>(c: T): T & { filename: string } {
  return { ...c, filename: 'file.js' };
}

/** A JavaScript valid case from code. */
export function validJs(code: string): ValidTestCase<[]> {
  return { code, filename: 'file.js' };
}
