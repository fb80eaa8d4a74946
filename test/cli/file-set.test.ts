/**
 * The CLI's file set in real git repositories (issue 13.1) and paths outside the working directory
 * (issue 17.11): tracked files under ignored directories, core.excludesFile, named paths, nested
 * repositories, the walker outside git, and the `keep` predicate other file types plug into.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectFiles, toPosixRelative } from '../../src/cli/files.js';
import type { JsonReport } from '../../src/cli/report.js';
import { CLEAN_JS, cleanup, cli, git, hasGit, INSECURE_JS, initRepo, project } from './helpers.js';

afterAll(cleanup);

/** An environment whose git reads no user or system config but the one in `home`. */
function hermetic(home: string, extra: Record<string, string> = {}): Record<string, string | undefined> {
  return {
    ...process.env,
    CI: 'true',
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: undefined,
    ...extra,
  };
}

async function scanJson(
  dir: string,
  argv: readonly string[],
  env?: Record<string, string | undefined>,
): Promise<{ code: number; doc: JsonReport; stderr: string }> {
  const r = await cli(dir, ['--format', 'json', ...argv], env);
  return { code: r.code, doc: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
}

const filesOf = (doc: JsonReport): string[] => doc.findings.map((f) => f.file);

describe.skipIf(!hasGit())('the git file set', () => {
  it('scans a tracked file under an ignored folder (git add -f), not its untracked neighbours', async () => {
    const home = project({});
    const dir = project({ '.gitignore': 'config/\n', 'config/prod.js': INSECURE_JS, 'config/local.js': INSECURE_JS, 'src/a.js': CLEAN_JS });
    initRepo(dir);
    git(dir, 'add', '-f', 'config/prod.js');
    const all = await scanJson(dir, [], hermetic(home));
    expect(all.code).toBe(1);
    expect(filesOf(all.doc)).toEqual(['config/prod.js']);
    expect(all.doc.summary.filesScanned).toBe(2);
    expect(all.stderr).toBe('');
    // Named: scanned, and no note, since git does not ignore a tracked file.
    const named = await scanJson(dir, ['config/prod.js'], hermetic(home));
    expect(named.code).toBe(1);
    expect(filesOf(named.doc)).toEqual(['config/prod.js']);
    expect(named.stderr).toBe('');
  });

  it('does not scan an untracked file that core.excludesFile ignores; a tracked one it scans', async () => {
    const home = project({ 'global-ignore': 'secret-*.js\n' });
    writeFileSync(path.join(home, '.gitconfig'), `[core]\n\texcludesFile = ${path.join(home, 'global-ignore')}\n`);
    const dir = project({ 'secret-a.js': INSECURE_JS, 'secret-b.js': INSECURE_JS, 'app.js': INSECURE_JS });
    initRepo(dir);
    git(dir, 'add', '-f', 'secret-b.js');
    const r = await scanJson(dir, [], hermetic(home));
    expect(filesOf(r.doc)).toEqual(['app.js', 'secret-b.js']);
    // The default global ignore file ($XDG_CONFIG_HOME/git/ignore) counts too.
    const xdgHome = project({ '.config/git/ignore': 'app.js\n' });
    expect(filesOf((await scanJson(dir, [], hermetic(xdgHome))).doc)).toEqual(['secret-a.js', 'secret-b.js']);
  });

  it('always scans a named path, with a one-line note when git ignores it; an ignored named directory is scanned whole', async () => {
    const home = project({});
    const dir = project({
      '.gitignore': 'build/\n*.gen.js\n',
      'build/out.js': INSECURE_JS,
      'build/deep/more.js': INSECURE_JS,
      'src/x.gen.js': INSECURE_JS,
      'src/ok.js': CLEAN_JS,
    });
    initRepo(dir);
    expect(filesOf((await scanJson(dir, [], hermetic(home))).doc)).toEqual([]);
    const r = await scanJson(dir, ['src/x.gen.js', 'build'], hermetic(home));
    expect(r.code).toBe(1);
    expect(filesOf(r.doc)).toEqual(['build/deep/more.js', 'build/out.js', 'src/x.gen.js']);
    expect(r.stderr).toBe('tlsguard: note: scanned although ignored (.gitignore, node_modules or dist): src/x.gen.js, build\n');
  });

  it('skips node_modules and dist (tracked or not) unless named; names a non-JS file it was given', async () => {
    const home = project({});
    const dir = project({ 'node_modules/dep/index.js': INSECURE_JS, 'dist/bundle.js': INSECURE_JS, 'README.md': '# x\n', 'a.js': CLEAN_JS });
    initRepo(dir);
    git(dir, 'add', '-f', '.');
    expect(filesOf((await scanJson(dir, [], hermetic(home))).doc)).toEqual([]);
    const r = await scanJson(dir, ['node_modules/dep/index.js', 'dist', 'README.md'], hermetic(home));
    expect(filesOf(r.doc)).toEqual(['dist/bundle.js', 'node_modules/dep/index.js']);
    expect(r.stderr.split('\n')).toEqual([
      'tlsguard: note: scanned although ignored (.gitignore, node_modules or dist): node_modules/dep/index.js, dist',
      'tlsguard: note: not scanned, not a JavaScript or TypeScript file: README.md',
      '',
    ]);
  });

  it('lists a nested repository with its own index and ignore rules; a tracked file deleted from the work tree is no error', async () => {
    const home = project({});
    const dir = project({
      'top.js': INSECURE_JS,
      'gone.js': CLEAN_JS,
      'vendor/lib/.gitignore': 'gen/\n',
      'vendor/lib/gen/x.js': INSECURE_JS,
      'vendor/lib/main.js': INSECURE_JS,
    });
    initRepo(path.join(dir, 'vendor/lib'));
    git(path.join(dir, 'vendor/lib'), 'add', 'main.js');
    initRepo(dir);
    git(dir, 'add', 'gone.js');
    rmSync(path.join(dir, 'gone.js'));
    const r = await scanJson(dir, [], hermetic(home));
    expect(filesOf(r.doc)).toEqual(['top.js', 'vendor/lib/main.js']);
    git(path.join(dir, 'vendor/lib'), 'add', '-f', 'gen/x.js');
    expect(filesOf((await scanJson(dir, [], hermetic(home))).doc)).toEqual(['top.js', 'vendor/lib/gen/x.js', 'vendor/lib/main.js']);
    expect(r.doc.fileErrors).toEqual([]);
    expect(r.code).toBe(1);
    // In a git hook, GIT_DIR and GIT_INDEX_FILE name the outer repository: the nested one is still listed by its own.
    const hook = await scanJson(dir, [], hermetic(home, { GIT_DIR: path.join(dir, '.git'), GIT_INDEX_FILE: path.join(dir, '.git/index') }));
    expect(filesOf(hook.doc)).toEqual(['top.js', 'vendor/lib/gen/x.js', 'vendor/lib/main.js']);
  });

  it('falls back to the walker, with a note, when git cannot list a work tree', async () => {
    const dir = project({ '.git/HEAD': 'not a repository\n', '.gitignore': 'skip.js\n', 'a.js': INSECURE_JS, 'skip.js': INSECURE_JS });
    const r = await scanJson(dir, [], hermetic(project({})));
    expect(filesOf(r.doc)).toEqual(['a.js']);
    expect(r.stderr).toMatch(/^tlsguard: note: git cannot list .*; its files were found by walking it with its \.gitignore files\n$/);
  });
});

describe('outside git', () => {
  it('walks with .gitignore semantics and still scans a named ignored file', async () => {
    const dir = project({ '.gitignore': 'gen/\n', 'gen/x.js': INSECURE_JS, 'a.js': CLEAN_JS });
    const env = { ...process.env, CI: 'true', GIT_CEILING_DIRECTORIES: path.dirname(dir) };
    expect(filesOf((await scanJson(dir, [], env)).doc)).toEqual([]);
    const r = await scanJson(dir, ['gen/x.js'], env);
    expect(filesOf(r.doc)).toEqual(['gen/x.js']);
    expect(r.stderr).toBe('tlsguard: note: scanned although ignored (.gitignore, node_modules or dist): gen/x.js\n');
  });
});

describe('the keep predicate (other file types plug in here)', () => {
  it('decides which listed and named files are linted', () => {
    const dir = project({ '.env': 'NODE_TLS_REJECT_UNAUTHORIZED=0\n', 'sub/.env': 'X=1\n', 'a.js': '', 'notes.txt': '' });
    const keep = (abs: string): boolean => path.basename(abs) === '.env';
    const selection = collectFiles(dir, [], { keep });
    expect(selection.files.map((f) => toPosixRelative(dir, f))).toEqual(['.env', 'sub/.env']);
    expect(collectFiles(dir, ['notes.txt', 'sub/.env'], { keep })).toMatchObject({ unsupported: ['notes.txt'], files: [path.join(dir, 'sub/.env')] });
  });
});

describe('paths outside the working directory (issue 17.11)', () => {
  it('scans ../ and absolute paths; reports relative to the common root and says so', async () => {
    const dir = project({ 'app/main.js': CLEAN_JS, 'lib/c.cjs': INSECURE_JS });
    const app = path.join(dir, 'app');
    for (const target of ['../lib/c.cjs', path.join(dir, 'lib/c.cjs'), '../lib']) {
      const r = await scanJson(app, [target]);
      expect(r.code, target).toBe(1);
      expect(r.doc.root).toBe(dir);
      expect(filesOf(r.doc)).toEqual(['lib/c.cjs']);
      expect(r.stderr).toBe(`tlsguard: note: some files are outside the working directory: report paths are relative to ${dir}\n`);
    }
    // Inside the working directory nothing changes.
    const inside = await scanJson(app, []);
    expect(inside.doc.root).toBe(app);
    expect(inside.code).toBe(0);
  });

  it.skipIf(!hasGit())('--staged from a subdirectory scans a staged file named with ../', async () => {
    const dir = project({ 'pkg/a.js': CLEAN_JS, 'other/b.js': INSECURE_JS });
    initRepo(dir);
    git(dir, 'add', '.');
    const r = await scanJson(path.join(dir, 'pkg'), ['--staged', '../other/b.js']);
    expect(r.code).toBe(1);
    expect(filesOf(r.doc)).toEqual(['other/b.js']);
    expect(r.doc.root).toBe(dir);
  });

  it('a nested working directory inside a repository: files of a sibling package by absolute path', async () => {
    const dir = project({ 'packages/a/x.ts': CLEAN_JS, 'packages/b/y.ts': INSECURE_JS });
    mkdirSync(path.join(dir, 'packages/a/empty'), { recursive: true });
    const r = await scanJson(path.join(dir, 'packages/a/empty'), [path.join(dir, 'packages/b/y.ts'), '../x.ts']);
    expect(r.doc.root).toBe(path.join(dir, 'packages'));
    expect(filesOf(r.doc)).toEqual(['b/y.ts']);
    expect(r.doc.summary.filesScanned).toBe(2);
  });
});
