/**
 * eslint-plugin-tlsguard: the plugin object. Configs are derived from rule meta, so a new rule
 * cannot be forgotten in a config.
 */
import { readFileSync } from 'node:fs';
import type { TSESLint } from '@typescript-eslint/utils';
import type { ESLint, Linter } from 'eslint';
import { rules } from './rules/index.js';

const pkg = JSON.parse(readFileSync(new URL(findPackageJson(), import.meta.url), 'utf8')) as { name: string; version: string };

/** `package.json` sits one level up from the source file and two levels up from `dist/`. */
function findPackageJson(): string {
  return import.meta.url.includes('/dist/') ? '../package.json' : './package.json';
}

type RuleName = keyof typeof rules;
type RuleLevels = Partial<Record<`tlsguard/${RuleName}`, Linter.RuleEntry>>;

type Docs = { recommended: boolean; strictOptions?: readonly unknown[] };

function levels(pick: (meta: TSESLint.RuleMetaData<string, Docs>) => boolean, withStrictOptions = false): RuleLevels {
  const out: RuleLevels = {};
  for (const [name, rule] of Object.entries(rules) as [RuleName, (typeof rules)[RuleName]][]) {
    const meta = rule.meta as TSESLint.RuleMetaData<string, Docs>;
    if (!pick(meta)) continue;
    const strictOptions = withStrictOptions ? meta.docs?.strictOptions : undefined;
    out[`tlsguard/${name}`] = strictOptions?.length ? ['error', ...strictOptions] : 'error';
  }
  return out;
}

const plugin = {
  meta: { name: pkg.name, version: pkg.version, namespace: 'tlsguard' },
  rules,
  configs: {} as Record<'recommended' | 'strict' | 'recommended-type-checked', Linter.Config>,
};

const pluginForConfig = plugin as unknown as ESLint.Plugin;

plugin.configs.recommended = {
  name: 'tlsguard/recommended',
  plugins: { tlsguard: pluginForConfig },
  rules: levels((meta) => meta.docs?.recommended === true),
};

plugin.configs.strict = {
  name: 'tlsguard/strict',
  plugins: { tlsguard: pluginForConfig },
  rules: levels(() => true, true),
};

/**
 * `recommended` plus the parser options typed linting needs (use with the typescript-eslint parser).
 * Types add: values from other modules and functions (`export const VERIFY = false`), option bags
 * recognised by their type (wrappers typed with `tls.ConnectionOptions`, library option types), and
 * no report on objects whose type declares a TLS key name for something else.
 */
plugin.configs['recommended-type-checked'] = {
  name: 'tlsguard/recommended-type-checked',
  plugins: { tlsguard: pluginForConfig },
  languageOptions: { parserOptions: { projectService: true } },
  rules: levels((meta) => meta.docs?.recommended === true),
};

/**
 * The plugin as ESLint's own types describe a plugin (whichever ESLint 9 or 10 the project has), so
 * `plugins: { tlsguard }` and `tlsguard.configs.recommended` type-check in an `eslint.config.ts`.
 */
export type TlsguardPlugin = ESLint.Plugin & {
  meta: { name: string; version: string; namespace: string };
  rules: NonNullable<ESLint.Plugin['rules']>;
  configs: Record<'recommended' | 'strict' | 'recommended-type-checked', Linter.Config>;
};

const tlsguard: TlsguardPlugin = pluginForConfig as TlsguardPlugin;
export default tlsguard;
// Named exports as well, so `import * as` sees a plugin too. `require('eslint-plugin-tlsguard')`
// loads the CommonJS entry (entries/eslint-plugin.cjs), which returns `tlsguard` itself.
export const { meta, configs } = plugin;
export { rules };
