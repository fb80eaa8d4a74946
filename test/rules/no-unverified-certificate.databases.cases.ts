/**
 * Database drivers and ORMs for `no-unverified-certificate` that are not installed here (mysql,
 * tedious, mssql, cassandra-driver, neo4j-driver, sequelize, knex, typeorm): their catalogue rows
 * rest on the packed packages' source (docs/libraries.md), so the cases are untyped JavaScript.
 */
import type rule from '../../rules/no-unverified-certificate.js';
import type { CasesOf } from '../rule-tester.js';
import { js, validJs } from '../rule-tester.js';
import { alias } from './library-helpers.js';

const TRUST = alias(`tedious, mssql`, `\`trustServerCertificate: true\``);
const TRUST_FIX = `Replace with \`trustServerCertificate: false\`.`;

const cases: CasesOf<typeof rule> = {
  valid: [
    // mysql: an SSL profile carries its CA and verifies.
    validJs(`const mysql = require('mysql');
module.exports = mysql.createPool({ host: 'db.internal', ssl: 'Amazon RDS' });`),
    validJs(`const mysql = require('mysql');
module.exports = mysql.createConnection({ host: 'db.internal', ssl: { ca: process.env.DB_CA } });`),
    // tedious ignores trustServerCertificate with encrypt: 'strict' (TDS 8: it verifies itself).
    validJs(`const { Connection } = require('tedious');
module.exports = new Connection({ server: 'sql.internal', options: { encrypt: 'strict', trustServerCertificate: true } });`),
    // encrypt: false: no TLS at all, so nothing to verify (a plaintext problem, not this rule's).
    validJs(`const { Connection } = require('tedious');
module.exports = new Connection({ server: 'sql.internal', options: { encrypt: false, trustServerCertificate: true } });`),
    // An encrypt value the file does not show: not provably verified-off.
    validJs(`const { Connection } = require('tedious');
module.exports = new Connection({ server: 'sql.internal', options: { encrypt: process.env.SQL_ENCRYPT, trustServerCertificate: true } });`),
    validJs(`const sql = require('mssql');
module.exports = sql.connect({ server: 'sql.internal', options: { trustServerCertificate: false } });`),
    // mssql: the nested options.encrypt wins over the top-level default.
    validJs(`const sql = require('mssql');
module.exports = sql.connect({ server: 'sql.internal', trustServerCertificate: true, options: { encrypt: 'strict' } });`),
    // mssql's msnodesqlv8 driver never reads trustServerCertificate; knex defaults encrypt to false.
    validJs(`const sql = require('mssql/msnodesqlv8');
module.exports = sql.connect({ server: 'sql.internal', options: { trustedConnection: true, trustServerCertificate: true } });`),
    validJs(`const knex = require('knex');
module.exports = knex({ client: 'mssql', connection: { server: 'sql.internal', options: { trustServerCertificate: true } } });`),
    validJs(`const cassandra = require('cassandra-driver');
module.exports = new cassandra.Client({ contactPoints: ['db.internal'], sslOptions: { ca: [process.env.DB_CA], rejectUnauthorized: true } });`),
    // Another module's sslOptions, and an sslOptions object the file cannot see into.
    validJs(`const other = require('some-db');
module.exports = new other.Client({ sslOptions: {} });`),
    validJs(`const cassandra = require('cassandra-driver');
const { sslOptions } = require('./config');
module.exports = new cassandra.Client({ contactPoints: ['db.internal'], sslOptions });`),
    // neo4j: trust only applies with encryption on (unset means no encryption).
    validJs(`const neo4j = require('neo4j-driver');
module.exports = neo4j.driver('bolt://graph.internal', neo4j.auth.basic('u', 'p'), { trust: 'TRUST_ALL_CERTIFICATES' });`),
    validJs(`const neo4j = require('neo4j-driver');
module.exports = neo4j.driver('bolt://graph.internal', neo4j.auth.basic('u', 'p'), { encrypted: 'ENCRYPTION_ON', trust: 'TRUST_SYSTEM_CA_SIGNED_CERTIFICATES' });`),
    validJs(`const policy = require('./policy');
module.exports = policy.create({ encrypted: true, trust: 'TRUST_ALL_CERTIFICATES' });`),
    validJs(`const { Sequelize } = require('sequelize');
module.exports = new Sequelize('app', 'u', 'p', { dialect: 'postgres', dialectOptions: { ssl: { ca: process.env.DB_CA } } });`),
    // mssql connection strings: false values, no TLS (Encrypt=false), an Encrypt the file does not show,
    // a string that does not reach mssql, and the msnodesqlv8 driver (it never reads the option).
    validJs(`const sql = require('mssql');
module.exports = sql.connect('Server=sql.internal;Database=app;TrustServerCertificate=false');`),
    validJs(`const sql = require('mssql');
module.exports = sql.connect('Server=sql.internal;TrustServerCertificate=0');`),
    validJs(`const sql = require('mssql');
module.exports = sql.connect('Server=sql.internal;Encrypt=false;TrustServerCertificate=true');`),
    validJs(`const sql = require('mssql');
module.exports = sql.connect(\`Server=sql.internal;Encrypt=\${process.env.SQL_ENCRYPT};TrustServerCertificate=true\`);`),
    validJs(`const sql = require('mssql');
module.exports = sql.connect(\`Server=sql.internal;\${process.env.SQL_EXTRA};TrustServerCertificate=true\`);`),
    validJs(`module.exports = 'Server=sql.internal;TrustServerCertificate=true';`),
    validJs(`const sql = require('mssql/msnodesqlv8');
module.exports = sql.connect('Server=sql.internal;Trusted_Connection=yes;TrustServerCertificate=true');`),
  ],
  invalid: [
    js({
      code: `const mysql = require('mysql');
module.exports = mysql.createConnection({ host: 'db.internal', ssl: { rejectUnauthorized: false } });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `mysql \`ssl\` options` },
          line: 2,
          column: 71,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `const mysql = require('mysql');
module.exports = mysql.createConnection({ host: 'db.internal', ssl: {} });`,
            },
          ],
        },
      ],
    }),
    js({
      code: `const { Connection } = require('tedious');
module.exports = new Connection({ server: 'sql.internal', options: { trustServerCertificate: true } });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: TRUST,
          line: 2,
          column: 70,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: TRUST_FIX },
              output: `const { Connection } = require('tedious');
module.exports = new Connection({ server: 'sql.internal', options: { trustServerCertificate: false } });`,
            },
          ],
        },
      ],
    }),
    js({
      code: `const sql = require('mssql');
const config = { server: 'sql.internal', options: { encrypt: true, trustServerCertificate: true } };
module.exports = new sql.ConnectionPool(config);`,
      errors: [
        {
          messageId: 'libraryOption',
          data: TRUST,
          line: 2,
          column: 68,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: TRUST_FIX },
              output: `const sql = require('mssql');
const config = { server: 'sql.internal', options: { encrypt: true, trustServerCertificate: false } };
module.exports = new sql.ConnectionPool(config);`,
            },
          ],
        },
      ],
    }),
    // mssql's top-level spelling (a default for options.trustServerCertificate).
    js({
      code: `const sql = require('mssql');
module.exports = sql.connect({ server: 'sql.internal', trustServerCertificate: true });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: TRUST,
          line: 2,
          column: 56,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: TRUST_FIX },
              output: `const sql = require('mssql');
module.exports = sql.connect({ server: 'sql.internal', trustServerCertificate: false });`,
            },
          ],
        },
      ],
    }),
    // Outside tedious/mssql (knex, sequelize, typeorm pass options to tedious): next to an explicit encrypt: true.
    js({
      code: `const knex = require('knex');
module.exports = knex({ client: 'mssql', connection: { server: 'sql.internal', options: { encrypt: true, trustServerCertificate: true } } });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: TRUST,
          line: 2,
          column: 106,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: TRUST_FIX },
              output: `const knex = require('knex');
module.exports = knex({ client: 'mssql', connection: { server: 'sql.internal', options: { encrypt: true, trustServerCertificate: false } } });`,
            },
          ],
        },
      ],
    }),
    js({
      code: `const cassandra = require('cassandra-driver');
module.exports = new cassandra.Client({ contactPoints: ['db.internal'], sslOptions: { ca: [process.env.DB_CA] } });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias(`cassandra-driver`, `An \`sslOptions\` object without \`rejectUnauthorized: true\``),
          line: 2,
          column: 73,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: `Add \`rejectUnauthorized: true\`.` },
              output: `const cassandra = require('cassandra-driver');
module.exports = new cassandra.Client({ contactPoints: ['db.internal'], sslOptions: { ca: [process.env.DB_CA], rejectUnauthorized: true } });`,
            },
          ],
        },
      ],
    }),
    js({
      code: `const { Client } = require('cassandra-driver');
module.exports = new Client({ contactPoints: ['db.internal'], sslOptions: { rejectUnauthorized: false } });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `cassandra-driver \`new Client({ sslOptions })\`` },
          line: 2,
          column: 77,
          suggestions: [
            // Removing it would leave cassandra-driver's own default, `false`.
            {
              messageId: 'libraryFix',
              data: { fix: `Replace with \`rejectUnauthorized: true\` (cassandra-driver does not verify by default).` },
              output: `const { Client } = require('cassandra-driver');
module.exports = new Client({ contactPoints: ['db.internal'], sslOptions: { rejectUnauthorized: true } });`,
            },
          ],
        },
      ],
    }),
    js({
      code: `const neo4j = require('neo4j-driver');
module.exports = neo4j.driver('bolt://graph.internal', neo4j.auth.basic('u', 'p'), { encrypted: 'ENCRYPTION_ON', trust: 'TRUST_ALL_CERTIFICATES' });`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias(`neo4j-driver`, `\`trust: 'TRUST_ALL_CERTIFICATES'\``),
          line: 2,
          column: 114,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: `Replace with \`trust: 'TRUST_SYSTEM_CA_SIGNED_CERTIFICATES'\`.` },
              output: `const neo4j = require('neo4j-driver');
module.exports = neo4j.driver('bolt://graph.internal', neo4j.auth.basic('u', 'p'), { encrypted: 'ENCRYPTION_ON', trust: 'TRUST_SYSTEM_CA_SIGNED_CERTIFICATES' });`,
            },
          ],
        },
      ],
    }),
    js({
      code: `const { Sequelize } = require('sequelize');
module.exports = new Sequelize('app', 'u', 'p', { dialect: 'postgres', dialectOptions: { ssl: { rejectUnauthorized: false } } });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `sequelize \`dialectOptions.ssl\` (passed to the database driver)` },
          line: 2,
          column: 97,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `const { Sequelize } = require('sequelize');
module.exports = new Sequelize('app', 'u', 'p', { dialect: 'postgres', dialectOptions: { ssl: {} } });`,
            },
          ],
        },
      ],
    }),
    js({
      code: `const knex = require('knex');
module.exports = knex({ client: 'pg', connection: { host: 'db.internal', ssl: { rejectUnauthorized: false } } });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `knex \`connection.ssl\` (passed to the database driver)` },
          line: 2,
          column: 81,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `const knex = require('knex');
module.exports = knex({ client: 'pg', connection: { host: 'db.internal', ssl: {} } });`,
            },
          ],
        },
      ],
    }),
    js({
      code: `const { DataSource } = require('typeorm');
module.exports = new DataSource({ type: 'postgres', host: 'db.internal', ssl: { rejectUnauthorized: false } });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `typeorm \`new DataSource({ ssl })\` (passed to the database driver)` },
          line: 2,
          column: 81,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `const { DataSource } = require('typeorm');
module.exports = new DataSource({ type: 'postgres', host: 'db.internal', ssl: {} });`,
            },
          ],
        },
      ],
    }),
    js({
      code: `const { DataSource } = require('typeorm');
module.exports = new DataSource({ type: 'mysql', extra: { ssl: { rejectUnauthorized: false } } });`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: `typeorm \`new DataSource({ extra: { ssl } })\` (passed to the database driver)` },
          line: 2,
          column: 66,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `const { DataSource } = require('typeorm');
module.exports = new DataSource({ type: 'mysql', extra: { ssl: {} } });`,
            },
          ],
        },
      ],
    }),
    js({
      code: `const sql = require('mssql');
module.exports = sql.connect('Server=sql.internal;Database=app;TrustServerCertificate=true');`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias('mssql', '`TrustServerCertificate=true`'),
          line: 2,
          column: 30,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: 'Use `TrustServerCertificate=false`.' },
              output: `const sql = require('mssql');
module.exports = sql.connect('Server=sql.internal;Database=app;TrustServerCertificate=false');`,
            },
          ],
        },
      ],
    }),
    // Encrypt=strict is plain `true` in an mssql string; keys ignore case.
    js({
      code: `const sql = require('mssql');
const host = process.env.SQL_HOST;
module.exports = new sql.ConnectionPool(\`Server=\${host};Encrypt=strict;trustservercertificate=yes\`);`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias('mssql', '`TrustServerCertificate=yes`'),
          line: 3,
          column: 41,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: 'Use `TrustServerCertificate=false`.' },
              output: `const sql = require('mssql');
const host = process.env.SQL_HOST;
module.exports = new sql.ConnectionPool(\`Server=\${host};Encrypt=strict;trustservercertificate=false\`);`,
            },
          ],
        },
      ],
    }),
    js({
      code: `const sql = require('mssql/tedious');
const CONNECTION = 'Server=sql.internal; TrustServerCertificate = True ;';
module.exports = sql.connect(CONNECTION);`,
      errors: [
        {
          messageId: 'libraryOption',
          data: alias('mssql', '`TrustServerCertificate=True`'),
          line: 2,
          column: 20,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: 'Use `TrustServerCertificate=false`.' },
              output: `const sql = require('mssql/tedious');
const CONNECTION = 'Server=sql.internal; TrustServerCertificate = false ;';
module.exports = sql.connect(CONNECTION);`,
            },
          ],
        },
      ],
    }),
  ],
};

export default cases;
