/**
 * Library cases that need the real packages' types (installed as dev dependencies): wrappers typed
 * with a library's options (postgres.js `ssl: 'require'`, pg, got, undici `connect`, ws), annotated
 * library option objects, and look-alike keys declared by the project's own types.
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
    code: `import postgres from 'postgres';
declare function connect(options: postgres.Options<{}>): postgres.Sql;
export const sql = connect({ host: 'db.internal', ssl: 'require' });`,
    untyped: [],
    typed: [
      {
        messageId: 'libraryOption',
        data: alias(`postgres.js`, `\`ssl: 'require'\``),
        line: 3,
        column: 51,
        suggestions: [
          {
            messageId: 'libraryFix',
            data: { fix: `Replace with \`ssl: 'verify-full'\`.` },
            output: `import postgres from 'postgres';
declare function connect(options: postgres.Options<{}>): postgres.Sql;
export const sql = connect({ host: 'db.internal', ssl: 'verify-full' });`,
          },
        ],
      },
    ],
  },
  {
    code: `import type pg from 'pg';
declare function makePool(config: pg.PoolConfig): pg.Pool;
export const pool = makePool({ host: 'db.internal', ssl: { rejectUnauthorized: false } });`,
    untyped: [
      {
        messageId: 'unknownSink',
        line: 3,
        column: 60,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import type pg from 'pg';
declare function makePool(config: pg.PoolConfig): pg.Pool;
export const pool = makePool({ host: 'db.internal', ssl: {} });`,
          },
        ],
      },
    ],
    typed: [
      {
        messageId: 'clientSink',
        data: { sink: `options typed as tls.ConnectionOptions` },
        line: 3,
        column: 60,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import type pg from 'pg';
declare function makePool(config: pg.PoolConfig): pg.Pool;
export const pool = makePool({ host: 'db.internal', ssl: {} });`,
          },
        ],
      },
    ],
  },
  {
    code: `import type { ExtendOptions } from 'got';
declare function makeClient(options: ExtendOptions): unknown;
export const client = makeClient({ https: { rejectUnauthorized: false } });`,
    untyped: [
      {
        messageId: 'unknownSink',
        line: 3,
        column: 45,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import type { ExtendOptions } from 'got';
declare function makeClient(options: ExtendOptions): unknown;
export const client = makeClient({ https: {} });`,
          },
        ],
      },
    ],
    typed: [
      {
        messageId: 'clientSink',
        data: { sink: `options typed as HttpsOptions (got)` },
        line: 3,
        column: 45,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import type { ExtendOptions } from 'got';
declare function makeClient(options: ExtendOptions): unknown;
export const client = makeClient({ https: {} });`,
          },
        ],
      },
    ],
  },
  {
    code: `import type { Agent } from 'undici';
declare function dispatcherFor(options: Agent.Options): Agent;
export const dispatcher = dispatcherFor({ connect: { rejectUnauthorized: false } });`,
    untyped: [
      {
        messageId: 'unknownSink',
        line: 3,
        column: 54,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import type { Agent } from 'undici';
declare function dispatcherFor(options: Agent.Options): Agent;
export const dispatcher = dispatcherFor({ connect: {} });`,
          },
        ],
      },
    ],
    typed: [
      {
        messageId: 'clientSink',
        data: { sink: `options typed as tls.ConnectionOptions` },
        line: 3,
        column: 54,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import type { Agent } from 'undici';
declare function dispatcherFor(options: Agent.Options): Agent;
export const dispatcher = dispatcherFor({ connect: {} });`,
          },
        ],
      },
    ],
  },
  {
    code: `import type { MongoClientOptions } from 'mongodb';
export const options: MongoClientOptions = { tls: true, tlsInsecure: true };`,
    untyped: [
      {
        messageId: 'libraryOption',
        data: alias(`mongodb`, `\`tlsInsecure: true\``),
        line: 2,
        column: 57,
        suggestions: [
          {
            messageId: 'libraryFix',
            data: { fix: `Remove \`tlsInsecure: true\`.` },
            output: `import type { MongoClientOptions } from 'mongodb';
export const options: MongoClientOptions = { tls: true };`,
          },
        ],
      },
    ],
    typed: [
      {
        messageId: 'libraryOption',
        data: alias(`mongodb`, `\`tlsInsecure: true\``),
        line: 2,
        column: 57,
        suggestions: [
          {
            messageId: 'libraryFix',
            data: { fix: `Remove \`tlsInsecure: true\`.` },
            output: `import type { MongoClientOptions } from 'mongodb';
export const options: MongoClientOptions = { tls: true };`,
          },
        ],
      },
    ],
  },
  {
    code: `import type { BrowserContextOptions } from 'playwright-core';
export const contextOptions: BrowserContextOptions = { ignoreHTTPSErrors: true };`,
    untyped: [
      {
        messageId: 'libraryOption',
        data: alias(`playwright, puppeteer < 23`, `\`ignoreHTTPSErrors: true\``),
        line: 2,
        column: 56,
        suggestions: [
          {
            messageId: 'libraryFix',
            data: { fix: `Remove \`ignoreHTTPSErrors: true\`.` },
            output: `import type { BrowserContextOptions } from 'playwright-core';
export const contextOptions: BrowserContextOptions = {};`,
          },
        ],
      },
    ],
    typed: [
      {
        messageId: 'libraryOption',
        data: alias(`playwright, puppeteer < 23`, `\`ignoreHTTPSErrors: true\``),
        line: 2,
        column: 56,
        suggestions: [
          {
            messageId: 'libraryFix',
            data: { fix: `Remove \`ignoreHTTPSErrors: true\`.` },
            output: `import type { BrowserContextOptions } from 'playwright-core';
export const contextOptions: BrowserContextOptions = {};`,
          },
        ],
      },
    ],
  },
  {
    code: `import type { ClientOptions } from 'ws';
export const wsOptions: ClientOptions = { rejectUnauthorized: false };`,
    untyped: [
      {
        messageId: 'unknownSink',
        line: 2,
        column: 43,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import type { ClientOptions } from 'ws';
export const wsOptions: ClientOptions = {};`,
          },
        ],
      },
    ],
    typed: [
      {
        messageId: 'clientSink',
        data: { sink: `options typed as ClientOptions (ws)` },
        line: 2,
        column: 43,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import type { ClientOptions } from 'ws';
export const wsOptions: ClientOptions = {};`,
          },
        ],
      },
    ],
  },
  {
    code: `import type { LaunchOptions } from 'puppeteer-core';
export const launchOptions: LaunchOptions = { acceptInsecureCerts: true };`,
    untyped: [
      {
        messageId: 'libraryOption',
        data: alias(`puppeteer, WebDriver`, `\`acceptInsecureCerts: true\``),
        line: 2,
        column: 47,
        suggestions: [
          {
            messageId: 'libraryFix',
            data: { fix: `Remove \`acceptInsecureCerts: true\`.` },
            output: `import type { LaunchOptions } from 'puppeteer-core';
export const launchOptions: LaunchOptions = {};`,
          },
        ],
      },
    ],
    typed: [
      {
        messageId: 'libraryOption',
        data: alias(`puppeteer, WebDriver`, `\`acceptInsecureCerts: true\``),
        line: 2,
        column: 47,
        suggestions: [
          {
            messageId: 'libraryFix',
            data: { fix: `Remove \`acceptInsecureCerts: true\`.` },
            output: `import type { LaunchOptions } from 'puppeteer-core';
export const launchOptions: LaunchOptions = {};`,
          },
        ],
      },
    ],
  },
  {
    code: `interface DbConfig { ssl: 'require' | 'disable' }
declare function configure(config: DbConfig): void;
configure({ ssl: 'require' });`,
    untyped: [],
    typed: [],
  },
  {
    code: `interface Ui { ignoreHTTPSErrors: boolean }
export const ui: Ui = { ignoreHTTPSErrors: true };`,
    untyped: [
      {
        messageId: 'libraryOption',
        data: alias(`playwright, puppeteer < 23`, `\`ignoreHTTPSErrors: true\``),
        line: 2,
        column: 25,
        suggestions: [
          {
            messageId: 'libraryFix',
            data: { fix: `Remove \`ignoreHTTPSErrors: true\`.` },
            output: `interface Ui { ignoreHTTPSErrors: boolean }
export const ui: Ui = {};`,
          },
        ],
      },
    ],
    typed: [],
  },
  {
    code: `interface Req { disableTLSCerts(): Req }
declare const req: Req;
req.disableTLSCerts();`,
    untyped: [
      {
        messageId: 'libraryOption',
        data: alias(`superagent`, `\`.disableTLSCerts()\``),
        line: 3,
        column: 1,
        suggestions: [
          {
            messageId: 'libraryFix',
            data: { fix: `Remove \`.disableTLSCerts()\`.` },
            output: `interface Req { disableTLSCerts(): Req }
declare const req: Req;
`,
          },
        ],
      },
    ],
    typed: [],
  },
];

export default cases;
