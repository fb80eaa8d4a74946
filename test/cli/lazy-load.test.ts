/**
 * Issue 16: what a CLI run loads. A JavaScript-only run does not load the TypeScript compiler (about
 * 40% of a one-file run's time), and the plugin is loaded as the one bundled module
 * dist/eslint-plugin.js (bundle.mjs), not as its ~60 modules. Checked in a child process by which
 * modules it has loaded (CommonJS cache at exit: `typescript` is CommonJS, and Node puts a CommonJS
 * module imported from an ES module there too; ES modules through a resolve hook), never by time
 * (bench/cold-start.mjs measures that). Each "not loaded" has a counterpart that does load it, so
 * the check can fail. Needs `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { builtBin, cleanup, INSECURE_JS, INSECURE_TS, project, repoRoot, tsconfig } from './helpers.js';

afterAll(cleanup);

const built = existsSync(builtBin);
if (!built) console.warn(`${builtBin} is missing: run \`npm run build\`; the lazy-load tests are skipped`);

const PRELOAD = `const { writeFileSync } = require('node:fs');
process.on('exit', () => writeFileSync(process.env.TLSGUARD_LOADED_REPORT, JSON.stringify(Object.keys(require.cache))));
`;
// Module hooks run in their own thread: each resolved URL is appended to a file as it is resolved.
const ESM_PRELOAD = `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(\${JSON.stringify(process.env.TLSGUARD_ESM_REPORT)}, result.url + '\\\\n');
  return result;
}\`));
`;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Packages under node_modules the process loaded (`typescript`, `@typescript-eslint/parser`...). */
  readonly packages: ReadonlySet<string>;
  /** The ES modules of this repository it loaded, relative to the repository (`dist/eslint-plugin.js`...). */
  readonly ownModules: readonly string[];
  /** Every URL the ES module loader resolved (a CommonJS module that is `import`ed is among them; a `require`d one is not). */
  readonly esmUrls: readonly string[];
}

function tlsguard(cwd: string, args: readonly string[]): Run {
  const tools = project({ 'preload.cjs': PRELOAD, 'preload.mjs': ESM_PRELOAD }, 'tlsguard-preload-');
  const report = path.join(tools, 'loaded.json');
  const esmReport = path.join(tools, 'esm.txt');
  const r = spawnSync(
    process.execPath,
    ['--require', path.join(tools, 'preload.cjs'), '--import', pathToFileURL(path.join(tools, 'preload.mjs')).href, builtBin, ...args],
    {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', TLSGUARD_LOADED_REPORT: report, TLSGUARD_ESM_REPORT: esmReport },
      timeout: 120_000,
    },
  );
  const files = JSON.parse(readFileSync(report, 'utf8')) as string[];
  const repoUrl = pathToFileURL(repoRoot).href;
  const esmUrls = [...new Set(readFileSync(esmReport, 'utf8').split('\n'))].filter((u) => u !== '');
  const ownModules = esmUrls
    .filter((u) => u.startsWith(repoUrl) && !u.includes('/node_modules/'))
    .map((u) => u.slice(repoUrl.length))
    .sort();
  const packages = new Set(
    files.map((f) => /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(f)?.[1]?.replace('\\', '/')).filter((p): p is string => p !== undefined),
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, packages, ownModules, esmUrls };
}

const DECORATED_JS = `const https = require('node:https');\n@sealed\nclass Client {\n  agent = new https.Agent({ rejectUnauthorized: false });\n}\nmodule.exports = { Client };\n`;

describe.skipIf(!built)('the TypeScript compiler in a CLI run', () => {
  it('is not loaded for JavaScript files (.js .cjs .mjs .jsx), which are still linted', () => {
    const dir = project({ 'a.js': INSECURE_JS, 'b.cjs': INSECURE_JS, 'c.mjs': INSECURE_TS, 'd.jsx': `${INSECURE_TS}export const el = <div />;\n` });
    const r = tlsguard(dir, []);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    for (const file of ['a.js:2:50', 'b.cjs:2:50', 'c.mjs:2:57', 'd.jsx:2:57']) expect(r.stdout).toContain(`${file}  tlsguard/no-unverified-certificate`);
    expect(r.packages.has('eslint')).toBe(true); // the report is real
    expect(r.packages.has('typescript')).toBe(false);
    expect(r.packages.has('@typescript-eslint/typescript-estree')).toBe(false);
  });

  it('is not loaded for JavaScript files under a tsconfig.json that cannot cover them (no allowJs)', () => {
    const dir = project({ 'tsconfig.json': tsconfig(), 'src/a.js': INSECURE_JS });
    const r = tlsguard(dir, []);
    expect(r.stdout).toContain('src/a.js:2:50  tlsguard/no-unverified-certificate');
    expect(r.packages.has('typescript')).toBe(false);
  });

  it('is loaded for a TypeScript file', () => {
    const r = tlsguard(project({ 'a.ts': INSECURE_TS }), []);
    expect(r.stdout).toContain('a.ts:2:57  tlsguard/no-unverified-certificate');
    expect(r.packages.has('typescript')).toBe(true);
  });

  it('is required, never imported, in a typed run: the ES module loader would scan its 9 MB for named exports (~470 ms)', () => {
    const dir = project({ 'tsconfig.json': tsconfig(), 'src/a.ts': INSECURE_TS });
    const r = tlsguard(dir, []);
    expect(r.stdout).toContain('src/a.ts:2:57  tlsguard/no-unverified-certificate');
    expect(r.packages.has('typescript')).toBe(true);
    expect(r.esmUrls.some((u) => u.endsWith('/dist/eslint-plugin.js'))).toBe(true); // the hook saw the imports
    expect(r.esmUrls.filter((u) => /\/node_modules\/(?:typescript|ts-morph|@ts-morph)\//.test(u))).toEqual([]);
  });

  it('is loaded for JavaScript files a tsconfig.json covers (allowJs: linted with types)', () => {
    const dir = project({ 'tsconfig.json': tsconfig({ allowJs: true }), 'src/a.js': INSECURE_JS });
    const r = tlsguard(dir, []);
    expect(r.stdout).toContain('src/a.js:2:50  tlsguard/no-unverified-certificate');
    expect(r.packages.has('typescript')).toBe(true);
  });

  it('is loaded for a JavaScript file that espree does not parse, which keeps its findings (decorators)', () => {
    const r = tlsguard(project({ 'a.js': DECORATED_JS }), []);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('a.js:4:29  tlsguard/no-unverified-certificate');
    expect(r.packages.has('typescript')).toBe(true);
  });

  it('a JavaScript file neither parser accepts gets the parse error of @typescript-eslint/parser, as before', () => {
    const r = tlsguard(project({ 'a.js': 'const = 1;\n' }), []);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('a.js:1:6  parse error  Parsing error: Variable declaration expected.');
  });
});

describe.skipIf(!built)('the modules of a CLI run', () => {
  it('are the two bundles (the CLI and the plugin) and the executable: no module of the rules, rule kit, analysis or policy', () => {
    const r = tlsguard(project({ 'a.js': INSECURE_JS, 'b.ts': INSECURE_TS }), []);
    expect(r.stdout).toContain('a.js:2:50  tlsguard/no-unverified-certificate');
    expect(r.stdout).toContain('b.ts:2:57  tlsguard/no-unverified-certificate');
    expect(r.ownModules).toEqual(['dist/eslint-plugin.js', 'dist/src/cli/bin.js', 'dist/src/cli/run.js']);
  });
});
