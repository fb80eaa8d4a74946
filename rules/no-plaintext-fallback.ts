import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { catalogue, getFileContext, mayReferenceModules } from '../src/analysis/index.js';
import {
  PLAINTEXT_CHECK_MODULES,
  insecureGrpcChannel,
  plaintextKafkaSasl,
  plaintextLdap,
  plaintextNats,
  plaintextPg,
  plaintextPostgres,
  plaintextSmtp,
  plaintextSmtpUrl,
  plaintextUrlCall,
  type PostgresFinding,
  type SmtpUrlFinding,
} from '../src/analysis/plaintext.js';
import { createRule } from '../src/rule-kit/create-rule.js';

type MessageId =
  | 'credentialsInUrl'
  | 'smtpNoTls'
  | 'smtpStrippable'
  | 'smtpUrlStrippable'
  | 'postgresNoTls'
  | 'postgresPrefer'
  | 'ldapClearBind'
  | 'grpcInsecure'
  | 'kafkaClearSasl'
  | 'natsStrippable'
  | 'requireNatsTls'
  | 'useSecureScheme'
  | 'addRequireTls'
  | 'replaceIgnoreTls'
  | 'useCreateSsl'
  | 'addSsl'
  | 'addTlsParam'
  | 'verifySsl';
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageId>;

const rule = createRule<[], MessageId>({
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
      smtpNoTls: '`{{option}}` makes nodemailer skip STARTTLS, so this SMTP connection sends every message and its login in clear. Use {{way}}.',
      smtpStrippable:
        'With `{{option}}` and no `requireTLS: true`, nodemailer starts TLS only if the server offers STARTTLS, so an attacker on the network path can remove the offer and read every message and its login. Add `requireTLS: true` (or use `secure: true` on port 465).',
      smtpUrlStrippable:
        'An `smtp://` URL without `requireTLS=true` makes nodemailer start TLS only if the server offers STARTTLS, so an attacker on the network path can remove the offer and read every message and its login. Add `requireTLS=true` to the URL (or use `smtps://` on port 465).',
      postgresNoTls:
        "{{option}} makes {{library}} connect to {{host}} without TLS: the queries and their results cross the network in clear, and an attacker in the server's place can ask for the password in clear. Use {{secure}}.",
      postgresPrefer:
        '{{option}} makes postgres.js go on without TLS when the server declines its TLS request, so an attacker on the network path can decline it for the server, read the queries and their results, and ask for the password in clear. Use {{secure}}.',
      ldapClearBind:
        'This simple bind over `ldap://` makes ldapjs send the bind password in clear to {{host}}, where anyone on the network path can read it. Use `ldaps://` (or call `starttls()` before binding).',
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
      addTlsParam: 'Add `requireTLS=true` to the URL.',
      verifySsl: 'Use {{secure}} (TLS with certificate verification).',
    },
  },
  defaultOptions: [],
  create(context) {
    const fc = getFileContext(context);
    const urlModules = catalogue().plaintextUrlModules;
    const fixed = mayReferenceModules(fc, PLAINTEXT_CHECK_MODULES);
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
        const smtpUrl = plaintextSmtpUrl(fc, node);
        if (smtpUrl) {
          reportSmtpUrl(context, smtpUrl);
          return;
        }
        const pg = plaintextPg(fc, node);
        if (pg) {
          reportPostgres(context, pg);
          return;
        }
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
        if (checkUrlClients(context, fc, node, schemeSuggestion)) return;
        const smtp = plaintextSmtp(fc, node);
        if (smtp) {
          const own = smtp.literal !== undefined && smtp.node.parent === smtp.literal && smtp.node.type === 'Property';
          const suggest: Suggestion[] = !own
            ? []
            : smtp.kind === 'ignoreTls'
              ? [{ messageId: 'replaceIgnoreTls', fix: (fixer) => fixer.replaceText(smtp.node, 'requireTLS: true') }]
              : [{ messageId: 'addRequireTls', fix: (fixer) => fixer.insertTextAfter(smtp.node, ', requireTLS: true') }];
          if (smtp.kind === 'ignoreTls') context.report({ node: smtp.node, messageId: 'smtpNoTls', data: SMTP_NO_TLS_OPTIONS, suggest });
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

const SMTP_NO_TLS_OPTIONS = { option: 'ignoreTLS: true', way: '`requireTLS: true` (or `secure: true` on port 465)' };
const SMTP_NO_TLS_BESIDE_URL = { option: 'ignoreTLS: true', way: '`requireTLS: true` (or `smtps://` on port 465)' };
const SMTP_NO_TLS_URL = { option: 'ignoreTLS=true', way: '`requireTLS=true` (or `smtps://` on port 465)' };

type Context = Parameters<(typeof rule)['create']>[0];

/** nodemailer `smtp://` URLs, postgres.js and ldapjs clients; true when one was reported. */
function checkUrlClients(
  context: Context,
  fc: ReturnType<typeof getFileContext>,
  node: TSESTree.CallExpression,
  schemeSuggestion: (node: TSESTree.Node, scheme: string, secure: string) => Suggestion[],
): boolean {
  const smtpUrl = plaintextSmtpUrl(fc, node);
  if (!smtpUrl) return checkOtherClients(context, fc, node, schemeSuggestion);
  reportSmtpUrl(context, smtpUrl);
  return true;
}

/** An `smtp://` URL given to nodemailer (`createTransport`, `new SMTPTransport`). */
function reportSmtpUrl(context: Context, smtpUrl: SmtpUrlFinding): void {
  if (smtpUrl.objectIgnore) {
    // `ignoreTLS: true` beside an `smtp://` URL that sets neither `ignoreTLS` nor `requireTLS`.
    const entry = smtpUrl.node;
    const suggest: Suggestion[] =
      entry.type === 'Property' && entry.parent.type === 'ObjectExpression' && smtpUrl.requireTlsAddable
        ? [{ messageId: 'replaceIgnoreTls', fix: (fixer) => fixer.replaceText(entry, 'requireTLS: true') }]
        : [];
    context.report({ node: entry, messageId: 'smtpNoTls', data: SMTP_NO_TLS_BESIDE_URL, suggest });
    return;
  }
  const end = smtpUrl.node.range[1] - 1;
  const param = `${smtpUrl.text.includes('?') ? '&' : '?'}requireTLS=true`;
  const suggest: Suggestion[] = smtpUrl.appendable ? [{ messageId: 'addTlsParam', fix: (fixer) => fixer.insertTextBeforeRange([end, end], param) }] : [];
  if (smtpUrl.kind === 'ignoreTls') context.report({ node: smtpUrl.node, messageId: 'smtpNoTls', data: SMTP_NO_TLS_URL, suggest });
  else context.report({ node: smtpUrl.node, messageId: 'smtpUrlStrippable', suggest });
}

/** postgres.js and ldapjs clients; true when one was reported. */
function checkOtherClients(
  context: Context,
  fc: ReturnType<typeof getFileContext>,
  node: TSESTree.CallExpression,
  schemeSuggestion: (node: TSESTree.Node, scheme: string, secure: string) => Suggestion[],
): boolean {
  const postgres = plaintextPostgres(fc, node);
  if (postgres) {
    reportPostgres(context, postgres);
    return true;
  }
  const ldap = plaintextLdap(fc, node);
  if (!ldap) return false;
  const url = ldap.url;
  context.report({
    node: ldap.node,
    messageId: 'ldapClearBind',
    data: { host: ldap.host === undefined ? 'a host decided at run time' : `\`${ldap.host}\`` },
    suggest: url ? schemeSuggestion(url, 'ldap', 'ldaps') : [],
  });
  return true;
}

/** pg and postgres.js without TLS, or with TLS that falls back to plaintext. */
function reportPostgres(context: Context, found: PostgresFinding): void {
  const inUrl = found.property === undefined && found.fromEnv === undefined && found.option.includes('=');
  const secure = inUrl ? '`sslmode=verify-full`' : found.library === 'pg' ? '`ssl: true`' : "`ssl: 'verify-full'`";
  const property = found.property;
  // PGSSLMODE=disable: an explicit `ssl: true` in the options is used as is (pg reads the variable only when `ssl` is undefined).
  const first = found.fromEnv?.literal?.properties[0];
  const suggest: Suggestion[] = first
    ? [{ messageId: 'verifySsl', data: { secure }, fix: (fixer) => fixer.insertTextBefore(first, 'ssl: true, ') }]
    : property && !property.shorthand
      ? [
          {
            messageId: 'verifySsl',
            data: { secure },
            fix: (fixer) => fixer.replaceText(property.value, found.library === 'pg' ? 'true' : "'verify-full'"),
          },
        ]
      : [];
  const host = found.host === undefined ? 'a host decided at run time' : `\`${found.host}\``;
  if (found.kind === 'prefer') context.report({ node: found.node, messageId: 'postgresPrefer', data: { option: found.option, secure }, suggest });
  else context.report({ node: found.node, messageId: 'postgresNoTls', data: { option: found.option, library: found.library, host, secure }, suggest });
}

export default rule;
