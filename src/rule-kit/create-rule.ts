import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import { tlsguardSettingsOf } from './settings.js';
import { PACKAGE_VERSION } from './version.js';

export type Category =
  | 'cert-verification'
  | 'hostname-verification'
  | 'servername'
  | 'protocol-version'
  | 'weak-cipher'
  | 'legacy-api'
  | 'plaintext'
  | 'secure-context';

/** Extra `meta.docs` fields every tlsguard rule carries. */
export interface TlsguardDocs {
  /** In the `recommended` config (every rule is in `strict`). */
  readonly recommended: boolean;
  readonly category: Category;
  /** CWE ids, e.g. `['CWE-295']`: shown in docs and SARIF output. */
  readonly cwe: readonly string[];
  /** The rule uses type information when present but never requires it. */
  readonly requiresTypeChecking?: false;
  /** Rule options the `strict` config sets (e.g. `[{ policy: 'strict' }]`); `recommended` uses the defaults. */
  readonly strictOptions?: readonly unknown[];
  /**
   * The rule reads config files (package.json through @eslint/json, and this plugin's languages for
   * env files, Dockerfiles, YAML, .npmrc, .yarnrc) instead of JavaScript. Every other rule returns
   * no listeners for a file whose AST is not a JavaScript `Program`, so a config that enables them
   * for every file cannot run them on another language's tree.
   */
  readonly configFiles?: true;
}

export const REPO_URL = 'https://github.com/tlsguard/eslint-plugin-tlsguard';

/** The doc of the released version: a tag URL, so an older install never links to newer docs. */
export const DOCS_BASE_URL = `${REPO_URL}/blob/v${PACKAGE_VERSION}/`;

const createNamedRule = ESLintUtils.RuleCreator<TlsguardDocs>((name) => `${DOCS_BASE_URL}rules/${name}.md`);

/**
 * typescript-eslint's rule creator, except that the options with their defaults are computed once
 * per distinct options value instead of on every `create()`, i.e. for every linted file: its
 * `applyDefault` deep-clones the defaults each time, which was the largest part of the rules'
 * per-file set-up (bench/RESULTS.md). The rules treat their options as read-only.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  definition: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, TlsguardDocs>>,
): ReturnType<typeof createNamedRule<Options, MessageIds>> {
  const rule = createNamedRule(definition);
  // As typescript-eslint resolves them (`meta.defaultOptions` first).
  const defaults = (definition.meta.defaultOptions ?? definition.defaultOptions ?? []) as Options;
  const resolved = new Map<string, Options>();
  return {
    ...rule,
    create(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>) {
      // Another language's tree (JSON, YAML, …): a JavaScript rule has nothing to say about it.
      if (!definition.meta.docs.configFiles && (context.sourceCode.ast as { type?: string }).type !== 'Program') return {};
      // An invalid settings.tlsguard stops the run with a message naming the key (checked once per settings object).
      tlsguardSettingsOf(context.settings);
      const key = context.options.length === 0 ? '' : JSON.stringify(context.options);
      let options = resolved.get(key);
      if (options === undefined) {
        options = ESLintUtils.applyDefault<Options, Options>(defaults, context.options);
        resolved.set(key, options);
      }
      return definition.create(context, options);
    },
  };
}
