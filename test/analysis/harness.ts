/**
 * Runs analysis functions on parsed code: `withFile(code, (fc, ast) => ...)` gives the shared
 * FileContext of a real ESLint run (scope manager and all), as rules see it.
 */
import { Linter } from 'eslint';
import tseslintParser from '@typescript-eslint/parser';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { forEachChild } from '../../src/analysis/ast.js';
import { getFileContext, type FileContext } from '../../src/analysis/file-context.js';

export function withFile<T>(code: string, fn: (fc: FileContext, ast: TSESTree.Program) => T, filename = 'file.ts'): T {
  let result: { value: T } | undefined;
  let failure: unknown;
  const rule: TSESLint.RuleModule<string, []> = {
    defaultOptions: [],
    meta: { type: 'problem', messages: {}, schema: [] },
    create(context) {
      return {
        'Program:exit'(program: TSESTree.Program) {
          try {
            result = { value: fn(getFileContext(context), program) };
          } catch (e) {
            failure = e;
          }
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.js'],
        languageOptions: { parser: tseslintParser },
        plugins: { t: { rules: { r: rule as never } } },
        rules: { 't/r': 'error' },
      },
    ],
    filename,
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
  if (failure) throw failure;
  if (!result) throw new Error('analysis did not run');
  return result.value;
}

/** All nodes of a type, in source order. */
export function nodesOf<K extends TSESTree.Node['type']>(root: TSESTree.Node, type: K): Extract<TSESTree.Node, { type: K }>[] {
  const out: TSESTree.Node[] = [];
  const visit = (n: TSESTree.Node): void => {
    if (n.type === type) out.push(n);
    forEachChild(n, visit);
  };
  visit(root);
  return out as Extract<TSESTree.Node, { type: K }>[];
}

/** The initializer of the last `const <name> = …` in the file (the expression under test). */
export function init(ast: TSESTree.Program, name: string): TSESTree.Expression {
  const decl = nodesOf(ast, AST_NODE_TYPES.VariableDeclarator)
    .filter((d) => d.id.type === AST_NODE_TYPES.Identifier && d.id.name === name)
    .pop();
  if (!decl?.init) throw new Error(`no const ${name}`);
  return decl.init;
}

/** The first object literal that has a property `key`. */
export function objectWith(ast: TSESTree.Program, key: string): TSESTree.ObjectExpression {
  const found = nodesOf(ast, AST_NODE_TYPES.ObjectExpression).find((o) =>
    o.properties.some((p) => p.type === AST_NODE_TYPES.Property && p.key.type === AST_NODE_TYPES.Identifier && p.key.name === key),
  );
  if (!found) throw new Error(`no object with ${key}`);
  return found;
}
