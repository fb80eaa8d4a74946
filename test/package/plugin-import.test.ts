/**
 * Issue 16: importing the plugin loads nothing a rule does not use at lint time, and linting
 * JavaScript with ESLint's default parser loads neither TypeScript nor typescript-eslint. Checked in
 * a child process by the CommonJS modules it has loaded (`typescript`, typescript-eslint's packages
 * and ESLint are CommonJS; Node caches a CommonJS module imported from an ES module there too), not
 * by time (bench/cold-start.mjs measures that). Needs `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const built = existsSync(`${root}dist/eslint-plugin.js`);

/** Records every ES module the process resolves (module hooks run in their own thread; each URL is appended to $ESM_LOG). */
const ESM_HOOKS = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(process.env.ESM_LOG, result.url + '\\\\n');
  return result;
}\`));`)}`;

/**
 * The packages under node_modules whose CommonJS modules `program` (an ES module) has loaded when
 * it ends, and what it returns. `esmLoaded(part)` in the program: whether an ES module whose URL
 * contains `part` has been resolved so far.
 */
function packagesLoaded(program: string): { packages: string[]; out: unknown } {
  const log = path.join(mkdtempSync(path.join(os.tmpdir(), 'tlsguard-esm-')), 'esm.log');
  writeFileSync(log, '');
  const code = `import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
const require = createRequire(import.meta.url);
const esmLoaded = (part) => readFileSync(process.env.ESM_LOG, 'utf8').includes(part);
const out = await (async () => { ${program} })();
const packages = new Set();
for (const f of Object.keys(require.cache)) {
  const m = /[\\\\/]node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(f);
  if (m) packages.add(m[1].replace('\\\\', '/'));
}
console.log(JSON.stringify({ packages: [...packages].sort(), out }));`;
  const stdout = execFileSync(process.execPath, ['--import', ESM_HOOKS, '--input-type=module', '-e', code], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ESM_LOG: log },
  });
  return JSON.parse(stdout) as { packages: string[]; out: unknown };
}

const INSECURE = "import https from 'node:https';\nexport const agent = new https.Agent({ rejectUnauthorized: false });\n";
const lintProgram = (parser: string | undefined, filePath: string): string => `
  const { ESLint } = await import('eslint');
  const tlsguard = (await import('eslint-plugin-tlsguard')).default;
  ${parser ? `const parser = (await import(${JSON.stringify(parser)})).default;` : ''}
  const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: [${parser ? `{ files: ['**/*.ts'], languageOptions: { parser } }, ` : ''}tlsguard.configs.recommended] });
  const [result] = await eslint.lintText(${JSON.stringify(INSECURE)}, { filePath: ${JSON.stringify(filePath)} });
  return result.messages.map((m) => m.line + ':' + m.column + ' ' + m.ruleId);
`;

describe.runIf(built)('what the plugin loads', () => {
  // @eslint/plugin-kit (the config-file languages' base classes, an ES module) uses levn for config
  // comments, as ESLint does: those three are all. No ESLint, typescript-eslint, TypeScript, semver
  // or @eslint/json (loaded when a config first asks for the JSON language).
  const AT_IMPORT = ['levn', 'prelude-ls', 'type-check'];

  it('import loads no CommonJS package but plugin-kit\u2019s: no ESLint, typescript-eslint, TypeScript or semver', () => {
    expect(packagesLoaded("await import('eslint-plugin-tlsguard');").packages).toEqual(AT_IMPORT);
  });

  it('require() (the CommonJS entry) loads the same', () => {
    expect(packagesLoaded("require('eslint-plugin-tlsguard');").packages).toEqual(AT_IMPORT);
  });

  it('@eslint/json is not imported with the plugin; the JSON language, loaded when first asked for, is @eslint/json\u2019s', () => {
    const { out } = packagesLoaded(`
      const plugin = (await import('eslint-plugin-tlsguard')).default;
      // Import statements go through the resolve hook (require() of an ES module does not, in Node 20).
      const atImport = esmLoaded('/@eslint/json/');
      const language = plugin.languages.json;
      const json = (await import('@eslint/json')).default;
      return { atImport, same: language === json.languages.json, fileType: language.fileType };
    `);
    expect(out).toEqual({ atImport: false, same: true, fileType: 'text' });
  });

  it('linting JavaScript with ESLint\u2019s default parser loads neither typescript-eslint nor TypeScript, and reports', () => {
    const { packages, out } = packagesLoaded(lintProgram(undefined, `${root}virtual/a.js`));
    expect(out).toEqual(['2:40 tlsguard/no-unverified-certificate']);
    expect(packages).toContain('eslint');
    expect(packages.filter((p) => p === 'typescript' || p.startsWith('@typescript-eslint/'))).toEqual([]);
  });

  it('linting TypeScript with @typescript-eslint/parser does load TypeScript (the check above can fail)', () => {
    const { packages, out } = packagesLoaded(lintProgram('@typescript-eslint/parser', `${root}virtual/a.ts`));
    expect(out).toEqual(['2:40 tlsguard/no-unverified-certificate']);
    expect(packages).toContain('typescript');
    expect(packages).toContain('@typescript-eslint/scope-manager');
  });
});
