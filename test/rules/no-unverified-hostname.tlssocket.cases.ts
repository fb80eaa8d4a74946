/**
 * Client-side `new tls.TLSSocket()` whose chain result the code reads with `verifyError()`: the chain
 * is checked, the hostname and SNI are not (shown in test/claims/no-unverified-certificate.test.ts).
 */
import type rule from '../../rules/no-unverified-hostname.js';
import type { CasesOf } from '../rule-tester.js';
import { js } from '../rule-tester.js';

const HEAD = "import tls from 'node:tls';\nimport net from 'node:net';\nconst raw = net.connect(443, 'a.example');\n";

const cases: CasesOf<typeof rule> = {
  valid: [
    // Without a verifyError() check no-unverified-certificate reports it (clientTlsSocket), not this rule.
    `${HEAD}const s = new tls.TLSSocket(raw, { rejectUnauthorized: true });\nexport default s;`,
    // `authorized` is never set on such a socket: checking it refuses every server.
    `${HEAD}const s = new tls.TLSSocket(raw, {});\ns.on('secure', () => { if (!s.authorized) s.destroy(); });`,
    // A server-side socket.
    `${HEAD}declare const key: string;\nconst s = new tls.TLSSocket(raw, { isServer: true, key });\ns.on('secure', () => { if (s.ssl?.verifyError()) s.destroy(); });`,
    // tls.connect checks both.
    `${HEAD}const s = tls.connect({ socket: raw, servername: 'a.example' });\ns.on('secureConnect', () => { if ((s as any).ssl.verifyError()) s.destroy(); });`,
  ],
  invalid: [
    {
      code: `${HEAD}const s = new tls.TLSSocket(raw, { servername: 'a.example' });\ns.on('secure', () => {\n  if (s.ssl?.verifyError()) s.destroy();\n});`,
      errors: [{ messageId: 'tlsSocketHostname', line: 4, suggestions: [] }],
    },
    js({
      code: `const tls = require('tls');\nmodule.exports = (raw) => {\n  const s = new tls.TLSSocket(raw);\n  s.once('secure', () => { const err = s._handle.verifyError(); if (err) s.destroy(err); });\n  return s;\n};`,
      errors: [{ messageId: 'tlsSocketHostname', line: 3, suggestions: [] }],
    }),
  ],
};

export default cases;
