/**
 * Static evaluation: the finite set of values an expression may have, or `undefined` (unknown).
 *
 * Handles literals, `const` identifiers (scope-resolved, also `let`/`var` never reassigned),
 * template literals, `+` and bitwise operators, conditional and logical expressions (each branch),
 * unary `!`/`-`/`+`/`void`, TS wrappers, `.join()` of a read-only array literal, members of
 * `const` objects, module constants such as
 * `crypto.constants.SSL_OP_NO_TLSv1`, and, with type information, literal types
 * (`export const VERIFY = false` in another module, a function whose return type is `false`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { isEffectivelyConst, memberName, unwrap, valueParent } from './ast.js';
import { resolveModuleRef } from './bindings.js';
import { moduleConstant } from './constants.js';
import { memoize, type FileContext } from './file-context.js';
import { lookupMember } from './options.js';
import type { Primitive } from './types.js';

export type { Primitive } from './types.js';
/** A finite set of possible values; `undefined` means the value cannot be known statically. */
export type ValueSet = readonly Primitive[] | undefined;

const MAX_VALUES = 32;

export function evaluate(fc: FileContext, node: TSESTree.Node): ValueSet {
  return memoize(fc, 'value', node, () => compute(fc, unwrap(node)), undefined);
}

/** True when the expression is known and every possible value satisfies `predicate`. */
export function always(values: ValueSet, predicate: (v: Primitive) => boolean): values is readonly Primitive[] {
  return values !== undefined && values.length > 0 && values.every(predicate);
}

/** The possible string values, when every possible value is a string. */
export function stringValues(fc: FileContext, node: TSESTree.Node): string[] | undefined {
  const values = evaluate(fc, node);
  return always(values, (v) => typeof v === 'string') ? (values as string[]) : undefined;
}

function dedupe(values: Primitive[]): ValueSet {
  const out: Primitive[] = [];
  for (const v of values) if (!out.some((o) => Object.is(o, v))) out.push(v);
  return out.length > MAX_VALUES ? undefined : out;
}

function compute(fc: FileContext, node: TSESTree.Node): ValueSet {
  switch (node.type) {
    case 'Literal':
      return 'regex' in node && node.regex ? undefined : [node.value as Primitive];
    case 'TemplateLiteral':
      return template(fc, node);
    case 'Identifier':
      return identifier(fc, node) ?? fc.types?.literalValues(node);
    case 'MemberExpression':
      return member(fc, node) ?? fc.types?.literalValues(node);
    case 'UnaryExpression':
      return unary(fc, node);
    case 'BinaryExpression':
      return binary(fc, node);
    case 'LogicalExpression':
      return logical(fc, node);
    case 'ConditionalExpression': {
      const test = evaluate(fc, node.test);
      if (always(test, (v) => !!v)) return evaluate(fc, node.consequent);
      if (always(test, (v) => !v)) return evaluate(fc, node.alternate);
      const a = evaluate(fc, node.consequent);
      const b = evaluate(fc, node.alternate);
      return a && b ? dedupe([...a, ...b]) : undefined;
    }
    case 'SequenceExpression': {
      const last = node.expressions[node.expressions.length - 1];
      return last ? evaluate(fc, last) : undefined;
    }
    case 'AssignmentExpression':
      return node.operator === '=' ? evaluate(fc, node.right) : undefined;
    case 'CallExpression':
      return joined(fc, node) ?? fc.types?.literalValues(node);
    case 'AwaitExpression':
      return fc.types?.literalValues(node);
    default:
      return undefined;
  }
}

function template(fc: FileContext, node: TSESTree.TemplateLiteral): ValueSet {
  let acc: string[] = [node.quasis[0]?.value.cooked ?? ''];
  for (let i = 0; i < node.expressions.length; i++) {
    const expr = node.expressions[i];
    const values = expr ? evaluate(fc, expr) : undefined;
    if (!values) return undefined;
    const tail = node.quasis[i + 1]?.value.cooked ?? '';
    const next: string[] = [];
    for (const prefix of acc) for (const v of values) next.push(prefix + String(v) + tail);
    if (next.length > MAX_VALUES) return undefined;
    acc = next;
  }
  return dedupe(acc);
}

/** Array members that read the array without changing it. */
const READ_ONLY_ARRAY_MEMBERS = new Set(['join', 'includes', 'indexOf', 'at', 'slice', 'concat', 'some', 'every', 'filter', 'map', 'forEach']);

/**
 * `[a, b].join(sep)` and `LIST.join(sep)` for a `const` array literal that is only read
 * (`['ECDHE-RSA-AES128-GCM-SHA256', 'RC4-SHA'].join(':')`, a common way to write cipher lists).
 */
function joined(fc: FileContext, call: TSESTree.CallExpression): ValueSet {
  const callee = unwrap(call.callee);
  if (callee.type !== 'MemberExpression' || callee.optional || memberName(callee) !== 'join' || call.arguments.length > 1) return undefined;
  const sepArg = call.arguments[0];
  let separators: ValueSet = [','];
  if (sepArg) {
    if (sepArg.type === 'SpreadElement') return undefined;
    separators = evaluate(fc, sepArg);
    if (!separators || !separators.every((v) => typeof v === 'string')) return undefined;
  }
  const array = constArray(fc, unwrap(callee.object));
  if (!array) return undefined;
  let acc: string[] = [''];
  for (let i = 0; i < array.elements.length; i++) {
    const element = array.elements[i];
    if (!element || element.type === 'SpreadElement') return undefined;
    const values = evaluate(fc, element);
    if (!values) return undefined;
    const next: string[] = [];
    for (const prefix of acc) {
      for (const v of values) {
        for (const sep of separators as string[]) next.push(`${prefix}${i > 0 ? sep : ''}${v === null || v === undefined ? '' : String(v)}`);
      }
    }
    if (next.length > MAX_VALUES) return undefined;
    acc = next;
  }
  return dedupe(acc);
}

function constArray(fc: FileContext, node: TSESTree.Node): TSESTree.ArrayExpression | undefined {
  if (node.type === 'ArrayExpression') return node;
  if (node.type !== 'Identifier') return undefined;
  const variable = fc.findVariable(node);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.type !== 'Variable' || def.node.id.type !== 'Identifier' || !def.node.init) return undefined;
  if (!isEffectivelyConst(def.node, fc.writeCount(variable))) return undefined;
  const init = unwrap(def.node.init);
  if (init.type !== 'ArrayExpression') return undefined;
  // Every use must only read the array: a `push`, a write or an escape may change its contents.
  for (const ref of variable.references) {
    if (ref.init) continue;
    const { parent, child } = valueParent(ref.identifier);
    if (parent?.type !== 'MemberExpression' || parent.object !== child) return undefined;
    const name = memberName(parent);
    if (name === undefined || !READ_ONLY_ARRAY_MEMBERS.has(name)) return undefined;
  }
  return init;
}

function identifier(fc: FileContext, node: TSESTree.Identifier): ValueSet {
  const variable = fc.findVariable(node);
  if (!variable || variable.defs.length === 0) {
    if (node.name === 'undefined') return [undefined];
    if (node.name === 'NaN') return [NaN];
    if (node.name === 'Infinity') return [Infinity];
    return undefined;
  }
  const def = variable.defs[0];
  const narrowed = def?.type === 'Parameter' && variable.defs.length === 1 && fc.writeCount(variable) === 0 ? narrowedValue(fc, node, variable) : undefined;
  if (narrowed) return narrowed;
  if (variable.defs.length !== 1 || def?.type !== 'Variable') {
    // Imports of module constants (`import { constants } from 'crypto'`) resolve through bindings.
    const ref = resolveModuleRef(fc, node);
    return ref ? moduleConstant(ref) : undefined;
  }
  const declarator = def.node;
  if (declarator.id.type !== 'Identifier') {
    const ref = resolveModuleRef(fc, node);
    return ref ? moduleConstant(ref) : undefined;
  }
  if (!isEffectivelyConst(declarator, fc.writeCount(variable))) return undefined;
  if (!declarator.init) return declarator.parent.kind === 'const' ? undefined : [undefined];
  return evaluate(fc, declarator.init);
}

/**
 * A parameter that nothing reassigns, read inside `if (p === <literal>) { … }`: it holds that
 * literal there (`if (rejectUnauthorized === false) { … { rejectUnauthorized } … }`, urllib 4.9.2).
 * Only strict equality narrows (`== false` also admits `0` and `''`); closures inside the branch
 * see the same value, since the binding is never written.
 */
function narrowedValue(fc: FileContext, node: TSESTree.Identifier, variable: NonNullable<ReturnType<FileContext['findVariable']>>): ValueSet {
  for (let child: TSESTree.Node = node, parent: TSESTree.Node | undefined = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type !== 'IfStatement' || parent.consequent !== child) continue;
    const test = unwrap(parent.test);
    if (test.type !== 'BinaryExpression' || test.operator !== '===') continue;
    const [left, right] = [unwrap(test.left), unwrap(test.right)];
    const [id, literal] = left.type === 'Identifier' ? [left, right] : [right, left];
    if (id.type !== 'Identifier' || literal.type !== 'Literal' || ('regex' in literal && literal.regex)) continue;
    if (fc.findVariable(id) === variable) return [literal.value as Primitive];
  }
  return undefined;
}

function member(fc: FileContext, node: TSESTree.MemberExpression): ValueSet {
  const ref = resolveModuleRef(fc, node);
  if (ref) return moduleConstant(ref);
  const entry = lookupMember(fc, node);
  return entry ? evaluate(fc, entry) : undefined;
}

function unary(fc: FileContext, node: TSESTree.UnaryExpression): ValueSet {
  if (node.operator === 'void') return [undefined];
  const arg = evaluate(fc, node.argument);
  if (!arg) return undefined;
  switch (node.operator) {
    case '!':
      return dedupe(arg.map((v) => !v));
    case '-':
      return dedupe(arg.map((v) => (typeof v === 'bigint' ? -v : -Number(v))));
    case '+':
      return dedupe(arg.map((v) => Number(v)));
    case '~':
      return dedupe(arg.map((v) => ~Number(v)));
    case 'typeof':
      return dedupe(arg.map((v) => (v === null ? 'object' : typeof v)));
    default:
      return undefined;
  }
}

type BinaryOp = (a: Primitive, b: Primitive) => Primitive;
const BINARY: Readonly<Record<string, BinaryOp>> = {
  '+': (a, b) => (typeof a === 'string' || typeof b === 'string' ? String(a) + String(b) : Number(a) + Number(b)),
  '|': (a, b) => Number(a) | Number(b),
  '&': (a, b) => Number(a) & Number(b),
  '^': (a, b) => Number(a) ^ Number(b),
  '<<': (a, b) => Number(a) << Number(b),
  '>>': (a, b) => Number(a) >> Number(b),
  '>>>': (a, b) => Number(a) >>> Number(b),
  '-': (a, b) => Number(a) - Number(b),
  '*': (a, b) => Number(a) * Number(b),
  '===': (a, b) => a === b,
  '!==': (a, b) => a !== b,
};

function binary(fc: FileContext, node: TSESTree.BinaryExpression): ValueSet {
  const op = BINARY[node.operator];
  if (!op || node.left.type === 'PrivateIdentifier') return undefined;
  const left = evaluate(fc, node.left);
  const right = left && evaluate(fc, node.right);
  if (!left || !right || left.length * right.length > MAX_VALUES) return undefined;
  if ([...left, ...right].some((v) => typeof v === 'bigint')) return undefined;
  const out: Primitive[] = [];
  for (const a of left) for (const b of right) out.push(op(a, b));
  return dedupe(out);
}

function logical(fc: FileContext, node: TSESTree.LogicalExpression): ValueSet {
  const left = evaluate(fc, node.left);
  if (!left) return undefined;
  const out: Primitive[] = [];
  let needRight = false;
  for (const v of left) {
    const takeRight = node.operator === '||' ? !v : node.operator === '&&' ? !!v : v === null || v === undefined;
    if (takeRight) needRight = true;
    else out.push(v);
  }
  if (needRight) {
    const right = evaluate(fc, node.right);
    if (!right) return undefined;
    out.push(...right);
  }
  return dedupe(out);
}

/** A statically known piece of a string whose other pieces are unknown. */
export interface StringFragment {
  readonly text: string;
  /** Nothing unknown comes before it: it starts the string. */
  readonly atStart: boolean;
  /** Nothing unknown comes after it: it ends the string. */
  readonly atEnd: boolean;
}

/**
 * The known pieces of a string built by `+` or a template literal from known and unknown parts
 * (`` `${process.env.NODE_OPTIONS} --tls-min-v1.0` ``, `tls.DEFAULT_CIPHERS + ':@SECLEVEL=0'`), in
 * order, adjacent known parts merged. Undefined when the string has no known piece, or when a
 * part has several possible values. A fully known string is one fragment at start and end.
 */
export function stringFragments(fc: FileContext, node: TSESTree.Node): StringFragment[] | undefined {
  const parts: (string | undefined)[] = [];
  if (!flattenString(fc, unwrap(node), parts, 0)) return undefined;
  const out: StringFragment[] = [];
  let text: string | undefined;
  let start = 0;
  for (let i = 0; i <= parts.length; i++) {
    const part = i < parts.length ? parts[i] : undefined;
    if (part !== undefined) {
      if (text === undefined) {
        text = '';
        start = i;
      }
      text += part;
      continue;
    }
    if (text !== undefined) out.push({ text, atStart: start === 0, atEnd: i === parts.length });
    text = undefined;
  }
  return out.some((f) => f.text !== '') ? out : undefined;
}

/** Appends the parts of a string expression (`undefined` for an unknown part); false when not a string build. */
function flattenString(fc: FileContext, node: TSESTree.Node, parts: (string | undefined)[], depth: number): boolean {
  if (depth > 20) return false;
  const values = evaluate(fc, node);
  if (values) {
    // Only a single known string is a known piece; a number or a choice of values stays unknown.
    const only = values.length === 1 ? values[0] : undefined;
    parts.push(typeof only === 'string' ? only : undefined);
    return true;
  }
  if (node.type === 'TemplateLiteral') {
    node.quasis.forEach((quasi, i) => {
      parts.push(quasi.value.cooked ?? undefined);
      const expr = node.expressions[i];
      if (expr) {
        const v = evaluate(fc, expr);
        const only = v?.length === 1 ? v[0] : undefined;
        parts.push(only === undefined || only === null || typeof only === 'object' ? undefined : String(only));
      }
    });
    return true;
  }
  if (node.type === 'BinaryExpression' && node.operator === '+') {
    const before = parts.length;
    if (!flattenString(fc, unwrap(node.left), parts, depth + 1) || !flattenString(fc, unwrap(node.right), parts, depth + 1)) return false;
    // `a + b` is a concatenation only when some part is a known string; otherwise it may be an addition.
    if (!parts.slice(before).some((p) => p !== undefined)) {
      parts.splice(before);
      parts.push(undefined);
    }
    return true;
  }
  parts.push(undefined);
  return true;
}

/** A `const` declarator's initializer, for analyses that need the node rather than its value. */
export function constInitializer(fc: FileContext, id: TSESTree.Identifier): TSESTree.Expression | undefined {
  const variable = fc.findVariable(id);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.type !== 'Variable' || def.node.id.type !== 'Identifier') return undefined;
  if (!def.node.init || !isEffectivelyConst(def.node, fc.writeCount(variable))) return undefined;
  return def.node.init;
}
