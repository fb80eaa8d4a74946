import type rule from '../../rules/no-legacy-tls-api.js';
import type { CasesOf } from '../rule-tester.js';
import { js, validJs } from '../rule-tester.js';

const cases: CasesOf<typeof rule> = {
  valid: [
    "import tls from 'node:tls';\nimport net from 'node:net';\nconst raw = net.connect(443, 'example.com');\nexport const secure = tls.connect({ socket: raw, servername: 'example.com' });",
    "import tls from 'node:tls';\nexport const context = tls.createSecureContext({});",
    // Same names on other objects.
    "const o = { createSecurePair: () => 1, parseCertString: (s: string) => s };\no.createSecurePair();\no.parseCertString('x');",
    "import { X509Certificate } from 'node:crypto';\ndeclare const pem: string;\nexport const subject = new X509Certificate(pem).subject;",
    // setOptions on something that is not a TLS server.
    'const server = { setOptions(o: object) { return o; } };\nserver.setOptions({});',
    "import tls from 'node:tls';\ndeclare const key: string, cert: string;\nconst server = tls.createServer({ key, cert });\nserver.setSecureContext({ key, cert });",
    validJs("const tls = require('tls');\nconst s = 'tls.createSecurePair()';\nmodule.exports = { tls, s };"),
    // Feature detection (whistle 2.10.10, lib/https/ca.js): `||`/`??` reach createCredentials only where
    // tls.createSecureContext (Node 0.11.13) is missing, and every version of the target has it.
    validJs("const crypto = require('crypto');\nmodule.exports = require('tls').createSecureContext || crypto.createCredentials;"),
    validJs("const tls = require('tls');\nconst crypto = require('crypto');\nmodule.exports = tls.createSecureContext || crypto.createCredentials;"),
    "import tls from 'node:tls';\nimport crypto from 'node:crypto';\nexport const make = tls.createSecureContext ?? crypto.createCredentials;",
  ],
  invalid: [
    // Not a fallback: the legacy API first, `&&`, a left side that is not tls's, a target that admits Node 0.10.
    js({
      code: "const tls = require('tls');\nconst crypto = require('crypto');\nmodule.exports = crypto.createCredentials || tls.createSecureContext;",
      errors: [{ messageId: 'legacyApi', line: 3, column: 18, suggestions: [] }],
    }),
    js({
      code: "const tls = require('tls');\nconst crypto = require('crypto');\nmodule.exports = tls.createSecureContext && crypto.createCredentials;",
      errors: [{ messageId: 'legacyApi', line: 3, column: 45, suggestions: [] }],
    }),
    js({
      code: "const tls = { createSecureContext: null };\nconst crypto = require('crypto');\nmodule.exports = tls.createSecureContext || crypto.createCredentials;",
      errors: [{ messageId: 'legacyApi', line: 3, column: 45, suggestions: [] }],
    }),
    js({
      code: "const tls = require('tls');\nconst crypto = require('crypto');\nmodule.exports = tls.createSecureContext || crypto.createCredentials;",
      settings: { tlsguard: { node: '>=0.10' } },
      errors: [{ messageId: 'legacyApi', line: 3, column: 45, suggestions: [] }],
    }),
    {
      code: "import tls from 'node:tls';\ndeclare const ctx: tls.SecureContext;\nexport const pair = tls.createSecurePair(ctx, false);",
      errors: [{ messageId: 'legacyApi', line: 3, column: 21, suggestions: [] }],
    },
    js({
      code: "const tls = require('tls');\nmodule.exports = tls.createSecurePair(tls.createSecureContext({}), true, true, false);",
      errors: [{ messageId: 'legacyApi', line: 2, column: 18, suggestions: [] }],
    }),
    js({
      code: "const { createSecurePair } = require('node:tls');\nmodule.exports = createSecurePair();",
      errors: [{ messageId: 'legacyApi', line: 1, column: 9, suggestions: [] }],
    }),
    {
      code: "import { createSecurePair as csp } from 'tls';\nexport const pair = csp();",
      errors: [{ messageId: 'legacyApi', line: 1, column: 10, suggestions: [] }],
    },
    {
      code: "import * as tls from 'node:tls';\nexport const make = tls.createSecurePair;",
      errors: [{ messageId: 'legacyApi', line: 2, column: 21, suggestions: [] }],
    },
    js({
      code: "const tls = require('tls');\nmodule.exports = new tls.SecurePair();",
      errors: [{ messageId: 'legacyApi', line: 2, column: 22, suggestions: [] }],
    }),
    {
      code: "import crypto from 'node:crypto';\nimport tls from 'node:tls';\nexport const context = crypto.createCredentials({ ciphers: 'HIGH' });\nexport const wrap = tls.connect;",
      errors: [
        {
          messageId: 'legacyApi',
          line: 3,
          column: 24,
          suggestions: [
            {
              messageId: 'useCreateSecureContext',
              output:
                "import crypto from 'node:crypto';\nimport tls, { createSecureContext } from 'node:tls';\nexport const context = createSecureContext({ ciphers: 'HIGH' });\nexport const wrap = tls.connect;",
            },
          ],
        },
      ],
    },
    {
      // A local `createSecureContext` that is not tls's: the suggestion would capture it.
      code: "import * as crypto from 'node:crypto';\nconst createSecureContext = () => null;\nexport const context = [crypto.createCredentials({}), createSecureContext()];",
      errors: [{ messageId: 'legacyApi', line: 3, column: 25, suggestions: [] }],
    },
    js({
      // Not called: nothing to swap.
      code: "const crypto = require('crypto');\nmodule.exports = crypto.createCredentials;",
      errors: [{ messageId: 'legacyApi', line: 2, column: 18, suggestions: [] }],
    }),
    js({
      code: "const crypto = require('crypto');\nmodule.exports = crypto.createCredentials({ key: 'k' });",
      errors: [
        {
          messageId: 'legacyApi',
          line: 2,
          column: 18,
          suggestions: [
            {
              messageId: 'useCreateSecureContext',
              output:
                "const crypto = require('crypto');\nconst { createSecureContext } = require('node:tls');\nmodule.exports = createSecureContext({ key: 'k' });",
            },
          ],
        },
      ],
    }),
    {
      code: "import { createCredentials } from 'node:crypto';\nexport const credentials = createCredentials({});",
      errors: [{ messageId: 'legacyApi', line: 1, column: 10, suggestions: [] }],
    },
    js({
      code: "const crypto = require('node:crypto');\nmodule.exports = crypto.Credentials;",
      errors: [{ messageId: 'legacyApi', line: 2, column: 18, suggestions: [] }],
    }),
    js({
      code: "const tls = require('tls');\nmodule.exports = tls.parseCertString('CN=a');",
      errors: [{ messageId: 'legacyApi', line: 2, column: 18, suggestions: [] }],
    }),
    js({
      code: "const { convertNPNProtocols } = require('tls');\nconvertNPNProtocols(['h2'], {});",
      errors: [{ messageId: 'legacyApi', line: 1, column: 9, suggestions: [] }],
    }),
    js({
      code: "const tls = require('tls');\nconst server = tls.createServer({});\nserver.setOptions({});",
      errors: [{ messageId: 'legacyApi', line: 3, column: 1, suggestions: [] }],
    }),
    {
      code: "import https from 'node:https';\nconst server = https.createServer({});\n(server as unknown as { setOptions(o: object): void }).setOptions({});",
      errors: [{ messageId: 'legacyApi', line: 3, column: 1, suggestions: [] }],
    },
    {
      code: "import { connect } from '_tls_wrap';\nconnect(443);",
      errors: [
        {
          messageId: 'internalModule',
          line: 1,
          column: 25,
          suggestions: [{ messageId: 'useTlsModule', output: "import { connect } from 'node:tls';\nconnect(443);" }],
        },
      ],
    },
    js({
      code: 'const { TLSSocket } = require("node:_tls_wrap");\nmodule.exports = TLSSocket;',
      errors: [
        {
          messageId: 'internalModule',
          line: 1,
          column: 31,
          suggestions: [{ messageId: 'useTlsModule', output: 'const { TLSSocket } = require("node:tls");\nmodule.exports = TLSSocket;' }],
        },
      ],
    }),
    js({
      code: "const common = require('_tls_common');\nmodule.exports = common.createSecureContext({});",
      errors: [{ messageId: 'internalModule', line: 1, column: 24, suggestions: [] }],
    }),
  ],
};

export default cases;
