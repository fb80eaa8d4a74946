/**
 * Plaintext fallbacks (no-plaintext-fallback): client calls of catalogued libraries that provably
 * send their traffic, or their credentials, without TLS to a host that is not loopback.
 *
 * Each verdict follows the library's own code (docs/libraries.md, "Plaintext"):
 * - a connection URL with a password over a plaintext scheme (`redis://:pw@cache.example.com`),
 *   read from the catalogue's `plaintextUrls` rows;
 * - nodemailer SMTP without `requireTLS`: `ignoreTLS: true` (never STARTTLS), or `secure: false` /
 *   `opportunisticTLS: true` (STARTTLS only when the server offers it, so the offer can be stripped);
 * - `@grpc/grpc-js` `credentials.createInsecure()` for a channel to a named remote address;
 * - kafkajs SASL `PLAIN` or `OAUTHBEARER` without `ssl` (the password or token in clear).
 * Unknown values keep a call silent, except the target host: credentials sent in clear are a
 * finding unless the host is provably loopback.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { isIP } from 'node:net';
import { memberName, unwrap, valueParent } from './ast.js';
import { resolveModuleRef } from './bindings.js';
import { catalogue, type PlaintextUrlRow } from './catalogue/index.js';
import type { FileContext } from './file-context.js';
import { bagOf, lookup, provablyLacks, type OptionBag } from './options.js';
import { rowDenotes } from './sinks.js';
import { constInitializer, evaluate, stringFragments, stringValues } from './values.js';

/** A placeholder for a part of a string decided at run time. */
const UNKNOWN = '\u0000';

/** True for `localhost`, `*.localhost`, 127.0.0.0/8, `::1` and `0.0.0.0` (a client connecting there reaches this machine). */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.') || h === '0.0.0.0';
  return h === '::1' || h === '::' || h === '::ffff:127.0.0.1';
}

/** The possible texts of a string expression, unknown parts as {@link UNKNOWN}; undefined when nothing is known. */
function stringShapes(fc: FileContext, node: TSESTree.Node, depth = 0): string[] | undefined {
  const n = unwrap(node);
  if (n.type === 'Identifier' && depth < 8) {
    const init = constInitializer(fc, n);
    if (init) return stringShapes(fc, init, depth + 1);
  }
  const known = stringValues(fc, node);
  if (known) return known;
  const fragments = stringFragments(fc, node);
  if (!fragments || fragments.length === 0) return undefined;
  const first = fragments[0]!;
  const last = fragments[fragments.length - 1]!;
  return [(first.atStart ? '' : UNKNOWN) + fragments.map((f) => f.text).join(UNKNOWN) + (last.atEnd ? '' : UNKNOWN)];
}

/** A URL with a password over a plaintext scheme. */
export interface CredentialsUrl {
  readonly scheme: string;
  /** The TLS scheme of the same library. */
  readonly secure: string;
  /** The host, or undefined when it is decided at run time. */
  readonly host: string | undefined;
}

const URL_SHAPE = /^([a-z][a-z0-9+.-]*):\/\/([^/?#@]*)@(\[[^\]]*\]|[^/?#:]*)/i;

/** The URL's scheme, userinfo and host when `text` carries a non-empty password over one of `schemes`. */
function credentialsUrl(text: string, schemes: Readonly<Record<string, string>>): CredentialsUrl | undefined {
  const m = URL_SHAPE.exec(text);
  if (!m) return undefined;
  const scheme = m[1]!.toLowerCase();
  const secure = schemes[scheme];
  // The scheme itself must be known text: `${proto}://...` may be the TLS one.
  if (secure === undefined || m[1]!.includes(UNKNOWN)) return undefined;
  const userinfo = m[2]!;
  const colon = userinfo.indexOf(':');
  if (colon < 0 || colon === userinfo.length - 1) return undefined;
  const rawHost = m[3]!;
  const host = rawHost.includes(UNKNOWN) || rawHost === '' ? undefined : rawHost;
  if (host !== undefined && isLoopbackHost(host)) return undefined;
  return { scheme, secure, host };
}

/** The node that holds the URL for `row` in `call`: the argument, or the value of its key. */
function urlNode(fc: FileContext, row: PlaintextUrlRow, call: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.Node | undefined {
  const arg = call.arguments[row.url.argument];
  if (!arg || arg.type === 'SpreadElement') return undefined;
  if (row.url.key === undefined) return arg;
  const bag = bagOf(fc, arg, call);
  const found = bag && lookup(bag, row.url.key);
  return found && !found.overridable ? found.entry.value : undefined;
}

/** True when no object argument of `call` has (or may have, through an unknown part) one of `keys`. */
function lacksEveryKey(fc: FileContext, call: TSESTree.CallExpression | TSESTree.NewExpression, keys: readonly string[]): boolean {
  if (keys.length === 0) return true;
  for (const arg of call.arguments) {
    if (arg.type === 'SpreadElement') return false;
    const n = unwrap(arg);
    if (n.type === 'Literal' || n.type === 'TemplateLiteral') continue;
    const values = evaluate(fc, n);
    if (values && values.every((v) => typeof v !== 'object' || v === null)) continue;
    const bag = bagOf(fc, n, call);
    if (!bag || !keys.every((k) => provablyLacks(bag, k))) return false;
  }
  return true;
}

export interface UrlFinding {
  readonly row: PlaintextUrlRow;
  /** The URL expression (the report node). */
  readonly node: TSESTree.Node;
  readonly url: CredentialsUrl;
}

/** The catalogued client call `call` is, with a URL that sends a password in clear. */
export function plaintextUrlCall(fc: FileContext, call: TSESTree.CallExpression | TSESTree.NewExpression): UrlFinding | undefined {
  const ref = resolveModuleRef(fc, call.callee);
  if (!ref) return undefined;
  const isNew = call.type === 'NewExpression';
  for (const row of catalogue().plaintextUrls) {
    if (!rowDenotes(row, ref, isNew)) continue;
    const node = urlNode(fc, row, call);
    if (!node) return undefined;
    const shapes = stringShapes(fc, node);
    if (!shapes || shapes.length === 0) return undefined;
    const urls = shapes.map((s) => credentialsUrl(s, row.schemes));
    if (!urls.every((u): u is CredentialsUrl => u !== undefined)) return undefined;
    if (!lacksEveryKey(fc, call, row.tlsKeys)) return undefined;
    const hosts = new Set(urls.map((u) => u.host));
    return { row, node, url: hosts.size === 1 ? urls[0]! : { ...urls[0]!, host: undefined } };
  }
  return undefined;
}

/** A boolean option: `true`/`false` when every possible value is that (truthiness), `absent`, or undefined when unknown. */
function flag(bag: OptionBag, key: string, fc: FileContext): { readonly value: boolean; readonly node: TSESTree.Node } | 'absent' | undefined {
  if (provablyLacks(bag, key)) return 'absent';
  const found = lookup(bag, key);
  if (!found || found.overridable || !found.entry.value) return undefined;
  const values = evaluate(fc, found.entry.value);
  if (!values || values.length === 0) return undefined;
  const truthy = values.every((v) => !!v);
  const falsy = values.every((v) => !v);
  return truthy || falsy ? { value: truthy, node: found.entry.node } : undefined;
}

/** The host of a bag key is provably loopback (an absent key counts as `fallback`). */
function loopbackKey(fc: FileContext, bag: OptionBag, key: string, fallback: boolean): boolean {
  if (provablyLacks(bag, key)) return fallback;
  const found = lookup(bag, key);
  if (!found || found.overridable || !found.entry.value) return false;
  const values = stringValues(fc, found.entry.value);
  return !!values && values.length > 0 && values.every(isLoopbackHost);
}

/** The first argument's bag of a call of `modules`' export `name`, with the object literal when it is one. */
function optionsOf(
  fc: FileContext,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  modules: ReadonlySet<string>,
  name: string,
): { readonly bag: OptionBag; readonly literal: TSESTree.ObjectExpression | undefined } | undefined {
  const ref = resolveModuleRef(fc, call.callee);
  if (!ref || !modules.has(ref.module) || ref.path.length !== 1 || ref.path[0] !== name) return undefined;
  const arg = call.arguments[0];
  if (!arg || arg.type === 'SpreadElement') return undefined;
  const bag = bagOf(fc, arg, call);
  if (!bag) return undefined;
  const n = unwrap(arg);
  return { bag, literal: n.type === 'ObjectExpression' ? n : undefined };
}

/** Every host in the list (or single string) under `key` is loopback, read without scheme, user and port. */
function allLoopback(fc: FileContext, bag: OptionBag, key: string): boolean {
  const found = lookup(bag, key);
  if (!found || found.overridable || !found.entry.value) return false;
  let list = unwrap(found.entry.value);
  if (list.type === 'Identifier') list = unwrap(constInitializer(fc, list) ?? list);
  const items = list.type === 'ArrayExpression' ? list.elements : [list];
  if (items.length === 0) return false;
  return items.every((e) => {
    if (!e || e.type === 'SpreadElement') return false;
    const values = stringValues(fc, e);
    return !!values && values.length > 0 && values.every((v) => isLoopbackHost(hostOfAddress(v)));
  });
}

/** `nats://user@host:4222` or `host:9092` -> `host`. */
const hostOfAddress = (v: string): string =>
  v
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/^[^@/]*@/, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '');

/** Keys that hand nodemailer's options to another transport, a URL or a well-known service (which wins over the object). */
const NODEMAILER: ReadonlySet<string> = new Set(['nodemailer']);
const NOT_PLAIN_SMTP = ['url', 'service', 'sendmail', 'streamTransport', 'jsonTransport', 'SES', 'transport', 'getSocket', 'connection', 'secured'];

export interface SmtpFinding {
  readonly kind: 'ignoreTls' | 'strippable';
  /** The property that decides it (`ignoreTLS: true`, `secure: false`, `opportunisticTLS: true`). */
  readonly node: TSESTree.Node;
  readonly option: string;
  /** The options object literal, when the bag is one (where a suggestion adds `requireTLS: true`). */
  readonly literal: TSESTree.ObjectExpression | undefined;
}

/** nodemailer `createTransport(options)` that sends mail without TLS, or with strippable STARTTLS. */
export function plaintextSmtp(fc: FileContext, call: TSESTree.CallExpression): SmtpFinding | undefined {
  const options = optionsOf(fc, call, NODEMAILER, 'createTransport');
  if (!options) return undefined;
  const { bag, literal } = options;
  if (!NOT_PLAIN_SMTP.every((k) => provablyLacks(bag, k))) return undefined;
  // requireTLS wins over ignoreTLS and opportunisticTLS (smtp-connection's constructor).
  const requireTls = flag(bag, 'requireTLS', fc);
  if (requireTls !== 'absent' && requireTls?.value !== false) return undefined;
  // Implicit TLS: `secure: true`, or port 465 with `secure` unset.
  const secure = flag(bag, 'secure', fc);
  if (secure === undefined || (secure !== 'absent' && secure.value)) return undefined;
  const port = lookup(bag, 'port');
  const ports = port && !port.overridable && port.entry.value ? evaluate(fc, port.entry.value) : provablyLacks(bag, 'port') ? [] : undefined;
  if (!ports || ports.some((p) => Number(p) === 465)) return undefined;
  // The default host is `localhost`.
  if (loopbackKey(fc, bag, 'host', true)) return undefined;
  const ignore = flag(bag, 'ignoreTLS', fc);
  if (ignore === undefined) return undefined;
  if (ignore !== 'absent' && ignore.value) return { kind: 'ignoreTls', node: ignore.node, option: 'ignoreTLS: true', literal };
  if (secure !== 'absent') return { kind: 'strippable', node: secure.node, option: 'secure: false', literal };
  const opportunistic = flag(bag, 'opportunisticTLS', fc);
  if (opportunistic !== undefined && opportunistic !== 'absent' && opportunistic.value)
    return { kind: 'strippable', node: opportunistic.node, option: 'opportunisticTLS: true', literal };
  return undefined;
}

const GRPC_MODULES = new Set(['@grpc/grpc-js', 'grpc']);

/** The address a gRPC channel target names: `dns:///api.example.com:443` -> `api.example.com`; undefined for local sockets. */
function grpcHost(target: string): string | undefined {
  let t = target;
  if (/^(unix|unix-abstract|vsock):/i.test(t)) return undefined;
  t = t.replace(/^dns:(\/\/[^/]*\/)?/i, '').replace(/^ipv[46]:/i, '');
  t = t.split(',')[0]!;
  const v6 = /^\[([^\]]+)\]/.exec(t);
  if (v6) return v6[1];
  const parts = t.split(':');
  return parts.length === 2 || parts.length === 1 ? parts[0] : t;
}

export interface GrpcFinding {
  /** The `createInsecure` member (the suggestion renames it). */
  readonly member: TSESTree.MemberExpression | undefined;
  readonly target: string;
}

/** `credentials.createInsecure()` whose channel goes to a named remote address (`new Client('api.example.com:443', creds)`). */
export function insecureGrpcChannel(fc: FileContext, call: TSESTree.CallExpression): GrpcFinding | undefined {
  const ref = resolveModuleRef(fc, call.callee);
  if (!ref || !GRPC_MODULES.has(ref.module) || ref.path.length !== 2 || ref.path[1] !== 'createInsecure') return undefined;
  if (ref.path[0] !== 'credentials' && ref.path[0] !== 'ChannelCredentials') return undefined;
  const targets = channelTargets(fc, call);
  if (!targets || targets.length === 0) return undefined;
  const remote = targets.filter((t) => {
    const host = grpcHost(t);
    return host !== undefined && host !== '' && !isLoopbackHost(host);
  });
  if (remote.length !== targets.length) return undefined;
  const callee = unwrap(call.callee);
  const member = callee.type === 'MemberExpression' && memberName(callee) === 'createInsecure' ? callee : undefined;
  return { member, target: remote[0]! };
}

/** The address arguments of every client constructor the credentials go to (argument 1 of `new X(address, creds)`). */
function channelTargets(fc: FileContext, creds: TSESTree.Node): string[] | undefined {
  const uses: TSESTree.Node[] = [];
  const { parent, child } = valueParent(creds);
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' && parent.init === child) {
    const variable = fc.findVariable(parent.id);
    if (!variable || constInitializer(fc, parent.id) === undefined) return undefined;
    for (const r of variable.references) if (!r.init) uses.push(r.identifier);
  } else uses.push(creds);
  const targets: string[] = [];
  for (const use of uses) {
    const { parent: p, child: c } = valueParent(use);
    if (!p || (p.type !== 'NewExpression' && p.type !== 'CallExpression') || p.arguments[1] !== c) return undefined;
    const address = p.arguments[0];
    const values = address && address.type !== 'SpreadElement' ? stringValues(fc, address) : undefined;
    if (!values) return undefined;
    targets.push(...values);
  }
  return targets;
}

/** SASL mechanisms whose secret crosses the wire as sent: the password (`PLAIN`) or the bearer token. */
const KAFKAJS: ReadonlySet<string> = new Set(['kafkajs']);
const CLEAR_SASL: Readonly<Record<string, string>> = { PLAIN: 'username and password', OAUTHBEARER: 'bearer token' };

export interface KafkaFinding {
  /** The `sasl` property. */
  readonly node: TSESTree.Node;
  readonly mechanism: string;
  readonly secret: string;
  readonly literal: TSESTree.ObjectExpression | undefined;
  /** The `ssl: false` entry, when the options set it. */
  readonly ssl: TSESTree.Node | undefined;
}

/** kafkajs `new Kafka({ sasl: { mechanism: 'plain' } })` without `ssl`: `socketFactory` opens `net.connect`. */
export function plaintextKafkaSasl(fc: FileContext, call: TSESTree.NewExpression): KafkaFinding | undefined {
  const options = optionsOf(fc, call, KAFKAJS, 'Kafka');
  if (!options) return undefined;
  const { bag, literal } = options;
  const ssl = flag(bag, 'ssl', fc);
  if (ssl === undefined || (ssl !== 'absent' && ssl.value)) return undefined;
  const sasl = lookup(bag, 'sasl');
  if (!sasl || sasl.overridable || !sasl.entry.value) return undefined;
  const saslBag = bagOf(fc, sasl.entry.value, call);
  const mechanism = saslBag && lookup(saslBag, 'mechanism');
  if (!mechanism || mechanism.overridable || !mechanism.entry.value) return undefined;
  const names = stringValues(fc, mechanism.entry.value)?.map((m) => m.toUpperCase());
  const first = names?.[0];
  if (!first || !names.every((m) => m === first) || CLEAR_SASL[first] === undefined) return undefined;
  if (allLoopback(fc, bag, 'brokers')) return undefined;
  return { node: sasl.entry.node, mechanism: first, secret: CLEAR_SASL[first]!, literal, ssl: ssl === 'absent' ? undefined : ssl.node };
}

const NATS_MODULES: ReadonlySet<string> = new Set(['nats', '@nats-io/transport-node']);

export interface NatsFinding {
  /** The `user` or `token` property. */
  readonly node: TSESTree.Node;
  readonly secret: string;
  /** The `tls: null` entry; undefined when `tls` is absent. */
  readonly tlsNull: TSESTree.Node | undefined;
  readonly literal: TSESTree.ObjectExpression | undefined;
}

/** The entry of `key` when the bag provably sets it to a value that is not provably empty. */
function present(fc: FileContext, bag: OptionBag, key: string): TSESTree.Node | undefined {
  const found = lookup(bag, key);
  if (!found || found.overridable || !found.entry.value) return undefined;
  const values = evaluate(fc, found.entry.value);
  if (values && values.every((v) => !v)) return undefined;
  return found.entry.node;
}

/**
 * nats `connect({ user, pass })` or `{ token }` without a `tls` object: the client starts TLS only
 * when the server's plaintext INFO asks for it (node_transport `connect`), so the credentials in
 * CONNECT go in clear once that is stripped. `tls: {}` makes the client refuse a server without TLS.
 */
export function plaintextNats(fc: FileContext, call: TSESTree.CallExpression): NatsFinding | undefined {
  const options = optionsOf(fc, call, NATS_MODULES, 'connect');
  if (!options) return undefined;
  const { bag, literal } = options;
  let tlsNull: TSESTree.Node | undefined;
  if (!provablyLacks(bag, 'tls')) {
    const tls = lookup(bag, 'tls');
    if (
      !tls ||
      tls.overridable ||
      !tls.entry.value ||
      unwrap(tls.entry.value).type !== 'Literal' ||
      (unwrap(tls.entry.value) as TSESTree.Literal).value !== null
    )
      return undefined;
    tlsNull = tls.entry.node;
  }
  const user = present(fc, bag, 'user');
  const token = present(fc, bag, 'token');
  const node = user ?? token;
  if (!node) return undefined;
  // No `servers`: the default is 127.0.0.1:4222.
  if (provablyLacks(bag, 'servers') || allLoopback(fc, bag, 'servers')) return undefined;
  return { node, secret: user ? 'username and password' : 'token', tlsNull, literal };
}
