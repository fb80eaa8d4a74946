import type rule from '../../rules/no-unverified-hostname.js';
import type { CasesOf } from '../rule-tester.js';
import { js, validJs } from '../rule-tester.js';

const TLS = "import tls from 'node:tls';\n";

const cases: CasesOf<typeof rule> = {
  valid: [
    // Servers and secure contexts never call checkServerIdentity.
    "import tls from 'node:tls';\ntls.createServer({ checkServerIdentity: () => undefined } as tls.TlsOptions);",
    // Replaced wherever it goes: by a later key, or by the options of the request's https.Agent.
    "import tls from 'node:tls';\nconst base = { checkServerIdentity: () => undefined };\ntls.connect({ ...base, host: '10.0.0.5', checkServerIdentity: tls.checkServerIdentity });",
    "import https from 'node:https';\nimport tls from 'node:tls';\nconst agent = new https.Agent({ checkServerIdentity: tls.checkServerIdentity });\nhttps.get('https://a.example', { agent, checkServerIdentity: () => undefined });",
    // Replacing tls.checkServerIdentity by a wrapper that returns the saved original's result on every
    // path keeps Node's check (whistle 2.10.10, index.js; a throw of the original becomes a returned Error).
    validJs(`const tls = require('tls');
var checkServerIdentity = tls.checkServerIdentity;
tls.checkServerIdentity = function () {
  try {
    return checkServerIdentity.apply(this, arguments);
  } catch (err) {
    return err;
  }
};`),
    `${TLS}const original = tls.checkServerIdentity;\ntls.checkServerIdentity = (host, cert) => original(host, cert);`,
    `${TLS}const original = tls.checkServerIdentity;\ntls.checkServerIdentity = (...args: Parameters<typeof original>) => original(...args);`,
    // Delegating to Node's check and returning its error.
    `${TLS}tls.connect({ host: 'a.example', checkServerIdentity: (host, cert) => tls.checkServerIdentity(host, cert) });`,
    `${TLS}tls.connect({ host: 'a.example', checkServerIdentity: tls.checkServerIdentity });`,
    // Certificate pinning on top of the default check (the Node docs pattern).
    `${TLS}import { createHash } from 'node:crypto';
const PIN = 'abc';
tls.connect({
  host: 'a.example',
  checkServerIdentity(host, cert) {
    const err = tls.checkServerIdentity(host, cert);
    if (err) return err;
    if (createHash('sha256').update(cert.pubkey).digest('base64') !== PIN) return new Error('pin mismatch');
    return undefined;
  },
});`,
    // Returning true fails closed (the truthy value is taken as the error).
    validJs(`const tls = require('tls');\ntls.connect({ checkServerIdentity: () => true });`),
    // Node's global fetch reads no TLS option from its init (TLS options go through a dispatcher's `connect`).
    validJs(`module.exports = fetch('https://a.example', { checkServerIdentity: () => undefined });`),
    // Throwing, async (returns a Promise, which is truthy), and calls that may throw: not provably accepting.
    validJs(`const tls = require('tls');\ntls.connect({ checkServerIdentity() { throw new Error('no'); } });`),
    validJs(`const tls = require('tls');\ntls.connect({ checkServerIdentity: async () => undefined });`),
    `${TLS}declare function assertPinned(cert: tls.PeerCertificate): void;\ntls.connect({ checkServerIdentity: (_h, cert) => { assertPinned(cert); return undefined; } });`,
    // A call that gets data derived from the certificate, or reads the peer from a captured socket, may be the check.
    `${TLS}declare function assertPin(fingerprint: string): void;\ntls.connect({ host: 'a.example', checkServerIdentity: (_host, cert) => { const fp = cert.fingerprint256.toLowerCase(); assertPin(fp); return undefined; } });`,
    `${TLS}declare function assertPinned(cert: tls.PeerCertificate): void;\nexport const socket = tls.connect({ host: 'a.example', checkServerIdentity: () => { assertPinned(socket.getPeerCertificate()); return undefined; } });`,
    // Unknown functions are not guessed.
    `${TLS}export function open(check: typeof tls.checkServerIdentity) { return tls.connect({ checkServerIdentity: check }); }`,
    // Reading or calling tls.checkServerIdentity.
    `${TLS}export const original = tls.checkServerIdentity;`,
    `${TLS}declare const cert: tls.PeerCertificate;\nconst err = tls.checkServerIdentity('a.example', cert);\nif (err) throw err;`, // From the corpus (mysql2, mongodb): a callback chosen by a flag the caller passes positionally is not provably permissive (an unset option is: no-unverified-hostname.defaults.cases.ts).
    validJs(
      `const Tls = require('tls');\nfunction open(verifyIdentity, socket) {\n  return Tls.connect({ socket, checkServerIdentity: verifyIdentity ? Tls.checkServerIdentity : function () { return undefined; } });\n}\nmodule.exports = open;`,
    ),
    `export function configure(options: { tlsAllowInvalidHostnames?: boolean; checkServerIdentity?: () => undefined }) {\n  options.checkServerIdentity = options.tlsAllowInvalidHostnames ? () => undefined : undefined;\n}`,
  ],
  invalid: [
    // A shadowed `fetch` is some other function: its options may reach TLS.
    js({
      code: `function get(fetch) {\n  return fetch('https://a.example', { checkServerIdentity: () => undefined });\n}\nmodule.exports = get;`,
      errors: [
        {
          messageId: 'acceptsAnyHost',
          line: 2,
          column: 39,
          suggestions: [{ messageId: 'removeOption', output: `function get(fetch) {\n  return fetch('https://a.example', {});\n}\nmodule.exports = get;` }],
        },
      ],
    }),
    {
      code: `${TLS}tls.connect({ host: 'a.example', checkServerIdentity: () => undefined });`,
      errors: [
        {
          messageId: 'acceptsAnyHost',
          line: 2,
          column: 34,
          suggestions: [
            { messageId: 'removeOption', output: `${TLS}tls.connect({ host: 'a.example' });` },
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
      code: `const https = require('https');\nhttps.get({ hostname: 'a.example', checkServerIdentity() {} });`,
      errors: [
        {
          messageId: 'acceptsAnyHost',
          suggestions: [
            { messageId: 'removeOption', output: `const https = require('https');\nhttps.get({ hostname: 'a.example' });` },
            {
              messageId: 'useFactory',
              output:
                "const https = require('https');\nconst { secureClientOptions } = require('tlsguard-runtime');\nhttps.get(secureClientOptions({ hostname: 'a.example' }));",
            },
          ],
        },
      ],
    }),
    {
      code: `${TLS}tls.connect({ host: 'a.example', checkServerIdentity: () => null });`,
      errors: [
        {
          messageId: 'acceptsAnyHost',
          suggestions: [
            { messageId: 'removeOption', output: `${TLS}tls.connect({ host: 'a.example' });` },
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
      // ws types it as returning boolean: false accepts.
      code: `const WebSocket = require('ws');\nnew WebSocket('wss://a.example', { checkServerIdentity: () => false });`,
      errors: [
        {
          messageId: 'acceptsAnyHost',
          suggestions: [{ messageId: 'removeOption', output: `const WebSocket = require('ws');\nnew WebSocket('wss://a.example', {});` }],
        },
      ],
    }),
    {
      code: `${TLS}tls.connect({\n  host: 'a.example',\n  checkServerIdentity: (host, cert) => {\n    tls.checkServerIdentity(host, cert);\n  },\n});`,
      errors: [
        {
          messageId: 'acceptsAnyHost',
          line: 4,
          suggestions: [
            {
              messageId: 'returnCheckResult',
              output: `${TLS}tls.connect({\n  host: 'a.example',\n  checkServerIdentity: (host, cert) => {\n    return tls.checkServerIdentity(host, cert);\n  },\n});`,
            },
            { messageId: 'removeOption', output: `${TLS}tls.connect({\n  host: 'a.example',\n});` },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\ntls.connect(secureClientOptions({\n  host: 'a.example',\n}));",
            },
          ],
        },
      ],
    },
    {
      code: `${TLS}function skipHostnameCheck(host: string, cert: tls.PeerCertificate) {\n  console.log('skipping check for', host, cert.subject);\n  return undefined;\n}\ntls.connect({ host: 'a.example', checkServerIdentity: skipHostnameCheck });`,
      errors: [
        {
          messageId: 'acceptsAnyHost',
          line: 6,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `${TLS}function skipHostnameCheck(host: string, cert: tls.PeerCertificate) {\n  console.log('skipping check for', host, cert.subject);\n  return undefined;\n}\ntls.connect({ host: 'a.example' });`,
            },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\nfunction skipHostnameCheck(host: string, cert: tls.PeerCertificate) {\n  console.log('skipping check for', host, cert.subject);\n  return undefined;\n}\ntls.connect(secureClientOptions({ host: 'a.example' }));",
            },
          ],
        },
      ],
    },
    {
      code: `${TLS}const noCheck = (): undefined => void 0;\nconst opts: tls.ConnectionOptions = { host: 'a.example' };\nopts.checkServerIdentity = noCheck;\ntls.connect(opts);`,
      errors: [
        {
          messageId: 'acceptsAnyHost',
          line: 4,
          suggestions: [
            {
              messageId: 'removeAssignment',
              output: `${TLS}const noCheck = (): undefined => void 0;\nconst opts: tls.ConnectionOptions = { host: 'a.example' };\ntls.connect(opts);`,
            },
          ],
        },
      ],
    },
    {
      code: `${TLS}tls.checkServerIdentity = () => undefined;`,
      errors: [{ messageId: 'globalOverride', suggestions: [{ messageId: 'removeAssignment', output: TLS }] }],
    },
    // Not a pure delegation: the arguments changed, the catch drops the error, an arrow's `arguments`, the live (not saved) export.
    js({
      code: `const tls = require('tls');\nconst original = tls.checkServerIdentity;\ntls.checkServerIdentity = (host, cert) => original('a.example', cert);`,
      errors: [
        {
          messageId: 'globalOverride',
          suggestions: [{ messageId: 'removeAssignment', output: `const tls = require('tls');\nconst original = tls.checkServerIdentity;\n` }],
        },
      ],
    }),
    js({
      code: `const tls = require('tls');\nconst original = tls.checkServerIdentity;\ntls.checkServerIdentity = function (host, cert) {\n  try {\n    return original(host, cert);\n  } catch (err) {\n    return undefined;\n  }\n};`,
      errors: [
        {
          messageId: 'globalOverride',
          suggestions: [{ messageId: 'removeAssignment', output: `const tls = require('tls');\nconst original = tls.checkServerIdentity;\n` }],
        },
      ],
    }),
    js({
      code: `const tls = require('tls');\nconst original = tls.checkServerIdentity;\ntls.checkServerIdentity = () => original.apply(this, arguments);`,
      errors: [
        {
          messageId: 'globalOverride',
          suggestions: [{ messageId: 'removeAssignment', output: `const tls = require('tls');\nconst original = tls.checkServerIdentity;\n` }],
        },
      ],
    }),
    js({
      code: `const tls = require('tls');\nlet original = tls.checkServerIdentity;\noriginal = () => undefined;\ntls.checkServerIdentity = function () { return original.apply(this, arguments); };`,
      errors: [
        {
          messageId: 'globalOverride',
          suggestions: [
            { messageId: 'removeAssignment', output: `const tls = require('tls');\nlet original = tls.checkServerIdentity;\noriginal = () => undefined;\n` },
          ],
        },
      ],
    }),
    js({
      code: `const tls = require('tls');\nconst original = tls.checkServerIdentity;\ntls.checkServerIdentity = (host, cert) => (host.endsWith('.internal') ? undefined : original(host, cert));`,
      errors: [
        {
          messageId: 'globalOverride',
          suggestions: [{ messageId: 'removeAssignment', output: `const tls = require('tls');\nconst original = tls.checkServerIdentity;\n` }],
        },
      ],
    }),
    js({
      code: `const _ = require('lodash');\nconst tls = require('tls');\ntls.connect({ host: 'a.example', checkServerIdentity: _.noop });`,
      errors: [
        {
          messageId: 'acceptsAnyHost',
          suggestions: [
            { messageId: 'removeOption', output: `const _ = require('lodash');\nconst tls = require('tls');\ntls.connect({ host: 'a.example' });` },
            {
              messageId: 'useFactory',
              output:
                "const _ = require('lodash');\nconst tls = require('tls');\nconst { secureClientOptions } = require('tlsguard-runtime');\ntls.connect(secureClientOptions({ host: 'a.example' }));",
            },
          ],
        },
      ],
    }),
    {
      code: `${TLS}tls.connect({ host: 'a.example', checkServerIdentity: (() => false) as unknown as typeof tls.checkServerIdentity });`,
      errors: [
        {
          messageId: 'acceptsAnyHost',
          suggestions: [
            { messageId: 'removeOption', output: `${TLS}tls.connect({ host: 'a.example' });` },
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
      // Calls that see neither the host name nor the certificate cannot reject one server and accept another.
      code: `${TLS}declare const metrics: { increment(name: string): void };\ntls.connect({ host: 'a.example', checkServerIdentity: () => { metrics.increment('tls.identity'); } });`,
      errors: [
        {
          messageId: 'acceptsAnyHost',
          line: 3,
          column: 34,
          suggestions: [
            { messageId: 'removeOption', output: `${TLS}declare const metrics: { increment(name: string): void };\ntls.connect({ host: 'a.example' });` },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\ndeclare const metrics: { increment(name: string): void };\ntls.connect(secureClientOptions({ host: 'a.example' }));",
            },
          ],
        },
      ],
    },
    {
      code: `${TLS}declare function audit(event: { at: number }): void;\ntls.connect({ host: 'a.example', checkServerIdentity: (_host, _cert) => { audit({ at: Date.now() }); return undefined; } });`,
      errors: [
        {
          messageId: 'acceptsAnyHost',
          line: 3,
          column: 34,
          suggestions: [
            { messageId: 'removeOption', output: `${TLS}declare function audit(event: { at: number }): void;\ntls.connect({ host: 'a.example' });` },
            {
              messageId: 'useFactory',
              output:
                "import tls from 'node:tls';\nimport { secureClientOptions } from 'tlsguard-runtime';\ndeclare function audit(event: { at: number }): void;\ntls.connect(secureClientOptions({ host: 'a.example' }));",
            },
          ],
        },
      ],
    },
    js({
      // An undeclared `tls` is the REPL's built-in module: replacing its checkServerIdentity is process-wide.
      code: `tls.checkServerIdentity = () => null;`,
      errors: [{ messageId: 'globalOverride', suggestions: [{ messageId: 'removeAssignment', output: `` }] }],
    }),
  ],
};

export default cases;
