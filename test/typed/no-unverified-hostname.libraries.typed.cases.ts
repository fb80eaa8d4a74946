/**
 * Library hostname cases that need the packages' types: a wrapper typed with mysql2's `PoolOptions`
 * (its `ssl` lacks `verifyIdentity`), mongodb's options type, and a look-alike `ssl` of the project's own.
 */
import type { DualCase } from './dual.js';
import { alias } from '../rules/library-helpers.js';

type M = 'acceptsAnyHost' | 'globalOverride' | 'libraryOption' | 'libraryFix' | 'removeOption' | 'returnCheckResult' | 'removeAssignment' | 'useFactory';

const cases: readonly DualCase<M>[] = [
  {
    code: `import type { PoolOptions } from 'mysql2';
declare function pool(config: PoolOptions): unknown;
declare const ca: string;
export const db = pool({ host: 'db.internal', ssl: { ca } });`,
    untyped: [],
    typed: [
      {
        messageId: 'libraryOption',
        data: alias(`mysql2`, `An \`ssl\` object without \`verifyIdentity: true\``),
        line: 4,
        column: 47,
        suggestions: [
          {
            messageId: 'libraryFix',
            data: { fix: `Add \`verifyIdentity: true\`.` },
            output: `import type { PoolOptions } from 'mysql2';
declare function pool(config: PoolOptions): unknown;
declare const ca: string;
export const db = pool({ host: 'db.internal', ssl: { ca, verifyIdentity: true } });`,
          },
        ],
      },
    ],
  },
  {
    code: `import type { MongoClientOptions } from 'mongodb';
export const options: MongoClientOptions = { tls: true, tlsAllowInvalidHostnames: true };`,
    untyped: [
      {
        messageId: 'libraryOption',
        data: alias(`mongodb`, `\`tlsAllowInvalidHostnames: true\``),
        line: 2,
        column: 57,
        suggestions: [
          {
            messageId: 'libraryFix',
            data: { fix: `Remove \`tlsAllowInvalidHostnames: true\`.` },
            output: `import type { MongoClientOptions } from 'mongodb';
export const options: MongoClientOptions = { tls: true };`,
          },
        ],
      },
    ],
    typed: [
      {
        messageId: 'libraryOption',
        data: alias(`mongodb`, `\`tlsAllowInvalidHostnames: true\``),
        line: 2,
        column: 57,
        suggestions: [
          {
            messageId: 'libraryFix',
            data: { fix: `Remove \`tlsAllowInvalidHostnames: true\`.` },
            output: `import type { MongoClientOptions } from 'mongodb';
export const options: MongoClientOptions = { tls: true };`,
          },
        ],
      },
    ],
  },
  {
    code: `interface Config { ssl: { ca: string } }
declare function connect(config: Config): void;
connect({ ssl: { ca: 'x' } });`,
    untyped: [],
    typed: [],
  },
];

export default cases;
