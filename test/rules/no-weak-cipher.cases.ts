import type rule from '../../rules/no-weak-cipher.js';
import type { CasesOf } from '../rule-tester.js';
import { js, validJs } from '../rule-tester.js';

const cases: CasesOf<typeof rule> = {
  valid: [
    // A secure context built by tls.createSecureContext() replaces the context options beside it on a client.
    "import tls from 'node:tls';\nconst ctx = tls.createSecureContext({ minVersion: 'TLSv1.2' });\ntls.connect({ host: '10.0.0.5', secureContext: ctx, ciphers: 'ALL' });",
    "import https from 'node:https';\nimport tls from 'node:tls';\nexport const agent = new https.Agent({ secureContext: tls.createSecureContext(), ciphers: 'ALL' });",
    // A cipher list kept in an array: joined when the array is only read; a `push` makes it unknown.
    "import tls from 'node:tls';\nconst LIST = ['TLS_AES_128_GCM_SHA256', 'ECDHE-RSA-AES128-GCM-SHA256'] as const;\ntls.createServer({ ciphers: LIST.join(':') });",
    "import tls from 'node:tls';\nconst LIST = ['ECDHE-RSA-AES128-GCM-SHA256'];\nif (process.env.LEGACY) LIST.push('ALL');\ntls.createServer({ ciphers: LIST.join(':') });",
    // A partly known string: only a known tail's last `@SECLEVEL` is judged; the rest depends on the unknown head.
    "import tls from 'node:tls';\ntls.DEFAULT_CIPHERS += ':!RC4';",
    "import tls from 'node:tls';\ntls.DEFAULT_CIPHERS += ':@SECLEVEL=0:@SECLEVEL=1';",
    "import tls from 'node:tls';\ndeclare const more: string;\ntls.createServer({ ciphers: `${tls.DEFAULT_CIPHERS}:@SECLEVEL=0:${more}` });",
    "import tls from 'node:tls';\ndeclare const level: number;\ntls.createServer({ ciphers: `DEFAULT:@SECLEVEL=${level}` });",
    // A weak string replaced at every place its object goes never reaches an API.
    "import tls from 'node:tls';\nconst base = { ciphers: 'ALL' };\ntls.createServer({ ...base, ciphers: 'ECDHE-RSA-AES128-GCM-SHA256' });",
    // Suites the target's OpenSSL does not have, or refuses at its security level, are not offered (Node >= 17 here: engines.node).
    "import tls from 'node:tls';\ntls.createServer({ ciphers: 'ALL' });",
    "import tls from 'node:tls';\ntls.createServer({ ciphers: 'ECDHE:DHE:!aNULL:!MD5' });",
    "import tls from 'node:tls';\ntls.connect({ host: 'a.example', ciphers: 'RC4-SHA:DES-CBC3-SHA:IDEA-CBC-SHA' });",
    {
      code: "import tls from 'node:tls';\ntls.createServer({ ciphers: 'ALL:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5' });",
      settings: { tlsguard: { node: '>=14' } },
    },
    // IDEA-CBC-SHA works only up to TLS 1.1: Node 12 - 16 (OpenSSL 1.1) do not offer it with their TLS 1.2 minimum.
    { code: "import tls from 'node:tls';\ntls.createServer({ ciphers: 'IDEA-CBC-SHA:AES128-GCM-SHA256' });", settings: { tlsguard: { node: '>=12' } } },
    // A fetch init has no TLS options: the key is inert there.
    "export const r = fetch('https://example.com', { ciphers: 'RC4-MD5', minDHSize: 512 } as RequestInit);",
    // A local object that happens to be called tls is not the module.
    { code: "const tls = { DEFAULT_CIPHERS: '' };\ntls.DEFAULT_CIPHERS = 'DEFAULT@SECLEVEL=0';\nmodule.exports = tls;", filename: 'file.js' },
    // Negated tokens remove suites for good.
    "import tls from 'node:tls';\ntls.connect({ host: 'a.example', ciphers: 'HIGH:!aNULL:!RC4' });",
    "import tls from 'node:tls';\ntls.createServer({ ciphers: 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305' });",
    {
      code: "import tls from 'node:tls';\ntls.createServer({ ciphers: 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305' });",
      options: [{ policy: 'strict' }],
    },
    // At the default security level (1) OpenSSL refuses the anonymous suites HIGH contains (policy: weakSuites).
    "import tls from 'node:tls';\ntls.connect({ host: 'a.example', ciphers: 'HIGH' });",
    // Forward secret CBC suites are weak only under the strict policy.
    "import tls from 'node:tls';\ntls.connect({ host: 'a.example', ciphers: 'ECDHE-RSA-AES128-SHA' });",
    // An empty string means Node's default list.
    "import tls from 'node:tls';\ntls.connect({ host: 'a.example', ciphers: '' });",
    // Strings Node rejects fail closed.
    "import tls from 'node:tls';\ntls.connect({ host: 'a.example', ciphers: 'ALL:!!' });",
    // Reported only when every possible value is weak; unknown values are not guessed.
    "import tls from 'node:tls';\ndeclare const legacy: boolean;\ntls.connect({ host: 'a.example', ciphers: legacy ? 'ALL' : 'ECDHE-RSA-AES128-GCM-SHA256' });",
    "import tls from 'node:tls';\ndeclare const ciphers: string;\ntls.connect({ host: 'a.example', ciphers });",
    "import tls from 'node:tls';\ntls.connect({ host: 'a.example', minDHSize: 2048 });",
    // Servers ignore minDHSize.
    "import tls from 'node:tls';\ndeclare const key: string, cert: string;\ntls.createServer({ key, cert, minDHSize: 1024 });",
    {
      code: "const tls = require('tls');\ntls.connect({ host: 'a.example', ecdhCurve: 'X25519:prime256v1:secp384r1', sigalgs: 'ECDSA+SHA256:RSA-PSS+SHA256' });",
      filename: 'file.js',
    },
    "import tls from 'node:tls';\ntls.DEFAULT_ECDH_CURVE = 'auto';",
    // Hardening bits and SSL_OP_ALL (whose BEAST bit only matters with TLS 1.0) are fine.
    "import tls from 'node:tls';\nimport { constants } from 'node:crypto';\ntls.createServer({ secureOptions: constants.SSL_OP_NO_TICKET | constants.SSL_OP_NO_RENEGOTIATION });",
    "import tls from 'node:tls';\nimport { constants } from 'node:crypto';\ntls.connect({ host: 'a.example', secureOptions: constants.SSL_OP_ALL });",
    // A client-side bit in a server's options: OpenSSL reads it on a client only.
    "import tls from 'node:tls';\nimport { constants } from 'node:crypto';\ntls.createServer({ secureOptions: constants.SSL_OP_LEGACY_SERVER_CONNECT });",
    validJs("const tls = require('tls');\nconst c = require('crypto').constants || {};\ntls.createServer({ secureOptions: c.SSL_OP_LEGACY_SERVER_CONNECT });"),
    // Neutral on Node: SSL_OP_TLS_ROLLBACK_BUG, and SSL_OP_IGNORE_UNEXPECTED_EOF (128; Node ends the stream the same way without it).
    "import tls from 'node:tls';\nimport { constants } from 'node:crypto';\ntls.connect({ host: 'a.example', secureOptions: constants.SSL_OP_TLS_ROLLBACK_BUG });",
    "import tls from 'node:tls';\ntls.connect({ host: 'a.example', secureOptions: 128 });",
    // Not exported by Node: crypto.constants.SSL_OP_NO_EXTENDED_MASTER_SECRET is undefined there.
    "import tls from 'node:tls';\nimport crypto from 'node:crypto';\ntls.connect({ host: 'a.example', secureOptions: crypto.constants.SSL_OP_NO_EXTENDED_MASTER_SECRET });",
    // A fallback that is not `{}` is not resolved: the value is unknown.
    validJs(
      "const tls = require('tls');\nconst c = require('crypto').constants || { SSL_OP_LEGACY_SERVER_CONNECT: 0 };\ntls.connect({ host: 'a.example', secureOptions: c.SSL_OP_LEGACY_SERVER_CONNECT });",
    ),
    // Both modern versions off: reported by no-legacy-tls-version.
    "import tls from 'node:tls';\nimport { constants } from 'node:crypto';\ntls.connect({ host: 'a.example', secureOptions: constants.SSL_OP_NO_TLSv1_2 | constants.SSL_OP_NO_TLSv1_3 });",
    // TLS 1.3 only is not weaker.
    "import tls from 'node:tls';\nimport { constants } from 'node:crypto';\ntls.connect({ host: 'a.example', secureOptions: constants.SSL_OP_NO_TLSv1_2 });",
    "import tls from 'node:tls';\ntls.DEFAULT_CIPHERS = 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305';",
    'const doc = "ciphers: \'ALL\'";\nexport default doc;',
    // sigalgs and ecdhCurve are judged for the target's OpenSSL and the context's security level (test/claims/weak-handshake.test.ts).
    // OpenSSL 3 (the default target, >=20.19) refuses SHA-1 handshake signatures at level 1.
    "import tls from 'node:tls';\ntls.connect({ host: 'a.example', sigalgs: 'RSA+SHA1:ECDSA+SHA256' });",
    // SHA-224 and DSA with SHA-256 are used at every level but have no shown weakness; a list with MD5 makes Node throw.
    { code: "import tls from 'node:tls';\ntls.createServer({ sigalgs: 'RSA+SHA224:DSA+SHA256' });", settings: { tlsguard: { node: '16' } } },
    { code: "import tls from 'node:tls';\ntls.createServer({ sigalgs: 'RSA+SHA1:RSA+MD5' });", settings: { tlsguard: { node: '16' } } },
    // Level 2 (Node 24.5 and later) refuses the 80-bit curves; level 3 refuses the 112-bit ones too.
    { code: "import tls from 'node:tls';\ntls.createServer({ ecdhCurve: 'prime192v1:X25519' });", settings: { tlsguard: { node: '>=24.5' } } },
    "import tls from 'node:tls';\ntls.createServer({ ecdhCurve: 'secp224r1:X25519', ciphers: 'DEFAULT:@SECLEVEL=3' });",
    // On OpenSSL 3 a client that allows TLS 1.3 with no TLS 1.3 group cannot connect at all (ERR_SSL_NO_SUITABLE_GROUPS).
    "import tls from 'node:tls';\ntls.connect({ host: 'a.example', ecdhCurve: 'secp224r1:brainpoolP256r1' });",
    // A name Node rejects (prime239v1 is not a TLS group; names are case-sensitive) makes it throw: nothing is offered.
    "import tls from 'node:tls';\ntls.createServer({ ecdhCurve: 'secp224r1:prime239v1' });",
    "import tls from 'node:tls';\ntls.createServer({ ecdhCurve: 'SECP224R1' });",
  ],
  invalid: [
    {
      // A range spanning OpenSSL 1.1 (Node 10 - 16) and 3: SEED exists only in the older one, and the message says so.
      code: "import tls from 'node:tls';\ntls.createServer({ ciphers: 'SEED-SHA:ECDHE-RSA-AES128-GCM-SHA256' });",
      options: [{ policy: 'strict' }],
      settings: { tlsguard: { node: '>=14' } },
      errors: [
        {
          messageId: 'weakCiphers',
          data: {
            option: 'ciphers',
            count: '1 weak cipher suite',
            where: ' on Node 16 and older',
            reasons: 'no forward secrecy, not AEAD',
            suites: 'SEED-SHA',
            impact:
              "whoever later obtains the server's private key can decrypt recorded traffic of the suites without forward secrecy; the CBC suites use MAC-then-encrypt, the construction behind padding-oracle attacks such as Lucky13",
          },
          line: 2,
          column: 20,
          suggestions: [
            {
              messageId: 'useProfileCiphers',
              output:
                "import tls from 'node:tls';\ntls.createServer({ ciphers: 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305' });",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\ntls.createServer({ ciphers: 'ALL:@SECLEVEL=0', minVersion: 'TLSv1.2' });",
      errors: [
        {
          messageId: 'weakCiphers',
          data: {
            option: 'ciphers',
            count: '12 weak cipher suites',
            where: '',
            reasons: 'anonymous (no authentication)',
            suites: 'ADH-AES256-GCM-SHA384, ADH-AES128-GCM-SHA256, ADH-AES256-SHA256 and 9 more',
            impact:
              'an anonymous suite carries no certificate, so the peer is authenticated by nothing (a Node client with verification on refuses it; one without accepts anyone)',
          },
          line: 2,
          column: 20,
          suggestions: [
            {
              messageId: 'useProfileCiphers',
              output:
                "import tls from 'node:tls';\ntls.createServer({ ciphers: 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305', minVersion: 'TLSv1.2' });",
            },
          ],
        },
      ],
    },
    {
      // Servers do not take `secureContext`: the ciphers beside it are used.
      code: "import tls from 'node:tls';\ntls.createServer({ secureContext: tls.createSecureContext(), ciphers: 'ALL:@SECLEVEL=0' } as tls.TlsOptions);",
      errors: [
        {
          messageId: 'weakCiphers',
          line: 2,
          column: 62,
          suggestions: [
            {
              messageId: 'useProfileCiphers',
              output:
                "import tls from 'node:tls';\ntls.createServer({ secureContext: tls.createSecureContext(), ciphers: 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305' } as tls.TlsOptions);",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\ntls.createServer({ ciphers: ['aNULL', '@SECLEVEL=0'].join(':') });",
      errors: [
        {
          messageId: 'weakCiphers',
          line: 2,
          column: 20,
          suggestions: [
            {
              messageId: 'useProfileCiphers',
              output:
                "import tls from 'node:tls';\ntls.createServer({ ciphers: 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305' });",
            },
          ],
        },
      ],
    },
    {
      // `@SECLEVEL=0` appended to the current default: the last level set wins, whatever the head holds.
      code: "import tls from 'node:tls';\ntls.DEFAULT_CIPHERS += ':@SECLEVEL=0';",
      errors: [{ messageId: 'secLevelZero', line: 2, column: 1, suggestions: [] }],
    },
    {
      code: "import tls from 'node:tls';\ntls.DEFAULT_CIPHERS = tls.DEFAULT_CIPHERS + ':@SECLEVEL=0';",
      errors: [
        {
          messageId: 'secLevelZero',
          line: 2,
          column: 1,
          suggestions: [
            {
              messageId: 'useProfileCiphers',
              output:
                "import tls from 'node:tls';\ntls.DEFAULT_CIPHERS = 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305';",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\ntls.connect({ host: '10.0.0.1', ciphers: `${tls.DEFAULT_CIPHERS}:@SECLEVEL=0` });",
      errors: [
        {
          messageId: 'secLevelZero',
          line: 2,
          column: 33,
          suggestions: [
            {
              messageId: 'useProfileCiphers',
              output:
                "import tls from 'node:tls';\ntls.connect({ host: '10.0.0.1', ciphers: 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305' });",
            },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect(secureClientOptions({ host: '10.0.0.1' }));",
            },
          ],
        },
      ],
    },
    // Declared security level 0 (an OpenSSL configured down): HIGH's anonymous suites are usable.
    {
      code: "import tls from 'node:tls';\ntls.connect({ host: 'a.example', ciphers: 'HIGH' });",
      options: [{ securityLevel: 0 }],
      errors: [
        {
          messageId: 'weakCiphers',
          suggestions: [
            {
              messageId: 'useProfileCiphers',
              output:
                "import tls from 'node:tls';\ntls.connect({ host: 'a.example', ciphers: 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305' });",
            },
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
      code: "import tls from 'node:tls';\ntls.createServer({ ciphers: 'eNULL:@SECLEVEL=0' });",
      errors: [
        {
          messageId: 'weakCiphers',
          line: 2,
          column: 20,
          suggestions: [
            {
              messageId: 'useProfileCiphers',
              output:
                "import tls from 'node:tls';\ntls.createServer({ ciphers: 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305' });",
            },
          ],
        },
      ],
    },
    // !DES removes single DES only: 3DES and IDEA remain.
    js({
      code: "const tls = require('tls');\ntls.connect({ host: 'a.example', ciphers: 'ALL:!eNULL:!EXPORT:!DES:!RC4:!MD5:@SECLEVEL=0' });",
      errors: [
        {
          messageId: 'weakCiphers',
          line: 2,
          column: 34,
          suggestions: [
            {
              messageId: 'useProfileCiphers',
              output:
                "const tls = require('tls');\ntls.connect({ host: 'a.example', ciphers: 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305' });",
            },
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
      code: "import tls from 'node:tls';\ntls.connect({ host: 'a.example', ciphers: 'NULL-SHA256:@SECLEVEL=0' });",
      errors: [
        {
          messageId: 'weakCiphers',
          line: 2,
          column: 34,
          suggestions: [
            {
              messageId: 'useProfileCiphers',
              output:
                "import tls from 'node:tls';\ntls.connect({ host: 'a.example', ciphers: 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305' });",
            },
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
      code: "import tls from 'node:tls';\ntls.createServer({ ciphers: 'DEFAULT:@SECLEVEL=0' });",
      errors: [
        {
          messageId: 'secLevelZero',
          line: 2,
          column: 20,
          suggestions: [
            { messageId: 'removeSecLevel', output: "import tls from 'node:tls';\ntls.createServer({ ciphers: 'DEFAULT' });" },
            {
              messageId: 'useProfileCiphers',
              output:
                "import tls from 'node:tls';\ntls.createServer({ ciphers: 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305' });",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\ntls.createServer({ ciphers: 'ALL:@SECLEVEL=0' });",
      errors: [
        {
          messageId: 'weakCiphers',
          line: 2,
          column: 20,
          suggestions: [
            {
              messageId: 'useProfileCiphers',
              output:
                "import tls from 'node:tls';\ntls.createServer({ ciphers: 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305' });",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\nconst CIPHERS = 'ALL:!eNULL:@SECLEVEL=0';\nconst opts = { ciphers: CIPHERS };\ntls.connect(opts);",
      errors: [
        {
          messageId: 'weakCiphers',
          line: 3,
          column: 16,
          suggestions: [
            {
              messageId: 'useProfileCiphers',
              output:
                "import tls from 'node:tls';\nconst CIPHERS = 'ALL:!eNULL:@SECLEVEL=0';\nconst opts = { ciphers: 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305' };\ntls.connect(opts);",
            },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\nconst CIPHERS = 'ALL:!eNULL:@SECLEVEL=0';\nconst opts = secureClientOptions();\ntls.connect(opts);",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\nconst base = { ciphers: 'AECDH-AES128-SHA:@SECLEVEL=0' as const };\ntls.connect({ ...base, host: 'a.example' });",
      errors: [
        {
          messageId: 'weakCiphers',
          line: 2,
          column: 16,
          suggestions: [
            {
              messageId: 'useProfileCiphers',
              output:
                "import tls from 'node:tls';\nconst base = { ciphers: 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305' as const };\ntls.connect({ ...base, host: 'a.example' });",
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
      code: "import tls from 'node:tls';\nconst opts: tls.ConnectionOptions = { host: 'a.example' };\nopts.ciphers = 'ADH-AES128-SHA:@SECLEVEL=0';\ntls.connect(opts);",
      errors: [
        {
          messageId: 'weakCiphers',
          line: 3,
          column: 1,
          suggestions: [
            {
              messageId: 'useProfileCiphers',
              output:
                "import tls from 'node:tls';\nconst opts: tls.ConnectionOptions = { host: 'a.example' };\nopts.ciphers = 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305';\ntls.connect(opts);",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\nexport class Server {\n  readonly options = { ciphers: 'IDEA-CBC-SHA' };\n  start() {\n    return tls.createServer(this.options);\n  }\n}",
      // Node 10 and 11 (OpenSSL 1.1, `tls.DEFAULT_MIN_VERSION` TLS 1.0) offer IDEA-CBC-SHA; Node 12+ needs TLS <= 1.1 for it, OpenSSL 3 lacks it.
      settings: { tlsguard: { node: '>=10' } },
      errors: [
        {
          messageId: 'weakCiphers',
          line: 3,
          column: 24,
          suggestions: [
            {
              messageId: 'useProfileCiphers',
              output:
                "import tls from 'node:tls';\nexport class Server {\n  readonly options = { ciphers: 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305' };\n  start() {\n    return tls.createServer(this.options);\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      code: "import { Agent } from 'node:https';\nexport const agent = new Agent({ ciphers: 'SSLv3' } satisfies import('node:https').AgentOptions);",
      // SSLv3 selects the CBC-SHA1 suites: strong ciphers on OpenSSL 3, but neither AEAD nor all forward secret.
      options: [{ policy: 'strict' }],
      errors: [
        {
          messageId: 'weakCiphers',
          line: 2,
          column: 34,
          suggestions: [
            {
              messageId: 'useProfileCiphers',
              output:
                "import { Agent } from 'node:https';\nexport const agent = new Agent({ ciphers: 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305' } satisfies import('node:https').AgentOptions);",
            },
            {
              messageId: 'useFactory',
              output: "import { Agent } from 'node:https';\nimport { secureAgent } from 'tlsguard-runtime';\nexport const agent = secureAgent();",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\ndeclare const legacy: boolean;\ntls.connect({ host: 'a.example', ciphers: legacy ? 'ALL:@SECLEVEL=0' : 'aNULL:@SECLEVEL=0' });",
      errors: [
        {
          messageId: 'weakCiphers',
          line: 3,
          column: 34,
          suggestions: [
            {
              messageId: 'useProfileCiphers',
              output:
                "import tls from 'node:tls';\ndeclare const legacy: boolean;\ntls.connect({ host: 'a.example', ciphers: 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305' });",
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
    {
      code: "import tls from 'node:tls';\ntls.createServer({ ciphers: 'ECDHE-RSA-AES128-SHA:AES128-GCM-SHA256' });",
      options: [{ policy: 'strict' }],
      errors: [
        {
          messageId: 'weakCiphers',
          line: 2,
          column: 20,
          suggestions: [
            {
              messageId: 'useProfileCiphers',
              output:
                "import tls from 'node:tls';\ntls.createServer({ ciphers: 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305' });",
            },
          ],
        },
      ],
    },
    js({
      // An undeclared `tls` is the REPL's built-in module: this is the process-wide default.
      code: "tls.DEFAULT_CIPHERS = 'DEFAULT@SECLEVEL=0';",
      errors: [
        {
          messageId: 'secLevelZero',
          line: 1,
          column: 1,
          suggestions: [
            {
              messageId: 'useProfileCiphers',
              output:
                "tls.DEFAULT_CIPHERS = 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305';",
            },
          ],
        },
      ],
    }),
    {
      code: "import tls from 'node:tls';\ntls.DEFAULT_CIPHERS = 'NULL-SHA:@SECLEVEL=0';",
      errors: [
        {
          messageId: 'weakCiphers',
          line: 2,
          column: 1,
          suggestions: [
            {
              messageId: 'useProfileCiphers',
              output:
                "import tls from 'node:tls';\ntls.DEFAULT_CIPHERS = 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305';",
            },
          ],
        },
      ],
    },
    js({
      code: "const tls = require('tls');\ntls.connect({ host: 'a.example', minDHSize: 1024 });",
      errors: [
        {
          messageId: 'smallDh',
          line: 2,
          column: 34,
          suggestions: [
            { messageId: 'raiseDhSize', output: "const tls = require('tls');\ntls.connect({ host: 'a.example', minDHSize: 2048 });" },
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
      code: "import tls from 'node:tls';\nconst opts: tls.ConnectionOptions = { host: 'a.example' };\nObject.assign(opts, { minDHSize: 512 });\ntls.connect(opts);",
      errors: [
        {
          messageId: 'smallDh',
          line: 3,
          column: 23,
          suggestions: [
            {
              messageId: 'raiseDhSize',
              output:
                "import tls from 'node:tls';\nconst opts: tls.ConnectionOptions = { host: 'a.example' };\nObject.assign(opts, { minDHSize: 2048 });\ntls.connect(opts);",
            },
          ],
        },
      ],
    },
    {
      // The default target (>=20.19) reaches level 2 at Node 24.5, which refuses the 80-bit secp192r1.
      code: "import tls from 'node:tls';\ntls.connect({ host: 'a.example', ecdhCurve: 'secp192r1:prime256v1' });",
      errors: [
        {
          messageId: 'weakCurves',
          data: { option: 'ecdhCurve', names: 'secp192r1', where: ' before Node 24.5' },
          line: 2,
          column: 34,
          suggestions: [
            { messageId: 'dropWeakEntries', output: "import tls from 'node:tls';\ntls.connect({ host: 'a.example', ecdhCurve: 'prime256v1' });" },
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
      code: "import tls from 'node:tls';\ntls.createServer({ ecdhCurve: 'secp224r1' });",
      errors: [
        {
          messageId: 'weakCurves',
          data: { option: 'ecdhCurve', names: 'secp224r1', where: '' },
          line: 2,
          column: 20,
          suggestions: [{ messageId: 'removeOption', output: "import tls from 'node:tls';\ntls.createServer({});" }],
        },
      ],
    },
    js({
      code: "const tls = require('tls');\ntls.DEFAULT_ECDH_CURVE = 'prime192v1:X25519';",
      errors: [
        {
          messageId: 'weakCurves',
          data: { option: 'tls.DEFAULT_ECDH_CURVE', names: 'prime192v1', where: ' before Node 24.5' },
          line: 2,
          column: 1,
          suggestions: [{ messageId: 'dropWeakEntries', output: "const tls = require('tls');\ntls.DEFAULT_ECDH_CURVE = 'X25519';" }],
        },
      ],
    }),
    {
      // A TLS 1.2 client offers the group on OpenSSL 3 too; level 0 lets the 80-bit curves back in on Node 24.5 and later.
      code: "import tls from 'node:tls';\ntls.connect({ host: 'a.example', ecdhCurve: 'prime192v1:secp224r1', maxVersion: 'TLSv1.2', ciphers: 'DEFAULT:@SECLEVEL=0' });",
      settings: { tlsguard: { node: '>=20' } },
      errors: [
        {
          messageId: 'weakCurves',
          data: { option: 'ecdhCurve', names: 'prime192v1, secp224r1', where: '' },
          line: 2,
          column: 34,
          suggestions: [
            {
              messageId: 'removeOption',
              output: "import tls from 'node:tls';\ntls.connect({ host: 'a.example', maxVersion: 'TLSv1.2', ciphers: 'DEFAULT:@SECLEVEL=0' });",
            },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect(secureClientOptions({ host: 'a.example', maxVersion: 'TLSv1.2' }));",
            },
          ],
        },
        {
          messageId: 'secLevelZero',
          line: 2,
          column: 92,
          suggestions: [
            {
              messageId: 'removeSecLevel',
              output:
                "import tls from 'node:tls';\ntls.connect({ host: 'a.example', ecdhCurve: 'prime192v1:secp224r1', maxVersion: 'TLSv1.2', ciphers: 'DEFAULT' });",
            },
            {
              messageId: 'useProfileCiphers',
              output:
                "import tls from 'node:tls';\ntls.connect({ host: 'a.example', ecdhCurve: 'prime192v1:secp224r1', maxVersion: 'TLSv1.2', ciphers: 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305' });",
            },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect(secureClientOptions({ host: 'a.example', maxVersion: 'TLSv1.2' }));",
            },
          ],
        },
      ],
    },
    {
      // OpenSSL 1.1.1 negotiates it in TLS 1.3 too, so a client allowing TLS 1.3 gets it; OpenSSL 3 cannot connect with it alone.
      code: "import tls from 'node:tls';\ntls.connect({ host: 'a.example', ecdhCurve: 'secp224r1' });",
      settings: { tlsguard: { node: '>=14' } },
      errors: [
        {
          messageId: 'weakCurves',
          data: { option: 'ecdhCurve', names: 'secp224r1', where: ' on Node 16 and older' },
          line: 2,
          column: 34,
          suggestions: [
            { messageId: 'removeOption', output: "import tls from 'node:tls';\ntls.connect({ host: 'a.example' });" },
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
      // OpenSSL 1.1.1 (Node 16) signs and accepts SHA-1 at its default level 1.
      code: "import tls from 'node:tls';\ntls.connect({ host: 'a.example', sigalgs: 'RSA+SHA1:ECDSA+SHA256' });",
      settings: { tlsguard: { node: '16' } },
      errors: [
        {
          messageId: 'weakSigalgs',
          data: { option: 'sigalgs', names: 'RSA+SHA1', where: '' },
          line: 2,
          column: 34,
          suggestions: [
            { messageId: 'dropWeakEntries', output: "import tls from 'node:tls';\ntls.connect({ host: 'a.example', sigalgs: 'ECDSA+SHA256' });" },
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
      // A range spanning both families: SHA-1 is usable on the OpenSSL 1.1.1 part only, and the message says so.
      code: "import tls from 'node:tls';\ntls.createSecureContext({ sigalgs: 'RSA+SHA1:rsa_pkcs1_sha1:DSA+SHA256' });",
      settings: { tlsguard: { node: '>=14' } },
      errors: [
        {
          messageId: 'weakSigalgs',
          data: { option: 'sigalgs', names: 'RSA+SHA1, rsa_pkcs1_sha1', where: ' on Node 16 and older' },
          line: 2,
          column: 27,
          suggestions: [{ messageId: 'dropWeakEntries', output: "import tls from 'node:tls';\ntls.createSecureContext({ sigalgs: 'DSA+SHA256' });" }],
        },
      ],
    },
    {
      // OpenSSL 3 uses SHA-1 signatures at level 0: the bag's own `@SECLEVEL=0` counts.
      code: "import tls from 'node:tls';\ntls.createServer({ sigalgs: 'ECDSA+SHA1', ciphers: 'DEFAULT:@SECLEVEL=0' });",
      settings: { tlsguard: { node: '>=20' } },
      errors: [
        {
          messageId: 'weakSigalgs',
          data: { option: 'sigalgs', names: 'ECDSA+SHA1', where: '' },
          line: 2,
          column: 20,
          suggestions: [{ messageId: 'removeOption', output: "import tls from 'node:tls';\ntls.createServer({ ciphers: 'DEFAULT:@SECLEVEL=0' });" }],
        },
        {
          messageId: 'secLevelZero',
          line: 2,
          column: 43,
          suggestions: [
            { messageId: 'removeSecLevel', output: "import tls from 'node:tls';\ntls.createServer({ sigalgs: 'ECDSA+SHA1', ciphers: 'DEFAULT' });" },
            {
              messageId: 'useProfileCiphers',
              output:
                "import tls from 'node:tls';\ntls.createServer({ sigalgs: 'ECDSA+SHA1', ciphers: 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305' });",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\nimport { constants } from 'node:crypto';\ntls.connect({ host: 'a.example', secureOptions: constants.SSL_OP_LEGACY_SERVER_CONNECT | constants.SSL_OP_NO_TICKET });",
      errors: [
        {
          messageId: 'weakSecureOptions',
          line: 3,
          column: 34,
          suggestions: [
            {
              messageId: 'removeFlags',
              output:
                "import tls from 'node:tls';\nimport { constants } from 'node:crypto';\ntls.connect({ host: 'a.example', secureOptions: constants.SSL_OP_NO_TICKET });",
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
    // SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION weakens a server too: it renegotiates with a client without RFC 5746.
    js({
      code: "const tls = require('node:tls');\nconst crypto = require('crypto');\ntls.createServer({ secureOptions: crypto.constants.SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION });",
      errors: [
        {
          messageId: 'weakSecureOptions',
          data: {
            names: 'SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION',
            reasons: 'lets a server renegotiate with, and a client connect to, a peer without secure renegotiation (RFC 5746), the fix for CVE-2009-3555',
            them: 'it',
          },
          line: 3,
          column: 20,
          suggestions: [{ messageId: 'removeFlags', output: "const tls = require('node:tls');\nconst crypto = require('crypto');\ntls.createServer({});" }],
        },
      ],
    }),
    // whistle 2.10.10 lib/util/index.js: `crypto.constants || {}` is crypto.constants; the options go to a client.
    js({
      code: "var crypto = require('crypto');\nvar cryptoConsts = crypto.constants || {};\nfunction setSecureOptions(options) {\n  var secureOptions = cryptoConsts.SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION;\n  if (secureOptions) {\n    options.secureOptions = secureOptions;\n  }\n  return options;\n}\nexports.setSecureOptions = setSecureOptions;",
      errors: [
        {
          messageId: 'weakSecureOptions',
          data: {
            names: 'SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION',
            reasons: 'lets a server renegotiate with, and a client connect to, a peer without secure renegotiation (RFC 5746), the fix for CVE-2009-3555',
            them: 'it',
          },
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: 'removeFlags',
              output:
                "var crypto = require('crypto');\nvar cryptoConsts = crypto.constants || {};\nfunction setSecureOptions(options) {\n  var secureOptions = cryptoConsts.SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION;\n  if (secureOptions) {\n  }\n  return options;\n}\nexports.setSecureOptions = setSecureOptions;",
            },
          ],
        },
      ],
    }),
    // Destructured from require('constants'), combined with `|`: only the weakening term goes.
    js({
      code: "const tls = require('tls');\nconst { SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION, SSL_OP_NO_TICKET } = require('constants');\ntls.connect({ host: 'a.example', secureOptions: SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION | SSL_OP_NO_TICKET });",
      errors: [
        {
          messageId: 'weakSecureOptions',
          data: {
            names: 'SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION',
            reasons: 'lets a server renegotiate with, and a client connect to, a peer without secure renegotiation (RFC 5746), the fix for CVE-2009-3555',
            them: 'it',
          },
          line: 3,
          column: 34,
          suggestions: [
            {
              messageId: 'removeFlags',
              output:
                "const tls = require('tls');\nconst { SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION, SSL_OP_NO_TICKET } = require('constants');\ntls.connect({ host: 'a.example', secureOptions: SSL_OP_NO_TICKET });",
            },
            {
              messageId: 'useFactory',
              output:
                "const tls = require('tls');\nconst { SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION, SSL_OP_NO_TICKET } = require('constants');\nconst { secureClientOptions } = require('tlsguard-runtime');\ntls.connect(secureClientOptions({ host: 'a.example' }));",
            },
          ],
        },
      ],
    }),
    // SSL_OP_ALLOW_NO_DHE_KEX: a server or a client resumes TLS 1.3 sessions without (EC)DHE.
    {
      code: "import tls from 'node:tls';\nimport { constants } from 'node:crypto';\ntls.connect({ host: 'a.example', secureOptions: constants.SSL_OP_ALLOW_NO_DHE_KEX });",
      errors: [
        {
          messageId: 'weakSecureOptions',
          data: { names: 'SSL_OP_ALLOW_NO_DHE_KEX', reasons: 'allows TLS 1.3 PSK resumption without (EC)DHE, losing forward secrecy', them: 'it' },
          line: 3,
          column: 34,
          suggestions: [
            { messageId: 'removeFlags', output: "import tls from 'node:tls';\nimport { constants } from 'node:crypto';\ntls.connect({ host: 'a.example' });" },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { constants } from 'node:crypto';\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect(secureClientOptions({ host: 'a.example' }));",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\nimport { constants } from 'node:crypto';\ntls.createServer({ secureOptions: constants.SSL_OP_ALLOW_NO_DHE_KEX | constants.SSL_OP_NO_TICKET });",
      errors: [
        {
          messageId: 'weakSecureOptions',
          data: { names: 'SSL_OP_ALLOW_NO_DHE_KEX', reasons: 'allows TLS 1.3 PSK resumption without (EC)DHE, losing forward secrecy', them: 'it' },
          line: 3,
          column: 20,
          suggestions: [
            {
              messageId: 'removeFlags',
              output: "import tls from 'node:tls';\nimport { constants } from 'node:crypto';\ntls.createServer({ secureOptions: constants.SSL_OP_NO_TICKET });",
            },
          ],
        },
      ],
    },
    // A secure context may serve a client: the client-side bits count.
    {
      code: "import tls from 'node:tls';\nimport { constants } from 'node:crypto';\ntls.createSecureContext({ secureOptions: constants.SSL_OP_LEGACY_SERVER_CONNECT });",
      errors: [
        {
          messageId: 'weakSecureOptions',
          data: { names: 'SSL_OP_LEGACY_SERVER_CONNECT', reasons: 'allows connecting to servers without secure renegotiation (RFC 5746)', them: 'it' },
          line: 3,
          column: 27,
          suggestions: [
            { messageId: 'removeFlags', output: "import tls from 'node:tls';\nimport { constants } from 'node:crypto';\ntls.createSecureContext({});" },
          ],
        },
      ],
    },
    // Node does not export SSL_OP_NO_EXTENDED_MASTER_SECRET, but passes the number through.
    {
      code: "import tls from 'node:tls';\ntls.connect({ host: 'a.example', secureOptions: 1 });",
      errors: [
        {
          messageId: 'weakSecureOptions',
          data: {
            names: 'SSL_OP_NO_EXTENDED_MASTER_SECRET',
            reasons: 'disables the extended master secret (RFC 7627), re-opening triple-handshake attacks',
            them: 'it',
          },
          line: 2,
          column: 34,
          suggestions: [
            { messageId: 'removeFlags', output: "import tls from 'node:tls';\ntls.connect({ host: 'a.example' });" },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect(secureClientOptions({ host: 'a.example' }));",
            },
          ],
        },
      ],
    },
    // SSL_OP_TLS_ROLLBACK_BUG is neutral: it stays.
    {
      code: "import tls from 'node:tls';\nimport { constants } from 'node:crypto';\ntls.connect({ host: 'a.example', secureOptions: constants.SSL_OP_NO_ENCRYPT_THEN_MAC | constants.SSL_OP_TLS_ROLLBACK_BUG });",
      errors: [
        {
          messageId: 'weakSecureOptions',
          data: { names: 'SSL_OP_NO_ENCRYPT_THEN_MAC', reasons: 'disables encrypt-then-MAC for CBC suites (padding-oracle exposure)', them: 'it' },
          line: 3,
          column: 34,
          suggestions: [
            {
              messageId: 'removeFlags',
              output:
                "import tls from 'node:tls';\nimport { constants } from 'node:crypto';\ntls.connect({ host: 'a.example', secureOptions: constants.SSL_OP_TLS_ROLLBACK_BUG });",
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
    {
      code: "import tls from 'node:tls';\nimport { constants } from 'node:crypto';\ntls.connect({ host: 'a.example', secureOptions: constants.SSL_OP_NO_TLSv1_3 });",
      errors: [
        {
          messageId: 'weakSecureOptions',
          line: 3,
          column: 34,
          suggestions: [
            { messageId: 'removeFlags', output: "import tls from 'node:tls';\nimport { constants } from 'node:crypto';\ntls.connect({ host: 'a.example' });" },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { constants } from 'node:crypto';\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect(secureClientOptions({ host: 'a.example' }));",
            },
          ],
        },
      ],
    },
    {
      code: "import tls from 'node:tls';\ntls.connect({ host: 'a.example', secureOptions: 262148 });",
      errors: [
        {
          messageId: 'weakSecureOptions',
          line: 2,
          column: 34,
          suggestions: [
            { messageId: 'removeFlags', output: "import tls from 'node:tls';\ntls.connect({ host: 'a.example' });" },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect(secureClientOptions({ host: 'a.example' }));",
            },
          ],
        },
      ],
    },
    // With TLS 1.0 allowed, SSL_OP_ALL turns the BEAST countermeasure off.
    {
      code: "import tls from 'node:tls';\nimport { constants } from 'node:crypto';\ntls.connect({ host: 'a.example', minVersion: 'TLSv1', secureOptions: constants.SSL_OP_ALL });",
      errors: [
        {
          messageId: 'weakSecureOptions',
          line: 3,
          column: 55,
          suggestions: [
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { constants } from 'node:crypto';\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect(secureClientOptions({ host: 'a.example' }));",
            },
          ],
        },
      ],
    },
  ],
};

export default cases;
