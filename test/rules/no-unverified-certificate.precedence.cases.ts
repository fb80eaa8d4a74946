/**
 * Connection strings against option objects for `no-unverified-certificate`: each library's own
 * precedence (src/analysis/precedence.ts, rows in src/analysis/catalogue/databases.ts). pg lets an
 * `sslmode=` (or `ssl=`, `sslrootcert=`, ...) in `connectionString` replace the config's `ssl`;
 * mongodb prefers the option object to the URI (and a raw `rejectUnauthorized` to the aliases);
 * postgres.js prefers an `ssl` option to the URL; mysql2 prefers a truthy `ssl` to the `uri`'s. The
 * same claims are checked against the real parsers in test/analysis/precedence.test.ts.
 */
import type rule from '../../rules/no-unverified-certificate.js';
import type { CasesOf } from '../rule-tester.js';
import { js, validJs } from '../rule-tester.js';
import { alias } from './library-helpers.js';

const cases: CasesOf<typeof rule> = {
  valid: [
    // pg: the string's sslmode replaces the ssl object (pg 8 reads `require` as verify-full).
    `import pg from 'pg';
export const pool = new pg.Pool({ connectionString: 'postgres://app@db.internal/app?sslmode=require', ssl: { rejectUnauthorized: false } });`,
    `import pg from 'pg';
declare const host: string;
export const client = new pg.Client({ connectionString: \`postgres://app@\${host}/app?sslmode=verify-full\`, ssl: 'no-verify' as never });`,
    validJs(`const { Pool } = require('pg');
const url = 'postgres://app@db.internal/app?sslrootcert=/etc/ssl/db-ca.pem';
module.exports = new Pool({ ssl: { rejectUnauthorized: false }, connectionString: url });`),
    // pg: uselibpqcompat gives no-verify no meaning (pg then verifies).
    `export const url = 'postgres://app@db.internal/app?uselibpqcompat=true&sslmode=no-verify';`,
    // pg reads parameter names as written: SSLMODE is not sslmode.
    `export const url = 'postgres://app@db.internal/app?SSLMODE=no-verify';`,
    // pg's no-verify means nothing to postgres.js, which then verifies.
    `import postgres from 'postgres';
export const sql = postgres('postgres://app@db.internal/app?sslmode=no-verify');`,
    // mongodb: the option object's value wins over the URI's, and a raw rejectUnauthorized over the aliases.
    `import { MongoClient } from 'mongodb';
export const client = new MongoClient('mongodb://db.internal/?tlsAllowInvalidCertificates=true', { tlsAllowInvalidCertificates: false });`,
    `import { MongoClient } from 'mongodb';
export const client = new MongoClient('mongodb://db.internal/?tlsInsecure=true', { TLSInsecure: false });`,
    `import { MongoClient } from 'mongodb';
export const client = new MongoClient('mongodb://db.internal/', { tlsAllowInvalidCertificates: true, rejectUnauthorized: true });`,
    `import { MongoClient } from 'mongodb';
export const client = new MongoClient('mongodb://db.internal/?rejectUnauthorized=true', { tlsAllowInvalidCertificates: true });`,
    // mongodb accepts only the exact `true`; `TRUE` makes the driver throw.
    `export const uri = 'mongodb://db.internal/?tlsInsecure=TRUE';`,
    // postgres.js: an `ssl` key in the options wins (even `ssl: undefined`), and sslrootcert=system means verify-full.
    `import postgres from 'postgres';
export const sql = postgres('postgres://app@db.internal/app?sslmode=require', { ssl: 'verify-full' });`,
    validJs(`const postgres = require('postgres');
module.exports = postgres('postgres://app@db.internal/app?sslmode=require', { ssl: undefined });`),
    `import postgres from 'postgres';
export const sql = postgres('postgres://app@db.internal/app?sslmode=require&sslrootcert=system');`,
    // mysql2: a truthy ssl in the config wins over the uri's.
    validJs(`const mysql = require('mysql2');
module.exports = mysql.createPool({ uri: 'mysql://app:pw@db.internal/app?ssl={"rejectUnauthorized":false}', ssl: { ca: process.env.DB_CA, verifyIdentity: true } });`),
  ],
  invalid: [
    // pg: a connection string without TLS parameters leaves the ssl object in force.
    {
      code: `import pg from 'pg';
export const pool = new pg.Pool({ connectionString: 'postgres://app@db.internal/app', ssl: { rejectUnauthorized: false } });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: 'pg `ssl` options' },
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import pg from 'pg';
export const pool = new pg.Pool({ connectionString: 'postgres://app@db.internal/app', ssl: {} });`,
            },
          ],
        },
      ],
    },
    // An unknown connection string may carry no sslmode: the object is reported.
    {
      code: `import pg from 'pg';
export const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, ssl: 'no-verify' as never });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias('pg', "`ssl: 'no-verify'`"),
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: 'Replace with `ssl: true` (TLS with verification).' },
              output: `import pg from 'pg';
export const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, ssl: true });`,
            },
          ],
        },
      ],
    },
    // The string wins: its no-verify is the finding, the object is not (one report).
    js({
      code: `const { Pool } = require('pg');
module.exports = new Pool({ connectionString: 'postgres://app@db.internal/app?sslmode=no-verify', ssl: { ca: process.env.DB_CA } });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias('pg', '`sslmode=no-verify`'),
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: 'Use `sslmode=verify-full`.' },
              output: `const { Pool } = require('pg');
module.exports = new Pool({ connectionString: 'postgres://app@db.internal/app?sslmode=verify-full', ssl: { ca: process.env.DB_CA } });`,
            },
          ],
        },
      ],
    }),
    // pg's `ssl=no-verify` parameter (without sslmode or certificate files).
    {
      code: `export const url = 'postgresql://app@db.internal/app?ssl=no-verify';`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias('pg', '`ssl=no-verify`'),
          suggestions: [
            { messageId: 'libraryFix', data: { fix: 'Use `ssl=true`.' }, output: `export const url = 'postgresql://app@db.internal/app?ssl=true';` },
          ],
        },
      ],
    },
    // mongodb: the URI's insecure option stands when the object does not set it (or sets something else).
    {
      code: `import { MongoClient } from 'mongodb';
export const client = new MongoClient('mongodb://db.internal/?tlsAllowInvalidCertificates=true', { appName: 'api' });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias('mongodb', '`tlsAllowInvalidCertificates=true`'),
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: 'Use `tlsAllowInvalidCertificates=false`.' },
              output: `import { MongoClient } from 'mongodb';
export const client = new MongoClient('mongodb://db.internal/?tlsAllowInvalidCertificates=false', { appName: 'api' });`,
            },
          ],
        },
      ],
    },
    // mongodb reads URI option names in any case.
    {
      code: `export const uri = 'mongodb+srv://cluster.example/app?TLSInsecure=true';`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias('mongodb', '`tlsInsecure=true`'),
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: 'Use `tlsInsecure=false`.' },
              output: `export const uri = 'mongodb+srv://cluster.example/app?TLSInsecure=false';`,
            },
          ],
        },
      ],
    },
    // mongodb: the object's alias wins over the URI's secure value.
    {
      code: `import { MongoClient } from 'mongodb';
export const client = new MongoClient('mongodb://db.internal/?tlsAllowInvalidCertificates=false', { tlsAllowInvalidCertificates: true });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias('mongodb', '`tlsAllowInvalidCertificates: true`'),
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: 'Remove `tlsAllowInvalidCertificates: true`.' },
              output: `import { MongoClient } from 'mongodb';
export const client = new MongoClient('mongodb://db.internal/?tlsAllowInvalidCertificates=false', {});`,
            },
          ],
        },
      ],
    },
    // postgres.js: the URL's sslmode stands when the options have no `ssl`; its `ssl=` parameter too.
    {
      code: `import postgres from 'postgres';
export const sql = postgres('postgres://app@db.internal/app?sslmode=require', { max: 5 });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias('postgres.js', '`sslmode=require`'),
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: 'Use `sslmode=verify-full`.' },
              output: `import postgres from 'postgres';
export const sql = postgres('postgres://app@db.internal/app?sslmode=verify-full', { max: 5 });`,
            },
          ],
        },
      ],
    },
    {
      code: `import postgres from 'postgres';
export const sql = postgres('postgres://app@db.internal/app?ssl=prefer');`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias('postgres.js', '`ssl=prefer`'),
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: 'Use `ssl=verify-full`.' },
              output: `import postgres from 'postgres';
export const sql = postgres('postgres://app@db.internal/app?ssl=verify-full');`,
            },
          ],
        },
      ],
    },
    // mysql2: the uri's ssl is used when the config has no truthy ssl.
    js({
      code: `const mysql = require('mysql2');
module.exports = mysql.createPool('mysql://app:pw@db.internal/app?ssl={"rejectUnauthorized":false}');`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias('mysql2', '`ssl={"rejectUnauthorized":false}`'),
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: 'Use `ssl={"verifyIdentity":true}`.' },
              output: `const mysql = require('mysql2');
module.exports = mysql.createPool('mysql://app:pw@db.internal/app?ssl={"verifyIdentity":true}');`,
            },
          ],
        },
      ],
    }),
    js({
      code: `const mysql = require('mysql2/promise');
module.exports = mysql.createConnection({ uri: 'mysql://app:pw@db.internal/app?ssl={"rejectUnauthorized":false}', ssl: undefined });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias('mysql2', '`ssl={"rejectUnauthorized":false}`'),
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: 'Use `ssl={"verifyIdentity":true}`.' },
              output: `const mysql = require('mysql2/promise');
module.exports = mysql.createConnection({ uri: 'mysql://app:pw@db.internal/app?ssl={"verifyIdentity":true}', ssl: undefined });`,
            },
          ],
        },
      ],
    }),
  ],
};

export default cases;
