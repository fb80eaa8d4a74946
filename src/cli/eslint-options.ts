/**
 * The ESLint Node API options of a scan, built from a JSON-serialisable spec. The same builder
 * serves the in-thread `new ESLint(...)` and, for `--concurrency`, an options module that every
 * worker thread imports (`ESLint.fromOptionsModule`), since plugin objects cannot be cloned.
 *
 * The project's own ESLint config is never read (`overrideConfigFile: true`); the scan uses
 * tlsguard's `recommended` (or `strict`) config with ESLint's default parser (espree) for
 * JavaScript files and `@typescript-eslint/parser` for TypeScript files and for every file linted
 * with type information (src/cli/parsers.ts: each is loaded when a file needs it).
 */
import type { ESLint, Linter } from 'eslint';
import plugin from '../../eslint-plugin.js';
import type { Concurrency, Profile } from './args.js';
import { CONFIG_FILE_GLOBS, configFileConfigs } from './config-files.js';
import { jsParser, tsParser } from './parsers.js';

export interface LintSpec {
  readonly cwd: string;
  readonly config: 'recommended' | 'strict';
  readonly profile: Profile | undefined;
  /** Absolute paths linted with type information (project service). */
  readonly typedFiles: readonly string[];
  readonly cache: boolean;
  readonly cacheLocation: string | undefined;
  readonly concurrency: Concurrency;
  /** `--rule` overrides (ESLint rule entries of tlsguard rules), applied after the config. */
  readonly rules?: Readonly<Record<string, Linter.RuleEntry>>;
}

export const JS_GLOBS = ['**/*.js', '**/*.cjs', '**/*.mjs', '**/*.jsx'];
export const TS_GLOBS = ['**/*.ts', '**/*.cts', '**/*.mts', '**/*.tsx'];
export const FILE_GLOBS = [...JS_GLOBS, ...TS_GLOBS];
export const DEFAULT_CACHE_LOCATION = '.tlsguard-cache';

/** The flat config array of a scan. */
export function buildConfig(spec: LintSpec): Linter.Config[] {
  const base = plugin.configs[spec.config];
  const typed = new Set(spec.typedFiles);
  const baseSettings = (base.settings?.tlsguard ?? {}) as Record<string, unknown>;
  const configs: Linter.Config[] = [
    // The CLI's file set decides what is linted: un-ignore ESLint's default node_modules ignore (for named files).
    { name: 'tlsguard-cli/file-set', ignores: ['!**/node_modules/'] },
    {
      name: 'tlsguard-cli/language',
      files: FILE_GLOBS,
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: 'module',
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
    { name: 'tlsguard-cli/javascript', files: JS_GLOBS, languageOptions: { parser: jsParser } },
    { name: 'tlsguard-cli/typescript', files: TS_GLOBS, languageOptions: { parser: tsParser } },
    { name: 'tlsguard-cli/commonjs', files: ['**/*.cjs', '**/*.cts'], languageOptions: { sourceType: 'commonjs' } },
    { ...base, files: FILE_GLOBS },
    ...configFileConfigs(spec.config),
    { name: 'tlsguard-cli/settings', settings: { tlsguard: { ...baseSettings, ...(spec.profile ? { profile: spec.profile } : {}) } } },
  ];
  if (spec.rules && Object.keys(spec.rules).length > 0)
    configs.push({ name: 'tlsguard-cli/rules', files: [...FILE_GLOBS, ...CONFIG_FILE_GLOBS], rules: { ...spec.rules } });
  if (typed.size > 0) {
    configs.push({
      name: 'tlsguard-cli/types',
      files: [(file: string) => typed.has(file)] as unknown as string[],
      languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: spec.cwd } },
    });
  }
  return configs;
}

export function buildEslintOptions(spec: LintSpec): ESLint.Options {
  return {
    cwd: spec.cwd,
    overrideConfigFile: true,
    overrideConfig: buildConfig(spec),
    errorOnUnmatchedPattern: false,
    globInputPaths: false,
    cache: spec.cache,
    cacheLocation: spec.cacheLocation ?? DEFAULT_CACHE_LOCATION,
    cacheStrategy: 'content',
    ...(spec.concurrency === 'off' ? {} : { concurrency: spec.concurrency }),
  };
}

/** The text of an options module for `ESLint.fromOptionsModule`: it imports this builder. */
export function optionsModuleSource(builderUrl: string, spec: LintSpec): string {
  return `import { buildEslintOptions } from ${JSON.stringify(builderUrl)};\nexport default buildEslintOptions(${JSON.stringify(spec)});\n`;
}
