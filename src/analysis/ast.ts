/**
 * Small AST helpers shared by the analysis core. Pure functions over ESTree / TSESTree nodes.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

export type Node = TSESTree.Node;
export type Expression = TSESTree.Expression;

/**
 * The variable `nameOrNode` refers to from `scope`: looked up in `scope`, then in the scopes around
 * it. For an identifier, the lookup starts in the innermost scope below `scope` that contains it (as
 * `ASTUtils.findVariable` of typescript-eslint / eslint-utils does; kept here so that the plugin does
 * not load `@typescript-eslint/utils` at run time).
 */
export function findVariable(scope: TSESLint.Scope.Scope, nameOrNode: string | TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
  let current: TSESLint.Scope.Scope | null = scope;
  let name: string;
  if (typeof nameOrNode === 'string') {
    name = nameOrNode;
  } else {
    name = nameOrNode.name;
    const at = nameOrNode.range[0];
    for (let inner: TSESLint.Scope.Scope | undefined = current; inner;) {
      current = inner;
      inner = inner.childScopes.find((child) => child.block.range[0] <= at && at < child.block.range[1]);
    }
  }
  for (; current; current = current.upper) {
    const variable = current.set.get(name);
    if (variable) return variable;
  }
  return undefined;
}

/** A `,` punctuator token. */
export function isCommaToken(token: TSESTree.Token): boolean {
  return token.type === 'Punctuator' && token.value === ',';
}

/** Wrappers that do not change the runtime value of an expression. */
const TRANSPARENT = new Set<string>([
  'TSAsExpression',
  'TSSatisfiesExpression',
  'TSNonNullExpression',
  'TSTypeAssertion',
  'TSInstantiationExpression',
  'ChainExpression',
]);

/** Strips `as`, `satisfies`, `!`, `<T>x` and optional-chain wrappers (parentheses are not nodes in ESTree). */
export function unwrap(node: Node): Node {
  let current = node;
  while (TRANSPARENT.has(current.type)) {
    current = (current as TSESTree.TSAsExpression).expression;
  }
  return current;
}

/** The parent of `node` after climbing out of value-preserving wrappers. */
export function valueParent(node: Node): { parent: Node | undefined; child: Node } {
  let child = node;
  let parent = node.parent;
  while (parent && TRANSPARENT.has(parent.type)) {
    child = parent;
    parent = parent.parent;
  }
  return { parent, child };
}

/** The name a function is declared under in this file: `function f() {}`, `const f = () => …`. */
export function declaredName(fn: Node): TSESTree.Identifier | undefined {
  if (fn.type === 'FunctionDeclaration' && fn.id) return fn.id;
  const { parent } = valueParent(fn);
  return parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' ? parent.id : undefined;
}

/** The static name of a property key or member property: `a`, `'a'`, `["a"]`, `` [`a`] ``. */
export function staticKeyName(key: Node, computed: boolean): string | undefined {
  if (!computed && key.type === 'Identifier') return key.name;
  if (key.type === 'PrivateIdentifier') return undefined;
  if (key.type === 'Literal') {
    if (typeof key.value === 'string') return key.value;
    if (typeof key.value === 'number') return String(key.value);
    return undefined;
  }
  if (key.type === 'TemplateLiteral' && key.expressions.length === 0) {
    return key.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

export function propertyName(node: TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition): string | undefined {
  return staticKeyName(node.key, node.computed);
}

export function memberName(node: TSESTree.MemberExpression): string | undefined {
  return staticKeyName(node.property, node.computed);
}

/** `const`, or `let`/`var` that is never written after its declaration. */
export function isEffectivelyConst(declarator: TSESTree.VariableDeclarator, writeCount: number): boolean {
  const decl = declarator.parent;
  if (decl?.type !== 'VariableDeclaration') return false;
  if (decl.kind === 'const' || decl.kind === 'using' || decl.kind === 'await using') return true;
  return writeCount === 0;
}

export function isFunctionNode(node: Node | undefined): node is TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression {
  return node?.type === 'FunctionDeclaration' || node?.type === 'FunctionExpression' || node?.type === 'ArrowFunctionExpression';
}

/** True when `node` is `undefined` (the global identifier) or `void <expr>`. */
export function isUndefinedNode(node: Node): boolean {
  return (node.type === 'Identifier' && node.name === 'undefined') || (node.type === 'UnaryExpression' && node.operator === 'void');
}

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string';
}

/** Calls `visit` on each direct child node (not `parent`). */
export function forEachChild(node: Node, visit: (child: Node) => void): void {
  for (const key of Object.keys(node)) {
    if (key === 'parent' || key === 'range' || key === 'loc') continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const c of value) if (isNode(c)) visit(c);
    } else if (isNode(value)) visit(value);
  }
}
