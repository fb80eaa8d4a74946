/**
 * Baseline adoption (issue 13.2): ESLint's bulk suppressions with the same flags, file and
 * semantics, checked against ESLint's own implementation (its `SuppressionsService`, which ESLint
 * does not export, is loaded from its file here) and against ESLint reading the file tlsguard wrote.
 */
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ESLint } from 'eslint';
import type * as Sarif from 'sarif';
import { afterAll, describe, expect, it } from 'vitest';
import { buildConfig, type LintSpec } from '../../src/cli/eslint-options.js';
import type { JsonReport } from '../../src/cli/report.js';
import { serializeSuppressions, suppressionsFilePath } from '../../src/cli/suppressions.js';
import { CLEAN_JS, cleanup, cli, INSECURE_JS, project, repoRoot } from './helpers.js';

afterAll(cleanup);

const RULE = 'tlsguard/no-unverified-certificate';
const ENV_RULE = 'tlsguard/no-insecure-tls-env';
const ENV_JS = "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\n";
const TWO_AGENTS = `${INSECURE_JS}const second = new https.Agent({ rejectUnauthorized: false });\n`;

const requireEslint = createRequire(path.join(repoRoot, 'node_modules/eslint/package.json'));
interface EslintSuppressionsService {
  suppress(results: ESLint.LintResult[], rules?: string[]): Promise<void>;
  save(data: unknown): Promise<void>;
  load(): Promise<unknown>;
}
const { SuppressionsService } = requireEslint('./lib/services/suppressions-service.js') as {
  SuppressionsService: new (options: { filePath: string; cwd: string }) => EslintSuppressionsService;
};
const { getCacheFile } = requireEslint('./lib/eslint/eslint-helpers.js') as { getCacheFile(file: string, cwd: string, options: { prefix: string }): string };

const spec = (cwd: string): LintSpec => ({
  cwd,
  config: 'recommended',
  profile: undefined,
  typedFiles: [],
  cache: false,
  cacheLocation: undefined,
  concurrency: 'off',
});

async function json(dir: string, argv: readonly string[] = []): Promise<{ code: number; doc: JsonReport; stderr: string }> {
  const r = await cli(dir, ['--format', 'json', ...argv]);
  return { code: r.code, doc: JSON.parse(r.stdout || '{}') as JsonReport, stderr: r.stderr };
}

const read = (dir: string, name = 'eslint-suppressions.json'): string => readFileSync(path.join(dir, name), 'utf8');

describe('the adoption path', () => {
  it("--suppress-all writes ESLint's file; a plain run then exits 0; a new finding fails and is the only one reported", async () => {
    const dir = project({ 'src/a.js': TWO_AGENTS, 'src/env.js': ENV_JS, 'src/clean.js': CLEAN_JS });
    const first = await json(dir, ['--suppress-all']);
    expect(first.code).toBe(0);
    expect(read(dir)).toBe(
      `{\n  "src/a.js": {\n    "${RULE}": {\n      "count": 2\n    }\n  },\n  "src/env.js": {\n    "${ENV_RULE}": {\n      "count": 1\n    }\n  }\n}`,
    );
    expect(first.doc.summary).toMatchObject({ findings: 0, suppressed: 3 });

    const plain = await json(dir);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toBe('');
    expect(plain.doc.findings).toEqual([]);
    expect(plain.doc.suppressed.map((f) => [f.file, f.line, f.ruleId, f.suppressions])).toEqual([
      ['src/a.js', 2, RULE, [{ kind: 'external' }]],
      ['src/a.js', 4, RULE, [{ kind: 'external' }]],
      ['src/env.js', 1, ENV_RULE, [{ kind: 'external' }]],
    ]);
    expect((await cli(dir, [])).stdout).toBe('tlsguard: no findings in 3 files, 3 suppressed.\n');

    // A new finding in another file: the only one reported.
    writeFileSync(path.join(dir, 'src/new.js'), INSECURE_JS);
    const after = await json(dir);
    expect(after.code).toBe(1);
    expect(after.doc.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['src/new.js:2']);
    expect(after.doc.summary).toMatchObject({ findings: 1, suppressed: 3 });

    // One more of a suppressed rule in a suppressed file: more than the count, so all of them count again (ESLint's semantics).
    writeFileSync(path.join(dir, 'src/a.js'), `${TWO_AGENTS}const third = new https.Agent({ rejectUnauthorized: false });\n`);
    const more = await json(dir);
    expect(more.doc.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['src/a.js:2', 'src/a.js:4', 'src/a.js:5', 'src/new.js:2']);
  });

  it('the ratchet: a fixed finding leaves an unused suppression (exit 2) until --prune-suppressions lowers the count', async () => {
    const dir = project({ 'a.js': TWO_AGENTS, 'gone.js': INSECURE_JS });
    expect((await cli(dir, ['--suppress-all'])).code).toBe(0);
    writeFileSync(path.join(dir, 'a.js'), INSECURE_JS);
    rmSync(path.join(dir, 'gone.js'));
    const unused = await cli(dir, []);
    expect(unused.code).toBe(2);
    expect(unused.stderr).toBe(
      'tlsguard: there are suppressions left that do not occur anymore (1 in 1 file of eslint-suppressions.json). Re-run with --prune-suppressions to remove them, or use --pass-on-unpruned-suppressions to ignore them.\n',
    );
    expect((await cli(dir, ['--pass-on-unpruned-suppressions'])).code).toBe(0);
    const pruned = await cli(dir, ['--prune-suppressions']);
    expect(pruned.code).toBe(0);
    // The count went down to 1, and the deleted file is gone from the file.
    expect(JSON.parse(read(dir))).toEqual({ 'a.js': { [RULE]: { count: 1 } } });
    expect((await cli(dir, [])).code).toBe(0);
  });

  it("--suppress-rule suppresses one rule; ESLint's flag combinations are refused", async () => {
    const dir = project({ 'a.js': INSECURE_JS, 'env.js': ENV_JS });
    const r = await json(dir, ['--suppress-rule', ENV_RULE]);
    expect(r.code).toBe(1);
    expect(r.doc.findings.map((f) => f.ruleId)).toEqual([RULE]);
    expect(JSON.parse(read(dir))).toEqual({ 'env.js': { [ENV_RULE]: { count: 1 } } });
    for (const [argv, message] of [
      [
        ['--suppress-all', '--suppress-rule', RULE],
        'tlsguard: The --suppress-all option and the --suppress-rule option cannot be used together. (see tlsguard --help)\n',
      ],
      [
        ['--suppress-all', '--prune-suppressions'],
        'tlsguard: The --suppress-all option and the --prune-suppressions option cannot be used together. (see tlsguard --help)\n',
      ],
      [
        ['--suppress-rule', RULE, '--prune-suppressions'],
        'tlsguard: The --suppress-rule option and the --prune-suppressions option cannot be used together. (see tlsguard --help)\n',
      ],
      [
        ['--suppress-rule', 'no-unverified-certificate'],
        "tlsguard: --suppress-rule: unknown rule 'no-unverified-certificate' (did you mean tlsguard/no-unverified-certificate?)\n",
      ],
      [['--suppress-rule', 'semi'], "tlsguard: --suppress-rule: unknown rule 'semi' (tlsguard rules are named tlsguard/<rule>; see docs/cli.md)\n"],
      [
        ['--staged', '--suppress-all'],
        expect.stringMatching(/^tlsguard: --suppress-all, --suppress-rule and --prune-suppressions cannot be used with --staged .*\n$/),
      ],
      [['--suppressions-location', ''], 'tlsguard: --suppressions-location needs a path (see tlsguard --help)\n'],
    ] as const) {
      const bad = await cli(dir, argv);
      expect(bad, argv.join(' ')).toMatchObject({ code: 2, stdout: '', stderr: message });
    }
  });

  it('warnings are neither counted nor suppressed (ESLint counts errors only)', async () => {
    const dir = project({ 'a.js': INSECURE_JS });
    const r = await json(dir, ['--suppress-all', '--rule', `${RULE}: warn`]);
    expect(r.code).toBe(0);
    expect(JSON.parse(read(dir))).toEqual({});
    expect(r.doc.findings.map((f) => f.severity)).toEqual(['warning']);
  });
});

describe('one file shared with ESLint', () => {
  it('ESLint reads the file tlsguard wrote (applySuppressions) and suppresses the same messages', async () => {
    const dir = project({ 'a.js': TWO_AGENTS, 'b.js': CLEAN_JS });
    await cli(dir, ['--suppress-all']);
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: buildConfig(spec(dir)), applySuppressions: true });
    const [a] = await eslint.lintFiles([path.join(dir, 'a.js')]);
    expect(a!.errorCount).toBe(0);
    expect(a!.suppressedMessages.map((m) => [m.ruleId, m.line, m.suppressions])).toEqual([
      [RULE, 2, [{ kind: 'file', justification: '' }]],
      [RULE, 4, [{ kind: 'file', justification: '' }]],
    ]);
  });

  it("tlsguard reads the file ESLint wrote (SuppressionsService.suppress), and leaves other rules' entries alone", async () => {
    const dir = project({ 'a.js': TWO_AGENTS, 'b.js': ENV_JS });
    const results = await new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: buildConfig(spec(dir)) }).lintFiles([
      path.join(dir, 'a.js'),
      path.join(dir, 'b.js'),
    ]);
    const service = new SuppressionsService({ filePath: path.join(dir, 'eslint-suppressions.json'), cwd: dir });
    await service.suppress(results);
    // Entries of the project's other ESLint rules, as `eslint --suppress-all` with its full config writes them.
    const data = {
      ...((await service.load()) as Record<string, unknown>),
      'a.js': { ...((await service.load()) as Record<string, Record<string, unknown>>)['a.js'], 'no-unused-vars': { count: 3 } },
      'lib/other.js': { 'no-console': { count: 1 } },
    };
    await service.save(data);
    const before = read(dir);
    const r = await json(dir);
    expect(r.code).toBe(0);
    expect(r.doc.summary.suppressed).toBe(3);
    // No "unused" error for no-unused-vars; pruning and suppressing keep the other rules' entries.
    expect((await cli(dir, ['--prune-suppressions'])).code).toBe(0);
    expect((await cli(dir, ['--suppress-all'])).code).toBe(0);
    expect(read(dir)).toBe(before);
  });

  it('writes byte for byte what ESLint writes (sorted keys, two spaces, no final newline)', async () => {
    const dir = project({});
    const data = {
      'src/z.js': { 'tlsguard/b': { count: 2 }, 'tlsguard/a': { count: 1 } },
      '10.js': { r: { count: 1 } },
      '2.js': { r: { count: 7 } },
      'dir/a b é.ts': { 'tlsguard/x': { count: 3, note: 'kept' } },
      'A.js': {},
    };
    await new SuppressionsService({ filePath: path.join(dir, 'eslint.json'), cwd: dir }).save(data);
    expect(serializeSuppressions(data)).toBe(read(dir, 'eslint.json'));
    await new SuppressionsService({ filePath: path.join(dir, 'empty.json'), cwd: dir }).save({});
    expect(serializeSuppressions({})).toBe(read(dir, 'empty.json'));
  });

  it('--suppressions-location resolves as ESLint resolves it (a directory gets suppressions_<hash>)', async () => {
    const dir = project({ 'a.js': INSECURE_JS });
    mkdirSync(path.join(dir, 'baseline'));
    for (const location of ['custom.json', 'baseline', 'later/', undefined]) {
      expect(suppressionsFilePath(location, dir), String(location)).toBe(
        getCacheFile(location ?? 'eslint-suppressions.json', dir, { prefix: 'suppressions_' }),
      );
    }
    expect(path.basename(suppressionsFilePath('baseline', dir))).toMatch(/^suppressions_[0-9a-z]+$/);
    const missing = await cli(dir, ['--suppressions-location', 'custom.json']);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toBe('tlsguard: the suppressions file custom.json does not exist; run with --suppress-all or --suppress-rule to create it\n');
    expect((await cli(dir, ['--suppressions-location', 'baseline', '--suppress-all'])).code).toBe(0);
    expect((await cli(dir, ['--suppressions-location', 'baseline'])).code).toBe(0);
    // The default file was not touched.
    expect((await cli(dir, [])).code).toBe(1);
  });
});

describe('a corrupt or foreign suppressions file', () => {
  it.each([
    [
      'not JSON',
      '{ "a.js": ',
      /^tlsguard: the suppressions file eslint-suppressions\.json is not valid JSON \(.*\); expected an ESLint suppressions file: .*\n$/,
    ],
    ['empty', '', /^tlsguard: the suppressions file eslint-suppressions\.json is not valid JSON/],
    ['an array', '[]', /^tlsguard: the suppressions file eslint-suppressions\.json is not an object; expected an ESLint suppressions file/],
    [
      'a package.json',
      '{ "name": "app", "version": "1.0.0" }',
      /^tlsguard: the suppressions file eslint-suppressions\.json has "name": "app", not rule counts; /,
    ],
    [
      'a count that is a string',
      `{ "a.js": { "${RULE}": { "count": "all" } } }`,
      /^tlsguard: the suppressions file eslint-suppressions\.json has an invalid count for "tlsguard\/no-unverified-certificate" in "a\.js"; /,
    ],
    ['a missing count', `{ "a.js": { "${RULE}": true } }`, /has an invalid count for/],
  ])('%s: exit 2 with one clear line, nothing suppressed', async (_name, text, message) => {
    const dir = project({ 'a.js': INSECURE_JS, 'eslint-suppressions.json': text });
    const r = await cli(dir, []);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    // --suppress-all does not overwrite it either.
    expect((await cli(dir, ['--suppress-all'])).code).toBe(2);
    expect(read(dir)).toBe(text);
  });
});

describe('suppressed findings in the reports', () => {
  it('inline eslint-disable comments are kind inSource (with the justification), the file kind external', async () => {
    const dir = project({
      'a.js': `const https = require('node:https');\n// eslint-disable-next-line ${RULE} -- test server with a self-signed certificate\nexport const agent = new https.Agent({ rejectUnauthorized: false });\n`,
      'b.js': INSECURE_JS,
    });
    await cli(dir, ['--suppress-all']);
    const doc = (await json(dir)).doc;
    expect(doc.summary).toMatchObject({ findings: 0, suppressed: 2 });
    expect(doc.suppressed.map((f) => [f.file, f.suppressions])).toEqual([
      ['a.js', [{ kind: 'inSource', justification: 'test server with a self-signed certificate' }]],
      ['b.js', [{ kind: 'external' }]],
    ]);
    const sarif = JSON.parse((await cli(dir, ['--format', 'sarif'])).stdout) as Sarif.Log;
    expect(sarif.runs[0]!.results!.map((r) => [r.locations![0]!.physicalLocation!.artifactLocation!.uri, r.suppressions])).toEqual([
      ['a.js', [{ kind: 'inSource', status: 'accepted', justification: 'test server with a self-signed certificate' }]],
      ['b.js', [{ kind: 'external', status: 'accepted' }]],
    ]);
    // The inline one was never in the suppressions file.
    expect(JSON.parse(read(dir))).toEqual({ 'b.js': { [RULE]: { count: 1 } } });
  });
});
