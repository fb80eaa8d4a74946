/**
 * `no-unverified-hostname` with and without type information: a wrapper typed with
 * `tls.ConnectionOptions` is reported in both modes; a test double whose type declares
 * `checkServerIdentity` itself is reported only without types.
 */
import type { DualCase } from './dual.js';

type M = 'acceptsAnyHost' | 'globalOverride' | 'libraryOption' | 'libraryFix' | 'removeOption' | 'returnCheckResult' | 'removeAssignment' | 'useFactory';

const cases: readonly DualCase<M>[] = [
  {
    code: `import { openTls } from './wrappers';
openTls({ host: 'a.example', checkServerIdentity: () => undefined });`,
    untyped: [
      {
        messageId: 'acceptsAnyHost',
        line: 2,
        column: 30,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import { openTls } from './wrappers';
openTls({ host: 'a.example' });`,
          },
        ],
      },
    ],
    typed: [
      {
        messageId: 'acceptsAnyHost',
        line: 2,
        column: 30,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import { openTls } from './wrappers';
openTls({ host: 'a.example' });`,
          },
        ],
      },
    ],
  },
  {
    code: `import { fakeServer } from './unrelated';
export const fake = fakeServer({ rejectUnauthorized: true, checkServerIdentity: () => undefined });`,
    untyped: [
      {
        messageId: 'acceptsAnyHost',
        line: 2,
        column: 60,
        suggestions: [
          {
            messageId: 'removeOption',
            output: `import { fakeServer } from './unrelated';
export const fake = fakeServer({ rejectUnauthorized: true });`,
          },
        ],
      },
    ],
    typed: [],
  },
];

export default cases;
