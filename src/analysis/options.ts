/**
 * Option bags: which keys an options object has where it is used, and where an object literal goes.
 *
 * `bagOf` answers "what does the bag passed here contain?": object literals, spreads (later keys
 * win), `Object.assign`, `const` variables with property writes made before the use
 * (`opts.rejectUnauthorized = false`), class fields (`this.opts`), members of const objects.
 * `destinationsOf` answers the other direction, "where does this object literal end up?": call
 * arguments (with the nesting path inside the argument), assignments, through variables, spreads,
 * class fields and local functions that return it.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { declaredName, forEachChild, isEffectivelyConst, isFunctionNode, memberName, propertyName, staticKeyName, unwrap, valueParent } from './ast.js';
import { memoize, type FileContext } from './file-context.js';
import { PATH_ANY, PATH_ELEMENT, PATH_RETURN } from './catalogue/model.js';

export interface BagEntry {
  readonly key: string;
  /** The value expression (a function for methods); undefined for getters and setters. */
  readonly value: TSESTree.Node | undefined;
  /** The node that sets the key: a Property, an AssignmentExpression or a PropertyDefinition. */
  readonly node: TSESTree.Node;
  readonly source: 'literal' | 'write';
}

const OPEN: unique symbol = Symbol('open');
type Item = BagEntry | typeof OPEN;
const OPEN_ITEMS: readonly Item[] = [OPEN];

export interface OptionBag {
  /** Entries and unknown contributions (spreads of unknown objects, escapes) in evaluation order. */
  readonly items: readonly Item[];
}

export interface Lookup {
  readonly entry: BagEntry;
  /** An unknown contribution after the entry might replace it. */
  readonly overridable: boolean;
}

export function isOpen(bag: OptionBag): boolean {
  return bag.items.includes(OPEN);
}

export function entries(bag: OptionBag): BagEntry[] {
  return bag.items.filter((i): i is BagEntry => i !== OPEN);
}

/** The effective entry for `key` (the last one written). */
export function lookup(bag: OptionBag, key: string): Lookup | undefined {
  for (let i = bag.items.length - 1; i >= 0; i--) {
    const item = bag.items[i];
    if (item !== OPEN && item?.key === key) {
      return { entry: item, overridable: bag.items.slice(i + 1).includes(OPEN) };
    }
  }
  return undefined;
}

/** True when the bag provably has no `key` at all (it is closed and no entry sets it). */
export function provablyLacks(bag: OptionBag, key: string): boolean {
  return !isOpen(bag) && !lookup(bag, key);
}

const MAX_DEPTH = 10;

/**
 * The option bag an expression evaluates to, or undefined when its contents cannot be known.
 * `consumer` is the node that uses the bag (a call): writes after it and the use itself are ignored.
 */
export function bagOf(fc: FileContext, node: TSESTree.Node, consumer?: TSESTree.Node): OptionBag | undefined {
  if (consumer) return computeBag(fc, unwrap(node), consumer, 0);
  return memoize(fc, 'bag', node, () => computeBag(fc, unwrap(node), undefined, 0), undefined);
}

function computeBag(fc: FileContext, node: TSESTree.Node, consumer: TSESTree.Node | undefined, depth: number): OptionBag | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (node.type) {
    case 'ObjectExpression':
      return { items: objectItems(fc, node, consumer, depth) };
    case 'Identifier':
      return identifierBag(fc, node, consumer, depth);
    case 'CallExpression': {
      if (!isObjectAssign(fc, node)) return undefined;
      const items: Item[] = [];
      for (const arg of node.arguments) {
        const inner = arg.type === 'SpreadElement' ? undefined : computeBag(fc, unwrap(arg), consumer, depth + 1);
        items.push(...(inner ? inner.items : OPEN_ITEMS));
      }
      return { items };
    }
    case 'MemberExpression': {
      const value = lookupMember(fc, node);
      return value ? computeBag(fc, unwrap(value), consumer, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

function objectItems(fc: FileContext, node: TSESTree.ObjectExpression, consumer: TSESTree.Node | undefined, depth: number): Item[] {
  const items: Item[] = [];
  for (const prop of node.properties) {
    if (prop.type === 'SpreadElement') {
      const inner = computeBag(fc, unwrap(prop.argument), consumer, depth + 1);
      items.push(...(inner ? inner.items : OPEN_ITEMS));
      continue;
    }
    const key = propertyName(prop);
    if (key === undefined) {
      items.push(OPEN);
      continue;
    }
    const accessor = prop.kind === 'get' || prop.kind === 'set';
    items.push({ key, value: accessor ? undefined : prop.value, node: prop, source: 'literal' });
  }
  return items;
}

function identifierBag(fc: FileContext, id: TSESTree.Identifier, consumer: TSESTree.Node | undefined, depth: number): OptionBag | undefined {
  const variable = fc.findVariable(id);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.type !== 'Variable' || def.node.id.type !== 'Identifier') return undefined;
  const declarator = def.node;
  if (!declarator.init || !isEffectivelyConst(declarator, fc.writeCount(variable))) return undefined;
  const base = computeBag(fc, unwrap(declarator.init), consumer, depth + 1);
  if (!base) return undefined;
  return { items: [...base.items, ...laterContributions(fc, variable, consumer, depth)] };
}

/** Property writes, `Object.assign(v, …)` and escapes of a variable, in source order, before `consumer`. */
function laterContributions(fc: FileContext, variable: Scope.Variable, consumer: TSESTree.Node | undefined, depth: number): Item[] {
  const items: Item[] = [];
  for (const ref of variable.references) {
    if (ref.init) continue;
    const id = ref.identifier;
    if (consumer && id.range[0] >= consumer.range[0]) continue;
    const { parent, child } = valueParent(id);
    if (!parent) continue;
    if (parent.type === 'MemberExpression' && parent.object === child) {
      const { parent: outer, child: memberNode } = valueParent(parent);
      if (outer?.type === 'AssignmentExpression' && outer.left === memberNode) {
        const key = memberName(parent);
        if (key === undefined || outer.operator !== '=') items.push(OPEN);
        else items.push({ key, value: outer.right, node: outer, source: 'write' });
      } else if (outer?.type === 'UnaryExpression' && outer.operator === 'delete') {
        items.push(OPEN);
      }
      continue;
    }
    if (parent.type === 'CallExpression' || parent.type === 'NewExpression') {
      if (parent.callee === child) continue;
      // A source of `Object.assign(target, …, v, …)` is only read.
      if (parent.type === 'CallExpression' && isObjectAssign(fc, parent) && parent.arguments.indexOf(child as TSESTree.CallExpressionArgument) > 0) continue;
      if (parent.type === 'CallExpression' && isObjectAssign(fc, parent) && parent.arguments[0] === child) {
        for (const arg of parent.arguments.slice(1)) {
          const inner = arg.type === 'SpreadElement' ? undefined : computeBag(fc, unwrap(arg), undefined, depth + 1);
          items.push(...(inner ? inner.items : OPEN_ITEMS));
        }
        continue;
      }
      // Passed to some function before the use: it may add keys.
      items.push(OPEN);
    }
  }
  return items;
}

function isObjectAssign(fc: FileContext, call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== 'MemberExpression' || memberName(callee) !== 'assign') return false;
  const object = unwrap(callee.object);
  return object.type === 'Identifier' && object.name === 'Object' && isGlobal(fc, object);
}

/** True when the identifier is not declared in the file (a global such as `Object`). */
export function isGlobal(fc: FileContext, id: TSESTree.Identifier): boolean {
  const variable = fc.findVariable(id);
  return !variable || variable.defs.length === 0;
}

/** The value node behind `obj.key` / `this.key` when it is statically known, else undefined. */
export function lookupMember(fc: FileContext, node: TSESTree.MemberExpression): TSESTree.Node | undefined {
  const key = memberName(node);
  if (key === undefined) return undefined;
  const object = unwrap(node.object);
  if (object.type === 'ThisExpression') return classFieldValue(node, key);
  const bag = computeBag(fc, object, undefined, 1);
  const found = bag && lookup(bag, key);
  return found && !found.overridable && found.entry.source === 'literal' ? found.entry.value : undefined;
}

function enclosingClass(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  let current: TSESTree.Node | undefined = node.parent;
  while (current) {
    if (isFunctionNode(current) && current.type !== 'ArrowFunctionExpression') {
      // `this` inside a method: the class is the method's parent's parent.
      const method = current.parent;
      if (method?.type === 'MethodDefinition' && method.parent.type === 'ClassBody') return method.parent;
      return undefined;
    }
    if (current.type === 'PropertyDefinition' && current.parent.type === 'ClassBody') return current.parent;
    current = current.parent;
  }
  return undefined;
}

function classFieldValue(node: TSESTree.MemberExpression, key: string): TSESTree.Node | undefined {
  const body = enclosingClass(node);
  if (!body) return undefined;
  const fields = body.body.filter((m): m is TSESTree.PropertyDefinition => m.type === 'PropertyDefinition' && !m.static && propertyName(m) === key);
  return fields.length === 1 ? (fields[0]?.value ?? undefined) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Where an object goes.

export type Destination =
  | {
      readonly kind: 'argument';
      readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
      readonly index: number;
      /** Property path inside the argument down to the object (`['connect']` for `new Agent({ connect: {...} })`). */
      readonly path: readonly string[];
    }
  | { readonly kind: 'assignment'; readonly target: TSESTree.MemberExpression; readonly path: readonly string[] }
  /** The module's export (`module.exports = …`, `export default …`): a config file read by a tool (webpack, Vite). */
  | { readonly kind: 'export'; readonly path: readonly string[] }
  | { readonly kind: 'unknown' };

/** A catalogue path (with `PATH_ANY` segments) against a destination's path. */
export function pathMatches(pattern: readonly string[], path: readonly string[]): boolean {
  return pattern.length === path.length && pattern.every((p, i) => p === path[i] || (p === PATH_ANY && path[i] !== PATH_RETURN));
}

/** Every place an object literal (or any expression) flows to, as far as the file shows. */
export function destinationsOf(fc: FileContext, node: TSESTree.Node): readonly Destination[] {
  return memoize(
    fc,
    'destinations',
    node,
    () => {
      const out: Destination[] = [];
      follow(fc, node, [], out, new Set(), 0);
      return out;
    },
    [{ kind: 'unknown' }],
  );
}

function follow(fc: FileContext, start: TSESTree.Node, path: readonly string[], out: Destination[], seen: Set<TSESTree.Node>, depth: number): void {
  if (seen.has(start) || depth > MAX_DEPTH) return;
  seen.add(start);
  const { parent, child } = valueParent(start);
  if (!parent) return void out.push({ kind: 'unknown' });
  switch (parent.type) {
    case 'Property': {
      if (parent.value !== child || parent.parent.type !== 'ObjectExpression') break;
      const key = staticKeyName(parent.key, parent.computed);
      if (key === undefined) break;
      return follow(fc, parent.parent, [key, ...path], out, seen, depth + 1);
    }
    case 'SpreadElement':
      if (parent.parent.type === 'ObjectExpression') return follow(fc, parent.parent, path, out, seen, depth + 1);
      break;
    case 'CallExpression':
    case 'NewExpression': {
      const index = parent.arguments.indexOf(child as TSESTree.CallExpressionArgument);
      if (index < 0) break;
      if (parent.type === 'CallExpression' && isObjectAssign(fc, parent)) {
        const target = parent.arguments[0];
        if (index > 0 && target) follow(fc, target, path, out, seen, depth + 1);
        return follow(fc, parent, path, out, seen, depth + 1);
      }
      return void out.push({ kind: 'argument', call: parent, index, path });
    }
    case 'VariableDeclarator':
      if (parent.init === child && parent.id.type === 'Identifier') return followVariable(fc, parent.id, path, out, seen, depth);
      break;
    case 'AssignmentExpression': {
      if (parent.right !== child || parent.operator !== '=') break;
      const left = unwrap(parent.left);
      if (left.type === 'MemberExpression' && isModuleExports(left)) return void out.push({ kind: 'export', path });
      if (left.type === 'MemberExpression') return void out.push({ kind: 'assignment', target: left, path });
      if (left.type === 'Identifier') return followVariable(fc, left, path, out, seen, depth);
      break;
    }
    case 'PropertyDefinition': {
      if (parent.value !== child) break;
      const key = propertyName(parent);
      if (key === undefined || parent.parent.type !== 'ClassBody') break;
      const uses = thisMemberUses(parent.parent, key);
      if (uses.length === 0) break;
      for (const use of uses) follow(fc, use, path, out, seen, depth + 1);
      return;
    }
    case 'ReturnStatement':
    case 'ArrowFunctionExpression': {
      const fn = parent.type === 'ReturnStatement' ? enclosingFunction(parent) : parent;
      if (parent.type === 'ArrowFunctionExpression' && parent.body !== child) break;
      if (!fn) break;
      const calls = localCallSites(fc, fn);
      if (calls && calls.length > 0) {
        for (const call of calls) follow(fc, call, path, out, seen, depth + 1);
        return;
      }
      // A function value that is passed on or exported (`defineConfig(() => ({ … }))`): its result goes where the function goes.
      if (!calls && returnedValueFlows(fn)) return follow(fc, fn, [PATH_RETURN, ...path], out, seen, depth + 1);
      break;
    }
    case 'ArrayExpression':
      return follow(fc, parent, [PATH_ELEMENT, ...path], out, seen, depth + 1);
    case 'ExportDefaultDeclaration':
      return void out.push({ kind: 'export', path });
    case 'ConditionalExpression':
      if (parent.test !== child) return follow(fc, parent, path, out, seen, depth + 1);
      break;
    case 'LogicalExpression':
    case 'AwaitExpression':
      return follow(fc, parent, path, out, seen, depth + 1);
    default:
      break;
  }
  out.push({ kind: 'unknown' });
}

function followVariable(fc: FileContext, id: TSESTree.Identifier, path: readonly string[], out: Destination[], seen: Set<TSESTree.Node>, depth: number): void {
  const variable = fc.findVariable(id);
  if (!variable) return void out.push({ kind: 'unknown' });
  const reads = variable.references.filter((r) => r.isRead() && !r.init && r.identifier !== id);
  if (isExported(variable) || reads.length === 0) out.push({ kind: 'unknown' });
  for (const ref of reads) {
    const { parent, child } = valueParent(ref.identifier);
    // `opts.x = …` and `opts.x` reads are not flows of the whole object.
    if (parent?.type === 'MemberExpression' && parent.object === child) continue;
    follow(fc, ref.identifier, path, out, seen, depth + 1);
  }
}

function isExported(variable: Scope.Variable): boolean {
  const def = variable.defs[0];
  if (!def) return false;
  let node: TSESTree.Node | undefined = def.node;
  for (let i = 0; node && i < 3; i++, node = node.parent) {
    if (node.type === 'ExportNamedDeclaration' || node.type === 'ExportDefaultDeclaration') return true;
  }
  return variable.references.some((r) => {
    const p = r.identifier.parent;
    return (
      p?.type === 'ExportSpecifier' ||
      p?.type === 'ExportDefaultDeclaration' ||
      (p?.type === 'AssignmentExpression' && p.right === r.identifier && isModuleExportsTarget(p.left)) ||
      (p?.type === 'Property' &&
        p.parent.type === 'ObjectExpression' &&
        p.parent.parent?.type === 'AssignmentExpression' &&
        isModuleExportsTarget(p.parent.parent.left))
    );
  });
}

/** `module.exports` itself (not a property of it). */
function isModuleExports(node: TSESTree.MemberExpression): boolean {
  const object = unwrap(node.object);
  return object.type === 'Identifier' && object.name === 'module' && memberName(node) === 'exports';
}

/**
 * A function expression whose value flows on as a value (an argument, an export, a variable), so
 * that following it with `PATH_RETURN` says where its result goes. A function declaration or method
 * is reached through its name instead (`localCallSites`).
 */
function returnedValueFlows(fn: TSESTree.Node): boolean {
  if (fn.type === 'FunctionDeclaration') return fn.parent.type === 'ExportDefaultDeclaration';
  const { parent } = valueParent(fn);
  return (
    parent?.type === 'CallExpression' ||
    parent?.type === 'NewExpression' ||
    parent?.type === 'ExportDefaultDeclaration' ||
    parent?.type === 'AssignmentExpression' ||
    parent?.type === 'ArrayExpression' ||
    parent?.type === 'Property' ||
    parent?.type === 'VariableDeclarator'
  );
}

function isModuleExportsTarget(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  if (n.type !== 'MemberExpression') return false;
  const obj = unwrap(n.object);
  if (obj.type === 'Identifier' && (obj.name === 'exports' || obj.name === 'module')) return true;
  return isModuleExportsTarget(obj);
}

function thisMemberUses(body: TSESTree.ClassBody, key: string): TSESTree.MemberExpression[] {
  const uses: TSESTree.MemberExpression[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node.type === 'MemberExpression' && node.object.type === 'ThisExpression' && memberName(node) === key) {
      uses.push(node);
    }
    forEachChild(node, visit);
  };
  visit(body);
  return uses;
}

function enclosingFunction(node: TSESTree.Node): TSESTree.Node | undefined {
  let current = node.parent;
  while (current && !isFunctionNode(current)) current = current.parent;
  return current;
}

/** Call sites of a function declared in this file (`function f() {}` or `const f = () => …`). */
function localCallSites(fc: FileContext, fn: TSESTree.Node): TSESTree.CallExpression[] | undefined {
  const id = declaredName(fn);
  const variable = id && fc.findVariable(id);
  if (!variable || isExported(variable)) return undefined;
  const calls: TSESTree.CallExpression[] = [];
  for (const ref of variable.references) {
    const { parent, child } = valueParent(ref.identifier);
    if (parent?.type === 'CallExpression' && parent.callee === child) calls.push(parent);
    else if (!ref.init) return undefined; // passed around: calls we cannot see
  }
  return calls;
}

/** A literal `const` object behind an identifier (for lookups such as `CONFIG.tls`). */
export function constObject(fc: FileContext, id: TSESTree.Identifier): TSESTree.ObjectExpression | undefined {
  const variable = fc.findVariable(id);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.type !== 'Variable' || !def.node.init || !isEffectivelyConst(def.node, fc.writeCount(variable))) return undefined;
  const init = unwrap(def.node.init);
  return init.type === 'ObjectExpression' ? init : undefined;
}
