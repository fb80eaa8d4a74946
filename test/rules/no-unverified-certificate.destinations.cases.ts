/**
 * Known destinations for `no-unverified-certificate`: an option written into an object that provably
 * goes only to an API that does not read it turns nothing off. Closed APIs (Node's TLS APIs, global
 * and undici `fetch`, undici `request()`...) read only their documented arguments; a library alias
 * key (`strictSSL`) in a bag that reaches only another library or Node is not that library's option.
 * An unknown function, or a shadowed `fetch`, keeps the object's destination unknown (reported).
 */
import type rule from '../../rules/no-unverified-certificate.js';
import type { CasesOf } from '../rule-tester.js';
import { js, validJs } from '../rule-tester.js';
import { alias } from './library-helpers.js';

const STRICT_SSL = alias(`request`, `\`strictSSL: false\``);
const STRICT_SSL_FIX = `Remove \`strictSSL: false\` (request verifies by default).`;

const cases: CasesOf<typeof rule> = {
  valid: [
    // Node reads no `strictSSL` (request's spelling): Node's own APIs are not the request library.
    validJs(`const https = require('https');
https.request({ host: 'a.example', strictSSL: false });`),
    validJs(`const https = require('node:https');
module.exports = new https.Agent({ keepAlive: true, strictSSL: false });`),
    validJs(`const tls = require('tls');
tls.connect(443, 'a.example', { strictSSL: false });`),
    validJs(`const opts = { host: 'a.example', strictSSL: false };
require('https').get(opts, (res) => res.resume());`),
    // Node's global fetch (bundled undici): the init is a WebIDL dictionary of fixed keys; TLS options go through `dispatcher`.
    validJs(`module.exports = fetch('https://a.example', { rejectUnauthorized: false });`),
    validJs(`const init = { method: 'POST', body: '{}', rejectUnauthorized: false };
module.exports = fetch('https://a.example', init);`),
    validJs(`module.exports = fetch('https://a.example', { strictSSL: false });`),
    validJs(`const { fetch } = require('undici');
module.exports = fetch('https://a.example', { rejectUnauthorized: false });`),
    // undici's request()/stream(): the options go to the dispatcher's `dispatch()`, not to TLS.
    validJs(`const undici = require('undici');
module.exports = undici.request('https://a.example', { method: 'GET', rejectUnauthorized: false });`),
    // A non-TLS path inside Node's request options.
    validJs(`const https = require('https');
https.request('https://a.example', { headers: { rejectUnauthorized: false } });`),
  ],
  invalid: [
    // A shadowed `fetch` is some other function: the destination is unknown.
    js({
      code: `function get(fetch) {
  return fetch('https://a.example', { rejectUnauthorized: false });
}
module.exports = get;`,
      errors: [
        {
          messageId: 'unknownSink',
          line: 2,
          column: 39,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `function get(fetch) {
  return fetch('https://a.example', {});
}
module.exports = get;`,
            },
          ],
        },
      ],
    }),
    // One destination is known and non-TLS, the other is not: reported.
    js({
      code: `const { send } = require('./transport');
const init = { rejectUnauthorized: false };
fetch('https://a.example', init);
send(init);`,
      errors: [
        {
          messageId: 'unknownSink',
          line: 2,
          column: 16,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `const { send } = require('./transport');
const init = {};
fetch('https://a.example', init);
send(init);`,
            },
          ],
        },
      ],
    }),
    // A sink position of a closed API is still a sink.
    js({
      code: `const undici = require('undici');
module.exports = undici.fetch('https://a.example', { dispatcher: new undici.Agent({ connect: { rejectUnauthorized: false } }) });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `undici \`new Agent({ connect })\` used as the \`fetch\` \`dispatcher\`` },
          line: 2,
          column: 96,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `const undici = require('undici');
module.exports = undici.fetch('https://a.example', { dispatcher: new undici.Agent({ connect: {} }) });`,
            },
          ],
        },
      ],
    }),
    // strictSSL in a bag that reaches request as well as Node: request reads it.
    js({
      code: `const https = require('https');
const request = require('request');
const opts = { url: 'https://a.example', host: 'a.example', strictSSL: false };
request(opts, () => {});
https.get(opts);`,
      errors: [
        {
          messageId: 'libraryOption',
          data: STRICT_SSL,
          line: 3,
          column: 61,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: STRICT_SSL_FIX },
              output: `const https = require('https');
const request = require('request');
const opts = { url: 'https://a.example', host: 'a.example' };
request(opts, () => {});
https.get(opts);`,
            },
          ],
        },
      ],
    }),
    // strictSSL whose destination the file does not show: reported as today.
    js({
      code: `const { client } = require('./http');
module.exports = client({ url: 'https://a.example', strictSSL: false });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: STRICT_SSL,
          line: 2,
          column: 53,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: STRICT_SSL_FIX },
              output: `const { client } = require('./http');
module.exports = client({ url: 'https://a.example' });`,
            },
          ],
        },
      ],
    }),
  ],
};

export default cases;
