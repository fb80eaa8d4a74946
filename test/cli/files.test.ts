/** File selection: .gitignore semantics checked against git itself (`git check-ignore`), order and shards. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectFiles, GitIgnore, shardFiles, sortFiles, toPosixRelative } from '../../src/cli/files.js';
import { cleanup, hasGit, initRepo, project } from './helpers.js';

afterAll(cleanup);

const FILES: Record<string, string> = {
  '.gitignore': [
    '# comment',
    '*.log.js',
    '/root-only.js',
    'build/',
    'tmp',
    '!tmp/keep.js',
    'deep/**/gen-*.ts',
    '\\#hash.js',
    'trailing-space.js\\ ',
    'docs/*.js',
    '!docs/keep.js',
    'a?.js',
    '[bc]x.js',
    '',
  ].join('\n'),
  '.git/info/exclude': 'local-exclude.js\n',
  'app.log.js': '',
  'src/app.log.js': '',
  'root-only.js': '',
  'src/root-only.js': '',
  'build/out.js': '',
  'src/build/out.js': '',
  'tmp/keep.js': '',
  'src/tmp': '',
  'deep/x/y/gen-a.ts': '',
  'deep/gen-b.ts': '',
  'deep/x/keep.ts': '',
  '#hash.js': '',
  'docs/a.js': '',
  'docs/keep.js': '',
  'docs/sub/b.js': '',
  'a1.js': '',
  'a12.js': '',
  'bx.js': '',
  'dx.js': '',
  'local-exclude.js': '',
  'pkg/.gitignore': '*.js\n!main.js\n/only-here.ts\n',
  'pkg/main.js': '',
  'pkg/other.js': '',
  'pkg/only-here.ts': '',
  'pkg/sub/only-here.ts': '',
  'pkg/sub/x.js': '',
  'plain.ts': '',
};

describe('GitIgnore', () => {
  it.skipIf(!hasGit())('agrees with git check-ignore on every path', () => {
    const dir = project({ ...FILES, '.git/info/exclude': '' });
    initRepo(dir);
    // `git init` wrote its own template exclude file: put ours back.
    writeFileSync(path.join(dir, '.git/info/exclude'), FILES['.git/info/exclude']!);
    const ignore = new GitIgnore(dir);
    const paths = Object.keys(FILES).filter((p) => !p.startsWith('.git/') && !p.endsWith('.gitignore'));
    const r = spawnSync('git', ['check-ignore', '--no-index', '--stdin'], { cwd: dir, input: paths.join('\n'), encoding: 'utf8' });
    const byGit = new Set(r.stdout.split('\n').filter(Boolean));
    const ours = new Set(paths.filter((p) => ignore.ignores(path.join(dir, p), false)));
    expect([...ours].sort()).toEqual([...byGit].sort());
    expect([...byGit].sort()).toEqual([
      '#hash.js',
      'a1.js',
      'app.log.js',
      'build/out.js',
      'bx.js',
      'deep/gen-b.ts',
      'deep/x/y/gen-a.ts',
      'docs/a.js',
      'local-exclude.js',
      'pkg/only-here.ts',
      'pkg/other.js',
      'pkg/sub/x.js',
      'root-only.js',
      'src/app.log.js',
      'src/build/out.js',
      'src/tmp',
      'tmp/keep.js',
    ]);
    // and the walk agrees too
    const walked = collectFiles(dir, []).files.map((f) => toPosixRelative(dir, f));
    expect(walked).toEqual(paths.filter((p) => !byGit.has(p) && /\.(js|ts)$/.test(p)).sort());
  });
});

describe('order and shards', () => {
  it('sorts by relative path in code-unit order, independent of locale and input order', () => {
    const root = '/r';
    const files = ['/r/b.js', '/r/B.js', '/r/a/z.js', '/r/a.js', '/r/_x.js'];
    expect(sortFiles(root, files)).toEqual(['/r/B.js', '/r/_x.js', '/r/a.js', '/r/a/z.js', '/r/b.js']);
    expect(sortFiles(root, [...files].reverse())).toEqual(sortFiles(root, files));
  });

  it('shards are disjoint and complete', () => {
    const items = Array.from({ length: 23 }, (_, i) => i);
    for (const n of [1, 2, 3, 5, 30]) {
      const all = Array.from({ length: n }, (_, i) => shardFiles(items, { index: i + 1, count: n })).flat();
      expect(all.sort((a, b) => a - b)).toEqual(items);
    }
  });
});
