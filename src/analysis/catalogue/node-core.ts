/**
 * Node's own TLS APIs (the sink rows in `sinks.ts`) as closed APIs: `tls.connect()`, `https.request()`,
 * `new https.Agent()`, `http2.connect()` and the servers read only their documented arguments, and
 * Node reads no library's option spellings (`strictSSL`, `tlsInsecure`...). An object at a position
 * or path that is not their TLS options (`https.request(url, { headers })`, `http2.connect(authority)`)
 * is not a TLS option bag.
 */
import type { CatalogueSection, GlobalOptionsRow, SinkRow } from './model.js';

/** Node's own TLS sinks, searched before every library's rows. */
const row = (r: Omit<SinkRow, 'path'> & { path?: readonly string[] }): SinkRow => ({ path: [], ...r });

export const CORE_SINKS: readonly SinkRow[] = [
  row({ label: 'tls.connect()', library: 'node:tls', module: 'tls', exports: [['connect']], invoke: 'call', argument: 'first-object', role: 'client', sendsSni: false }),
  row({ label: 'new tls.TLSSocket()', library: 'node:tls', module: 'tls', exports: [['TLSSocket']], invoke: 'new', argument: 1, role: 'tlssocket' }),
  row({ label: 'tls.createSecureContext()', library: 'node:tls', module: 'tls', exports: [['createSecureContext']], invoke: 'call', argument: 0, role: 'context' }),
  row({ label: 'tls.createServer()', library: 'node:tls', module: 'tls', exports: [['createServer']], invoke: 'call', argument: 'first-object', role: 'server' }),
  row({ label: 'new tls.Server()', library: 'node:tls', module: 'tls', exports: [['Server']], invoke: 'any', argument: 'first-object', role: 'server' }),
  row({ label: 'https.request()', library: 'node:https', module: 'https', exports: [['request']], invoke: 'call', argument: 'first-object', role: 'client', sendsSni: true }),
  row({ label: 'https.get()', library: 'node:https', module: 'https', exports: [['get']], invoke: 'call', argument: 'first-object', role: 'client', sendsSni: true }),
  row({ label: 'new https.Agent()', library: 'node:https', module: 'https', exports: [['Agent']], invoke: 'new', argument: 0, role: 'agent', sendsSni: true }),
  row({ label: 'https.createServer()', library: 'node:https', module: 'https', exports: [['createServer']], invoke: 'call', argument: 'first-object', role: 'server' }),
  row({ label: 'new https.Server()', library: 'node:https', module: 'https', exports: [['Server']], invoke: 'any', argument: 'first-object', role: 'server' }),
  row({ label: 'http2.connect()', library: 'node:http2', module: 'http2', exports: [['connect']], invoke: 'call', argument: 1, role: 'client', sendsSni: true }),
  row({ label: 'http2.createSecureServer()', library: 'node:http2', module: 'http2', exports: [['createSecureServer']], invoke: 'call', argument: 'first-object', role: 'server' }),
];

/** Process-wide option objects: writing TLS options into them affects every later connection. */
export const GLOBAL_OPTION_OBJECTS: readonly GlobalOptionsRow[] = [
  { label: 'https.globalAgent.options', module: 'https', path: ['globalAgent', 'options'] },
];

export const nodeCore: CatalogueSection = {
  packages: [],
  sinks: CORE_SINKS,
  globalOptionObjects: GLOBAL_OPTION_OBJECTS,
  closedApis: CORE_SINKS.map(({ label, module, exports, invoke }) => ({ label, module, exports, invoke })),
};
