/**
 * Client-side `new tls.TLSSocket()` and how the code checks it: reported here only when nothing
 * reads its chain result (test/claims/no-unverified-certificate.test.ts shows what Node does).
 */
import type rule from '../../rules/no-unverified-certificate.js';
import type { CasesOf } from '../rule-tester.js';

const HEAD = "import tls from 'node:tls';\nimport net from 'node:net';\nconst raw = net.connect(443, 'a.example');\n";

const cases: CasesOf<typeof rule> = {
  valid: [
    // The chain result is read: no-unverified-hostname reports the missing hostname check and SNI.
    `${HEAD}const s = new tls.TLSSocket(raw, {});\ns.on('secure', () => { if (s.ssl?.verifyError()) s.destroy(); });`,
    // `authorized` stays false on such a socket: a check of it refuses every server (nothing insecure is accepted).
    `${HEAD}const s = new tls.TLSSocket(raw, {});\ns.on('secure', () => { if (!s.authorized) s.destroy(); });`,
    // http2-wrapper 2.2.4 (source/utils/js-stream-socket.js): a socket made only to read an internal class; never stored, passed or used.
    `import tls from 'node:tls';
import stream from 'node:stream';
export const JSStreamSocket = (new tls.TLSSocket(new stream.PassThrough()) as any)._handle._parentWrap.constructor;`,
    `${HEAD}export const handle = new tls.TLSSocket(raw)._handle;`,
  ],
  invalid: [
    // A method called on it (`_start()` starts the handshake with the socket as `this`) is a use of the socket.
    {
      code: `${HEAD}(new tls.TLSSocket(raw) as any)._start();`,
      errors: [
        {
          messageId: 'clientTlsSocket',
          line: 4,
          suggestions: [{ messageId: 'useTlsConnect', output: `${HEAD}(tls.connect({ socket: raw }) as any)._start();` }],
        },
      ],
    },
    // A public property read, or the socket stored: not only an internal read.
    {
      code: `${HEAD}export const s = new tls.TLSSocket(raw).encrypted;`,
      errors: [
        {
          messageId: 'clientTlsSocket',
          line: 4,
          suggestions: [{ messageId: 'useTlsConnect', output: `${HEAD}export const s = tls.connect({ socket: raw }).encrypted;` }],
        },
      ],
    },
    {
      // Reading something else (`getPeerCertificate()`) is no check of the chain.
      code: `${HEAD}const s = new tls.TLSSocket(raw, {});\ns.on('secure', () => console.log(s.getPeerCertificate().subject));`,
      errors: [
        {
          messageId: 'clientTlsSocket',
          line: 4,
          suggestions: [
            {
              messageId: 'useTlsConnect',
              output: `${HEAD}const s = tls.connect({ socket: raw });\ns.on('secure', () => console.log(s.getPeerCertificate().subject));`,
            },
          ],
        },
      ],
    },
  ],
};

export default cases;
