/** `--staged`: only files staged in git, linted as staged (the index), not as in the working tree. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/cli/report.js';
import { CLEAN_JS, cleanup, cli, git, hasGit, INSECURE_JS, initRepo, project, tsconfig } from './helpers.js';

afterAll(cleanup);

describe.skipIf(!hasGit())('--staged', () => {
  it('lints the staged content of staged files only', async () => {
    const dir = project({ 'committed.js': INSECURE_JS, 'a.js': CLEAN_JS, 'b.js': CLEAN_JS, 'notes.txt': 'x\n' });
    initRepo(dir);
    git(dir, 'add', 'committed.js');
    git(dir, 'commit', '-q', '-m', 'old insecure code, not part of this commit');

    // Nothing staged: nothing to lint.
    expect((await cli(dir, ['--staged'])).code).toBe(0);

    // a.js staged insecure, then cleaned in the working tree only: the staged text is what counts.
    writeFileSync(path.join(dir, 'a.js'), INSECURE_JS);
    git(dir, 'add', 'a.js', 'notes.txt');
    writeFileSync(path.join(dir, 'a.js'), CLEAN_JS);
    // b.js insecure in the working tree but staged clean.
    git(dir, 'add', 'b.js');
    writeFileSync(path.join(dir, 'b.js'), INSECURE_JS);

    const r = await cli(dir, ['--staged', '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as JsonReport;
    expect(doc.summary.filesScanned).toBe(2);
    expect(doc.findings.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual(['a.js:2:50']);

    // Paths narrow the staged set.
    expect((await cli(dir, ['--staged', 'b.js'])).code).toBe(0);
    expect((await cli(dir, ['--staged', 'a.js'])).code).toBe(1);
  });

  it('from a subdirectory: the staged files under it, paths relative to it', async () => {
    const dir = project({ 'pkg/src/a.ts': INSECURE_JS, 'other/b.js': INSECURE_JS });
    initRepo(dir);
    git(dir, 'add', '.');
    const r = await cli(path.join(dir, 'pkg'), ['--staged']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^src\/a\.ts:2:50 /);
    expect(r.stdout).not.toContain('b.js');
  });

  it('is type-aware on staged TypeScript: a staged constant from another module resolves', async () => {
    const dir = project({
      'package.json': '{ "type": "module" }',
      'tsconfig.json': tsconfig(),
      'src/flags.ts': 'export const VERIFY = false;\n',
      'src/client.ts':
        "import https from 'node:https';\nimport { VERIFY } from './flags.js';\nexport const agent = new https.Agent({ rejectUnauthorized: VERIFY });\n",
    });
    initRepo(dir);
    git(dir, 'add', '.');
    const r = await cli(dir, ['--staged', '--format', 'json']);
    expect((JSON.parse(r.stdout) as JsonReport).findings.map((f) => `${f.file}:${f.line}`)).toEqual(['src/client.ts:3']);
    expect(r.code).toBe(1);
  }, 60_000);

  it('exits 2 outside a git work tree', async () => {
    const dir = project({ 'a.js': CLEAN_JS });
    const r = await cli(dir, ['--staged'], { ...process.env, CI: 'true', GIT_CEILING_DIRECTORIES: path.dirname(dir) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('tlsguard: --staged needs a git work tree (git rev-parse failed)\n');
  });
});
