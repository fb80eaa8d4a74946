/**
 * Node's own TLS APIs (the sink rows in `sinks.ts`) as closed APIs: `tls.connect()`, `https.request()`,
 * `new https.Agent()`, `http2.connect()` and the servers read only their documented arguments, and
 * Node reads no library's option spellings (`strictSSL`, `tlsInsecure`...). An object at a position
 * or path that is not their TLS options (`https.request(url, { headers })`, `http2.connect(authority)`)
 * is not a TLS option bag.
 */
import type { CatalogueSection, GlobalOptionsRow, LegacyApiRow, ProcessApiRow, SinkRow } from './model.js';

/** Node's own TLS sinks, searched before every library's rows. */
const row = (r: Omit<SinkRow, 'path'> & { path?: readonly string[] }): SinkRow => ({ path: [], ...r });

export const CORE_SINKS: readonly SinkRow[] = [
  row({
    label: 'tls.connect()',
    library: 'node:tls',
    module: 'tls',
    exports: [['connect']],
    invoke: 'call',
    argument: 'first-object',
    role: 'client',
    sendsSni: false,
  }),
  row({ label: 'new tls.TLSSocket()', library: 'node:tls', module: 'tls', exports: [['TLSSocket']], invoke: 'new', argument: 1, role: 'tlssocket' }),
  row({
    label: 'tls.createSecureContext()',
    library: 'node:tls',
    module: 'tls',
    exports: [['createSecureContext']],
    invoke: 'call',
    argument: 0,
    role: 'context',
  }),
  row({
    label: 'tls.createServer()',
    library: 'node:tls',
    module: 'tls',
    exports: [['createServer']],
    invoke: 'call',
    argument: 'first-object',
    role: 'server',
  }),
  row({ label: 'new tls.Server()', library: 'node:tls', module: 'tls', exports: [['Server']], invoke: 'any', argument: 'first-object', role: 'server' }),
  row({
    label: 'https.request()',
    library: 'node:https',
    module: 'https',
    exports: [['request']],
    invoke: 'call',
    argument: 'first-object',
    role: 'client',
    sendsSni: true,
  }),
  row({
    label: 'https.get()',
    library: 'node:https',
    module: 'https',
    exports: [['get']],
    invoke: 'call',
    argument: 'first-object',
    role: 'client',
    sendsSni: true,
  }),
  row({ label: 'new https.Agent()', library: 'node:https', module: 'https', exports: [['Agent']], invoke: 'new', argument: 0, role: 'agent', sendsSni: true }),
  row({
    label: 'https.createServer()',
    library: 'node:https',
    module: 'https',
    exports: [['createServer']],
    invoke: 'call',
    argument: 'first-object',
    role: 'server',
  }),
  row({ label: 'new https.Server()', library: 'node:https', module: 'https', exports: [['Server']], invoke: 'any', argument: 'first-object', role: 'server' }),
  row({
    label: 'http2.connect()',
    library: 'node:http2',
    module: 'http2',
    exports: [['connect']],
    invoke: 'call',
    argument: 1,
    role: 'client',
    sendsSni: true,
  }),
  row({
    label: 'http2.createSecureServer()',
    library: 'node:http2',
    module: 'http2',
    exports: [['createSecureServer']],
    invoke: 'call',
    argument: 'first-object',
    role: 'server',
  }),
];

/** Process-wide option objects: writing TLS options into them affects every later connection. */
export const GLOBAL_OPTION_OBJECTS: readonly GlobalOptionsRow[] = [{ label: 'https.globalAgent.options', module: 'https', path: ['globalAgent', 'options'] }];

const PAIR =
  'a client-side pair verifies neither the certificate chain nor the hostname (even with `rejectUnauthorized`), so any server can impersonate the peer';

/** Deprecated or removed TLS APIs (Node's deprecation list), by module and export path. */
export const LEGACY_APIS: readonly LegacyApiRow[] = [
  {
    module: 'tls',
    path: ['createSecurePair'],
    name: 'tls.createSecurePair()',
    code: 'DEP0064',
    why: PAIR,
    removedIn: 24,
    replacement: '`tls.connect({ socket })` (or `new tls.TLSSocket(socket, { isServer: true, ... })` on a server)',
  },
  {
    module: 'tls',
    path: ['SecurePair'],
    name: 'tls.SecurePair',
    code: 'DEP0043',
    // Measured on Node 16.20.2 and 20.20.2 (test/claims/legacy-node.test.ts): `typeof tls.SecurePair`
    // is 'undefined'; the class exists only behind createSecurePair(), so it has no removal of its own.
    why: `is not exported by \`node:tls\` (on Node 16 and 20 \`tls.SecurePair\` is undefined, so \`new tls.SecurePair()\` throws), and ${PAIR}`,
    replacement: '`tls.TLSSocket` (`tls.connect({ socket })` for a client)',
  },
  {
    module: 'tls',
    path: ['CryptoStream'],
    name: 'tls.CryptoStream',
    code: 'DEP0042',
    why: 'was removed in Node 10 with the old TLS stream implementation',
    replacement: '`tls.TLSSocket`',
  },
  {
    module: 'tls',
    path: ['parseCertString'],
    name: 'tls.parseCertString()',
    code: 'DEP0076',
    why: 'was removed in Node 18; it mis-parsed multi-valued names, so one certificate subject could be read as another',
    replacement: 'the parsed `subject`/`issuer` objects of `tlsSocket.getPeerCertificate()` or `crypto.X509Certificate`',
  },
  {
    module: 'tls',
    path: ['convertNPNProtocols'],
    name: 'tls.convertNPNProtocols()',
    code: 'DEP0107',
    why: 'was removed in Node 11 together with NPN',
    replacement: 'ALPN (the `ALPNProtocols` option)',
  },
  {
    module: 'tls',
    path: ['Server', 'prototype', 'setOptions'],
    name: 'tls.Server#setOptions()',
    code: 'DEP0122',
    why: '',
    removedIn: 24,
    replacement: '`server.setSecureContext(options)`',
  },
  {
    module: 'crypto',
    path: ['createCredentials'],
    name: 'crypto.createCredentials()',
    code: 'DEP0010',
    why: 'was removed in Node 11',
    replacement: '`tls.createSecureContext()`',
    // `tls.createSecureContext || crypto.createCredentials` (whistle): Node docs, "Added in: v0.11.13".
    fallbackOf: { module: 'tls', path: ['createSecureContext'], since: '0.11.13' },
  },
  {
    module: 'crypto',
    path: ['Credentials'],
    name: 'crypto.Credentials',
    code: 'DEP0011',
    why: 'was removed in Node 11',
    replacement: '`tls.SecureContext` (from `tls.createSecureContext()`)',
  },
];

/**
 * APIs that start a Node process with an `execArgv` option (the CLI flags of the new process):
 * `child_process.fork(modulePath[, args][, options])` and `cluster.setupPrimary(settings)`.
 * (A Worker's `execArgv` is left out: Node rejects per-process options there, and whether the TLS
 * flags are among them was not settled.) And the `child_process` functions whose first argument is
 * a shell command line.
 */
const PROCESS_APIS: readonly ProcessApiRow[] = [
  { module: 'child_process', name: 'fork', takes: 'execArgv' },
  { module: 'cluster', name: 'setupPrimary', takes: 'execArgv' },
  { module: 'cluster', name: 'setupMaster', takes: 'execArgv' },
  { module: 'child_process', name: 'exec', takes: 'shellCommand' },
  { module: 'child_process', name: 'execSync', takes: 'shellCommand' },
];

/** Options of Node's TLS APIs that make up a secure context or its verification (the runtime factories set them). */
const CONTEXT_OPTIONS: readonly string[] = [
  'ca',
  'cert',
  'key',
  'pfx',
  'passphrase',
  'crl',
  'ciphers',
  'minVersion',
  'maxVersion',
  'secureProtocol',
  'secureOptions',
  'ecdhCurve',
  'sigalgs',
  'dhparam',
  'minDHSize',
  'honorCipherOrder',
  'rejectUnauthorized',
  'checkServerIdentity',
  'requestCert',
];

export const nodeCore: CatalogueSection = {
  packages: [],
  sinks: CORE_SINKS,
  globalOptionObjects: GLOBAL_OPTION_OBJECTS,
  closedApis: CORE_SINKS.map(({ label, module, exports, invoke }) => ({ label, module, exports, invoke })),
  legacyApis: LEGACY_APIS,
  processApis: PROCESS_APIS,
  internalModules: ['_tls_wrap', '_tls_common'],
  contextOptions: CONTEXT_OPTIONS,
};
