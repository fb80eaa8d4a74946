/**
 * Insecure defaults of library hostname options for `no-unverified-hostname` (src/analysis/defaults.ts):
 * a value decided at run time whose default turns the check off is `insecureDefault`;
 * `reportInsecureDefaults: false` turns that off, and a run-time value without such a default is not reported.
 */
import type rule from '../../rules/no-unverified-hostname.js';
import type { CasesOf } from '../rule-tester.js';
import { alias } from './library-helpers.js';

const ANY_HOST = 'A `checkServerIdentity` that accepts any host';
const ANY_HOST_EFFECT = 'Node accepts a valid certificate for any other domain';
const HOSTNAMES = alias('mongodb', '`tlsAllowInvalidHostnames: true`', 'hostname');

const cases: CasesOf<typeof rule> = {
  valid: [
    // The unset option picks Node's check.
    `import tls from 'node:tls';
export function connect(host: string, opts: { lax?: boolean }) {
  return tls.connect({ host, port: 443, checkServerIdentity: opts.lax ? () => undefined : tls.checkServerIdentity });
}`,
    // A comparison of the unset option decides, not its absence: run-time data.
    `import tls from 'node:tls';
export function connect(host: string, opts: { mode?: string }) {
  return tls.connect({ host, port: 443, checkServerIdentity: opts.mode !== 'strict' ? () => undefined : tls.checkServerIdentity });
}`,
    // A fallback that checks.
    `import tls from 'node:tls';
export function connect(host: string, opts: { check?: typeof tls.checkServerIdentity }) {
  return tls.connect({ host, port: 443, checkServerIdentity: opts.check ?? tls.checkServerIdentity });
}`,
    {
      code: `import tls from 'node:tls';
export function connect(config: { host: string; ssl: { verifyIdentity?: boolean } }) {
  const verifyIdentity = config.ssl.verifyIdentity;
  return tls.connect({
    host: config.host,
    port: 3306,
    checkServerIdentity: verifyIdentity
      ? tls.checkServerIdentity
      : function () {
          return undefined;
        },
  });
}`,
      options: [{ reportInsecureDefaults: false }],
    },
    `import { MongoClient } from 'mongodb';
export function client(opts: { lax?: boolean }) {
  return new MongoClient('mongodb://db.internal', { tlsAllowInvalidHostnames: opts.lax });
}`,
    `import { MongoClient } from 'mongodb';
export function client(opts: { lax?: boolean }) {
  return new MongoClient('mongodb://db.internal', { tlsAllowInvalidHostnames: opts.lax ?? false });
}`,
    {
      code: `import { MongoClient } from 'mongodb';
export function client(opts: { lax?: boolean }) {
  return new MongoClient('mongodb://db.internal', { tlsAllowInvalidHostnames: opts.lax ?? true });
}`,
      options: [{ reportInsecureDefaults: false }],
    },
  ],
  invalid: [
    // mysql2 3.24.6 (lib/base/connection.js): the no-op check when `ssl.verifyIdentity` is unset (`undefined` is falsy).
    {
      code: `import tls from 'node:tls';
export function connect(config: { host: string; ssl: { verifyIdentity?: boolean } }) {
  const verifyIdentity = config.ssl.verifyIdentity;
  return tls.connect({
    host: config.host,
    port: 3306,
    checkServerIdentity: verifyIdentity
      ? tls.checkServerIdentity
      : function () {
          return undefined;
        },
  });
}`,
      errors: [
        {
          messageId: 'insecureDefault',
          line: 7,
          data: { option: ANY_HOST, origin: 'verifyIdentity ? tls.checkServerIdentity : function () { ...', effect: ANY_HOST_EFFECT },
          suggestions: [],
        },
      ],
    },
    // A fallback taken when the caller passes no check.
    {
      code: `import tls from 'node:tls';
export function connect(host: string, opts: { check?: typeof tls.checkServerIdentity }) {
  return tls.connect({ host, port: 443, checkServerIdentity: opts.check || (() => undefined) });
}`,
      errors: [
        { messageId: 'insecureDefault', data: { option: ANY_HOST, origin: 'opts.check || (() => undefined)', effect: ANY_HOST_EFFECT }, suggestions: [] },
      ],
    },
    {
      code: `import { MongoClient } from 'mongodb';
export function client(opts: { lax?: boolean }) {
  return new MongoClient('mongodb://db.internal', { tlsAllowInvalidHostnames: opts.lax ?? true });
}`,
      errors: [
        {
          messageId: 'insecureDefault',
          data: { option: `${HOSTNAMES.option} (mongodb)`, origin: 'opts.lax ?? true', effect: `it ${HOSTNAMES.effect}` },
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: 'Make the default `false`.' },
              output: `import { MongoClient } from 'mongodb';
export function client(opts: { lax?: boolean }) {
  return new MongoClient('mongodb://db.internal', { tlsAllowInvalidHostnames: opts.lax ?? false });
}`,
            },
          ],
        },
      ],
    },
    // A call in the file that passes `true`: the plain finding.
    {
      code: `import { MongoClient } from 'mongodb';
function client(lax: boolean) {
  return new MongoClient('mongodb://db.internal', { tlsAllowInvalidHostnames: lax });
}
export const dev = client(true);`,
      errors: [
        {
          messageId: 'libraryOption',
          data: HOSTNAMES,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: 'Remove `tlsAllowInvalidHostnames: true`.' },
              output: `import { MongoClient } from 'mongodb';
function client(lax: boolean) {
  return new MongoClient('mongodb://db.internal', {});
}
export const dev = client(true);`,
            },
          ],
        },
      ],
    },
  ],
};

export default cases;
