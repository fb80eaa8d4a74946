/**
 * Type tests of the case helpers (checked by `tsc -p tsconfig.json`, which covers test/; vitest does
 * not type-check): `CasesOf<typeof rule>` takes the messageIds and options from the rule module, so a
 * case with a misspelt messageId or option is a type error. Each `@ts-expect-error` line fails the
 * type check if the error it expects goes away (an id type widened to `string`, say).
 */
import { describe, expect, it } from 'vitest';
import type configRule from '../../rules/no-insecure-tls-config.js';
import type rule from '../../rules/no-unverified-certificate.js';
import type { CasesOf, MessageIdsOf, OptionsOf } from '../rule-tester.js';
import { errAt } from './config-case-helpers.js';

const ok: CasesOf<typeof rule> = {
  valid: [{ code: 'a', options: [{ reportInsecureDefaults: true }] }],
  invalid: [{ code: 'a', errors: [{ messageId: 'clientSink' }] }],
};

export const misspeltMessageId: CasesOf<typeof rule> = {
  valid: [],
  invalid: [
    {
      code: 'a',
      // @ts-expect-error -- 'clientSnk' is not a messageId of no-unverified-certificate
      errors: [{ messageId: 'clientSnk' }],
    },
  ],
};

export const misspeltOption: CasesOf<typeof rule> = {
  // @ts-expect-error -- reportInsecureDefault is not an option of no-unverified-certificate
  valid: [{ code: 'a', options: [{ reportInsecureDefault: true }] }],
  invalid: [],
};

// @ts-expect-error -- 'reject-unauthorised' is not a messageId of no-insecure-tls-config
export const misspeltConfigId = (): unknown => errAt('reject-unauthorised', 'x', 'x');

const id: MessageIdsOf<typeof configRule> = 'reject-unauthorized';
const options: OptionsOf<typeof rule> = [{ reportInsecureDefaults: false }];

describe('case types', () => {
  it('take the messageIds and options from the rule module', () => {
    expect([ok.invalid[0]?.errors[0]?.messageId, id, options]).toEqual(['clientSink', 'reject-unauthorized', [{ reportInsecureDefaults: false }]]);
  });
});
