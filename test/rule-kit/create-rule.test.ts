/**
 * createRule without `@typescript-eslint/utils` at run time (issue 16): the rule module has the shape
 * typescript-eslint's `ESLintUtils.RuleCreator` gives it, and the options a rule's `create` receives
 * are what typescript-eslint's `applyDefault` computes (the oracle here), for every shape of options.
 */
import { ESLintUtils } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { createRule, DOCS_BASE_URL, withDefaults } from '../../src/rule-kit/create-rule.js';

const optionPairs: [readonly unknown[], readonly unknown[] | undefined][] = [
  [[], undefined],
  [[], []],
  [[], [{ a: 1 }]],
  [[{ policy: 'recommended' }], undefined],
  [[{ policy: 'recommended' }], []],
  [[{ policy: 'recommended' }], [{ policy: 'strict' }]],
  [[{ policy: 'recommended', level: 1 }], [{ securityLevel: 2 }]],
  [[{ nested: { a: 1, b: [1, 2] }, list: [1] }], [{ nested: { b: [3] }, list: [2, 3] }]],
  [[{ nested: { a: 1 } }], [{ nested: 'replaced' }]],
  [[{ a: 1 }], ['not an object']],
  [[{ a: 1 }], [[1, 2]]],
  [
    [{ a: 1 }, 'second'],
    [undefined, 'given'],
  ],
  [[{ a: 1 }], [{ a: undefined }]],
  [['x'], ['y', 'past the defaults']],
];

describe('withDefaults', () => {
  it.each(optionPairs)('defaults %j, user options %j: as applyDefault', (defaults, user) => {
    expect(withDefaults(defaults, user)).toStrictEqual(ESLintUtils.applyDefault(defaults as unknown[], user as unknown[]));
  });

  it('never shares the defaults objects with the result', () => {
    const defaults = [{ nested: { a: 1 } }] as const;
    const out = withDefaults(defaults, undefined);
    expect(out[0]).not.toBe(defaults[0]);
    expect(out[0].nested).not.toBe(defaults[0].nested);
  });
});

describe('createRule', () => {
  const definition = {
    name: 'some-rule',
    meta: {
      type: 'problem' as const,
      docs: { description: 'd', recommended: true, category: 'weak-cipher' as const, cwe: ['CWE-327'] },
      messages: { m: 'm' },
      schema: [{ type: 'object' as const }],
      defaultOptions: [{ policy: 'recommended' }],
    },
    defaultOptions: [{ policy: 'recommended' }] as [{ policy: string }],
    create: (_context: unknown, options: readonly unknown[]) => ({ options }) as never,
  };

  it('has the module shape of ESLintUtils.RuleCreator, with the docs URL of the released version', () => {
    const ours = createRule(definition);
    const theirs = ESLintUtils.RuleCreator((name) => `${DOCS_BASE_URL}rules/${name}.md`)(definition);
    expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
    expect(ours.meta).toStrictEqual(theirs.meta);
    expect(ours.meta.docs?.url).toBe(`${DOCS_BASE_URL}rules/some-rule.md`);
    expect(ours.name).toBe('some-rule');
    expect(ours.defaultOptions).toBe(definition.defaultOptions);
  });

  it('passes create() the merged options, computed once per distinct options value', () => {
    const rule = createRule(definition);
    const call = (options: unknown[]) =>
      (rule.create({ options, settings: {}, sourceCode: { ast: { type: 'Program' } } } as never) as unknown as { options: unknown[] }).options;
    expect(call([])).toEqual([{ policy: 'recommended' }]);
    expect(call([{ policy: 'strict' }])).toEqual([{ policy: 'strict' }]);
    expect(call([{ policy: 'strict' }])).toBe(call([{ policy: 'strict' }]));
    expect(call([])).toBe(call([]));
  });
});
