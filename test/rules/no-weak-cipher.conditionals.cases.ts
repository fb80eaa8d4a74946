/**
 * Conditionals and defaults for `no-weak-cipher` (src/analysis/defaults.ts `judgedValues`): a
 * conditional whose branches differ is reported when a literal or default in the file reaches the
 * weak branch (a default parameter, a call that passes the literal, `opts.ciphers ?? '…'`), and not
 * when only run-time data picks it. The messages are the rule's own (stated by id here: their text is
 * the value's, as for a plain string).
 */
import type rule from '../../rules/no-weak-cipher.js';
import type { CasesOf } from '../rule-tester.js';
import { PROFILES } from '../../src/policy/index.js';

const PROFILE = `'${PROFILES.intermediate.ciphers}'`;

const cases: CasesOf<typeof rule> = {
  valid: [
    // Only run-time data picks the branch.
    `import tls from 'node:tls';
export function context(opts: { legacy?: boolean }) {
  return tls.createSecureContext({ ciphers: opts.legacy ? 'DEFAULT:@SECLEVEL=0' : 'HIGH' });
}`,
    `import tls from 'node:tls';
export function context(legacy: boolean) {
  return tls.createSecureContext({ ciphers: legacy ? 'DEFAULT:@SECLEVEL=0' : 'HIGH' });
}`,
    // The file reaches only the strong branch.
    `import tls from 'node:tls';
function context(legacy = false) {
  return tls.createSecureContext({ ciphers: legacy ? 'DEFAULT:@SECLEVEL=0' : 'HIGH' });
}
export const ctx = context();`,
    `import tls from 'node:tls';
export function context(opts: { ciphers?: string }) {
  return tls.createSecureContext({ ciphers: opts.ciphers ?? 'HIGH' });
}`,
  ],
  invalid: [
    // An unset option tested for truthiness: the caller who passes nothing gets the falsy (weak) branch.
    {
      code: `import tls from 'node:tls';
export function context(opts: { modern?: boolean }) {
  return tls.createSecureContext({ ciphers: opts.modern ? 'HIGH' : 'DEFAULT:@SECLEVEL=0' });
}`,
      errors: [
        {
          messageId: 'secLevelZero',
          suggestions: [
            {
              messageId: 'useProfileCiphers',
              output: `import tls from 'node:tls';
export function context(opts: { modern?: boolean }) {
  return tls.createSecureContext({ ciphers: ${PROFILE} });
}`,
            },
          ],
        },
      ],
    },
    // A default parameter picks the weak branch.
    {
      code: `import tls from 'node:tls';
export function context(legacy = true) {
  return tls.createSecureContext({ ciphers: legacy ? 'DEFAULT:@SECLEVEL=0' : 'HIGH' });
}`,
      errors: [
        {
          messageId: 'secLevelZero',
          suggestions: [
            {
              messageId: 'useProfileCiphers',
              output: `import tls from 'node:tls';
export function context(legacy = true) {
  return tls.createSecureContext({ ciphers: ${PROFILE} });
}`,
            },
          ],
        },
      ],
    },
    // A call in the file passes the literal that picks it.
    {
      code: `import tls from 'node:tls';
function context(legacy: boolean) {
  return tls.createSecureContext({ ciphers: legacy ? 'DEFAULT:@SECLEVEL=0' : 'HIGH' });
}
export const old = context(true);`,
      errors: [
        {
          messageId: 'secLevelZero',
          suggestions: [
            {
              messageId: 'useProfileCiphers',
              output: `import tls from 'node:tls';
function context(legacy: boolean) {
  return tls.createSecureContext({ ciphers: ${PROFILE} });
}
export const old = context(true);`,
            },
          ],
        },
      ],
    },
    // A fallback the caller gets when it passes nothing.
    {
      code: `import tls from 'node:tls';
export function context(opts: { ciphers?: string }) {
  return tls.createSecureContext({ ciphers: opts.ciphers ?? 'DEFAULT:@SECLEVEL=0' });
}`,
      errors: [
        {
          messageId: 'secLevelZero',
          suggestions: [
            {
              messageId: 'useProfileCiphers',
              output: `import tls from 'node:tls';
export function context(opts: { ciphers?: string }) {
  return tls.createSecureContext({ ciphers: ${PROFILE} });
}`,
            },
          ],
        },
      ],
    },
  ],
};

export default cases;
