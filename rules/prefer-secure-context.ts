import type { TSESTree } from '@typescript-eslint/utils';
import { getFileContext, handRolledOptions, mayReferenceModules, sinkModulesWhere } from '../src/analysis/index.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { factoryCall, secureContextSuggestions } from '../src/rule-kit/factory.js';

type MessageId = 'handRolled' | 'useFactory';

export default createRule<[], MessageId>({
  name: 'prefer-secure-context',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Prefer the tlsguard runtime factories over TLS options assembled by hand',
      recommended: false,
      category: 'secure-context',
      cwe: ['CWE-1188'],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      handRolled:
        'These TLS options for {{sink}} are assembled by hand, where one forgotten or mistyped option silently weakens the connection. Use {{factory}} from the tlsguard runtime, which sets verification, versions, ciphers and SNI together and adds a private CA without dropping the public roots.',
      useFactory: 'Build the options with `{{factory}}` from the tlsguard runtime.{{dependency}}',
    },
  },
  defaultOptions: [],
  create(context) {
    const fc = getFileContext(context);
    // Only Node's own TLS APIs are reported: a file that cannot reach them gets no listeners.
    if (
      !mayReferenceModules(
        fc,
        sinkModulesWhere('node', (r) => r.library.startsWith('node:')),
      )
    )
      return {};

    function check(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const found = handRolledOptions(fc, node);
      if (!found) return;
      context.report({
        node: found.object,
        messageId: 'handRolled',
        data: { sink: found.row.label, factory: `\`${factoryCall(found.row.role)}\`` },
        suggest: secureContextSuggestions(fc, context, found.object, { factory: 'useFactory' }),
      });
    }

    return { CallExpression: check, NewExpression: check };
  },
});
