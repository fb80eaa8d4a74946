/**
 * eslint-plugin-tlsguard: the plugin object. Configs are derived from rule meta, so a new rule
 * cannot be forgotten in a config.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TSESLint } from '@typescript-eslint/utils';
import type { ESLint, Linter } from 'eslint';
import type json from '@eslint/json';
import { rules } from './rules/index.js';
import { CONFIG_FILE_KINDS } from './src/analysis/config/kinds.js';
import { languages as configLanguages } from './src/languages/config-languages.js';

const pkg = JSON.parse(readFileSync(new URL(findPackageJson(), import.meta.url), 'utf8')) as { name: string; version: string };

/** `package.json` sits one level up from the source file and two levels up from `dist/`. */
function findPackageJson(): string {
  return import.meta.url.includes('/dist/') ? '../package.json' : './package.json';
}

type RuleName = keyof typeof rules;
type RuleLevels = Partial<Record<`tlsguard/${RuleName}`, Linter.RuleEntry>>;

type Docs = { recommended: boolean; strictOptions?: readonly unknown[]; configFiles?: true };

function levels(pick: (meta: TSESLint.RuleMetaData<string, Docs>) => boolean, withStrictOptions = false): RuleLevels {
  const out: RuleLevels = {};
  for (const [name, rule] of Object.entries(rules) as [RuleName, (typeof rules)[RuleName]][]) {
    const meta = rule.meta as TSESLint.RuleMetaData<string, Docs>;
    // Rules on config files are in `recommended-files` / `strict-files`, with their languages.
    if (meta.docs?.configFiles || !pick(meta)) continue;
    const strictOptions = withStrictOptions ? meta.docs?.strictOptions : undefined;
    out[`tlsguard/${name}`] = strictOptions?.length ? ['error', ...strictOptions] : 'error';
  }
  return out;
}

type ConfigName = 'recommended' | 'strict' | 'recommended-type-checked';
type FilesConfigName = 'recommended-files' | 'strict-files';

const plugin = {
  meta: { name: pkg.name, version: pkg.version, namespace: 'tlsguard' },
  rules,
  /**
   * Languages for config files: `tlsguard/json` is @eslint/json's JSON language (for package.json,
   * re-exported so the configs need no second plugin name), the others are this plugin's own.
   */
  languages: {
    // Required when ESLint first asks for it (a config that lints package.json): @eslint/json is
    // ~15 modules that a JavaScript-only run, or an editor's, does not need (issue 16). An ES
    // module, loaded with require(), which Node >= 20.19 supports.
    get json() {
      return (createRequire(import.meta.url)('@eslint/json') as { default: typeof json }).default.languages.json;
    },
    ...configLanguages,
  },
  configs: {} as Record<ConfigName, Linter.Config> & Record<FilesConfigName, Linter.Config[]>,
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
 * `recommended-files` / `strict-files`: `no-insecure-tls-config` on the config files where TLS is
 * turned off outside JavaScript (package.json scripts, env files, Dockerfiles, compose files,
 * GitHub Actions and GitLab CI files, .npmrc, .yarnrc, .yarnrc.yml), one config object per kind
 * with its `files` and `language`. Spread it after `recommended`: `[tlsguard.configs.recommended,
 * ...tlsguard.configs['recommended-files']]`. `strict-files` also reports registry CA replacements.
 */
function filesConfigs(name: FilesConfigName, ruleEntry: Linter.RuleEntry): Linter.Config[] {
  return CONFIG_FILE_KINDS.map((k) => ({
    name: `tlsguard/${name}/${k.kind}`,
    files: [...k.globs],
    plugins: { tlsguard: pluginForConfig },
    language: `tlsguard/${k.language}`,
    rules: { 'tlsguard/no-insecure-tls-config': ruleEntry },
  }));
}
const configRuleStrict = (rules['no-insecure-tls-config'].meta.docs as { strictOptions?: readonly unknown[] }).strictOptions ?? [];
plugin.configs['recommended-files'] = filesConfigs('recommended-files', 'error');
plugin.configs['strict-files'] = filesConfigs('strict-files', ['error', ...configRuleStrict]);

/**
 * The plugin as ESLint's own types describe a plugin (whichever ESLint 9 or 10 the project has), so
 * `plugins: { tlsguard }` and `tlsguard.configs.recommended` type-check in an `eslint.config.ts`.
 */
export type TlsguardPlugin = ESLint.Plugin & {
  meta: { name: string; version: string; namespace: string };
  rules: NonNullable<ESLint.Plugin['rules']>;
  languages: NonNullable<ESLint.Plugin['languages']>;
  configs: Record<ConfigName, Linter.Config> & Record<FilesConfigName, Linter.Config[]>;
};

const tlsguard: TlsguardPlugin = pluginForConfig as TlsguardPlugin;
export default tlsguard;
// Named exports as well, so `import * as` sees a plugin too. `require('eslint-plugin-tlsguard')`
// loads the CommonJS entry (entries/eslint-plugin.cjs), which returns `tlsguard` itself.
export const { meta, configs } = plugin;
export { rules };
