/**
 * Insecure defaults of library hostname options for `no-unverified-hostname` (src/analysis/defaults.ts):
 * a value decided at run time whose default turns the check off is `insecureDefault`;
 * `reportInsecureDefaults: false` turns that off, and a run-time value without such a default is not reported.
 */
import type rule from '../../rules/no-unverified-hostname.js';
import type { CasesOf } from '../rule-tester.js';
import { alias } from './library-helpers.js';

const HOSTNAMES = alias('mongodb', '`tlsAllowInvalidHostnames: true`', 'hostname');

const cases: CasesOf<typeof rule> = {
  valid: [
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
