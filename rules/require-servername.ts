import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getFileContext, mayReferenceModules, sinkModulesWhere, unwrap } from '../src/analysis/index.js';
import { hostKind, sendsNoSniItself, sniFinding, socketHost } from '../src/analysis/hosts.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { secureContextSuggestions } from '../src/rule-kit/factory.js';
import { insertProperty } from '../src/rule-kit/fixes.js';

type MessageId = 'noSni' | 'socketIdentity' | 'emptyServername' | 'addServername' | 'addHost' | 'useFactory';

export default createRule<[], MessageId>({
  name: 'require-servername',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `servername` on `tls.connect()` to a DNS host or over an existing socket',
      recommended: true,
      category: 'servername',
      cwe: ['CWE-297'],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      noSni:
        '`tls.connect()` sends no SNI unless `servername` is set, so a server that hosts several names may answer with another certificate, and a TLS-terminating proxy cannot route the connection. Set `servername` to the host name.',
      socketIdentity:
        "With `socket` and neither `servername` nor `host`, `tls.connect()` sends no SNI and checks the certificate against the socket's DNS name, or against `'localhost'` when the socket was opened to an IP address or a path. Set `servername` to the server's name (or `host` to its IP address).",
      emptyServername: "An empty `servername` sends no SNI{{socket}}. Set it to the server's DNS name.",
      addServername: 'Add `servername: {{text}}`.',
      addHost: 'Add `host: {{text}}`.',
      useFactory: 'Build the options with `{{factory}}` from the tlsguard runtime, which sets `servername` from the host.{{dependency}}',
    },
  },
  defaultOptions: [],
  create(context) {
    const fc = getFileContext(context);
    // Every finding is a call of an API that sends no SNI by itself (`tls.connect`): a file that
    // cannot reach one of those modules gets no listeners.
    if (!mayReferenceModules(fc, sinkModulesWhere('sendsSni=false,path=[]', sendsNoSniItself))) return {};
    const { sourceCode } = context;
    type Suggestion = TSESLint.SuggestionReportDescriptor<MessageId>;

    function hostText(node: TSESTree.Node, literalOnly: boolean): string | undefined {
      const n = unwrap(node);
      if (literalOnly && n.type !== 'Literal' && !(n.type === 'TemplateLiteral' && n.expressions.length === 0)) return undefined;
      return sourceCode.getText(n);
    }

    return {
      CallExpression(call: TSESTree.CallExpression) {
        const callee = unwrap(call.callee);
        const name =
          callee.type === 'MemberExpression'
            ? callee.property.type === 'Identifier'
              ? callee.property.name
              : undefined
            : callee.type === 'Identifier'
              ? callee.name
              : undefined;
        // Syntactic gate first: `x.connect(...)`, or a bare (possibly aliased) imported function.
        if (name === undefined || (callee.type === 'MemberExpression' && name !== 'connect')) return;
        const finding = sniFinding(fc, call);
        if (!finding) return;
        const args = call.arguments;
        const { optionsArg, hostArg, literal, emptyServername } = finding;

        if (finding.kind === 'socketIdentity') {
          const { socketEntry } = finding;
          const suggest: Suggestion[] = [];
          const opened = socketEntry.entry.value && socketHost(fc, socketEntry.entry.value);
          const openedText = opened && hostText(opened, false);
          if (opened && openedText && literal && !emptyServername) {
            const dns = hostKind(fc, opened) === 'dns';
            const text = `${dns ? 'servername' : 'host'}: ${openedText}`;
            suggest.push({ messageId: dns ? 'addServername' : 'addHost', data: { text: openedText }, fix: insertProperty(sourceCode, literal, text) });
          }
          if (emptyServername) {
            context.report({
              node: emptyServername,
              messageId: 'emptyServername',
              data: { socket: " and leaves the certificate checked against the socket's DNS name or `'localhost'`" },
            });
            return;
          }
          const reportNode = literal && socketEntry.entry.node.parent === literal ? socketEntry.entry.node : (optionsArg ?? call);
          context.report({ node: reportNode, messageId: 'socketIdentity', suggest });
          return;
        }

        const { hostNode, hostEntry } = finding;
        if (emptyServername) {
          const text = hostText(hostNode, !(hostEntry && literal && hostEntry.entry.node.parent === literal));
          const suggest: Suggestion[] =
            text && emptyServername.type === 'Property' && !emptyServername.shorthand
              ? [{ messageId: 'addServername', data: { text }, fix: (fixer) => fixer.replaceText((emptyServername as TSESTree.Property).value, text) }]
              : [];
          context.report({ node: emptyServername, messageId: 'emptyServername', data: { socket: '' }, suggest });
          return;
        }
        const suggest: Suggestion[] = [];
        // The host expression is valid where it is inserted: beside it in the same literal, or a literal value.
        const sameLiteral = !!hostEntry && !!literal && hostEntry.entry.node.parent === literal;
        const text = hostText(hostNode, !sameLiteral && !hostArg);
        if (text) {
          if (literal) suggest.push({ messageId: 'addServername', data: { text }, fix: insertProperty(sourceCode, literal, `servername: ${text}`) });
          else if (optionsArg) {
            const name = sourceCode.getText(unwrap(optionsArg));
            suggest.push({ messageId: 'addServername', data: { text }, fix: (fixer) => fixer.replaceText(optionsArg!, `{ ...${name}, servername: ${text} }`) });
          } else if (!optionsArg && hostArg) {
            const next = args[2];
            const insertion = `{ servername: ${text} }`;
            suggest.push({
              messageId: 'addServername',
              data: { text },
              fix: next ? (fixer) => fixer.insertTextBefore(next, `${insertion}, `) : (fixer) => fixer.insertTextAfter(hostArg!, `, ${insertion}`),
            });
          }
        }
        if (literal && !hostArg) suggest.push(...secureContextSuggestions(fc, context, literal, { factory: 'useFactory' }));
        const reportNode = sameLiteral ? hostEntry!.entry.node : (hostArg ?? optionsArg ?? call);
        context.report({ node: reportNode, messageId: 'noSni', suggest });
      },
    };
  },
});
