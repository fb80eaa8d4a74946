/**
 * Connection strings against option objects for `no-unverified-hostname` (see
 * no-unverified-certificate.precedence.cases.ts): pg's libpq-compatible `verify-ca`, mongodb's
 * `tlsAllowInvalidHostnames` in the URI and the object, and mysql2's `uri` `ssl` parameter. Checked
 * against the real parsers in test/analysis/precedence.test.ts.
 */
import type rule from '../../rules/no-unverified-hostname.js';
import type { CasesOf } from '../rule-tester.js';
import { js, validJs } from '../rule-tester.js';
import { alias } from './library-helpers.js';

const cases: CasesOf<typeof rule> = {
  valid: [
    // pg 8 without uselibpqcompat reads verify-ca as verify-full; with it and no sslrootcert, pg throws.
    `export const url = 'postgres://app@db.internal/app?sslmode=verify-ca&sslrootcert=/etc/ssl/db-ca.pem';`,
    `export const url = 'postgres://app@db.internal/app?uselibpqcompat=true&sslmode=verify-ca';`,
    // An unknown sslrootcert: pg may throw or not.
    'declare const ca: string;\nexport const url = `postgres://app@db.internal/app?uselibpqcompat=true&sslmode=require&sslrootcert=${ca}`;',
    // mongodb: the object's checkServerIdentity (or its own tlsAllowInvalidHostnames) wins over the URI.
    `import tls from 'node:tls';
import { MongoClient } from 'mongodb';
export const client = new MongoClient('mongodb://db.internal/?tlsAllowInvalidHostnames=true', { checkServerIdentity: tls.checkServerIdentity });`,
    `import { MongoClient } from 'mongodb';
export const client = new MongoClient('mongodb://db.internal/?tlsAllowInvalidHostnames=true', { tlsAllowInvalidHostnames: false });`,
    // mysql2: verifyIdentity in the uri's ssl, or a truthy ssl in the config that wins.
    validJs(`const mysql = require('mysql2');
module.exports = mysql.createPool('mysql://app:pw@db.internal/app?ssl={"verifyIdentity":true}');`),
    validJs(`const mysql = require('mysql2');
module.exports = mysql.createPool({ uri: 'mysql://app:pw@db.internal/app?ssl={}', ssl: { verifyIdentity: true } });`),
    // rejectUnauthorized: false in the uri is the certificate rule's finding (one report, not two).
    validJs(`const mysql = require('mysql2');
module.exports = mysql.createPool('mysql://app:pw@db.internal/app?ssl={"rejectUnauthorized":false}');`),
  ],
  invalid: [
    {
      code: `export const url = 'postgres://app@db.internal/app?uselibpqcompat=true&sslmode=verify-ca&sslrootcert=/etc/ssl/db-ca.pem';`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias('pg', '`uselibpqcompat=true&sslmode=verify-ca`', 'hostname'),
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: 'Use `sslmode=verify-full`.' },
              output: `export const url = 'postgres://app@db.internal/app?uselibpqcompat=true&sslmode=verify-full&sslrootcert=/etc/ssl/db-ca.pem';`,
            },
          ],
        },
      ],
    },
    {
      code: `import { MongoClient } from 'mongodb';
export const client = new MongoClient('mongodb://db.internal/?tlsAllowInvalidHostnames=true', { appName: 'api' });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias('mongodb', '`tlsAllowInvalidHostnames=true`'),
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: 'Use `tlsAllowInvalidHostnames=false`.' },
              output: `import { MongoClient } from 'mongodb';
export const client = new MongoClient('mongodb://db.internal/?tlsAllowInvalidHostnames=false', { appName: 'api' });`,
            },
          ],
        },
      ],
    },
    js({
      code: `const mysql = require('mysql2');
module.exports = mysql.createPool({ uri: 'mysql://app:pw@db.internal/app?ssl={"ca":"/etc/ssl/db-ca.pem"}' });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias('mysql2', '`ssl={"ca":"/etc/ssl/db-ca.pem"}`', 'hostname'),
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: 'Use `ssl={"verifyIdentity":true}`.' },
              output: `const mysql = require('mysql2');
module.exports = mysql.createPool({ uri: 'mysql://app:pw@db.internal/app?ssl={"verifyIdentity":true}' });`,
            },
          ],
        },
      ],
    }),
  ],
};

export default cases;
