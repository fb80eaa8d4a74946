import { isIP } from 'node:net';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  bagOf,
  constInitializer,
  evaluate,
  getFileContext,
  isModuleRef,
  lookup,
  mayReferenceModules,
  sinkModulesWhere,
  provablyLacks,
  sinksForCall,
  unwrap,
  type FileContext,
  type OptionBag,
  type SinkRow,
} from '../src/analysis/index.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { secureContextSuggestions } from '../src/rule-kit/factory.js';

type MessageId = 'noSni' | 'socketIdentity' | 'emptyServername' | 'addServername' | 'addHost' | 'useFactory';

/** What a host expression is: a DNS name, an IP address or `localhost` (no finding), or unknown. */
type HostKind = 'dns' | 'no-sni-needed' | 'unknown';

const isLoopbackName = (v: string): boolean => v.toLowerCase() === 'localhost' || v.toLowerCase().endsWith('.localhost');

function kindOfValue(v: unknown): HostKind {
  if (typeof v !== 'string' || v === '') return 'unknown';
  const bare = v.replace(/^\[|\]$/g, '');
  if (isIP(bare) !== 0 || isLoopbackName(bare)) return 'no-sni-needed';
  return /^[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?$/i.test(bare) ? 'dns' : 'unknown';
}

/** A host built as `${x}.example.com` or `x + '.example.com'`: its last label is a name, so it is no IP. */
function endsWithDnsLabel(fc: FileContext, node: TSESTree.Node): boolean {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.TemplateLiteral) {
    const tail = n.quasis[n.quasis.length - 1]?.value.cooked ?? '';
    return n.expressions.length > 0 && /\.[a-z][a-z0-9-]*[a-z0-9]\.?$/i.test(tail);
  }
  if (n.type === AST_NODE_TYPES.BinaryExpression && n.operator === '+') {
    const right = evaluate(fc, n.right);
    return !!right && right.length > 0 && right.every((v) => typeof v === 'string' && /\.[a-z][a-z0-9-]*[a-z0-9]\.?$/i.test(v));
  }
  return false;
}

function hostKind(fc: FileContext, node: TSESTree.Node): HostKind {
  const values = evaluate(fc, node);
  if (values && values.length > 0) {
    const kinds = new Set(values.map(kindOfValue));
    return kinds.size === 1 ? [...kinds][0]! : 'unknown';
  }
  return endsWithDnsLabel(fc, node) ? 'dns' : 'unknown';
}

/** `servername` values Node treats as "not set" (`if (options.servername)`). */
function isFalsyServername(fc: FileContext, node: TSESTree.Node): boolean {
  const values = evaluate(fc, node);
  return !!values && values.length > 0 && values.every((v) => !v);
}

/** The host a `net.connect(port, host)` / `net.createConnection({ host })` socket was opened with. */
function socketHost(fc: FileContext, node: TSESTree.Node): TSESTree.Node | undefined {
  let n = unwrap(node);
  if (n.type === AST_NODE_TYPES.Identifier) {
    const init = constInitializer(fc, n);
    if (!init) return undefined;
    n = unwrap(init);
  }
  if (n.type !== AST_NODE_TYPES.CallExpression) return undefined;
  if (!['connect', 'createConnection'].some((name) => isModuleRef(fc, n.callee, 'net', name))) return undefined;
  const [first, second] = n.arguments;
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return undefined;
  if (unwrap(first).type === AST_NODE_TYPES.ObjectExpression) {
    const bag = bagOf(fc, first);
    return bag ? (lookup(bag, 'host')?.entry.value ?? undefined) : undefined;
  }
  return second && second.type !== AST_NODE_TYPES.SpreadElement ? second : undefined;
}

/**
 * Rows judged here: an API that sends no SNI and takes the `tls.connect` options as the argument
 * itself. A library row with a path (node-redis `createClient({ socket })`, ldapjs `tlsOptions`)
 * nests the TLS options one level down, where the argument's own `socket`/`host` keys mean
 * something else.
 */
const sendsNoSniItself = (r: SinkRow): boolean => r.sendsSni === false && r.path.length === 0;

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
      emptyServername:
        "An empty `servername` sends no SNI{{socket}}. Set it to the server's DNS name.",
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

    /** Inserts `text` as the last property of an object literal. */
    function insertProperty(object: TSESTree.ObjectExpression, text: string): TSESLint.ReportFixFunction {
      return (fixer) => {
        const last = object.properties[object.properties.length - 1];
        if (!last) return fixer.replaceText(object, `{ ${text} }`);
        const after = sourceCode.getTokenAfter(last);
        const closing = sourceCode.getLastToken(object);
        if (closing && closing.loc.start.line > last.loc.end.line) {
          // One property per line: add a line with the same indentation.
          const indent = ' '.repeat(last.loc.start.column);
          if (after && after.value === ',') return fixer.insertTextAfter(after, `\n${indent}${text},`);
          return fixer.insertTextAfter(last, `,\n${indent}${text}`);
        }
        if (after && after.value === ',') return fixer.insertTextAfter(after, ` ${text},`);
        return fixer.insertTextAfter(last, `, ${text}`);
      };
    }

    function hostText(node: TSESTree.Node, literalOnly: boolean): string | undefined {
      const n = unwrap(node);
      if (literalOnly && n.type !== AST_NODE_TYPES.Literal && !(n.type === AST_NODE_TYPES.TemplateLiteral && n.expressions.length === 0)) return undefined;
      return sourceCode.getText(n);
    }

    return {
      CallExpression(call: TSESTree.CallExpression) {
        const callee = unwrap(call.callee);
        const name = callee.type === AST_NODE_TYPES.MemberExpression ? (callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : undefined) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
        // Syntactic gate first: `x.connect(...)`, or a bare (possibly aliased) imported function.
        if (name === undefined || (callee.type === AST_NODE_TYPES.MemberExpression && name !== 'connect')) return;
        if (!sinksForCall(fc, call).some(sendsNoSniItself)) return;
        const args = call.arguments;
        if (args.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return;
        const first = args[0];
        if (!first) return;

        // tls.connect(options) | tls.connect(port, host?, options?) | tls.connect(path, options?)
        let optionsArg: TSESTree.Node | undefined;
        let hostArg: TSESTree.Node | undefined;
        const firstValue = unwrap(first);
        const isScalar = (n: TSESTree.Node): boolean => {
          const v = evaluate(fc, n);
          return !!v && v.length > 0 && v.every((x) => typeof x === 'number' || typeof x === 'string');
        };
        const isFunction = (n: TSESTree.Node | undefined): boolean =>
          !!n && (unwrap(n).type === AST_NODE_TYPES.ArrowFunctionExpression || unwrap(n).type === AST_NODE_TYPES.FunctionExpression);
        if (isScalar(first)) {
          const port = evaluate(fc, first)!;
          const isPath = port.every((v) => typeof v === 'string' && !/^\d+$/.test(v));
          const second = args[1];
          const secondIsHost = !isPath && second && !isFunction(second) && (() => {
            const v = evaluate(fc, second);
            if (v && v.length > 0) return v.every((x) => typeof x === 'string');
            const n = unwrap(second);
            return n.type === AST_NODE_TYPES.TemplateLiteral || (n.type === AST_NODE_TYPES.BinaryExpression && n.operator === '+');
          })();
          if (secondIsHost) {
            hostArg = second;
            optionsArg = args[2] && !isFunction(args[2]) ? args[2] : undefined;
          } else if (second && !isFunction(second) && unwrap(second).type === AST_NODE_TYPES.ObjectExpression) {
            optionsArg = second;
          } else if (second && !isFunction(second)) {
            return; // a host or options we cannot classify
          }
          if (isPath && !optionsArg) return;
        } else if (
          firstValue.type === AST_NODE_TYPES.ObjectExpression ||
          firstValue.type === AST_NODE_TYPES.Identifier ||
          firstValue.type === AST_NODE_TYPES.MemberExpression ||
          firstValue.type === AST_NODE_TYPES.CallExpression
        ) {
          optionsArg = first;
        } else {
          return;
        }

        const bag: OptionBag | undefined = optionsArg ? bagOf(fc, optionsArg, call) : { items: [] };
        if (!bag) return;
        const literal = optionsArg && unwrap(optionsArg).type === AST_NODE_TYPES.ObjectExpression ? (unwrap(optionsArg) as TSESTree.ObjectExpression) : undefined;

        const servername = lookup(bag, 'servername');
        let emptyServername: TSESTree.Node | undefined;
        if (servername) {
          if (servername.overridable || !servername.entry.value || !isFalsyServername(fc, servername.entry.value)) return;
          emptyServername = servername.entry.node;
        } else if (!provablyLacks(bag, 'servername')) {
          return;
        }

        const hostEntry = lookup(bag, 'host');
        const socketEntry = lookup(bag, 'socket');
        // A `host` in the options wins over the host argument.
        const hostNode = hostEntry ? (hostEntry.overridable ? undefined : hostEntry.entry.value) : hostArg;
        if (hostEntry?.overridable) return;

        if (socketEntry && !hostNode) {
          if (!provablyLacks(bag, 'host') && !hostEntry) return;
          const suggest: Suggestion[] = [];
          const opened = socketEntry.entry.value && socketHost(fc, socketEntry.entry.value);
          const openedText = opened && hostText(opened, false);
          if (opened && openedText && literal && !emptyServername) {
            const dns = hostKind(fc, opened) === 'dns';
            const text = `${dns ? 'servername' : 'host'}: ${openedText}`;
            suggest.push({ messageId: dns ? 'addServername' : 'addHost', data: { text: openedText }, fix: insertProperty(literal, text) });
          }
          if (emptyServername) {
            context.report({ node: emptyServername, messageId: 'emptyServername', data: { socket: " and leaves the certificate checked against the socket's DNS name or `'localhost'`" } });
            return;
          }
          const reportNode = literal && socketEntry.entry.node.parent === literal ? socketEntry.entry.node : (optionsArg ?? call);
          context.report({ node: reportNode, messageId: 'socketIdentity', suggest });
          return;
        }

        if (!hostNode || hostKind(fc, hostNode) !== 'dns') return;
        if (emptyServername) {
          const text = hostText(hostNode, !(hostEntry && literal && hostEntry.entry.node.parent === literal));
          const suggest: Suggestion[] =
            text && emptyServername.type === AST_NODE_TYPES.Property && !emptyServername.shorthand
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
          if (literal) suggest.push({ messageId: 'addServername', data: { text }, fix: insertProperty(literal, `servername: ${text}`) });
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
