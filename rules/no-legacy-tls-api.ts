import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { catalogue, type LegacyApiRow } from '../src/analysis/catalogue/index.js';
import { getFileContext, mentions, memberName, normalizeModule, resolveModuleRef } from '../src/analysis/index.js';
import { findLegacyApi, isTlsServer, legacyNames } from '../src/analysis/legacy-apis.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { planNamedImport } from '../src/rule-kit/imports.js';
import { nodeTarget, targetAtLeast } from '../src/rule-kit/target.js';

type MessageId = 'legacyApi' | 'internalModule' | 'useTlsModule' | 'useCreateSecureContext';

type LegacyApi = LegacyApiRow;

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
      useCreateSecureContext: 'Call `tls.createSecureContext()` with the same options (what `createCredentials()` did before it was removed).',
    },
  },
  defaultOptions: [],
  create(context) {
    const fc = getFileContext(context);
    const { set: NAMES, mentions: MENTIONS } = legacyNames();
    if (!mentions(fc, MENTIONS)) return {};
    type Suggestion = TSESLint.SuggestionReportDescriptor<MessageId>;

    function reportApi(node: TSESTree.Node, api: LegacyApi): void {
      if (isUnreachedFallback(node, api)) return;
      context.report({
        node,
        messageId: 'legacyApi',
        data: { name: api.name, code: api.code, why: whyFor(api), replacement: api.replacement },
        suggest: suggestionsFor(node, api),
      });
    }

    /**
     * `tls.createSecureContext || crypto.createCredentials`: `||` and `??` evaluate their right side
     * only when the left one is missing (falsy, nullish), and a function is neither. Where every
     * version of the target has the replacement, the legacy API is never reached.
     */
    function isUnreachedFallback(node: TSESTree.Node, api: LegacyApi): boolean {
      const modern = api.fallbackOf;
      const parent = node.parent;
      if (!modern || parent?.type !== 'LogicalExpression' || parent.operator === '&&' || parent.right !== node) return false;
      const ref = resolveModuleRef(fc, parent.left);
      if (!ref || ref.module !== modern.module || ref.path.length !== modern.path.length || ref.path.some((p, i) => p !== modern.path[i])) return false;
      return targetAtLeast(context, modern.since);
    }

    /** The row's `why`, with its removal worded for the target range (settings.tlsguard.node / engines.node). */
    function whyFor(api: LegacyApi): string {
      if (api.removedIn === undefined) return api.why;
      const target = nodeTarget(context);
      const majors = target.versions.map((f) => f.version[0]);
      const still = majors.filter((m) => m < api.removedIn!);
      let removal: string;
      if (still.length === 0) removal = `was removed in Node ${api.removedIn}, so it does not exist on the target (Node ${target.range})`;
      else if (still.length === majors.length) removal = `is deprecated (removed in Node ${api.removedIn}, later than the target, Node ${target.range})`;
      else {
        const [low, high] = [Math.min(...still), Math.max(...still)];
        removal = `is deprecated and removed in Node ${api.removedIn}; of the target (Node ${target.range}), Node ${low === high ? `${low} still has` : `${low} to ${high} still have`} it`;
      }
      return api.why ? `${removal}, and ${api.why}` : removal;
    }

    /**
     * `crypto.createCredentials(options)` was, until its removal, `tls.createSecureContext(options)`
     * under another name (Node 0.11.13-10): the call is swapped, the options stay.
     */
    function suggestionsFor(node: TSESTree.Node, api: LegacyApi): Suggestion[] {
      if (api.code !== 'DEP0010' || node.type !== 'MemberExpression') return [];
      const call = node.parent;
      if (call.type !== 'CallExpression' || call.callee !== node) return [];
      const plan = planNamedImport(context.sourceCode, 'node:tls', 'createSecureContext', node);
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
      if (!catalogue().internalModules.includes(module)) return;
      const suggest: Suggestion[] = [];
      if (module === '_tls_wrap' && source.type === 'Literal') {
        const q = context.sourceCode.getText(source).startsWith('"') ? '"' : "'";
        suggest.push({ messageId: 'useTlsModule', fix: (fixer) => fixer.replaceText(source, `${q}node:tls${q}`) });
      }
      context.report({ node: source, messageId: 'internalModule', data: { module: specifier }, suggest });
    }

    const literalString = (n: TSESTree.Node | undefined): string | undefined => (n?.type === 'Literal' && typeof n.value === 'string' ? n.value : undefined);

    return {
      MemberExpression(node: TSESTree.MemberExpression) {
        const name = memberName(node);
        if (name === undefined || !NAMES.has(name)) return;
        const api = findLegacyApi(resolveModuleRef(fc, node));
        if (api) return reportApi(node, api);
        // server.setOptions() on a TLS server created in this file.
        if (name === 'setOptions' && node.parent.type === 'CallExpression' && node.parent.callee === node && isTlsServer(fc, node.object)) {
          reportApi(
            node,
            catalogue().legacyApis.find((a) => a.code === 'DEP0122')!,
          );
        }
      },
      // import { createSecurePair } from 'tls'; import { createSecurePair as csp } from 'node:tls'
      ImportSpecifier(node: TSESTree.ImportSpecifier) {
        const imported = node.imported.type === 'Identifier' ? node.imported.name : node.imported.value;
        if (!NAMES.has(imported)) return;
        const api = findLegacyApi(resolveModuleRef(fc, node.local));
        if (api) reportApi(node, api);
      },
      // const { createSecurePair } = require('tls')
      'VariableDeclarator > ObjectPattern > Property'(node: TSESTree.Property) {
        const key = node.key.type === 'Identifier' && !node.computed ? node.key.name : literalString(node.key);
        if (key === undefined || !NAMES.has(key)) return;
        let target: TSESTree.Node = node.value;
        if (target.type === 'AssignmentPattern') target = target.left;
        if (target.type !== 'Identifier') return;
        const api = findLegacyApi(resolveModuleRef(fc, target));
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
