/**
 * HTTP clients: axios, node-fetch, got, undici (and Node's global fetch), request, superagent,
 * needle, https-proxy-agent, the AWS SDK v3 HTTP handler, node-libcurl. Facts: research/node-tls.md 2.1.
 */
import type { Primitive } from '../types.js';
import { sink, slot, type AliasRow, type CatalogueSection } from './model.js';

const AXIOS_METHODS = ['get', 'delete', 'head', 'options', 'post', 'put', 'patch', 'request', 'create', 'getUri', 'postForm', 'putForm', 'patchForm'];
const GOT_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'stream', 'paginate', 'extend'];
const REQUEST_METHODS = ['get', 'post', 'put', 'patch', 'del', 'delete', 'head', 'options', 'defaults'];
const REQUEST_MODULES = ['request', 'request-promise', 'request-promise-native'];

export const axios: CatalogueSection = {
  packages: ['axios'],
  // axios's `httpsAgent` is typed `any` and takes an agent; a top-level `rejectUnauthorized` is ignored.
  agentSlots: [
    slot({
      label: 'used as the axios `httpsAgent`',
      module: 'axios',
      exports: [[], ...AXIOS_METHODS.map((m) => [m])],
      invoke: 'call',
      argument: 'first-object',
      path: ['httpsAgent'],
    }),
    slot({ label: 'used as the axios `httpsAgent`', module: 'axios', exports: [['defaults']], invoke: 'call', argument: 0, path: ['httpsAgent'] }),
  ],
};

export const nodeFetch: CatalogueSection = {
  packages: ['node-fetch'],
  agentSlots: [slot({ label: 'used as the node-fetch `agent`', module: 'node-fetch', invoke: 'call', argument: 1, path: ['agent'] })],
};

export const got: CatalogueSection = {
  packages: ['got'],
  sinks: [
    sink({
      label: 'got `https` options',
      library: 'got',
      module: 'got',
      exports: [[], ...GOT_METHODS.map((m) => [m])],
      invoke: 'call',
      argument: 'first-object',
      path: ['https'],
      role: 'client',
      sendsSni: true,
    }),
  ],
  agentSlots: [
    slot({
      label: 'used as the got `agent.https`',
      module: 'got',
      exports: [[], ...GOT_METHODS.map((m) => [m])],
      invoke: 'call',
      argument: 'first-object',
      path: ['agent', 'https'],
    }),
  ],
};

const UNDICI_DISPATCHER_USERS = [['fetch'], ['request'], ['stream'], ['pipeline'], ['connect'], ['upgrade']];

/**
 * undici 7.30 (and Node's bundled undici behind the global `fetch`) reads TLS options only from a
 * dispatcher's constructor (`connect`, into `buildConnector` in `lib/core/connect.js`). A `fetch`
 * init is converted by a WebIDL dictionary of fixed keys (`RequestInit` in `lib/web/fetch/request.js`:
 * method, headers, body, ..., dispatcher), and `request()`/`stream()`/... hand their options to the
 * dispatcher's `dispatch()`, whose `Request` reads request fields only: a `rejectUnauthorized` there is ignored.
 */
const UNDICI_CLOSED = UNDICI_DISPATCHER_USERS.map((path) => ({
  label: `undici \`${path[0]!}()\``,
  module: 'undici',
  exports: [path],
  invoke: 'call' as const,
}));

export const undici: CatalogueSection = {
  packages: ['undici', 'undici-types'],
  sinks: [
    sink({
      label: 'undici `new Agent({ connect })`',
      library: 'undici',
      module: 'undici',
      exports: [['Agent']],
      invoke: 'new',
      argument: 0,
      path: ['connect'],
      role: 'agent',
      sendsSni: true,
    }),
    sink({
      label: 'undici `new Client(url, { connect })`',
      library: 'undici',
      module: 'undici',
      exports: [['Client']],
      invoke: 'new',
      argument: 1,
      path: ['connect'],
      role: 'agent',
      sendsSni: true,
    }),
    sink({
      label: 'undici `new Pool(url, { connect })`',
      library: 'undici',
      module: 'undici',
      exports: [['Pool']],
      invoke: 'new',
      argument: 1,
      path: ['connect'],
      role: 'agent',
      sendsSni: true,
    }),
    sink({
      label: 'undici `new BalancedPool(urls, { connect })`',
      library: 'undici',
      module: 'undici',
      exports: [['BalancedPool']],
      invoke: 'new',
      argument: 1,
      path: ['connect'],
      role: 'agent',
      sendsSni: true,
    }),
    sink({
      label: 'undici `new ProxyAgent({ requestTls })` (the connection to the target)',
      library: 'undici',
      module: 'undici',
      exports: [['ProxyAgent']],
      invoke: 'new',
      argument: 0,
      path: ['requestTls'],
      role: 'agent',
      sendsSni: true,
    }),
    sink({
      label: 'undici `new ProxyAgent({ proxyTls })` (the connection to the proxy)',
      library: 'undici',
      module: 'undici',
      exports: [['ProxyAgent']],
      invoke: 'new',
      argument: 0,
      path: ['proxyTls'],
      role: 'agent',
      sendsSni: true,
    }),
    sink({
      label: 'undici `new EnvHttpProxyAgent({ requestTls })` (the connection to the target)',
      library: 'undici',
      module: 'undici',
      exports: [['EnvHttpProxyAgent']],
      invoke: 'new',
      argument: 0,
      path: ['requestTls'],
      role: 'agent',
      sendsSni: true,
    }),
    sink({
      label: 'undici `new EnvHttpProxyAgent({ proxyTls })` (the connection to the proxy)',
      library: 'undici',
      module: 'undici',
      exports: [['EnvHttpProxyAgent']],
      invoke: 'new',
      argument: 0,
      path: ['proxyTls'],
      role: 'agent',
      sendsSni: true,
    }),
    sink({
      label: 'undici `buildConnector()`',
      library: 'undici',
      module: 'undici',
      exports: [['buildConnector']],
      invoke: 'call',
      argument: 0,
      role: 'agent',
      sendsSni: true,
    }),
  ],
  agentSlots: [
    // `fetch` is also Node's global fetch (bindings map the global to `undici#fetch`).
    slot({ label: 'used as the `fetch` `dispatcher`', module: 'undici', exports: UNDICI_DISPATCHER_USERS, invoke: 'call', argument: 1, path: ['dispatcher'] }),
    slot({
      label: "installed process-wide by `setGlobalDispatcher()` (it also reaches Node's built-in `fetch`)",
      module: 'undici',
      exports: [['setGlobalDispatcher']],
      invoke: 'call',
      argument: 0,
    }),
  ],
  closedApis: UNDICI_CLOSED,
};

export const request: CatalogueSection = {
  packages: ['request', 'request-promise', 'request-promise-native', '@types/request'],
  sinks: REQUEST_MODULES.flatMap((module) => [
    sink({
      label: `${module} options`,
      library: 'request',
      module,
      exports: [[], ...REQUEST_METHODS.map((m) => [m])],
      invoke: 'call',
      argument: 'first-object',
      role: 'client',
      sendsSni: true,
    }),
    sink({
      label: `${module} \`agentOptions\``,
      library: 'request',
      module,
      exports: [[], ...REQUEST_METHODS.map((m) => [m])],
      invoke: 'call',
      argument: 'first-object',
      path: ['agentOptions'],
      role: 'agent',
      sendsSni: true,
    }),
  ]),
  agentSlots: REQUEST_MODULES.map((module) =>
    slot({
      label: `used as the ${module} \`agent\``,
      module,
      exports: [[], ...REQUEST_METHODS.map((m) => [m])],
      invoke: 'call',
      argument: 'first-object',
      path: ['agent'],
    }),
  ),
  aliases: [
    {
      library: 'request',
      packages: REQUEST_MODULES,
      rule: 'certificate',
      option: '`strictSSL: false`',
      match: { kind: 'property', key: 'strictSSL', insecure: (v) => v === false },
      effect: 'sets `rejectUnauthorized: false`, which turns off certificate verification',
      way: 'Remove it; to reach a private CA, pass it as `ca`. (request is deprecated: prefer undici or fetch.)',
      fix: { kind: 'remove' },
      fixText: 'Remove `strictSSL: false` (request verifies by default).',
    },
  ],
};

export const superagent: CatalogueSection = {
  packages: ['superagent', 'supertest'],
  aliases: [
    {
      library: 'superagent',
      packages: ['superagent', 'supertest'],
      rule: 'certificate',
      option: '`.disableTLSCerts()`',
      match: { kind: 'method', name: 'disableTLSCerts' },
      effect: 'turns off certificate verification for this request',
      way: 'Remove the call; to reach a private CA, use `.ca(caCert)`.',
      fixText: 'Remove `.disableTLSCerts()`.',
    },
  ],
};

export const needle: CatalogueSection = {
  packages: ['needle'],
  sinks: [
    sink({
      label: 'needle options',
      library: 'needle',
      module: 'needle',
      exports: [[], ['request']],
      invoke: 'call',
      argument: 3,
      role: 'client',
      sendsSni: true,
    }),
    sink({
      label: 'needle options',
      library: 'needle',
      module: 'needle',
      exports: [['get'], ['head']],
      invoke: 'call',
      argument: 1,
      role: 'client',
      sendsSni: true,
    }),
    sink({
      label: 'needle options',
      library: 'needle',
      module: 'needle',
      exports: [['post'], ['put'], ['patch'], ['delete']],
      invoke: 'call',
      argument: 2,
      role: 'client',
      sendsSni: true,
    }),
    // needle writes its TLS options into a passed agent's `options`, so they also change the shared agent.
    sink({
      label: 'needle defaults (every later request)',
      library: 'needle',
      module: 'needle',
      exports: [['defaults']],
      invoke: 'call',
      argument: 0,
      role: 'client',
      sendsSni: true,
    }),
  ],
};

export const httpsProxyAgent: CatalogueSection = {
  packages: ['https-proxy-agent'],
  sinks: [
    sink({
      label:
        "the connection to the proxy of `new HttpsProxyAgent(proxy, options)` (https-proxy-agent applies these options to the TLS hop to an `https:` proxy only; the target is verified by the request's own options)",
      library: 'https-proxy-agent',
      module: 'https-proxy-agent',
      exports: [['HttpsProxyAgent'], []],
      invoke: 'new',
      argument: 1,
      role: 'agent',
      sendsSni: true,
    }),
  ],
};

const SMITHY = ['@smithy/node-http-handler', '@aws-sdk/node-http-handler'];

/** AWS SDK v3 clients whose constructors take `requestHandler: { httpsAgent: {...} }` (the shorthand). */
const AWS_CLIENTS: readonly (readonly [module: string, client: string])[] = [
  ['s3', 'S3Client'],
  ['dynamodb', 'DynamoDBClient'],
  ['sqs', 'SQSClient'],
  ['sns', 'SNSClient'],
  ['lambda', 'LambdaClient'],
  ['secrets-manager', 'SecretsManagerClient'],
  ['sts', 'STSClient'],
  ['kms', 'KMSClient'],
  ['ssm', 'SSMClient'],
  ['ses', 'SESClient'],
  ['sesv2', 'SESv2Client'],
  ['kinesis', 'KinesisClient'],
  ['cloudwatch-logs', 'CloudWatchLogsClient'],
  ['eventbridge', 'EventBridgeClient'],
  ['cognito-identity-provider', 'CognitoIdentityProviderClient'],
];

export const awsSdk: CatalogueSection = {
  packages: [...SMITHY, '@smithy/types', ...AWS_CLIENTS.map(([m]) => `@aws-sdk/client-${m}`)],
  sinks: AWS_CLIENTS.map(([m, client]) =>
    sink({
      label: `the AWS SDK \`new ${client}({ requestHandler: { httpsAgent } })\` options`,
      library: 'AWS SDK v3',
      module: `@aws-sdk/client-${m}`,
      exports: [[client]],
      invoke: 'new',
      argument: 0,
      path: ['requestHandler', 'httpsAgent'],
      role: 'agent',
      sendsSni: true,
    }),
  ).concat(
    SMITHY.flatMap((module) => [
      // The shorthand `{ httpsAgent: { ...options } }` is wrapped into `new https.Agent(...)` by the handler.
      sink({
        label: 'the AWS SDK `NodeHttpHandler` `httpsAgent` options',
        library: 'AWS SDK v3',
        module,
        exports: [['NodeHttpHandler']],
        invoke: 'new',
        argument: 0,
        path: ['httpsAgent'],
        role: 'agent',
        sendsSni: true,
      }),
      sink({
        label: 'the AWS SDK `NodeHttpHandler` `httpsAgent` options',
        library: 'AWS SDK v3',
        module,
        exports: [['NodeHttpHandler', 'create']],
        invoke: 'call',
        argument: 0,
        path: ['httpsAgent'],
        role: 'agent',
        sendsSni: true,
      }),
    ]),
  ),
  agentSlots: [
    ...SMITHY.map((module) =>
      slot({
        label: 'used as the AWS SDK `NodeHttpHandler` `httpsAgent`',
        module,
        exports: [['NodeHttpHandler']],
        invoke: 'new',
        argument: 0,
        path: ['httpsAgent'],
      }),
    ),
    ...AWS_CLIENTS.map(([m, client]) =>
      slot({
        label: `used as the AWS SDK \`${client}\` \`requestHandler.httpsAgent\``,
        module: `@aws-sdk/client-${m}`,
        exports: [[client]],
        invoke: 'new',
        argument: 0,
        path: ['requestHandler', 'httpsAgent'],
      }),
    ),
  ],
};

/**
 * node-libcurl 4.1 (`src/Easy.cc` `SetOpt`): an integer option's value goes through `ToInt32`, so
 * `false`, `0`, `null`, `undefined` and non-numeric strings all set 0; names are matched case-insensitively
 * (`Curl.cc` `IsInsideCurlConstantStruct` upper-cases them) and `Curl.option.<NAME>` holds the numeric id.
 * `curly(url, options)` sets every key of its options (`CurlOptionCamelCaseMap` maps `sslVerifyPeer` to
 * `SSL_VERIFYPEER`; other keys go to `setOpt` as written). libcurl: `SSL_VERIFYPEER` 0 skips the chain
 * check, `SSL_VERIFYHOST` 0 the name check (1 and 2 both check it since libcurl 7.66).
 */
const CURLY_METHODS = [
  'acl',
  'bind',
  'checkout',
  'connect',
  'copy',
  'delete',
  'get',
  'head',
  'link',
  'lock',
  'm-search',
  'merge',
  'mkactivity',
  'mkcalendar',
  'mkcol',
  'move',
  'notify',
  'options',
  'patch',
  'post',
  'propfind',
  'proppatch',
  'purge',
  'put',
  'rebind',
  'report',
  'search',
  'source',
  'subscribe',
  'trace',
  'unbind',
  'unlink',
  'unlock',
  'unsubscribe',
];
const CURLY_APIS = [
  {
    label: 'node-libcurl `curly()`',
    module: 'node-libcurl',
    exports: [['curly'], ...CURLY_METHODS.map((m) => ['curly', m])],
    invoke: 'call' as const,
    argument: 1,
    path: [],
  },
  { label: 'node-libcurl `curly.create()`', module: 'node-libcurl', exports: [['curly', 'create']], invoke: 'call' as const, argument: 0, path: [] },
];
const LIBCURL = ['node-libcurl'];
const toInt32 = (v: Primitive): number | undefined => (typeof v === 'bigint' ? undefined : Number(v) | 0);
const isZero = (v: Primitive): boolean => toInt32(v) === 0;
const AS_INTEGER = 'libcurl reads the value as an integer: `false`, `null` and a non-numeric string are 0 too';

const libcurl = (
  rule: AliasRow['rule'],
  option: 'SSL_VERIFYPEER' | 'SSL_VERIFYHOST',
  camel: string,
  effect: string,
  way: string,
  secure: (values: readonly Primitive[]) => string,
): AliasRow[] => [
  {
    library: 'node-libcurl',
    packages: LIBCURL,
    rule,
    option: `\`setOpt('${option}', {value})\``,
    match: {
      kind: 'method-value',
      name: 'setOpt',
      options: [option],
      constants: { module: 'node-libcurl', exports: [['Curl', 'option']] },
      insecure: isZero,
      secure,
    },
    effect: `${effect} (${AS_INTEGER})`,
    way,
    fixText: 'Replace the value with `{secure}`.',
  },
  ...[option, camel].map((key): AliasRow => ({
    library: 'node-libcurl',
    packages: LIBCURL,
    rule,
    option: `\`${key}: {value}\``,
    match: { kind: 'property', key, insecure: isZero },
    apis: CURLY_APIS,
    effect: `${effect} (${AS_INTEGER})`,
    way,
    fix: { kind: 'remove' },
    fixText: `Remove \`${key}\` (libcurl verifies by default).`,
  })),
];

export const nodeLibcurl: CatalogueSection = {
  packages: LIBCURL,
  aliases: [
    ...libcurl(
      'certificate',
      'SSL_VERIFYPEER',
      'sslVerifyPeer',
      "turns off libcurl's certificate verification",
      'Remove it (libcurl verifies by default); for a private CA, set `CAINFO` to its PEM file.',
      (values) => (values.every((v) => typeof v === 'boolean') ? 'true' : '1'),
    ),
    ...libcurl(
      'hostname',
      'SSL_VERIFYHOST',
      'sslVerifyHost',
      "turns off libcurl's check that the certificate names the host",
      "Remove it, or set it to `2` (libcurl's default).",
      () => '2',
    ),
  ],
};
