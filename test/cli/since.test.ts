/** `--since <ref>` (issue 13.3): findings on lines changed since the merge base, renames followed. */
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/cli/report.js';
import { parseUnifiedDiff, unquoteGitPath } from '../../src/cli/since.js';
import { cleanup, cli, git, hasGit, INSECURE_JS, initRepo, project } from './helpers.js';

afterAll(cleanup);

const AGENT = (name: string): string => `export const ${name} = new https.Agent({ rejectUnauthorized: false });\n`;
const HEAD = "import https from 'node:https';\n";

async function json(dir: string, argv: readonly string[]): Promise<{ code: number; doc: JsonReport; stderr: string }> {
  const r = await cli(dir, ['--format', 'json', ...argv]);
  return { code: r.code, doc: JSON.parse(r.stdout || '{}') as JsonReport, stderr: r.stderr };
}

const at = (doc: JsonReport): string[] => doc.findings.map((f) => `${f.file}:${f.line}`);

describe.skipIf(!hasGit())('--since', () => {
  it('reports only findings on lines changed since the merge base (committed, uncommitted, untracked), renames followed', async () => {
    const dir = project({ 'old.js': HEAD + AGENT('a'), 'moved.js': HEAD + AGENT('b'), 'edited.js': HEAD + AGENT('c') });
    initRepo(dir);
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'base');
    git(dir, 'checkout', '-q', '-b', 'feature');
    // main moves on after the branch point: its changes are not the branch's.
    git(dir, 'checkout', '-q', 'main');
    writeFileSync(path.join(dir, 'main-only.js'), HEAD + AGENT('m'));
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'main moves on');
    git(dir, 'checkout', '-q', 'feature');
    // On the branch: a rename with one line added, a new line in an edited file, an uncommitted edit, an untracked file.
    renameSync(path.join(dir, 'moved.js'), path.join(dir, 'renamed.js'));
    writeFileSync(path.join(dir, 'renamed.js'), HEAD + AGENT('b') + AGENT('b2'));
    writeFileSync(path.join(dir, 'edited.js'), HEAD + AGENT('c') + '// a comment\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'feature work');
    writeFileSync(path.join(dir, 'old.js'), HEAD + AGENT('a') + AGENT('a2'));
    writeFileSync(path.join(dir, 'untracked.js'), INSECURE_JS);

    const all = await json(dir, []);
    expect(at(all.doc)).toEqual(['edited.js:2', 'old.js:2', 'old.js:3', 'renamed.js:2', 'renamed.js:3', 'untracked.js:2']);
    const r = await json(dir, ['--since', 'main']);
    expect(r.code).toBe(1);
    expect(at(r.doc)).toEqual(['old.js:3', 'renamed.js:3', 'untracked.js:2']);
    // edited.js changed, but not on a finding's line: linted, nothing reported.
    expect(r.doc.summary.filesScanned).toBe(4);
    const base = git(dir, 'merge-base', 'main', 'HEAD').trim();
    expect(r.stderr).toBe(`tlsguard: note: --since main: 4 changed files to lint (merge base ${base.slice(0, 12)})\n`);
    // Nothing changed since HEAD's own commit but the work tree edits.
    expect(at((await json(dir, ['--since', 'HEAD'])).doc)).toEqual(['old.js:3', 'untracked.js:2']);
  });

  it('a finding spanning several lines counts when any of its lines changed', async () => {
    const dir = project({ 'a.js': `${HEAD}export const a = new https.Agent({\n  keepAlive: true,\n  rejectUnauthorized: false,\n});\n` });
    initRepo(dir);
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'base');
    expect(at((await json(dir, ['--since', 'HEAD'])).doc)).toEqual([]);
    writeFileSync(path.join(dir, 'a.js'), `${HEAD}export const a = new https.Agent({\n  keepAlive: false,\n  rejectUnauthorized: false,\n});\n`);
    // keepAlive's line changed; the finding is on the rejectUnauthorized line: not reported.
    expect(at((await json(dir, ['--since', 'HEAD'])).doc)).toEqual([]);
    writeFileSync(path.join(dir, 'a.js'), `${HEAD}export const a = new https.Agent({\n  keepAlive: true,\n  rejectUnauthorized: false, // now\n});\n`);
    expect(at((await json(dir, ['--since', 'HEAD'])).doc)).toEqual(['a.js:4']);
  });

  it('bad input: one line, exit 2', async () => {
    const dir = project({ 'a.js': INSECURE_JS });
    initRepo(dir);
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'base');
    git(dir, 'checkout', '-q', '--orphan', 'unrelated');
    git(dir, 'commit', '-q', '-m', 'unrelated history');
    const outside = project({ 'a.js': INSECURE_JS });
    for (const [cwd, argv, message] of [
      [
        dir,
        ['--since', 'no-such-branch'],
        "tlsguard: --since: 'no-such-branch' is not a commit in this repository (in CI, fetch it: actions/checkout with fetch-depth: 0)\n",
      ],
      [
        dir,
        ['--since', 'main'],
        "tlsguard: --since: 'main' and HEAD have no merge base (a shallow clone? fetch the history: actions/checkout with fetch-depth: 0)\n",
      ],
      [dir, ['--since=--output=x'], "tlsguard: invalid value for --since: '--output=x' (expected a git revision, e.g. origin/main) (see tlsguard --help)\n"],
      [dir, ['--since=', 'a.js'], "tlsguard: invalid value for --since: '' (expected a git revision, e.g. origin/main) (see tlsguard --help)\n"],
      [
        dir,
        ['--since', 'main', '--staged'],
        'tlsguard: --since cannot be combined with --staged (--staged already lints only what is being committed) (see tlsguard --help)\n',
      ],
      [outside, ['--since', 'main'], 'tlsguard: --since needs a git work tree (git rev-parse failed)\n'],
    ] as const) {
      const env = { ...process.env, CI: 'true', GIT_CEILING_DIRECTORIES: path.dirname(outside) };
      const r = await cli(cwd, argv, env);
      expect(r, argv.join(' ')).toMatchObject({ code: 2, stdout: '', stderr: message });
    }
  });
});

describe('diff parsing', () => {
  it('takes added lines per new path; hunk bodies that look like headers are skipped; quoted paths are decoded', () => {
    const diff = [
      'diff --git a/x.js b/x.js',
      'index 1..2 100644',
      '--- a/x.js',
      '+++ b/x.js',
      '@@ -2 +2,2 @@',
      '-old',
      '+++ b/fake.js',
      '+new',
      '@@ -10,0 +12 @@',
      '+added',
      '\\ No newline at end of file',
      'diff --git "a/t\\tb.js" "b/t\\tb.js"',
      '--- "a/t\\tb.js"',
      '+++ "b/t\\tb.js"',
      '@@ -1,3 +0,0 @@',
      '-a',
      '-b',
      '-c',
      'diff --git a/gone.js b/gone.js',
      '--- a/gone.js',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-x',
      'diff --git a/caf\\303\\251.js b/caf\\303\\251.js',
      '--- "a/caf\\303\\251.js"',
      '+++ "b/caf\\303\\251.js"',
      '@@ -0,0 +1 @@',
      '+y',
      '',
    ].join('\n');
    const parsed = parseUnifiedDiff(diff);
    expect([...parsed].map(([file, lines]) => [file, [...lines]])).toEqual([
      ['x.js', [2, 3, 12]],
      ['t\tb.js', []],
      ['café.js', [1]],
    ]);
    expect(unquoteGitPath('"a\\"b\\\\c"')).toBe('a"b\\c');
    expect(unquoteGitPath('plain name.js')).toBe('plain name.js');
  });
});
