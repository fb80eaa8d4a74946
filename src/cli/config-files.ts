/**
 * The config files the CLI scans besides JS/TS (package.json scripts, env files, Dockerfiles,
 * compose, GitHub Actions, GitLab CI, .npmrc, .yarnrc, .yarnrc.yml): which paths, and the ESLint
 * config objects that lint them (the plugin's `recommended-files` / `strict-files`, whose globs
 * come from the same list, src/analysis/config/kinds.ts).
 */
import type { Linter } from 'eslint';
import plugin from '../../eslint-plugin.js';
import { CONFIG_FILE_KINDS, configFileKind } from '../analysis/config/kinds.js';

/** The `files` globs of every config-file kind. */
export const CONFIG_FILE_GLOBS: readonly string[] = CONFIG_FILE_KINDS.flatMap((k) => k.globs);

/** Is the file at `filePath` (absolute or relative, any separators) one of the config-file kinds? */
export function isConfigFile(filePath: string): boolean {
  return configFileKind(filePath) !== undefined;
}

/** The flat-config objects that lint the config files under `config`. */
export function configFileConfigs(config: 'recommended' | 'strict'): Linter.Config[] {
  return plugin.configs[config === 'strict' ? 'strict-files' : 'recommended-files'];
}
