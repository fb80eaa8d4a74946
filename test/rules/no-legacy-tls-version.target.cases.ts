/**
 * `secureProtocol: 'SSLv23_method'` keeps `tls.DEFAULT_MIN_VERSION`, which is TLSv1 on Node 10 and 11
 * (node-releases.ts): reported for a target that reaches them, with the Node versions named.
 */
import type rule from '../../rules/no-legacy-tls-version.js';
import type { CasesOf } from '../rule-tester.js';

const CODE = "import tls from 'node:tls';\ntls.createServer({ secureProtocol: 'SSLv23_method' });";
const FIXED = "import tls from 'node:tls';\ntls.createServer({ minVersion: 'TLSv1.2' });";

const cases: CasesOf<typeof rule> = {
  valid: [
    // Node 12 and later: the default minimum is TLS 1.2, so SSLv23_method only turns TLS 1.3 off (legacySpellings reports that).
    { code: CODE, settings: { tlsguard: { node: '>=12' } } },
    CODE,
  ],
  invalid: [
    {
      code: CODE,
      settings: { tlsguard: { node: '>=10' } },
      errors: [
        {
          messageId: 'legacyProtocol',
          data: {
            value: "'SSLv23_method'",
            versions: 'TLS 1.0 and TLS 1.1 on Node 11 and older',
            level0: ' (Node 17 and later negotiate TLS 1.0/1.1 only with `@SECLEVEL=0` in `ciphers`)',
          },
          suggestions: [{ messageId: 'useMinVersion', output: FIXED }],
        },
      ],
    },
    {
      code: CODE,
      settings: { tlsguard: { node: '^10 || ^11' } },
      errors: [
        {
          messageId: 'legacyProtocol',
          data: { value: "'SSLv23_method'", versions: 'TLS 1.0 and TLS 1.1 on Node 11 and older', level0: '' },
          suggestions: [{ messageId: 'useMinVersion', output: FIXED }],
        },
      ],
    },
  ],
};

export default cases;
