/**
 * `no-unverified-certificate` with and without type information (fixtures/typed): values from other
 * modules and functions (literal types), option bags recognised by their type (wrappers typed with
 * Node's option types, annotated variables, server types get server semantics), and objects whose
 * type declares `rejectUnauthorized` outside TLS code (a logger's options, a test double), which are
 * reported without types (the destination is unknown) and not with them.
 */
import type { DualCase } from './dual.js';
import { alias } from '../rules/library-helpers.js';

type M =
  | 'clientSink'
  | 'unknownSink'
  | 'globalAgent'
  | 'mtlsNotEnforced'
  | 'clientTlsSocket'
  | 'libraryOption'
  | 'libraryFix'
  | 'removeOption'
  | 'removeAssignment'
  | 'useTlsConnect'
  | 'useFactory'
  | 'useFactoryWithCa';

const cases: readonly DualCase<M>[] = [
  {
    code: `import tls from 'node:tls';
import { VERIFY } from './constants';
tls.connect({ host: 'a.example', port: 443, rejectUnauthorized: VERIFY });`,
    untyped: [],
    typed: [
      {
        messageId: 'clientSink',
        data: { sink: `tls.connect()` },
        line: 3,
        column: 45,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import tls from 'node:tls';
import { VERIFY } from './constants';
tls.connect({ host: 'a.example', port: 443 });`,
          },
          {
            messageId: 'useFactory',
            output: `import tls from 'node:tls';
import { VERIFY } from './constants';
import { secureClientOptions } from 'tlsguard-runtime';
tls.connect(secureClientOptions({ host: 'a.example', port: 443 }));`,
          },
          {
            messageId: 'useFactoryWithCa',
            output: `import tls from 'node:tls';
import { VERIFY } from './constants';
import { secureClientOptions } from 'tlsguard-runtime';
tls.connect(secureClientOptions({ host: 'a.example', port: 443, extraCa: process.env.TLS_PRIVATE_CA_PEM }));`,
          },
        ],
      },
    ],
  },
  {
    code: `import tls from 'node:tls';
import { insecureFlag } from './constants';
tls.connect({ host: 'a.example', port: 443, rejectUnauthorized: insecureFlag() });`,
    untyped: [],
    typed: [
      {
        messageId: 'clientSink',
        data: { sink: `tls.connect()` },
        line: 3,
        column: 45,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import tls from 'node:tls';
import { insecureFlag } from './constants';
tls.connect({ host: 'a.example', port: 443 });`,
          },
          {
            messageId: 'useFactory',
            output: `import tls from 'node:tls';
import { insecureFlag } from './constants';
import { secureClientOptions } from 'tlsguard-runtime';
tls.connect(secureClientOptions({ host: 'a.example', port: 443 }));`,
          },
          {
            messageId: 'useFactoryWithCa',
            output: `import tls from 'node:tls';
import { insecureFlag } from './constants';
import { secureClientOptions } from 'tlsguard-runtime';
tls.connect(secureClientOptions({ host: 'a.example', port: 443, extraCa: process.env.TLS_PRIVATE_CA_PEM }));`,
          },
        ],
      },
    ],
  },
  {
    code: `import tls from 'node:tls';
import * as C from './constants';
tls.connect({ host: 'a.example', rejectUnauthorized: C.VERIFY });`,
    untyped: [],
    typed: [
      {
        messageId: 'clientSink',
        data: { sink: `tls.connect()` },
        line: 3,
        column: 34,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import tls from 'node:tls';
import * as C from './constants';
tls.connect({ host: 'a.example' });`,
          },
          {
            messageId: 'useFactory',
            output: `import tls from 'node:tls';
import * as C from './constants';
import { secureClientOptions } from 'tlsguard-runtime';
tls.connect(secureClientOptions({ host: 'a.example' }));`,
          },
          {
            messageId: 'useFactoryWithCa',
            output: `import tls from 'node:tls';
import * as C from './constants';
import { secureClientOptions } from 'tlsguard-runtime';
tls.connect(secureClientOptions({ host: 'a.example', extraCa: process.env.TLS_PRIVATE_CA_PEM }));`,
          },
        ],
      },
    ],
  },
  {
    code: `import tls from 'node:tls';
import { SECURE } from './constants';
tls.connect({ host: 'a.example', rejectUnauthorized: SECURE });`,
    untyped: [],
    typed: [],
  },
  {
    code: `import tls from 'node:tls';
import { mutableFlag } from './constants';
tls.connect({ host: 'a.example', rejectUnauthorized: mutableFlag });`,
    untyped: [],
    typed: [],
  },
  {
    code: `import tls from 'node:tls';
import { configuredFlag, verifyFromEnv } from './constants';
tls.connect({ host: 'a.example', rejectUnauthorized: configuredFlag });
tls.connect({ host: 'b.example', rejectUnauthorized: verifyFromEnv() });`,
    untyped: [],
    typed: [],
  },
  {
    code: `import { openTls } from './wrappers';
openTls({ host: 'a.example', port: 443, rejectUnauthorized: false });`,
    untyped: [
      {
        messageId: 'unknownSink',
        line: 2,
        column: 41,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import { openTls } from './wrappers';
openTls({ host: 'a.example', port: 443 });`,
          },
        ],
      },
    ],
    typed: [
      {
        messageId: 'clientSink',
        data: { sink: `options typed as tls.ConnectionOptions` },
        line: 2,
        column: 41,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import { openTls } from './wrappers';
openTls({ host: 'a.example', port: 443 });`,
          },
        ],
      },
    ],
  },
  {
    code: `import { makeAgent } from './wrappers';
export const agent = makeAgent({ keepAlive: true, rejectUnauthorized: false });`,
    untyped: [
      {
        messageId: 'unknownSink',
        line: 2,
        column: 51,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import { makeAgent } from './wrappers';
export const agent = makeAgent({ keepAlive: true });`,
          },
        ],
      },
    ],
    typed: [
      {
        messageId: 'clientSink',
        data: { sink: `options typed as https.AgentOptions` },
        line: 2,
        column: 51,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import { makeAgent } from './wrappers';
export const agent = makeAgent({ keepAlive: true });`,
          },
        ],
      },
    ],
  },
  {
    code: `import { openWithRetries } from './wrappers';
openWithRetries({ host: 'a.example', retries: 3, rejectUnauthorized: false });`,
    untyped: [
      {
        messageId: 'unknownSink',
        line: 2,
        column: 50,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import { openWithRetries } from './wrappers';
openWithRetries({ host: 'a.example', retries: 3 });`,
          },
        ],
      },
    ],
    typed: [
      {
        messageId: 'clientSink',
        data: { sink: `options typed as tls.ConnectionOptions` },
        line: 2,
        column: 50,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import { openWithRetries } from './wrappers';
openWithRetries({ host: 'a.example', retries: 3 });`,
          },
        ],
      },
    ],
  },
  {
    code: `import { startServer } from './wrappers';
declare const key: string, cert: string;
startServer({ key, cert, rejectUnauthorized: false });`,
    untyped: [
      {
        messageId: 'unknownSink',
        line: 3,
        column: 26,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import { startServer } from './wrappers';
declare const key: string, cert: string;
startServer({ key, cert });`,
          },
        ],
      },
    ],
    typed: [],
  },
  {
    code: `import { startHttpsServer } from './wrappers';
declare const key: string, cert: string, ca: string;
startHttpsServer({ key, cert, ca, requestCert: true, rejectUnauthorized: false });`,
    untyped: [
      {
        messageId: 'unknownSink',
        line: 3,
        column: 54,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import { startHttpsServer } from './wrappers';
declare const key: string, cert: string, ca: string;
startHttpsServer({ key, cert, ca, requestCert: true });`,
          },
        ],
      },
    ],
    typed: [
      {
        messageId: 'mtlsNotEnforced',
        line: 3,
        column: 54,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import { startHttpsServer } from './wrappers';
declare const key: string, cert: string, ca: string;
startHttpsServer({ key, cert, ca, requestCert: true });`,
          },
        ],
      },
    ],
  },
  {
    code: `import { openTls } from './wrappers';
const options = { host: 'a.example', rejectUnauthorized: false };
openTls(options);`,
    untyped: [
      {
        messageId: 'unknownSink',
        line: 2,
        column: 38,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import { openTls } from './wrappers';
const options = { host: 'a.example' };
openTls(options);`,
          },
        ],
      },
    ],
    typed: [
      {
        messageId: 'clientSink',
        data: { sink: `options typed as tls.ConnectionOptions` },
        line: 2,
        column: 38,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import { openTls } from './wrappers';
const options = { host: 'a.example' };
openTls(options);`,
          },
        ],
      },
    ],
  },
  {
    code: `import { openTls } from './wrappers';
import { VERIFY } from './constants';
openTls({ host: 'a.example', rejectUnauthorized: VERIFY });`,
    untyped: [],
    typed: [
      {
        messageId: 'clientSink',
        data: { sink: `options typed as tls.ConnectionOptions` },
        line: 3,
        column: 30,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import { openTls } from './wrappers';
import { VERIFY } from './constants';
openTls({ host: 'a.example' });`,
          },
        ],
      },
    ],
  },
  {
    code: `import tls from 'node:tls';
export const options: tls.ConnectionOptions = { host: 'a.example', rejectUnauthorized: false };`,
    untyped: [
      {
        messageId: 'unknownSink',
        line: 2,
        column: 68,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import tls from 'node:tls';
export const options: tls.ConnectionOptions = { host: 'a.example' };`,
          },
        ],
      },
    ],
    typed: [
      {
        messageId: 'clientSink',
        data: { sink: `options typed as tls.ConnectionOptions` },
        line: 2,
        column: 68,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import tls from 'node:tls';
export const options: tls.ConnectionOptions = { host: 'a.example' };`,
          },
        ],
      },
    ],
  },
  {
    code: `import https from 'node:https';
export const options = { hostname: 'a.example', rejectUnauthorized: false } satisfies https.RequestOptions;`,
    untyped: [
      {
        messageId: 'unknownSink',
        line: 2,
        column: 49,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import https from 'node:https';
export const options = { hostname: 'a.example' } satisfies https.RequestOptions;`,
          },
        ],
      },
    ],
    typed: [
      {
        messageId: 'clientSink',
        data: { sink: `options typed as https.RequestOptions` },
        line: 2,
        column: 49,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import https from 'node:https';
export const options = { hostname: 'a.example' } satisfies https.RequestOptions;`,
          },
        ],
      },
    ],
  },
  {
    code: `import tls from 'node:tls';
export const options: Partial<tls.ConnectionOptions> = { rejectUnauthorized: false };`,
    untyped: [
      {
        messageId: 'unknownSink',
        line: 2,
        column: 58,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import tls from 'node:tls';
export const options: Partial<tls.ConnectionOptions> = {};`,
          },
        ],
      },
    ],
    typed: [
      {
        messageId: 'clientSink',
        data: { sink: `options typed as tls.ConnectionOptions` },
        line: 2,
        column: 58,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import tls from 'node:tls';
export const options: Partial<tls.ConnectionOptions> = {};`,
          },
        ],
      },
    ],
  },
  {
    code: `import { createLogger } from './unrelated';
export const log = createLogger({ level: 'info', rejectUnauthorized: false });`,
    untyped: [
      {
        messageId: 'unknownSink',
        line: 2,
        column: 50,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import { createLogger } from './unrelated';
export const log = createLogger({ level: 'info' });`,
          },
        ],
      },
    ],
    typed: [],
  },
  {
    code: `import { fakeServer } from './unrelated';
export const fake = fakeServer({ rejectUnauthorized: false, checkServerIdentity: () => undefined });`,
    untyped: [
      {
        messageId: 'unknownSink',
        line: 2,
        column: 34,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import { fakeServer } from './unrelated';
export const fake = fakeServer({ checkServerIdentity: () => undefined });`,
          },
        ],
      },
    ],
    typed: [],
  },
  {
    code: `import type { LoggerOptions } from './unrelated';
export const options: LoggerOptions = { level: 'debug', rejectUnauthorized: false };`,
    untyped: [
      {
        messageId: 'unknownSink',
        line: 2,
        column: 57,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import type { LoggerOptions } from './unrelated';
export const options: LoggerOptions = { level: 'debug' };`,
          },
        ],
      },
    ],
    typed: [],
  },
  {
    code: `import { createLogger } from './unrelated';
const options = { level: 'info' as const, rejectUnauthorized: false };
export const log = createLogger(options);`,
    untyped: [
      {
        messageId: 'unknownSink',
        line: 2,
        column: 43,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import { createLogger } from './unrelated';
const options = { level: 'info' as const };
export const log = createLogger(options);`,
          },
        ],
      },
    ],
    typed: [],
  },
  {
    code: `import type { LoggerOptions } from './unrelated';
declare const options: LoggerOptions;
options.rejectUnauthorized = false;`,
    untyped: [
      {
        messageId: 'unknownSink',
        line: 3,
        column: 1,
        suggestions: [
          {
            messageId: 'removeAssignment',
            output: `import type { LoggerOptions } from './unrelated';
declare const options: LoggerOptions;
`,
          },
        ],
      },
    ],
    typed: [],
  },
  {
    code: `import type { Flags } from './unrelated';
export const flags: Flags = { tlsInsecure: true, ignoreHTTPSErrors: true };`,
    untyped: [
      {
        messageId: 'libraryOption',
        data: alias(`mongodb`, `\`tlsInsecure: true\``),
        line: 2,
        column: 31,
        suggestions: [
          {
            messageId: 'libraryFix',
            data: { fix: `Remove \`tlsInsecure: true\`.` },
            output: `import type { Flags } from './unrelated';
export const flags: Flags = { ignoreHTTPSErrors: true };`,
          },
        ],
      },
      {
        messageId: 'libraryOption',
        data: alias(`playwright, puppeteer < 23`, `\`ignoreHTTPSErrors: true\``),
        line: 2,
        column: 50,
        suggestions: [
          {
            messageId: 'libraryFix',
            data: { fix: `Remove \`ignoreHTTPSErrors: true\`.` },
            output: `import type { Flags } from './unrelated';
export const flags: Flags = { tlsInsecure: true };`,
          },
        ],
      },
    ],
    typed: [],
  },
  {
    code: `export const db = { host: 'db.internal', ssl: { rejectUnauthorized: false } };`,
    untyped: [
      {
        messageId: 'unknownSink',
        line: 1,
        column: 49,
        suggestions: [{ messageId: 'removeOption', output: `export const db = { host: 'db.internal', ssl: {} };` }],
      },
    ],
    typed: [
      {
        messageId: 'unknownSink',
        line: 1,
        column: 49,
        suggestions: [{ messageId: 'removeOption', output: `export const db = { host: 'db.internal', ssl: {} };` }],
      },
    ],
  },
  {
    code: `export function configure(options: Record<string, unknown>) { return options; }
configure({ rejectUnauthorized: false });`,
    untyped: [
      {
        messageId: 'unknownSink',
        line: 2,
        column: 13,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `export function configure(options: Record<string, unknown>) { return options; }
configure({});`,
          },
        ],
      },
    ],
    typed: [
      {
        messageId: 'unknownSink',
        line: 2,
        column: 13,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `export function configure(options: Record<string, unknown>) { return options; }
configure({});`,
          },
        ],
      },
    ],
  },
  {
    code: `import https from 'node:https';
declare const agentOptions: https.AgentOptions;
agentOptions.rejectUnauthorized = false;`,
    untyped: [
      {
        messageId: 'unknownSink',
        line: 3,
        column: 1,
        suggestions: [
          {
            messageId: 'removeAssignment',
            output: `import https from 'node:https';
declare const agentOptions: https.AgentOptions;
`,
          },
        ],
      },
    ],
    typed: [
      {
        messageId: 'clientSink',
        data: { sink: `options typed as https.AgentOptions` },
        line: 3,
        column: 1,
        suggestions: [
          {
            messageId: 'removeAssignment',
            output: `import https from 'node:https';
declare const agentOptions: https.AgentOptions;
`,
          },
        ],
      },
    ],
  },
  {
    code: `import http2 from 'node:http2';
export const options: http2.SecureClientSessionOptions = { rejectUnauthorized: false };`,
    untyped: [
      {
        messageId: 'unknownSink',
        line: 2,
        column: 60,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import http2 from 'node:http2';
export const options: http2.SecureClientSessionOptions = {};`,
          },
        ],
      },
    ],
    typed: [
      {
        messageId: 'clientSink',
        data: { sink: `options typed as http2.SecureClientSessionOptions` },
        line: 2,
        column: 60,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import http2 from 'node:http2';
export const options: http2.SecureClientSessionOptions = {};`,
          },
        ],
      },
    ],
  },
  {
    code: `import tls from 'node:tls';
export const serverOptions: tls.TlsOptions = { rejectUnauthorized: false };`,
    untyped: [
      {
        messageId: 'unknownSink',
        line: 2,
        column: 48,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import tls from 'node:tls';
export const serverOptions: tls.TlsOptions = {};`,
          },
        ],
      },
    ],
    typed: [],
  },
];

export default cases;
