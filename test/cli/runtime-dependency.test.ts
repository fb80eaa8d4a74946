// `--fix --fix-style factory` makes the runtime package a production dependency (issue 12).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addRuntimeDependencies, runtimeVersion } from '../../src/cli/runtime-dependency.js';

const dirs: string[] = [];
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tlsguard-dep-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const ESM = "import { secureAgent } from 'tlsguard-runtime';\nexport const agent = secureAgent({});\n";
const CJS = 'const { secureAgent } = require("tlsguard-runtime");\nmodule.exports = secureAgent({});\n';
const version = runtimeVersion();

describe('addRuntimeDependencies', () => {
  it('is this release: the runtime package version equals the plugin version', () => {
    const plugin = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
      dependencies: Record<string, string>;
    };
    expect(version).toBe(plugin.version);
    expect(plugin.dependencies['tlsguard-runtime']).toBe(version);
  });

  it('adds the exact version to dependencies of the nearest package.json, keeping indentation, EOL and every other byte', () => {
    const manifest = '{\r\n\t"name": "app",\r\n\t"dependencies": {\r\n\t\t"pg": "^8.0.0"\r\n\t}\r\n}\r\n';
    const dir = tree({
      'package.json': '{ "name": "root" }\n',
      'app/package.json': manifest,
      'app/src/a.mjs': ESM,
      'app/src/b.cjs': CJS,
      'app/c.mjs': 'export {};\n',
    });
    const lines = addRuntimeDependencies([path.join(dir, 'app/src/a.mjs'), path.join(dir, 'app/src/b.cjs'), path.join(dir, 'app/c.mjs')], dir);
    expect(lines).toEqual([
      `added "tlsguard-runtime": "${version}" to dependencies in app/package.json: the factory fixes import it at run time. The lockfile is not updated: run \`npm install\`.`,
    ]);
    expect(readFileSync(path.join(dir, 'app/package.json'), 'utf8')).toBe(
      `{\r\n\t"name": "app",\r\n\t"dependencies": {\r\n\t\t"pg": "^8.0.0",\r\n\t\t"tlsguard-runtime": "${version}"\r\n\t}\r\n}\r\n`,
    );
    expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe('{ "name": "root" }\n');
    // idempotent: a second run changes nothing and says nothing
    expect(addRuntimeDependencies([path.join(dir, 'app/src/a.mjs')], dir)).toEqual([]);
  });

  it('moves it from devDependencies, and names the package manager of the lockfile', () => {
    const dir = tree({
      'package.json': '{\n  "name": "app",\n  "devDependencies": { "tlsguard-runtime": "^0.1.0", "vitest": "^4" }\n}\n',
      'pnpm-lock.yaml': '',
      'a.ts': ESM,
    });
    expect(addRuntimeDependencies([path.join(dir, 'a.ts')], dir)).toEqual([
      'added "tlsguard-runtime": "^0.1.0" to dependencies in package.json (moved from devDependencies): the factory fixes import it at run time. The lockfile is not updated: run `pnpm install`.',
    ]);
    expect(JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))).toEqual({
      name: 'app',
      devDependencies: { vitest: '^4' },
      dependencies: { 'tlsguard-runtime': '^0.1.0' },
    });
    expect(readFileSync(path.join(dir, 'pnpm-lock.yaml'), 'utf8')).toBe('');
  });

  it('leaves a project whose runtimeModule is its own wrapper alone', () => {
    const manifest = '{ "name": "app" }\n';
    const dir = tree({ 'package.json': manifest, 'a.ts': "import { secureAgent } from './tls-wrapper.js';\nexport const agent = secureAgent({});\n" });
    expect(addRuntimeDependencies([path.join(dir, 'a.ts')], dir)).toEqual([]);
    expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe(manifest);
  });

  it("a fix that imports the plugin's re-export (an old runtimeModule setting) gets a line, no package.json edit", () => {
    const manifest = '{ "name": "app" }\n';
    const dir = tree({
      'package.json': manifest,
      'a.mjs': "import { secureAgent } from 'eslint-plugin-tlsguard/runtime';\nexport const agent = secureAgent({});\n",
    });
    expect(addRuntimeDependencies([path.join(dir, 'a.mjs')], dir)).toEqual([
      'a.mjs import eslint-plugin-tlsguard/runtime (settings.tlsguard.runtimeModule): that module is in the plugin, which is gone after `npm prune --omit=dev` when it is a devDependency. Set runtimeModule to tlsguard-runtime (or remove the setting) and add tlsguard-runtime to dependencies',
    ]);
    expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe(manifest);
  });

  it('an unparsable package.json is not rewritten; the line says what to add', () => {
    const dir = tree({ 'package.json': '{ "name": "app", }\n', 'a.mjs': ESM });
    const [line] = addRuntimeDependencies([path.join(dir, 'a.mjs')], dir);
    expect(line).toMatch(
      new RegExp(`^package\\.json could not be read as JSON \\(.+\\); add "tlsguard-runtime": "${version.replace(/\./g, '\\.')}" to its dependencies by hand$`),
    );
    expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe('{ "name": "app", }\n');
  });
});
