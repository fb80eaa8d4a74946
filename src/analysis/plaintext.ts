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
 * - kafkajs SASL `PLAIN` or `OAUTHBEARER` without `ssl` (the password or token in clear);
 * - nats credentials without a `tls` object (TLS only if the server's plaintext greeting asks);
 * - nodemailer `smtp://` URL strings (`secure: false`) without `requireTLS=true`;
 * - pg `ssl: false` (or `sslmode=disable`) and postgres.js `ssl: false` / `'prefer'` with a password;
 * - ldapjs simple binds over `ldap://`.
 * Unknown values keep a call silent, except the target host: credentials sent in clear are a
 * finding unless the host is provably loopback.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { isIP } from 'node:net';
import { memberName, unwrap, valueParent } from './ast.js';
import { isModuleRef, resolveModuleRef } from './bindings.js';
import { catalogue, type PlaintextUrlRow } from './catalogue/index.js';
import type { FileContext } from './file-context.js';
import { bagOf, lookup, provablyLacks, type OptionBag } from './options.js';
import { rowDenotes } from './sinks.js';
import { connectionStringText, parseUrl, PLACEHOLDER, queryPairs } from './connection-strings.js';
import { constInitializer, evaluate, stringFragments, stringValues } from './values.js';

/**
 * The modules whose verdicts are the functions below (not catalogue rows): a file that names none
 * of them, and none of the `plaintextUrls` rows' modules, gets no listeners.
 */
export const PLAINTEXT_CHECK_MODULES: readonly string[] = [
  'nodemailer',
  'nodemailer/lib/smtp-transport',
  'nodemailer/lib/smtp-pool',
  '@grpc/grpc-js',
  'grpc',
  'kafkajs',
  'nats',
  '@nats-io/transport-node',
  'pg',
  'postgres',
  'ldapjs',
];

/** A placeholder for a part of a string decided at run time (the one connection-strings.ts reads). */
const UNKNOWN = PLACEHOLDER;

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

/** The authority of `scheme://…`: host (undefined when decided at run time, '' when empty) and whether the userinfo has a password. */
function authorityOf(text: string): { readonly host: string | undefined; readonly password: boolean | undefined } | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(text);
  if (!m) return undefined;
  let authority = m[1]!;
  // An unknown part may hold `/`, `?` or `@`: the authority's end is then unknown too.
  if (authority.includes(UNKNOWN) && text.length === m[0].length) return { host: undefined, password: undefined };
  const at = authority.lastIndexOf('@');
  const userinfo = at < 0 ? '' : authority.slice(0, at);
  authority = at < 0 ? authority : authority.slice(at + 1);
  const colon = userinfo.indexOf(':');
  const password = userinfo.includes(UNKNOWN) && colon < 0 ? undefined : colon >= 0 && colon < userinfo.length - 1;
  const hostPart = /^(\[[^\]]*\]|[^:]*)/.exec(authority)![1]!;
  return { host: hostPart.includes(UNKNOWN) ? undefined : hostPart.replace(/^\[|\]$/g, ''), password };
}

/** The query of a URL text as key -> every value written (undefined when it holds an unknown part); undefined when a key is unknown. */
function queryOf(text: string): ReadonlyMap<string, readonly (string | undefined)[]> | undefined {
  const out = new Map<string, (string | undefined)[]>();
  const q = text.indexOf('?');
  // Without a `?`, an unknown part after the authority (in the path) may hold a query; one inside
  // the authority is taken as part of the host or the credentials.
  if (q < 0) return text.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').includes(UNKNOWN) ? undefined : out;
  for (const { pair, key, value, unknownKey } of queryPairs(text)) {
    if (pair === '') continue;
    if (unknownKey) return undefined;
    out.set(key, [...(out.get(key) ?? []), value.includes(UNKNOWN) ? undefined : value]);
  }
  return out;
}

/**
 * nodemailer's reading of a URL query value (shared `parseConnectionUrl`): a number, `true`/`false`,
 * or the string; a repeated key is an array (truthy). Undefined when a value is unknown.
 */
function nodemailerTruthy(values: readonly (string | undefined)[] | undefined): boolean | undefined {
  if (!values || values.length === 0) return false;
  if (values.length > 1) return true;
  const v = values[0];
  if (v === undefined) return undefined;
  if (!isNaN(v as unknown as number)) return Number(v) !== 0 && !Number.isNaN(Number(v));
  return v !== 'false';
}

/**
 * Query keys an `smtp://` URL may carry that keep nodemailer on a plain SMTP connection whose
 * TLS is decided by `secure: false` and `requireTLS` / `ignoreTLS` (any other key, such as
 * `service`, `proxy`, `sendmail`, keeps the URL silent).
 */
const SMTP_URL_KEYS = new Set([
  'requireTLS',
  'ignoreTLS',
  'opportunisticTLS',
  'secure',
  'name',
  'localAddress',
  'connectionTimeout',
  'greetingTimeout',
  'socketTimeout',
  'dnsTimeout',
  'authMethod',
  'logger',
  'debug',
  'pool',
  'maxConnections',
  'maxMessages',
]);

export interface SmtpUrlFinding {
  readonly kind: 'ignoreTls' | 'strippable';
  /** The URL expression, or the options object's `ignoreTLS: true` property when that decides it. */
  readonly node: TSESTree.Node;
  /** The URL names no `requireTLS` and ends in known text without a fragment (a suggestion may append the parameter). */
  readonly appendable: boolean;
  readonly text: string;
  /** The `ignoreTLS: true` is the options object's (`node`), not the URL's. */
  readonly objectIgnore: boolean;
  /** Neither the URL's query nor the options object sets `requireTLS` (one added to the object would count). */
  readonly requireTlsAddable: boolean;
}

/** nodemailer's SMTP transport classes, which merge `options.url` as `createTransport` does (`assign(false, options, urlData, wellKnown(service))`). */
const SMTP_TRANSPORT_MODULES: ReadonlySet<string> = new Set(['nodemailer/lib/smtp-transport', 'nodemailer/lib/smtp-pool']);

/** `createTransport(…)` of nodemailer, or `new SMTPTransport(…)` / `new SMTPPool(…)` of its `lib/` modules. */
function isSmtpFactory(fc: FileContext, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const ref = resolveModuleRef(fc, call.callee);
  if (!ref) return false;
  if (call.type === 'NewExpression')
    return SMTP_TRANSPORT_MODULES.has(ref.module) && (ref.path.length === 0 || (ref.path.length === 1 && ref.path[0] === 'default'));
  return ref.module === 'nodemailer' && ref.path.length === 1 && ref.path[0] === 'createTransport';
}

/** The URL of a `createTransport` argument: the string itself, or the `url` of an options object. */
function smtpUrlArgument(
  fc: FileContext,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
): { readonly url: TSESTree.Node; readonly bag: OptionBag | undefined } | undefined {
  if (!isSmtpFactory(fc, call)) return undefined;
  const arg = call.arguments[0];
  if (!arg || arg.type === 'SpreadElement') return undefined;
  if (connectionStringText(fc, arg) !== undefined) return { url: arg, bag: undefined };
  const bag = bagOf(fc, arg, call);
  const url = bag && lookup(bag, 'url');
  if (!url || url.overridable || !url.entry.value) return undefined;
  return { url: url.entry.value, bag };
}

/**
 * nodemailer `createTransport('smtp://user:pass@host')` and `createTransport({ url: 'smtp://…', ... })`:
 * `parseConnectionUrl` sets `secure: false` for `smtp:` (before the query, whose own `secure` is then
 * ignored: `!(lKey in obj)`), so without `requireTLS=true` STARTTLS is used only when offered, and
 * never with `ignoreTLS=true`. For an options object, `createTransport` assigns the parsed URL over
 * the object's other keys (`shared.assign(false, copyOwnKeys({}, transporter, key => key === 'url'),
 * parsed)`): the URL's `secure`, host and query keys win, and the object's `requireTLS` / `ignoreTLS`
 * count where the query does not set them; a `service` (object or query) brings its well-known
 * settings over both (smtp-transport). `new SMTPTransport(url | options)` and `new SMTPPool(…)`
 * (`nodemailer/lib/smtp-transport`, `lib/smtp-pool`) merge the same way in their constructors.
 */
export function plaintextSmtpUrl(fc: FileContext, call: TSESTree.CallExpression | TSESTree.NewExpression): SmtpUrlFinding | undefined {
  const found = smtpUrlArgument(fc, call);
  if (!found) return undefined;
  const { url: arg, bag } = found;
  const text = connectionStringText(fc, arg);
  if (text === undefined || !/^smtp:\/\//i.test(text)) return undefined;
  if (bag && !NOT_PLAIN_SMTP.every((k) => k === 'url' || provablyLacks(bag, k))) return undefined;
  const authority = authorityOf(text);
  if (!authority || (authority.host !== undefined && authority.host !== '' && isLoopbackHost(authority.host))) return undefined;
  // No host in the URL: the object's `host`, else nodemailer's default `localhost`.
  if (authority.host === '' && (!bag || loopbackKey(fc, bag, 'host', true))) return undefined;
  const query = queryOf(text);
  if (!query || [...query.keys()].some((k) => !SMTP_URL_KEYS.has(k) && !k.startsWith('tls.'))) return undefined;
  const objectFlag = (key: string): boolean | undefined => {
    if (!bag) return false;
    const f = flag(bag, key, fc);
    return f === undefined ? undefined : f !== 'absent' && f.value;
  };
  const requireTls = query.has('requireTLS') ? nodemailerTruthy(query.get('requireTLS')) : objectFlag('requireTLS');
  if (requireTls !== false) return undefined;
  const ignore = query.has('ignoreTLS') ? nodemailerTruthy(query.get('ignoreTLS')) : objectFlag('ignoreTLS');
  if (ignore === undefined) return undefined;
  const objectIgnore = ignore && !query.has('ignoreTLS');
  const ignoreEntry = objectIgnore && bag ? lookup(bag, 'ignoreTLS')?.entry.node : undefined;
  // The URL itself is the literal: the parameter goes before its closing quote.
  const n = arg;
  const appendable = !query.has('requireTLS') && !text.includes('#') && !text.endsWith(UNKNOWN) && (n.type === 'Literal' || n.type === 'TemplateLiteral');
  return {
    kind: ignore ? 'ignoreTls' : 'strippable',
    node: ignoreEntry ?? arg,
    appendable,
    text,
    objectIgnore: ignoreEntry !== undefined,
    requireTlsAddable: !query.has('requireTLS') && (!bag || provablyLacks(bag, 'requireTLS')),
  };
}

export interface PostgresFinding {
  readonly library: 'pg' | 'postgres.js';
  /** `prefer`: TLS that falls back to plaintext when the server (or an attacker) declines it; `off`: no TLS. */
  readonly kind: 'off' | 'prefer';
  /** The `ssl` property, or the connection string. */
  readonly node: TSESTree.Node;
  /** How the setting is written, for the message: `` `ssl: false` ``, `` `sslmode=disable` ``. */
  readonly option: string;
  readonly host: string | undefined;
  /** The setting is an `ssl` property of an object literal (a suggestion may replace its value). */
  readonly property: TSESTree.Property | undefined;
  /** TLS is off through `PGSSLMODE=disable` set in the file: the options literal, when it is one (a suggestion may add `ssl: true`). */
  readonly fromEnv?: { readonly literal: TSESTree.ObjectExpression | undefined };
}

const PG_CLASSES = new Set(['Client', 'Pool']);

/** A password the bag provably sets to a value that is not provably empty. */
const hasPassword = (fc: FileContext, bag: OptionBag, keys: readonly string[]): boolean => keys.some((k) => present(fc, bag, k) !== undefined);

/** The bag's host under `keys` (the first that is present): loopback or a Unix socket path -> `local`; unknown -> undefined; absent -> `absent`. */
function hostOf(fc: FileContext, bag: OptionBag, keys: readonly string[]): { readonly host: string | undefined } | 'local' | 'absent' {
  for (const key of keys) {
    if (provablyLacks(bag, key)) continue;
    const found = lookup(bag, key);
    const values = found && !found.overridable && found.entry.value ? stringValues(fc, found.entry.value) : undefined;
    if (!values || values.length === 0) return { host: undefined };
    const hosts = values.flatMap((v) => v.split(',').map(hostOfAddress));
    if (hosts.every((h) => h === '' || h.startsWith('/') || isLoopbackHost(h))) return 'local';
    return { host: new Set(hosts).size === 1 ? hosts[0] : undefined };
  }
  return 'absent';
}

/** Every value of the `ssl` entry is one that means no TLS to the library (`false`, and for pg also `null`, `0`, `''`). */
function sslOff(fc: FileContext, bag: OptionBag, library: PostgresFinding['library']): TSESTree.Property | TSESTree.Node | undefined {
  const found = lookup(bag, 'ssl');
  if (!found || found.overridable || !found.entry.value) return undefined;
  const values = evaluate(fc, found.entry.value);
  if (!values || values.length === 0) return undefined;
  const off = library === 'pg' ? values.every((v) => v !== undefined && !v) : values.every((v) => v === false || v === 'disable');
  return off ? found.entry.node : undefined;
}

/** How a bag's `ssl` entry is written, for the message: `` `ssl: false` ``, `` `ssl: null` ``. */
function sslOption(fc: FileContext, entry: TSESTree.Node): string {
  const value = entry.type === 'Property' ? evaluate(fc, entry.value) : undefined;
  const v = value?.length === 1 ? value[0] : false;
  return `\`ssl: ${typeof v === 'string' ? `'${v}'` : String(v)}\``;
}

/**
 * pg `new Client({ host, password, ssl: false })` (also `Pool`): an explicit `ssl` is
 * used as is (`connection-parameters.js`: `PGSSLMODE` only when `ssl` is undefined), so no TLS; a
 * `connectionString` replaces the config's keys, so a bag that may have one is silent. A
 * connection string with a password and `sslmode=disable` (or `ssl=0` without `sslmode`) is the
 * same: pg-connection-string sets `ssl: false`, which wins over the object's `ssl`.
 *
 * `pg.native` clients are silent: pg 8.23 `getLibpqConnectionString` (`connection-parameters.js`
 * line 153) passes an `sslmode` to libpq only when `ssl` is truthy, so `ssl: false` (or a parsed
 * `sslmode=disable`) leaves libpq's own choice: a service file (`PGSERVICE`), then `PGSSLMODE`,
 * then its default `prefer` (TLS first). Even `PGSSLMODE=disable` set in the file is not proof
 * there: a service named by the environment wins over it (libpq `conninfo_add_defaults`).
 */
export function plaintextPg(fc: FileContext, call: TSESTree.NewExpression): PostgresFinding | undefined {
  const ref = resolveModuleRef(fc, call.callee);
  if (!ref || ref.module !== 'pg' || ref.path[0] === 'native') return undefined;
  const path = ref.path;
  if (path.length !== 1 || !PG_CLASSES.has(path[0]!)) return undefined;
  const arg = call.arguments[0];
  if (!arg || arg.type === 'SpreadElement') return undefined;
  const asString = connectionStringText(fc, arg);
  if (asString !== undefined) return pgString(asString, arg) ?? pgStringFromEnv(fc, call, asString, arg, undefined);
  const bag = bagOf(fc, arg, call);
  if (!bag) return undefined;
  const ssl = sslOff(fc, bag, 'pg');
  const literal = unwrap(arg).type === 'ObjectExpression' ? (unwrap(arg) as TSESTree.ObjectExpression) : undefined;
  if (!provablyLacks(bag, 'connectionString')) {
    const cs = lookup(bag, 'connectionString');
    const text = cs && !cs.overridable && cs.entry.value ? connectionStringText(fc, cs.entry.value) : undefined;
    if (text === undefined) return undefined;
    if (!ssl && provablyLacks(bag, 'ssl')) return pgString(text, cs!.entry.value!) ?? pgStringFromEnv(fc, call, text, arg, literal);
    return pgString(text, cs!.entry.value!) ?? (ssl && pgStringKeepsSsl(fc, text, ssl));
  }
  if (!ssl && provablyLacks(bag, 'ssl')) {
    const line = sslModeDisabledBefore(fc, call);
    if (line === undefined || !hasPassword(fc, bag, ['password'])) return undefined;
    const host = hostOf(fc, bag, ['host']);
    if (host === 'local' || host === 'absent') return undefined;
    return { library: 'pg', kind: 'off', node: arg, option: envOption(line), host: host.host, property: undefined, fromEnv: { literal } };
  }
  if (!ssl || !hasPassword(fc, bag, ['password'])) return undefined;
  const host = hostOf(fc, bag, ['host']);
  if (host === 'local' || host === 'absent') return undefined;
  return { library: 'pg', kind: 'off', node: ssl, option: sslOption(fc, ssl), host: host.host, property: ssl.type === 'Property' ? ssl : undefined };
}

/** pg-connection-string's parameters that set `ssl` in the parsed config (which replaces the object's). */
const PG_SSL_PARAMS = ['ssl', 'sslmode', 'sslcert', 'sslkey', 'sslrootcert', 'sslnegotiation'];

/**
 * `{ connectionString, ssl: false }` where the string sets no `ssl` parameter: the parsed config
 * has no `ssl` key, so the object's `false` stays; the string's host and password (possibly
 * empty) replace the object's.
 */
function pgStringKeepsSsl(fc: FileContext, text: string, ssl: TSESTree.Node): PostgresFinding | undefined {
  if (!/^postgres(?:ql)?:\/\//i.test(text)) return undefined;
  const params = parseUrl(text);
  const authority = authorityOf(text);
  if (!params || !authority || authority.password !== true || !PG_SSL_PARAMS.every((k) => params.has(k) === false)) return undefined;
  if (params.has('host') !== false || authority.host === '' || (authority.host !== undefined && isLoopbackHost(authority.host))) return undefined;
  return { library: 'pg', kind: 'off', node: ssl, option: sslOption(fc, ssl), host: authority.host, property: ssl.type === 'Property' ? ssl : undefined };
}

/** How `PGSSLMODE=disable` set on `line` is named in the message. */
const envOption = (line: number): string => `\`PGSSLMODE=disable\` (set on line ${line})`;

/**
 * A connection string that sets no `ssl*` parameter (so `ssl` stays undefined, and pg reads
 * `PGSSLMODE`), with a password and a remote host, in a file that sets `PGSSLMODE=disable` before.
 */
function pgStringFromEnv(
  fc: FileContext,
  call: TSESTree.NewExpression,
  text: string,
  node: TSESTree.Node,
  literal: TSESTree.ObjectExpression | undefined,
): PostgresFinding | undefined {
  const line = sslModeDisabledBefore(fc, call);
  if (line === undefined || !/^postgres(?:ql)?:\/\//i.test(text)) return undefined;
  const params = parseUrl(text);
  const authority = authorityOf(text);
  if (!params || !authority || authority.password !== true || !PG_SSL_PARAMS.every((k) => params.has(k) === false)) return undefined;
  if (params.has('host') !== false || authority.host === '' || (authority.host !== undefined && isLoopbackHost(authority.host))) return undefined;
  return { library: 'pg', kind: 'off', node, option: envOption(line), host: authority.host, property: undefined, fromEnv: { literal } };
}

/**
 * The line of a top-level `process.env.PGSSLMODE = 'disable'` that runs before `call`, when the
 * file has no other mention of `PGSSLMODE` and `call` is itself top-level code after it (so it runs
 * after the assignment): pg reads the variable when a client is made (`ConnectionParameters`,
 * `readSSLConfigFromEnvironment`), and `'disable'` gives `ssl: false` whatever `pg.defaults.ssl` says.
 * A file that may load dotenv with `override` is left alone (it may set the variable again).
 */
function sslModeDisabledBefore(fc: FileContext, call: TSESTree.Node): number | undefined {
  const text = fc.sourceCode.text;
  if ((text.match(/PGSSLMODE/g) ?? []).length !== 1 || (/\bdotenv\b/.test(text) && /\boverride\b/.test(text))) return undefined;
  for (let p: TSESTree.Node | undefined = call.parent; p; p = p.parent) {
    if (p.type === 'FunctionDeclaration' || p.type === 'FunctionExpression' || p.type === 'ArrowFunctionExpression' || p.type === 'ClassBody') return undefined;
  }
  const program = fc.sourceCode.ast;
  for (const statement of program.body) {
    if (statement.range[1] > call.range[0]) return undefined;
    if (statement.type !== 'ExpressionStatement') continue;
    const e = unwrap(statement.expression);
    if (e.type !== 'AssignmentExpression' || e.operator !== '=' || e.left.type !== 'MemberExpression') continue;
    const left = e.left;
    const name = left.computed ? stringValues(fc, left.property) : left.property.type === 'Identifier' ? [left.property.name] : undefined;
    if (name?.length !== 1 || name[0] !== 'PGSSLMODE' || !isModuleRef(fc, unwrap(left.object), 'process', 'env')) continue;
    const values = evaluate(fc, e.right);
    return values?.length === 1 && values[0] === 'disable' ? statement.loc.start.line : undefined;
  }
  return undefined;
}

/** A pg connection string with a password and TLS turned off by its parameters. */
function pgString(text: string, node: TSESTree.Node): PostgresFinding | undefined {
  if (!/^postgres(?:ql)?:\/\//i.test(text)) return undefined;
  const params = parseUrl(text);
  const authority = authorityOf(text);
  if (!params || !authority || authority.password !== true) return undefined;
  const mode = params.get('sslmode');
  let option: string;
  if (mode === 'disable') option = '`sslmode=disable`';
  else if (mode === null && params.get('ssl') === '0' && ['sslcert', 'sslkey', 'sslrootcert', 'sslnegotiation'].every((k) => params.has(k) === false))
    option = '`ssl=0`';
  else return undefined;
  // An empty host is pg's `PGHOST` or `localhost`; a `host` parameter replaces the URL's.
  if (params.has('host') !== false || authority.host === '' || (authority.host !== undefined && isLoopbackHost(authority.host))) return undefined;
  return { library: 'pg', kind: 'off', node, option, host: authority.host, property: undefined };
}

/**
 * postgres.js `postgres(url, options)` (`src/index.js` `parseOptions`, `src/connection.js`
 * `secure`): `ssl: 'prefer'` sends an SSLRequest and, when the answer is not `S`, goes on in
 * plaintext; `ssl: false` (the default) never starts TLS; `'allow'` and `'require'` go on with TLS
 * whatever the answer. An `ssl` key in the options (`'ssl' in o`) wins over the URL's `sslmode` /
 * `ssl`, and `sslrootcert=system` makes it `verify-full`.
 */
export function plaintextPostgres(fc: FileContext, call: TSESTree.CallExpression): PostgresFinding | undefined {
  const ref = resolveModuleRef(fc, call.callee);
  if (!ref || ref.module !== 'postgres' || !(ref.path.length === 0 || (ref.path.length === 1 && ref.path[0] === 'default'))) return undefined;
  const [first, second] = call.arguments;
  if (!first || first.type === 'SpreadElement' || second?.type === 'SpreadElement') return undefined;
  const urlText = connectionStringText(fc, first);
  const optionsNode = urlText === undefined ? first : second;
  if (urlText === undefined && unwrap(first).type !== 'ObjectExpression' && unwrap(first).type !== 'Identifier') return undefined;
  const bag = optionsNode ? bagOf(fc, optionsNode, call) : undefined;
  if (optionsNode && !bag) return undefined;
  const url = urlText === undefined ? undefined : /^postgres(?:ql)?:\/\//i.test(urlText) ? urlText : null;
  if (url === null) return undefined;
  const params = url === undefined ? undefined : parseUrl(url);
  const authority = url === undefined ? undefined : authorityOf(url);
  if (url !== undefined && (!params || !authority)) return undefined;

  let kind: PostgresFinding['kind'];
  let node: TSESTree.Node;
  let option: string;
  let property: TSESTree.Property | undefined;
  if (bag && !provablyLacks(bag, 'ssl')) {
    const found = lookup(bag, 'ssl');
    if (!found || found.overridable || !found.entry.value) return undefined;
    const values = evaluate(fc, found.entry.value);
    if (!values || values.length !== 1) return undefined;
    const v = values[0];
    if (v === 'prefer') kind = 'prefer';
    else if (v === false || v === 'disable') kind = 'off';
    else return undefined;
    node = found.entry.node;
    option = v === false ? '`ssl: false`' : `\`ssl: '${String(v)}'\``;
    property = node.type === 'Property' ? node : undefined;
  } else if (params) {
    if (params.get('sslrootcert') !== null) return undefined;
    const mode = params.get('sslmode');
    const key = mode !== null ? 'sslmode' : 'ssl';
    const value = mode ?? params.get('ssl');
    if (value === 'prefer') kind = 'prefer';
    else if (value === 'disable' || value === 'false') kind = 'off';
    else return undefined;
    node = first;
    option = `\`${key}=${value}\``;
    property = undefined;
  } else return undefined;

  // The password: `pass` / `password` in the options, or the URL's.
  if (!(bag && hasPassword(fc, bag, ['pass', 'password'])) && authority?.password !== true) return undefined;
  // The host: `hostname` / `host` in the options win over the URL's; none is `PGHOST` or `localhost`.
  const fromBag = bag ? hostOf(fc, bag, ['hostname', 'host']) : 'absent';
  if (fromBag === 'local') return undefined;
  let host: string | undefined;
  if (fromBag !== 'absent') host = fromBag.host;
  else {
    if (!authority || authority.host === '') return undefined;
    if (authority.host !== undefined) {
      const hosts = authority.host.split(',').map(hostOfAddress);
      if (hosts.every((h) => h === '' || isLoopbackHost(h))) return undefined;
      host = new Set(hosts).size === 1 ? hosts[0] : undefined;
    }
  }
  return { library: 'postgres.js', kind, node, option, host, property };
}

export interface LdapFinding {
  /** The `bind()` call or the `bindCredentials` property. */
  readonly node: TSESTree.Node;
  readonly host: string | undefined;
  /** The `url` string literal, when there is one (a suggestion may switch it to `ldaps://`). */
  readonly url: TSESTree.Node | undefined;
}

const LDAPJS: ReadonlySet<string> = new Set(['ldapjs']);

/** The `ldap://` URLs of a `createClient({ url })` bag: their hosts, when every URL is `ldap://` and some host is not loopback. */
function ldapTargets(fc: FileContext, bag: OptionBag): { readonly host: string | undefined; readonly url: TSESTree.Node | undefined } | undefined {
  if (!provablyLacks(bag, 'socketPath')) return undefined;
  const found = lookup(bag, 'url');
  if (!found || found.overridable || !found.entry.value) return undefined;
  let list = unwrap(found.entry.value);
  if (list.type === 'Identifier') list = unwrap(constInitializer(fc, list) ?? list);
  const items = list.type === 'ArrayExpression' ? list.elements : [list];
  if (items.length === 0) return undefined;
  const hosts: (string | undefined)[] = [];
  for (const item of items) {
    if (!item || item.type === 'SpreadElement') return undefined;
    const text = connectionStringText(fc, item);
    if (text === undefined || !/^ldap:\/\//i.test(text)) return undefined;
    const authority = authorityOf(text);
    if (!authority) return undefined;
    // ldapjs connects to `localhost` when the URL has no host.
    hosts.push(authority.host === '' ? 'localhost' : authority.host);
  }
  if (hosts.every((h) => h !== undefined && isLoopbackHost(h))) return undefined;
  const remote = hosts.filter((h) => h === undefined || !isLoopbackHost(h));
  return { host: new Set(remote).size === 1 ? remote[0] : undefined, url: items.length === 1 ? items[0]! : undefined };
}

/**
 * The value of a variable declared without an initializer and written exactly once, by `x = value`
 * (`let client; … client = createClient(…)`): a call on it that does not throw sees that value.
 */
function onlyAssignment(fc: FileContext, id: TSESTree.Identifier): TSESTree.Expression | undefined {
  const variable = fc.findVariable(id);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.type !== 'Variable' || def.node.id.type !== 'Identifier' || def.node.init) return undefined;
  const writes = variable.references.filter((r) => r.isWrite());
  const write = writes.length === 1 ? writes[0]!.identifier.parent : undefined;
  return write?.type === 'AssignmentExpression' && write.operator === '=' && write.left === writes[0]!.identifier ? write.right : undefined;
}

/** The name of a non-computed member (`this.client`, `this.#client`). */
const fieldName = (m: TSESTree.MemberExpression): string | undefined =>
  m.computed ? undefined : m.property.type === 'PrivateIdentifier' ? `#${m.property.name}` : m.property.name;

/**
 * `this.client` inside a method of a class whose constructor assigns `this.client = value` as one
 * of its statements, where nothing else in the file writes a member of that name (an assignment,
 * an update, a class field with a value, a `delete`): a call on it that does not throw sees that
 * value. A write from another module is not seen (a `#private` field has none).
 */
function constructorField(fc: FileContext, member: TSESTree.MemberExpression): TSESTree.Expression | undefined {
  const name = fieldName(member);
  if (unwrap(member.object).type !== 'ThisExpression' || name === undefined) return undefined;
  // The class whose instance `this` is: the first non-arrow function up must be one of its methods.
  let fn: TSESTree.Node | undefined = member.parent;
  while (fn && !(fn.type === 'FunctionExpression' || fn.type === 'FunctionDeclaration')) fn = fn.parent;
  const method = fn?.parent;
  if (method?.type !== 'MethodDefinition' || method.static || method.parent.type !== 'ClassBody') return undefined;
  const ctor = method.parent.body.find((m): m is TSESTree.MethodDefinition => m.type === 'MethodDefinition' && m.kind === 'constructor');
  const writes: TSESTree.Node[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (
      (node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression' && fieldName(node.left) === name) ||
      (node.type === 'UpdateExpression' && node.argument.type === 'MemberExpression' && fieldName(node.argument) === name) ||
      (node.type === 'UnaryExpression' && node.operator === 'delete' && node.argument.type === 'MemberExpression' && fieldName(node.argument) === name) ||
      (node.type === 'PropertyDefinition' && node.value && (node.computed || staticFieldKey(node.key) === name)) ||
      // `this[key] = …` may write it, and so may a destructuring target (`({ a: this.client } = o)`).
      (node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression' && node.left.computed) ||
      (node.type === 'MemberExpression' && fieldName(node) === name && isPatternTarget(node)) ||
      // A TypeScript parameter property (`constructor(private client: Client)`), `Object.assign(this, …)`.
      (node.type === 'TSParameterProperty' && node.parameter.type === 'Identifier' && node.parameter.name === name) ||
      (node.type === 'CallExpression' &&
        node.arguments[0]?.type === 'ThisExpression' &&
        node.callee.type === 'MemberExpression' &&
        /^(?:assign|defineProperty|defineProperties)$/.test(memberName(node.callee) ?? ''))
    )
      writes.push(node);
    for (const key of fc.sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const c of Array.isArray(child) ? child : [child]) if (c && typeof (c as TSESTree.Node).type === 'string') visit(c as TSESTree.Node);
    }
  };
  visit(fc.sourceCode.ast);
  const write = writes.length === 1 ? writes[0] : undefined;
  // A field of the class itself: `client = createClient(…)`.
  if (write?.type === 'PropertyDefinition') return !write.static && write.parent === method.parent ? (write.value ?? undefined) : undefined;
  if (!ctor?.value.body || write?.type !== 'AssignmentExpression' || write.operator !== '=') return undefined;
  const statement = write.parent;
  if (
    statement.type !== 'ExpressionStatement' ||
    statement.parent !== ctor.value.body ||
    unwrap((write.left as TSESTree.MemberExpression).object).type !== 'ThisExpression'
  )
    return undefined;
  return write.right;
}

/** A member written by a destructuring pattern (`[this.client] = …`, `({ c: this.client } = …)`, `for (this.client of …)`). */
function isPatternTarget(node: TSESTree.MemberExpression): boolean {
  const p = node.parent;
  if (p.type === 'ArrayPattern' || p.type === 'RestElement' || (p.type === 'AssignmentPattern' && (p.left as TSESTree.Node) === node)) return true;
  if (p.type === 'Property' && p.value === node && p.parent.type === 'ObjectPattern') return true;
  return (p.type === 'ForOfStatement' || p.type === 'ForInStatement') && p.left === node;
}

const staticFieldKey = (key: TSESTree.Node): string | undefined =>
  key.type === 'PrivateIdentifier' ? `#${key.name}` : key.type === 'Identifier' ? key.name : key.type === 'Literal' ? String(key.value) : undefined;

/**
 * ldapjs simple binds over `ldap://` (lib/client/client.js): `connect` opens `net.connect` unless
 * the URL is `ldaps:`, and `bind(dn, password)` sends a BindRequest with the password as written.
 * Reported: `createClient({ url: 'ldap://…', bindDN, bindCredentials })` (the client binds in its
 * `setup` step, before user code could call `starttls`), and `client.bind(dn, password)` on a
 * `const client = createClient(…)` in a file that never calls `starttls`.
 */
export function plaintextLdap(fc: FileContext, call: TSESTree.CallExpression): LdapFinding | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === 'MemberExpression' && memberName(callee) === 'bind' && !/\bstarttls\b/.test(fc.sourceCode.text)) {
    const object = unwrap(callee.object);
    const init =
      object.type === 'Identifier'
        ? (constInitializer(fc, object) ?? onlyAssignment(fc, object))
        : object.type === 'MemberExpression'
          ? constructorField(fc, object)
          : object;
    const created = init && unwrap(init);
    if (!created || created.type !== 'CallExpression') return undefined;
    const options = optionsOf(fc, created, LDAPJS, 'createClient');
    if (!options) return undefined;
    const password = call.arguments[1];
    // `bind(dn, callback)` throws (the credentials must be a string): nothing is sent.
    if (!password || password.type === 'SpreadElement' || password.type === 'ArrowFunctionExpression' || password.type === 'FunctionExpression')
      return undefined;
    const values = evaluate(fc, password);
    if (values && values.every((v) => !v)) return undefined;
    const targets = ldapTargets(fc, options.bag);
    return targets && { node: call, ...targets };
  }
  const options = optionsOf(fc, call, LDAPJS, 'createClient');
  if (!options) return undefined;
  // The client binds in `setup` when both `bindDN` and `bindCredentials` are defined.
  const dn = lookup(options.bag, 'bindDN');
  const credentials = present(fc, options.bag, 'bindCredentials');
  if (!dn || dn.overridable || !credentials) return undefined;
  const targets = ldapTargets(fc, options.bag);
  return targets && { node: credentials, ...targets };
}
