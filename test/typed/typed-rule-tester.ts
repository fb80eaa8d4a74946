/**
 * The typed rule tester: cases are linted as `fixtures/typed/file.ts` (or `file.js`) with type
 * information from the fixture project, so they can import its modules and the installed packages.
 */
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';
import type { RuleModule } from '@typescript-eslint/utils/ts-eslint';
import '../rule-tester.js'; // wires RuleTester to vitest
import type { RuleCases } from '../rule-tester.js';

export const tsconfigRootDir = fileURLToPath(new URL('../../fixtures/typed/', import.meta.url));

export const typedRuleTester = new RuleTester({
  languageOptions: {
    parserOptions: {
      projectService: { allowDefaultProject: ['*.ts', '*.js'] },
      tsconfigRootDir,
    },
  },
});

/** Runs cases with type information (cases written without options also run a rule that has some). */
export function runTypedRuleTests<M extends string, O extends readonly unknown[] = []>(
  name: string,
  rule: RuleModule<M, O>,
  cases: RuleCases<M, O> | RuleCases<M>,
): void {
  typedRuleTester.run(`${name} (typed)`, rule as unknown as Parameters<typeof typedRuleTester.run>[1], {
    valid: [...cases.valid],
    invalid: [...cases.invalid],
  });
}
