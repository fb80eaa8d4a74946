import type { ESLintUtils, TSESLint } from '@typescript-eslint/utils';
import { tlsguardSettingsOf } from './settings.js';
import { PACKAGE_VERSION } from './version.js';

export type Category =
  'cert-verification' | 'hostname-verification' | 'servername' | 'protocol-version' | 'weak-cipher' | 'legacy-api' | 'plaintext' | 'secure-context';

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

/** A rule as `createRule` returns it: typescript-eslint's rule module, with its name. */
export type TlsguardRule<Options extends readonly unknown[], MessageIds extends string> = TSESLint.RuleModule<MessageIds, Options, TlsguardDocs> & {
  readonly name: string;
};

/**
 * A rule from its definition, as typescript-eslint's `ESLintUtils.RuleCreator` makes one (the same
 * module shape: `meta.docs.url` added, `create(context, options)` called with the options merged
 * into the defaults), without importing `@typescript-eslint/utils` at run time: its index loads
 * ESLint's classes and the scope manager, about 180 ms of the plugin's import (issue 16).
 *
 * The options with their defaults are computed once per distinct options value instead of on every
 * `create()`, i.e. for every linted file: deep-cloning the defaults each time was the largest part
 * of the rules' per-file set-up (bench/RESULTS.md). The rules treat their options as read-only.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  definition: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, TlsguardDocs>>,
): TlsguardRule<Options, MessageIds> {
  const { name, meta, create } = definition;
  // As typescript-eslint resolves them (`meta.defaultOptions` first).
  const defaults = (meta.defaultOptions ?? definition.defaultOptions ?? []) as Options;
  const resolved = new Map<string, Options>();
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: `${DOCS_BASE_URL}rules/${name}.md` } },
    defaultOptions: definition.defaultOptions,
    create(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>) {
      // Another language's tree (JSON, YAML, …): a JavaScript rule has nothing to say about it.
      if (!definition.meta.docs.configFiles && (context.sourceCode.ast as { type?: string }).type !== 'Program') return {};
      // An invalid settings.tlsguard stops the run with a message naming the key (checked once per settings object).
      tlsguardSettingsOf(context.settings);
      const key = context.options.length === 0 ? '' : JSON.stringify(context.options);
      let options = resolved.get(key);
      if (options === undefined) {
        options = withDefaults(defaults, context.options);
        resolved.set(key, options);
      }
      return create(context, options);
    },
  };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `override` over `base`, objects merged key by key at every depth; anything else replaces. */
function merge(base: Record<string, unknown>, override: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const under = out[key];
    out[key] = isPlainObject(value) && isPlainObject(under) ? merge(under, value) : value;
  }
  return out;
}

/**
 * The options a rule's `create` gets, with typescript-eslint's `applyDefault` semantics: one entry
 * per default (a copy of the default unless the user gave one; objects deep-merged into it), so
 * entries past the defaults are not passed on.
 */
export function withDefaults<Options extends readonly unknown[]>(defaults: Options, user: readonly unknown[] | undefined): Options {
  return defaults.map((fallback, i) => {
    const given = user?.[i];
    if (given === undefined) return structuredClone(fallback);
    return isPlainObject(given) && isPlainObject(fallback) ? merge(structuredClone(fallback), given) : given;
  }) as unknown as Options;
}
