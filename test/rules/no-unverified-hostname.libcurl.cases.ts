/**
 * node-libcurl for `no-unverified-hostname` (packed, not installed: untyped JavaScript cases).
 * `SSL_VERIFYHOST` 0 skips libcurl's name check; 1 and 2 both check the name (libcurl >= 7.66).
 */
import type rule from '../../rules/no-unverified-hostname.js';
import type { CasesOf } from '../rule-tester.js';
import { js, validJs } from '../rule-tester.js';
import { alias } from './library-helpers.js';

const CURL = `const { Curl } = require('node-libcurl');
const curl = new Curl();
`;

const cases: CasesOf<typeof rule> = {
  valid: [
    validJs(`${CURL}curl.setOpt('SSL_VERIFYHOST', 2);`),
    validJs(`${CURL}curl.setOpt(Curl.option.SSL_VERIFYHOST, 1);`),
    validJs(`${CURL}curl.setOpt('SSL_VERIFYHOST', Number(process.env.VERIFY_HOST));`),
    // SSL_VERIFYPEER is the certificate rule's.
    validJs(`${CURL}curl.setOpt('SSL_VERIFYPEER', 0);`),
    validJs(`const { curly } = require('node-libcurl');
module.exports = curly.post('https://a.example', { sslVerifyHost: 2 });`),
  ],
  invalid: [
    js({
      code: `${CURL}curl.setOpt('SSL_VERIFYHOST', 0);`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias('node-libcurl', "`setOpt('SSL_VERIFYHOST', 0)`"),
          line: 3,
          column: 1,
          suggestions: [{ messageId: 'libraryFix', data: { fix: 'Replace the value with `2`.' }, output: `${CURL}curl.setOpt('SSL_VERIFYHOST', 2);` }],
        },
      ],
    }),
    js({
      code: `${CURL}curl.setOpt(Curl.option.SSL_VERIFYHOST, false);`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias('node-libcurl', "`setOpt('SSL_VERIFYHOST', false)`"),
          line: 3,
          column: 1,
          suggestions: [
            { messageId: 'libraryFix', data: { fix: 'Replace the value with `2`.' }, output: `${CURL}curl.setOpt(Curl.option.SSL_VERIFYHOST, 2);` },
          ],
        },
      ],
    }),
    js({
      code: `const { curly } = require('node-libcurl');
module.exports = curly.post('https://a.example', { postFields: 'a=1', sslVerifyHost: 0 });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias('node-libcurl', '`sslVerifyHost: 0`'),
          line: 2,
          column: 71,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: 'Remove `sslVerifyHost` (libcurl verifies by default).' },
              output: `const { curly } = require('node-libcurl');
module.exports = curly.post('https://a.example', { postFields: 'a=1' });`,
            },
          ],
        },
      ],
    }),
  ],
};

export default cases;
