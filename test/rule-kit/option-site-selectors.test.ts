/** optionSiteSelectors builds the selectors the option-site rules once wrote by hand. */
import { describe, expect, it } from 'vitest';
import { cdkPolicyKeys } from '../../src/analysis/cdk.js';
import { optionSiteSelectors } from '../../src/rule-kit/option-site.js';

describe('optionSiteSelectors', () => {
  it('builds the property and assignment selectors from the key sets', () => {
    const s = optionSiteSelectors(
      new Set(['minVersion', 'maxVersion', 'secureProtocol', 'secureOptions']),
      new Set(['DEFAULT_MIN_VERSION', 'DEFAULT_MAX_VERSION']),
    );
    expect(s.property).toBe(
      'Property[key.name=/^(minVersion|maxVersion|secureProtocol|secureOptions)$/], Property[key.value=/^(minVersion|maxVersion|secureProtocol|secureOptions)$/]',
    );
    expect(s.assignment).toBe(
      'AssignmentExpression[left.property.name=/^(minVersion|maxVersion|secureProtocol|secureOptions|DEFAULT_MIN_VERSION|DEFAULT_MAX_VERSION)$/], AssignmentExpression[left.property.value=/^(minVersion|maxVersion|secureProtocol|secureOptions|DEFAULT_MIN_VERSION|DEFAULT_MAX_VERSION)$/]',
    );
  });

  it('escapes regex characters in keys', () => {
    expect(optionSiteSelectors(['a.b']).property).toBe('Property[key.name=/^(a\\.b)$/], Property[key.value=/^(a\\.b)$/]');
  });

  it('covers the CDK policy keys the rule matched before', () => {
    expect([...cdkPolicyKeys()].sort()).toEqual(['minimumProtocolVersion', 'securityPolicy', 'sslPolicy', 'tlsSecurityPolicy']);
  });
});
