/**
 * WebSocket, realtime and messaging clients: ws, websocket (websocket-node), socket.io-client, mqtt, kafkajs, amqplib, nats,
 * @grpc/grpc-js, @elastic/elasticsearch, ldapjs, nodemailer. Facts: research/node-tls.md 2.2, 2.3.
 */
import { sink, type CatalogueSection } from './model.js';

export const ws: CatalogueSection = {
  packages: ['ws', '@types/ws', 'isomorphic-ws'],
  sinks: [
    // `new WebSocket(url[, protocols], options)`: every option goes to `https.request`.
    sink({
      label: 'ws `new WebSocket()` options',
      library: 'ws',
      module: 'ws',
      exports: [[], ['WebSocket']],
      invoke: 'new',
      argument: 'first-object',
      role: 'client',
      sendsSni: true,
    }),
    sink({
      label: 'ws `new WebSocket()` options',
      library: 'ws',
      module: 'isomorphic-ws',
      exports: [[], ['WebSocket']],
      invoke: 'new',
      argument: 'first-object',
      role: 'client',
      sendsSni: true,
    }),
    sink({
      label: 'ws `createWebSocketStream()` options',
      library: 'ws',
      module: 'ws',
      exports: [['createWebSocketStream']],
      invoke: 'call',
      argument: 1,
      role: 'client',
      sendsSni: true,
    }),
  ],
};

/**
 * websocket (websocket-node) 1.0: `new WebSocketClient(config)` hands only `config.tlsOptions` to
 * `https.request` (`lib/WebSocketClient.js`, `connect()`: `requestOptions[key] = tlsOptions[key]`,
 * with `agent: false`); every other config key is the library's own, so a top-level
 * `rejectUnauthorized` is stored and never read.
 */
export const websocketNode: CatalogueSection = {
  packages: ['websocket', '@types/websocket'],
  sinks: [
    sink({
      label: 'websocket `new WebSocketClient()` `tlsOptions`',
      library: 'websocket',
      module: 'websocket',
      exports: [['client']],
      invoke: 'new',
      argument: 0,
      path: ['tlsOptions'],
      role: 'client',
      sendsSni: true,
    }),
  ],
  closedApis: [{ label: 'websocket `new WebSocketClient()`', module: 'websocket', exports: [['client']], invoke: 'new' }],
};

const IO_EXPORTS = [[], ['io'], ['connect'], ['default']];

export const socketIoClient: CatalogueSection = {
  packages: ['socket.io-client', 'engine.io-client'],
  sinks: [
    sink({
      label: 'socket.io-client `io()` options',
      library: 'socket.io-client',
      module: 'socket.io-client',
      exports: IO_EXPORTS,
      invoke: 'call',
      argument: 'first-object',
      role: 'client',
      sendsSni: true,
    }),
    sink({
      label: 'socket.io-client `new Manager()` options',
      library: 'socket.io-client',
      module: 'socket.io-client',
      exports: [['Manager']],
      invoke: 'new',
      argument: 'first-object',
      role: 'client',
      sendsSni: true,
    }),
  ],
};

export const mqtt: CatalogueSection = {
  packages: ['mqtt'],
  sinks: [
    sink({
      label: 'mqtt `connect()` options',
      library: 'mqtt',
      module: 'mqtt',
      exports: [[], ['connect'], ['connectAsync']],
      invoke: 'call',
      argument: 'first-object',
      role: 'client',
      sendsSni: true,
    }),
  ],
  // `connect('mqtt://user:pw@host')`: the URL's user and password go into the CONNECT packet; `mqtt:`,
  // `tcp:` and `ws:` are plaintext; `mqtts:`/`wss:`, a `protocol` option, or `cert` with `key` (which
  // switch `mqtt` to `mqtts`) open TLS (build/lib/connect/index.js `connect`).
  plaintextUrls: [
    {
      library: 'mqtt',
      module: 'mqtt',
      exports: [[], ['connect'], ['connectAsync']],
      invoke: 'call',
      url: { argument: 0 },
      schemes: { mqtt: 'mqtts', tcp: 'mqtts', ws: 'wss' },
      tlsKeys: ['protocol', 'cert', 'key'],
    },
  ],
};

export const kafkajs: CatalogueSection = {
  packages: ['kafkajs'],
  sinks: [
    sink({
      label: 'kafkajs `new Kafka({ ssl })`',
      library: 'kafkajs',
      module: 'kafkajs',
      exports: [['Kafka']],
      invoke: 'new',
      argument: 0,
      path: ['ssl'],
      role: 'client',
      sendsSni: true,
    }),
  ],
};

export const amqplib: CatalogueSection = {
  packages: ['amqplib', '@types/amqplib'],
  sinks: ['amqplib', 'amqplib/callback_api'].map((module) =>
    // `connect(url, socketOptions)`: the socket options go to `tls.connect` for `amqps:`.
    sink({
      label: 'amqplib `connect()` socket options',
      library: 'amqplib',
      module,
      exports: [['connect']],
      invoke: 'call',
      argument: 1,
      role: 'client',
      sendsSni: true,
    }),
  ),
  // `connect('amqp://user:pw@host')`: the URL's credentials go into the PLAIN SASL response; only
  // `amqps:` opens TLS (lib/connect.js).
  plaintextUrls: ['amqplib', 'amqplib/callback_api'].map((module) => ({
    library: 'amqplib',
    module,
    exports: [['connect']],
    invoke: 'call' as const,
    url: { argument: 0 },
    schemes: { amqp: 'amqps' },
    tlsKeys: [],
  })),
};

export const nats: CatalogueSection = {
  packages: ['nats', '@nats-io/transport-node', '@nats-io/nats-core'],
  sinks: ['nats', '@nats-io/transport-node'].map((module) =>
    sink({
      label: 'nats `connect({ tls })`',
      library: 'nats',
      module,
      exports: [['connect']],
      invoke: 'call',
      argument: 0,
      path: ['tls'],
      role: 'client',
      sendsSni: true,
    }),
  ),
};

export const grpc: CatalogueSection = {
  packages: ['@grpc/grpc-js'],
  sinks: [
    // `credentials.createSsl(rootCerts, key, certChain, verifyOptions)`: `checkServerIdentity`, `rejectUnauthorized`.
    sink({
      label: '@grpc/grpc-js `credentials.createSsl()` verify options',
      library: '@grpc/grpc-js',
      module: '@grpc/grpc-js',
      exports: [
        ['credentials', 'createSsl'],
        ['ChannelCredentials', 'createSsl'],
      ],
      invoke: 'call',
      argument: 3,
      role: 'client',
      sendsSni: true,
    }),
    sink({
      label: '@grpc/grpc-js `credentials.createFromSecureContext()` verify options',
      library: '@grpc/grpc-js',
      module: '@grpc/grpc-js',
      exports: [
        ['credentials', 'createFromSecureContext'],
        ['ChannelCredentials', 'createFromSecureContext'],
      ],
      invoke: 'call',
      argument: 1,
      role: 'client',
      sendsSni: true,
    }),
  ],
};

export const elasticsearch: CatalogueSection = {
  packages: ['@elastic/elasticsearch', '@elastic/transport'],
  sinks: [
    sink({
      label: '@elastic/elasticsearch `new Client({ tls })`',
      library: '@elastic/elasticsearch',
      module: '@elastic/elasticsearch',
      exports: [['Client']],
      invoke: 'new',
      argument: 0,
      path: ['tls'],
      role: 'client',
      sendsSni: true,
    }),
    sink({
      label: '@elastic/elasticsearch `new Client({ ssl })` (7.x)',
      library: '@elastic/elasticsearch',
      module: '@elastic/elasticsearch',
      exports: [['Client']],
      invoke: 'new',
      argument: 0,
      path: ['ssl'],
      role: 'client',
      sendsSni: true,
    }),
  ],
};

export const ldapjs: CatalogueSection = {
  packages: ['ldapjs', '@types/ldapjs'],
  sinks: [
    // ldaps: `tls.connect(port, host, tlsOptions)` without SNI.
    sink({
      label: 'ldapjs `createClient({ tlsOptions })`',
      library: 'ldapjs',
      module: 'ldapjs',
      exports: [['createClient']],
      invoke: 'call',
      argument: 0,
      path: ['tlsOptions'],
      role: 'client',
      sendsSni: false,
    }),
  ],
};

export const nodemailer: CatalogueSection = {
  packages: ['nodemailer', '@types/nodemailer'],
  sinks: [
    sink({
      label: 'nodemailer `createTransport({ tls })`',
      library: 'nodemailer',
      module: 'nodemailer',
      exports: [['createTransport']],
      invoke: 'call',
      argument: 0,
      path: ['tls'],
      role: 'client',
      sendsSni: true,
    }),
  ],
};

/**
 * irc 0.5 (`lib/irc.js`, `Client.prototype.connect`): with `secure` set, `new irc.Client(server,
 * nick, opt)` calls `tls.connect({ host: server, port, rejectUnauthorized: !opt.selfSigned, ...opt.secure })`
 * and then accepts the socket when it is authorized or, with `selfSigned: true`, when its error is
 * DEPTH_ZERO_SELF_SIGNED_CERT, UNABLE_TO_VERIFY_LEAF_SIGNATURE or SELF_SIGNED_CERT_IN_CHAIN: any
 * self-signed certificate, an attacker's included. Without `secure` the connection is plaintext and
 * `selfSigned` does nothing, so the row needs `secure: true`. The keys of a `secure` object go to
 * `tls.connect` (a client sink).
 */
export const irc: CatalogueSection = {
  packages: ['irc', '@types/irc'],
  sinks: [
    sink({
      label: 'irc `new Client()` `secure` options',
      library: 'irc',
      module: 'irc',
      exports: [['Client']],
      invoke: 'new',
      argument: 2,
      path: ['secure'],
      role: 'client',
      sendsSni: true,
    }),
  ],
  aliases: [
    {
      library: 'irc',
      packages: ['irc'],
      rule: 'certificate',
      option: '`selfSigned: true`',
      match: { kind: 'property', key: 'selfSigned', insecure: (v) => v === true, siblings: [{ path: ['secure'], insecure: (v) => v === true }] },
      apis: [{ label: 'irc `new Client()`', module: 'irc', exports: [['Client']], invoke: 'new', argument: 2, path: [] }],
      effect: 'connects with `rejectUnauthorized: false` and accepts any self-signed certificate',
      way: 'Remove it; to reach a server with a private CA, pass it as `secure: { ca }`.',
      fix: { kind: 'remove' },
      fixText: 'Remove `selfSigned: true` (irc verifies by default).',
    },
  ],
};
