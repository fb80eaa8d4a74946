/**
 * Client-side `new tls.TLSSocket(socket, options)`: whether it is one, and how the code checks its
 * peer afterwards. Measured on Node 20 (test/claims/no-unverified-certificate.test.ts): such a socket
 * completes the handshake with any server (even with `rejectUnauthorized: true`); OpenSSL still
 * verifies the chain and records the result, which `socket.ssl.verifyError()` (the TLS handle's
 * method) returns; the hostname is never checked, no SNI is sent (the `servername` option is
 * ignored; `setServername()` sends one), and `authorized` is never set (it stays `false`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { memberName, unwrap } from './ast.js';
import type { FileContext } from './file-context.js';
import { always, evaluate } from './values.js';
import { bagOf, lookup, provablyLacks } from './options.js';

/** True when `new TLSSocket(socket, opts)` is provably a client socket (`isServer` is not set). */
export function isClientTlsSocket(fc: FileContext, node: TSESTree.NewExpression): boolean {
  const options = node.arguments[1];
  if (!options) return true;
  if (options.type === 'SpreadElement') return false;
  const bag = bagOf(fc, options, node);
  if (!bag) return false;
  const isServer = lookup(bag, 'isServer');
  if (!isServer) return provablyLacks(bag, 'isServer');
  return !isServer.overridable && always(evaluate(fc, isServer.entry.value ?? options), (v) => !v);
}

/**
 * How the code reads the peer check of the socket that `new TLSSocket()` creates, through the
 * variable it is stored in: `'verifyError'` when some use calls `verifyError()` on it (or on its
 * `ssl` / `_handle`), else `'authorized'` when some use reads `authorized` / `authorizationError`,
 * else undefined (also when the socket is not stored in a variable).
 */
export function tlsSocketPeerCheck(fc: FileContext, node: TSESTree.NewExpression): 'verifyError' | 'authorized' | undefined {
  let target: TSESTree.Node = node;
  while (target.parent && (target.parent.type === 'TSAsExpression' || target.parent.type === 'TSNonNullExpression')) target = target.parent;
  const parent = target.parent;
  let declarator: TSESTree.Node | undefined;
  if (parent?.type === 'VariableDeclarator' && parent.init === target && parent.id.type === 'Identifier') declarator = parent;
  if (!declarator) return undefined;
  let found: 'verifyError' | 'authorized' | undefined;
  for (const variable of fc.sourceCode.getDeclaredVariables(declarator)) {
    for (const ref of variable.references) {
      let n: TSESTree.Node = ref.identifier;
      // Walk `s.ssl.verifyError()`, `s._handle?.verifyError()`, `s.authorized`.
      while (n.parent?.type === 'MemberExpression' && n.parent.object === n) {
        const name = memberName(n.parent);
        if (name === 'verifyError') {
          const call = n.parent.parent;
          if (call?.type === 'CallExpression' && unwrap(call.callee) === n.parent) return 'verifyError';
        }
        if (name === 'authorized' || name === 'authorizationError') found = 'authorized';
        if (name !== 'ssl' && name !== '_handle') break;
        n = n.parent;
      }
    }
  }
  return found;
}

/**
 * `(new tls.TLSSocket(s))._handle…`: the socket is made only to read one of its internals (an
 * underscore property; http2-wrapper 2.2.4 takes Node's `JSStreamSocket` class off
 * `._handle._parentWrap.constructor`). The socket itself is never stored, passed, returned or called
 * a method on, so no code can send or read data through it, verified or not.
 */
export function onlyReadsInternals(node: TSESTree.NewExpression): boolean {
  let target: TSESTree.Node = node;
  while (target.parent && (target.parent.type === 'TSAsExpression' || target.parent.type === 'TSNonNullExpression')) target = target.parent;
  const read = target.parent;
  if (read?.type !== 'MemberExpression' || read.object !== target || read.computed || read.property.type !== 'Identifier') return false;
  if (!read.property.name.startsWith('_')) return false;
  // `new TLSSocket(s)._start()` calls a method with the socket as `this`; a write is no read.
  const use = read.parent;
  if ((use?.type === 'CallExpression' || use?.type === 'NewExpression') && use.callee === read) return false;
  if (use?.type === 'AssignmentExpression' && use.left === read) return false;
  return !(use?.type === 'UpdateExpression' || (use?.type === 'UnaryExpression' && use.operator === 'delete'));
}
