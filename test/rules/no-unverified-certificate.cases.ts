import type rule from '../../rules/no-unverified-certificate.js';
import type { CasesOf } from '../rule-tester.js';
import { js, validJs } from '../rule-tester.js';

const TLS = "import tls from 'node:tls';\n";
const HTTPS = "import https from 'node:https';\n";

const cases: CasesOf<typeof rule> = {
  valid: [
    // An https.Agent's options are spread over the request's: an agent that sets the key decides it.
    "import https from 'node:https';\nconst agent = new https.Agent({ rejectUnauthorized: true });\nhttps.get('https://a.example', { agent, rejectUnauthorized: false });",
    "import https from 'node:https';\nhttps.request({ host: 'a.example', agent: new https.Agent({ keepAlive: true, rejectUnauthorized: true }), rejectUnauthorized: false });",
    // `??=` keeps an earlier known value: `true` stays `true`.
    "import tls from 'node:tls';\nconst opts: tls.ConnectionOptions = { host: '10.0.0.5', rejectUnauthorized: true };\nopts.rejectUnauthorized ??= false;\ntls.connect(opts);",
    // A `false` replaced at every place its object goes never reaches an API.
    "import tls from 'node:tls';\nconst base = { rejectUnauthorized: false };\ntls.connect({ ...base, host: '10.0.0.5', rejectUnauthorized: true });",
    "import tls from 'node:tls';\nconst opts = Object.assign({ host: '10.0.0.5', rejectUnauthorized: false }, { rejectUnauthorized: true });\ntls.connect(opts);",
    "import tls from 'node:tls';\nconst opts: tls.ConnectionOptions = { host: '10.0.0.5', rejectUnauthorized: false };\nopts.rejectUnauthorized = true;\ntls.connect(opts);",
    `${TLS}tls.connect({ host: 'example.com', port: 443, rejectUnauthorized: true });`,
    // Only the literal `false` disables verification.
    `${TLS}tls.connect({ host: 'a.example', rejectUnauthorized: 0 as unknown as boolean });`,
    validJs(`const tls = require('tls');\ntls.connect({ host: 'a.example', rejectUnauthorized: 0 });`),
    validJs(`const tls = require('tls');\ntls.connect({ host: 'a.example', rejectUnauthorized: null });`),
    validJs(`const tls = require('tls');\ntls.connect({ host: 'a.example', rejectUnauthorized: '' });`),
    validJs(`const tls = require('tls');\ntls.connect({ host: 'a.example', rejectUnauthorized: 'false' });`),
    validJs(`const tls = require('tls');\ntls.connect({ host: 'a.example', rejectUnauthorized: undefined });`),
    // Unknown values are not guessed.
    `${TLS}export function open(verify: boolean) { return tls.connect({ host: 'a.example', rejectUnauthorized: verify }); }`,
    `${TLS}tls.connect({ host: 'a.example', rejectUnauthorized: process.env.TLS_VERIFY !== '0' });`,
    `${TLS}declare const dev: boolean;\ntls.connect({ host: 'a.example', rejectUnauthorized: dev ? false : true });`,
    // A server's rejectUnauthorized is inert without requestCert.
    `${HTTPS}declare const key: string, cert: string;\nhttps.createServer({ key, cert, rejectUnauthorized: false }, (req, res) => res.end());`,
    `${TLS}declare const key: string, cert: string;\ntls.createServer({ key, cert, requestCert: false, rejectUnauthorized: false });`,
    `${TLS}const base = { rejectUnauthorized: false };\ndeclare const key: string;\ntls.createServer({ ...base, key });`,
    // An undeclared `https` is the REPL's built-in module: a server, whose rejectUnauthorized is inert without requestCert.
    validJs(`https.createServer({ rejectUnauthorized: false }, (req, res) => res.end());`),
    // Narrowing by an enclosing `if (p === false)` needs strict equality and a parameter nothing writes.
    // (Untyped: `== false` also admits `0` and `''`; a `boolean` type narrows it to `false`, as TypeScript does.)
    validJs(`exports.options = function options(verify) {\n  if (verify == false) return { connect: { rejectUnauthorized: verify } };\n  return {};\n};`),
    `export function options(verify?: boolean) {\n  if (verify !== false) return { connect: { rejectUnauthorized: verify } };\n  return {};\n}`,
    `export function options(verify?: boolean) {\n  if (verify === false) {\n    verify = true;\n    return { connect: { rejectUnauthorized: verify } };\n  }\n  return {};\n}`,
    // Assertion data (emailjs 5.0.3, dist/connection.test.js): a matcher of vitest's or @jest/globals'
    // `expect()` compares the object with the value under test; nothing connects with it.
    "import { expect } from 'vitest';\ndeclare const conn: { ssl: unknown };\nexpect(conn.ssl).toEqual({ rejectUnauthorized: false });",
    "import { expect as e } from '@jest/globals';\ndeclare const conn: { tls: unknown };\ne(conn.tls).not.toStrictEqual({ rejectUnauthorized: false });",
    // A property of Node's module object itself: no Node code reads `https.rejectUnauthorized`.
    validJs(`const https = require('https');\nhttps.rejectUnauthorized = false;`),
    `import * as tls from 'node:tls';\n(tls as unknown as { rejectUnauthorized: boolean }).rejectUnauthorized = false;`,
    // createSecureContext ignores rejectUnauthorized.
    validJs(`const tls = require('tls');\ntls.createSecureContext({ rejectUnauthorized: false });`),
    // The last duplicate key wins.
    validJs(`const tls = require('tls');\ntls.connect({ rejectUnauthorized: false, rejectUnauthorized: true });`),
    // Strings, comments and reads are not findings.
    `const doc = "rejectUnauthorized: false"; // rejectUnauthorized: false\nexport default doc;`,
    `export function insecure(opts: { rejectUnauthorized?: boolean }) { return opts.rejectUnauthorized === false; }`,
    `declare const opts: { rejectUnauthorized?: boolean };\nopts.rejectUnauthorized = true;`,
    // Server-side TLSSocket; TLSSocket with options we cannot see.
    `${TLS}import net from 'node:net';\ndeclare const s: net.Socket, key: string;\nnew tls.TLSSocket(s, { isServer: true, key });`,
    `${TLS}import net from 'node:net';\nexport function wrap(s: net.Socket, o: tls.TLSSocketOptions) { return new tls.TLSSocket(s, o); }`,
    // A user class that happens to be called TLSSocket.
    `class TLSSocket { constructor(readonly s: unknown) {} }\nnew TLSSocket({});`, // From the corpus (mongodb, superagent): run-time choices are unknown values, not findings.
    `export function configure(options: { tlsAllowInvalidCertificates?: boolean; rejectUnauthorized?: boolean }) {\n  options.rejectUnauthorized = options.tlsAllowInvalidCertificates ? false : true;\n}`,
    validJs(
      `function build(req, options) {\n  options.rejectUnauthorized = typeof req._disableTLSCerts === 'boolean' ? !req._disableTLSCerts : process.env.NODE_TLS_REJECT_UNAUTHORIZED !== '0';\n  return options;\n}\nmodule.exports = build;`,
    ),
  ],
  invalid: [
    // A parameter that nothing writes, read inside `if (p === false)`, is `false` there (urllib 4.9.2, src/index.ts).
    {
      code: `export function options(rejectUnauthorized?: boolean) {\n  if (rejectUnauthorized === false) {\n    return { connect: { rejectUnauthorized } };\n  }\n  return {};\n}`,
      errors: [
        {
          messageId: 'unknownSink',
          line: 3,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `export function options(rejectUnauthorized?: boolean) {\n  if (rejectUnauthorized === false) {\n    return { connect: {} };\n  }\n  return {};\n}`,
            },
          ],
        },
      ],
    },
    // Not assertion data: an `expect` of no test framework, and an object that the code under test receives.
    {
      code: 'declare function expect(v: unknown): { toEqual(o: object): void };\nexpect(1).toEqual({ rejectUnauthorized: false });',
      errors: [
        {
          messageId: 'unknownSink',
          line: 2,
          suggestions: [{ messageId: 'removeOption', output: 'declare function expect(v: unknown): { toEqual(o: object): void };\nexpect(1).toEqual({});' }],
        },
      ],
    },
    {
      code: "import { expect } from 'vitest';\ndeclare function open(o: object): unknown;\nexpect(open({ rejectUnauthorized: false })).toBe(true);",
      errors: [
        {
          messageId: 'unknownSink',
          line: 3,
          suggestions: [
            { messageId: 'removeOption', output: "import { expect } from 'vitest';\ndeclare function open(o: object): unknown;\nexpect(open({})).toBe(true);" },
          ],
        },
      ],
    },
    {
      // An agent without the key leaves the request's value in force.
      code: "import https from 'node:https';\nconst agent = new https.Agent({ keepAlive: true });\nhttps.get('https://a.example', { agent, rejectUnauthorized: false });",
      errors: [
        {
          messageId: 'clientSink',
          line: 3,
          column: 41,
          data: { sink: 'https.get()' },
          suggestions: [
            {
              messageId: 'removeOption',
              output: "import https from 'node:https';\nconst agent = new https.Agent({ keepAlive: true });\nhttps.get('https://a.example', { agent });",
            },
            {
              messageId: 'useFactory',
              output:
                "import https from 'node:https';\nimport { secureClientOptions } from 'tlsguard-runtime';\nconst agent = new https.Agent({ keepAlive: true });\nhttps.get('https://a.example', secureClientOptions({ agent }));",
            },
            {
              messageId: 'useFactoryWithCa',
              output:
                "import https from 'node:https';\nimport { secureClientOptions } from 'tlsguard-runtime';\nconst agent = new https.Agent({ keepAlive: true });\nhttps.get('https://a.example', secureClientOptions({ agent, extraCa: process.env.TLS_PRIVATE_CA_PEM }));",
            },
          ],
        },
      ],
    },
    js({
      // A default of `false`, written whenever the caller did not set the key.
      code: "const tls = require('node:tls');\nexports.open = function open(opts) {\n  opts.rejectUnauthorized ??= false;\n  return tls.connect(opts);\n};",
      errors: [
        {
          messageId: 'unknownSink',
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'removeAssignment',
              output: "const tls = require('node:tls');\nexports.open = function open(opts) {\n  return tls.connect(opts);\n};",
            },
          ],
        },
      ],
    }),
    {
      code: "import tls from 'node:tls';\nconst opts: tls.ConnectionOptions = { host: '10.0.0.5' };\nopts.rejectUnauthorized ||= false;\ntls.connect(opts);",
      errors: [
        {
          messageId: 'clientSink',
          line: 3,
          column: 1,
          data: { sink: 'tls.connect()' },
          suggestions: [
            {
              messageId: 'removeAssignment',
              output: "import tls from 'node:tls';\nconst opts: tls.ConnectionOptions = { host: '10.0.0.5' };\ntls.connect(opts);",
            },
          ],
        },
      ],
    },
    {
      // Replaced at one use only: the other use still turns verification off.
      code: "import tls from 'node:tls';\nconst base = { rejectUnauthorized: false };\ntls.connect({ ...base, host: '10.0.0.5', rejectUnauthorized: true });\ntls.connect({ ...base, host: '10.0.0.6' });",
      errors: [
        {
          messageId: 'clientSink',
          line: 2,
          column: 16,
          data: { sink: 'tls.connect()' },
          suggestions: [
            {
              messageId: 'removeOption',
              output:
                "import tls from 'node:tls';\nconst base = {};\ntls.connect({ ...base, host: '10.0.0.5', rejectUnauthorized: true });\ntls.connect({ ...base, host: '10.0.0.6' });",
            },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\nconst base = secureClientOptions();\ntls.connect({ ...base, host: '10.0.0.5', rejectUnauthorized: true });\ntls.connect({ ...base, host: '10.0.0.6' });",
            },
            {
              messageId: 'useFactoryWithCa',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\nconst base = secureClientOptions({ extraCa: process.env.TLS_PRIVATE_CA_PEM });\ntls.connect({ ...base, host: '10.0.0.5', rejectUnauthorized: true });\ntls.connect({ ...base, host: '10.0.0.6' });",
            },
          ],
        },
      ],
    },
    js({
      // An undeclared `https` is the REPL's built-in module, so this is https.get(), not an unknown call.
      code: `https.get({ hostname: 'a.example', rejectUnauthorized: false }, (res) => res.resume());`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: 'https.get()' },
          line: 1,
          column: 36,
          suggestions: [
            { messageId: 'removeOption', output: "https.get({ hostname: 'a.example' }, (res) => res.resume());" },
            {
              messageId: 'useFactory',
              output:
                "import { secureClientOptions } from 'tlsguard-runtime';\nhttps.get(secureClientOptions({ hostname: 'a.example' }), (res) => res.resume());",
            },
            {
              messageId: 'useFactoryWithCa',
              output:
                "import { secureClientOptions } from 'tlsguard-runtime';\nhttps.get(secureClientOptions({ hostname: 'a.example', extraCa: process.env.TLS_PRIVATE_CA_PEM }), (res) => res.resume());",
            },
          ],
        },
      ],
    }),
    {
      code: `${TLS}tls.connect({ host: 'db.internal', port: 5432, rejectUnauthorized: false });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: 'tls.connect()' },
          line: 2,
          column: 48,
          suggestions: [
            { messageId: 'removeOption', output: `${TLS}tls.connect({ host: 'db.internal', port: 5432 });` },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect(secureClientOptions({ host: 'db.internal', port: 5432 }));",
            },
            {
              messageId: 'useFactoryWithCa',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect(secureClientOptions({ host: 'db.internal', port: 5432, extraCa: process.env.TLS_PRIVATE_CA_PEM }));",
            },
          ],
        },
      ],
    },
    {
      code: `import { request } from 'node:https';\nrequest(new URL('https://a.example'), { rejectUnauthorized: false });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: 'https.request()' },
          suggestions: [
            { messageId: 'removeOption', output: `import { request } from 'node:https';\nrequest(new URL('https://a.example'), {});` },
            {
              messageId: 'useFactory',
              output:
                "import { request } from 'node:https';\nimport { secureClientOptions } from 'tlsguard-runtime';\nrequest(new URL('https://a.example'), secureClientOptions());",
            },
            {
              messageId: 'useFactoryWithCa',
              output:
                "import { request } from 'node:https';\nimport { secureClientOptions } from 'tlsguard-runtime';\nrequest(new URL('https://a.example'), secureClientOptions({ extraCa: process.env.TLS_PRIVATE_CA_PEM }));",
            },
          ],
        },
      ],
    },
    js({
      code: `const https = require('https');\nhttps.get({\n  hostname: 'a.example',\n  rejectUnauthorized: false,\n}, () => {});`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: 'https.get()' },
          line: 4,
          suggestions: [
            { messageId: 'removeOption', output: `const https = require('https');\nhttps.get({\n  hostname: 'a.example',\n}, () => {});` },
            {
              messageId: 'useFactory',
              output:
                "const https = require('https');\nconst { secureClientOptions } = require('tlsguard-runtime');\nhttps.get(secureClientOptions({\n  hostname: 'a.example',\n}), () => {});",
            },
            {
              messageId: 'useFactoryWithCa',
              output:
                "const https = require('https');\nconst { secureClientOptions } = require('tlsguard-runtime');\nhttps.get(secureClientOptions({\n  hostname: 'a.example',\n  extraCa: process.env.TLS_PRIVATE_CA_PEM,\n}), () => {});",
            },
          ],
        },
      ],
    }),
    js({
      code: `const { Agent } = require('node:https');\nmodule.exports = new Agent({ keepAlive: true, rejectUnauthorized: false });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: 'new https.Agent()' },
          suggestions: [
            { messageId: 'removeOption', output: `const { Agent } = require('node:https');\nmodule.exports = new Agent({ keepAlive: true });` },
            {
              messageId: 'useFactory',
              output:
                "const { Agent } = require('node:https');\nconst { secureAgent } = require('tlsguard-runtime');\nmodule.exports = secureAgent({ keepAlive: true });",
            },
            {
              messageId: 'useFactoryWithCa',
              output:
                "const { Agent } = require('node:https');\nconst { secureAgent } = require('tlsguard-runtime');\nmodule.exports = secureAgent({ keepAlive: true, extraCa: process.env.TLS_PRIVATE_CA_PEM });",
            },
          ],
        },
      ],
    }),
    {
      code: `${TLS}tls.connect(443, 'a.example', { rejectUnauthorized: false, servername: 'a.example' });`,
      errors: [
        {
          messageId: 'clientSink',
          suggestions: [
            { messageId: 'removeOption', output: `${TLS}tls.connect(443, 'a.example', { servername: 'a.example' });` },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect(443, 'a.example', secureClientOptions({ servername: 'a.example' }));",
            },
            {
              messageId: 'useFactoryWithCa',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect(443, 'a.example', secureClientOptions({ servername: 'a.example', extraCa: process.env.TLS_PRIVATE_CA_PEM }));",
            },
          ],
        },
      ],
    },
    {
      code: `${TLS}const opts = { host: 'a.example', rejectUnauthorized: false };\ntls.connect(opts);`,
      errors: [
        {
          messageId: 'clientSink',
          suggestions: [
            { messageId: 'removeOption', output: `${TLS}const opts = { host: 'a.example' };\ntls.connect(opts);` },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\nconst opts = secureClientOptions({ host: 'a.example' });\ntls.connect(opts);",
            },
            {
              messageId: 'useFactoryWithCa',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\nconst opts = secureClientOptions({ host: 'a.example', extraCa: process.env.TLS_PRIVATE_CA_PEM });\ntls.connect(opts);",
            },
          ],
        },
      ],
    },
    {
      code: `${TLS}const VERIFY = false;\ntls.connect({ host: 'a.example', rejectUnauthorized: VERIFY });`,
      errors: [
        {
          messageId: 'clientSink',
          suggestions: [
            { messageId: 'removeOption', output: `${TLS}const VERIFY = false;\ntls.connect({ host: 'a.example' });` },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\nconst VERIFY = false;\ntls.connect(secureClientOptions({ host: 'a.example' }));",
            },
            {
              messageId: 'useFactoryWithCa',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\nconst VERIFY = false;\ntls.connect(secureClientOptions({ host: 'a.example', extraCa: process.env.TLS_PRIVATE_CA_PEM }));",
            },
          ],
        },
      ],
    },
    {
      code: `${TLS}const opts: tls.ConnectionOptions = { host: 'a.example' };\nopts.rejectUnauthorized = false;\ntls.connect(opts);`,
      errors: [
        {
          messageId: 'clientSink',
          line: 3,
          suggestions: [{ messageId: 'removeAssignment', output: `${TLS}const opts: tls.ConnectionOptions = { host: 'a.example' };\ntls.connect(opts);` }],
        },
      ],
    },
    {
      code: `${HTTPS}https.globalAgent.options.rejectUnauthorized = false;`,
      errors: [
        {
          messageId: 'globalAgent',
          data: { target: 'https.globalAgent.options' },
          suggestions: [{ messageId: 'removeAssignment', output: HTTPS }],
        },
      ],
    },
    js({
      code: `const { globalAgent } = require('https');\nglobalAgent.options = { rejectUnauthorized: false };`,
      errors: [
        {
          messageId: 'globalAgent',
          suggestions: [{ messageId: 'removeOption', output: `const { globalAgent } = require('https');\nglobalAgent.options = {};` }],
        },
      ],
    }),
    {
      code: `${HTTPS}declare const base: https.RequestOptions;\nconst opts = Object.assign({}, base, { rejectUnauthorized: false });\nhttps.request(opts);`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: 'https.request()' },
          suggestions: [
            {
              messageId: 'removeOption',
              output: `${HTTPS}declare const base: https.RequestOptions;\nconst opts = Object.assign({}, base, {});\nhttps.request(opts);`,
            },
            {
              messageId: 'useFactory',
              output:
                "import https from 'node:https';\nimport { secureClientOptions } from 'tlsguard-runtime';\ndeclare const base: https.RequestOptions;\nconst opts = Object.assign({}, base, secureClientOptions());\nhttps.request(opts);",
            },
            {
              messageId: 'useFactoryWithCa',
              output:
                "import https from 'node:https';\nimport { secureClientOptions } from 'tlsguard-runtime';\ndeclare const base: https.RequestOptions;\nconst opts = Object.assign({}, base, secureClientOptions({ extraCa: process.env.TLS_PRIVATE_CA_PEM }));\nhttps.request(opts);",
            },
          ],
        },
      ],
    },
    {
      code: `${TLS}class Client {\n  opts = { host: 'a.example', rejectUnauthorized: false };\n  open() { return tls.connect(this.opts); }\n}\nexport default Client;`,
      errors: [
        {
          messageId: 'clientSink',
          line: 3,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `${TLS}class Client {\n  opts = { host: 'a.example' };\n  open() { return tls.connect(this.opts); }\n}\nexport default Client;`,
            },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\nclass Client {\n  opts = secureClientOptions({ host: 'a.example' });\n  open() { return tls.connect(this.opts); }\n}\nexport default Client;",
            },
            {
              messageId: 'useFactoryWithCa',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\nclass Client {\n  opts = secureClientOptions({ host: 'a.example', extraCa: process.env.TLS_PRIVATE_CA_PEM });\n  open() { return tls.connect(this.opts); }\n}\nexport default Client;",
            },
          ],
        },
      ],
    },
    {
      code: `${TLS}tls.connect({ host: 'a.example', rejectUnauthorized: false } as tls.ConnectionOptions);\nconst o = { rejectUnauthorized: false } satisfies tls.ConnectionOptions;\ntls.connect(o);`,
      errors: [
        {
          messageId: 'clientSink',
          line: 2,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `${TLS}tls.connect({ host: 'a.example' } as tls.ConnectionOptions);\nconst o = { rejectUnauthorized: false } satisfies tls.ConnectionOptions;\ntls.connect(o);`,
            },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect(secureClientOptions({ host: 'a.example' }) as tls.ConnectionOptions);\nconst o = { rejectUnauthorized: false } satisfies tls.ConnectionOptions;\ntls.connect(o);",
            },
            {
              messageId: 'useFactoryWithCa',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect(secureClientOptions({ host: 'a.example', extraCa: process.env.TLS_PRIVATE_CA_PEM }) as tls.ConnectionOptions);\nconst o = { rejectUnauthorized: false } satisfies tls.ConnectionOptions;\ntls.connect(o);",
            },
          ],
        },
        {
          messageId: 'clientSink',
          line: 3,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `${TLS}tls.connect({ host: 'a.example', rejectUnauthorized: false } as tls.ConnectionOptions);\nconst o = {} satisfies tls.ConnectionOptions;\ntls.connect(o);`,
            },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect({ host: 'a.example', rejectUnauthorized: false } as tls.ConnectionOptions);\nconst o = secureClientOptions() satisfies tls.ConnectionOptions;\ntls.connect(o);",
            },
            {
              messageId: 'useFactoryWithCa',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect({ host: 'a.example', rejectUnauthorized: false } as tls.ConnectionOptions);\nconst o = secureClientOptions({ extraCa: process.env.TLS_PRIVATE_CA_PEM }) satisfies tls.ConnectionOptions;\ntls.connect(o);",
            },
          ],
        },
      ],
    },
    {
      // Destination unknown: the key is TLS-specific across the ecosystem (pg, mysql2, ws, ...).
      code: `export const db = {\n  host: 'db.internal',\n  ssl: { rejectUnauthorized: false }, // self-signed in staging\n};`,
      errors: [
        {
          messageId: 'unknownSink',
          line: 3,
          suggestions: [{ messageId: 'removeOption', output: `export const db = {\n  host: 'db.internal',\n  ssl: {}, // self-signed in staging\n};` }],
        },
      ],
    },
    {
      code: `import * as http2 from 'node:http2';\nhttp2.connect('https://a.example', { rejectUnauthorized: false });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: 'http2.connect()' },
          suggestions: [
            { messageId: 'removeOption', output: `import * as http2 from 'node:http2';\nhttp2.connect('https://a.example', {});` },
            {
              messageId: 'useFactory',
              output:
                "import * as http2 from 'node:http2';\nimport { secureClientOptions } from 'tlsguard-runtime';\nhttp2.connect('https://a.example', secureClientOptions());",
            },
            {
              messageId: 'useFactoryWithCa',
              output:
                "import * as http2 from 'node:http2';\nimport { secureClientOptions } from 'tlsguard-runtime';\nhttp2.connect('https://a.example', secureClientOptions({ extraCa: process.env.TLS_PRIVATE_CA_PEM }));",
            },
          ],
        },
      ],
    },
    {
      code: `${TLS}declare const key: string, cert: string, ca: string;\ntls.createServer({ key, cert, ca, requestCert: true, rejectUnauthorized: false });`,
      errors: [
        {
          messageId: 'mtlsNotEnforced',
          suggestions: [
            {
              messageId: 'removeOption',
              output: `${TLS}declare const key: string, cert: string, ca: string;\ntls.createServer({ key, cert, ca, requestCert: true });`,
            },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureServerOptions } from 'tlsguard-runtime';\ndeclare const key: string, cert: string, ca: string;\ntls.createServer(secureServerOptions({ key, cert, ca, requestCert: true }));",
            },
          ],
        },
      ],
    },
    {
      code: `${HTTPS}const opts: https.ServerOptions = { rejectUnauthorized: false };\nopts.requestCert = true;\nhttps.createServer(opts);`,
      errors: [
        {
          messageId: 'mtlsNotEnforced',
          suggestions: [
            { messageId: 'removeOption', output: `${HTTPS}const opts: https.ServerOptions = {};\nopts.requestCert = true;\nhttps.createServer(opts);` },
          ],
        },
      ],
    },
    {
      code: `${TLS}import net from 'node:net';\nconst s = net.connect(443, 'a.example');\nconst secure = new tls.TLSSocket(s, { rejectUnauthorized: false });\nexport default secure;`,
      errors: [
        {
          messageId: 'clientTlsSocket',
          line: 4,
          suggestions: [
            {
              messageId: 'useTlsConnect',
              output: `${TLS}import net from 'node:net';\nconst s = net.connect(443, 'a.example');\nconst secure = tls.connect({ socket: s });\nexport default secure;`,
            },
          ],
        },
      ],
    },
    js({
      code: `const { TLSSocket } = require('tls');\nmodule.exports = (s) => new TLSSocket(s);`,
      errors: [{ messageId: 'clientTlsSocket', suggestions: [] }],
    }),
    {
      code: `import * as tls from 'tls';\nimport type { Socket } from 'net';\nexport function wrap(raw: Socket) {\n  return new tls.TLSSocket(raw, { servername: 'a.example', rejectUnauthorized: true });\n}`,
      errors: [
        {
          messageId: 'clientTlsSocket',
          suggestions: [
            {
              messageId: 'useTlsConnect',
              output: `import * as tls from 'tls';\nimport type { Socket } from 'net';\nexport function wrap(raw: Socket) {\n  return tls.connect({ socket: raw, servername: 'a.example', rejectUnauthorized: true });\n}`,
            },
          ],
        },
      ],
    },
    {
      code: `import tls = require('tls');\ntls.connect({ 'rejectUnauthorized': !true });`,
      errors: [
        {
          messageId: 'clientSink',
          suggestions: [
            { messageId: 'removeOption', output: `import tls = require('tls');\ntls.connect({});` },
            {
              messageId: 'useFactory',
              output: "import tls = require('tls');\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect(secureClientOptions());",
            },
            {
              messageId: 'useFactoryWithCa',
              output:
                "import tls = require('tls');\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect(secureClientOptions({ extraCa: process.env.TLS_PRIVATE_CA_PEM }));",
            },
          ],
        },
      ],
    },
    {
      code: `import { connect as open } from 'tls';\nopen({ port: 443, rejectUnauthorized: false });`,
      errors: [
        {
          messageId: 'clientSink',
          suggestions: [
            { messageId: 'removeOption', output: `import { connect as open } from 'tls';\nopen({ port: 443 });` },
            {
              messageId: 'useFactory',
              output:
                "import { connect as open } from 'tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\nopen(secureClientOptions({ port: 443 }));",
            },
            {
              messageId: 'useFactoryWithCa',
              output:
                "import { connect as open } from 'tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\nopen(secureClientOptions({ port: 443, extraCa: process.env.TLS_PRIVATE_CA_PEM }));",
            },
          ],
        },
      ],
    },
    {
      code: `const { connect } = await import('node:tls');\nconnect({ port: 443, rejectUnauthorized: false });`,
      errors: [
        {
          messageId: 'clientSink',
          suggestions: [
            { messageId: 'removeOption', output: `const { connect } = await import('node:tls');\nconnect({ port: 443 });` },
            {
              messageId: 'useFactory',
              output:
                "import { secureClientOptions } from 'tlsguard-runtime';\nconst { connect } = await import('node:tls');\nconnect(secureClientOptions({ port: 443 }));",
            },
            {
              messageId: 'useFactoryWithCa',
              output:
                "import { secureClientOptions } from 'tlsguard-runtime';\nconst { connect } = await import('node:tls');\nconnect(secureClientOptions({ port: 443, extraCa: process.env.TLS_PRIVATE_CA_PEM }));",
            },
          ],
        },
      ],
    },
    {
      code: `${TLS}function tlsOptions() {\n  return { host: 'a.example', rejectUnauthorized: false };\n}\ntls.connect(tlsOptions());`,
      errors: [
        {
          messageId: 'clientSink',
          line: 3,
          suggestions: [
            { messageId: 'removeOption', output: `${TLS}function tlsOptions() {\n  return { host: 'a.example' };\n}\ntls.connect(tlsOptions());` },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\nfunction tlsOptions() {\n  return secureClientOptions({ host: 'a.example' });\n}\ntls.connect(tlsOptions());",
            },
            {
              messageId: 'useFactoryWithCa',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\nfunction tlsOptions() {\n  return secureClientOptions({ host: 'a.example', extraCa: process.env.TLS_PRIVATE_CA_PEM });\n}\ntls.connect(tlsOptions());",
            },
          ],
        },
      ],
    },
    js({
      code: `const agent = new (require('https').Agent)({ rejectUnauthorized: false });\nmodule.exports = agent;`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: 'new https.Agent()' },
          suggestions: [
            { messageId: 'removeOption', output: `const agent = new (require('https').Agent)({});\nmodule.exports = agent;` },
            { messageId: 'useFactory', output: "const { secureAgent } = require('tlsguard-runtime');\nconst agent = secureAgent();\nmodule.exports = agent;" },
            {
              messageId: 'useFactoryWithCa',
              output:
                "const { secureAgent } = require('tlsguard-runtime');\nconst agent = secureAgent({ extraCa: process.env.TLS_PRIVATE_CA_PEM });\nmodule.exports = agent;",
            },
          ],
        },
      ],
    }),
    js({
      // A local options object whose destination the file does not show.
      code: `function options() {}\nconst o = { rejectUnauthorized: false };\noptions(o);`,
      errors: [{ messageId: 'unknownSink', suggestions: [{ messageId: 'removeOption', output: `function options() {}\nconst o = {};\noptions(o);` }] }],
    }),
  ],
};

export default cases;
