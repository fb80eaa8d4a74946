import type rule from '../../rules/prefer-secure-context.js';
import type { CasesOf } from '../rule-tester.js';
import { js, validJs } from '../rule-tester.js';

const TLS = "import tls from 'node:tls';\n";

const cases: CasesOf<typeof rule> = {
  valid: [
    // No TLS context options: Node's defaults with the host's identity.
    `import https from 'node:https';\nhttps.get({ hostname: 'a.example', path: '/' });`,
    `${TLS}tls.connect({ host: 'a.example', port: 443, servername: 'a.example' });`,
    // Already built by the factory.
    `${TLS}import { secureClientOptions } from 'tlsguard-runtime';\ntls.connect(secureClientOptions({ host: 'a.example', port: 443, ca: 'pem' }));`,
    // Not an inline literal: the factory may have built it elsewhere.
    `${TLS}declare const opts: tls.ConnectionOptions;\ntls.connect(opts);`,
    // Not a core TLS API.
    `declare const client: { connect(o: object): void };\nclient.connect({ ca: 'pem' });`,
    validJs(`const net = require('net');\nnet.connect({ port: 80, key: 'not tls' });`),
  ],
  invalid: [
    {
      code: `${TLS}declare const caPem: string;\ntls.connect({ host: 'db.internal', port: 5432, ca: caPem, minVersion: 'TLSv1.2' });`,
      errors: [
        {
          messageId: 'handRolled',
          data: { sink: 'tls.connect()', factory: '`secureClientOptions()`' },
          suggestions: [
            {
              messageId: 'useFactory',
              output: `${TLS}import { secureClientOptions } from 'tlsguard-runtime';\ndeclare const caPem: string;\ntls.connect(secureClientOptions({ host: 'db.internal', port: 5432, ca: caPem, minVersion: 'TLSv1.2' }));`,
            },
          ],
        },
      ],
    },
    js({
      code: `const https = require('https');\nconst fs = require('fs');\nmodule.exports = new https.Agent({ keepAlive: true, ca: fs.readFileSync('ca.pem') });`,
      errors: [
        {
          messageId: 'handRolled',
          data: { sink: 'new https.Agent()', factory: '`secureAgent()`' },
          suggestions: [
            {
              messageId: 'useFactory',
              output: `const https = require('https');\nconst fs = require('fs');\nconst { secureAgent } = require('tlsguard-runtime');\nmodule.exports = secureAgent({ keepAlive: true, ca: fs.readFileSync('ca.pem') });`,
            },
          ],
        },
      ],
    }),
    {
      code: `import { createServer } from 'node:https';\ndeclare const key: string, cert: string;\ncreateServer({ key, cert, ciphers: 'ECDHE-RSA-AES128-GCM-SHA256' }, (_req, res) => res.end());`,
      errors: [
        {
          messageId: 'handRolled',
          data: { sink: 'https.createServer()', factory: '`secureServerOptions()`' },
          suggestions: [
            {
              messageId: 'useFactory',
              output: `import { createServer } from 'node:https';\nimport { secureServerOptions } from 'tlsguard-runtime';\ndeclare const key: string, cert: string;\ncreateServer(secureServerOptions({ key, cert, ciphers: 'ECDHE-RSA-AES128-GCM-SHA256' }), (_req, res) => res.end());`,
            },
          ],
        },
      ],
    },
    {
      // Issue 17, item 19: the factory's parameter gives the literal tls.ConnectionOptions context, so
      // the method keeps its parameter types in the output (no TS7006; the harness type-checks it).
      code: `${TLS}declare const caPem: string;\ntls.connect({ host: 'a.example', port: 443, servername: 'a.example', ca: caPem, checkServerIdentity(host, cert) { return tls.checkServerIdentity(host, cert); } });`,
      errors: [
        {
          messageId: 'handRolled',
          data: { sink: 'tls.connect()', factory: '`secureClientOptions()`' },
          suggestions: [
            {
              messageId: 'useFactory',
              output: `${TLS}import { secureClientOptions } from 'tlsguard-runtime';\ndeclare const caPem: string;\ntls.connect(secureClientOptions({ host: 'a.example', port: 443, servername: 'a.example', ca: caPem, checkServerIdentity(host, cert) { return tls.checkServerIdentity(host, cert); } }));`,
            },
          ],
        },
      ],
    },
    {
      // Issue 17, item 19: maxVersion: 'TLSv1.3' stays a tls.SecureVersion in the output (no TS2769).
      code: `${TLS}tls.connect({ host: 'a.example', port: 443, servername: 'a.example', minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3' });`,
      errors: [
        {
          messageId: 'handRolled',
          data: { sink: 'tls.connect()', factory: '`secureClientOptions()`' },
          suggestions: [
            {
              messageId: 'useFactory',
              output: `${TLS}import { secureClientOptions } from 'tlsguard-runtime';\ntls.connect(secureClientOptions({ host: 'a.example', port: 443, servername: 'a.example', minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3' }));`,
            },
          ],
        },
      ],
    },
    {
      // The factory name is taken by something else: no suggestion, the message still names the way out.
      code: `${TLS}const secureClientOptions = 1;\ntls.connect({ port: 443, minVersion: 'TLSv1.3' });\nexport { secureClientOptions };`,
      errors: [{ messageId: 'handRolled', suggestions: [] }],
    },
  ],
};

export default cases;
