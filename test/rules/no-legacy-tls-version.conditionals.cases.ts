/**
 * Conditionals and defaults for `no-legacy-tls-version` (src/analysis/defaults.ts `judgedValues`):
 * a conditional whose branches differ is reported when a literal or default in the file reaches the
 * legacy branch, and not when only run-time data picks it. The messages are the rule's own (stated
 * by id here: their text is the value's, as for a plain string).
 */
import type rule from '../../rules/no-legacy-tls-version.js';
import type { CasesOf } from '../rule-tester.js';

const cases: CasesOf<typeof rule> = {
  valid: [
    `import tls from 'node:tls';
export function connect(host: string, opts: { legacy?: boolean }) {
  return tls.connect({ host, port: 443, minVersion: opts.legacy ? 'TLSv1' : 'TLSv1.2' });
}`,
    `import tls from 'node:tls';
export function connect(host: string, legacy = false) {
  return tls.connect({ host, port: 443, minVersion: legacy ? 'TLSv1' : 'TLSv1.2' });
}`,
    `import tls from 'node:tls';
export function connect(host: string, opts: { minVersion?: tls.SecureVersion }) {
  return tls.connect({ host, port: 443, minVersion: opts.minVersion ?? 'TLSv1.2' });
}`,
  ],
  invalid: [
    // An unset option tested for truthiness takes the falsy branch when the caller passes nothing (as `opts.modern || ...`).
    {
      code: `import tls from 'node:tls';
export function connect(host: string, opts: { modern?: boolean }) {
  return tls.connect({ host, port: 443, minVersion: opts.modern ? 'TLSv1.2' : 'TLSv1' });
}`,
      errors: [
        {
          messageId: 'minVersion',
          suggestions: [
            {
              messageId: 'raiseMinVersion',
              output: `import tls from 'node:tls';
export function connect(host: string, opts: { modern?: boolean }) {
  return tls.connect({ host, port: 443, minVersion: 'TLSv1.2' });
}`,
            },
            {
              messageId: 'useFactory',
              output: `import tls from 'node:tls';
import { secureClientOptions } from 'tlsguard-runtime';
export function connect(host: string, opts: { modern?: boolean }) {
  return tls.connect(secureClientOptions({ host, port: 443 }));
}`,
            },
          ],
        },
      ],
    },
    // A call in the file passes the literal that picks the legacy branch.
    {
      code: `import tls from 'node:tls';
export function connect(host: string, legacy = false) {
  return tls.connect({ host, port: 443, minVersion: legacy ? 'TLSv1' : 'TLSv1.2' });
}
connect('old.internal', true);`,
      errors: [
        {
          messageId: 'minVersion',
          suggestions: [
            {
              messageId: 'raiseMinVersion',
              output: `import tls from 'node:tls';
export function connect(host: string, legacy = false) {
  return tls.connect({ host, port: 443, minVersion: 'TLSv1.2' });
}
connect('old.internal', true);`,
            },
            {
              messageId: 'useFactory',
              output: `import tls from 'node:tls';
import { secureClientOptions } from 'tlsguard-runtime';
export function connect(host: string, legacy = false) {
  return tls.connect(secureClientOptions({ host, port: 443 }));
}
connect('old.internal', true);`,
            },
          ],
        },
      ],
    },
    // A fallback the caller gets when it passes nothing.
    {
      code: `import tls from 'node:tls';
export function serve(opts: { maxVersion?: tls.SecureVersion }) {
  return tls.createServer({ maxVersion: opts.maxVersion || 'TLSv1.1' });
}`,
      errors: [
        {
          messageId: 'maxVersion',
          suggestions: [
            {
              messageId: 'removeMaxVersion',
              output: `import tls from 'node:tls';
export function serve(opts: { maxVersion?: tls.SecureVersion }) {
  return tls.createServer({});
}`,
            },
          ],
        },
      ],
    },
  ],
};

export default cases;
