/**
 * Values decided at run time, and the ones that a literal or a default written in the same file
 * gives them. `evaluate` (values.ts) answers "what is this, on every path?"; this answers "which
 * values does this file itself make it take?":
 *
 * - a default: `opts.verify ?? false`, `flag || 'TLSv1'`, `x ? x : true`, a default parameter
 *   (`verify = false`, `{ verify = false }`), an absence check (`v === undefined ? d : …`,
 *   `typeof v === 'undefined'`), also inside a local helper (`toBool(process.env.X, true)` with
 *   `function toBool(v, d) { if (v === undefined) return d; return v === 'true'; }`): the value the
 *   option has when the caller or the environment says nothing;
 * - a literal that picks a branch: `legacy ? 'ALL' : 'HIGH'` where `legacy` is a parameter and the
 *   file calls the function with `true`, or `legacy = true` is its default.
 *
 * - a truthiness coercion of an unset input: `!!opts.secure`, `Boolean(opts.secure)`,
 *   `opts.strict ? true : false`, `verify ? check : noop` (an unset option is `undefined`, which is
 *   falsy, so the falsy branch is what the option gives when the caller says nothing, exactly as in
 *   `opts.strict || false`).
 *
 * A value that only run-time data decides stays unknown: a comparison of an unset input
 * (`process.env.X === 'true'`, `opts.mode !== 'strict'`) is not a default of its result (the
 * comparison, not the input's absence, decides), nor is a value forwarded as it is (`opts.verify`).
 *
 * Each possible value is a *scenario* with what chose it (`Via`). Rules report the scenarios chosen
 * by a default or a literal whose value is insecure (`insecureReach`, `judgedValues`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { declaredName, isEffectivelyConst, unwrap, valueParent } from './ast.js';
import { memoize, type FileContext } from './file-context.js';
import { resolveFunction, type FunctionNode } from './functions.js';
import { evaluate, type Primitive } from './values.js';

/**
 * What chose a scenario, from the most to the least certain: every path (`certain`), a literal the
 * file passes (`literal`), a default it writes (`default`), an unset input tested for truthiness
 * (`absent`: not a default, `opts.strict ? … : …`), run-time data (`runtime`).
 */
type Via = 'certain' | 'literal' | 'default' | 'absent' | 'runtime';
const RANK: Readonly<Record<Via, number>> = { certain: 0, literal: 1, default: 2, absent: 3, runtime: 4 };
const worse = (a: Via, b: Via): Via => (RANK[a] >= RANK[b] ? a : b);

/** A value only run-time data knows. */
const OPEN: unique symbol = Symbol('open');

interface Scenario {
  readonly value: Primitive | typeof OPEN;
  readonly via: Via;
  /** The literal (or expression) that supplies a known value. */
  readonly origin?: TSESTree.Node;
  /** The construct that applied the default or passed the literal: `opts.verify ?? false`, `toBool(x, true)`, `make(true)`. */
  readonly decider?: TSESTree.Node;
  /**
   * A branch taken because its test was unset (`opts.strict ? true : false`): the branch's literal is
   * not offered for rewriting (`opts.strict ? true : true` is no fix).
   */
  readonly fixed?: boolean;
}

const RUNTIME: readonly Scenario[] = [{ value: OPEN, via: 'runtime' }];
/** An input the caller or environment may leave unset: absent (`undefined`), or some run-time value. */
const UNSET: readonly Scenario[] = [
  { value: undefined, via: 'absent' },
  { value: OPEN, via: 'runtime' },
];

const MAX_SCENARIOS = 24;
const MAX_DEPTH = 6;

type Env = ReadonlyMap<Scope.Variable, readonly Scenario[]>;
// (A helper's `const` locals join its parameters in the map.)

function dedupe(list: Scenario[]): readonly Scenario[] {
  const out: Scenario[] = [];
  for (const s of list) if (!out.some((o) => o.via === s.via && (o.value === s.value || (Number.isNaN(o.value) && Number.isNaN(s.value))))) out.push(s);
  return out.length > MAX_SCENARIOS ? RUNTIME : out;
}

/** The scenario `s` further chosen by `via` (a branch taken because of how its test was chosen). */
const chosen = (s: Scenario, via: Via, decider?: TSESTree.Node): Scenario => {
  const next = worse(s.via, via);
  return { ...s, via: next, decider: s.decider ?? (next === 'literal' || next === 'default' ? decider : undefined) };
};

/**
 * A fallback applied because the tested value was unset or unknown (`??`, `||`, an absence check,
 * a default parameter): the fallback's scenarios count as a default, unless a literal chose the test.
 */
const fallback = (tested: Via, s: Scenario, decider: TSESTree.Node): Scenario => {
  const via: Via = tested === 'absent' || tested === 'runtime' ? 'default' : tested;
  return { ...s, via: worse(s.via, via), decider: s.decider ?? decider };
};

function scenarios(fc: FileContext, node: TSESTree.Node, env: Env | undefined, depth: number): readonly Scenario[] {
  if (depth > MAX_DEPTH) return RUNTIME;
  if (!env) return memoize(fc, 'scenarios', node, () => compute(fc, unwrap(node), undefined, depth), RUNTIME);
  return compute(fc, unwrap(node), env, depth);
}

function compute(fc: FileContext, node: TSESTree.Node, env: Env | undefined, depth: number): readonly Scenario[] {
  const known = evaluate(fc, node);
  if (known?.length === 1 && !mentionsEnv(fc, node, env)) return [{ value: known[0], via: 'certain', origin: node }];
  const next = depth + 1;
  switch (node.type) {
    case 'Literal':
      return 'regex' in node && node.regex ? RUNTIME : [{ value: node.value as Primitive, via: 'certain', origin: node }];
    case 'Identifier':
      return identifier(fc, node, env, next);
    case 'MemberExpression':
      // An option, field or environment variable: it may be unset.
      return UNSET;
    case 'LogicalExpression':
      return logical(fc, node.operator, node.left, node.right, node, env, next);
    case 'ConditionalExpression':
      return conditional(fc, node, env, next);
    case 'UnaryExpression':
      return unary(fc, node, env, next);
    case 'BinaryExpression':
      return binary(fc, node, env, next);
    case 'CallExpression':
      return call(fc, node, env, next);
    default:
      return known ? dedupe(known.map((value) => ({ value, via: 'runtime' as const }))) : RUNTIME;
  }
}

/** Inside a helper, a parameter of it appears in the expression (then `evaluate`, which knows no arguments, must not decide). */
function mentionsEnv(fc: FileContext, node: TSESTree.Node, env: Env | undefined): boolean {
  if (!env || env.size === 0) return false;
  let found = false;
  const visit = (n: TSESTree.Node): void => {
    if (found) return;
    if (n.type === 'Identifier') {
      const v = fc.findVariable(n);
      if (v && env.has(v)) found = true;
      return;
    }
    for (const key of Object.keys(n)) {
      if (key === 'parent') continue;
      const value = (n as unknown as Record<string, unknown>)[key];
      for (const c of Array.isArray(value) ? value : [value])
        if (c && typeof c === 'object' && typeof (c as { type?: unknown }).type === 'string') visit(c as TSESTree.Node);
    }
  };
  visit(node);
  return found;
}

function identifier(fc: FileContext, id: TSESTree.Identifier, env: Env | undefined, depth: number): readonly Scenario[] {
  const variable = fc.findVariable(id);
  if (variable && env?.has(variable)) return env.get(variable)!;
  if (!variable || variable.defs.length === 0) return id.name === 'undefined' ? [{ value: undefined, via: 'certain', origin: id }] : RUNTIME;
  const def = variable.defs.length === 1 ? variable.defs[0]! : undefined;
  if (!def) return RUNTIME;
  const defaulted = defaultOf(def.name);
  if (def.type === 'Parameter') {
    const fn = def.node as FunctionNode;
    // A positional parameter without a default may be left out, but a truthiness test of it reads as a
    // flag the caller passes (`open(verifyIdentity, socket)`), not as an unset option: marked with its
    // name (`isUnset` is false for it). A destructured option (`{ verify }`) is an option read.
    const positional = fn.params.includes(def.name as TSESTree.Parameter);
    const own = defaulted
      ? [...scenarios(fc, defaulted.right, undefined, depth).map((s) => fallback('absent', s, defaulted)), ...RUNTIME]
      : positional
        ? [{ value: undefined, via: 'absent' as const, origin: def.name }, ...RUNTIME]
        : UNSET;
    return dedupe([...own, ...(def.name.type === 'Identifier' ? callSiteArguments(fc, fn, def.name, defaulted, depth) : [])]);
  }
  if (def.type !== 'Variable') return RUNTIME;
  const declarator = def.node;
  if (!isEffectivelyConst(declarator, fc.writeCount(variable))) return RUNTIME;
  // (A `declare const` has no initializer and a run-time value; a `let` without one is `undefined`.)
  if (declarator.id === def.name)
    return declarator.init
      ? scenarios(fc, declarator.init, env, depth)
      : declarator.parent.kind === 'const'
        ? RUNTIME
        : [{ value: undefined, via: 'certain', origin: id }];
  // A destructured `const { verify = false } = opts`: the default when `opts.verify` is unset.
  if (defaulted) return dedupe([...scenarios(fc, defaulted.right, undefined, depth).map((s) => fallback('absent', s, defaulted)), ...RUNTIME]);
  return UNSET;
}

/** The `= default` of a binding (`verify = false`, `{ verify = false }`), if any. */
function defaultOf(name: TSESTree.Node): TSESTree.AssignmentPattern | undefined {
  const parent = name.parent;
  return parent?.type === 'AssignmentPattern' && parent.left === name ? parent : undefined;
}

/** What the file's own calls of the function pass for a top-level parameter (`make(true)`), as literal scenarios. */
function callSiteArguments(
  fc: FileContext,
  fn: FunctionNode,
  name: TSESTree.Identifier,
  defaulted: TSESTree.AssignmentPattern | undefined,
  depth: number,
): Scenario[] {
  const index = fn.params.findIndex((p) => p === name || (p.type === 'AssignmentPattern' && p.left === name));
  if (index < 0) return [];
  const out: Scenario[] = [];
  for (const site of callSites(fc, fn)) {
    const arg = site.arguments[index];
    if (site.arguments.slice(0, index + 1).some((a) => a.type === 'SpreadElement')) continue;
    if (!arg) {
      // The call leaves it out: the default (or `undefined`) for that call.
      if (defaulted) out.push(...scenarios(fc, defaulted.right, undefined, depth).map((s) => chosen(s, 'literal', site)));
      else out.push({ value: undefined, via: 'literal', origin: site, decider: site });
      continue;
    }
    out.push(...scenarios(fc, arg, undefined, depth).map((s) => chosen(s, 'literal', site)));
  }
  return out;
}

/** Calls of a named local function by its name (`function make() {}`, `const make = () => …`). */
function callSites(fc: FileContext, fn: FunctionNode): TSESTree.CallExpression[] {
  const id = declaredName(fn);
  const variable = id && fc.findVariable(id);
  if (!variable) return [];
  return variable.references.flatMap((ref) => {
    const { parent, child } = valueParent(ref.identifier);
    return parent?.type === 'CallExpression' && parent.callee === child ? [parent] : [];
  });
}

function logical(
  fc: FileContext,
  operator: string,
  left: TSESTree.Node,
  right: TSESTree.Node,
  node: TSESTree.Node,
  env: Env | undefined,
  depth: number,
): readonly Scenario[] {
  const l = scenarios(fc, left, env, depth);
  let r: readonly Scenario[] | undefined;
  const rhs = (): readonly Scenario[] => (r ??= scenarios(fc, right, env, depth));
  // `!x` is a boolean, never unset: `!x || d` takes `d` only when `x` is truthy (a run-time choice,
  // not a default: `!opts.insecure || false` is `!opts.insecure`), and `!x ?? d` never takes it.
  const unaryLeft = unwrap(left);
  const boolean = unaryLeft.type === 'UnaryExpression' && unaryLeft.operator === '!';
  const out: Scenario[] = [];
  for (const s of l) {
    if (operator === '&&') {
      if (s.value === OPEN) out.push(s, ...rhs().map((x) => chosen(x, 'runtime')));
      else if (!s.value) out.push(s);
      else out.push(...rhs().map((x) => chosen(x, s.via, node)));
      continue;
    }
    if (s.value === OPEN && boolean) {
      out.push(s);
      if (operator === '||') out.push(...rhs().map((x) => chosen(x, 'runtime')));
      continue;
    }
    const takesRight = s.value === OPEN ? true : operator === '??' ? s.value === null || s.value === undefined : !s.value;
    const keepsLeft = s.value === OPEN || !takesRight;
    if (keepsLeft) out.push(s);
    if (takesRight) out.push(...rhs().map((x) => fallback(s.via, x, node)));
  }
  return dedupe(out);
}

/** Text of a node without type wrappers, to compare `x ? x : d`'s two `x`. */
const sameText = (fc: FileContext, a: TSESTree.Node, b: TSESTree.Node): boolean => fc.sourceCode.getText(unwrap(a)) === fc.sourceCode.getText(unwrap(b));

function conditional(fc: FileContext, node: TSESTree.ConditionalExpression, env: Env | undefined, depth: number): readonly Scenario[] {
  const test = unwrap(node.test);
  // `x ? x : d` is `x || d`; `!x ? d : x` too.
  if (sameText(fc, test, node.consequent)) return logical(fc, '||', node.consequent, node.alternate, node, env, depth);
  if (test.type === 'UnaryExpression' && test.operator === '!' && sameText(fc, test.argument, node.alternate))
    return logical(fc, '||', node.alternate, node.consequent, node, env, depth);
  return branch(fc, node.test, expressionBranch(fc, node.consequent, env, depth), expressionBranch(fc, node.alternate, env, depth), node, env, depth);
}

/** A branch: its expression, or (for `if … return`) the statements that give it, with how to evaluate it. */
interface Branch {
  readonly nodes: readonly TSESTree.Node[];
  readonly value: () => readonly Scenario[];
}

const escapeText = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A truthiness test of `x` (or `!x`) whose branch for a set `x` reads `x` itself tests whether `x`
 * is set (`raw ? raw === 'true' : true`, `if (!v) return d; return v === '1';`): its other branch is
 * a default. A flag test (`opts.strict ? 'HIGH' : 'ALL'`) is not.
 */
function presenceCheck(fc: FileContext, testNode: TSESTree.Node, yes: Branch, no: Branch): boolean {
  const test = unwrap(testNode);
  const negated = test.type === 'UnaryExpression' && test.operator === '!';
  const subject = negated ? unwrap(test.argument) : test;
  if (subject.type !== 'Identifier' && subject.type !== 'MemberExpression') return false;
  const pattern = new RegExp(`(?<![\\w$.])${escapeText(fc.sourceCode.getText(subject))}(?![\\w$])`);
  return (negated ? no : yes).nodes.some((n) => pattern.test(fc.sourceCode.getText(n)));
}

/** `test ? yes : no` (also `if (test) return yes; …`): each branch as its test's scenarios choose it. */
function branch(
  fc: FileContext,
  testNode: TSESTree.Node,
  yes: Branch,
  no: Branch,
  node: TSESTree.Node,
  env: Env | undefined,
  depth: number,
): readonly Scenario[] {
  const out: Scenario[] = [];
  let presence: boolean | undefined;
  for (const t of scenarios(fc, testNode, env, depth)) {
    if (t.value === OPEN) {
      out.push(...yes.value().map((s) => chosen(s, 'runtime')), ...no.value().map((s) => chosen(s, 'runtime')));
      continue;
    }
    // An unset input of a presence check takes the other branch as a default; so does an unset
    // input tested for truthiness (`opts.strict ? true : false`: `undefined` is falsy), whose branch
    // literal is then not the default to rewrite.
    const isPresence = t.via === 'absent' && (presence ??= presenceCheck(fc, testNode, yes, no));
    const unsetTest = t.via === 'absent' && !isPresence && isUnset(t);
    const via: Via = isPresence || unsetTest ? 'default' : t.via;
    out.push(
      ...(t.value ? yes : no).value().map((s) => {
        const c = chosen(s, via, t.decider ?? node);
        return unsetTest && s.via !== 'default' && c.via === 'default' ? { ...c, fixed: true } : c;
      }),
    );
  }
  return dedupe(out);
}

/**
 * An option, field or environment variable the caller or environment left out (`undefined` because
 * nothing was given, not because a comparison or call computed it, nor a positional parameter).
 */
const isUnset = (s: Scenario): boolean => s.via === 'absent' && s.value === undefined && s.origin === undefined;

/**
 * `!x`, `!!x`, `Boolean(x)` of a scenario: the coerced value; an unset input coerced is a default
 * (`!!opts.secure` is `false` when the caller says nothing), decided by `node`.
 */
function coerced(s: Scenario, value: boolean, node: TSESTree.Node): Scenario {
  if (isUnset(s)) return { value, via: 'default', origin: node, decider: node, fixed: true };
  return { ...s, value, origin: node };
}

const expressionBranch = (fc: FileContext, node: TSESTree.Node, env: Env | undefined, depth: number): Branch => ({
  nodes: [node],
  value: () => scenarios(fc, node, env, depth),
});

function unary(fc: FileContext, node: TSESTree.UnaryExpression, env: Env | undefined, depth: number): readonly Scenario[] {
  if (node.operator === 'void') return [{ value: undefined, via: 'certain', origin: node }];
  if (node.operator === '!') {
    // `!!x` as one coercion, so that the default is `!!x` (not its inner `!x`).
    const inner = unwrap(node.argument);
    const double = inner.type === 'UnaryExpression' && inner.operator === '!';
    const arg = scenarios(fc, double ? inner.argument : node.argument, env, depth);
    return dedupe(arg.map((s) => (s.value === OPEN ? s : coerced(s, double ? !!s.value : !s.value, node))));
  }
  if (node.operator !== 'typeof') return RUNTIME;
  // `typeof x` of an unset input is 'undefined' as a default when it is then compared (an absence check).
  const arg = scenarios(fc, node.argument, env, depth);
  return dedupe(arg.map((s) => (s.value === OPEN ? s : { ...s, value: s.value === null ? 'object' : typeof s.value, origin: node })));
}

const COMPARE: Readonly<Record<string, (a: Primitive, b: Primitive) => boolean>> = {
  '===': (a, b) => a === b,
  '!==': (a, b) => a !== b,
  '==': (a, b) => a == b,
  '!=': (a, b) => a != b,
};

/** `x === undefined`, `x == null`, `typeof x === 'undefined'` (and negations): the comparison tests whether `x` is set. */
function isAbsenceCheck(node: TSESTree.BinaryExpression): boolean {
  const sides = [unwrap(node.left), unwrap(node.right)];
  const nullish = (n: TSESTree.Node): boolean =>
    (n.type === 'Identifier' && n.name === 'undefined') ||
    (n.type === 'Literal' && n.value === null && node.operator.length === 2) ||
    (n.type === 'UnaryExpression' && n.operator === 'void');
  const typeofUndefined = (a: TSESTree.Node, b: TSESTree.Node): boolean =>
    a.type === 'UnaryExpression' && a.operator === 'typeof' && b.type === 'Literal' && b.value === 'undefined';
  return sides.some(nullish) || typeofUndefined(sides[0]!, sides[1]!) || typeofUndefined(sides[1]!, sides[0]!);
}

function binary(fc: FileContext, node: TSESTree.BinaryExpression, env: Env | undefined, depth: number): readonly Scenario[] {
  const compare = COMPARE[node.operator];
  if (!compare || node.left.type === 'PrivateIdentifier') return RUNTIME;
  const left = scenarios(fc, node.left, env, depth);
  const right = scenarios(fc, node.right, env, depth);
  const absence = isAbsenceCheck(node);
  const out: Scenario[] = [];
  for (const a of left) {
    for (const b of right) {
      if (a.value === OPEN || b.value === OPEN) {
        out.push({ value: OPEN, via: 'runtime' });
        continue;
      }
      let via = worse(a.via, b.via);
      // An absence check turns an unset input into a default decision; any other comparison of it stays `absent`.
      if (absence && via === 'absent') via = 'default';
      out.push({ value: compare(a.value, b.value), via, origin: node, decider: a.decider ?? b.decider ?? (via === 'default' ? node : undefined) });
    }
  }
  return dedupe(out);
}

/** A local helper's result for these arguments: `toBool(process.env.X, true)`. */
function call(fc: FileContext, node: TSESTree.CallExpression, env: Env | undefined, depth: number): readonly Scenario[] {
  const callee = unwrap(node.callee);
  if (callee.type !== 'Identifier') return RUNTIME;
  // The global `Boolean(x)`: `!!x`.
  if (callee.name === 'Boolean' && !fc.findVariable(callee)?.defs.length) {
    const [arg] = node.arguments;
    if (!arg) return [{ value: false, via: 'certain', origin: node }];
    if (arg.type === 'SpreadElement') return RUNTIME;
    return dedupe(scenarios(fc, arg, env, depth).map((s) => (s.value === OPEN ? s : coerced(s, !!s.value, node))));
  }
  const fn = resolveFunction(fc, callee);
  if (!fn || fn.async || fn.generator) return RUNTIME;
  const bound = new Map<Scope.Variable, readonly Scenario[]>();
  for (const [i, param] of fn.params.entries()) {
    const name = param.type === 'Identifier' ? param : param.type === 'AssignmentPattern' && param.left.type === 'Identifier' ? param.left : undefined;
    if (!name) return RUNTIME;
    const variable = scopeVariable(fc, fn, name);
    if (!variable) return RUNTIME;
    const arg = node.arguments[i];
    if (arg?.type === 'SpreadElement') return RUNTIME;
    const given: readonly Scenario[] = arg ? scenarios(fc, arg, env, depth) : [{ value: undefined, via: 'certain', origin: node }];
    const defaulted = param.type === 'AssignmentPattern' ? param : undefined;
    // A default parameter replaces `undefined` (as JavaScript does).
    const value = defaulted
      ? dedupe(
          given.flatMap((s) =>
            s.value === undefined
              ? scenarios(fc, defaulted.right, undefined, depth).map((d) => fallback(s.via, d, defaulted))
              : s.value === OPEN
                ? [s, ...scenarios(fc, defaulted.right, undefined, depth).map((d) => fallback('runtime', d, defaulted))]
                : [s],
          ),
        )
      : given;
    bound.set(variable, value);
  }
  const result = body(fc, fn, bound, depth);
  // The message names the call, where the file writes the default.
  return result.map((s) => (s.via === 'default' || s.via === 'literal' ? { ...s, decider: node } : s));
}

function scopeVariable(fc: FileContext, fn: FunctionNode, name: TSESTree.Identifier): Scope.Variable | undefined {
  return fc.sourceCode.scopeManager?.getDeclaredVariables(fn).find((v) => v.name === name.name);
}

/** The value a helper returns: an expression body, or `if (test) return a; … return b;`. */
function body(fc: FileContext, fn: FunctionNode, env: Env, depth: number): readonly Scenario[] {
  if (fn.body.type !== 'BlockStatement') return scenarios(fc, fn.body, env, depth);
  const statements = fn.body.body;
  const local = new Map(env);
  const from = (i: number): readonly Scenario[] => {
    const s = statements[i];
    if (!s) return [{ value: undefined, via: 'certain' }];
    // `const raw = process.env[name];` before the returns: the name stands for its initializer's scenarios.
    if (s.type === 'VariableDeclaration' && s.kind === 'const') {
      for (const d of s.declarations) {
        const variable =
          d.id.type === 'Identifier'
            ? fc.sourceCode.scopeManager?.getDeclaredVariables(d).find((v) => v.name === (d.id as TSESTree.Identifier).name)
            : undefined;
        if (!variable || !d.init) return RUNTIME;
        local.set(variable, scenarios(fc, d.init, local, depth));
      }
      return from(i + 1);
    }
    if (s.type === 'ReturnStatement') return s.argument ? scenarios(fc, s.argument, local, depth) : [{ value: undefined, via: 'certain' }];
    if (s.type === 'IfStatement') {
      const yes = returned(s.consequent);
      const no = s.alternate ? returned(s.alternate) : undefined;
      if (!yes || (s.alternate && !no)) return RUNTIME;
      const rest: Branch = no ? expressionBranch(fc, no, local, depth) : { nodes: statements.slice(i + 1), value: () => from(i + 1) };
      return branch(fc, s.test, expressionBranch(fc, yes, local, depth), rest, s, local, depth);
    }
    return RUNTIME;
  };
  return from(0);
}

/** The expression a statement returns when it is `return x` or `{ return x; }`. */
function returned(statement: TSESTree.Statement): TSESTree.Expression | undefined {
  const s = statement.type === 'BlockStatement' && statement.body.length === 1 ? statement.body[0]! : statement;
  return s.type === 'ReturnStatement' && s.argument ? s.argument : undefined;
}

/** A value a literal or a default in the file gives an expression that is otherwise decided at run time. */
export interface Reached {
  readonly value: Primitive;
  /** `default`: the value when the caller or environment says nothing; `literal`: what a call in the file passes. */
  readonly via: 'default' | 'literal';
  /** The literal that supplies the value, when the deciding construct holds it (a suggestion may rewrite it). */
  readonly origin: TSESTree.Literal | undefined;
  /** The construct that applies the default or passes the literal (`opts.verify ?? false`, `make(true)`), for messages. */
  readonly decider: TSESTree.Node | undefined;
}

/** Every value that a literal or default in this file gives the expression. */
export function reachedValues(fc: FileContext, node: TSESTree.Node): Reached[] {
  return scenarios(fc, node, undefined, 0).flatMap((s): Reached[] => {
    if (s.value === OPEN || (s.via !== 'default' && s.via !== 'literal')) return [];
    // Only a literal written in the construct that decides is offered for rewriting (`?? false`, `verify = false`,
    // `envFlag('X', false)`): a branch picked by a default elsewhere, or a shared helper's own default, is not.
    const literal = !s.fixed && s.origin && unwrap(s.origin).type === 'Literal' ? (unwrap(s.origin) as TSESTree.Literal) : undefined;
    const inside = literal && s.decider && s.decider.range[0] <= literal.range[0] && literal.range[1] <= s.decider.range[1];
    return [{ value: s.value, via: s.via, origin: inside ? literal : undefined, decider: s.decider }];
  });
}

/**
 * The first value a literal or default in the file gives the expression that satisfies `insecure`,
 * when the expression is not insecure on every path already (then the plain finding applies).
 * Literal scenarios come first: a call in the file that passes an insecure value is a finding of its own.
 */
export function insecureReach(fc: FileContext, node: TSESTree.Node, insecure: (v: Primitive) => boolean): Reached | undefined {
  const found = reachedValues(fc, node).filter((r) => insecure(r.value));
  return found.find((r) => r.via === 'literal') ?? found[0];
}

/**
 * The value sets to judge an option by, in order: its known values (all of them, as `evaluate`
 * gives them), then each value a literal or default in the file gives it. A rule that reports the
 * first set it finds insecure reports a conditional whose insecure branch the file reaches
 * (`legacy ? 'ALL:@SECLEVEL=0' : 'HIGH'` with `legacy = true`), and nothing for one decided at run time.
 */
export function judgedValues(fc: FileContext, node: TSESTree.Node): (readonly Primitive[])[] {
  const known = evaluate(fc, node);
  const out: (readonly Primitive[])[] = known && known.length > 0 ? [known] : [];
  for (const r of reachedValues(fc, node)) if (!out.some((set) => set.length === 1 && Object.is(set[0], r.value))) out.push([r.value]);
  return out;
}

/** An operand of a conditional or fallback that the expression takes by a default or a literal in the file. */
export interface ReachedOperand {
  /** The operand taken: `noop` in `verify ? check : noop`, `fallback` in `opts.check || fallback`. */
  readonly node: TSESTree.Node;
  readonly via: 'default' | 'literal';
  /** The construct that picks it, for messages (the conditional, the `||`, or the default that decides its test). */
  readonly decider: TSESTree.Node;
}

/**
 * The operands that a value which is not a primitive (a function, an object) takes by a default or a
 * literal: `verify ? tls.checkServerIdentity : () => undefined` with `verify` an unset option takes
 * the arrow by default (`undefined` is falsy), `opts.check || noop` takes `noop`. One level: the
 * operands themselves are not searched.
 */
export function reachedOperands(fc: FileContext, value: TSESTree.Node): ReachedOperand[] {
  const node = unwrap(value);
  const out: ReachedOperand[] = [];
  const add = (operand: TSESTree.Node, via: Via, decider: TSESTree.Node): void => {
    if ((via === 'default' || via === 'literal') && !out.some((o) => o.node === operand && o.via === via)) out.push({ node: operand, via, decider });
  };
  if (node.type === 'ConditionalExpression') {
    const yes = expressionBranch(fc, node.consequent, undefined, 0);
    const no = expressionBranch(fc, node.alternate, undefined, 0);
    for (const t of scenarios(fc, node.test, undefined, 0)) {
      if (t.value === OPEN) continue;
      const via: Via = t.via === 'absent' && (isUnset(t) || presenceCheck(fc, node.test, yes, no)) ? 'default' : t.via;
      add(t.value ? node.consequent : node.alternate, via, t.decider ?? node);
    }
  } else if (node.type === 'LogicalExpression' && (node.operator === '||' || node.operator === '??')) {
    for (const s of scenarios(fc, node.left, undefined, 0)) {
      if (s.value === OPEN || (node.operator === '??' ? s.value !== null && s.value !== undefined : !!s.value)) continue;
      add(node.right, s.via === 'absent' || s.via === 'runtime' ? 'default' : s.via, s.decider ?? node);
    }
  }
  return out;
}
