import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  constInitializer,
  getFileContext,
  mentions,
  wordsPattern,
  memberName,
  normalizeModule,
  resolveModuleRef,
  sinksForCall,
  unwrap,
  type FileContext,
  type ModuleRef,
} from '../src/analysis/index.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { planNamedImport } from '../src/rule-kit/imports.js';

type MessageId = 'legacyApi' | 'internalModule' | 'useTlsModule' | 'useCreateSecureContext';

/** Deprecated or removed TLS APIs (Node's deprecation list), by module and export path. */
interface LegacyApi {
  readonly module: string;
  readonly path: readonly string[];
  readonly name: string;
  readonly code: string;
  /** What is wrong with it, after the name: "is removed in Node 11". */
  readonly why: string;
  readonly replacement: string;
}

const PAIR = 'is deprecated and removed in Node 24, and a client-side pair verifies neither the certificate chain nor the hostname, so any server can impersonate the peer';

const API: readonly LegacyApi[] = [
  { module: 'tls', path: ['createSecurePair'], name: 'tls.createSecurePair()', code: 'DEP0064', why: PAIR, replacement: '`tls.connect({ socket })` (or `new tls.TLSSocket(socket, { isServer: true, ... })` on a server)' },
  { module: 'tls', path: ['SecurePair'], name: 'tls.SecurePair', code: 'DEP0043', why: PAIR, replacement: '`tls.TLSSocket` (`tls.connect({ socket })` for a client)' },
  { module: 'tls', path: ['CryptoStream'], name: 'tls.CryptoStream', code: 'DEP0042', why: 'was removed in Node 10 with the old TLS stream implementation', replacement: '`tls.TLSSocket`' },
  { module: 'tls', path: ['parseCertString'], name: 'tls.parseCertString()', code: 'DEP0076', why: 'was removed in Node 18; it mis-parsed multi-valued names, so one certificate subject could be read as another', replacement: 'the parsed `subject`/`issuer` objects of `tlsSocket.getPeerCertificate()` or `crypto.X509Certificate`' },
  { module: 'tls', path: ['convertNPNProtocols'], name: 'tls.convertNPNProtocols()', code: 'DEP0107', why: 'was removed in Node 11 together with NPN', replacement: 'ALPN (the `ALPNProtocols` option)' },
  { module: 'tls', path: ['Server', 'prototype', 'setOptions'], name: 'tls.Server#setOptions()', code: 'DEP0122', why: 'is deprecated and removed in Node 24', replacement: '`server.setSecureContext(options)`' },
  { module: 'crypto', path: ['createCredentials'], name: 'crypto.createCredentials()', code: 'DEP0010', why: 'was removed in Node 11', replacement: '`tls.createSecureContext()`' },
  { module: 'crypto', path: ['Credentials'], name: 'crypto.Credentials', code: 'DEP0011', why: 'was removed in Node 11', replacement: '`tls.SecureContext` (from `tls.createSecureContext()`)' },
];

const INTERNAL_MODULES = new Set(['_tls_wrap', '_tls_common']);
const NAMES = new Set(API.map((a) => a.path[a.path.length - 1]!));
/** Every finding names an API of the list or an internal module: a file without them gets no listeners. */
const MENTIONS = wordsPattern([...NAMES, ...INTERNAL_MODULES]);

function findApi(ref: ModuleRef | undefined): LegacyApi | undefined {
  if (!ref) return undefined;
  return API.find((a) => a.module === ref.module && a.path.length === ref.path.length && a.path.every((p, i) => p === ref.path[i]));
}

/** True when `node` is a server created in this file by `tls.createServer()`, `https.createServer()`, `new tls.Server()`. */
function isTlsServer(fc: FileContext, node: TSESTree.Node): boolean {
  let n = unwrap(node);
  if (n.type === AST_NODE_TYPES.Identifier) {
    const init = constInitializer(fc, n);
    if (!init) return false;
    n = unwrap(init);
  }
  if (n.type !== AST_NODE_TYPES.CallExpression && n.type !== AST_NODE_TYPES.NewExpression) return false;
  return sinksForCall(fc, n).some((r) => r.role === 'server' && (r.module === 'tls' || r.module === 'https'));
}

export default createRule<[], MessageId>({
  name: 'no-legacy-tls-api',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow deprecated and removed TLS APIs',
      recommended: true,
      category: 'legacy-api',
      cwe: ['CWE-327'],
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      legacyApi: '`{{name}}` ({{code}}) {{why}}. Use {{replacement}} instead.',
      internalModule: "`{{module}}` is Node's internal TLS implementation (DEP0192, deprecated in Node 22.17/24.2). Import `node:tls` instead.",
      useTlsModule: "Import from `'node:tls'`.",
      useCreateSecureContext: "Call `tls.createSecureContext()` with the same options (what `createCredentials()` did before it was removed).",
    },
  },
  defaultOptions: [],
  create(context) {
    const fc = getFileContext(context);
    if (!mentions(fc, MENTIONS)) return {};
    type Suggestion = TSESLint.SuggestionReportDescriptor<MessageId>;

    function reportApi(node: TSESTree.Node, api: LegacyApi): void {
      context.report({ node, messageId: 'legacyApi', data: { name: api.name, code: api.code, why: api.why, replacement: api.replacement }, suggest: suggestionsFor(node, api) });
    }

    /**
     * `crypto.createCredentials(options)` was, until its removal, `tls.createSecureContext(options)`
     * under another name (Node 0.11.13-10): the call is swapped, the options stay.
     */
    function suggestionsFor(node: TSESTree.Node, api: LegacyApi): Suggestion[] {
      if (api.code !== 'DEP0010' || node.type !== AST_NODE_TYPES.MemberExpression) return [];
      const call = node.parent;
      if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== node) return [];
      const plan = planNamedImport(context.sourceCode, 'node:tls', 'createSecureContext');
      if (plan.kind === 'conflict') return [];
      return [
        {
          messageId: 'useCreateSecureContext',
          fix: (fixer) => [fixer.replaceText(node, 'createSecureContext'), ...(plan.kind === 'add' ? [plan.fix(fixer)] : [])],
        },
      ];
    }

    /** `'_tls_wrap'` as a module specifier: `_tls_wrap` re-exports only what `node:tls` has, so it can be swapped. */
    function reportModule(source: TSESTree.Node, specifier: string): void {
      const module = normalizeModule(specifier);
      if (!INTERNAL_MODULES.has(module)) return;
      const suggest: Suggestion[] = [];
      if (module === '_tls_wrap' && source.type === AST_NODE_TYPES.Literal) {
        const q = context.sourceCode.getText(source).startsWith('"') ? '"' : "'";
        suggest.push({ messageId: 'useTlsModule', fix: (fixer) => fixer.replaceText(source, `${q}node:tls${q}`) });
      }
      context.report({ node: source, messageId: 'internalModule', data: { module: specifier }, suggest });
    }

    const literalString = (n: TSESTree.Node | undefined): string | undefined =>
      n?.type === AST_NODE_TYPES.Literal && typeof n.value === 'string' ? n.value : undefined;

    return {
      MemberExpression(node: TSESTree.MemberExpression) {
        const name = memberName(node);
        if (name === undefined || !NAMES.has(name)) return;
        const api = findApi(resolveModuleRef(fc, node));
        if (api) return reportApi(node, api);
        // server.setOptions() on a TLS server created in this file.
        if (name === 'setOptions' && node.parent.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node && isTlsServer(fc, node.object)) {
          reportApi(node, API.find((a) => a.code === 'DEP0122')!);
        }
      },
      // import { createSecurePair } from 'tls'; import { createSecurePair as csp } from 'node:tls'
      ImportSpecifier(node: TSESTree.ImportSpecifier) {
        const imported = node.imported.type === AST_NODE_TYPES.Identifier ? node.imported.name : node.imported.value;
        if (!NAMES.has(imported)) return;
        const api = findApi(resolveModuleRef(fc, node.local));
        if (api) reportApi(node, api);
      },
      // const { createSecurePair } = require('tls')
      'VariableDeclarator > ObjectPattern > Property'(node: TSESTree.Property) {
        const key = node.key.type === AST_NODE_TYPES.Identifier && !node.computed ? node.key.name : literalString(node.key);
        if (key === undefined || !NAMES.has(key)) return;
        let target: TSESTree.Node = node.value;
        if (target.type === AST_NODE_TYPES.AssignmentPattern) target = target.left;
        if (target.type !== AST_NODE_TYPES.Identifier) return;
        const api = findApi(resolveModuleRef(fc, target));
        if (api) reportApi(node, api);
      },
      ImportDeclaration(node: TSESTree.ImportDeclaration) {
        reportModule(node.source, node.source.value);
      },
      ImportExpression(node: TSESTree.ImportExpression) {
        const spec = literalString(node.source);
        if (spec !== undefined) reportModule(node.source, spec);
      },
      'CallExpression[callee.name="require"]'(node: TSESTree.CallExpression) {
        const spec = literalString(node.arguments[0]);
        if (spec !== undefined && node.arguments.length === 1) reportModule(node.arguments[0]!, spec);
      },
    };
  },
});
