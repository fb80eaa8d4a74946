/**
 * Whether certificate and hostname verification stay on. What a `rejectUnauthorized: false` does, judged by where the options go (moved out of
 * rules/no-unverified-certificate.ts, issue 15: the rule composes reports, analysis decides): a client
 * sink (certificate verification off), the global agent (process-wide), a server that requests client
 * certificates (mutual TLS not enforced), an unknown destination, or nothing (a server without
 * `requestCert`, `createSecureContext`, Node's module object itself, a bag whose type is unrelated);
 * and whether a `checkServerIdentity` is ever called, or a replacement of Node's keeps its check.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap } from './ast.js';
import { isModuleRef, resolveModuleRef } from './bindings.js';
import { closedApiOf } from './closed-apis.js';
import { describeSink } from './describe-sink.js';
import type { FileContext } from './file-context.js';
import { delegatesTo } from './functions.js';
import { agentOverridesKey, destinationRoles, isEffectiveEntry, onlyToClosedApis, ownerBag, shadowedAtEveryUse } from './option-values.js';
import { bagOf, destinationsOf, lookup } from './options.js';
import { matchDestination, matchGlobalOptions, type SinkMatch } from './sinks.js';
import { isClientTlsSocket } from './tls-socket.js';
import { bagKeyOrigin } from './type-evidence.js';
import type { Primitive } from './types.js';
import { always, constInitializer, evaluate } from './values.js';

/** `insecureDefault`: the library's own default is `false` (the fix writes `true` instead of removing the key). */
export type CertificateVerdict =
  | { id: 'clientSink'; sink: string; insecureDefault?: string }
  | { id: 'unknownSink' }
  | { id: 'globalAgent'; target: string }
  | { id: 'mtlsNotEnforced' }
  | undefined;

/** Node's own modules whose options carry TLS settings (their module objects take none). */
const NODE_MODULES = new Set(['tls', 'https', 'http', 'http2', 'net', 'crypto']);

/** `https` itself (`require('https')`, `import * as https from 'node:https'`), not an object below it. */
function isNodeModuleObject(fc: FileContext, node: TSESTree.Node): boolean {
  const ref = resolveModuleRef(fc, node);
  return ref !== undefined && ref.path.length === 0 && NODE_MODULES.has(ref.module);
}

/** `target.rejectUnauthorized ??= false` after a known value that the operator keeps (`true` stays `true`). */
export function keepsEarlierValue(fc: FileContext, target: TSESTree.Node, write: TSESTree.AssignmentExpression): boolean {
  const bag = bagOf(fc, target, write);
  const prior = bag && lookup(bag, 'rejectUnauthorized');
  if (!prior || prior.overridable || !prior.entry.value) return false;
  const kept = write.operator === '??=' ? (v: Primitive) => v !== null && v !== undefined : (v: Primitive) => !!v;
  return always(evaluate(fc, prior.entry.value), kept);
}

function serverVerdict(fc: FileContext, match: SinkMatch, arg: TSESTree.Node): CertificateVerdict | 'inert' {
  const bag = bagOf(fc, arg, match.call);
  const requestCert = bag && lookup(bag, 'requestCert');
  if (requestCert?.entry.value && always(evaluate(fc, requestCert.entry.value), (v) => v === true)) return { id: 'mtlsNotEnforced' };
  return 'inert';
}

/** What a `rejectUnauthorized: false` inside this object literal does, judged by where the object goes. */
function classifyObject(fc: FileContext, object: TSESTree.ObjectExpression): CertificateVerdict {
  let unknown = false;
  let server: CertificateVerdict | 'inert' | undefined;
  for (const dest of destinationsOf(fc, object)) {
    if (dest.kind === 'assignment') {
      const global = matchGlobalOptions(fc, dest.target);
      if (global && dest.path.length === 0) return { id: 'globalAgent', target: global.label };
      unknown = true;
      continue;
    }
    const match = matchDestination(fc, dest);
    if (!match) {
      // Another argument of a closed API (a `fetch` init, `https.request(url, { headers })`): not TLS options.
      if (!closedApiOf(fc, dest)) unknown = true;
      continue;
    }
    const arg = dest.kind === 'argument' ? dest.call.arguments[dest.index] : undefined;
    switch (match.row.role) {
      case 'client':
      case 'agent':
        // `https.get(url, { agent, rejectUnauthorized: false })` with an agent that sets the key: the agent's value wins.
        if (arg && agentOverridesKey(fc, match, arg, 'rejectUnauthorized')) continue;
        return { id: 'clientSink', sink: describeSink(fc, match), ...(match.row.verifiesByDefault === false ? { insecureDefault: match.row.library } : {}) };
      case 'server':
        if (arg && server === undefined) server = serverVerdict(fc, match, arg);
        break;
      case 'tlssocket':
        // Reported once, on the `new tls.TLSSocket()` itself, when it is a client socket.
        if (arg && isClientTlsSocket(fc, match.call as TSESTree.NewExpression)) return undefined;
        if (arg) server = serverVerdict(fc, match, arg);
        break;
      case 'context':
        // `createSecureContext` ignores rejectUnauthorized.
        break;
    }
  }
  if (server !== undefined) return server === 'inert' ? undefined : server;
  return unknown ? { id: 'unknownSink' } : undefined;
}

/** `opts.rejectUnauthorized = false`: judged by where `opts` goes when it is a local object. */
function classifyWrite(fc: FileContext, target: TSESTree.Node): CertificateVerdict {
  const object = unwrap(target);
  if (object.type === 'Identifier') {
    const variable = fc.findVariable(object);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    const init = def?.type === 'Variable' && def.node.init ? unwrap(def.node.init) : undefined;
    if (init?.type === 'ObjectExpression') return classifyObject(fc, init);
  }
  return { id: 'unknownSink' };
}

/**
 * With type information, a bag whose destination the file does not show is judged by its type: a
 * TLS client type names it, a server type gets server semantics, a type that declares the key
 * outside TLS code (a logger's options) is not a finding. `declared`: judge `target`'s own type
 * (for `target.rejectUnauthorized = false`) instead of the type it is used as.
 */
function byType(fc: FileContext, target: TSESTree.Node, verdict: CertificateVerdict, declared = false): CertificateVerdict {
  if (verdict?.id !== 'unknownSink' || !fc.types) return verdict;
  const origin = declared ? fc.types.keyOrigin(target, 'rejectUnauthorized') : bagKeyOrigin(fc, target, 'rejectUnauthorized');
  if (!origin) return verdict;
  if (origin.kind === 'unrelated') return undefined;
  if (origin.role === 'server') {
    const bag = bagOf(fc, target);
    const requestCert = bag && lookup(bag, 'requestCert');
    return requestCert?.entry.value && always(evaluate(fc, requestCert.entry.value), (v) => v === true) ? { id: 'mtlsNotEnforced' } : undefined;
  }
  return origin.role === 'client' && origin.label ? { id: 'clientSink', sink: origin.label } : verdict;
}

/** The verdict on a `rejectUnauthorized: false` written in this object literal. */
export function objectVerdict(fc: FileContext, object: TSESTree.ObjectExpression): CertificateVerdict {
  return byType(fc, object, classifyObject(fc, object));
}

/**
 * The verdict on `target.rejectUnauthorized = false`: the global agent's options, Node's module
 * object itself (`https.rejectUnauthorized = false`, which no Node code reads: undefined), or where
 * `target` goes.
 */
export function writeVerdict(fc: FileContext, target: TSESTree.Node): CertificateVerdict {
  const global = matchGlobalOptions(fc, target);
  if (global) return { id: 'globalAgent', target: global.label };
  if (isNodeModuleObject(fc, target)) return undefined;
  return byType(fc, target, classifyWrite(fc, target), true);
}

/**
 * Whether a `checkServerIdentity` entry (`node`) of an object literal (`object`) is ever called (moved out of
 * rules/no-unverified-hostname.ts): it is the effective entry (no later key, write or agent option
 * replaces it wherever the object goes), the object is a TLS option bag (with types: its type does
 * not declare the key outside TLS code), it reaches more than closed APIs' non-TLS arguments, and it
 * goes to a client connection (tls.connect's handshake calls it; servers, secure contexts and
 * `new tls.TLSSocket()` never do).
 */
export function hostCheckIsCalled(fc: FileContext, node: TSESTree.Property, object: TSESTree.ObjectExpression): boolean {
  if (!isEffectiveEntry(ownerBag(fc, node), 'checkServerIdentity', node) || shadowedAtEveryUse(fc, node, 'checkServerIdentity')) return false;
  if (bagKeyOrigin(fc, object, 'checkServerIdentity')?.kind === 'unrelated') return false;
  if (onlyToClosedApis(fc, object)) return false;
  const roles = destinationRoles(fc, node);
  return roles.has('client') || roles.has('agent') || roles.has('unknown');
}

/**
 * `tls.checkServerIdentity = wrapper` where the wrapper returns the saved original's result: Node's
 * check is kept (whistle 2.10.10, index.js).
 */
export function keepsNodeHostCheck(fc: FileContext, replacement: TSESTree.Node): boolean {
  return delegatesTo(fc, replacement, (n) => savedCheck(fc, n));
}

/**
 * A local bound once to Node's own check: `const original = tls.checkServerIdentity`. (Read after
 * the replacement, it would be the wrapper itself, which then recurses and throws: it fails closed.)
 */
function savedCheck(fc: FileContext, node: TSESTree.Node): boolean {
  const id = unwrap(node);
  const init = id.type === 'Identifier' ? constInitializer(fc, id) : undefined;
  return init !== undefined && isModuleRef(fc, init, 'tls', 'checkServerIdentity');
}
