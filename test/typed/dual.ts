/**
 * Cases that state both modes: what a rule reports without type information (plain parsing) and
 * with it (the fixture project). `untyped: []` / `typed: []` mean "not reported in that mode".
 */
import type { TestCaseError } from '@typescript-eslint/rule-tester';
import type { RuleModule } from '@typescript-eslint/utils/ts-eslint';
import { runRuleTests, type RuleCases } from '../rule-tester.js';
import { runTypedRuleTests } from './typed-rule-tester.js';

export interface DualCase<M extends string> {
  readonly code: string;
  readonly filename?: string;
  readonly untyped: readonly TestCaseError<M>[];
  readonly typed: readonly TestCaseError<M>[];
}

function split<M extends string, O extends readonly unknown[]>(cases: readonly DualCase<M>[], mode: 'typed' | 'untyped'): RuleCases<M, O> {
  const file = (c: DualCase<M>) => (c.filename ? { filename: c.filename } : {});
  return {
    valid: cases.filter((c) => c[mode].length === 0).map((c) => ({ code: c.code, ...file(c) })),
    invalid: cases.filter((c) => c[mode].length > 0).map((c) => ({ code: c.code, ...file(c), errors: c[mode] })),
  };
}

export function runDualRuleTests<M extends string, O extends readonly unknown[] = []>(
  name: string,
  rule: RuleModule<M, O>,
  cases: readonly DualCase<M>[],
): void {
  runRuleTests(`${name} (untyped)`, rule, split<M, O>(cases, 'untyped'));
  runTypedRuleTests(name, rule, split<M, O>(cases, 'typed'));
}
