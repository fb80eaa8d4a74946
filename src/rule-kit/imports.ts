/**
 * Adding a named import for a suggestion: merged into an existing import (or `require`
 * destructuring) of the same module, else a new one in the style the file already uses.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

type SourceCode = Readonly<TSESLint.SourceCode>;

export type ImportPlan =
  /** The name is already bound to that export: nothing to add. */
  | { readonly kind: 'present' }
  | { readonly kind: 'add'; readonly fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix }
  /** The name is taken by something else in the file: the suggestion cannot use it. */
  | { readonly kind: 'conflict' };

function requireSource(node: TSESTree.Node | null | undefined): string | undefined {
  if (node?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const { callee, arguments: args } = node;
  const arg = args[0];
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'require' || args.length !== 1) return undefined;
  return arg?.type === AST_NODE_TYPES.Literal && typeof arg.value === 'string' ? arg.value : undefined;
}

function topLevelRequires(program: TSESTree.Program): TSESTree.VariableDeclaration[] {
  return program.body.filter(
    (s): s is TSESTree.VariableDeclaration =>
      s.type === AST_NODE_TYPES.VariableDeclaration && s.declarations.some((d) => requireSource(d.init) !== undefined),
  );
}

/** How to make `name` (an export of `module`) available at the top of the file. */
export function planNamedImport(sourceCode: SourceCode, module: string, name: string): ImportPlan {
  const program = sourceCode.ast;
  const globalScope = sourceCode.scopeManager?.globalScope;
  const moduleScope = globalScope?.childScopes.find((s) => s.type === 'module') ?? globalScope;
  const existing = moduleScope ? ASTUtils.findVariable(moduleScope, name) : undefined;
  if (existing && existing.defs.length > 0) {
    const def = existing.defs[0];
    if (def?.type === 'ImportBinding' && def.parent?.type === AST_NODE_TYPES.ImportDeclaration && def.parent.source.value === module) {
      return { kind: 'present' };
    }
    if (def?.type === 'Variable' && requireSource(def.node.init) === module && def.node.id.type === AST_NODE_TYPES.ObjectPattern) {
      return { kind: 'present' };
    }
    return { kind: 'conflict' };
  }

  const imports = program.body.filter((s): s is TSESTree.ImportDeclaration => s.type === AST_NODE_TYPES.ImportDeclaration);
  // `import x = require('…')` (TypeScript): new imports go after it, in ESM syntax.
  const importLike = program.body.filter(
    (s): s is TSESTree.ImportDeclaration | TSESTree.TSImportEqualsDeclaration =>
      s.type === AST_NODE_TYPES.ImportDeclaration || s.type === AST_NODE_TYPES.TSImportEqualsDeclaration,
  );
  const requires = topLevelRequires(program);
  const useRequire = importLike.length === 0 && (requires.length > 0 || isCommonJsFile(sourceCode));

  if (!useRequire) {
    const same = imports.find((i) => i.source.value === module && i.importKind !== 'type');
    const named = same?.specifiers.filter((s): s is TSESTree.ImportSpecifier => s.type === AST_NODE_TYPES.ImportSpecifier);
    const last = named?.[named.length - 1];
    if (same && last) return { kind: 'add', fix: (fixer) => fixer.insertTextAfter(last, `, ${name}`) };
    if (same && same.specifiers.length === 1 && same.specifiers[0]?.type === AST_NODE_TYPES.ImportDefaultSpecifier) {
      return { kind: 'add', fix: (fixer) => fixer.insertTextAfter(same.specifiers[0]!, `, { ${name} }`) };
    }
    const line = `import { ${name} } from ${stringLiteral(module)};\n`;
    const after = importLike[importLike.length - 1];
    if (after) return { kind: 'add', fix: (fixer) => fixer.insertTextAfter(after, `\n${line.trimEnd()}`) };
    return { kind: 'add', fix: (fixer) => insertAtTop(sourceCode, fixer, line) };
  }

  for (const decl of requires) {
    for (const d of decl.declarations) {
      if (requireSource(d.init) !== module || d.id.type !== AST_NODE_TYPES.ObjectPattern) continue;
      const props = d.id.properties;
      const last = props[props.length - 1];
      if (last && last.type !== AST_NODE_TYPES.RestElement) return { kind: 'add', fix: (fixer) => fixer.insertTextAfter(last, `, ${name}`) };
    }
  }
  const line = `const { ${name} } = require(${stringLiteral(module)});\n`;
  const after = requires[requires.length - 1];
  if (after) return { kind: 'add', fix: (fixer) => fixer.insertTextAfter(after, `\n${line.trimEnd()}`) };
  return { kind: 'add', fix: (fixer) => insertAtTop(sourceCode, fixer, line) };
}

function isCommonJsFile(sourceCode: SourceCode): boolean {
  const text = sourceCode.text;
  return /\brequire\s*\(/.test(text) || /\bmodule\.exports\b/.test(text) || /^\s*['"]use strict['"]/.test(text);
}

/** Inserts after a shebang and leading directives (`'use strict'`), else at the very top. */
function insertAtTop(sourceCode: SourceCode, fixer: TSESLint.RuleFixer, line: string): TSESLint.RuleFix {
  const body = sourceCode.ast.body;
  let lastDirective: TSESTree.Node | undefined;
  for (const s of body) {
    if (s.type === AST_NODE_TYPES.ExpressionStatement && 'directive' in s && s.directive) lastDirective = s;
    else break;
  }
  if (lastDirective) return fixer.insertTextAfter(lastDirective, `\n${line.trimEnd()}`);
  // Before the first statement: after any leading comments (licence, `// @ts-check`) and a shebang.
  const first = sourceCode.ast.body[0];
  return fixer.insertTextBeforeRange([first ? first.range[0] : 0, first ? first.range[0] : 0], line);
}

/** `value` as a single-quoted JavaScript string literal (backslashes, quotes, line breaks and control characters escaped). */
export function stringLiteral(value: string): string {
  const escaped = value.replace(/[\\'\u0000-\u001f\u007f\u2028\u2029]/g, (c) => {
    switch (c) {
      case '\\':
        return '\\\\';
      case "'":
        return "\\'";
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
  return `'${escaped}'`;
}
