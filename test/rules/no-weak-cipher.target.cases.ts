/**
 * `no-weak-cipher` and the target's Node (settings.tlsguard.node): each group of versions judges a
 * `ciphers` string as its own Node evaluates it (src/policy/ciphers/judge.ts). Node <= 16 (OpenSSL
 * 1.1.1) refuses a string whose TLS 1.3 half names a suite it has not compiled in; Node <= 20.9 and
 * 18.x put `!TLS_…` entries in the TLS <= 1.2 list (node-releases.ts SPLITS_NEGATED_TLS13); a string
 * without TLS <= 1.2 entries raises the minimum to TLS 1.3 where the maximum is TLS 1.3, so the
 * TLS <= 1.2 suites its TLS 1.3 half names are not offered. Shown on real Node in
 * test/policy/node16-oracle.test.ts and node-split-oracle.test.ts.
 */
import type rule from '../../rules/no-weak-cipher.js';
import type { CasesOf } from '../rule-tester.js';
import { PROFILES } from '../../src/policy/index.js';

const PROFILE = PROFILES.intermediate.ciphers;
const SWEET32 = 'a 64-bit block cipher leaks plaintext in long connections (Sweet32)';
const NO_FS_NOT_AEAD =
  "whoever later obtains the server's private key can decrypt recorded traffic of the suites without forward secrecy; the CBC suites use MAC-then-encrypt, the construction behind padding-oracle attacks such as Lucky13";

const cases: CasesOf<typeof rule> = {
  valid: [
    // Node 16 refuses the whole string for TLS_FOO (createSecureContext throws); Node 17+ skip it and have no IDEA.
    {
      code: "import tls from 'node:tls';\ntls.connect({ host: 'a.example', minVersion: 'TLSv1', ciphers: 'TLS_FOO:TLS_AES_128_GCM_SHA256:IDEA-CBC-SHA:AES128-GCM-SHA256' });",
      settings: { tlsguard: { node: '>=16' } },
    },
    // Node 16 refuses a TLS 1.3 half naming RC4 (not compiled into its OpenSSL 1.1.1), so IDEA-CBC-SHA is never offered.
    {
      code: "import tls from 'node:tls';\ntls.connect({ host: 'a.example', minVersion: 'TLSv1', ciphers: 'TLS_RSA_WITH_RC4_128_SHA:TLS_AES_128_GCM_SHA256:IDEA-CBC-SHA' });",
      settings: { tlsguard: { node: '16' } },
    },
    // Only TLS_ entries: Node raises the minimum to TLS 1.3, so the IDEA suite named there is not offered.
    {
      code: "import tls from 'node:tls';\ntls.connect({ host: 'a.example', minVersion: 'TLSv1', ciphers: 'TLS_RSA_WITH_IDEA_CBC_SHA:TLS_AES_128_GCM_SHA256' });",
      settings: { tlsguard: { node: '>=16' } },
    },
    {
      code: "import tls from 'node:tls';\ntls.createServer({ ciphers: 'TLS_RSA_WITH_AES_128_CBC_SHA:TLS_AES_128_GCM_SHA256' });",
      options: [{ policy: 'strict' }],
    },
    // From Node 20.10 / 21 `!TLS_…` goes to the TLS 1.3 half: no TLS <= 1.2 entries, so TLS 1.3 only.
    {
      code: "import tls from 'node:tls';\ntls.createServer({ ciphers: 'TLS_AES_128_GCM_SHA256:!TLS_CHACHA20_POLY1305_SHA256:TLS_RSA_WITH_AES_128_CBC_SHA' });",
      options: [{ policy: 'strict' }],
      settings: { tlsguard: { node: '>=20.10' } },
    },
  ],
  invalid: [
    {
      // With `maxVersion: 'TLSv1.1'` Node does not raise the minimum, so Node 16 offers the IDEA suite of the TLS 1.3 half.
      code: "import tls from 'node:tls';\ntls.connect({ host: 'a.example', minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'TLS_RSA_WITH_IDEA_CBC_SHA:TLS_AES_128_GCM_SHA256' });",
      settings: { tlsguard: { node: '>=16' } },
      errors: [
        {
          messageId: 'weakCiphers',
          data: {
            option: 'ciphers',
            count: '1 weak cipher suite',
            where: ' on Node 16 and older',
            reasons: 'IDEA (64-bit block)',
            suites: 'IDEA-CBC-SHA',
            impact: SWEET32,
          },
          line: 2,
          column: 78,
          suggestions: [
            {
              messageId: 'useProfileCiphers',
              output: `import tls from 'node:tls';\ntls.connect({ host: 'a.example', minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: '${PROFILE}' });`,
            },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect(secureClientOptions({ host: 'a.example', ciphers: 'TLS_RSA_WITH_IDEA_CBC_SHA:TLS_AES_128_GCM_SHA256' }));",
            },
          ],
        },
      ],
    },
    {
      // Before Node 20.10 (and on all of 18.x) `!TLS_…` lands in the TLS <= 1.2 list: the string has TLS <= 1.2
      // entries, so the minimum stays TLS 1.2 and AES128-SHA, named in the TLS 1.3 half, is offered.
      code: "import tls from 'node:tls';\ntls.createServer({ ciphers: 'TLS_AES_128_GCM_SHA256:!TLS_CHACHA20_POLY1305_SHA256:TLS_RSA_WITH_AES_128_CBC_SHA' });",
      options: [{ policy: 'strict' }],
      settings: { tlsguard: { node: '>=18' } },
      errors: [
        {
          messageId: 'weakCiphers',
          data: {
            option: 'ciphers',
            count: '1 weak cipher suite',
            where: ' before Node 20.10',
            reasons: 'no forward secrecy, not AEAD',
            suites: 'AES128-SHA',
            impact: NO_FS_NOT_AEAD,
          },
          line: 2,
          column: 20,
          suggestions: [{ messageId: 'useProfileCiphers', output: `import tls from 'node:tls';\ntls.createServer({ ciphers: '${PROFILE}' });` }],
        },
      ],
    },
    {
      // Node 16 accepts the string (no TLS_FOO), and offers IDEA-CBC-SHA where TLS 1.0/1.1 can be negotiated.
      code: "import tls from 'node:tls';\ntls.connect({ host: 'a.example', minVersion: 'TLSv1', ciphers: 'TLS_AES_128_GCM_SHA256:IDEA-CBC-SHA:AES128-GCM-SHA256' });",
      settings: { tlsguard: { node: '>=16' } },
      errors: [
        {
          messageId: 'weakCiphers',
          data: {
            option: 'ciphers',
            count: '1 weak cipher suite',
            where: ' on Node 16 and older',
            reasons: 'IDEA (64-bit block)',
            suites: 'IDEA-CBC-SHA',
            impact: SWEET32,
          },
          line: 2,
          column: 55,
          suggestions: [
            {
              messageId: 'useProfileCiphers',
              output: `import tls from 'node:tls';\ntls.connect({ host: 'a.example', minVersion: 'TLSv1', ciphers: '${PROFILE}' });`,
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
  ],
};

export default cases;
