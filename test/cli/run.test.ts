/** In-process tests of `run()`: exit codes, formats, --output, file selection, types, --shard, bad arguments. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/cli/report.js';
import { CLEAN_JS, cleanup, cli, initRepo, INSECURE_JS, INSECURE_TS, project, tsconfig } from './helpers.js';

afterAll(cleanup);

const RULE = 'tlsguard/no-unverified-certificate';

describe('exit codes', () => {
  it('0 on a clean project, 1 with findings', async () => {
    const clean = project({ 'a.js': CLEAN_JS });
    const r0 = await cli(clean, []);
    expect(r0).toMatchObject({ code: 0, stderr: '' });
    expect(r0.stdout).toContain('no findings in 1 file');
    const dirty = project({ 'a.js': CLEAN_JS, 'lib/b.cjs': INSECURE_JS });
    const r1 = await cli(dirty, []);
    expect(r1.code).toBe(1);
    expect(r1.stdout).toContain(`lib/b.cjs:2:50  ${RULE}`);
  });

  it.each([
    [['--bogus'], /^tlsguard: Unknown option '--bogus'/],
    [['--format', 'xml'], /^tlsguard: invalid value for --format: 'xml'/],
    [['--shard', '0/2'], /^tlsguard: invalid value for --shard/],
    [['--shard', '3/2'], /^tlsguard: invalid value for --shard/],
    [['--shard', 'x'], /^tlsguard: invalid value for --shard/],
    [['--concurrency', 'many'], /^tlsguard: invalid value for --concurrency/],
    [['--profile', 'old'], /^tlsguard: invalid value for --profile/],
    [['--fix-style', 'factory'], /^tlsguard: --fix-style needs --fix/],
    [['--fix', '--staged'], /^tlsguard: --fix cannot be combined with --staged/],
    [['--output'], /^tlsguard: Option '-o, --output <value>' argument missing/],
    [['missing-dir'], /^tlsguard: no such file or directory: missing-dir/],
    [['--output', 'a.js/report.json'], /^tlsguard: cannot write --output a\.js\/report\.json: /],
  ])('2 with a one-line message for %j', async (argv, message) => {
    const dir = project({ 'a.js': INSECURE_JS });
    const r = await cli(dir, argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('2 for an invalid tsconfig (a configuration error), which --no-types avoids', async () => {
    const dir = project({ 'tsconfig.json': '{ "compilerOptions": { "target": "nope" } }', 'src/a.ts': INSECURE_TS });
    const r = await cli(dir, []);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tlsguard: invalid config .*tsconfig\.json:1:\d+: .*--no-types/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect((await cli(dir, ['--no-types'])).code).toBe(1);
  });

  it('1 for a file that does not parse, reported as a parse error', async () => {
    const dir = project({ 'a.js': 'const x = {;\n' });
    const r = await cli(dir, []);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/a\.js:1:\d+ {2}parse error/);
  });

  it('--help and --version exit 0', async () => {
    const dir = project({});
    const help = await cli(dir, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: tlsguard');
    const version = await cli(dir, ['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^tlsguard \d+\.\d+\.\d+/);
  });
});

describe('formats and --output', () => {
  it('text: file:line:col, rule, message and the suggested fixes in words', async () => {
    const dir = project({ 'src/a.js': INSECURE_JS });
    const r = await cli(dir, ['--format', 'text']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^src\/a\.js:2:50 {2}tlsguard\/no-unverified-certificate {2}`rejectUnauthorized: false` turns off/);
    expect(lines[1]).toBe('    fix: Remove `rejectUnauthorized: false` (verification is on by default).');
    expect(r.stdout).toMatch(/tlsguard: 1 finding in 1 file \(1 scanned\)\.\n$/);
  });

  it('json: the documented shape', async () => {
    const dir = project({ 'src/a.js': INSECURE_JS, 'src/b.js': CLEAN_JS });
    const r = await cli(dir, ['--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as JsonReport;
    expect(doc.schemaVersion).toBe(1);
    expect(doc.tool.name).toBe('tlsguard');
    expect(doc.root).toBe(dir);
    expect(doc.summary).toEqual({ filesScanned: 2, findings: 1, parseErrors: 0, suppressed: 0, fileErrors: 0 });
    expect(doc.findings[0]).toMatchObject({
      file: 'src/a.js',
      line: 2,
      column: 50,
      endLine: 2,
      endColumn: 75,
      ruleId: RULE,
      severity: 'error',
      cwe: ['CWE-295'],
      helpUri: expect.stringMatching(/rules\/no-unverified-certificate\.md$/),
    });
    expect(doc.findings[0]!.suggestions[0]).toEqual({
      description: 'Remove `rejectUnauthorized: false` (verification is on by default).',
      messageId: 'removeOption',
    });
    expect(doc.parseErrors).toEqual([]);
    expect(doc).not.toHaveProperty('fix');
  });

  it('--output writes the report to a file; stdout stays empty; the summary counts files with findings and files scanned', async () => {
    const dir = project({ 'a.js': INSECURE_JS, 'b.js': INSECURE_JS, 'c.js': CLEAN_JS });
    const r = await cli(dir, ['--format', 'sarif', '--output', 'reports/tlsguard.sarif']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('tlsguard: 2 findings in 2 files (3 scanned); sarif report written to reports/tlsguard.sarif\n');
    const sarif = JSON.parse(readFileSync(path.join(dir, 'reports/tlsguard.sarif'), 'utf8')) as { version: string };
    expect(sarif.version).toBe('2.1.0');
  });
});

describe('file selection', () => {
  it('lints the JS/TS extensions, skips node_modules, dist, .d.ts and other files', async () => {
    const dir = project({
      'a.js': INSECURE_JS,
      'b.cjs': INSECURE_JS,
      'c.mjs': INSECURE_JS,
      'd.jsx': INSECURE_JS,
      'e.ts': INSECURE_JS,
      'f.cts': INSECURE_JS,
      'g.mts': INSECURE_JS,
      'h.tsx': INSECURE_JS,
      'types.d.ts': 'export declare const x: number;\n',
      'notes.md': INSECURE_JS,
      'node_modules/dep/index.js': INSECURE_JS,
      'dist/out.js': INSECURE_JS,
      'packages/p/dist/out.js': INSECURE_JS,
    });
    const doc = JSON.parse((await cli(dir, ['--format', 'json'])).stdout) as JsonReport;
    expect(doc.findings.map((f) => f.file)).toEqual(['a.js', 'b.cjs', 'c.mjs', 'd.jsx', 'e.ts', 'f.cts', 'g.mts', 'h.tsx']);
    expect(doc.summary.filesScanned).toBe(8);
  });

  it('respects .gitignore files (nested, negated, directory patterns)', async () => {
    const dir = project({
      '.gitignore': 'generated/\n*.gen.js\n!keep.gen.js\n/build\n',
      'generated/x.js': INSECURE_JS,
      'src/y.gen.js': INSECURE_JS,
      'src/keep.gen.js': INSECURE_JS,
      'build/z.js': INSECURE_JS,
      'src/build/kept.js': INSECURE_JS,
      'src/sub/.gitignore': 'local.js\n',
      'src/sub/local.js': INSECURE_JS,
      'src/sub/other.js': INSECURE_JS,
    });
    initRepo(dir);
    const doc = JSON.parse((await cli(dir, ['--format', 'json'])).stdout) as JsonReport;
    expect(doc.findings.map((f) => f.file)).toEqual(['src/build/kept.js', 'src/keep.gen.js', 'src/sub/other.js']);
    // An explicitly named ignored path is scanned all the same, with a one-line note.
    const explicit = await cli(dir, ['--format', 'json', 'src/y.gen.js', 'build']);
    expect(explicit.code).toBe(1);
    expect((JSON.parse(explicit.stdout) as JsonReport).findings.map((f) => f.file)).toEqual(['build/z.js', 'src/y.gen.js']);
    expect(explicit.stderr).toBe('tlsguard: note: scanned although ignored (.gitignore, node_modules or dist): src/y.gen.js, build\n');
  });

  it('ignores the project own ESLint config and leaves it untouched', async () => {
    const broken = 'throw new Error("the project config must not be loaded");\n';
    const dir = project({ 'eslint.config.js': broken, '.eslintrc.json': '{ "rules": { "no-undef": "error" } }', 'a.js': INSECURE_JS });
    const r = await cli(dir, ['--format', 'json']);
    expect(r.code).toBe(1);
    // eslint.config.js itself is a JS file of the project and is linted, not loaded.
    expect((JSON.parse(r.stdout) as JsonReport).findings.map((f) => f.ruleId)).toEqual([RULE]);
    expect(readFileSync(path.join(dir, 'eslint.config.js'), 'utf8')).toBe(broken);
  });

  it('--shard i/n: disjoint slices of the sorted file list that cover every file', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 7; i++) files[`src/f${i}.js`] = INSECURE_JS;
    const dir = project(files);
    const seen: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const doc = JSON.parse((await cli(dir, ['--format', 'json', '--shard', `${i}/3`])).stdout) as JsonReport;
      seen.push(...doc.findings.map((f) => f.file));
    }
    expect(seen.sort()).toEqual(Object.keys(files).sort());
    const first = JSON.parse((await cli(dir, ['--format', 'json', '--shard', '1/3'])).stdout) as JsonReport;
    expect(first.findings.map((f) => f.file)).toEqual(['src/f0.js', 'src/f3.js', 'src/f6.js']);
  });
});

describe('policy and type information', () => {
  it('is type-aware when a tsconfig covers the files: a constant from another module resolves; --no-types skips it', async () => {
    const dir = project({
      'package.json': '{ "type": "module" }',
      'tsconfig.json': tsconfig(),
      'src/flags.ts': 'export const VERIFY = false;\n',
      'src/client.ts':
        "import https from 'node:https';\nimport { VERIFY } from './flags.js';\nexport const agent = new https.Agent({ rejectUnauthorized: VERIFY });\n",
      'scripts/tool.js': INSECURE_JS,
    });
    const typed = JSON.parse((await cli(dir, ['--format', 'json'])).stdout) as JsonReport;
    expect(typed.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['scripts/tool.js:2', 'src/client.ts:3']);
    const untyped = JSON.parse((await cli(dir, ['--format', 'json', '--no-types'])).stdout) as JsonReport;
    expect(untyped.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['scripts/tool.js:2']);
  });

  it('--strict and --profile select the config and settings', async () => {
    const dir = project({ 'a.js': INSECURE_JS });
    for (const argv of [['--strict'], ['--profile', 'modern'], ['--strict', '--profile', 'intermediate']]) {
      const r = await cli(dir, ['--format', 'json', ...argv]);
      expect(r.code, argv.join(' ')).toBe(1);
    }
  });

  it('--cache writes a cache file and gives the same result from it', async () => {
    const dir = project({ 'a.js': INSECURE_JS });
    const first = await cli(dir, ['--cache', '--format', 'json']);
    expect(existsSync(path.join(dir, '.tlsguard-cache'))).toBe(true);
    const second = await cli(dir, ['--cache', '--format', 'json']);
    expect(second.stdout).toBe(first.stdout);
    await cli(dir, ['--cache-location', 'tmp/cache.json']);
    expect(existsSync(path.join(dir, 'tmp/cache.json'))).toBe(true);
  });
});

describe('progress', () => {
  it('draws on stderr only for a TTY outside CI', async () => {
    const dir = project({ 'a.js': CLEAN_JS });
    const tty = await cli(dir, [], {}, true);
    expect(tty.stderr).toContain('tlsguard: linting');
    const ci = await cli(dir, [], { CI: 'true' }, true);
    expect(ci.stderr).toBe('');
    const pipe = await cli(dir, [], {}, false);
    expect(pipe.stderr).toBe('');
  });
});
