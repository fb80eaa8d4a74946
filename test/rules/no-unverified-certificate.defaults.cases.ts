/**
 * Insecure defaults and conditionals for `no-unverified-certificate` (src/analysis/defaults.ts):
 * a value decided at run time whose default, written in the file, turns verification off is
 * reported as `insecureDefault` ("insecure unless the caller or environment says otherwise"); a
 * call in the file that passes the insecure value is a plain finding; a value only run-time data
 * decides is not reported. `reportInsecureDefaults: false` turns the defaults off.
 */
import type rule from '../../rules/no-unverified-certificate.js';
import type { CasesOf } from '../rule-tester.js';
import { js } from '../rule-tester.js';
import { alias } from './library-helpers.js';

const OPTION = '`rejectUnauthorized: false`';
const TLS_CONNECT = 'certificate verification is off for tls.connect()';
const HTTPS_AGENT = 'certificate verification is off for new https.Agent()';
const SECURE_DEFAULT = { messageId: 'secureDefault' as const, data: { value: 'true' } };
const ALLOW_INVALID = '`tlsAllowInvalidCertificates: true` (mongodb)';
const ALLOW_INVALID_EFFECT = `it ${alias('mongodb', '`tlsAllowInvalidCertificates: true`').effect}`;

const cases: CasesOf<typeof rule> = {
  valid: [
    // Decided at run time, with no insecure default.
    `import tls from 'node:tls';
export function connect(opts: { host: string; verify?: boolean }) {
  return tls.connect({ host: opts.host, port: 443, rejectUnauthorized: opts.verify });
}`,
    `import tls from 'node:tls';
export function connect(opts: { host: string; insecure?: boolean }) {
  return tls.connect({ host: opts.host, port: 443, rejectUnauthorized: !opts.insecure });
}`,
    `import tls from 'node:tls';
export const socket = tls.connect({ host: 'a.example', port: 443, rejectUnauthorized: process.env.TLS_VERIFY === 'true' });`,
    // A secure default.
    `import tls from 'node:tls';
export function connect(host: string, verify = true) {
  return tls.connect({ host, port: 443, rejectUnauthorized: verify });
}`,
    `import https from 'node:https';
export const agent = new https.Agent({ rejectUnauthorized: process.env.TLS_VERIFY !== 'false' });`,
    // A branch that only run-time data picks.
    `import tls from 'node:tls';
export function connect(opts: { host: string; lab?: boolean }) {
  return tls.connect({ host: opts.host, port: 443, rejectUnauthorized: opts.lab ? false : true });
}`,
    // `!x` is a boolean, never unset: `!opts.insecure || false` is `!opts.insecure` (true when unset).
    `import tls from 'node:tls';
export function connect(opts: { host: string; insecure?: boolean }) {
  return tls.connect({ host: opts.host, port: 443, rejectUnauthorized: !opts.insecure || false });
}`,
    `import tls from 'node:tls';
export function connect(opts: { host: string; insecure?: boolean }) {
  return tls.connect({ host: opts.host, port: 443, rejectUnauthorized: !opts.insecure ?? false });
}`,
    // A truthiness coercion whose unset value is the secure one: `!opts.insecure` is `true`, mongodb's `tlsAllowInvalidCertificates: !!opts.lax` is `false`.
    `import { MongoClient } from 'mongodb';
export function client(opts: { lax?: boolean }) {
  return new MongoClient('mongodb://db.internal', { tlsAllowInvalidCertificates: !!opts.lax });
}`,
    `import { MongoClient } from 'mongodb';
export function client(opts: { lax?: boolean }) {
  return new MongoClient('mongodb://db.internal', { tlsAllowInvalidCertificates: Boolean(opts.lax) });
}`,
    // A comparison of an unset option decides by the comparison, not by the option's absence: run-time data.
    `import tls from 'node:tls';
export function connect(opts: { host: string; mode?: string }) {
  return tls.connect({ host: opts.host, port: 443, rejectUnauthorized: opts.mode === 'strict' ? true : false });
}`,
    `import tls from 'node:tls';
export function connect(opts: { host: string; mode?: string }) {
  return tls.connect({ host: opts.host, port: 443, rejectUnauthorized: !!(opts.mode === 'strict') });
}`,
    // A positional parameter tested for truthiness is a flag the caller passes, not an unset option.
    `import tls from 'node:tls';
export function connect(host: string, strict: boolean) {
  return tls.connect({ host, port: 443, rejectUnauthorized: strict ? true : false });
}`,
    `import tls from 'node:tls';
export function connect(host: string, strict: boolean) {
  return tls.connect({ host, port: 443, rejectUnauthorized: !!strict });
}`,
    // A local function named `Boolean` is not the global one.
    `import tls from 'node:tls';
const Boolean = (v: unknown): boolean => v !== false;
export function connect(opts: { host: string; strict?: boolean }) {
  return tls.connect({ host: opts.host, port: 443, rejectUnauthorized: Boolean(opts.strict) });
}`,
    {
      code: `import tls from 'node:tls';
export function connect(opts: { host: string; strict?: boolean }) {
  return tls.connect({ host: opts.host, port: 443, rejectUnauthorized: !!opts.strict });
}`,
      options: [{ reportInsecureDefaults: false }],
    },
    // Defaults turned off by the option.
    {
      code: `import tls from 'node:tls';
export function connect(opts: { host: string; verify?: boolean }) {
  return tls.connect({ host: opts.host, port: 443, rejectUnauthorized: opts.verify ?? false });
}`,
      options: [{ reportInsecureDefaults: false }],
    },
    {
      code: `import { MongoClient } from 'mongodb';
export const client = new MongoClient('mongodb://db.internal', { tlsAllowInvalidCertificates: process.env.MONGO_TLS_INSECURE ? process.env.MONGO_TLS_INSECURE === 'true' : true });`,
      options: [{ reportInsecureDefaults: false }],
    },
  ],
  invalid: [
    // A truthiness coercion of an unset option: `undefined` is falsy, so the option is `false` unless the caller sets it (as `opts.strict || false`). No literal to rewrite.
    {
      code: `import tls from 'node:tls';
export function connect(opts: { host: string; strict?: boolean }) {
  return tls.connect({ host: opts.host, port: 443, rejectUnauthorized: opts.strict ? true : false });
}`,
      errors: [{ messageId: 'insecureDefault', data: { option: OPTION, origin: 'opts.strict ? true : false', effect: TLS_CONNECT }, suggestions: [] }],
    },
    {
      code: `import tls from 'node:tls';
export function connect(opts: { host: string; strict?: boolean }) {
  return tls.connect({ host: opts.host, port: 443, rejectUnauthorized: !!opts.strict });
}`,
      errors: [{ messageId: 'insecureDefault', data: { option: OPTION, origin: '!!opts.strict', effect: TLS_CONNECT }, suggestions: [] }],
    },
    {
      code: `import tls from 'node:tls';
export function connect(opts: { host: string; strict?: boolean }) {
  return tls.connect({ host: opts.host, port: 443, rejectUnauthorized: Boolean(opts.strict) });
}`,
      errors: [{ messageId: 'insecureDefault', data: { option: OPTION, origin: 'Boolean(opts.strict)', effect: TLS_CONNECT }, suggestions: [] }],
    },
    // An unset environment variable is falsy too; `!x` of it is `true`, so `!!` is `false`.
    {
      code: `import https from 'node:https';
export const agent = new https.Agent({ rejectUnauthorized: !!process.env.TLS_VERIFY });`,
      errors: [{ messageId: 'insecureDefault', data: { option: OPTION, origin: '!!process.env.TLS_VERIFY', effect: HTTPS_AGENT }, suggestions: [] }],
    },
    // A local read of the option (mysql2's `const verify = this.config.ssl.verify`), tested for truthiness.
    {
      code: `import tls from 'node:tls';
export function connect(config: { host: string; ssl: { verify?: boolean } }) {
  const verify = config.ssl.verify;
  return tls.connect({ host: config.host, port: 443, rejectUnauthorized: verify ? true : false });
}`,
      errors: [{ messageId: 'insecureDefault', data: { option: OPTION, origin: 'verify ? true : false', effect: TLS_CONNECT }, suggestions: [] }],
    },
    // mongodb's `tlsAllowInvalidCertificates`, insecure when `true`: `!opts.verify` is `true` when unset.
    {
      code: `import { MongoClient } from 'mongodb';
export function client(opts: { verify?: boolean }) {
  return new MongoClient('mongodb://db.internal', { tlsAllowInvalidCertificates: !opts.verify });
}`,
      errors: [{ messageId: 'insecureDefault', data: { option: ALLOW_INVALID, origin: '!opts.verify', effect: ALLOW_INVALID_EFFECT }, suggestions: [] }],
    },
    // A `!x` whose own default is known keeps it: unset `insecure` is `true` here, so `!` gives `false`.
    {
      code: `import tls from 'node:tls';
export function connect(opts: { host: string; insecure?: boolean }) {
  return tls.connect({ host: opts.host, port: 443, rejectUnauthorized: !(opts.insecure ?? true) || false });
}`,
      errors: [
        {
          messageId: 'insecureDefault',
          line: 3,
          data: { option: OPTION, origin: '!(opts.insecure ?? true) || false', effect: TLS_CONNECT },
          suggestions: [
            {
              ...SECURE_DEFAULT,
              output: `import tls from 'node:tls';
export function connect(opts: { host: string; insecure?: boolean }) {
  return tls.connect({ host: opts.host, port: 443, rejectUnauthorized: !(opts.insecure ?? true) || true });
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import tls from 'node:tls';
export function connect(opts: { host: string; verify?: boolean }) {
  return tls.connect({ host: opts.host, port: 443, rejectUnauthorized: opts.verify ?? false });
}`,
      errors: [
        {
          messageId: 'insecureDefault',
          data: { option: OPTION, origin: 'opts.verify ?? false', effect: TLS_CONNECT },
          suggestions: [
            {
              ...SECURE_DEFAULT,
              output: `import tls from 'node:tls';
export function connect(opts: { host: string; verify?: boolean }) {
  return tls.connect({ host: opts.host, port: 443, rejectUnauthorized: opts.verify ?? true });
}`,
            },
          ],
        },
      ],
    },
    // A default parameter.
    {
      code: `import https from 'node:https';
export function agentFor(verify = false) {
  return new https.Agent({ keepAlive: true, rejectUnauthorized: verify });
}`,
      errors: [
        {
          messageId: 'insecureDefault',
          data: { option: OPTION, origin: 'verify = false', effect: HTTPS_AGENT },
          suggestions: [
            {
              ...SECURE_DEFAULT,
              output: `import https from 'node:https';
export function agentFor(verify = true) {
  return new https.Agent({ keepAlive: true, rejectUnauthorized: verify });
}`,
            },
          ],
        },
      ],
    },
    // A local helper that reads the environment, with `false` as its fallback.
    js({
      code: `const tls = require('tls');
function envFlag(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined) return fallback;
  return raw === 'true';
}
module.exports = (host) => tls.connect({ host, port: 443, rejectUnauthorized: envFlag('TLS_VERIFY', false) });`,
      errors: [
        {
          messageId: 'insecureDefault',
          data: { option: OPTION, origin: "envFlag('TLS_VERIFY', false)", effect: TLS_CONNECT },
          suggestions: [
            {
              ...SECURE_DEFAULT,
              output: `const tls = require('tls');
function envFlag(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined) return fallback;
  return raw === 'true';
}
module.exports = (host) => tls.connect({ host, port: 443, rejectUnauthorized: envFlag('TLS_VERIFY', true) });`,
            },
          ],
        },
      ],
    }),
    // An absence check: verification on only when the variable is set.
    {
      code: `import tls from 'node:tls';
export const socket = tls.connect({ host: 'a.example', port: 443, rejectUnauthorized: process.env.TLS_VERIFY !== undefined });`,
      errors: [
        { messageId: 'insecureDefault', data: { option: OPTION, origin: 'process.env.TLS_VERIFY !== undefined', effect: TLS_CONNECT }, suggestions: [] },
      ],
    },
    // An options object whose destination the file does not show, and a write with a default.
    {
      code: `export function tlsOptions(opts: { verify?: boolean } = {}) {
  return { rejectUnauthorized: opts.verify || false };
}`,
      errors: [
        {
          messageId: 'insecureDefault',
          data: { option: OPTION, origin: 'opts.verify || false', effect: 'certificate verification is off where this options object is used' },
          suggestions: [
            {
              ...SECURE_DEFAULT,
              output: `export function tlsOptions(opts: { verify?: boolean } = {}) {
  return { rejectUnauthorized: opts.verify || true };
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import https from 'node:https';
declare const verify: boolean | undefined;
https.globalAgent.options.rejectUnauthorized = verify ?? false;`,
      errors: [
        {
          messageId: 'insecureDefault',
          data: {
            option: OPTION,
            origin: 'verify ?? false',
            effect: 'certificate verification is off for every HTTPS request that uses https.globalAgent.options',
          },
          suggestions: [
            {
              ...SECURE_DEFAULT,
              output: `import https from 'node:https';
declare const verify: boolean | undefined;
https.globalAgent.options.rejectUnauthorized = verify ?? true;`,
            },
          ],
        },
      ],
    },
    // A conditional whose insecure branch a call in the file reaches: a plain finding.
    {
      code: `import tls from 'node:tls';
function connect(host: string, lab: boolean) {
  return tls.connect({ host, port: 443, rejectUnauthorized: lab ? false : true });
}
connect('lab.internal', true);`,
      errors: [
        {
          messageId: 'clientSink',
          data: { sink: 'tls.connect()' },
          suggestions: [
            {
              messageId: 'removeOption',
              output: `import tls from 'node:tls';
function connect(host: string, lab: boolean) {
  return tls.connect({ host, port: 443 });
}
connect('lab.internal', true);`,
            },
            {
              messageId: 'useFactory',
              output: `import tls from 'node:tls';
import { secureClientOptions } from 'tlsguard-runtime';
function connect(host: string, lab: boolean) {
  return tls.connect(secureClientOptions({ host, port: 443 }));
}
connect('lab.internal', true);`,
            },
            {
              messageId: 'useFactoryWithCa',
              output: `import tls from 'node:tls';
import { secureClientOptions } from 'tlsguard-runtime';
function connect(host: string, lab: boolean) {
  return tls.connect(secureClientOptions({ host, port: 443, extraCa: process.env.TLS_PRIVATE_CA_PEM }));
}
connect('lab.internal', true);`,
            },
          ],
        },
      ],
    },
    // ... and one that a default parameter reaches (the default is elsewhere: no rewrite is offered).
    {
      code: `import tls from 'node:tls';
export function connect(host: string, lab = true) {
  return tls.connect({ host, port: 443, rejectUnauthorized: lab ? false : true });
}`,
      errors: [{ messageId: 'insecureDefault', data: { option: OPTION, origin: 'lab = true', effect: TLS_CONNECT }, suggestions: [] }],
    },
    // Library options: `x ? x : true` (always truthy), a presence check, and a local helper's default.
    {
      code: `import { MongoClient } from 'mongodb';
declare const insecure: boolean | undefined;
export const client = new MongoClient('mongodb://db.internal', { tlsInsecure: insecure ? insecure : true });`,
      errors: [
        {
          messageId: 'insecureDefault',
          data: {
            option: '`tlsInsecure: true` (mongodb)',
            origin: 'insecure ? insecure : true',
            effect: `it ${alias('mongodb', '`tlsInsecure: true`').effect}`,
          },
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: 'Make the default `false`.' },
              output: `import { MongoClient } from 'mongodb';
declare const insecure: boolean | undefined;
export const client = new MongoClient('mongodb://db.internal', { tlsInsecure: insecure ? insecure : false });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { MongoClient } from 'mongodb';
const insecure = process.env.MONGO_TLS_INSECURE;
export const client = new MongoClient('mongodb://db.internal', { tlsAllowInvalidCertificates: insecure ? insecure === 'true' : true });`,
      errors: [
        {
          messageId: 'insecureDefault',
          data: { option: ALLOW_INVALID, origin: "insecure ? insecure === 'true' : true", effect: ALLOW_INVALID_EFFECT },
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: 'Make the default `false`.' },
              output: `import { MongoClient } from 'mongodb';
const insecure = process.env.MONGO_TLS_INSECURE;
export const client = new MongoClient('mongodb://db.internal', { tlsAllowInvalidCertificates: insecure ? insecure === 'true' : false });`,
            },
          ],
        },
      ],
    },
    js({
      code: `const { MongoClient } = require('mongodb');
const toBool = (value, fallback) => (value == null || value === '' ? fallback : value === 'true');
module.exports = new MongoClient(process.env.MONGO_URL, { tlsAllowInvalidCertificates: toBool(process.env.MONGO_ALLOW_INVALID, true) });`,
      errors: [
        {
          messageId: 'insecureDefault',
          data: { option: ALLOW_INVALID, origin: 'toBool(process.env.MONGO_ALLOW_INVALID, true)', effect: ALLOW_INVALID_EFFECT },
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: 'Make the default `false`.' },
              output: `const { MongoClient } = require('mongodb');
const toBool = (value, fallback) => (value == null || value === '' ? fallback : value === 'true');
module.exports = new MongoClient(process.env.MONGO_URL, { tlsAllowInvalidCertificates: toBool(process.env.MONGO_ALLOW_INVALID, false) });`,
            },
          ],
        },
      ],
    }),
  ],
};

export default cases;
