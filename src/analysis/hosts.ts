/**
 * Hosts of a TLS client connection (require-servername's verdicts, `sniFinding`): what a host expression is (a DNS
 * name, an IP address or loopback name, or unknown), the host a `net` socket was opened with, and
 * which arguments of `tls.connect()` are its host and its options.
 */
import { isIP } from 'node:net';
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap } from './ast.js';
import { isModuleRef } from './bindings.js';
import type { FileContext } from './file-context.js';
import { bagOf, lookup, provablyLacks, type OptionBag } from './options.js';
import { sinksForCall, type SinkRow } from './sinks.js';
import { constInitializer, evaluate } from './values.js';

/** What a host expression is: a DNS name, an IP address or `localhost` (no finding), or unknown. */
export type HostKind = 'dns' | 'no-sni-needed' | 'unknown';

const isLoopbackName = (v: string): boolean => v.toLowerCase() === 'localhost' || v.toLowerCase().endsWith('.localhost');

function kindOfValue(v: unknown): HostKind {
  if (typeof v !== 'string' || v === '') return 'unknown';
  const bare = v.replace(/^\[|\]$/g, '');
  if (isIP(bare) !== 0 || isLoopbackName(bare)) return 'no-sni-needed';
  return /^[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?$/i.test(bare) ? 'dns' : 'unknown';
}

/** A host built as `${x}.example.com` or `x + '.example.com'`: its last label is a name, so it is no IP. */
function endsWithDnsLabel(fc: FileContext, node: TSESTree.Node): boolean {
  const n = unwrap(node);
  if (n.type === 'TemplateLiteral') {
    const tail = n.quasis[n.quasis.length - 1]?.value.cooked ?? '';
    return n.expressions.length > 0 && /\.[a-z][a-z0-9-]*[a-z0-9]\.?$/i.test(tail);
  }
  if (n.type === 'BinaryExpression' && n.operator === '+') {
    const right = evaluate(fc, n.right);
    return !!right && right.length > 0 && right.every((v) => typeof v === 'string' && /\.[a-z][a-z0-9-]*[a-z0-9]\.?$/i.test(v));
  }
  return false;
}

export function hostKind(fc: FileContext, node: TSESTree.Node): HostKind {
  const values = evaluate(fc, node);
  if (values && values.length > 0) {
    const kinds = new Set(values.map(kindOfValue));
    return kinds.size === 1 ? [...kinds][0]! : 'unknown';
  }
  return endsWithDnsLabel(fc, node) ? 'dns' : 'unknown';
}

/** `servername` values Node treats as "not set" (`if (options.servername)`). */
export function isFalsyServername(fc: FileContext, node: TSESTree.Node): boolean {
  const values = evaluate(fc, node);
  return !!values && values.length > 0 && values.every((v) => !v);
}

/** The host a `net.connect(port, host)` / `net.createConnection({ host })` socket was opened with. */
export function socketHost(fc: FileContext, node: TSESTree.Node): TSESTree.Node | undefined {
  let n = unwrap(node);
  if (n.type === 'Identifier') {
    const init = constInitializer(fc, n);
    if (!init) return undefined;
    n = unwrap(init);
  }
  if (n.type !== 'CallExpression') return undefined;
  if (!['connect', 'createConnection'].some((name) => isModuleRef(fc, n.callee, 'net', name))) return undefined;
  const [first, second] = n.arguments;
  if (!first || first.type === 'SpreadElement') return undefined;
  if (unwrap(first).type === 'ObjectExpression') {
    const bag = bagOf(fc, first);
    return bag ? (lookup(bag, 'host')?.entry.value ?? undefined) : undefined;
  }
  return second && second.type !== 'SpreadElement' ? second : undefined;
}

/** The arguments of `tls.connect(options)`, `tls.connect(port, host?, options?)` or `tls.connect(path, options?)`; undefined when they cannot be classified. */
export function connectArguments(
  fc: FileContext,
  call: TSESTree.CallExpression,
): { readonly optionsArg: TSESTree.Node | undefined; readonly hostArg: TSESTree.Node | undefined } | undefined {
  const args = call.arguments;
  if (args.some((a) => a.type === 'SpreadElement')) return undefined;
  const first = args[0];
  if (!first) return undefined;
  let optionsArg: TSESTree.Node | undefined;
  let hostArg: TSESTree.Node | undefined;
  const firstValue = unwrap(first);
  const isScalar = (n: TSESTree.Node): boolean => {
    const v = evaluate(fc, n);
    return !!v && v.length > 0 && v.every((x) => typeof x === 'number' || typeof x === 'string');
  };
  const isFunction = (n: TSESTree.Node | undefined): boolean =>
    !!n && (unwrap(n).type === 'ArrowFunctionExpression' || unwrap(n).type === 'FunctionExpression');
  if (isScalar(first)) {
    const port = evaluate(fc, first)!;
    const isPath = port.every((v) => typeof v === 'string' && !/^\d+$/.test(v));
    const second = args[1];
    const secondIsHost =
      !isPath &&
      second &&
      !isFunction(second) &&
      (() => {
        const v = evaluate(fc, second);
        if (v && v.length > 0) return v.every((x) => typeof x === 'string');
        const n = unwrap(second);
        return n.type === 'TemplateLiteral' || (n.type === 'BinaryExpression' && n.operator === '+');
      })();
    if (secondIsHost) {
      hostArg = second;
      optionsArg = args[2] && !isFunction(args[2]) ? args[2] : undefined;
    } else if (second && !isFunction(second) && unwrap(second).type === 'ObjectExpression') {
      optionsArg = second;
    } else if (second && !isFunction(second)) {
      return undefined; // a host or options we cannot classify
    }
    if (isPath && !optionsArg) return undefined;
  } else if (
    firstValue.type === 'ObjectExpression' ||
    firstValue.type === 'Identifier' ||
    firstValue.type === 'MemberExpression' ||
    firstValue.type === 'CallExpression'
  ) {
    optionsArg = first;
  } else {
    return undefined;
  }
  return { optionsArg, hostArg };
}

/**
 * Rows judged by require-servername: an API that sends no SNI and takes the `tls.connect` options as
 * the argument itself. A library row with a path (node-redis `createClient({ socket })`, ldapjs
 * `tlsOptions`) nests the TLS options one level down, where the argument's own `socket`/`host` keys
 * mean something else.
 */
export const sendsNoSniItself = (r: SinkRow): boolean => r.sendsSni === false && r.path.length === 0;

/** What a `tls.connect()` call gets wrong about SNI and the name its certificate is checked against. */
export type SniFinding = {
  /** The options argument, and the same when it is an object literal. */
  optionsArg: TSESTree.Node | undefined;
  literal: TSESTree.ObjectExpression | undefined;
  hostArg: TSESTree.Node | undefined;
  /** A `servername` entry whose value sends no SNI (`''`). */
  emptyServername: TSESTree.Node | undefined;
} & (
  | {
      /** `socket` and neither `servername` nor `host`: no SNI, certificate checked against the socket's name or 'localhost'. */
      kind: 'socketIdentity';
      socketEntry: NonNullable<ReturnType<typeof lookup>>;
    }
  | {
      /** A DNS host without a `servername`. */
      kind: 'noSni';
      hostNode: TSESTree.Node;
      hostEntry: ReturnType<typeof lookup>;
    }
);

/** The SNI finding of a call of an API that sends no SNI itself (moved out of rules/require-servername.ts). */
export function sniFinding(fc: FileContext, call: TSESTree.CallExpression): SniFinding | undefined {
  if (!sinksForCall(fc, call).some(sendsNoSniItself)) return undefined;
  const parsed = connectArguments(fc, call);
  if (!parsed) return undefined;
  const { optionsArg, hostArg } = parsed;

  const bag: OptionBag | undefined = optionsArg ? bagOf(fc, optionsArg, call) : { items: [] };
  if (!bag) return undefined;
  const literal = optionsArg && unwrap(optionsArg).type === 'ObjectExpression' ? (unwrap(optionsArg) as TSESTree.ObjectExpression) : undefined;

  const servername = lookup(bag, 'servername');
  let emptyServername: TSESTree.Node | undefined;
  if (servername) {
    if (servername.overridable || !servername.entry.value || !isFalsyServername(fc, servername.entry.value)) return undefined;
    emptyServername = servername.entry.node;
  } else if (!provablyLacks(bag, 'servername')) {
    return undefined;
  }

  const hostEntry = lookup(bag, 'host');
  const socketEntry = lookup(bag, 'socket');
  // A `host` in the options wins over the host argument.
  const hostNode = hostEntry ? (hostEntry.overridable ? undefined : hostEntry.entry.value) : hostArg;
  if (hostEntry?.overridable) return undefined;

  if (socketEntry && !hostNode) {
    if (!provablyLacks(bag, 'host') && !hostEntry) return undefined;
    return { kind: 'socketIdentity', optionsArg, literal, hostArg, emptyServername, socketEntry };
  }
  if (!hostNode || hostKind(fc, hostNode) !== 'dns') return undefined;
  return { kind: 'noSni', optionsArg, literal, hostArg, emptyServername, hostNode, hostEntry };
}
