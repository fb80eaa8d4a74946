/** `--fix`: bulk suggestions, type-checked with ts-morph (rollback of edits that break types), parse-checked without a tsconfig. */
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { applyEdits, chooseSuggestion, nonOverlapping, type Edit } from '../../src/cli/fix.js';
import type { Finding } from '../../src/cli/lint.js';
import type { JsonReport } from '../../src/cli/report.js';
import { cleanup, cli, project, repoRoot, tsconfig } from './helpers.js';

afterAll(cleanup);

/** Error diagnostics of a tsconfig project, as `file: TScode` strings (an independent check with the TypeScript API). */
function typeErrors(dir: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(dir, 'tsconfig.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: () => undefined,
  })!;
  const program = ts.createProgram(config.fileNames, config.options);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => `${path.relative(dir, d.file?.fileName ?? '')}: TS${d.code}`)
    .sort();
}

const GOOD = "import https from 'node:https';\nexport const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });\n";
// Removing `rejectUnauthorized: false` from `options` breaks `options.rejectUnauthorized` below (TS2339);
// the agent's edit in the same file is fine.
const MIXED = [
  "import https from 'node:https';",
  "import tls from 'node:tls';",
  "const options = { host: 'example.com', port: 443, servername: 'example.com', rejectUnauthorized: false };",
  'export const socket = tls.connect(options);',
  'export const verifying: boolean = options.rejectUnauthorized;',
  'export const agent2 = new https.Agent({ rejectUnauthorized: false });',
  '',
].join('\n');

describe('--fix with a tsconfig project (ts-morph)', () => {
  it('applies edits that type-check, rolls back one that would break types, and keeps pre-existing errors out of the verdict', async () => {
    const dir = project({
      'package.json': '{ "type": "module" }',
      'tsconfig.json': tsconfig(),
      'src/good.ts': GOOD,
      'src/mixed.ts': MIXED,
      'src/broken.ts': "export const n: number = 'x';\n",
    });
    const before = typeErrors(dir);
    expect(before).toEqual(['src/broken.ts: TS2322']);

    const r = await cli(dir, ['--fix', '--format', 'json']);
    expect(r.code).toBe(1); // the rolled-back finding remains
    const doc = JSON.parse(r.stdout) as JsonReport;
    expect(doc.fix?.style).toBe('minimal');
    expect(doc.fix?.checkedWith).toEqual(['TypeScript']);
    expect(doc.fix?.applied.map((e) => `${e.file}:${e.line}`)).toEqual(['src/good.ts:2', 'src/mixed.ts:6']);
    expect(doc.fix?.rolledBack).toHaveLength(1);
    expect(doc.fix?.rolledBack[0]).toMatchObject({
      file: 'src/mixed.ts',
      line: 3,
      reason: expect.stringMatching(/^would add src\/mixed\.ts: TS2339: Property 'rejectUnauthorized' does not exist/),
    });
    expect(doc.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['src/mixed.ts:3']);
    // The fix summary goes to stderr for machine formats.
    expect(r.stderr).toContain('tlsguard: rolled back  src/mixed.ts:3:78');

    expect(readFileSync(path.join(dir, 'src/good.ts'), 'utf8')).toBe(GOOD.replace(', rejectUnauthorized: false', ''));
    expect(readFileSync(path.join(dir, 'src/mixed.ts'), 'utf8')).toBe(MIXED.replace('new https.Agent({ rejectUnauthorized: false })', 'new https.Agent({})'));
    expect(typeErrors(dir)).toEqual(before);
  }, 180_000);

  it('factory style: keeps the runtime factory edit when the runtime resolves, rolls it back when it does not', async () => {
    const files = {
      'package.json': '{ "type": "module" }',
      'tsconfig.json': tsconfig(),
      'src/good.ts': GOOD,
    };
    const without = project(files);
    const r1 = await cli(without, ['--fix', '--fix-style', 'factory']);
    expect(r1.code).toBe(1);
    expect(r1.stdout).toMatch(/rolled back {2}src\/good\.ts:2:57 .*`secureAgent\(\)`.*TS2307: Cannot find module 'tlsguard-runtime'/);
    expect(readFileSync(path.join(without, 'src/good.ts'), 'utf8')).toBe(GOOD);

    // With the package installed (a link to the runtime package of this repository, whose dist/ has its types):
    const withRuntime = project(files);
    mkdirSync(path.join(withRuntime, 'node_modules'));
    symlinkSync(path.join(repoRoot, 'packages/runtime'), path.join(withRuntime, 'node_modules/tlsguard-runtime'), 'dir');
    const r2 = await cli(withRuntime, ['--fix', '--fix-style', 'factory']);
    expect(r2.stdout).toMatch(/applied {6}src\/good\.ts:2:57 .*`secureAgent\(\)`/);
    const text = readFileSync(path.join(withRuntime, 'src/good.ts'), 'utf8');
    expect(text).toMatch(/import \{ secureAgent \} from 'tlsguard-runtime';/);
    expect(r2.code).toBe(0);
    expect(typeErrors(withRuntime)).toEqual([]);
  }, 180_000);
});

describe('--fix without a tsconfig (parse check)', () => {
  it('applies the minimal suggestion and leaves parsable code', async () => {
    const source =
      "const https = require('node:https');\nconst agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });\nmodule.exports = { agent };\n";
    const dir = project({ 'a.js': source, 'b.js': 'process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";\nmodule.exports = {};\n' });
    const r = await cli(dir, ['--fix']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Fixes (minimal): 2 edits applied, 0 rolled back, 0 not applied; checked with a parse check.');
    expect(readFileSync(path.join(dir, 'a.js'), 'utf8')).toBe(source.replace(', rejectUnauthorized: false', ''));
    expect(readFileSync(path.join(dir, 'b.js'), 'utf8')).toBe('module.exports = {};\n');
  });

  it('keeps a byte order mark and CRLF line endings', async () => {
    const source =
      "\uFEFFconst https = require('node:https');\r\nconst agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });\r\nmodule.exports = { agent };\r\n";
    const dir = project({ 'a.js': source });
    expect((await cli(dir, ['--fix'])).code).toBe(0);
    expect(readFileSync(path.join(dir, 'a.js'), 'utf8')).toBe(source.replace(', rejectUnauthorized: false', ''));
  });

  it('factory style applies the factory suggestion (import added)', async () => {
    const dir = project({
      'a.js':
        "const https = require('node:https');\nconst agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });\nmodule.exports = { agent };\n",
    });
    const r = await cli(dir, ['--fix', '--fix-style', 'factory']);
    expect(r.code).toBe(0);
    const text = readFileSync(path.join(dir, 'a.js'), 'utf8');
    expect(text).toContain("require('tlsguard-runtime')");
    expect(text).toContain('secureAgent(');
  });
});

describe('fix helpers', () => {
  const finding = (suggestions: Finding['suggestions']): Finding => ({
    file: '/x.js',
    ruleId: 'tlsguard/no-unverified-certificate',
    message: 'm',
    messageId: 'm',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    severity: 'error',
    suggestions,
  });
  const s = (messageId: string, start: number, end: number, text = ''): Finding['suggestions'][number] => ({
    desc: messageId,
    messageId,
    fix: { range: [start, end], text },
  });

  it('chooses the first suggestion (minimal) or a factory one', () => {
    const f = finding([s('removeOption', 0, 1), s('useFactoryWithCa', 0, 1), s('useFactory', 0, 1)]);
    expect(chooseSuggestion(f, 'minimal')?.messageId).toBe('removeOption');
    expect(chooseSuggestion(f, 'factory')?.messageId).toBe('useFactoryWithCa');
    expect(chooseSuggestion(finding([s('removeOption', 0, 1)]), 'factory')?.messageId).toBe('removeOption');
    expect(chooseSuggestion(finding([]), 'minimal')).toBeUndefined();
  });

  it('applies non-overlapping edits and sets overlapping ones aside', () => {
    const e = (start: number, end: number, text: string): Edit => ({ finding: finding([]), suggestion: s('x', start, end, text) });
    const edits = [e(6, 8, 'Y'), e(0, 2, 'X'), e(1, 3, 'Z'), e(6, 6, 'W')];
    const { kept, overlapping } = nonOverlapping(edits);
    expect(kept.map((k) => k.suggestion.fix.text)).toEqual(['X', 'W']);
    expect(overlapping.map((k) => k.suggestion.fix.text)).toEqual(['Z', 'Y']);
    expect(applyEdits('abcdefghij', [e(0, 2, 'X'), e(6, 8, 'Y')])).toBe('XcdefYij');
    // ESLint's ranges do not count a byte order mark.
    expect(applyEdits('\uFEFFabcdefghij', [e(0, 2, 'X')])).toBe('\uFEFFXcdefghij');
  });
});
