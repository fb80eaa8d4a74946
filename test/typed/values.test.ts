/**
 * `values.ts` falls back to literal types when the file is linted with a program: a probe rule
 * reports what `evaluate` knows about `minVersion` / `rejectUnauthorized` values.
 */
import { ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { evaluate, getFileContext } from '../../src/analysis/index.js';
import { runDualRuleTests, type DualCase } from './dual.js';

const probe = ESLintUtils.RuleCreator.withoutDocs({
  meta: { type: 'problem', schema: [], messages: { value: '{{values}}' } },
  defaultOptions: [],
  create(context) {
    const fc = getFileContext(context);
    return {
      'Property[key.name=/^(minVersion|rejectUnauthorized)$/]'(node: TSESTree.Property) {
        const values = evaluate(fc, node.value);
        if (values) context.report({ node: node.value, messageId: 'value', data: { values: JSON.stringify(values) } });
      },
    };
  },
});

const TLS = "import tls from 'node:tls';\n";
const v = (values: unknown[], line: number, column: number) => [{ messageId: 'value' as const, data: { values: JSON.stringify(values) }, line, column }];

const cases: DualCase<'value'>[] = [
  { code: `${TLS}import { LEGACY_FLOOR } from './constants';\ntls.connect({ minVersion: LEGACY_FLOOR });`, untyped: [], typed: v(['TLSv1'], 3, 27) },
  { code: `${TLS}import * as C from './constants';\ntls.connect({ minVersion: C.MODERN_FLOOR });`, untyped: [], typed: v(['TLSv1.2'], 3, 27) },
  { code: `${TLS}import { VERIFY } from './constants';\ntls.connect({ rejectUnauthorized: VERIFY });`, untyped: [], typed: v([false], 3, 35) },
  { code: `${TLS}import { insecureFlag } from './constants';\ntls.connect({ rejectUnauthorized: insecureFlag() });`, untyped: [], typed: v([false], 3, 35) },
  {
    code: `${TLS}import { insecureFlag } from './constants';\ntls.connect({ rejectUnauthorized: await Promise.resolve(insecureFlag()) });`,
    untyped: [],
    typed: v([false], 3, 35),
  },
  // `boolean` is `true | false`: known to be one of both, never "always false".
  {
    code: `${TLS}import { verifyFromEnv } from './constants';\ntls.connect({ rejectUnauthorized: verifyFromEnv() });`,
    untyped: [],
    typed: v([false, true], 3, 35),
  },
  // `let` exports widen to `boolean`; strings widen to `string` (not finite).
  { code: `${TLS}import { mutableFlag } from './constants';\ntls.connect({ rejectUnauthorized: mutableFlag });`, untyped: [], typed: v([false, true], 3, 35) },
  // A type assertion is not a value: `floor as tls.SecureVersion` is still an unknown string.
  { code: `${TLS}declare const floor: string;\ntls.connect({ minVersion: floor as tls.SecureVersion });`, untyped: [], typed: [] },
  // Syntactic values stay syntactic.
  { code: `${TLS}const FLOOR = 'TLSv1.2';\ntls.connect({ minVersion: FLOOR });`, untyped: v(['TLSv1.2'], 3, 27), typed: v(['TLSv1.2'], 3, 27) },
];

runDualRuleTests('values: literal types', probe, cases);
