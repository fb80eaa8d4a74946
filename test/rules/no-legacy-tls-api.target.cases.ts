/**
 * The removal in Node 24 (createSecurePair, SecurePair, Server#setOptions) worded for the target
 * range: removed on all of it, on part of it, or on none (settings.tlsguard.node).
 */
import type rule from '../../rules/no-legacy-tls-api.js';
import type { CasesOf } from '../rule-tester.js';

const PAIR = "import tls from 'node:tls';\ndeclare const ctx: tls.SecureContext;\nexport const pair = tls.createSecurePair(ctx, false);";
const REST =
  'a client-side pair verifies neither the certificate chain nor the hostname (even with `rejectUnauthorized`), so any server can impersonate the peer';
const data = (why: string) => ({
  name: 'tls.createSecurePair()',
  code: 'DEP0064',
  why,
  replacement: '`tls.connect({ socket })` (or `new tls.TLSSocket(socket, { isServer: true, ... })` on a server)',
});

const cases: CasesOf<typeof rule> = {
  valid: [],
  invalid: [
    {
      code: PAIR,
      settings: { tlsguard: { node: '>=20.19' } },
      errors: [
        {
          messageId: 'legacyApi',
          data: data(`is deprecated and removed in Node 24; of the target (Node >=20.19), Node 20 to 23 still have it, and ${REST}`),
          suggestions: [],
        },
      ],
    },
    {
      code: PAIR,
      settings: { tlsguard: { node: '^22 || ^24 || ^26' } },
      errors: [
        {
          messageId: 'legacyApi',
          data: data(`is deprecated and removed in Node 24; of the target (Node ^22 || ^24 || ^26), Node 22 still has it, and ${REST}`),
          suggestions: [],
        },
      ],
    },
    {
      code: PAIR,
      settings: { tlsguard: { node: '>=24' } },
      errors: [{ messageId: 'legacyApi', data: data(`was removed in Node 24, so it does not exist on the target (Node >=24), and ${REST}`), suggestions: [] }],
    },
    {
      code: PAIR,
      settings: { tlsguard: { node: '^20.19 || ^22' } },
      errors: [
        { messageId: 'legacyApi', data: data(`is deprecated (removed in Node 24, later than the target, Node ^20.19 || ^22), and ${REST}`), suggestions: [] },
      ],
    },
    {
      code: "import tls from 'node:tls';\nconst server = tls.createServer({});\nserver.setOptions({});",
      settings: { tlsguard: { node: '>=24' } },
      errors: [
        {
          messageId: 'legacyApi',
          data: {
            name: 'tls.Server#setOptions()',
            code: 'DEP0122',
            why: 'was removed in Node 24, so it does not exist on the target (Node >=24)',
            replacement: '`server.setSecureContext(options)`',
          },
          suggestions: [],
        },
      ],
    },
  ],
};

export default cases;
