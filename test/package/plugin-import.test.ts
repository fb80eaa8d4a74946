/**
 * Issue 16: importing the plugin loads nothing a rule does not use at lint time, and linting
 * JavaScript with ESLint's default parser loads neither TypeScript nor typescript-eslint. Checked in
 * a child process by the CommonJS modules it has loaded (`typescript`, typescript-eslint's packages
 * and ESLint are CommonJS; Node caches a CommonJS module imported from an ES module there too), not
 * by time (bench/cold-start.mjs measures that). Needs `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const built = existsSync(`${root}dist/eslint-plugin.js`);

/** The packages under node_modules whose CommonJS modules `program` (an ES module) has loaded when it ends. */
function packagesLoaded(program: string): { packages: string[]; out: unknown } {
  const code = `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const out = await (async () => { ${program} })();
const packages = new Set();
for (const f of Object.keys(require.cache)) {
  const m = /[\\\\/]node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(f);
  if (m) packages.add(m[1].replace('\\\\', '/'));
}
console.log(JSON.stringify({ packages: [...packages].sort(), out }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' })) as { packages: string[]; out: unknown };
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
  it('import loads no CommonJS package: no ESLint, no typescript-eslint, no TypeScript', () => {
    expect(packagesLoaded("await import('eslint-plugin-tlsguard');").packages).toEqual([]);
  });

  it('require() (the CommonJS entry) loads none either', () => {
    expect(packagesLoaded("require('eslint-plugin-tlsguard');").packages).toEqual([]);
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
