/**
 * node-libcurl for `no-unverified-certificate` (packed, not installed: untyped JavaScript cases).
 * `setOpt('SSL_VERIFYPEER', v)` and curly's `SSL_VERIFYPEER`/`sslVerifyPeer` options turn verification
 * off when libcurl reads `v` as the integer 0 (`Easy.cc` `SetOpt` uses `ToInt32`).
 */
import type rule from '../../rules/no-unverified-certificate.js';
import type { CasesOf } from '../rule-tester.js';
import { js, validJs } from '../rule-tester.js';
import { alias } from './library-helpers.js';

const CURL = `const { Curl } = require('node-libcurl');
const curl = new Curl();
`;
const replace = (value: string) => ({ messageId: 'libraryFix' as const, data: { fix: `Replace the value with \`${value}\`.` } });

const cases: CasesOf<typeof rule> = {
  valid: [
    validJs(`${CURL}curl.setOpt('SSL_VERIFYPEER', true);`),
    validJs(`${CURL}curl.setOpt(Curl.option.SSL_VERIFYPEER, 1);`),
    validJs(`${CURL}curl.setOpt('SSL_VERIFYPEER', process.env.CURL_VERIFY);`),
    validJs(`${CURL}curl.setOpt('VERBOSE', false);`),
    // Not option names node-libcurl knows (it throws CURLE_UNKNOWN_OPTION): `Curl.option` holds only upper-case names.
    validJs(`${CURL}curl.setOpt('sslVerifyPeer', false);`),
    validJs(`${CURL}curl.setOpt(Curl.option.sslVerifyPeer, false);`),
    // Another method, and another module's `option` table.
    validJs(`${CURL}curl.setOption('SSL_VERIFYPEER', false);`),
    validJs(`${CURL}const { options } = require('./curl-options');
curl.setOpt(options.SSL_VERIFYPEER, false);`),
    validJs(`const { curly } = require('node-libcurl');
module.exports = curly.get('https://a.example', { sslVerifyPeer: true, caInfo: '/etc/ssl/internal-ca.pem' });`),
    // Another library's options with the same key.
    validJs(`const client = require('./client');
module.exports = client.get('https://a.example', { sslVerifyPeer: false });`),
  ],
  invalid: [
    js({
      code: `${CURL}curl.setOpt('SSL_VERIFYPEER', false);`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias('node-libcurl', "`setOpt('SSL_VERIFYPEER', false)`"),
          line: 3,
          column: 1,
          suggestions: [{ ...replace('true'), output: `${CURL}curl.setOpt('SSL_VERIFYPEER', true);` }],
        },
      ],
    }),
    js({
      code: `${CURL}curl.setOpt('URL', 'https://a.example').setOpt(Curl.option.SSL_VERIFYPEER, 0);`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias('node-libcurl', "`setOpt('SSL_VERIFYPEER', 0)`"),
          line: 3,
          column: 1,
          suggestions: [{ ...replace('1'), output: `${CURL}curl.setOpt('URL', 'https://a.example').setOpt(Curl.option.SSL_VERIFYPEER, 1);` }],
        },
      ],
    }),
    // Names are matched ignoring case; a non-numeric string is the integer 0.
    js({
      code: `const { Easy } = require('node-libcurl');
const handle = new Easy();
handle.setOpt('ssl_verifypeer', 'false');`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias('node-libcurl', "`setOpt('SSL_VERIFYPEER', 'false')`"),
          line: 3,
          column: 1,
          suggestions: [
            {
              ...replace('1'),
              output: `const { Easy } = require('node-libcurl');
const handle = new Easy();
handle.setOpt('ssl_verifypeer', 1);`,
            },
          ],
        },
      ],
    }),
    js({
      code: `const { curly } = require('node-libcurl');
module.exports = curly.get('https://a.example', { sslVerifyPeer: false });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias('node-libcurl', '`sslVerifyPeer: false`'),
          line: 2,
          column: 51,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: 'Remove `sslVerifyPeer` (libcurl verifies by default).' },
              output: `const { curly } = require('node-libcurl');
module.exports = curly.get('https://a.example', {});`,
            },
          ],
        },
      ],
    }),
    js({
      code: `const { curly } = require('node-libcurl');
module.exports = curly.create({ SSL_VERIFYPEER: 0, timeout: 10 });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias('node-libcurl', '`SSL_VERIFYPEER: 0`'),
          line: 2,
          column: 33,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: 'Remove `SSL_VERIFYPEER` (libcurl verifies by default).' },
              output: `const { curly } = require('node-libcurl');
module.exports = curly.create({ timeout: 10 });`,
            },
          ],
        },
      ],
    }),
  ],
};

export default cases;
