/**
 * Database and cache clients: pg, postgres.js, mysql2, mysql, tedious/mssql, mongodb, mongoose,
 * cassandra-driver, neo4j-driver, ioredis, node-redis, and the ORMs that hand an `ssl` bag to a
 * driver (sequelize, knex, typeorm). Facts: research/node-tls.md 2.3 (verified against the installed
 * or packed packages, see docs/libraries.md).
 */
import type { ApiRow } from '../sinks.js';
import type { UrlParams } from '../connection-strings.js';
import { pgTls } from '../connection-string-semantics.js';
import { sink, type AliasRow, type CatalogueSection, type ReplacedByString } from './model.js';

const PG_APIS = [['Client'], ['Pool'], ['native', 'Client'], ['native', 'Pool']];

/** Where a pg config object goes: `new Client(config)`, `new Pool(config)`. */
const PG_CONFIG: ApiRow[] = [{ label: 'pg', module: 'pg', exports: PG_APIS, invoke: 'new', argument: 0, path: [] }];

/** The connection string sets `ssl` in pg's parsed config, so the config object's own `ssl` is replaced. */
const PG_STRING_REPLACES_SSL: ReplacedByString = {
  key: 'connectionString',
  replaces: (params) => {
    const tls = pgTls(params);
    return tls !== undefined && tls !== 'none';
  },
};

const PG_URL = /^postgres(?:ql)?:$/i;

export const pg: CatalogueSection = {
  packages: ['pg', '@types/pg', 'pg-pool', 'pg-connection-string'],
  sinks: [
    sink({
      label: 'pg `ssl` options',
      library: 'pg',
      module: 'pg',
      exports: PG_APIS,
      invoke: 'new',
      argument: 0,
      path: ['ssl'],
      role: 'client',
      sendsSni: true,
      // `new Client({ connectionString, ssl })`: pg assigns the parsed string over the config.
      replacedBy: PG_STRING_REPLACES_SSL,
    }),
  ],
  aliases: [
    {
      library: 'pg',
      packages: ['pg', '@types/pg'],
      rule: 'certificate',
      option: "`ssl: 'no-verify'`",
      match: { kind: 'property', key: 'ssl', insecure: (v) => v === 'no-verify' },
      apis: PG_CONFIG,
      replacedBy: PG_STRING_REPLACES_SSL,
      effect: 'means `rejectUnauthorized: false`, which turns off certificate verification for the database connection',
      way: "Use `ssl: { ca }` with the server's CA (verification is then on).",
      fix: { kind: 'replace-value', text: 'true' },
      fixText: 'Replace with `ssl: true` (TLS with verification).',
    },
    {
      library: 'pg',
      packages: ['pg', 'pg-connection-string'],
      rule: 'certificate',
      option: '`sslmode=no-verify`',
      match: {
        kind: 'url',
        scheme: PG_URL,
        param: 'sslmode',
        insecure: (v, params) => v === 'no-verify' && pgTls(params) === 'cert-off',
        secure: 'verify-full',
      },
      effect: 'in a connection string turns off certificate verification (pg maps it to `rejectUnauthorized: false`)',
      way: 'Use `sslmode=verify-full` (with `sslrootcert` for a private CA).',
    },
    {
      library: 'pg',
      packages: ['pg', 'pg-connection-string'],
      rule: 'certificate',
      option: '`ssl=no-verify`',
      match: { kind: 'url', scheme: PG_URL, param: 'ssl', insecure: (v, params) => v === 'no-verify' && pgTls(params) === 'cert-off', secure: 'true' },
      effect: 'in a connection string turns off certificate verification (pg maps it to `rejectUnauthorized: false`)',
      way: 'Use `sslmode=verify-full` (with `sslrootcert` for a private CA).',
    },
    {
      library: 'pg',
      packages: ['pg', 'pg-connection-string'],
      rule: 'certificate',
      option: '`uselibpqcompat=true&sslmode={value}`',
      match: {
        kind: 'url',
        scheme: PG_URL,
        param: 'sslmode',
        insecure: (v, params) => (v === 'prefer' || v === 'require') && pgTls(params) === 'cert-off',
        secure: 'verify-full',
      },
      effect: 'gives `sslmode` its libpq meaning, where `prefer` and `require` (without `sslrootcert`) do not verify the certificate',
      way: 'Use `sslmode=verify-full`.',
    },
    {
      library: 'pg',
      packages: ['pg', 'pg-connection-string'],
      rule: 'hostname',
      option: '`uselibpqcompat=true&sslmode={value}`',
      match: {
        kind: 'url',
        scheme: PG_URL,
        param: 'sslmode',
        insecure: (v, params) => (v === 'verify-ca' || v === 'require') && pgTls(params) === 'host-off',
        secure: 'verify-full',
      },
      effect:
        'gives `sslmode` its libpq meaning, where `verify-ca` (and `require` with `sslrootcert`) checks the certificate chain against `sslrootcert` but not the host name (pg passes a `checkServerIdentity` that accepts any name)',
      way: 'Use `sslmode=verify-full`.',
    },
  ],
};

const POSTGRES_URL: ApiRow[] = [{ label: 'postgres.js', module: 'postgres', exports: [[]], invoke: 'call', argument: 0, path: [] }];
const POSTGRES_API: ApiRow[] = [{ label: 'postgres.js', module: 'postgres', exports: [[]], invoke: 'call', argument: 'first-object', path: [] }];
const POSTGRES_WEAK = new Set(['require', 'prefer', 'allow']);
/**
 * postgres.js 3.4 (`src/index.js` `parseOptions`): the URL's `sslmode` is copied to its `ssl`
 * parameter, `sslrootcert=system` makes it `'verify-full'`, and an `ssl` key in the options object
 * (`'ssl' in o`, whatever its value) wins over both.
 */
const notSystemRoots = (params: UrlParams): boolean => {
  const roots = params.get('sslrootcert');
  return roots === null || (roots !== undefined && roots !== 'system');
};
const POSTGRES_OPTIONS_SSL = { keys: ['ssl'], when: 'in' as const, at: { apis: POSTGRES_URL, argument: 1, path: [] } };

export const postgres: CatalogueSection = {
  packages: ['postgres'],
  sinks: [
    sink({
      label: 'postgres.js `ssl` options',
      library: 'postgres.js',
      module: 'postgres',
      invoke: 'call',
      argument: 'first-object',
      path: ['ssl'],
      role: 'client',
      sendsSni: true,
    }),
  ],
  aliases: [
    {
      library: 'postgres.js',
      packages: ['postgres'],
      rule: 'certificate',
      option: '`ssl: {value}`',
      match: { kind: 'property', key: 'ssl', insecure: (v) => typeof v === 'string' && POSTGRES_WEAK.has(v) },
      apis: POSTGRES_API,
      effect: 'means `rejectUnauthorized: false` in postgres.js, which turns off certificate verification (`prefer` also falls back to plaintext)',
      way: "Use `ssl: 'verify-full'` (or `ssl: { ca }` for a private CA).",
      fix: { kind: 'replace-value', text: "'verify-full'" },
      fixText: "Replace with `ssl: 'verify-full'`.",
    },
    {
      library: 'postgres.js',
      packages: ['postgres'],
      rule: 'certificate',
      option: '`sslmode={value}`',
      match: { kind: 'url', scheme: PG_URL, param: 'sslmode', insecure: (v, params) => POSTGRES_WEAK.has(v) && notSystemRoots(params), secure: 'verify-full' },
      apis: POSTGRES_URL,
      overriddenBy: [POSTGRES_OPTIONS_SSL],
      effect: 'in a postgres.js connection string means `rejectUnauthorized: false`, which turns off certificate verification',
      way: 'Use `sslmode=verify-full`.',
    },
    {
      library: 'postgres.js',
      packages: ['postgres'],
      rule: 'certificate',
      option: '`ssl={value}`',
      match: {
        kind: 'url',
        scheme: PG_URL,
        param: 'ssl',
        insecure: (v, params) => POSTGRES_WEAK.has(v) && params.get('sslmode') === null && notSystemRoots(params),
        secure: 'verify-full',
      },
      apis: POSTGRES_URL,
      overriddenBy: [POSTGRES_OPTIONS_SSL],
      effect: 'in a postgres.js connection string means `rejectUnauthorized: false`, which turns off certificate verification',
      way: 'Use `sslmode=verify-full`.',
    },
  ],
};

const MYSQL2_MODULES = ['mysql2', 'mysql2/promise'];
const MYSQL2_APIS = [['createConnection'], ['createPool'], ['createPoolCluster'], ['connect']];
const MYSQL2_CONFIG: ApiRow[] = MYSQL2_MODULES.map((module) => ({
  label: 'mysql2',
  module,
  exports: MYSQL2_APIS,
  invoke: 'call' as const,
  argument: 0,
  path: [],
}));

/**
 * mysql2 3.24 (`lib/connection_config.js`): a string config, or a config's `uri`, goes through
 * `parseUrl`, which `JSON.parse`s each query value (`?ssl={"rejectUnauthorized":false}` is an
 * object); a `uri`'s values fill only the keys the config leaves falsy (`if (options[key])
 * continue`), so a truthy `ssl` in the config wins.
 */
const MYSQL_URL = /^mysql:$/i;
const MYSQL2_URI: ApiRow[] = MYSQL2_MODULES.flatMap((module) =>
  [[], ['uri']].map((path): ApiRow => ({ label: 'mysql2', module, exports: MYSQL2_APIS, invoke: 'call', argument: 0, path })),
);
const MYSQL2_OPTIONS_SSL = { keys: ['ssl'], when: 'truthy' as const, at: { apis: MYSQL2_URI.filter((r) => r.path.length === 1), argument: 0, path: [] } };
const MYSQL2_SECURE_SSL = '{"verifyIdentity":true}';
function mysql2UriSsl(value: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export const mysql2: CatalogueSection = {
  packages: ['mysql2'],
  sinks: MYSQL2_MODULES.map((module) =>
    sink({
      label: 'mysql2 `ssl` options',
      library: 'mysql2',
      module,
      exports: MYSQL2_APIS,
      invoke: 'call',
      argument: 0,
      path: ['ssl'],
      role: 'client',
      sendsSni: true,
    }),
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
    {
      library: 'mysql2',
      packages: ['mysql2'],
      rule: 'certificate',
      option: '`ssl={value}`',
      match: { kind: 'url', scheme: MYSQL_URL, param: 'ssl', insecure: (v) => mysql2UriSsl(v)?.rejectUnauthorized === false, secure: MYSQL2_SECURE_SSL },
      apis: MYSQL2_URI,
      overriddenBy: [MYSQL2_OPTIONS_SSL],
      effect: 'in a mysql2 connection string is parsed as the `ssl` options, and its `rejectUnauthorized: false` turns off certificate verification',
      way: 'Remove `rejectUnauthorized` from it (for a private CA, pass `ssl: { ca }` in the config instead).',
    },
    {
      library: 'mysql2',
      packages: ['mysql2'],
      rule: 'hostname',
      option: '`ssl={value}`',
      match: {
        kind: 'url',
        scheme: MYSQL_URL,
        param: 'ssl',
        // `rejectUnauthorized: false` is the certificate rule's finding (it drops the hostname check too).
        insecure: (v) => {
          const ssl = mysql2UriSsl(v);
          return !!ssl && ssl.verifyIdentity !== true && ssl.rejectUnauthorized !== false;
        },
        secure: MYSQL2_SECURE_SSL,
      },
      apis: MYSQL2_URI,
      overriddenBy: [MYSQL2_OPTIONS_SSL],
      effect:
        'in a mysql2 connection string is parsed as the `ssl` options, and without `verifyIdentity: true` mysql2 skips the hostname check (it passes a `checkServerIdentity` that accepts any name)',
      way: 'Add `"verifyIdentity":true` to it.',
    },
  ],
};

/**
 * mysqljs `mysql` 2.18 (`lib/Connection.js` `_startTLS`): `ssl` becomes `new tls.TLSSocket(socket,
 * { rejectUnauthorized, secureContext })` and the chain is checked only when `rejectUnauthorized`
 * is not `false`; no SNI, and the hostname is never checked (no local fix: not reported). A profile
 * string (`ssl: 'Amazon RDS'`) verifies. `createPoolCluster()` takes no `ssl` (its `add()` does).
 */
export const mysql: CatalogueSection = {
  packages: ['mysql', '@types/mysql'],
  sinks: [
    sink({
      label: 'mysql `ssl` options',
      library: 'mysql',
      module: 'mysql',
      exports: [['createConnection'], ['createPool']],
      invoke: 'call',
      argument: 0,
      path: ['ssl'],
      role: 'client',
    }),
  ],
};

/**
 * tedious 19 (`lib/message-io.js` `startTls`: `rejectUnauthorized: !trustServerCertificate`) and mssql
 * 12 (`lib/tedious/connection-pool.js`: top-level `encrypt`/`trustServerCertificate` as defaults,
 * `options` wins; `encrypt` defaults to `true`). With `encrypt: 'strict'` tedious wraps the socket
 * itself and ignores `trustServerCertificate`; with `encrypt: false` there is no TLS to verify.
 * mssql's msnodesqlv8 driver never reads the option.
 */
const MSSQL_MODULES = ['mssql', 'mssql/tedious'];
const SQL_SERVER_CONFIG: ApiRow[] = [
  { label: 'tedious', module: 'tedious', exports: [['Connection']], invoke: 'new', argument: 0, path: ['options'] },
  { label: 'tedious', module: 'tedious', exports: [['connect']], invoke: 'call', argument: 0, path: ['options'] },
  ...MSSQL_MODULES.flatMap((module) =>
    [[], ['options']].flatMap((path): ApiRow[] => [
      { label: 'mssql', module, exports: [['ConnectionPool']], invoke: 'new', argument: 0, path },
      { label: 'mssql', module, exports: [['connect']], invoke: 'call', argument: 0, path },
    ]),
  ),
];
const SQL_SERVER_PACKAGES = ['tedious', 'mssql', '@types/mssql'];
const trueOrAbsent = (v: unknown): boolean => v === undefined || v === true;

const trustServerCertificate = (encrypt: (v: unknown) => boolean, apis?: readonly ApiRow[]): AliasRow => ({
  library: 'tedious, mssql',
  packages: SQL_SERVER_PACKAGES,
  rule: 'certificate',
  option: '`trustServerCertificate: true`',
  match: {
    kind: 'property',
    key: 'trustServerCertificate',
    insecure: (v) => v === true,
    // mssql's top-level defaults give way to `options`: a nested `options.encrypt`/`options.trustServerCertificate` decides.
    siblings: [
      { path: ['encrypt'], insecure: encrypt },
      { path: ['options', 'encrypt'], insecure: trueOrAbsent },
      { path: ['options', 'trustServerCertificate'], insecure: trueOrAbsent },
    ],
  },
  ...(apis ? { apis } : {}),
  effect: 'makes the SQL Server driver connect with `rejectUnauthorized: false`, which turns off certificate verification',
  way: "Set it to `false` (a private CA goes in `cryptoCredentialsDetails: { ca }`), or use `encrypt: 'strict'`.",
  fix: { kind: 'replace-value', text: 'false' },
  fixText: 'Replace with `trustServerCertificate: false`.',
});

/**
 * mssql 12.7 connection strings (`sql.connect(str)`, `new ConnectionPool(str)`: `lib/base/connection-pool.js`
 * `_parseConnectionString`, with @tediousjs/connection-string 1.1): keys are case-insensitive, a boolean
 * is `false` for `false`/`no`/`0` (any case) and for an empty value, `true` for any other text (so
 * `Encrypt=strict` is plain `true`: mssql does not pass `'strict'` on); `TrustServerCertificate` and
 * `Encrypt` go to `options`, and an absent `Encrypt` gives mssql's default `true`.
 */
const MSSQL_STRING: ApiRow[] = MSSQL_MODULES.flatMap((module): ApiRow[] => [
  { label: 'mssql', module, exports: [['ConnectionPool']], invoke: 'new', argument: 0, path: [] },
  { label: 'mssql', module, exports: [['connect']], invoke: 'call', argument: 0, path: [] },
]);
const adoTrue = (v: string): boolean => v !== '' && !['false', 'no', '0'].includes(v.toLowerCase());

export const sqlServer: CatalogueSection = {
  packages: SQL_SERVER_PACKAGES,
  aliases: [
    // Reaching tedious or mssql, whose `encrypt` defaults to true: absent counts.
    trustServerCertificate(trueOrAbsent, SQL_SERVER_CONFIG),
    // Elsewhere (knex defaults `encrypt` to false): only next to an explicit `encrypt: true`.
    trustServerCertificate((v) => v === true),
    {
      library: 'mssql',
      packages: ['mssql', '@types/mssql'],
      rule: 'certificate',
      option: '`TrustServerCertificate={value}`',
      match: {
        kind: 'key-value',
        key: 'TrustServerCertificate',
        // With `Encrypt` false there is no TLS to verify; an `Encrypt` the file does not show is not guessed.
        insecure: (value, pairs) => adoTrue(value) && (!pairs.has('encrypt') || (pairs.get('encrypt') !== undefined && adoTrue(pairs.get('encrypt')!))),
        secure: 'false',
      },
      apis: MSSQL_STRING,
      effect:
        'in an mssql connection string makes the SQL Server driver connect with `rejectUnauthorized: false`, which turns off certificate verification (mssql reads `Encrypt=strict` there as plain `true`, so it does not help)',
      way: 'Set it to `false`; for a private CA, pass a config object with `options: { cryptoCredentialsDetails: { ca } }`.',
    },
  ],
};

/**
 * cassandra-driver 4.10 (`lib/connection.js` `open`): `tls.connect(port, address,
 * utils.extend({ rejectUnauthorized: false }, sslOptions))`, so verification is off unless
 * `sslOptions` sets `rejectUnauthorized` (`extend` skips `undefined`). No SNI unless `sni` (cloud).
 */
const CASSANDRA_CLIENT: ApiRow[] = [{ label: 'cassandra-driver', module: 'cassandra-driver', exports: [['Client']], invoke: 'new', argument: 0, path: [] }];

export const cassandra: CatalogueSection = {
  packages: ['cassandra-driver'],
  sinks: [
    sink({
      label: 'cassandra-driver `new Client({ sslOptions })`',
      library: 'cassandra-driver',
      module: 'cassandra-driver',
      exports: [['Client']],
      invoke: 'new',
      argument: 0,
      path: ['sslOptions'],
      role: 'client',
      sendsSni: false,
      verifiesByDefault: false,
    }),
  ],
  aliases: [
    {
      library: 'cassandra-driver',
      packages: ['cassandra-driver'],
      rule: 'certificate',
      option: 'An `sslOptions` object without `rejectUnauthorized: true`',
      match: { kind: 'missing', key: 'sslOptions', required: 'rejectUnauthorized', insecure: (v) => v === undefined },
      apis: CASSANDRA_CLIENT,
      effect: 'leaves certificate verification off (cassandra-driver defaults `rejectUnauthorized` to `false`)',
      way: 'Add `rejectUnauthorized: true` (with `ca` for a private CA).',
      fixText: 'Add `rejectUnauthorized: true`.',
    },
  ],
};

/**
 * neo4j-driver 6.3 (neo4j-driver-bolt-connection `lib/channel/node/node-channel.js`):
 * `TRUST_ALL_CERTIFICATES` connects with `rejectUnauthorized: false` and only requires that some
 * certificate is sent. The config's `trust` applies only with `encrypted: true | 'ENCRYPTION_ON'`
 * (unset means no encryption). `neo4j+ssc://` / `bolt+ssc://` URLs mean the same (not matched yet).
 */
export const neo4j: CatalogueSection = {
  packages: ['neo4j-driver', 'neo4j-driver-core'],
  aliases: [
    {
      library: 'neo4j-driver',
      packages: ['neo4j-driver', 'neo4j-driver-core'],
      rule: 'certificate',
      option: "`trust: 'TRUST_ALL_CERTIFICATES'`",
      match: {
        kind: 'property',
        key: 'trust',
        insecure: (v) => v === 'TRUST_ALL_CERTIFICATES',
        siblings: [{ path: ['encrypted'], insecure: (v) => v === true || v === 'ENCRYPTION_ON' }],
      },
      apis: [{ label: 'neo4j-driver', module: 'neo4j-driver', exports: [['driver']], invoke: 'call', argument: 2, path: [] }],
      effect: 'makes the driver connect with `rejectUnauthorized: false`, which accepts any certificate',
      way: "Use `trust: 'TRUST_SYSTEM_CA_SIGNED_CERTIFICATES'`, or `'TRUST_CUSTOM_CA_SIGNED_CERTIFICATES'` with `trustedCertificates` for a private CA.",
      fix: { kind: 'replace-value', text: "'TRUST_SYSTEM_CA_SIGNED_CERTIFICATES'" },
      fixText: "Replace with `trust: 'TRUST_SYSTEM_CA_SIGNED_CERTIFICATES'`.",
    },
  ],
};

/**
 * ORMs and query builders that hand a TLS bag to pg, mysql2, mysql or mariadb unchanged:
 * sequelize 6.37 (`dialectOptions.ssl`: picked into the pg `Client` config, spread into mysql2's
 * `createConnection`), knex 3.3 (`connection` is cloned into the driver's connection settings),
 * typeorm 1.1 (`ssl`, overridden by `extra`, both go into the pg `Pool` / mysql pool config).
 */
export const orms: CatalogueSection = {
  packages: ['sequelize', 'knex', 'typeorm'],
  sinks: [
    sink({
      label: 'sequelize `dialectOptions.ssl` (passed to the database driver)',
      library: 'sequelize',
      module: 'sequelize',
      exports: [[], ['Sequelize'], ['default']],
      invoke: 'new',
      argument: 'first-object',
      path: ['dialectOptions', 'ssl'],
      role: 'client',
    }),
    sink({
      label: 'knex `connection.ssl` (passed to the database driver)',
      library: 'knex',
      module: 'knex',
      exports: [[], ['knex'], ['default']],
      invoke: 'call',
      argument: 0,
      path: ['connection', 'ssl'],
      role: 'client',
    }),
    sink({
      label: 'typeorm `new DataSource({ ssl })` (passed to the database driver)',
      library: 'typeorm',
      module: 'typeorm',
      exports: [['DataSource']],
      invoke: 'new',
      argument: 0,
      path: ['ssl'],
      role: 'client',
    }),
    sink({
      label: 'typeorm `new DataSource({ extra: { ssl } })` (passed to the database driver)',
      library: 'typeorm',
      module: 'typeorm',
      exports: [['DataSource']],
      invoke: 'new',
      argument: 0,
      path: ['extra', 'ssl'],
      role: 'client',
    }),
  ],
};

const MONGO_PACKAGES = ['mongodb', 'mongoose'];
const MONGO_URI = /^mongodb(?:\+srv)?:$/i;

/**
 * mongodb 7.9 (`lib/connection_string.js` `parseOptions`): URI options and option-object keys are
 * matched in any case; for each option the object's value, when not `null`/`undefined`, comes before
 * the URI's and wins (`setOption` takes the first). Options are then applied in the order of
 * `OPTIONS`, where `tlsAllowInvalidCertificates` sets `rejectUnauthorized`, `tlsAllowInvalidHostnames`
 * sets `checkServerIdentity`, `tlsInsecure` sets both, and the raw `rejectUnauthorized` and
 * `checkServerIdentity` come last, so a non-null raw key (from the object or the URI, where it stays
 * a string that Node reads as "verify") overrides them. `tlsInsecure` beside
 * `tlsAllowInvalidCertificates` or `tlsAllowInvalidHostnames`, from either source, throws
 * (`checkTLSOptions`). A boolean in the URI must be exactly `true` or `false` (else it throws).
 */
const MONGO_WINS: Readonly<Record<string, readonly string[]>> = {
  tlsAllowInvalidCertificates: ['tlsInsecure', 'rejectUnauthorized'],
  tlsInsecure: ['tlsAllowInvalidCertificates', 'tlsAllowInvalidHostnames', 'rejectUnauthorized'],
  tlsAllowInvalidHostnames: ['tlsInsecure', 'checkServerIdentity'],
  sslValidate: [],
};
/** mongodb's `MongoClient` and mongoose's connect calls: the URI is argument 0, the options argument 1. */
const MONGO_URI_APIS: ApiRow[] = [
  { label: 'mongodb', module: 'mongodb', exports: [['MongoClient']], invoke: 'new', argument: 0, path: [] },
  { label: 'mongodb', module: 'mongodb', exports: [['MongoClient', 'connect']], invoke: 'call', argument: 0, path: [] },
  { label: 'mongoose', module: 'mongoose', exports: [['connect'], ['createConnection']], invoke: 'call', argument: 0, path: [] },
];

const MONGO_OPTIONS_APIS: ApiRow[] = MONGO_URI_APIS.map((r) => ({ ...r, argument: 1 }));

const mongoProperty = (key: string, insecure: boolean, rule: AliasRow['rule'], effect: string, way: string): AliasRow => ({
  library: 'mongodb',
  packages: MONGO_PACKAGES,
  rule,
  option: `\`${key}: ${String(insecure)}\``,
  match: { kind: 'property', key, insecure: (v) => v === insecure },
  overriddenBy: [
    { keys: MONGO_WINS[key]!, when: 'non-null', ignoreCase: true },
    // The URI's raw `rejectUnauthorized`, or a conflicting option there.
    { keys: MONGO_WINS[key]!, when: 'non-null', ignoreCase: true, at: { apis: MONGO_OPTIONS_APIS, argument: 0, path: [], source: 'string' } },
  ],
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
  match: {
    kind: 'url',
    scheme: MONGO_URI,
    param,
    ignoreCase: true,
    // The URI's own raw key or conflicting option undoes it (or makes the client throw); an unknown one may.
    insecure: (v, params) => v === insecure && MONGO_WINS[param]!.every((k) => params.get(k, true) === null),
    secure,
  },
  // The same key in the options object, or one that wins over it there.
  overriddenBy: [{ keys: [param, ...MONGO_WINS[param]!], when: 'non-null', ignoreCase: true, at: { apis: MONGO_URI_APIS, argument: 1, path: [] } }],
  effect: `in a connection string ${effect}`,
  way,
});

const MONGO_CERT_WAY = 'Remove it; for a private CA use `tlsCAFile`.';

export const mongodb: CatalogueSection = {
  packages: MONGO_PACKAGES,
  sinks: [
    sink({
      label: 'mongodb `new MongoClient()` options',
      library: 'mongodb',
      module: 'mongodb',
      exports: [['MongoClient']],
      invoke: 'new',
      argument: 1,
      role: 'client',
      sendsSni: true,
    }),
    sink({
      label: 'mongodb `MongoClient.connect()` options',
      library: 'mongodb',
      module: 'mongodb',
      exports: [['MongoClient', 'connect']],
      invoke: 'call',
      argument: 1,
      role: 'client',
      sendsSni: true,
    }),
    sink({
      label: 'mongoose connection options',
      library: 'mongoose',
      module: 'mongoose',
      exports: [['connect'], ['createConnection']],
      invoke: 'call',
      argument: 1,
      role: 'client',
      sendsSni: true,
    }),
  ],
  aliases: [
    mongoProperty('tlsAllowInvalidCertificates', true, 'certificate', 'turns off certificate verification for MongoDB connections', MONGO_CERT_WAY),
    mongoProperty('tlsInsecure', true, 'certificate', 'turns off both certificate and hostname verification for MongoDB connections', MONGO_CERT_WAY),
    mongoProperty(
      'sslValidate',
      false,
      'certificate',
      'turns off certificate verification for MongoDB connections (driver < 6)',
      'Remove it; for a private CA use `tlsCAFile`.',
    ),
    mongoProperty(
      'tlsAllowInvalidHostnames',
      true,
      'hostname',
      'turns off hostname verification for MongoDB connections',
      'Remove it, and connect with a host name the certificate names.',
    ),
    mongoUri('tlsAllowInvalidCertificates', 'true', 'certificate', 'turns off certificate verification for MongoDB connections', MONGO_CERT_WAY, 'false'),
    mongoUri('tlsInsecure', 'true', 'certificate', 'turns off both certificate and hostname verification for MongoDB connections', MONGO_CERT_WAY, 'false'),
    mongoUri('sslValidate', 'false', 'certificate', 'turns off certificate verification for MongoDB connections (driver < 6)', MONGO_CERT_WAY, 'true'),
    mongoUri(
      'tlsAllowInvalidHostnames',
      'true',
      'hostname',
      'turns off hostname verification for MongoDB connections',
      'Remove it, and connect with a host name the certificate names.',
      'false',
    ),
  ],
};

export const ioredis: CatalogueSection = {
  packages: ['ioredis'],
  sinks: [
    // `new Redis(port, host, options)` / `new Redis(url, options)` / `new Redis(options)`. No SNI by default.
    sink({
      label: 'ioredis `tls` options',
      library: 'ioredis',
      module: 'ioredis',
      exports: [[], ['Redis'], ['default']],
      invoke: 'new',
      argument: 'first-object',
      path: ['tls'],
      role: 'client',
      sendsSni: false,
    }),
    sink({
      label: 'ioredis `new Cluster()` `redisOptions.tls`',
      library: 'ioredis',
      module: 'ioredis',
      exports: [['Cluster'], ['Redis', 'Cluster']],
      invoke: 'new',
      argument: 1,
      path: ['redisOptions', 'tls'],
      role: 'client',
      sendsSni: false,
    }),
  ],
  // `new Redis('redis://:pw@host', options)`: `parseURL` takes the password from the URL; `rediss:`
  // (or a `tls` option) switches to `tls.connect`, `redis:` is `net.connect` (built/Redis.js, utils).
  plaintextUrls: [
    {
      library: 'ioredis',
      module: 'ioredis',
      exports: [[], ['Redis'], ['default']],
      invoke: 'new',
      url: { argument: 0 },
      schemes: { redis: 'rediss' },
      tlsKeys: ['tls'],
    },
  ],
};

export const nodeRedis: CatalogueSection = {
  packages: ['redis', '@redis/client'],
  sinks: ['redis', '@redis/client'].map((module) =>
    // `createClient({ socket: { tls: true, rejectUnauthorized: false } })`. No SNI by default.
    sink({
      label: 'node-redis `createClient({ socket })`',
      library: 'redis',
      module,
      exports: [['createClient']],
      invoke: 'call',
      argument: 0,
      path: ['socket'],
      role: 'client',
      sendsSni: false,
    }),
  ),
  // `createClient({ url: 'redis://user:pw@host' })`: the URL's password is sent with AUTH; only
  // `rediss:` or `socket: { tls: true }` opens TLS (@redis/client lib/client/index.js parseURL).
  plaintextUrls: ['redis', '@redis/client'].map((module) => ({
    library: 'redis',
    module,
    exports: [['createClient']],
    invoke: 'call' as const,
    url: { argument: 0, key: 'url' },
    schemes: { redis: 'rediss' },
    tlsKeys: ['socket'],
  })),
};
