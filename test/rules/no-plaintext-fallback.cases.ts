import type rule from '../../rules/no-plaintext-fallback.js';
import type { CasesOf } from '../rule-tester.js';
import { js, validJs } from '../rule-tester.js';

const REDIS = "import Redis from 'ioredis';\n";
const MAIL = "import nodemailer from 'nodemailer';\n";
const GRPC = "import * as grpc from '@grpc/grpc-js';\n";
const KAFKA = "import { Kafka } from 'kafkajs';\n";
const PG = "import pg from 'pg';\n";
const SQL = "import postgres from 'postgres';\n";
const LDAP = "import ldap from 'ldapjs';\n";

const cases: CasesOf<typeof rule> = {
  valid: [
    // TLS schemes, no password, loopback hosts, a password that is empty.
    `${REDIS}export const a = new Redis('rediss://:pw@cache.example.com:6380');`,
    `${REDIS}export const a = new Redis('redis://cache.example.com:6379');`,
    `${REDIS}export const a = new Redis('redis://user@cache.example.com');`,
    `${REDIS}export const a = new Redis('redis://:pw@localhost:6379');`,
    `${REDIS}export const a = new Redis('redis://:pw@127.0.0.1:6379');`,
    `${REDIS}export const a = new Redis('redis://:pw@[::1]:6379');`,
    `${REDIS}export const a = new Redis('redis://user:@cache.example.com');`,
    // A \`tls\` option switches ioredis to TLS whatever the scheme; an unknown options object may carry one.
    `${REDIS}export const a = new Redis('redis://:pw@cache.example.com', { tls: {} });`,
    `${REDIS}declare const opts: object;\nexport const a = new Redis('redis://:pw@cache.example.com', opts);`,
    // A scheme decided at run time may be the TLS one.
    `${REDIS}declare const scheme: string;\nexport const a = new Redis(\`\${scheme}://:pw@cache.example.com\`);`,
    // A URL string that goes nowhere catalogued.
    "export const docs = 'redis://:pw@cache.example.com';",
    // node-redis: `socket` may set `tls: true`.
    "import { createClient } from 'redis';\nexport const c = createClient({ url: 'redis://:pw@cache.example.com', socket: { tls: true } });",
    // mqtt: `protocol`, or `cert` with `key`, switch to TLS.
    "import mqtt from 'mqtt';\nexport const c = mqtt.connect('mqtt://u:p@broker.example.com', { protocol: 'mqtts' });",
    "import mqtt from 'mqtt';\nexport const c = mqtt.connect('mqtts://u:p@broker.example.com');",
    "import amqp from 'amqplib';\nexport const c = amqp.connect('amqps://u:p@mq.example.com');",
    // nodemailer: implicit TLS, requireTLS, the localhost default, services and URLs (their options win).
    `${MAIL}export const t = nodemailer.createTransport({ host: 'smtp.example.com', port: 465, secure: true });`,
    `${MAIL}export const t = nodemailer.createTransport({ host: 'smtp.example.com', port: 465 });`,
    `${MAIL}export const t = nodemailer.createTransport({ host: 'smtp.example.com', port: 587, secure: false, requireTLS: true });`,
    `${MAIL}export const t = nodemailer.createTransport({ host: 'smtp.example.com', ignoreTLS: true, requireTLS: true });`,
    `${MAIL}export const t = nodemailer.createTransport({ secure: false });`,
    `${MAIL}export const t = nodemailer.createTransport({ host: 'localhost', port: 1025, ignoreTLS: true });`,
    `${MAIL}export const t = nodemailer.createTransport({ service: 'gmail', secure: false, auth: { user: 'a', pass: 'b' } });`,
    `${MAIL}export const t = nodemailer.createTransport({ host: 'smtp.example.com', port: 587 });`,
    `${MAIL}declare const secure: boolean;\nexport const t = nodemailer.createTransport({ host: 'smtp.example.com', secure });`,
    `${MAIL}declare const base: object;\nexport const t = nodemailer.createTransport({ ...base, host: 'smtp.example.com', secure: false });`,
    // gRPC: loopback, unix sockets, unknown addresses, TLS credentials.
    `${GRPC}export const c = new grpc.Client('localhost:50051', grpc.credentials.createInsecure());`,
    `${GRPC}export const c = new grpc.Client('unix:/run/app.sock', grpc.credentials.createInsecure());`,
    `${GRPC}export const c = new grpc.Client('dns:///127.0.0.1:50051', grpc.credentials.createInsecure());`,
    `${GRPC}declare const address: string;\nexport const c = new grpc.Client(address, grpc.credentials.createInsecure());`,
    `${GRPC}export const c = new grpc.Client('api.example.com:443', grpc.credentials.createSsl());`,
    `${GRPC}export const creds = grpc.credentials.createInsecure();`,
    // kafkajs: ssl on, SCRAM (the password never crosses the wire), loopback brokers.
    `${KAFKA}export const k = new Kafka({ brokers: ['kafka.example.com:9092'], ssl: true, sasl: { mechanism: 'plain', username: 'u', password: 'p' } });`,
    `${KAFKA}export const k = new Kafka({ brokers: ['kafka.example.com:9092'], sasl: { mechanism: 'scram-sha-512', username: 'u', password: 'p' } });`,
    `${KAFKA}export const k = new Kafka({ brokers: ['localhost:9092'], sasl: { mechanism: 'plain', username: 'u', password: 'p' } });`,
    `${KAFKA}declare const ssl: boolean;\nexport const k = new Kafka({ brokers: ['kafka.example.com:9092'], ssl, sasl: { mechanism: 'plain', username: 'u', password: 'p' } });`,
    // nats: TLS required, the default server (127.0.0.1:4222), loopback servers, no credentials, nkey/JWT authenticators.
    "import { connect } from 'nats';\nexport const nc = await connect({ servers: 'nats.example.com:4222', user: 'u', pass: 'p', tls: {} });",
    "import { connect } from 'nats';\nexport const nc = await connect({ user: 'u', pass: 'p' });",
    "import { connect } from 'nats';\nexport const nc = await connect({ servers: ['nats://127.0.0.1:4222', 'localhost:4223'], token: 't' });",
    "import { connect } from 'nats';\nexport const nc = await connect({ servers: 'nats.example.com:4222' });",
    "import { connect, nkeyAuthenticator } from 'nats';\nexport const nc = await connect({ servers: 'nats.example.com:4222', authenticator: nkeyAuthenticator(new Uint8Array()) });",
    "import { connect } from 'nats';\ndeclare const tls: { caFile: string } | null;\nexport const nc = await connect({ servers: 'nats.example.com', token: 't', tls });",
    // nodemailer URLs: smtps://, requireTLS=true (also next to ignoreTLS), loopback or no host, keys that hand the options elsewhere, unknown parameters.
    `${MAIL}export const t = nodemailer.createTransport('smtps://app:pw@smtp.example.com');`,
    `${MAIL}export const t = nodemailer.createTransport('smtp://app:pw@smtp.example.com:587?requireTLS=true');`,
    `${MAIL}export const t = nodemailer.createTransport('smtp://app:pw@smtp.example.com?ignoreTLS=true&requireTLS=1');`,
    `${MAIL}export const t = nodemailer.createTransport('smtp://app:pw@localhost:1025');`,
    `${MAIL}export const t = nodemailer.createTransport('smtp://app:pw@127.0.0.1:1025');`,
    `${MAIL}export const t = nodemailer.createTransport('smtp://smtp.example.com?service=gmail');`,
    `${MAIL}export const t = nodemailer.createTransport(\`smtp://app:pw@smtp.example.com?\${process.env.SMTP_QUERY}\`);`,
    `${MAIL}export const t = nodemailer.createTransport(\`smtp://app:pw@smtp.example.com?requireTLS=\${process.env.REQUIRE}\`);`,
    // An `smtp://` URL inside the options object: nodemailer assigns the parsed URL over the other keys,
    // which count where the URL does not set them. requireTLS in the object (or in the query) wins.
    `${MAIL}export const t = nodemailer.createTransport({ url: 'smtp://app:pw@smtp.example.com:587', requireTLS: true });`,
    `${MAIL}export const t = nodemailer.createTransport({ url: 'smtp://app:pw@smtp.example.com:587?requireTLS=true', ignoreTLS: true });`,
    // smtps:// sets `secure: true` over the object's `secure: false`; `service` brings its settings over both.
    `${MAIL}export const t = nodemailer.createTransport({ url: 'smtps://app:pw@smtp.example.com', secure: false });`,
    `${MAIL}export const t = nodemailer.createTransport({ url: 'smtp://app:pw@smtp.example.com', service: 'gmail' });`,
    `${MAIL}export const t = nodemailer.createTransport({ url: 'smtp://app:pw@localhost:1025' });`,
    // No host in the URL: the object's host, else `localhost`.
    `${MAIL}export const t = nodemailer.createTransport({ url: 'smtp://app:pw@/', host: '127.0.0.1' });`,
    // A URL, a requireTLS or other keys decided at run time.
    `${MAIL}export const t = nodemailer.createTransport({ url: process.env.SMTP_URL, secure: false });`,
    `${MAIL}declare const extra: object;\nexport const t = nodemailer.createTransport({ url: 'smtp://app:pw@smtp.example.com', ...extra });`,
    `${MAIL}declare const extra: object;\nexport const t = nodemailer.createTransport({ ...extra, url: 'smtp://app:pw@smtp.example.com' });`,
    `${MAIL}declare const tls: boolean;\nexport const t = nodemailer.createTransport({ url: 'smtp://app:pw@smtp.example.com', requireTLS: tls });`,
    // nodemailer's SMTP transport classes merge `url` the same way.
    "import SMTPTransport from 'nodemailer/lib/smtp-transport';\nexport const t = new SMTPTransport({ url: 'smtp://app:pw@smtp.example.com:587', requireTLS: true });",
    "import SMTPTransport from 'nodemailer/lib/smtp-transport';\nexport const t = new SMTPTransport({ url: 'smtp://app:pw@smtp.example.com:587', service: 'gmail' });",
    "import SMTPPool from 'nodemailer/lib/smtp-pool';\nexport const t = new SMTPPool('smtps://app:pw@smtp.example.com');",
    `${MAIL}declare const url: string;\nexport const t = nodemailer.createTransport(url);`,
    // pg: TLS on, a connection string that replaces the config, no password, local hosts, an unknown ssl.
    `${PG}export const c = new pg.Client({ host: 'db.example.com', password: 'pw', ssl: true });`,
    `${PG}export const c = new pg.Client({ host: 'db.example.com', password: 'pw' });`,
    // PGSSLMODE=disable set in the file counts only when it provably runs first and nothing else in the file names the variable.
    `${PG}export const c = new pg.Client({ host: 'db.example.com', password: 'pw' });\nprocess.env.PGSSLMODE = 'disable';`,
    `${PG}process.env.PGSSLMODE = 'disable';\nexport function make() {\n  return new pg.Client({ host: 'db.example.com', password: 'pw' });\n}`,
    `${PG}process.env.PGSSLMODE = 'disable';\nif (process.env.CI) process.env.PGSSLMODE = 'require';\nexport const c = new pg.Client({ host: 'db.example.com', password: 'pw' });`,
    `${PG}if (process.env.CI) process.env.PGSSLMODE = 'disable';\nexport const c = new pg.Client({ host: 'db.example.com', password: 'pw' });`,
    `${PG}process.env.PGSSLMODE = 'prefer';\nexport const c = new pg.Client({ host: 'db.example.com', password: 'pw' });`,
    `${PG}import dotenv from 'dotenv';\nprocess.env.PGSSLMODE = 'disable';\ndotenv.config({ override: true });\nexport const c = new pg.Client({ host: 'db.example.com', password: 'pw' });`,
    `${PG}declare const process: { env: Record<string, string> };\nprocess.env.PGSSLMODE = 'disable';\nexport const c = new pg.Client({ host: 'db.example.com', password: 'pw' });`,
    // ... and only where `ssl` stays undefined (pg reads PGSSLMODE then only), with a password, to a remote host.
    `${PG}process.env.PGSSLMODE = 'disable';\nexport const c = new pg.Client({ host: 'db.example.com', password: 'pw', ssl: true });`,
    `${PG}process.env.PGSSLMODE = 'disable';\nexport const c = new pg.Client({ connectionString: 'postgres://app:pw@db.example.com/app?sslmode=require' });`,
    `${PG}process.env.PGSSLMODE = 'disable';\nexport const c = new pg.Client({ host: 'db.example.com', user: 'app' });`,
    `${PG}process.env.PGSSLMODE = 'disable';\nexport const c = new pg.Client({ host: '127.0.0.1', password: 'pw' });`,
    `${PG}process.env.PGSSLMODE = 'disable';\nexport const c = new pg.Client({ password: 'pw' });`,
    `${PG}process.env.PGSSLMODE = 'disable';\ndeclare const opts: object;\nexport const c = new pg.Client({ host: 'db.example.com', password: 'pw', ...opts });`,
    `${PG}export const c = new pg.Client({ host: 'db.example.com', user: 'app', ssl: false });`,
    `${PG}export const c = new pg.Client({ host: 'localhost', password: 'pw', ssl: false });`,
    `${PG}export const c = new pg.Client({ host: '/var/run/postgresql', password: 'pw', ssl: false });`,
    `${PG}export const c = new pg.Client({ password: 'pw', ssl: false });`,
    `${PG}export const c = new pg.Pool({ connectionString: process.env.DATABASE_URL, host: 'db.example.com', password: 'pw', ssl: false });`,
    `${PG}declare const ssl: boolean;\nexport const c = new pg.Client({ host: 'db.example.com', password: 'pw', ssl });`,
    // pg.native: a falsy \`ssl\` (or a parsed sslmode=disable) puts no sslmode in the libpq conninfo
    // (connection-parameters.js getLibpqConnectionString), so libpq's service file, PGSSLMODE or its
    // default \`prefer\` decides; a PGSSLMODE set in the file can lose to a service named by the environment.
    `${PG}export const c = new pg.native.Client({ host: 'db.example.com', user: 'app', password: process.env.PGPASS, ssl: false });`,
    `${PG}export const p = new pg.native.Pool({ host: 'db.example.com', password: 'pw', ssl: 0 });`,
    "import { native } from 'pg';\nexport const c = new native.Client({ host: 'db.example.com', password: 'pw', ssl: false });",
    "const pg = require('pg');\nexport const c = new pg.native.Client('postgres://app:pw@db.example.com/app?sslmode=disable');",
    `${PG}export const c = new pg.native.Pool({ connectionString: 'postgres://app:pw@db.example.com/app?ssl=0' });`,
    `${PG}export const c = new pg.native.Pool({ connectionString: 'postgres://app:pw@db.example.com/app', ssl: false });`,
    `${PG}process.env.PGSSLMODE = 'disable';\nexport const c = new pg.native.Client({ host: 'db.example.com', password: 'pw' });`,
    // pg connection strings: prefer/allow/require mean TLS required in pg (ssl: {}), no password, a loopback host.
    `${PG}export const c = new pg.Client('postgres://app:pw@db.example.com/app?sslmode=prefer');`,
    `${PG}export const c = new pg.Client('postgres://app:pw@db.example.com/app?sslmode=allow');`,
    `${PG}export const c = new pg.Client('postgres://db.example.com/app?sslmode=disable');`,
    `${PG}export const c = new pg.Pool({ connectionString: 'postgres://app:pw@127.0.0.1/app?sslmode=disable' });`,
    // The string's own (empty) password replaces the object's; its sslmode replaces the object's ssl.
    `${PG}export const c = new pg.Pool({ connectionString: 'postgres://db.example.com/app', password: 'pw', ssl: false });`,
    `${PG}export const c = new pg.Pool({ connectionString: 'postgres://app:pw@db.example.com/app?sslmode=require', ssl: false });`,
    // postgres.js: allow and require go on with TLS whatever the server answers; an options ssl wins over the URL's.
    `${SQL}export const sql = postgres('postgres://app:pw@db.example.com/app?sslmode=allow');`,
    `${SQL}export const sql = postgres('postgres://app:pw@db.example.com/app?sslmode=prefer', { ssl: 'verify-full' });`,
    `${SQL}export const sql = postgres('postgres://app:pw@db.example.com/app?sslmode=prefer&sslrootcert=system');`,
    `${SQL}export const sql = postgres({ host: 'db.example.com', password: 'pw', ssl: 'require' });`,
    `${SQL}export const sql = postgres({ host: 'localhost', password: 'pw', ssl: 'prefer' });`,
    `${SQL}export const sql = postgres({ host: 'db.example.com', ssl: 'prefer' });`,
    `${SQL}export const sql = postgres('postgres://app:pw@db.example.com/app', { ssl: 'prefer', host: '127.0.0.1' });`,
    `${SQL}declare const mode: string;\nexport const sql = postgres({ host: 'db.example.com', password: 'pw', ssl: mode });`,
    // ldapjs: ldaps://, loopback, starttls in the file, a socket path, an anonymous bind, an unknown URL.
    `${LDAP}export const client = ldap.createClient({ url: 'ldaps://ldap.example.com', bindDN: 'cn=app', bindCredentials: 'pw' });`,
    `${LDAP}export const client = ldap.createClient({ url: 'ldap://127.0.0.1:389', bindDN: 'cn=app', bindCredentials: 'pw' });`,
    `${LDAP}export const client = ldap.createClient({ url: ['ldap://localhost', 'ldap://[::1]'], bindDN: 'cn=app', bindCredentials: 'pw' });`,
    `${LDAP}const client = ldap.createClient({ url: 'ldap://ldap.example.com' });\nclient.starttls({}, [], () => client.bind('cn=app', 'pw', () => undefined));`,
    `${LDAP}const client = ldap.createClient({ url: 'ldap://ldap.example.com' });\nclient.bind('', '', () => undefined);`,
    `${LDAP}declare const url: string;\nconst client = ldap.createClient({ url });\nclient.bind('cn=app', 'pw', () => undefined);`,
    `${LDAP}export const client = ldap.createClient({ socketPath: '/run/slapd/ldapi', bindDN: 'cn=app', bindCredentials: 'pw' });`,
    `${LDAP}const client = ldap.createClient({ url: 'ldap://ldap.example.com' });\nclient.bind('cn=app', () => undefined);`,
    // A client written more than once, or whose field another statement (or another object) may write, or a parameter.
    `${LDAP}let client = ldap.createClient({ url: 'ldap://ldap.example.com' });\nclient = ldap.createClient({ url: 'ldaps://ldap.example.com' });\nclient.bind('cn=app', 'pw', () => undefined);`,
    `${LDAP}let client;\nclient = ldap.createClient({ url: 'ldap://ldap.example.com' });\nclient = ldap.createClient({ url: 'ldaps://ldap.example.com' });\nclient.bind('cn=app', 'pw', () => undefined);`,
    `${LDAP}export class Directory {\n  client: ldap.Client;\n  constructor() {\n    this.client = ldap.createClient({ url: 'ldap://ldap.example.com' });\n  }\n  secure() {\n    this.client = ldap.createClient({ url: 'ldaps://ldap.example.com' });\n  }\n  login(password: string) {\n    this.client.bind('cn=app', password, () => undefined);\n  }\n}`,
    `${LDAP}export class Directory {\n  client: ldap.Client;\n  constructor(other?: Directory) {\n    this.client = ldap.createClient({ url: 'ldap://ldap.example.com' });\n    if (other) other.client = ldap.createClient({ url: 'ldaps://ldap.example.com' });\n  }\n  login(password: string) {\n    this.client.bind('cn=app', password, () => undefined);\n  }\n}`,
    `${LDAP}export class Directory {\n  client: ldap.Client;\n  constructor(key: string) {\n    this.client = ldap.createClient({ url: 'ldap://ldap.example.com' });\n    (this as Record<string, unknown>)[key] = undefined;\n  }\n  login(password: string) {\n    this.client.bind('cn=app', password, () => undefined);\n  }\n}`,
    `${LDAP}export class Directory {\n  client: ldap.Client;\n  constructor(secure: boolean) {\n    if (!secure) this.client = ldap.createClient({ url: 'ldap://ldap.example.com' });\n  }\n  login(password: string) {\n    this.client.bind('cn=app', password, () => undefined);\n  }\n}`,
    `${LDAP}export class Directory {\n  client = ldap.createClient({ url: 'ldap://ldap.example.com' });\n  login(password: string) {\n    const self = { client: { bind: (..._: unknown[]) => undefined } };\n    [1].forEach(function (this: typeof self) {\n      this.client.bind('cn=app', password, () => undefined);\n    }, self);\n  }\n}`,
    `${LDAP}export function login(client: ldap.Client, password: string) {\n  client.bind('cn=app', password, () => undefined);\n}`,
    `${LDAP}export class Directory {\n  constructor(private client: ldap.Client, secure: boolean) {\n    if (secure) return;\n    this.client = ldap.createClient({ url: 'ldap://ldap.example.com' });\n  }\n  login(password: string) {\n    this.client.bind('cn=app', password, () => undefined);\n  }\n}`,
    `${LDAP}export class Directory {\n  client: ldap.Client;\n  constructor(options?: object) {\n    this.client = ldap.createClient({ url: 'ldap://ldap.example.com' });\n    Object.assign(this, options);\n  }\n  login(password: string) {\n    this.client.bind('cn=app', password, () => undefined);\n  }\n}`,
    validJs("const Redis = require('ioredis');\nmodule.exports = new Redis('redis://:pw@localhost');"),
  ],
  invalid: [
    {
      code: `${REDIS}export const a = new Redis('redis://:s3cret@cache.example.com:6379');`,
      errors: [
        {
          messageId: 'credentialsInUrl',
          data: { scheme: 'redis', secure: 'rediss', library: 'ioredis', host: '`cache.example.com`' },
          line: 2,
          column: 28,
          suggestions: [
            {
              messageId: 'useSecureScheme',
              data: { secure: 'rediss' },
              output: `${REDIS}export const a = new Redis('rediss://:s3cret@cache.example.com:6379');`,
            },
          ],
        },
      ],
    },
    {
      // The password from the environment: the shape of the template shows it is in the URL.
      code: `${REDIS}export const a = new Redis(\`redis://default:\${process.env.REDIS_PASSWORD}@cache.internal:6379\`);`,
      errors: [
        {
          messageId: 'credentialsInUrl',
          data: { scheme: 'redis', secure: 'rediss', library: 'ioredis', host: '`cache.internal`' },
          line: 2,
          column: 28,
          suggestions: [
            {
              messageId: 'useSecureScheme',
              data: { secure: 'rediss' },
              output: `${REDIS}export const a = new Redis(\`rediss://default:\${process.env.REDIS_PASSWORD}@cache.internal:6379\`);`,
            },
          ],
        },
      ],
    },
    {
      // A host decided at run time (not provably loopback), through a const.
      code: "import { createClient } from 'redis';\nconst url = `redis://app:${process.env.PW}@${process.env.HOST}:6379`;\nexport const c = createClient({ url });",
      errors: [
        {
          messageId: 'credentialsInUrl',
          data: { scheme: 'redis', secure: 'rediss', library: 'redis', host: 'a host decided at run time' },
          line: 3,
          column: 33,
          suggestions: [],
        },
      ],
    },
    {
      code: "import mqtt from 'mqtt';\nexport const c = mqtt.connect('mqtt://device:token@broker.example.com:1883', { clientId: 'd1' });",
      errors: [
        {
          messageId: 'credentialsInUrl',
          data: { scheme: 'mqtt', secure: 'mqtts', library: 'mqtt', host: '`broker.example.com`' },
          line: 2,
          column: 31,
          suggestions: [
            {
              messageId: 'useSecureScheme',
              data: { secure: 'mqtts' },
              output: "import mqtt from 'mqtt';\nexport const c = mqtt.connect('mqtts://device:token@broker.example.com:1883', { clientId: 'd1' });",
            },
          ],
        },
      ],
    },
    js({
      code: "const amqp = require('amqplib/callback_api');\namqp.connect('amqp://app:pw@10.0.0.7:5672', () => {});",
      errors: [
        {
          messageId: 'credentialsInUrl',
          data: { scheme: 'amqp', secure: 'amqps', library: 'amqplib', host: '`10.0.0.7`' },
          line: 2,
          column: 14,
          suggestions: [
            {
              messageId: 'useSecureScheme',
              data: { secure: 'amqps' },
              output: "const amqp = require('amqplib/callback_api');\namqp.connect('amqps://app:pw@10.0.0.7:5672', () => {});",
            },
          ],
        },
      ],
    }),
    {
      code: `${MAIL}export const t = nodemailer.createTransport({ host: 'smtp.example.com', port: 587, ignoreTLS: true, auth: { user: 'a', pass: 'b' } });`,
      errors: [
        {
          messageId: 'smtpNoTls',
          data: { option: 'ignoreTLS: true', way: '`requireTLS: true` (or `secure: true` on port 465)' },
          line: 2,
          column: 84,
          suggestions: [
            {
              messageId: 'replaceIgnoreTls',
              output: `${MAIL}export const t = nodemailer.createTransport({ host: 'smtp.example.com', port: 587, requireTLS: true, auth: { user: 'a', pass: 'b' } });`,
            },
          ],
        },
      ],
    },
    {
      code: `${MAIL}export const t = nodemailer.createTransport({ host: 'smtp.example.com', port: 587, secure: false, auth: { user: 'a', pass: 'b' } });`,
      errors: [
        {
          messageId: 'smtpStrippable',
          data: { option: 'secure: false' },
          line: 2,
          column: 84,
          suggestions: [
            {
              messageId: 'addRequireTls',
              output: `${MAIL}export const t = nodemailer.createTransport({ host: 'smtp.example.com', port: 587, secure: false, requireTLS: true, auth: { user: 'a', pass: 'b' } });`,
            },
          ],
        },
      ],
    },
    {
      // An unknown host is not provably loopback.
      code: `${MAIL}export const t = nodemailer.createTransport({ host: process.env.SMTP_HOST, secure: false });`,
      errors: [
        {
          messageId: 'smtpStrippable',
          data: { option: 'secure: false' },
          line: 2,
          column: 76,
          suggestions: [
            {
              messageId: 'addRequireTls',
              output: `${MAIL}export const t = nodemailer.createTransport({ host: process.env.SMTP_HOST, secure: false, requireTLS: true });`,
            },
          ],
        },
      ],
    },
    {
      code: `${MAIL}export const t = nodemailer.createTransport({ host: 'smtp.example.com', opportunisticTLS: true });`,
      errors: [
        {
          messageId: 'smtpStrippable',
          data: { option: 'opportunisticTLS: true' },
          line: 2,
          column: 73,
          suggestions: [
            {
              messageId: 'addRequireTls',
              output: `${MAIL}export const t = nodemailer.createTransport({ host: 'smtp.example.com', opportunisticTLS: true, requireTLS: true });`,
            },
          ],
        },
      ],
    },
    {
      code: `${GRPC}export const c = new grpc.Client('orders.internal.example.com:443', grpc.credentials.createInsecure());`,
      errors: [
        {
          messageId: 'grpcInsecure',
          data: { target: 'orders.internal.example.com:443' },
          line: 2,
          column: 69,
          suggestions: [
            { messageId: 'useCreateSsl', output: `${GRPC}export const c = new grpc.Client('orders.internal.example.com:443', grpc.credentials.createSsl());` },
          ],
        },
      ],
    },
    {
      // Through a const, to every client it is passed to.
      code: "import { credentials, Client } from '@grpc/grpc-js';\nconst creds = credentials.createInsecure();\nexport const a = new Client('dns:///api.example.com:50051', creds);",
      errors: [
        {
          messageId: 'grpcInsecure',
          data: { target: 'dns:///api.example.com:50051' },
          line: 2,
          column: 15,
          suggestions: [
            {
              messageId: 'useCreateSsl',
              output:
                "import { credentials, Client } from '@grpc/grpc-js';\nconst creds = credentials.createSsl();\nexport const a = new Client('dns:///api.example.com:50051', creds);",
            },
          ],
        },
      ],
    },
    {
      code: `${KAFKA}export const k = new Kafka({ brokers: ['kafka-1.example.com:9092'], sasl: { mechanism: 'plain', username: 'u', password: 'p' } });`,
      errors: [
        {
          messageId: 'kafkaClearSasl',
          data: { mechanism: 'PLAIN', secret: 'username and password' },
          line: 2,
          column: 69,
          suggestions: [
            {
              messageId: 'addSsl',
              output: `${KAFKA}export const k = new Kafka({ brokers: ['kafka-1.example.com:9092'], ssl: true, sasl: { mechanism: 'plain', username: 'u', password: 'p' } });`,
            },
          ],
        },
      ],
    },
    {
      code: `${KAFKA}export const k = new Kafka({ brokers: [process.env.BROKER!], ssl: false, sasl: { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: 't' }) } });`,
      errors: [
        {
          messageId: 'kafkaClearSasl',
          data: { mechanism: 'OAUTHBEARER', secret: 'bearer token' },
          line: 2,
          column: 74,
          suggestions: [
            {
              messageId: 'addSsl',
              output: `${KAFKA}export const k = new Kafka({ brokers: [process.env.BROKER!], ssl: true, sasl: { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: 't' }) } });`,
            },
          ],
        },
      ],
    },
    {
      code: "import { connect } from 'nats';\nexport const nc = await connect({ servers: process.env.NATS_URL, user: 'app', pass: process.env.NATS_PASS });",
      errors: [
        {
          messageId: 'natsStrippable',
          data: { option: 'Without a `tls` option', secret: 'username and password' },
          line: 2,
          column: 66,
          suggestions: [
            {
              messageId: 'requireNatsTls',
              output:
                "import { connect } from 'nats';\nexport const nc = await connect({ servers: process.env.NATS_URL, tls: {}, user: 'app', pass: process.env.NATS_PASS });",
            },
          ],
        },
      ],
    },
    {
      code: "import { connect } from 'nats';\nexport const nc = await connect({ servers: ['nats://nats-1.example.com:4222'], token: 's3cret', tls: null });",
      errors: [
        {
          messageId: 'natsStrippable',
          data: { option: 'With `tls: null`', secret: 'token' },
          line: 2,
          column: 80,
          suggestions: [
            {
              messageId: 'requireNatsTls',
              output:
                "import { connect } from 'nats';\nexport const nc = await connect({ servers: ['nats://nats-1.example.com:4222'], token: 's3cret', tls: {} });",
            },
          ],
        },
      ],
    },
    {
      // smtp:// sets `secure: false`: STARTTLS only if offered.
      code: "import nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport('smtp://app:pw@smtp.example.com:587');",
      errors: [
        {
          messageId: 'smtpUrlStrippable',
          line: 2,
          column: 45,
          suggestions: [
            {
              messageId: 'addTlsParam',
              output:
                "import nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport('smtp://app:pw@smtp.example.com:587?requireTLS=true');",
            },
          ],
        },
      ],
    },
    {
      // Credentials from the environment, a known query.
      code: "import nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport(`smtp://${process.env.SMTP_USER}:${process.env.SMTP_PASS}@smtp.example.com/?pool=true`);",
      errors: [
        {
          messageId: 'smtpUrlStrippable',
          line: 2,
          column: 45,
          suggestions: [
            {
              messageId: 'addTlsParam',
              output:
                "import nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport(`smtp://${process.env.SMTP_USER}:${process.env.SMTP_PASS}@smtp.example.com/?pool=true&requireTLS=true`);",
            },
          ],
        },
      ],
    },
    {
      // The query's `secure` does not replace the one `smtp:` set (parseConnectionUrl keeps the first).
      code: "import nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport('smtp://app:pw@smtp.example.com?secure=true');",
      errors: [
        {
          messageId: 'smtpUrlStrippable',
          line: 2,
          column: 45,
          suggestions: [
            {
              messageId: 'addTlsParam',
              output:
                "import nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport('smtp://app:pw@smtp.example.com?secure=true&requireTLS=true');",
            },
          ],
        },
      ],
    },
    {
      // requireTLS=false is false; the URL already names requireTLS, so no suggestion appends it.
      code: "import nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport('smtp://app:pw@smtp.example.com?requireTLS=false');",
      errors: [{ messageId: 'smtpUrlStrippable', line: 2, column: 45, suggestions: [] }],
    },
    {
      // ignoreTLS=true: never STARTTLS; requireTLS=true wins over it.
      code: "import nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport('smtp://app:pw@smtp.example.com?ignoreTLS=true');",
      errors: [
        {
          messageId: 'smtpNoTls',
          data: { option: 'ignoreTLS=true', way: '`requireTLS=true` (or `smtps://` on port 465)' },
          line: 2,
          column: 45,
          suggestions: [
            {
              messageId: 'addTlsParam',
              output:
                "import nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport('smtp://app:pw@smtp.example.com?ignoreTLS=true&requireTLS=true');",
            },
          ],
        },
      ],
    },
    {
      // A host decided at run time is not provably loopback.
      code: "import nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport(`smtp://app:pw@${process.env.SMTP_HOST}:587`);",
      errors: [
        {
          messageId: 'smtpUrlStrippable',
          line: 2,
          column: 45,
          suggestions: [
            {
              messageId: 'addTlsParam',
              output:
                "import nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport(`smtp://app:pw@${process.env.SMTP_HOST}:587?requireTLS=true`);",
            },
          ],
        },
      ],
    },
    {
      // An smtp:// URL in the options object: as for the string (createTransport parses `url`).
      code: "import nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport({ url: 'smtp://app:pw@smtp.example.com:587' });",
      errors: [
        {
          messageId: 'smtpUrlStrippable',
          line: 2,
          column: 52,
          suggestions: [
            {
              messageId: 'addTlsParam',
              output:
                "import nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport({ url: 'smtp://app:pw@smtp.example.com:587?requireTLS=true' });",
            },
          ],
        },
      ],
    },
    {
      // The URL's `secure: false` and port win over the object's.
      code: "import nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport({ url: 'smtp://app:pw@smtp.example.com:587', secure: true, port: 465 });",
      errors: [
        {
          messageId: 'smtpUrlStrippable',
          line: 2,
          column: 52,
          suggestions: [
            {
              messageId: 'addTlsParam',
              output:
                "import nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport({ url: 'smtp://app:pw@smtp.example.com:587?requireTLS=true', secure: true, port: 465 });",
            },
          ],
        },
      ],
    },
    {
      // The query's requireTLS=false wins over the object's requireTLS: true (no suggestion: the URL names it).
      code: "import nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport({ url: 'smtp://app:pw@smtp.example.com?requireTLS=false', requireTLS: true });",
      errors: [{ messageId: 'smtpUrlStrippable', line: 2, column: 52, suggestions: [] }],
    },
    {
      // The object's ignoreTLS counts where the query does not set it.
      code: "import nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport({ url: 'smtp://app:pw@smtp.example.com', ignoreTLS: true });",
      errors: [
        {
          messageId: 'smtpNoTls',
          data: { option: 'ignoreTLS: true', way: '`requireTLS: true` (or `smtps://` on port 465)' },
          line: 2,
          column: 86,
          suggestions: [
            {
              messageId: 'replaceIgnoreTls',
              output:
                "import nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport({ url: 'smtp://app:pw@smtp.example.com', requireTLS: true });",
            },
          ],
        },
      ],
    },
    {
      // No suggestion where the object already names requireTLS.
      code: "import nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport({ url: 'smtp://app:pw@smtp.example.com', ignoreTLS: true, requireTLS: false });",
      errors: [
        {
          messageId: 'smtpNoTls',
          data: { option: 'ignoreTLS: true', way: '`requireTLS: true` (or `smtps://` on port 465)' },
          line: 2,
          column: 86,
          suggestions: [],
        },
      ],
    },
    {
      // The query's ignoreTLS=true.
      code: "import nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport({ url: 'smtp://app:pw@smtp.example.com?ignoreTLS=true' });",
      errors: [
        {
          messageId: 'smtpNoTls',
          data: { option: 'ignoreTLS=true', way: '`requireTLS=true` (or `smtps://` on port 465)' },
          line: 2,
          column: 52,
          suggestions: [
            {
              messageId: 'addTlsParam',
              output:
                "import nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport({ url: 'smtp://app:pw@smtp.example.com?ignoreTLS=true&requireTLS=true' });",
            },
          ],
        },
      ],
    },
    {
      // Through a const, with the pool (SMTPPool makes the same connections).
      code: "import nodemailer from 'nodemailer';\nconst options = { url: `smtp://app:${process.env.SMTP_PASS}@smtp.example.com`, pool: true };\nexport const t = nodemailer.createTransport(options);",
      errors: [
        {
          messageId: 'smtpUrlStrippable',
          line: 2,
          column: 24,
          suggestions: [
            {
              messageId: 'addTlsParam',
              output:
                "import nodemailer from 'nodemailer';\nconst options = { url: `smtp://app:${process.env.SMTP_PASS}@smtp.example.com?requireTLS=true`, pool: true };\nexport const t = nodemailer.createTransport(options);",
            },
          ],
        },
      ],
    },
    {
      // A URL without host keeps the object's host.
      code: "import nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport({ url: 'smtp://app:pw@/', host: 'smtp.example.com' });",
      errors: [
        {
          messageId: 'smtpUrlStrippable',
          line: 2,
          column: 52,
          suggestions: [
            {
              messageId: 'addTlsParam',
              output:
                "import nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport({ url: 'smtp://app:pw@/?requireTLS=true', host: 'smtp.example.com' });",
            },
          ],
        },
      ],
    },
    {
      // new SMTPTransport({ url }) (here given to createTransport as a transport): the URL wins over `secure: true`.
      code: "import nodemailer from 'nodemailer';\nimport SMTPTransport from 'nodemailer/lib/smtp-transport';\nexport const t = nodemailer.createTransport(new SMTPTransport({ url: 'smtp://app:pw@smtp.example.com:587', secure: true }));",
      errors: [
        {
          messageId: 'smtpUrlStrippable',
          line: 3,
          column: 70,
          suggestions: [
            {
              messageId: 'addTlsParam',
              output:
                "import nodemailer from 'nodemailer';\nimport SMTPTransport from 'nodemailer/lib/smtp-transport';\nexport const t = nodemailer.createTransport(new SMTPTransport({ url: 'smtp://app:pw@smtp.example.com:587?requireTLS=true', secure: true }));",
            },
          ],
        },
      ],
    },
    {
      // new SMTPPool(url): the constructor takes a string as `{ url }`.
      code: "import SMTPPool from 'nodemailer/lib/smtp-pool';\nexport const pool = new SMTPPool('smtp://app:pw@smtp.example.com:587');",
      errors: [
        {
          messageId: 'smtpUrlStrippable',
          line: 2,
          column: 34,
          suggestions: [
            {
              messageId: 'addTlsParam',
              output:
                "import SMTPPool from 'nodemailer/lib/smtp-pool';\nexport const pool = new SMTPPool('smtp://app:pw@smtp.example.com:587?requireTLS=true');",
            },
          ],
        },
      ],
    },
    {
      // required in CommonJS, with the object's ignoreTLS.
      code: "const SMTPTransport = require('nodemailer/lib/smtp-transport');\nexport const t = new SMTPTransport({ url: 'smtp://app:pw@smtp.example.com:587', ignoreTLS: true });",
      errors: [
        {
          messageId: 'smtpNoTls',
          data: { option: 'ignoreTLS: true', way: '`requireTLS: true` (or `smtps://` on port 465)' },
          line: 2,
          column: 81,
          suggestions: [
            {
              messageId: 'replaceIgnoreTls',
              output:
                "const SMTPTransport = require('nodemailer/lib/smtp-transport');\nexport const t = new SMTPTransport({ url: 'smtp://app:pw@smtp.example.com:587', requireTLS: true });",
            },
          ],
        },
      ],
    },
    {
      // PGSSLMODE=disable set first in the file: pg reads it when the client is made and \`ssl\` is undefined.
      code: "import pg from 'pg';\nprocess.env.PGSSLMODE = 'disable';\nexport const pool = new pg.Pool({ host: 'db.example.com', user: 'app', password: process.env.PGPASSWORD });",
      errors: [
        {
          messageId: 'postgresNoTls',
          data: { option: '`PGSSLMODE=disable` (set on line 2)', library: 'pg', host: '`db.example.com`', secure: '`ssl: true`' },
          line: 3,
          column: 33,
          suggestions: [
            {
              messageId: 'verifySsl',
              data: { secure: '`ssl: true`' },
              output:
                "import pg from 'pg';\nprocess.env.PGSSLMODE = 'disable';\nexport const pool = new pg.Pool({ ssl: true, host: 'db.example.com', user: 'app', password: process.env.PGPASSWORD });",
            },
          ],
        },
      ],
    },
    {
      // A connection string without ssl parameters leaves \`ssl\` undefined too (no suggestion for a string).
      code: "import pg from 'pg';\nprocess.env['PGSSLMODE'] = 'disable';\nexport const c = new pg.Client('postgres://app:pw@db.example.com/app');",
      errors: [
        {
          messageId: 'postgresNoTls',
          data: { option: '`PGSSLMODE=disable` (set on line 2)', library: 'pg', host: '`db.example.com`', secure: '`ssl: true`' },
          line: 3,
          column: 32,
          suggestions: [],
        },
      ],
    },
    {
      // ... or in the options' connectionString (an \`ssl: true\` beside it stays: the string sets none).
      code: "import pg from 'pg';\nprocess.env.PGSSLMODE = 'disable';\nif (process.env.DB) {\n  new pg.Pool({ connectionString: 'postgres://app:pw@db.example.com:5432/app' });\n}",
      errors: [
        {
          messageId: 'postgresNoTls',
          data: { option: '`PGSSLMODE=disable` (set on line 2)', library: 'pg', host: '`db.example.com`', secure: '`ssl: true`' },
          line: 4,
          column: 15,
          suggestions: [
            {
              messageId: 'verifySsl',
              data: { secure: '`ssl: true`' },
              output:
                "import pg from 'pg';\nprocess.env.PGSSLMODE = 'disable';\nif (process.env.DB) {\n  new pg.Pool({ ssl: true, connectionString: 'postgres://app:pw@db.example.com:5432/app' });\n}",
            },
          ],
        },
      ],
    },
    {
      // pg uses an explicit ssl as is (PGSSLMODE only when it is undefined).
      code: "import pg from 'pg';\nexport const c = new pg.Client({ host: 'db.example.com', user: 'app', password: process.env.PGPASS, ssl: false });",
      errors: [
        {
          messageId: 'postgresNoTls',
          data: { option: '`ssl: false`', library: 'pg', host: '`db.example.com`', secure: '`ssl: true`' },
          line: 2,
          column: 101,
          suggestions: [
            {
              messageId: 'verifySsl',
              data: { secure: '`ssl: true`' },
              output: "import pg from 'pg';\nexport const c = new pg.Client({ host: 'db.example.com', user: 'app', password: process.env.PGPASS, ssl: true });",
            },
          ],
        },
      ],
    },
    {
      code: "import pg from 'pg';\nconst { Pool } = pg;\nexport const pool = new Pool({ host: process.env.DB_HOST, password: 'pw', ssl: false, max: 5 });",
      errors: [
        {
          messageId: 'postgresNoTls',
          data: { option: '`ssl: false`', library: 'pg', host: 'a host decided at run time', secure: '`ssl: true`' },
          line: 3,
          column: 75,
          suggestions: [
            {
              messageId: 'verifySsl',
              data: { secure: '`ssl: true`' },
              output:
                "import pg from 'pg';\nconst { Pool } = pg;\nexport const pool = new Pool({ host: process.env.DB_HOST, password: 'pw', ssl: true, max: 5 });",
            },
          ],
        },
      ],
    },
    {
      // sslmode=disable in a connection string: pg-connection-string sets ssl: false, which replaces the object's ssl.
      code: "import pg from 'pg';\nexport const c = new pg.Client('postgres://app:pw@db.example.com:5432/app?sslmode=disable');",
      errors: [
        {
          messageId: 'postgresNoTls',
          data: { option: '`sslmode=disable`', library: 'pg', host: '`db.example.com`', secure: '`sslmode=verify-full`' },
          line: 2,
          column: 32,
          suggestions: [],
        },
      ],
    },
    {
      code: "import pg from 'pg';\nexport const pool = new pg.Pool({ connectionString: 'postgresql://app:pw@db.example.com/app?ssl=0', ssl: true });",
      errors: [
        {
          messageId: 'postgresNoTls',
          data: { option: '`ssl=0`', library: 'pg', host: '`db.example.com`', secure: '`sslmode=verify-full`' },
          line: 2,
          column: 53,
          suggestions: [],
        },
      ],
    },
    {
      // prefer: plaintext when the answer to the SSLRequest is not S.
      code: "import postgres from 'postgres';\nexport const sql = postgres({ host: 'db.example.com', username: 'app', password: 'pw', ssl: 'prefer' });",
      errors: [
        {
          messageId: 'postgresPrefer',
          data: { option: "`ssl: 'prefer'`", secure: "`ssl: 'verify-full'`" },
          line: 2,
          column: 88,
          suggestions: [
            {
              messageId: 'verifySsl',
              data: { secure: "`ssl: 'verify-full'`" },
              output:
                "import postgres from 'postgres';\nexport const sql = postgres({ host: 'db.example.com', username: 'app', password: 'pw', ssl: 'verify-full' });",
            },
          ],
        },
      ],
    },
    {
      code: "import postgres from 'postgres';\nexport const sql = postgres(`postgres://app:${process.env.PGPASS}@db.example.com/app?sslmode=prefer`);",
      errors: [{ messageId: 'postgresPrefer', data: { option: '`sslmode=prefer`', secure: '`sslmode=verify-full`' }, line: 2, column: 29, suggestions: [] }],
    },
    {
      code: "import postgres from 'postgres';\nexport const sql = postgres('postgres://app:pw@db.example.com/app?ssl=prefer', { max: 5 });",
      errors: [{ messageId: 'postgresPrefer', data: { option: '`ssl=prefer`', secure: '`sslmode=verify-full`' }, line: 2, column: 29, suggestions: [] }],
    },
    {
      code: "import postgres from 'postgres';\nexport const sql = postgres('postgres://app:pw@db.example.com/app?sslmode=disable');",
      errors: [
        {
          messageId: 'postgresNoTls',
          data: { option: '`sslmode=disable`', library: 'postgres.js', host: '`db.example.com`', secure: '`sslmode=verify-full`' },
          line: 2,
          column: 29,
          suggestions: [],
        },
      ],
    },
    {
      // The options' ssl wins over the URL's; the password from the options.
      code: "import postgres from 'postgres';\nexport const sql = postgres('postgres://db.example.com/app', { pass: process.env.PGPASS, ssl: false });",
      errors: [
        {
          messageId: 'postgresNoTls',
          data: { option: '`ssl: false`', library: 'postgres.js', host: '`db.example.com`', secure: "`ssl: 'verify-full'`" },
          line: 2,
          column: 90,
          suggestions: [
            {
              messageId: 'verifySsl',
              data: { secure: "`ssl: 'verify-full'`" },
              output:
                "import postgres from 'postgres';\nexport const sql = postgres('postgres://db.example.com/app', { pass: process.env.PGPASS, ssl: 'verify-full' });",
            },
          ],
        },
      ],
    },
    {
      // bindDN and bindCredentials: the client binds in its setup step, over net.connect.
      code: "import ldap from 'ldapjs';\nexport const client = ldap.createClient({ url: 'ldap://ldap.example.com', bindDN: 'cn=app,dc=example,dc=com', bindCredentials: process.env.LDAP_PW });",
      errors: [
        {
          messageId: 'ldapClearBind',
          data: { host: '`ldap.example.com`' },
          line: 2,
          column: 111,
          suggestions: [
            {
              messageId: 'useSecureScheme',
              data: { secure: 'ldaps' },
              output:
                "import ldap from 'ldapjs';\nexport const client = ldap.createClient({ url: 'ldaps://ldap.example.com', bindDN: 'cn=app,dc=example,dc=com', bindCredentials: process.env.LDAP_PW });",
            },
          ],
        },
      ],
    },
    {
      code: "import ldap from 'ldapjs';\nconst client = ldap.createClient({ url: 'ldap://ldap.example.com:389' });\nclient.bind('cn=app,dc=example,dc=com', 'pw', () => undefined);",
      errors: [
        {
          messageId: 'ldapClearBind',
          data: { host: '`ldap.example.com`' },
          line: 3,
          column: 1,
          suggestions: [
            {
              messageId: 'useSecureScheme',
              data: { secure: 'ldaps' },
              output:
                "import ldap from 'ldapjs';\nconst client = ldap.createClient({ url: 'ldaps://ldap.example.com:389' });\nclient.bind('cn=app,dc=example,dc=com', 'pw', () => undefined);",
            },
          ],
        },
      ],
    },
    {
      // A `let` never written again is as good as a `const`.
      code: "import ldap from 'ldapjs';\nlet client = ldap.createClient({ url: 'ldap://ldap.example.com' });\nclient.bind('cn=app', 'pw', () => undefined);",
      errors: [
        {
          messageId: 'ldapClearBind',
          data: { host: '`ldap.example.com`' },
          line: 3,
          column: 1,
          suggestions: [
            {
              messageId: 'useSecureScheme',
              data: { secure: 'ldaps' },
              output:
                "import ldap from 'ldapjs';\nlet client = ldap.createClient({ url: 'ldaps://ldap.example.com' });\nclient.bind('cn=app', 'pw', () => undefined);",
            },
          ],
        },
      ],
    },
    {
      // A variable without initializer written once: a bind that does not throw is on that client.
      code: "import ldap from 'ldapjs';\nlet client: ldap.Client;\nexport function connect() {\n  client = ldap.createClient({ url: 'ldap://ldap.example.com' });\n}\nexport function login(pw: string) {\n  client.bind('cn=app', pw, () => undefined);\n}",
      errors: [
        {
          messageId: 'ldapClearBind',
          data: { host: '`ldap.example.com`' },
          line: 7,
          column: 3,
          suggestions: [
            {
              messageId: 'useSecureScheme',
              data: { secure: 'ldaps' },
              output:
                "import ldap from 'ldapjs';\nlet client: ldap.Client;\nexport function connect() {\n  client = ldap.createClient({ url: 'ldaps://ldap.example.com' });\n}\nexport function login(pw: string) {\n  client.bind('cn=app', pw, () => undefined);\n}",
            },
          ],
        },
      ],
    },
    {
      // A class field assigned once, by a statement of the constructor (an arrow keeps the method's `this`).
      code: "import ldap from 'ldapjs';\nexport class Directory {\n  private client: ldap.Client;\n  constructor() {\n    this.client = ldap.createClient({ url: 'ldap://ldap.example.com' });\n  }\n  login(password: string) {\n    return new Promise((resolve) => this.client.bind('cn=app', password, resolve));\n  }\n}",
      errors: [
        {
          messageId: 'ldapClearBind',
          data: { host: '`ldap.example.com`' },
          line: 8,
          column: 37,
          suggestions: [
            {
              messageId: 'useSecureScheme',
              data: { secure: 'ldaps' },
              output:
                "import ldap from 'ldapjs';\nexport class Directory {\n  private client: ldap.Client;\n  constructor() {\n    this.client = ldap.createClient({ url: 'ldaps://ldap.example.com' });\n  }\n  login(password: string) {\n    return new Promise((resolve) => this.client.bind('cn=app', password, resolve));\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      // A field initializer (here a private one).
      code: "import ldap from 'ldapjs';\nexport class Directory {\n  #client = ldap.createClient({ url: 'ldap://ldap.example.com:389' });\n  login(password: string) {\n    this.#client.bind('cn=app', password, () => undefined);\n  }\n}",
      errors: [
        {
          messageId: 'ldapClearBind',
          data: { host: '`ldap.example.com`' },
          line: 5,
          column: 5,
          suggestions: [
            {
              messageId: 'useSecureScheme',
              data: { secure: 'ldaps' },
              output:
                "import ldap from 'ldapjs';\nexport class Directory {\n  #client = ldap.createClient({ url: 'ldaps://ldap.example.com:389' });\n  login(password: string) {\n    this.#client.bind('cn=app', password, () => undefined);\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      // Several URLs: one is not provably loopback; no single URL to rewrite.
      code: "import ldap from 'ldapjs';\nconst client = ldap.createClient({ url: ['ldap://localhost', `ldap://${process.env.LDAP_HOST}`] });\nclient.bind('cn=app', process.env.LDAP_PW, () => undefined);",
      errors: [{ messageId: 'ldapClearBind', data: { host: 'a host decided at run time' }, line: 3, column: 1, suggestions: [] }],
    },
    {
      // `ssl: null` is not undefined: pg uses it as is, and it is falsy.
      code: "import pg from 'pg';\nexport const c = new pg.Client({ host: 'db.example.com', password: 'pw', ssl: null });",
      errors: [
        {
          messageId: 'postgresNoTls',
          data: { option: '`ssl: null`', library: 'pg', host: '`db.example.com`', secure: '`ssl: true`' },
          line: 2,
          column: 74,
          suggestions: [
            {
              messageId: 'verifySsl',
              data: { secure: '`ssl: true`' },
              output: "import pg from 'pg';\nexport const c = new pg.Client({ host: 'db.example.com', password: 'pw', ssl: true });",
            },
          ],
        },
      ],
    },
    {
      // A connection string without ssl parameters leaves the object's ssl: false in place.
      code: "import pg from 'pg';\nexport const pool = new pg.Pool({ connectionString: 'postgres://app:pw@db.example.com/app', ssl: false });",
      errors: [
        {
          messageId: 'postgresNoTls',
          data: { option: '`ssl: false`', library: 'pg', host: '`db.example.com`', secure: '`ssl: true`' },
          line: 2,
          column: 93,
          suggestions: [
            {
              messageId: 'verifySsl',
              data: { secure: '`ssl: true`' },
              output: "import pg from 'pg';\nexport const pool = new pg.Pool({ connectionString: 'postgres://app:pw@db.example.com/app', ssl: true });",
            },
          ],
        },
      ],
    },
  ],
};

export default cases;
