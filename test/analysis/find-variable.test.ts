/**
 * `findVariable` of src/analysis/ast.ts (kept out of `@typescript-eslint/utils` for the plugin's
 * import time, issue 16) finds the same variable as `ASTUtils.findVariable` (the oracle) for every
 * identifier of every rule case, by node and by name, with both parsers the CLI uses.
 */
import tsParser from '@typescript-eslint/parser';
import { ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { findVariable } from '../../src/analysis/ast.js';
import { loadRuleSuites } from '../harness/all-cases.js';

const codes = (await loadRuleSuites()).flatMap((s) => [...s.cases.valid, ...s.cases.invalid].map((c) => (typeof c === 'string' ? c : c.code)));
// Scopes the cases may not have: catch, class, class field, with, for-of, function-expression name, labels, shadowing.
codes.push(
  'function f(a) { try { g(a); } catch (e) { const a = e; h(a, f); } }\nconst k = function named() { return named; };\nclass C { x = C; static { let y = 1; y++; } m() { return this.x; } }\nfor (const v of [1]) { { let v2 = v; v2++; } }\nlabel: for (;;) { break label; }\nlet z = 1; { let z = 2; z++; } z++;',
);

function check(code: string, parser: Linter.Parser | undefined, filename: string): { identifiers: number; differ: string[] } | undefined {
  let identifiers = 0;
  const differ: string[] = [];
  const rule: Rule.RuleModule = {
    create(context) {
      return {
        Identifier(node) {
          const id = node as unknown as TSESTree.Identifier;
          const scope = context.sourceCode.getScope(node) as unknown as Scope.Scope;
          identifiers++;
          const byNode = [findVariable(scope, id), ASTUtils.findVariable(scope, id) ?? undefined];
          const byName = [findVariable(scope, id.name), ASTUtils.findVariable(scope, id.name) ?? undefined];
          if (byNode[0] !== byNode[1] || byName[0] !== byName[1]) differ.push(`${id.name} at ${id.loc.start.line}:${id.loc.start.column}`);
        },
      };
    },
  };
  const messages = new Linter({ configType: 'flat' }).verify(
    code,
    [
      {
        files: ['**/*.js', '**/*.ts'],
        languageOptions: { ecmaVersion: 'latest', sourceType: 'module', ...(parser ? { parser } : {}) },
        plugins: { t: { rules: { r: rule } } },
        rules: { 't/r': 'error' },
      },
    ],
    filename,
  );
  if (messages.some((m) => !m.fatal)) throw new Error(messages.map((m) => m.message).join('; '));
  return messages.length > 0 ? undefined : { identifiers, differ };
}

describe('findVariable', () => {
  it.each([
    ['espree (JavaScript)', undefined, 'file.js'],
    ['@typescript-eslint/parser', tsParser as Linter.Parser, 'file.ts'],
  ])('finds what ASTUtils.findVariable finds, with %s', (_name, parser, filename) => {
    let identifiers = 0;
    const differ: string[] = [];
    for (const code of codes) {
      const r = check(code, parser, filename);
      if (!r) continue;
      identifiers += r.identifiers;
      differ.push(...r.differ.map((d) => `${d} in ${code.slice(0, 80)}`));
    }
    expect(differ).toEqual([]);
    expect(identifiers).toBeGreaterThan(1000);
  });
});
