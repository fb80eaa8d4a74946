import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { catalogue, getFileContext, mayReferenceModules } from '../src/analysis/index.js';
import { insecureGrpcChannel, plaintextKafkaSasl, plaintextNats, plaintextSmtp, plaintextUrlCall } from '../src/analysis/plaintext.js';
import { createRule } from '../src/rule-kit/create-rule.js';

type MessageId =
  | 'credentialsInUrl'
  | 'smtpNoTls'
  | 'smtpStrippable'
  | 'grpcInsecure'
  | 'kafkaClearSasl'
  | 'natsStrippable'
  | 'requireNatsTls'
  | 'useSecureScheme'
  | 'addRequireTls'
  | 'replaceIgnoreTls'
  | 'useCreateSsl'
  | 'addSsl';
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageId>;

const FIXED_MODULES = ['nodemailer', '@grpc/grpc-js', 'grpc', 'kafkajs', 'nats', '@nats-io/transport-node'];

export default createRule<[], MessageId>({
  name: 'no-plaintext-fallback',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow client connections that send credentials or traffic without TLS',
      recommended: true,
      category: 'plaintext',
      cwe: ['CWE-319'],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      credentialsInUrl:
        'This `{{scheme}}://` URL makes {{library}} send its password in clear to {{host}}, where anyone on the network path can read it. Use `{{secure}}://` so that the connection uses TLS.',
      smtpNoTls:
        '`ignoreTLS: true` makes nodemailer skip STARTTLS, so this SMTP connection sends every message and its login in clear. Use `requireTLS: true` (or `secure: true` on port 465).',
      smtpStrippable:
        'With `{{option}}` and no `requireTLS: true`, nodemailer starts TLS only if the server offers STARTTLS, so an attacker on the network path can remove the offer and read every message and its login. Add `requireTLS: true` (or use `secure: true` on port 465).',
      grpcInsecure:
        '`createInsecure()` opens the gRPC channel to `{{target}}` without TLS, so every call, its metadata (such as tokens) and its response travel in clear. Use `credentials.createSsl()`.',
      kafkaClearSasl:
        'SASL `{{mechanism}}` without `ssl` sends the Kafka {{secret}} in clear to the brokers, where anyone on the network path can read it. Set `ssl: true`.',
      natsStrippable:
        '{{option}}, nats starts TLS only when the server asks for it in its plaintext greeting, so an attacker on the network path can remove that and read the {{secret}} sent in CONNECT. Set `tls: {}` to require TLS.',
      useSecureScheme: 'Use `{{secure}}://`.',
      addRequireTls: 'Add `requireTLS: true`.',
      replaceIgnoreTls: 'Replace `ignoreTLS: true` with `requireTLS: true`.',
      useCreateSsl: 'Use `createSsl()` (TLS with the default root certificates).',
      addSsl: 'Set `ssl: true`.',
      requireNatsTls: 'Set `tls: {}` (TLS required, with the default roots).',
    },
  },
  defaultOptions: [],
  create(context) {
    const fc = getFileContext(context);
    const urlModules = catalogue().plaintextUrlModules;
    const fixed = mayReferenceModules(fc, FIXED_MODULES);
    if (!fixed && !mayReferenceModules(fc, urlModules)) return {};
    const { sourceCode } = context;

    /** Rewrites the scheme in a string literal or the head of a template literal. */
    function schemeSuggestion(node: TSESTree.Node, scheme: string, secure: string): Suggestion[] {
      if (node.type !== 'Literal' && node.type !== 'TemplateLiteral') return [];
      const text = sourceCode.getText(node);
      const at = text.toLowerCase().indexOf(`${scheme}://`);
      // Right after the opening quote: the scheme is written as such, without escapes.
      if (at !== 1) return [];
      const start = node.range[0] + at;
      return [{ messageId: 'useSecureScheme', data: { secure }, fix: (fixer) => fixer.replaceTextRange([start, start + scheme.length], secure) }];
    }

    function checkUrl(call: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const found = plaintextUrlCall(fc, call);
      if (!found) return;
      const { url, row, node } = found;
      context.report({
        node,
        messageId: 'credentialsInUrl',
        data: { scheme: url.scheme, secure: url.secure, library: row.library, host: url.host === undefined ? 'a host decided at run time' : `\`${url.host}\`` },
        suggest: schemeSuggestion(node, url.scheme, url.secure),
      });
    }

    return {
      NewExpression(node: TSESTree.NewExpression) {
        checkUrl(node);
        if (!fixed) return;
        const kafka = plaintextKafkaSasl(fc, node);
        if (!kafka) return;
        const { ssl, literal } = kafka;
        const suggest: Suggestion[] = [];
        if (ssl) {
          if (ssl.type === 'Property' && ssl.parent === literal && !ssl.shorthand)
            suggest.push({ messageId: 'addSsl', fix: (fixer) => fixer.replaceText(ssl.value, 'true') });
        } else if (literal && kafka.node.parent === literal)
          suggest.push({ messageId: 'addSsl', fix: (fixer) => fixer.insertTextBefore(kafka.node, 'ssl: true, ') });
        context.report({ node: kafka.node, messageId: 'kafkaClearSasl', data: { mechanism: kafka.mechanism, secret: kafka.secret }, suggest });
      },
      CallExpression(node: TSESTree.CallExpression) {
        checkUrl(node);
        if (!fixed) return;
        const smtp = plaintextSmtp(fc, node);
        if (smtp) {
          const own = smtp.literal !== undefined && smtp.node.parent === smtp.literal && smtp.node.type === 'Property';
          const suggest: Suggestion[] = !own
            ? []
            : smtp.kind === 'ignoreTls'
              ? [{ messageId: 'replaceIgnoreTls', fix: (fixer) => fixer.replaceText(smtp.node, 'requireTLS: true') }]
              : [{ messageId: 'addRequireTls', fix: (fixer) => fixer.insertTextAfter(smtp.node, ', requireTLS: true') }];
          if (smtp.kind === 'ignoreTls') context.report({ node: smtp.node, messageId: 'smtpNoTls', suggest });
          else context.report({ node: smtp.node, messageId: 'smtpStrippable', data: { option: smtp.option }, suggest });
          return;
        }
        const nats = plaintextNats(fc, node);
        if (nats) {
          const { tlsNull, literal } = nats;
          const suggest: Suggestion[] = [];
          if (tlsNull) {
            if (tlsNull.type === 'Property' && tlsNull.parent === literal)
              suggest.push({ messageId: 'requireNatsTls', fix: (fixer) => fixer.replaceText(tlsNull.value, '{}') });
          } else if (literal && nats.node.parent === literal)
            suggest.push({ messageId: 'requireNatsTls', fix: (fixer) => fixer.insertTextBefore(nats.node, 'tls: {}, ') });
          context.report({
            node: nats.node,
            messageId: 'natsStrippable',
            data: { option: tlsNull ? 'With `tls: null`' : 'Without a `tls` option', secret: nats.secret },
            suggest,
          });
          return;
        }
        const grpc = insecureGrpcChannel(fc, node);
        if (grpc) {
          const member = grpc.member;
          const suggest: Suggestion[] =
            member && !member.computed ? [{ messageId: 'useCreateSsl', fix: (fixer) => fixer.replaceText(member.property, 'createSsl') }] : [];
          context.report({ node, messageId: 'grpcInsecure', data: { target: grpc.target }, suggest });
        }
      },
    };
  },
});
