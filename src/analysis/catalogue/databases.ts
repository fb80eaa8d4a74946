/**
 * Database and cache clients: pg, postgres.js, mysql2, mongodb, mongoose, ioredis, node-redis.
 * Facts: research/node-tls.md 2.3 (verified against the installed packages, see docs/libraries.md).
 */
import type { ApiRow } from '../sinks.js';
import { sink, type AliasRow, type CatalogueSection } from './model.js';

const PG_APIS = [['Client'], ['Pool'], ['native', 'Client'], ['native', 'Pool']];

/** Where a pg config object goes: `new Client(config)`, `new Pool(config)`. */
const PG_CONFIG: ApiRow[] = [{ label: 'pg', module: 'pg', exports: PG_APIS, invoke: 'new', argument: 0, path: [] }];

export const pg: CatalogueSection = {
  packages: ['pg', '@types/pg', 'pg-pool', 'pg-connection-string'],
  sinks: [sink({ label: 'pg `ssl` options', library: 'pg', module: 'pg', exports: PG_APIS, invoke: 'new', argument: 0, path: ['ssl'], role: 'client', sendsSni: true })],
  aliases: [
    {
      library: 'pg',
      packages: ['pg', '@types/pg'],
      rule: 'certificate',
      option: "`ssl: 'no-verify'`",
      match: { kind: 'property', key: 'ssl', insecure: (v) => v === 'no-verify' },
      apis: PG_CONFIG,
      effect: 'means `rejectUnauthorized: false`, which turns off certificate verification for the database connection',
      way: 'Use `ssl: { ca }` with the server\'s CA (verification is then on).',
      fix: { kind: 'replace-value', text: 'true' },
      fixText: 'Replace with `ssl: true` (TLS with verification).',
    },
    {
      library: 'pg',
      packages: ['pg', 'pg-connection-string'],
      rule: 'certificate',
      option: '`sslmode=no-verify`',
      match: { kind: 'url', scheme: /^postgres(?:ql)?:$/i, param: 'sslmode', insecure: (v) => v === 'no-verify', secure: 'verify-full' },
      effect: 'in a connection string turns off certificate verification (pg maps it to `rejectUnauthorized: false`)',
      way: 'Use `sslmode=verify-full` (with `sslrootcert` for a private CA).',
    },
    {
      library: 'pg',
      packages: ['pg', 'pg-connection-string'],
      rule: 'certificate',
      option: '`uselibpqcompat=true&sslmode={value}`',
      match: { kind: 'url', scheme: /^postgres(?:ql)?:$/i, param: 'sslmode', insecure: (v, params) => params.get('uselibpqcompat') === 'true' && (v === 'prefer' || v === 'require' || v === 'allow'), secure: 'verify-full' },
      effect: 'gives `sslmode` its libpq meaning, where `prefer`/`require` do not verify the certificate',
      way: 'Use `sslmode=verify-full`.',
    },
  ],
};

const POSTGRES_API: ApiRow[] = [
  { label: 'postgres.js', module: 'postgres', exports: [[]], invoke: 'call', argument: 'first-object', path: [] },
];
const POSTGRES_URL: ApiRow[] = [{ label: 'postgres.js', module: 'postgres', exports: [[]], invoke: 'call', argument: 0, path: [] }];
const POSTGRES_WEAK = new Set(['require', 'prefer', 'allow']);

export const postgres: CatalogueSection = {
  packages: ['postgres'],
  sinks: [sink({ label: 'postgres.js `ssl` options', library: 'postgres.js', module: 'postgres', invoke: 'call', argument: 'first-object', path: ['ssl'], role: 'client', sendsSni: true })],
  aliases: [
    {
      library: 'postgres.js',
      packages: ['postgres'],
      rule: 'certificate',
      option: '`ssl: {value}`',
      match: { kind: 'property', key: 'ssl', insecure: (v) => typeof v === 'string' && POSTGRES_WEAK.has(v) },
      apis: POSTGRES_API,
      effect: 'means `rejectUnauthorized: false` in postgres.js, which turns off certificate verification (`prefer` and `allow` also fall back to plaintext)',
      way: "Use `ssl: 'verify-full'` (or `ssl: { ca }` for a private CA).",
      fix: { kind: 'replace-value', text: "'verify-full'" },
      fixText: "Replace with `ssl: 'verify-full'`.",
    },
    {
      library: 'postgres.js',
      packages: ['postgres'],
      rule: 'certificate',
      option: '`sslmode={value}`',
      match: { kind: 'url', scheme: /^postgres(?:ql)?:$/i, param: 'sslmode', insecure: (v) => POSTGRES_WEAK.has(v), secure: 'verify-full' },
      apis: POSTGRES_URL,
      effect: 'in a postgres.js connection string means `rejectUnauthorized: false`, which turns off certificate verification',
      way: 'Use `sslmode=verify-full`.',
    },
  ],
};

const MYSQL2_MODULES = ['mysql2', 'mysql2/promise'];
const MYSQL2_APIS = [['createConnection'], ['createPool'], ['createPoolCluster'], ['connect']];
const MYSQL2_CONFIG: ApiRow[] = MYSQL2_MODULES.map((module) => ({ label: 'mysql2', module, exports: MYSQL2_APIS, invoke: 'call' as const, argument: 0, path: [] }));

export const mysql2: CatalogueSection = {
  packages: ['mysql2'],
  sinks: MYSQL2_MODULES.map((module) =>
    sink({ label: 'mysql2 `ssl` options', library: 'mysql2', module, exports: MYSQL2_APIS, invoke: 'call', argument: 0, path: ['ssl'], role: 'client', sendsSni: true }),
  ),
  aliases: [
    {
      library: 'mysql2',
      packages: ['mysql2'],
      rule: 'hostname',
      option: 'An `ssl` object without `verifyIdentity: true`',
      match: { kind: 'missing', key: 'ssl', required: 'verifyIdentity' },
      apis: MYSQL2_CONFIG,
      effect: 'makes mysql2 skip the hostname check (it passes a `checkServerIdentity` that accepts any name)',
      way: 'Add `verifyIdentity: true`.',
      fixText: 'Add `verifyIdentity: true`.',
    },
  ],
};

const MONGO_PACKAGES = ['mongodb', 'mongoose'];
const MONGO_URI = /^mongodb(?:\+srv)?:$/i;

const mongoProperty = (key: string, insecure: boolean, rule: AliasRow['rule'], effect: string, way: string): AliasRow => ({
  library: 'mongodb',
  packages: MONGO_PACKAGES,
  rule,
  option: `\`${key}: ${String(insecure)}\``,
  match: { kind: 'property', key, insecure: (v) => v === insecure },
  effect,
  way,
  fix: { kind: 'remove' },
  fixText: `Remove \`${key}: ${String(insecure)}\`.`,
});

const mongoUri = (param: string, insecure: string, rule: AliasRow['rule'], effect: string, way: string, secure: string): AliasRow => ({
  library: 'mongodb',
  packages: MONGO_PACKAGES,
  rule,
  option: `\`${param}=${insecure}\``,
  match: { kind: 'url', scheme: MONGO_URI, param, insecure: (v) => v.toLowerCase() === insecure, secure },
  effect: `in a connection string ${effect}`,
  way,
});

const MONGO_CERT_WAY = 'Remove it; for a private CA use `tlsCAFile`.';

export const mongodb: CatalogueSection = {
  packages: MONGO_PACKAGES,
  sinks: [
    sink({ label: 'mongodb `new MongoClient()` options', library: 'mongodb', module: 'mongodb', exports: [['MongoClient']], invoke: 'new', argument: 1, role: 'client', sendsSni: true }),
    sink({ label: 'mongodb `MongoClient.connect()` options', library: 'mongodb', module: 'mongodb', exports: [['MongoClient', 'connect']], invoke: 'call', argument: 1, role: 'client', sendsSni: true }),
    sink({ label: 'mongoose connection options', library: 'mongoose', module: 'mongoose', exports: [['connect'], ['createConnection']], invoke: 'call', argument: 1, role: 'client', sendsSni: true }),
  ],
  aliases: [
    mongoProperty('tlsAllowInvalidCertificates', true, 'certificate', 'turns off certificate verification for MongoDB connections', MONGO_CERT_WAY),
    mongoProperty('tlsInsecure', true, 'certificate', 'turns off both certificate and hostname verification for MongoDB connections', MONGO_CERT_WAY),
    mongoProperty('sslValidate', false, 'certificate', 'turns off certificate verification for MongoDB connections (driver < 6)', 'Remove it; for a private CA use `tlsCAFile`.'),
    mongoProperty('tlsAllowInvalidHostnames', true, 'hostname', 'turns off hostname verification for MongoDB connections', 'Remove it, and connect with a host name the certificate names.'),
    mongoUri('tlsAllowInvalidCertificates', 'true', 'certificate', 'turns off certificate verification for MongoDB connections', MONGO_CERT_WAY, 'false'),
    mongoUri('tlsInsecure', 'true', 'certificate', 'turns off both certificate and hostname verification for MongoDB connections', MONGO_CERT_WAY, 'false'),
    mongoUri('sslValidate', 'false', 'certificate', 'turns off certificate verification for MongoDB connections (driver < 6)', MONGO_CERT_WAY, 'true'),
    mongoUri('tlsAllowInvalidHostnames', 'true', 'hostname', 'turns off hostname verification for MongoDB connections', 'Remove it, and connect with a host name the certificate names.', 'false'),
  ],
};

export const ioredis: CatalogueSection = {
  packages: ['ioredis'],
  sinks: [
    // `new Redis(port, host, options)` / `new Redis(url, options)` / `new Redis(options)`. No SNI by default.
    sink({ label: 'ioredis `tls` options', library: 'ioredis', module: 'ioredis', exports: [[], ['Redis'], ['default']], invoke: 'new', argument: 'first-object', path: ['tls'], role: 'client', sendsSni: false }),
    sink({ label: 'ioredis `new Cluster()` `redisOptions.tls`', library: 'ioredis', module: 'ioredis', exports: [['Cluster'], ['Redis', 'Cluster']], invoke: 'new', argument: 1, path: ['redisOptions', 'tls'], role: 'client', sendsSni: false }),
  ],
};

export const nodeRedis: CatalogueSection = {
  packages: ['redis', '@redis/client'],
  sinks: ['redis', '@redis/client'].map((module) =>
    // `createClient({ socket: { tls: true, rejectUnauthorized: false } })`. No SNI by default.
    sink({ label: 'node-redis `createClient({ socket })`', library: 'redis', module, exports: [['createClient']], invoke: 'call', argument: 0, path: ['socket'], role: 'client', sendsSni: false }),
  ),
};
