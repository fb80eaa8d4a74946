/** The factory suggestion evaluates only the option keys the policy reads (issue 16): others are never looked at. */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { FileContext } from '../../src/analysis/file-context.js';
import { insecureKeys } from '../../src/rule-kit/factory.js';

/** A property `key: <value>` whose value counts how often it is read. */
function spied(key: string, reads: string[]): TSESTree.Property {
  const prop = { type: 'Property', computed: false, key: { type: 'Identifier', name: key } } as unknown as TSESTree.Property;
  Object.defineProperty(prop, 'value', {
    get() {
      reads.push(key);
      return { type: 'Literal', value: 'x', raw: "'x'" };
    },
  });
  return prop;
}

describe('insecureKeys', () => {
  it('does not evaluate keys the policy does not read', () => {
    const reads: string[] = [];
    const object = {
      type: 'ObjectExpression',
      properties: ['host', 'path', 'agent', 'servername', 'headers'].map((k) => spied(k, reads)),
    } as unknown as TSESTree.ObjectExpression;
    // No file context: evaluating any value would need one (and throw).
    expect(insecureKeys(undefined as unknown as FileContext, object, 'client', 'intermediate').size).toBe(0);
    expect(reads).toEqual([]);
  });
});
