/**
 * Function-level facts: what a callback can return. Used for `checkServerIdentity`, where any
 * falsy return value accepts the peer (node-tls.md fact 6).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { forEachChild, isFunctionNode, memberName, unwrap } from './ast.js';
import { resolveModuleRef } from './bindings.js';
import type { FileContext } from './file-context.js';
import { always, constInitializer, evaluate } from './values.js';

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** The local function an expression denotes: an inline function, or an identifier bound to one. */
export function resolveFunction(fc: FileContext, node: TSESTree.Node): FunctionNode | undefined {
  const n = unwrap(node);
  if (isFunctionNode(n)) return n;
  if (n.type !== 'Identifier') return undefined;
  const variable = fc.findVariable(n);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type === 'FunctionName' && def.node.type === 'FunctionDeclaration') {
    return fc.writeCount(variable!) === 0 ? def.node : undefined;
  }
  const init = constInitializer(fc, n);
  const fn = init && unwrap(init);
  return fn && isFunctionNode(fn) ? fn : undefined;
}

/** Library no-op functions: `_.noop`, `lodash/noop`. */
export function isLibraryNoop(fc: FileContext, node: TSESTree.Node): boolean {
  const ref = resolveModuleRef(fc, node);
  if (!ref) return false;
  if ((ref.module === 'lodash' || ref.module === 'lodash-es' || ref.module === 'underscore') && ref.path.length === 1 && ref.path[0] === 'noop') return true;
  return (ref.module === 'lodash/noop' || ref.module === 'lodash.noop') && ref.path.length === 0;
}

/** Calls that are known not to throw, so a callback that makes them still returns normally. */
const LOGGING_METHODS = new Set(['log', 'debug', 'info', 'warn', 'error', 'trace']);

function isNonThrowingCall(fc: FileContext, call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  const ref = resolveModuleRef(fc, callee);
  if (ref?.module === 'tls' && ref.path.length === 1 && ref.path[0] === 'checkServerIdentity') return true;
  if (callee.type === 'MemberExpression') {
    const name = memberName(callee);
    const object = unwrap(callee.object);
    if (name && LOGGING_METHODS.has(name) && object.type === 'Identifier' && /^(console|log|logger)$/i.test(object.name)) return true;
  }
  return false;
}

/**
 * The names through which a callback can see the peer: its parameters (the host name and the
 * certificate for `checkServerIdentity`), `arguments`, and local variables assigned from them.
 * Matched by name, which over-approximates (a shadowing inner name also counts), so a call is only
 * ever judged unable to inspect the peer when no name in it can carry the peer's data.
 */
function peerNames(fn: FunctionNode): ReadonlySet<string> | 'any' {
  // A callback can also reach the peer through a socket it captured (`socket.getPeerCertificate()`):
  // then any call may be the check.
  if (readsPeerFromSocket(fn.body)) return 'any';
  const names = new Set<string>(['arguments']);
  const bind = (pattern: TSESTree.Node): void => {
    if (pattern.type === 'Identifier') names.add(pattern.name);
    else forEachChild(pattern, bind);
  };
  fn.params.forEach(bind);
  // Locals derived from them (`const name = host.toLowerCase()`), to a fixed point.
  const flows: { readonly target: TSESTree.Node; readonly source: TSESTree.Node }[] = [];
  const collect = (node: TSESTree.Node): void => {
    if (node.type === 'VariableDeclarator' && node.init) flows.push({ target: node.id, source: node.init });
    else if (node.type === 'AssignmentExpression') flows.push({ target: node.left, source: node.right });
    forEachChild(node, collect);
  };
  forEachChild(fn.body, collect);
  for (let changed = true; changed;) {
    changed = false;
    for (const { target, source } of flows) {
      if (!mentions(source, names)) continue;
      const before = names.size;
      bind(target);
      if (names.size !== before) changed = true;
    }
  }
  return names;
}

const PEER_MEMBERS = new Set(['getPeerCertificate', 'getPeerX509Certificate', 'authorized', 'authorizationError', 'servername', 'remoteAddress']);

function readsPeerFromSocket(node: TSESTree.Node): boolean {
  if (node.type === 'MemberExpression') {
    const name = memberName(node);
    if (name === undefined || PEER_MEMBERS.has(name)) return true;
  }
  let found = false;
  forEachChild(node, (child) => {
    if (!found && readsPeerFromSocket(child)) found = true;
  });
  return found;
}

/** True when an identifier of `names` occurs anywhere in `node` (nested functions included). */
function mentions(node: TSESTree.Node, names: ReadonlySet<string>): boolean {
  if (node.type === 'Identifier') return names.has(node.name);
  let found = false;
  forEachChild(node, (child) => {
    if (!found && mentions(child, names)) found = true;
  });
  return found;
}

/**
 * A call that may throw, and whose throwing could be the identity check: it is not known to return
 * normally, and it can see the peer. A callback rejects a host by returning an Error or by throwing;
 * a call that receives neither the host name nor the certificate (nor anything derived from them),
 * like `emit({ level: 'debug' })` in a callback without parameters, cannot tell one server from
 * another, so it cannot be the check.
 */
function mayCheckPeer(fc: FileContext, call: TSESTree.CallExpression | TSESTree.NewExpression, peer: ReadonlySet<string> | 'any'): boolean {
  if (call.type === 'CallExpression' && isNonThrowingCall(fc, call)) return false;
  return peer === 'any' || mentions(call, peer);
}

export interface ReturnFacts {
  /** Every path returns a falsy value (explicitly or by falling off the end), and nothing can throw. */
  readonly alwaysFalsy: boolean;
  /** `tls.checkServerIdentity(...)` is called as a statement and its result dropped. */
  readonly droppedCheck: TSESTree.CallExpression | undefined;
}

/** What a callback returns, judged conservatively: anything unknown means "not always falsy". */
export function returnFacts(fc: FileContext, fn: FunctionNode): ReturnFacts {
  if (fn.async || fn.generator) return { alwaysFalsy: false, droppedCheck: undefined };
  const peer = peerNames(fn);
  if (fn.body.type !== 'BlockStatement') {
    const body = unwrap(fn.body);
    const falsy = always(evaluate(fc, body), (v) => !v) && !containsCall(fc, body, peer);
    return { alwaysFalsy: falsy, droppedCheck: undefined };
  }
  let falsy = true;
  let droppedCheck: TSESTree.CallExpression | undefined;
  const visit = (node: TSESTree.Node): void => {
    if (!falsy) return;
    if (node !== fn && isFunctionNode(node)) return;
    switch (node.type) {
      case 'ThrowStatement':
        falsy = false;
        return;
      case 'ReturnStatement':
        if (node.argument && (!always(evaluate(fc, node.argument), (v) => !v) || containsCall(fc, node.argument, peer))) falsy = false;
        return;
      case 'CallExpression':
      case 'NewExpression':
        if (mayCheckPeer(fc, node, peer)) {
          falsy = false;
          return;
        }
        if (node.type === 'CallExpression' && node.parent?.type === 'ExpressionStatement') {
          const ref = resolveModuleRef(fc, node.callee);
          if (ref?.module === 'tls' && ref.path[0] === 'checkServerIdentity') droppedCheck = node;
        }
        break;
      case 'AwaitExpression':
      case 'YieldExpression':
      case 'TaggedTemplateExpression':
        falsy = false;
        return;
      default:
        break;
    }
    forEachChild(node, visit);
  };
  forEachChild(fn.body, visit);
  return { alwaysFalsy: falsy, droppedCheck: falsy ? droppedCheck : undefined };
}

/** True when `node` contains a call that may be the identity check (see mayCheckPeer). */
function containsCall(fc: FileContext, node: TSESTree.Node, peer: ReadonlySet<string> | 'any'): boolean {
  let found = false;
  const visit = (n: TSESTree.Node): void => {
    if (found || isFunctionNode(n)) return;
    if ((n.type === 'CallExpression' || n.type === 'NewExpression') && mayCheckPeer(fc, n, peer)) {
      found = true;
      return;
    }
    forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** A `checkServerIdentity` value that accepts every host: a no-op, or a local function that always returns falsy. */
export function acceptsAnyHost(fc: FileContext, value: TSESTree.Node): boolean {
  if (isLibraryNoop(fc, value)) return true;
  const fn = resolveFunction(fc, value);
  return !!fn && returnFacts(fc, fn).alwaysFalsy;
}

/**
 * A wrapper that hands each call to `original` unchanged and returns what it returns, on every
 * path: `function () { return orig.apply(this, arguments); }`, `(host, cert) => orig(host, cert)`,
 * `(...args) => orig(...args)`, also inside `try { return …; } catch (e) { return e; }` (what the
 * original throws is then returned instead; Node's own functions throw only `Error` objects, so
 * the returned value is truthy). `isOriginal` says which expression is the original (a saved
 * `tls.checkServerIdentity`).
 */
export function delegatesTo(fc: FileContext, value: TSESTree.Node, isOriginal: (node: TSESTree.Node) => boolean): boolean {
  const fn = resolveFunction(fc, value);
  if (!fn) return false;
  if (fn.body.type !== 'BlockStatement') return isDelegation(fn, fn.body, isOriginal);
  const body = fn.body.body.filter((s) => s.type !== 'EmptyStatement');
  const only = body.length === 1 ? body[0]! : undefined;
  if (only?.type === 'ReturnStatement') return !!only.argument && isDelegation(fn, only.argument, isOriginal);
  if (only?.type !== 'TryStatement' || only.finalizer || !only.handler) return false;
  const tried = only.block.body;
  if (tried.length !== 1 || tried[0]!.type !== 'ReturnStatement' || !tried[0]!.argument || !isDelegation(fn, tried[0]!.argument, isOriginal)) return false;
  const param = only.handler.param;
  const caught = only.handler.body.body;
  const returned = caught.length === 1 && caught[0]!.type === 'ReturnStatement' ? caught[0]!.argument : undefined;
  return param?.type === 'Identifier' && returned?.type === 'Identifier' && returned.name === param.name;
}

/** `orig.apply(this, arguments)` (not in an arrow, whose `arguments` are another function's), or `orig(p1, p2)` / `orig(...rest)` with `fn`'s own parameters in order. */
function isDelegation(fn: FunctionNode, expr: TSESTree.Node, isOriginal: (node: TSESTree.Node) => boolean): boolean {
  const call = unwrap(expr);
  if (call.type !== 'CallExpression' || call.optional) return false;
  const callee = unwrap(call.callee);
  if (callee.type === 'MemberExpression' && memberName(callee) === 'apply' && isOriginal(callee.object)) {
    const [self, args] = call.arguments;
    return (
      fn.type !== 'ArrowFunctionExpression' &&
      call.arguments.length === 2 &&
      self?.type === 'ThisExpression' &&
      args?.type === 'Identifier' &&
      args.name === 'arguments'
    );
  }
  if (!isOriginal(callee) || fn.params.length === 0 || call.arguments.length !== fn.params.length) return false;
  return fn.params.every((p, i) => {
    const arg = call.arguments[i]!;
    if (p.type === 'Identifier') return arg.type === 'Identifier' && arg.name === p.name;
    return (
      p.type === 'RestElement' &&
      p.argument.type === 'Identifier' &&
      arg.type === 'SpreadElement' &&
      arg.argument.type === 'Identifier' &&
      arg.argument.name === p.argument.name
    );
  });
}
