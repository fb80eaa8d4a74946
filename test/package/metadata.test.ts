// The plugin's own metadata (issue 12): documentation URLs of the released version, and the
// CommonJS entry returning the plugin object itself.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import plugin, { rules } from '../../eslint-plugin.js';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { version: string };

describe('plugin metadata', () => {
  it('meta.docs.url of every rule is the doc at the release tag, and the doc exists', () => {
    const names = Object.keys(rules);
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) {
      const url = (rules[name as keyof typeof rules].meta.docs as { url?: string }).url;
      expect(url).toBe(`https://github.com/tlsguard/eslint-plugin-tlsguard/blob/v${pkg.version}/rules/${name}.md`);
      expect(existsSync(new URL(`rules/${name}.md`, root)), name).toBe(true);
    }
  });

  it.runIf(existsSync(new URL('dist/eslint-plugin.js', root)))('require() returns the plugin object its configs register', () => {
    const required = createRequire(import.meta.url)('../../entries/eslint-plugin.cjs') as typeof plugin;
    expect(required.configs.recommended.plugins?.tlsguard).toBe(required);
    expect(required.meta.version).toBe(pkg.version);
    expect(Object.keys(required.rules).sort()).toEqual(Object.keys(plugin.rules).sort());
  });
});
