/**
 * The library catalogue for `no-unverified-hostname`: mongodb `tlsAllowInvalidHostnames`, mysql2 `ssl`
 * without `verifyIdentity: true`, and `checkServerIdentity` in library option bags.
 * Typed versions (against the installed packages' own types) are in test/typed/. Electron cannot be
 * installed here (its install script downloads a binary), so its cases are untyped JavaScript.
 */
import type rule from '../../rules/no-unverified-hostname.js';
import type { CasesOf } from '../rule-tester.js';
import { js } from '../rule-tester.js';
import { alias } from './library-helpers.js';

const cases: CasesOf<typeof rule> = {
  valid: [
    `import mysql from 'mysql2';
declare const ca: string;
export const pool = mysql.createPool({ host: 'db.internal', ssl: { ca, verifyIdentity: true } });`,
    `import mysql from 'mysql2';
export const pool = mysql.createPool({ host: 'db.internal', ssl: { rejectUnauthorized: false } });`,
    `import pg from 'pg';
declare const ca: string;
export const pool = new pg.Pool({ ssl: { ca } });`,
    `import mysql from 'mysql2';
declare const sslOptions: { ca: string };
export const pool = mysql.createPool({ ssl: sslOptions });`,
    `import mysql from 'mysql2';
declare const base: object;
export const pool = mysql.createPool({ ssl: { ...base } });`,
    `export const db = { ssl: { ca: 'x' } };`,
    `import { MongoClient } from 'mongodb';
export const client = new MongoClient('mongodb://db.internal/?tlsAllowInvalidHostnames=false', { tlsAllowInvalidHostnames: false });`,
  ],
  invalid: [
    {
      code: `import { MongoClient } from 'mongodb';
export const client = new MongoClient('mongodb://10.0.0.5', { tls: true, tlsAllowInvalidHostnames: true });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias(`mongodb`, `\`tlsAllowInvalidHostnames: true\``),
          line: 2,
          column: 74,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: `Remove \`tlsAllowInvalidHostnames: true\`.` },
              output: `import { MongoClient } from 'mongodb';
export const client = new MongoClient('mongodb://10.0.0.5', { tls: true });`,
            },
          ],
        },
      ],
    },
    {
      code: `import mongoose from 'mongoose';
await mongoose.connect('mongodb://10.0.0.5/app?tls=true&tlsAllowInvalidHostnames=true');`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias(`mongodb`, `\`tlsAllowInvalidHostnames=true\``),
          line: 2,
          column: 24,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: `Use \`tlsAllowInvalidHostnames=false\`.` },
              output: `import mongoose from 'mongoose';
await mongoose.connect('mongodb://10.0.0.5/app?tls=true&tlsAllowInvalidHostnames=false');`,
            },
          ],
        },
      ],
    },
    {
      code: `import mysql from 'mysql2';
declare const ca: string;
export const pool = mysql.createPool({ host: 'db.internal', ssl: { ca } });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias(`mysql2`, `An \`ssl\` object without \`verifyIdentity: true\``),
          line: 3,
          column: 61,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: `Add \`verifyIdentity: true\`.` },
              output: `import mysql from 'mysql2';
declare const ca: string;
export const pool = mysql.createPool({ host: 'db.internal', ssl: { ca, verifyIdentity: true } });`,
            },
          ],
        },
      ],
    },
    js({
      code: `const mysql = require('mysql2/promise');
module.exports = mysql.createConnection({ host: 'db.internal', ssl: {} });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias(`mysql2`, `An \`ssl\` object without \`verifyIdentity: true\``),
          line: 2,
          column: 64,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: `Add \`verifyIdentity: true\`.` },
              output: `const mysql = require('mysql2/promise');
module.exports = mysql.createConnection({ host: 'db.internal', ssl: { verifyIdentity: true } });`,
            },
          ],
        },
      ],
    }),
    {
      code: `import mysql from 'mysql2';
declare const ca: string;
export const db = mysql.createConnection({ host: 'db.internal', ssl: { ca, verifyIdentity: false } });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias(`mysql2`, `An \`ssl\` object without \`verifyIdentity: true\``),
          line: 3,
          column: 65,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: `Add \`verifyIdentity: true\`.` },
              output: `import mysql from 'mysql2';
declare const ca: string;
export const db = mysql.createConnection({ host: 'db.internal', ssl: { ca, verifyIdentity: true } });`,
            },
          ],
        },
      ],
    },
    {
      code: `import got from 'got';
export const res = await got('https://a.example', { https: { checkServerIdentity: () => undefined } });`,
      errors: [
        {
          messageId: 'acceptsAnyHost',
          line: 2,
          column: 62,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import got from 'got';
export const res = await got('https://a.example', { https: {} });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { credentials } from '@grpc/grpc-js';
export const creds = credentials.createSsl(null, null, null, { checkServerIdentity: () => undefined });`,
      errors: [
        {
          messageId: 'acceptsAnyHost',
          line: 2,
          column: 64,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import { credentials } from '@grpc/grpc-js';
export const creds = credentials.createSsl(null, null, null, {});`,
            },
          ],
        },
      ],
    },
    {
      code: `export const mongoOptions = { tlsAllowInvalidHostnames: true };`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias(`mongodb`, `\`tlsAllowInvalidHostnames: true\``),
          line: 1,
          column: 31,
          suggestions: [{ messageId: 'libraryFix', data: { fix: `Remove \`tlsAllowInvalidHostnames: true\`.` }, output: `export const mongoOptions = {};` }],
        },
      ],
    },
  ],
};

export default cases;
