/**
 * Adding a named import for a suggestion: merged into an existing import (or `require`
 * destructuring) of the same module, else a new one in the style the file already uses, written
 * with the file's line ending.
 *
 * ESLint merges the edits of one suggestion into a single range, so an import added at the top of
 * the file makes the suggestion carry every character between the import and the call site: with
 * many findings that is quadratic (issue 17, item 7). Given the `site` it is used at, an import that
 * would land more than `NEAR_LIMIT` characters before the site goes right before the statement
 * that contains the site instead: an ESM `import` before the top-level statement (imports are
 * hoisted, so its position does not change what runs), a `require` before the innermost statement
 * of the enclosing block (it runs before the site does, whatever the order of the rest of the file).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { insertionPointBefore, lineBefore, lineBreakAt, lineEndOf } from './fixes.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * The suggestion `data` key that names the import a suggestion adds (`secureAgent from
 * tlsguard-runtime`). ESLint passes a suggestion's `data` through to its lint messages; the CLI's
 * `--fix` reads it to apply at most one edit per added import and round (two would declare it twice).
 */
export const IMPORT_DATA_KEY = 'tlsguardAddsImport';

/** An import this far (characters) before its use site or closer stays with the file's other imports. */
export const NEAR_LIMIT = 4096;

export type ImportPlan =
  /** The name is already bound to that export where it is used: nothing to add. */
  | { readonly kind: 'present' }
  | {
      readonly kind: 'add';
      readonly fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix;
      /** Where the import text goes, and the text. */
      readonly at: number;
      readonly text: string;
      /** Identifies the import (`name from module`): two edits with the same key must not both be applied. */
      readonly key: string;
    }
  /** The name is taken by something else in the file: the suggestion cannot use it. */
  | { readonly kind: 'conflict' };

function requireSource(node: TSESTree.Node | null | undefined): string | undefined {
  if (node?.type !== 'CallExpression') return undefined;
  const { callee, arguments: args } = node;
  const arg = args[0];
  if (callee.type !== 'Identifier' || callee.name !== 'require' || args.length !== 1) return undefined;
  return arg?.type === 'Literal' && typeof arg.value === 'string' ? arg.value : undefined;
}

function topLevelRequires(program: TSESTree.Program): TSESTree.VariableDeclaration[] {
  return program.body.filter(
    (s): s is TSESTree.VariableDeclaration => s.type === 'VariableDeclaration' && s.declarations.some((d) => requireSource(d.init) !== undefined),
  );
}

const STATEMENT_LISTS = new Set<string>(['Program', 'BlockStatement', 'StaticBlock', 'TSModuleBlock']);

/** The ancestor of `node` (or `node`) whose parent is `list`. */
function childOf(node: TSESTree.Node, list: TSESTree.Node): TSESTree.Node | undefined {
  let current: TSESTree.Node | undefined = node;
  while (current && current.parent !== list) current = current.parent;
  return current;
}

const isHeaderStatement = (s: TSESTree.Node): boolean =>
  s.type === 'ImportDeclaration' ||
  s.type === 'TSImportEqualsDeclaration' ||
  (s.type === 'ExpressionStatement' && 'directive' in s && !!s.directive) ||
  (s.type === 'VariableDeclaration' && s.declarations.every((d) => requireSource(d.init) !== undefined));

const isHoisted = (s: TSESTree.Node): boolean =>
  s.type === 'FunctionDeclaration' ||
  ((s.type === 'ExportNamedDeclaration' || s.type === 'ExportDefaultDeclaration') && s.declaration?.type === 'FunctionDeclaration');

/**
 * Whether `name` bound by this variable is the export `name` of `module`, and is initialised
 * whenever `site` runs: an import always is; a `const { name } = require(...)` when the statement
 * holding the site comes after it and is not a hoisted function declaration (which can run before),
 * unless the require is in the file's header of imports and requires.
 */
function bindingOf(variable: Scope.Variable, module: string, name: string, site: TSESTree.Node): 'ready' | 'late' | 'other' {
  const def = variable.defs[0];
  if (!def || variable.defs.length > 1) return 'other';
  if (def.type === 'ImportBinding') {
    const node = def.node;
    const parent = def.parent;
    const imported = node.type === 'ImportSpecifier' ? (node.imported.type === 'Identifier' ? node.imported.name : node.imported.value) : undefined;
    return parent?.type === 'ImportDeclaration' &&
      parent.source.value === module &&
      parent.importKind !== 'type' &&
      imported === name &&
      node.type === 'ImportSpecifier' &&
      node.importKind !== 'type'
      ? 'ready'
      : 'other';
  }
  if (def.type !== 'Variable' || requireSource(def.node.init) !== module || def.node.id.type !== 'ObjectPattern') return 'other';
  const prop = def.name.parent;
  if (prop?.type !== 'Property' || prop.value !== def.name || (prop.key.type === 'Identifier' ? prop.key.name : undefined) !== name) return 'other';
  const declaration = def.node.parent;
  const list = declaration?.parent;
  if (!declaration || !list) return 'other';
  const holder = childOf(site, list);
  if (!holder || holder.range[0] < declaration.range[1]) return 'late';
  if (!isHoisted(holder)) return 'ready';
  const siblings = 'body' in list && Array.isArray(list.body) ? (list.body as TSESTree.Node[]) : [];
  return siblings.slice(0, siblings.indexOf(declaration)).every(isHeaderStatement) ? 'ready' : 'late';
}

/** The variable `name` resolves to at `site`. */
function resolve(sourceCode: SourceCode, site: TSESTree.Node, name: string): Scope.Variable | undefined {
  for (let scope: Scope.Scope | null = sourceCode.getScope(site); scope; scope = scope.upper) {
    const v = scope.set.get(name);
    if (v) return v;
  }
  return undefined;
}

interface FileImports {
  readonly imports: readonly TSESTree.ImportDeclaration[];
  /** Imports and `import x = require('…')` (TypeScript): new imports go after them, in ESM syntax. */
  readonly importLike: readonly (TSESTree.ImportDeclaration | TSESTree.TSImportEqualsDeclaration)[];
  readonly requires: readonly TSESTree.VariableDeclaration[];
  /** The file is CommonJS: a new import is a `require`. */
  readonly useRequire: boolean;
}

const fileImports = new WeakMap<object, FileImports>();

/** The file's top-level imports and requires (once per file: a file with many findings asks for each). */
function importsOf(sourceCode: SourceCode): FileImports {
  const cached = fileImports.get(sourceCode.ast);
  if (cached) return cached;
  const body = sourceCode.ast.body;
  const imports = body.filter((s): s is TSESTree.ImportDeclaration => s.type === 'ImportDeclaration');
  const importLike = body.filter(
    (s): s is TSESTree.ImportDeclaration | TSESTree.TSImportEqualsDeclaration => s.type === 'ImportDeclaration' || s.type === 'TSImportEqualsDeclaration',
  );
  const requires = topLevelRequires(sourceCode.ast);
  const result = { imports, importLike, requires, useRequire: importLike.length === 0 && (requires.length > 0 || isCommonJsFile(sourceCode)) };
  fileImports.set(sourceCode.ast, result);
  return result;
}

interface Placement {
  readonly at: number;
  readonly text: string;
}

/** How to make `name` (an export of `module`) available at the top of the file, or (given the `site` it is used at) where `site` runs. */
export function planNamedImport(sourceCode: SourceCode, module: string, name: string, site?: TSESTree.Node): ImportPlan {
  const program = sourceCode.ast;
  const text = sourceCode.text;
  const globalScope = sourceCode.scopeManager?.globalScope;
  const moduleScope = globalScope?.childScopes.find((s) => s.type === 'module') ?? globalScope;
  const existing = site ? resolve(sourceCode, site, name) : moduleScope?.set.get(name);
  let late: Scope.Variable | undefined;
  if (existing && existing.defs.length > 0) {
    const binding = site ? bindingOf(existing, module, name, site) : bindingOf(existing, module, name, existing.defs[0]!.name);
    if (binding === 'ready' || (!site && binding === 'late')) return { kind: 'present' };
    if (binding === 'other') return { kind: 'conflict' };
    late = existing;
  } else if (existing || globalScope?.through.some((r) => r.identifier.name === name)) {
    // A global of that name, or references to an undeclared one: a new binding would capture them.
    return { kind: 'conflict' };
  }

  const { imports, importLike, requires, useRequire } = importsOf(sourceCode);
  const line = useRequire ? `const { ${name} } = require(${stringLiteral(module)});` : `import { ${name} } from ${stringLiteral(module)};`;

  const conventional = (): Placement | undefined => {
    if (late) return undefined; // the module-level require is there but runs too late for this site
    if (!useRequire) {
      const same = imports.find((i) => i.source.value === module && i.importKind !== 'type');
      const named = same?.specifiers.filter((s): s is TSESTree.ImportSpecifier => s.type === 'ImportSpecifier');
      const last = named?.[named.length - 1];
      if (same && last) return { at: last.range[1], text: `, ${name}` };
      if (same && same.specifiers.length === 1 && same.specifiers[0]?.type === 'ImportDefaultSpecifier')
        return { at: same.specifiers[0].range[1], text: `, { ${name} }` };
      const after = importLike[importLike.length - 1];
      if (after) return afterLine(after);
      return atTop();
    }
    for (const decl of requires) {
      for (const d of decl.declarations) {
        if (requireSource(d.init) !== module || d.id.type !== 'ObjectPattern') continue;
        const props = d.id.properties;
        const last = props[props.length - 1];
        if (last && last.type !== 'RestElement') return { at: last.range[1], text: `, ${name}` };
      }
    }
    const after = requires[requires.length - 1];
    if (after) return afterLine(after);
    return atTop();
  };

  /** A new line after the line that `node` ends on (after any comment there). */
  const afterLine = (node: TSESTree.Node): Placement => {
    const at = lineEndOf(text, node.range[1]);
    return { at, text: `${lineBreakAt(text, node.range[1])}${line}` };
  };

  /** After a shebang and leading directives (`'use strict'`), else before the first statement, after the file's leading comments (licence, `// @ts-check`) but before line directives that act on that statement. */
  const atTop = (): Placement => {
    let lastDirective: TSESTree.Node | undefined;
    for (const s of program.body) {
      if (s.type === 'ExpressionStatement' && 'directive' in s && s.directive) lastDirective = s;
      else break;
    }
    if (lastDirective) return afterLine(lastDirective);
    const first = program.body[0];
    if (!first) return { at: 0, text: `${line}${lineBreakAt(text, 0)}` };
    const at = insertionPointBefore(sourceCode, first, true);
    return { at, text: lineBefore(sourceCode, at, line) };
  };

  /** Right before the statement that holds `site` (see the module comment), when that is allowed there. */
  const near = (): Placement | undefined => {
    if (!site) return undefined;
    let holder: TSESTree.Node | undefined;
    if (!useRequire) holder = childOf(site, program);
    else {
      for (let n: TSESTree.Node | undefined = site; n?.parent; n = n.parent) {
        if (STATEMENT_LISTS.has(n.parent.type)) {
          holder = n;
          break;
        }
      }
      // A hoisted function declaration can run before a `const` placed above it.
      if (holder && isHoisted(holder)) return undefined;
      // Not beside the late require itself (the same block), nor beside a `var` (function-scoped).
      const lateDeclaration = late?.defs[0]?.node.parent;
      if (
        holder &&
        lateDeclaration &&
        (lateDeclaration.parent === holder.parent || (lateDeclaration.type === 'VariableDeclaration' && lateDeclaration.kind === 'var'))
      )
        return undefined;
    }
    if (!holder) return undefined;
    if (holder === program.body[0] && !late) return atTop();
    const at = insertionPointBefore(sourceCode, holder, false, NEAR_LIMIT / 4);
    return { at, text: lineBefore(sourceCode, at, line) };
  };

  let placement = conventional();
  if (site && (!placement || site.range[0] - placement.at > NEAR_LIMIT)) {
    const closer = near();
    if (closer && (!placement || closer.at > placement.at)) placement = closer;
  }
  if (!placement) return { kind: 'conflict' };
  const { at, text: insert } = placement;
  return { kind: 'add', at, text: insert, key: `${name} from ${module}`, fix: (fixer) => fixer.insertTextAfterRange([at, at], insert) };
}

function isCommonJsFile(sourceCode: SourceCode): boolean {
  const text = sourceCode.text;
  return /\brequire\s*\(/.test(text) || /\bmodule\.exports\b/.test(text) || /^\s*['"]use strict['"]/.test(text);
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
