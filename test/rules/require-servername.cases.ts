import type rule from '../../rules/require-servername.js';
import type { CasesOf } from '../rule-tester.js';
import { js, validJs } from '../rule-tester.js';

const cases: CasesOf<typeof rule> = {
  valid: [
    "import tls from 'node:tls';\ntls.connect({ host: 'api.example.com', port: 443, servername: 'api.example.com' });",
    // IP hosts have no DNS identity to send.
    "import tls from 'node:tls';\ntls.connect({ host: '10.0.0.5', port: 443 });",
    "import tls from 'node:tls';\ntls.connect({ host: '2001:db8::1', port: 443 });",
    "import tls from 'node:tls';\ntls.connect(443, '192.168.1.10', () => {});",
    // Loopback names, no host (localhost), and unix sockets without a host.
    "import tls from 'node:tls';\ntls.connect({ host: 'localhost', port: 8443 });",
    "import tls from 'node:tls';\ntls.connect({ port: 8443 });",
    "import tls from 'node:tls';\ntls.connect('/run/app.sock');",
    // Unknown hosts are not guessed.
    "import tls from 'node:tls';\nexport function open(host: string) {\n  return tls.connect({ host, port: 443 });\n}",
    // A spread of an unknown object may carry a servername.
    "import tls from 'node:tls';\ndeclare const extra: tls.ConnectionOptions;\ntls.connect({ host: 'api.example.com', ...extra });",
    "import tls from 'node:tls';\nconst opts = { host: 'api.example.com', servername: 'api.example.com' };\ntls.connect({ ...opts, port: 443 });",
    "import tls from 'node:tls';\nimport net from 'node:net';\ndeclare const raw: net.Socket;\ntls.connect({ socket: raw, servername: 'db.example.com' });",
    "import tls from 'node:tls';\nimport net from 'node:net';\ndeclare const raw: net.Socket;\ntls.connect({ socket: raw, host: '10.0.0.5' });",
    // An empty servername with an IP host changes nothing.
    "import tls from 'node:tls';\ntls.connect({ host: '10.0.0.5', servername: '' });",
    // https, http2 and undici send SNI themselves.
    "import https from 'node:https';\nhttps.request({ host: 'api.example.com', port: 443 });",
    "import http2 from 'node:http2';\nhttp2.connect('https://api.example.com');",
    // A local function named connect.
    "function connect(o: { host: string }) { return o; }\nconnect({ host: 'api.example.com' });",
    validJs("const tls = require('tls');\ntls.connect({ host: 'api.example.com', port: 443, servername: 'api.example.com' }, () => {});"),
    "import tls from 'node:tls';\nexport class Client {\n  private readonly options = { host: 'api.example.com', port: 443, servername: 'api.example.com' };\n  open() {\n    return tls.connect(this.options);\n  }\n}",
    "import tls from 'node:tls';\ndeclare function options(): tls.ConnectionOptions;\ntls.connect(options());",
    // node-redis: the TLS options are the nested `socket` object; the argument's `socket` key is not tls.connect's.
    "import { createClient } from 'redis';\ncreateClient({ socket: { tls: true, host: 'cache.example.com', servername: 'cache.example.com' } });",
    validJs("const redis = require('redis');\nredis.createClient({ socket: { tls: true, host: '10.0.0.7', port: 6380 } });"),
  ],
  invalid: [
    {
      code: "import tls from 'node:tls';\ntls.connect({ host: 'api.example.com', port: 443 });",
      errors: [
        {
          messageId: 'noSni',
          line: 2,
          column: 15,
          suggestions: [
            {
              messageId: 'addServername',
              output: "import tls from 'node:tls';\ntls.connect({ host: 'api.example.com', port: 443, servername: 'api.example.com' });",
            },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect(secureClientOptions({ host: 'api.example.com', port: 443 }));",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\ntls.connect({\n  host: 'api.example.com',\n  port: 443,\n});",
      errors: [
        {
          messageId: 'noSni',
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'addServername',
              output: "import tls from 'node:tls';\ntls.connect({\n  host: 'api.example.com',\n  port: 443,\n  servername: 'api.example.com',\n});",
            },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect(secureClientOptions({\n  host: 'api.example.com',\n  port: 443,\n}));",
            },
          ],
        },
      ],
    },
    js({
      code: "const tls = require('node:tls');\ntls.connect(993, 'imap.example.com', () => {});",
      errors: [
        {
          messageId: 'noSni',
          line: 2,
          column: 18,
          suggestions: [
            {
              messageId: 'addServername',
              output: "const tls = require('node:tls');\ntls.connect(993, 'imap.example.com', { servername: 'imap.example.com' }, () => {});",
            },
          ],
        },
      ],
    }),
    {
      code: "import tls from 'node:tls';\ntls.connect(993, 'imap.example.com');",
      errors: [
        {
          messageId: 'noSni',
          line: 2,
          column: 18,
          suggestions: [
            { messageId: 'addServername', output: "import tls from 'node:tls';\ntls.connect(993, 'imap.example.com', { servername: 'imap.example.com' });" },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\ntls.connect(993, 'imap.example.com', { rejectUnauthorized: true });",
      errors: [
        {
          messageId: 'noSni',
          line: 2,
          column: 18,
          suggestions: [
            {
              messageId: 'addServername',
              output: "import tls from 'node:tls';\ntls.connect(993, 'imap.example.com', { rejectUnauthorized: true, servername: 'imap.example.com' });",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\nconst HOST = 'api.example.com';\ntls.connect(443, HOST);",
      errors: [
        {
          messageId: 'noSni',
          line: 3,
          column: 18,
          suggestions: [
            {
              messageId: 'addServername',
              output: "import tls from 'node:tls';\nconst HOST = 'api.example.com';\ntls.connect(443, HOST, { servername: HOST });",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\ntls.connect('/run/proxy.sock', { host: 'api.example.com' });",
      errors: [
        {
          messageId: 'noSni',
          line: 2,
          column: 34,
          suggestions: [
            {
              messageId: 'addServername',
              output: "import tls from 'node:tls';\ntls.connect('/run/proxy.sock', { host: 'api.example.com', servername: 'api.example.com' });",
            },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect('/run/proxy.sock', secureClientOptions({ host: 'api.example.com' }));",
            },
          ],
        },
      ],
    },
    js({
      code: "const { connect } = require('tls');\nconnect({ host: 'api.example.com', port: 443 }, () => {});",
      errors: [
        {
          messageId: 'noSni',
          line: 2,
          column: 11,
          suggestions: [
            {
              messageId: 'addServername',
              output: "const { connect } = require('tls');\nconnect({ host: 'api.example.com', port: 443, servername: 'api.example.com' }, () => {});",
            },
            {
              messageId: 'useFactory',
              output:
                "const { connect } = require('tls');\nconst { secureClientOptions } = require('tlsguard-runtime');\nconnect(secureClientOptions({ host: 'api.example.com', port: 443 }), () => {});",
            },
          ],
        },
      ],
    }),
    {
      code: 'import { connect as tlsConnect } from \'tls\';\ntlsConnect({ port: 443, host: "api.example.com" });',
      errors: [
        {
          messageId: 'noSni',
          line: 2,
          column: 25,
          suggestions: [
            {
              messageId: 'addServername',
              output: 'import { connect as tlsConnect } from \'tls\';\ntlsConnect({ port: 443, host: "api.example.com", servername: "api.example.com" });',
            },
            {
              messageId: 'useFactory',
              output:
                "import { connect as tlsConnect } from 'tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\ntlsConnect(secureClientOptions({ port: 443, host: \"api.example.com\" }));",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\nconst opts = { host: 'api.example.com', port: 443 };\ntls.connect(opts);",
      errors: [
        {
          messageId: 'noSni',
          line: 3,
          column: 13,
          suggestions: [
            {
              messageId: 'addServername',
              output:
                "import tls from 'node:tls';\nconst opts = { host: 'api.example.com', port: 443 };\ntls.connect({ ...opts, servername: 'api.example.com' });",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\nconst base = { host: 'api.example.com' };\ntls.connect({ ...base, port: 443 });",
      errors: [
        {
          messageId: 'noSni',
          line: 3,
          column: 13,
          suggestions: [
            {
              messageId: 'addServername',
              output:
                "import tls from 'node:tls';\nconst base = { host: 'api.example.com' };\ntls.connect({ ...base, port: 443, servername: 'api.example.com' });",
            },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\nconst base = { host: 'api.example.com' };\ntls.connect(secureClientOptions({ ...base, port: 443 }));",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\ndeclare const region: string;\ntls.connect({ host: `${region}.api.example.com`, port: 443 });",
      errors: [
        {
          messageId: 'noSni',
          line: 3,
          column: 15,
          suggestions: [
            {
              messageId: 'addServername',
              output:
                "import tls from 'node:tls';\ndeclare const region: string;\ntls.connect({ host: `${region}.api.example.com`, port: 443, servername: `${region}.api.example.com` });",
            },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\ndeclare const region: string;\ntls.connect(secureClientOptions({ host: `${region}.api.example.com`, port: 443 }));",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\ndeclare const legacy: boolean;\ntls.connect({ host: legacy ? 'old.example.com' : 'new.example.com', port: 443 } as tls.ConnectionOptions);",
      errors: [
        {
          messageId: 'noSni',
          line: 3,
          column: 15,
          suggestions: [
            {
              messageId: 'addServername',
              output:
                "import tls from 'node:tls';\ndeclare const legacy: boolean;\ntls.connect({ host: legacy ? 'old.example.com' : 'new.example.com', port: 443, servername: legacy ? 'old.example.com' : 'new.example.com' } as tls.ConnectionOptions);",
            },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\ndeclare const legacy: boolean;\ntls.connect(secureClientOptions({ host: legacy ? 'old.example.com' : 'new.example.com', port: 443 }) as tls.ConnectionOptions);",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\nconst opts: tls.ConnectionOptions = { port: 443 };\nopts.host = 'api.example.com';\ntls.connect(opts);",
      errors: [
        {
          messageId: 'noSni',
          line: 4,
          column: 13,
          suggestions: [
            {
              messageId: 'addServername',
              output:
                "import tls from 'node:tls';\nconst opts: tls.ConnectionOptions = { port: 443 };\nopts.host = 'api.example.com';\ntls.connect({ ...opts, servername: 'api.example.com' });",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\ntls.connect({ host: 'api.example.com', port: 443, servername: '' });",
      errors: [
        {
          messageId: 'emptyServername',
          line: 2,
          column: 51,
          suggestions: [
            {
              messageId: 'addServername',
              output: "import tls from 'node:tls';\ntls.connect({ host: 'api.example.com', port: 443, servername: 'api.example.com' });",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\nimport net from 'node:net';\nconst raw = net.connect(5432, '10.0.0.5');\ntls.connect({ socket: raw });",
      errors: [
        {
          messageId: 'socketIdentity',
          line: 4,
          column: 15,
          suggestions: [
            {
              messageId: 'addHost',
              output:
                "import tls from 'node:tls';\nimport net from 'node:net';\nconst raw = net.connect(5432, '10.0.0.5');\ntls.connect({ socket: raw, host: '10.0.0.5' });",
            },
          ],
        },
      ],
    },
    js({
      code: "const tls = require('tls');\nconst net = require('net');\nconst raw = net.createConnection({ host: 'db.example.com', port: 5432 });\ntls.connect({ socket: raw, rejectUnauthorized: true });",
      errors: [
        {
          messageId: 'socketIdentity',
          line: 4,
          column: 15,
          suggestions: [
            {
              messageId: 'addServername',
              output:
                "const tls = require('tls');\nconst net = require('net');\nconst raw = net.createConnection({ host: 'db.example.com', port: 5432 });\ntls.connect({ socket: raw, rejectUnauthorized: true, servername: 'db.example.com' });",
            },
          ],
        },
      ],
    }),
    {
      code: "import tls from 'node:tls';\nimport net from 'node:net';\ndeclare const raw: net.Socket;\nexport const secure = tls.connect({ socket: raw });",
      errors: [{ messageId: 'socketIdentity', line: 4, column: 37, suggestions: [] }],
    },
    {
      code: "import tls from 'node:tls';\nimport net from 'node:net';\ndeclare const raw: net.Socket;\ntls.connect({ socket: raw, servername: '' });",
      errors: [{ messageId: 'emptyServername', line: 4, column: 28, suggestions: [] }],
    },
    {
      code: "import tls from 'node:tls';\nconst base = { port: 443 };\nconst opts = Object.assign({}, base, { host: 'api.example.com' });\ntls.connect(opts);",
      errors: [
        {
          messageId: 'noSni',
          line: 4,
          column: 13,
          suggestions: [
            {
              messageId: 'addServername',
              output:
                "import tls from 'node:tls';\nconst base = { port: 443 };\nconst opts = Object.assign({}, base, { host: 'api.example.com' });\ntls.connect({ ...opts, servername: 'api.example.com' });",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\nexport class Client {\n  private readonly options = { host: 'api.example.com', port: 443 };\n  open() {\n    return tls.connect(this.options);\n  }\n}",
      errors: [
        {
          messageId: 'noSni',
          line: 5,
          column: 24,
          suggestions: [
            {
              messageId: 'addServername',
              output:
                "import tls from 'node:tls';\nexport class Client {\n  private readonly options = { host: 'api.example.com', port: 443 };\n  open() {\n    return tls.connect({ ...this.options, servername: 'api.example.com' });\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\ntls.connect({ host: 'api.example.com', port: 443 } satisfies tls.ConnectionOptions);",
      errors: [
        {
          messageId: 'noSni',
          line: 2,
          column: 15,
          suggestions: [
            {
              messageId: 'addServername',
              output:
                "import tls from 'node:tls';\ntls.connect({ host: 'api.example.com', port: 443, servername: 'api.example.com' } satisfies tls.ConnectionOptions);",
            },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect(secureClientOptions({ host: 'api.example.com', port: 443 }) satisfies tls.ConnectionOptions);",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\nconst base = { port: 443 };\ntls.connect(Object.assign({}, base, { host: 'api.example.com' }));",
      errors: [
        {
          messageId: 'noSni',
          line: 3,
          column: 13,
          suggestions: [
            {
              messageId: 'addServername',
              output:
                "import tls from 'node:tls';\nconst base = { port: 443 };\ntls.connect({ ...Object.assign({}, base, { host: 'api.example.com' }), servername: 'api.example.com' });",
            },
          ],
        },
      ],
    },
  ],
};

export default cases;
