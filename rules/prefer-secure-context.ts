import type { TSESTree } from '@typescript-eslint/utils';
import {
  getFileContext,
  mayReferenceModules,
  memberName,
  optionArgumentIndex,
  propertyName,
  sinkModulesWhere,
  sinksForCall,
  unwrap,
} from '../src/analysis/index.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { objectLiteral, secureContextSuggestions } from '../src/rule-kit/factory.js';

type MessageId = 'handRolled' | 'useFactory';

/** Options that make up a TLS context or its verification: setting them by hand is what the factory replaces. */
const CONTEXT_KEYS = new Set([
  'ca',
  'cert',
  'key',
  'pfx',
  'passphrase',
  'crl',
  'ciphers',
  'minVersion',
  'maxVersion',
  'secureProtocol',
  'secureOptions',
  'ecdhCurve',
  'sigalgs',
  'dhparam',
  'minDHSize',
  'honorCipherOrder',
  'rejectUnauthorized',
  'checkServerIdentity',
  'requestCert',
]);

/** Names of the core APIs whose option bags the factories produce (a cheap gate before binding resolution). */
const SINK_NAMES = new Set(['connect', 'request', 'get', 'Agent', 'createServer', 'Server', 'createSecureServer']);

const FACTORY_FOR_ROLE: Readonly<Record<string, string>> = {
  client: 'secureClientOptions()',
  agent: 'secureAgent()',
  server: 'secureServerOptions()',
};

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
      const callee = unwrap(node.callee);
      const name = callee.type === 'MemberExpression' ? memberName(callee) : callee.type === 'Identifier' ? callee.name : undefined;
      if (!name || !SINK_NAMES.has(name)) return;
      for (const row of sinksForCall(fc, node)) {
        const factory = FACTORY_FOR_ROLE[row.role];
        if (!factory || !row.library.startsWith('node:')) continue;
        const object = objectLiteral(node.arguments[optionArgumentIndex(row, node)]);
        if (!object || row.path.length > 0) continue;
        const handRolled = object.properties.some((p) => p.type === 'Property' && CONTEXT_KEYS.has(propertyName(p) ?? ''));
        if (!handRolled) continue;
        context.report({
          node: object,
          messageId: 'handRolled',
          data: { sink: row.label, factory: `\`${factory}\`` },
          suggest: secureContextSuggestions(fc, context, object, { factory: 'useFactory' }),
        });
        return;
      }
    }

    return { CallExpression: check, NewExpression: check };
  },
});
