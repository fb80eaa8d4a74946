/**
 * Which expressions denote a module or one of its exports: `tls`, `tls.connect`, `connect` (named
 * import), `https.globalAgent.options`, `require('node:tls').connect`, `(await import('tls')).connect`.
 *
 * Recognised binding forms: ESM default, namespace, named and aliased imports; `require()` with and
 * without destructuring (nested patterns too); `import x = require()`; `const c = tls.connect`
 * aliases; dynamic `await import()`. Resolution is lazy and memoised per file: nothing is walked
 * until a rule asks about a node.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { isEffectivelyConst, memberName, staticKeyName, unwrap } from './ast.js';
import { memoize, type FileContext } from './file-context.js';
import { escapeRegExp as esc } from './gate.js';
import { PATH_RETURN } from './catalogue/model.js';

export interface ModuleRef {
  /** Module specifier without the `node:` prefix: `tls`, `https`, `undici`, `@grpc/grpc-js`. */
  readonly module: string;
  /** Export path below the module object. `[]` is the module (or default export) itself. */
  readonly path: readonly string[];
}

/**
 * Globals that behave like a module object when not shadowed. Besides `process` and `fetch`, the
 * Node REPL (and `node -e`/`-p`) exposes every built-in module as a global of the same name, so an
 * undeclared `tls`, `https`, `http2` or `net` can only be that module: snippets written for the REPL,
 * documentation examples and test fixtures use them without a `require`. (`crypto` is not in the
 * list: outside the REPL the global `crypto` is Web Crypto, not the `node:crypto` module.)
 */
const GLOBAL_MODULES: Readonly<Record<string, ModuleRef>> = {
  process: { module: 'process', path: [] },
  fetch: { module: 'undici', path: ['fetch'] },
  tls: { module: 'tls', path: [] },
  https: { module: 'https', path: [] },
  http2: { module: 'http2', path: [] },
  net: { module: 'net', path: [] },
};

export function normalizeModule(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice(5) : specifier;
}

export function refKey(ref: ModuleRef): string {
  return ref.path.length ? `${ref.module}#${ref.path.join('.')}` : ref.module;
}

const specifierPatterns = new WeakMap<readonly string[], { readonly name: string; readonly pattern: RegExp }>();

/**
 * A cheap, conservative pre-check before resolving nodes against a list of modules: false when no
 * node of this file can resolve to any of `modules`. A module is reached only through its specifier
 * written as a static string (`import`, `require()`, `import()`, `import x = require()`) or through
 * a global of GLOBAL_MODULES (`fetch`, `process`, `tls`...), so a file whose text has neither is skipped
 * without a scope lookup. One regular expression scan per file and module list (pass the same
 * array each time: the expression is cached by array).
 */
export function mayReferenceModules(fc: FileContext, modules: readonly string[]): boolean {
  if (modules.length === 0) return false;
  let cached = specifierPatterns.get(modules);
  if (!cached) {
    const globals = Object.entries(GLOBAL_MODULES)
      .filter(([, ref]) => modules.includes(ref.module))
      // A URL (`https://`) is not a reference to the `https` global.
      .map(([name]) => `\\b${esc(name)}\\b(?!:\\/\\/)`);
    const specifiers = `['"\`](?:node:)?(?:${modules.map(esc).join('|')})['"\`]`;
    cached = { name: `mayReference:${modules.join(',')}`, pattern: new RegExp([specifiers, ...globals].join('|')) };
    specifierPatterns.set(modules, cached);
  }
  const { name, pattern } = cached;
  return memoize(fc, name, fc.sourceCode.ast, () => pattern.test(fc.sourceCode.text), true);
}

/** Resolves `node` to a module export, or undefined when it is not (provably) one. */
export function resolveModuleRef(fc: FileContext, node: TSESTree.Node): ModuleRef | undefined {
  return memoize(fc, 'moduleRef', node, () => compute(fc, unwrap(node)), undefined);
}

function compute(fc: FileContext, node: TSESTree.Node): ModuleRef | undefined {
  switch (node.type) {
    case 'Identifier':
      return resolveIdentifier(fc, node);
    case 'MemberExpression': {
      const name = memberName(node);
      if (name === undefined) return undefined;
      const base = resolveModuleRef(fc, node.object);
      if (!base) return undefined;
      // `import * as m from 'cjs'` then `m.default.x` is the same export as `m.x`.
      if (name === 'default' && base.path.length === 0) return base;
      return { module: base.module, path: [...base.path, name] };
    }
    case 'CallExpression':
      return requireCall(node);
    case 'AwaitExpression':
      return node.argument.type === 'ImportExpression' ? importExpression(node.argument) : undefined;
    case 'LogicalExpression': {
      // `crypto.constants || {}`: the fallback is never taken where the left side always exists.
      const right = unwrap(node.right);
      if (node.operator === '&&' || right.type !== 'ObjectExpression' || right.properties.length > 0) return undefined;
      const left = resolveModuleRef(fc, node.left);
      return left && alwaysAnObject(left) ? left : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * True for a module export that is an object on every Node release the plugin supports, so that
 * `crypto.constants || {}` is `crypto.constants` (whistle 2.10.10).
 */
function alwaysAnObject(ref: ModuleRef): boolean {
  return (ref.module === 'crypto' && ref.path.length === 1 && ref.path[0] === 'constants') || (ref.module === 'constants' && ref.path.length === 0);
}

function requireCall(node: TSESTree.CallExpression): ModuleRef | undefined {
  const callee = unwrap(node.callee);
  if (callee.type !== 'Identifier' || callee.name !== 'require') return undefined;
  const arg = node.arguments[0];
  if (node.arguments.length !== 1 || !arg) return undefined;
  const spec = staticString(arg);
  return spec === undefined ? undefined : { module: normalizeModule(spec), path: [] };
}

function importExpression(node: TSESTree.ImportExpression): ModuleRef | undefined {
  const spec = staticString(node.source);
  return spec === undefined ? undefined : { module: normalizeModule(spec), path: [] };
}

function staticString(node: TSESTree.Node): string | undefined {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

function resolveIdentifier(fc: FileContext, id: TSESTree.Identifier): ModuleRef | undefined {
  const variable = fc.findVariable(id);
  if (!variable || variable.defs.length === 0) {
    // An unresolved global (no declaration in scope).
    return Object.hasOwn(GLOBAL_MODULES, id.name) ? GLOBAL_MODULES[id.name] : undefined;
  }
  return resolveVariable(fc, variable);
}

export function resolveVariable(fc: FileContext, variable: Scope.Variable): ModuleRef | undefined {
  if (variable.defs.length !== 1) return undefined;
  const def = variable.defs[0];
  if (!def) return undefined;
  if (def.type === 'ImportBinding') {
    const spec = def.node;
    if (spec.type === 'TSImportEqualsDeclaration') {
      const ref = spec.moduleReference;
      if (ref.type === 'TSExternalModuleReference') {
        const s = staticString(ref.expression);
        return s === undefined ? undefined : { module: normalizeModule(s), path: [] };
      }
      return undefined;
    }
    const decl = spec.parent;
    if (decl?.type !== 'ImportDeclaration') return undefined;
    if (decl.importKind === 'type' || ('importKind' in spec && spec.importKind === 'type')) return undefined;
    const module = normalizeModule(decl.source.value);
    if (spec.type === 'ImportSpecifier') {
      const imported = spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value;
      return imported === 'default' ? { module, path: [] } : { module, path: [imported] };
    }
    return { module, path: [] };
  }
  if (def.type === 'Variable') {
    const declarator = def.node;
    if (!declarator.init || !isEffectivelyConst(declarator, fc.writeCount(variable))) return undefined;
    const base = resolveModuleRef(fc, declarator.init);
    if (!base) return undefined;
    const sub = patternPath(declarator.id, def.name);
    return sub ? { module: base.module, path: [...base.path, ...sub] } : undefined;
  }
  return undefined;
}

/** The property path from a (possibly nested) destructuring pattern down to `target`. */
export function patternPath(pattern: TSESTree.Node, target: TSESTree.Identifier): string[] | undefined {
  if (pattern === target) return [];
  switch (pattern.type) {
    case 'Identifier':
      return undefined;
    case 'AssignmentPattern':
      return patternPath(pattern.left, target);
    case 'ObjectPattern':
      for (const prop of pattern.properties) {
        if (prop.type !== 'Property') continue;
        const inner = patternPath(prop.value, target);
        if (inner) {
          const key = staticKeyName(prop.key, prop.computed);
          return key === undefined ? undefined : [key, ...inner];
        }
      }
      return undefined;
    default:
      return undefined;
  }
}

/**
 * The API a callee denotes, also when it is a method of an object that a module's function or
 * class made: `httpProxy.createProxyServer(o).web` and `const p = httpProxy.createProxyServer(o);
 * p.web` both denote `http-proxy` `['createProxyServer', '()', 'web']` (`PATH_RETURN` marks the
 * call's result). Only for catalogue rows that name such paths; other analyses use `resolveModuleRef`.
 */
export function resolveCalleeRef(fc: FileContext, node: TSESTree.Node): ModuleRef | undefined {
  const direct = resolveModuleRef(fc, node);
  if (direct) return direct;
  const callee = unwrap(node);
  if (callee.type !== 'MemberExpression') return undefined;
  const name = memberName(callee);
  const made = name === undefined ? undefined : instanceOf(fc, unwrap(callee.object), 0);
  return made && { module: made.module, path: [...made.path, PATH_RETURN, name!] };
}

/**
 * The module export whose call (or `new`) made this value: the call itself, a `const` initialised
 * with it, or a parameter that nothing reassigns whose TypeScript type is the module's exported
 * class (`proxy: httpProxy` with `import httpProxy from 'http-proxy'`: TypeScript admits only its
 * instances, as `new httpProxy()` makes them). Untyped code has no such proof (a `.web(req, res, o)`
 * call's shape is none).
 */
function instanceOf(fc: FileContext, node: TSESTree.Node, depth: number): ModuleRef | undefined {
  if (depth > 4) return undefined;
  if (node.type === 'CallExpression' || node.type === 'NewExpression') return resolveModuleRef(fc, node.callee);
  if (node.type !== 'Identifier') return undefined;
  const variable = fc.findVariable(node);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (variable && def?.type === 'Parameter' && def.name.type === 'Identifier' && fc.writeCount(variable) === 0) {
    const type = def.name.typeAnnotation?.typeAnnotation;
    return type?.type === 'TSTypeReference' && type.typeName.type === 'Identifier' ? resolveModuleRef(fc, type.typeName) : undefined;
  }
  if (!variable || def?.type !== 'Variable' || def.node.id !== def.name || !def.node.init || !isEffectivelyConst(def.node, fc.writeCount(variable)))
    return undefined;
  return instanceOf(fc, unwrap(def.node.init), depth + 1);
}

/** True when `node` is a reference to the given export, e.g. `isModuleRef(fc, n, 'tls', 'connect')`. */
export function isModuleRef(fc: FileContext, node: TSESTree.Node, module: string, ...path: string[]): boolean {
  const ref = resolveModuleRef(fc, node);
  return !!ref && ref.module === module && ref.path.length === path.length && ref.path.every((p, i) => p === path[i]);
}
