import type rule from '../../rules/no-legacy-tls-version.js';
import type { CasesOf } from '../rule-tester.js';
import { js } from '../rule-tester.js';

const cases: CasesOf<typeof rule> = {
  valid: [
    // A secure context built by tls.createSecureContext() replaces the context options beside it on a client.
    "import tls from 'node:tls';\ntls.connect({ host: '10.0.0.5', secureContext: tls.createSecureContext(), minVersion: 'TLSv1' });",
    // The request's https.Agent sets the key: its value wins over the request's.
    "import https from 'node:https';\nhttps.get('https://a.example', { agent: new https.Agent({ minVersion: 'TLSv1.2' }), minVersion: 'TLSv1' });",
    // A legacy value replaced at every place its object goes never reaches an API.
    "import tls from 'node:tls';\nconst base = { minVersion: 'TLSv1' as const };\ntls.createServer({ ...base, minVersion: 'TLSv1.2' });",
    // A fetch init has no TLS options: the key is inert there.
    "export const r = fetch('https://example.com', { minVersion: 'TLSv1' } as RequestInit);",
    // TLS 1.2 and newer, and the defaults, are fine.
    "import tls from 'node:tls';\ntls.connect({ host: 'a.example', minVersion: 'TLSv1.2' });",
    "import tls from 'node:tls';\ntls.createServer({ minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3' });",
    "import tls from 'node:tls';\ntls.connect({ host: 'a.example', maxVersion: 'TLSv1.2' });",
    { code: "const tls = require('tls');\ntls.DEFAULT_MIN_VERSION = 'TLSv1.2';", filename: 'file.js' },
    // A conditional is reported only when every branch is legacy.
    "import tls from 'node:tls';\ndeclare const x: boolean;\ntls.connect({ host: 'a.example', minVersion: x ? 'TLSv1.2' : 'TLSv1.3' });",
    "import tls from 'node:tls';\ndeclare const legacy: boolean;\ntls.connect({ host: 'a.example', minVersion: legacy ? 'TLSv1' : 'TLSv1.2' });",
    // Unknown values are not guessed.
    "import tls from 'node:tls';\nexport function open(min: tls.SecureVersion) {\n  return tls.connect({ host: 'a.example', minVersion: min });\n}",
    "import tls from 'node:tls';\ntls.connect({ host: 'a.example', minVersion: process.env.TLS_MIN as tls.SecureVersion });",
    // secureOptions that switch the legacy versions off again leave TLS 1.2+.
    "import tls from 'node:tls';\nimport { constants } from 'node:crypto';\ntls.connect({ host: 'a.example', minVersion: 'TLSv1', secureOptions: constants.SSL_OP_NO_TLSv1 | constants.SSL_OP_NO_TLSv1_1 });",
    "import tls from 'node:tls';\ndeclare const flags: number;\ntls.connect({ host: 'a.example', minVersion: 'TLSv1', secureOptions: flags });",
    // The last duplicate key wins.
    "import tls from 'node:tls';\ntls.connect({ host: 'a.example', minVersion: 'TLSv1', minVersion: 'TLSv1.2' });",
    // secureProtocol with minVersion throws ERR_TLS_PROTOCOL_VERSION_CONFLICT: nothing connects.
    "import tls from 'node:tls';\ntls.connect({ host: 'a.example', secureProtocol: 'TLSv1_method', minVersion: 'TLSv1.2' });",
    // Legacy spellings that only cap at TLS 1.2 are reported by the strict options only.
    "import tls from 'node:tls';\ntls.createServer({ secureProtocol: 'TLSv1_2_method' });",
    { code: "const tls = require('tls');\ntls.createServer({ secureProtocol: 'SSLv23_method' });", filename: 'file.js' },
    // Invalid methods throw ERR_TLS_INVALID_PROTOCOL_METHOD.
    "import tls from 'node:tls';\ntls.createServer({ secureProtocol: 'TLSv1_3_method' });",
    // Turning off one modern version is no-weak-cipher's concern; TLS 1.2 remains.
    "import tls from 'node:tls';\nimport { constants } from 'node:crypto';\ntls.connect({ host: 'a.example', secureOptions: constants.SSL_OP_NO_TLSv1_3 });",
    // Other objects with the same keys and non-TLS values.
    "const semver = { minVersion: '1.0.0' };\nexport default semver;",
    "const doc = \"minVersion: 'TLSv1'\"; // secureProtocol: 'TLSv1_method'\nexport default doc;",
    "import tls from 'node:tls';\nconst v = tls.DEFAULT_MIN_VERSION;\nexport default v;",
  ],
  invalid: [
    {
      code: "import tls from 'node:tls';\ntls.connect({ host: 'a.example', port: 443, minVersion: 'TLSv1' });",
      errors: [
        {
          messageId: 'minVersion',
          line: 2,
          column: 45,
          suggestions: [
            { messageId: 'raiseMinVersion', output: "import tls from 'node:tls';\ntls.connect({ host: 'a.example', port: 443, minVersion: 'TLSv1.2' });" },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect(secureClientOptions({ host: 'a.example', port: 443 }));",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\ndeclare const legacy: boolean;\ntls.connect({ host: 'a.example', minVersion: legacy ? 'TLSv1' : 'TLSv1.1' });",
      errors: [
        {
          messageId: 'minVersion',
          line: 3,
          column: 34,
          suggestions: [
            {
              messageId: 'raiseMinVersion',
              output: "import tls from 'node:tls';\ndeclare const legacy: boolean;\ntls.connect({ host: 'a.example', minVersion: 'TLSv1.2' });",
            },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\ndeclare const legacy: boolean;\ntls.connect(secureClientOptions({ host: 'a.example' }));",
            },
          ],
        },
      ],
    },
    js({
      code: "const tls = require('tls');\nconst minVersion = 'TLSv1.1';\ntls.connect({ host: 'a.example', minVersion });",
      errors: [
        {
          messageId: 'minVersion',
          line: 3,
          column: 34,
          suggestions: [
            {
              messageId: 'raiseMinVersion',
              output: "const tls = require('tls');\nconst minVersion = 'TLSv1.1';\ntls.connect({ host: 'a.example', minVersion: 'TLSv1.2' });",
            },
            {
              messageId: 'useFactory',
              output:
                "const tls = require('tls');\nconst { secureClientOptions } = require('tlsguard-runtime');\nconst minVersion = 'TLSv1.1';\ntls.connect(secureClientOptions({ host: 'a.example' }));",
            },
          ],
        },
      ],
    }),
    {
      code: "import tls from 'node:tls';\nconst LEGACY = 'TLSv1';\nconst opts: tls.ConnectionOptions = { host: 'a.example', minVersion: LEGACY };\ntls.connect(opts);",
      errors: [
        {
          messageId: 'minVersion',
          line: 3,
          column: 58,
          suggestions: [
            {
              messageId: 'raiseMinVersion',
              output:
                "import tls from 'node:tls';\nconst LEGACY = 'TLSv1';\nconst opts: tls.ConnectionOptions = { host: 'a.example', minVersion: 'TLSv1.2' };\ntls.connect(opts);",
            },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\nconst LEGACY = 'TLSv1';\nconst opts: tls.ConnectionOptions = secureClientOptions({ host: 'a.example' });\ntls.connect(opts);",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\nconst base = { minVersion: 'TLSv1' as const };\ntls.connect({ ...base, host: 'a.example' });",
      errors: [
        {
          messageId: 'minVersion',
          line: 2,
          column: 16,
          suggestions: [
            {
              messageId: 'raiseMinVersion',
              output: "import tls from 'node:tls';\nconst base = { minVersion: 'TLSv1.2' as const };\ntls.connect({ ...base, host: 'a.example' });",
            },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\nconst base = secureClientOptions();\ntls.connect({ ...base, host: 'a.example' });",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\nconst opts: tls.ConnectionOptions = { host: 'a.example' };\nopts.minVersion = 'TLSv1';\ntls.connect(opts);",
      errors: [
        {
          messageId: 'minVersion',
          line: 3,
          column: 1,
          suggestions: [
            {
              messageId: 'raiseMinVersion',
              output:
                "import tls from 'node:tls';\nconst opts: tls.ConnectionOptions = { host: 'a.example' };\nopts.minVersion = 'TLSv1.2';\ntls.connect(opts);",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\nconst opts: tls.ConnectionOptions = { host: 'a.example' };\nObject.assign(opts, { minVersion: 'TLSv1.1' as const });\ntls.connect(opts);",
      errors: [
        {
          messageId: 'minVersion',
          line: 3,
          column: 23,
          suggestions: [
            {
              messageId: 'raiseMinVersion',
              output:
                "import tls from 'node:tls';\nconst opts: tls.ConnectionOptions = { host: 'a.example' };\nObject.assign(opts, { minVersion: 'TLSv1.2' as const });\ntls.connect(opts);",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\nexport class Client {\n  private readonly options = { host: 'a.example', minVersion: 'TLSv1' as const };\n  open() {\n    return tls.connect(this.options);\n  }\n}",
      errors: [
        {
          messageId: 'minVersion',
          line: 3,
          column: 51,
          suggestions: [
            {
              messageId: 'raiseMinVersion',
              output:
                "import tls from 'node:tls';\nexport class Client {\n  private readonly options = { host: 'a.example', minVersion: 'TLSv1.2' as const };\n  open() {\n    return tls.connect(this.options);\n  }\n}",
            },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\nexport class Client {\n  private readonly options = secureClientOptions({ host: 'a.example' });\n  open() {\n    return tls.connect(this.options);\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\nexport const options = { minVersion: 'TLSv1.1' } satisfies tls.SecureContextOptions;",
      errors: [
        {
          messageId: 'minVersion',
          line: 2,
          column: 26,
          suggestions: [
            {
              messageId: 'raiseMinVersion',
              output: "import tls from 'node:tls';\nexport const options = { minVersion: 'TLSv1.2' } satisfies tls.SecureContextOptions;",
            },
          ],
        },
      ],
    },
    {
      code: 'import { createServer } from \'node:https\';\ndeclare const key: string, cert: string;\ncreateServer({ key, cert, minVersion: "TLSv1" });',
      errors: [
        {
          messageId: 'minVersion',
          line: 3,
          column: 27,
          suggestions: [
            {
              messageId: 'raiseMinVersion',
              output:
                'import { createServer } from \'node:https\';\ndeclare const key: string, cert: string;\ncreateServer({ key, cert, minVersion: "TLSv1.2" });',
            },
            {
              messageId: 'useFactory',
              output:
                "import { createServer } from 'node:https';\nimport { secureServerOptions } from 'tlsguard-runtime';\ndeclare const key: string, cert: string;\ncreateServer(secureServerOptions({ key, cert }));",
            },
          ],
        },
      ],
    },
    js({
      code: "const https = require('node:https');\nmodule.exports = new https.Agent({ maxVersion: 'TLSv1.1' });",
      errors: [
        {
          messageId: 'maxVersion',
          line: 2,
          column: 36,
          suggestions: [
            { messageId: 'removeMaxVersion', output: "const https = require('node:https');\nmodule.exports = new https.Agent({});" },
            {
              messageId: 'useFactory',
              output: "const https = require('node:https');\nconst { secureAgent } = require('tlsguard-runtime');\nmodule.exports = secureAgent();",
            },
          ],
        },
      ],
    }),
    {
      code: "import tls from 'node:tls';\ntls.connect({ host: 'a.example', minVersion: 'TLSv1', maxVersion: 'TLSv1.1' });",
      errors: [
        {
          messageId: 'minVersion',
          line: 2,
          column: 34,
          suggestions: [
            {
              messageId: 'raiseMinVersion',
              output: "import tls from 'node:tls';\ntls.connect({ host: 'a.example', minVersion: 'TLSv1.2', maxVersion: 'TLSv1.1' });",
            },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect(secureClientOptions({ host: 'a.example' }));",
            },
          ],
        },
        {
          messageId: 'maxVersion',
          line: 2,
          column: 55,
          suggestions: [
            { messageId: 'removeMaxVersion', output: "import tls from 'node:tls';\ntls.connect({ host: 'a.example', minVersion: 'TLSv1' });" },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect(secureClientOptions({ host: 'a.example' }));",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\nconst opts = { secureProtocol: 'TLSv1_method' };\ntls.connect(opts);",
      errors: [
        {
          messageId: 'pinsLegacy',
          line: 2,
          column: 16,
          suggestions: [
            { messageId: 'useMinVersion', output: "import tls from 'node:tls';\nconst opts = { minVersion: 'TLSv1.2' as const };\ntls.connect(opts);" },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\nconst opts = secureClientOptions();\ntls.connect(opts);",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\ntls.connect({ host: 'a.example', secureProtocol: 'TLSv1_1_client_method' });",
      errors: [
        {
          messageId: 'pinsLegacy',
          line: 2,
          column: 34,
          suggestions: [
            { messageId: 'useMinVersion', output: "import tls from 'node:tls';\ntls.connect({ host: 'a.example', minVersion: 'TLSv1.2' });" },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect(secureClientOptions({ host: 'a.example' }));",
            },
          ],
        },
      ],
    },
    js({
      code: "const tls = require('tls');\ntls.createServer({ secureProtocol: 'SSLv3_method' });",
      errors: [
        {
          messageId: 'sslProtocol',
          line: 2,
          column: 20,
          suggestions: [{ messageId: 'useMinVersion', output: "const tls = require('tls');\ntls.createServer({ minVersion: 'TLSv1.2' });" }],
        },
      ],
    }),
    {
      code: "import tls from 'node:tls';\ntls.createServer({ secureProtocol: 'SSLv2_server_method' });",
      errors: [
        {
          messageId: 'sslProtocol',
          line: 2,
          column: 20,
          suggestions: [{ messageId: 'useMinVersion', output: "import tls from 'node:tls';\ntls.createServer({ minVersion: 'TLSv1.2' });" }],
        },
      ],
    },
    // TLS_method lowers the minimum to TLS 1.0 (measured on Node 20).
    {
      code: "import tls from 'node:tls';\ntls.createSecureContext({ secureProtocol: 'TLS_method' });",
      errors: [
        {
          messageId: 'legacyProtocol',
          line: 2,
          column: 27,
          suggestions: [{ messageId: 'useMinVersion', output: "import tls from 'node:tls';\ntls.createSecureContext({ minVersion: 'TLSv1.2' });" }],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\ntls.createServer({ secureProtocol: 'TLSv1_2_method' });",
      options: [{ legacySpellings: true }],
      errors: [
        {
          messageId: 'pinsTls12',
          line: 2,
          column: 20,
          suggestions: [{ messageId: 'useMinVersion', output: "import tls from 'node:tls';\ntls.createServer({ minVersion: 'TLSv1.2' });" }],
        },
      ],
    },
    js({
      code: "const tls = require('tls');\ntls.connect({ host: 'a.example', secureProtocol: 'SSLv23_method' });",
      options: [{ legacySpellings: true }],
      errors: [
        {
          messageId: 'pinsTls12',
          line: 2,
          column: 34,
          suggestions: [
            { messageId: 'useMinVersion', output: "const tls = require('tls');\ntls.connect({ host: 'a.example', minVersion: 'TLSv1.2' });" },
            {
              messageId: 'useFactory',
              output:
                "const tls = require('tls');\nconst { secureClientOptions } = require('tlsguard-runtime');\ntls.connect(secureClientOptions({ host: 'a.example' }));",
            },
          ],
        },
      ],
    }),
    {
      code: "import tls from 'node:tls';\nconst opts: tls.ConnectionOptions = {};\nopts.secureProtocol = 'TLSv1_method';\ntls.connect(opts);",
      errors: [
        {
          messageId: 'pinsLegacy',
          line: 3,
          column: 1,
          suggestions: [{ messageId: 'removeAssignment', output: "import tls from 'node:tls';\nconst opts: tls.ConnectionOptions = {};\ntls.connect(opts);" }],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\nimport { constants } from 'node:crypto';\ntls.connect({ host: 'a.example', minVersion: 'TLSv1', secureOptions: constants.SSL_OP_NO_TLSv1_2 | constants.SSL_OP_NO_TLSv1_3 | constants.SSL_OP_NO_TICKET });",
      errors: [
        {
          messageId: 'minVersion',
          line: 3,
          column: 34,
          suggestions: [
            {
              messageId: 'raiseMinVersion',
              output:
                "import tls from 'node:tls';\nimport { constants } from 'node:crypto';\ntls.connect({ host: 'a.example', minVersion: 'TLSv1.2', secureOptions: constants.SSL_OP_NO_TLSv1_2 | constants.SSL_OP_NO_TLSv1_3 | constants.SSL_OP_NO_TICKET });",
            },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { constants } from 'node:crypto';\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect(secureClientOptions({ host: 'a.example' }));",
            },
          ],
        },
        {
          messageId: 'onlyLegacy',
          line: 3,
          column: 55,
          suggestions: [
            {
              messageId: 'removeVersionFlags',
              output:
                "import tls from 'node:tls';\nimport { constants } from 'node:crypto';\ntls.connect({ host: 'a.example', minVersion: 'TLSv1', secureOptions: constants.SSL_OP_NO_TICKET });",
            },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { constants } from 'node:crypto';\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect(secureClientOptions({ host: 'a.example' }));",
            },
          ],
        },
      ],
    },
    js({
      code: "const tls = require('tls');\nconst { constants } = require('crypto');\ntls.createServer({ secureOptions: constants.SSL_OP_NO_TLSv1_2 | constants.SSL_OP_NO_TLSv1_3 });",
      errors: [
        {
          messageId: 'onlyLegacy',
          line: 3,
          column: 20,
          suggestions: [
            { messageId: 'removeVersionFlags', output: "const tls = require('tls');\nconst { constants } = require('crypto');\ntls.createServer({});" },
          ],
        },
      ],
    }),
    {
      code: "import tls from 'node:tls';\ntls.DEFAULT_MIN_VERSION = 'TLSv1';",
      errors: [
        { messageId: 'defaultMinVersion', line: 2, column: 1, suggestions: [{ messageId: 'removeAssignment', output: "import tls from 'node:tls';\n" }] },
      ],
    },
    js({
      code: "const tls = require('tls');\ntls.DEFAULT_MAX_VERSION = 'TLSv1.1';",
      errors: [
        { messageId: 'defaultMaxVersion', line: 2, column: 1, suggestions: [{ messageId: 'removeAssignment', output: "const tls = require('tls');\n" }] },
      ],
    }),
    {
      code: "import * as tls from 'tls';\nexport function legacy() {\n  const options: tls.ConnectionOptions = { host: 'a.example' };\n  options['minVersion'] = 'TLSv1';\n  return tls.connect(options);\n}",
      errors: [
        {
          messageId: 'minVersion',
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'raiseMinVersion',
              output:
                "import * as tls from 'tls';\nexport function legacy() {\n  const options: tls.ConnectionOptions = { host: 'a.example' };\n  options['minVersion'] = 'TLSv1.2';\n  return tls.connect(options);\n}",
            },
          ],
        },
      ],
    },
  ],
};

export default cases;
