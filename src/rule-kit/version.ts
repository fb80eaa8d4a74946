import { readFileSync } from 'node:fs';

/**
 * This package's version, from its package.json (one level above `src/rule-kit/` in the sources,
 * two above it in `dist/`): the documentation URLs point at the docs of the released version.
 */
export const PACKAGE_VERSION: string = readVersion();

function readVersion(): string {
  for (const relative of ['../../package.json', '../../../package.json', '../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'eslint-plugin-tlsguard' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not this level
    }
  }
  throw new Error('eslint-plugin-tlsguard: cannot find its own package.json');
}
