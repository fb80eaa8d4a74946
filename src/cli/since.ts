/**
 * `--since <ref>`: the lines changed since the merge base of `<ref>` and `HEAD`, for pull requests
 * in large repositories. The diff is `git diff -M <merge-base>` against the work tree (committed and
 * uncommitted changes, renames followed, so a moved file reports only its edited lines); untracked
 * files that git does not ignore count as changed throughout.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { UsageError } from './args.js';

export interface ChangedLines {
  /** The merge base (full commit id). */
  readonly base: string;
  /** Absolute path -> changed line numbers (1-based) in the work tree file, or `all` for a new untracked file. */
  readonly files: ReadonlyMap<string, ReadonlySet<number> | 'all'>;
}

function git(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('git', [...args], { cwd, env, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  if (r.error) throw new UsageError(`--since needs git: ${r.error.message}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A path as git prints it in a diff header: plain, or C-quoted (`"b/a\tb.js"`, octal escapes for bytes). */
export function unquoteGitPath(text: string): string {
  if (!text.startsWith('"')) return text;
  const bytes: number[] = [];
  const simple: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  for (let i = 1; i < text.length - 1; i++) {
    const ch = text[i]!;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = text[i + 1]!;
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(text.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

const HUNK = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Added or modified lines per new path (relative to the repository root) in a `-U0` unified diff. */
export function parseUnifiedDiff(diff: string): Map<string, Set<number>> {
  const changed = new Map<string, Set<number>>();
  const lines = diff.split('\n');
  let current: Set<number> | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('diff --git ')) {
      current = undefined;
      continue;
    }
    if (line.startsWith('+++ ')) {
      const name = line.slice(4);
      if (name === '/dev/null') {
        current = undefined;
        continue;
      }
      const unquoted = unquoteGitPath(name);
      const rel = unquoted.startsWith('b/') ? unquoted.slice(2) : unquoted;
      current = changed.get(rel) ?? new Set();
      changed.set(rel, current);
      continue;
    }
    const hunk = HUNK.exec(line);
    if (hunk && current) {
      const removed = hunk[1] === undefined ? 1 : Number(hunk[1]);
      const start = Number(hunk[2]);
      const added = hunk[3] === undefined ? 1 : Number(hunk[3]);
      for (let n = start; n < start + added; n++) current.add(n);
      // Skip the hunk's body, whose lines may look like headers ("+++ ...").
      i += removed + added;
      while (lines[i + 1]?.startsWith('\\')) i++;
    }
  }
  return changed;
}

/** The changed lines since the merge base of `ref` and HEAD in the git work tree holding `cwd`. Throws `UsageError`. */
export function changedSince(cwd: string, ref: string, env: Readonly<Record<string, string | undefined>>): ChangedLines {
  const gitEnv: NodeJS.ProcessEnv = { ...env, LC_ALL: 'C', LANGUAGE: 'C' };
  const top = git(cwd, ['rev-parse', '--show-toplevel'], gitEnv);
  if (top.status !== 0) throw new UsageError('--since needs a git work tree (git rev-parse failed)');
  const root = top.stdout.trim();
  const resolved = git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], gitEnv);
  if (resolved.status !== 0)
    throw new UsageError(`--since: '${ref}' is not a commit in this repository (in CI, fetch it: actions/checkout with fetch-depth: 0)`);
  const base = git(root, ['merge-base', resolved.stdout.trim(), 'HEAD'], gitEnv);
  if (base.status !== 0)
    throw new UsageError(`--since: '${ref}' and HEAD have no merge base (a shallow clone? fetch the history: actions/checkout with fetch-depth: 0)`);
  const baseId = base.stdout.trim();
  const diff = git(
    root,
    [
      '-c',
      'core.quotePath=false',
      'diff',
      '--no-ext-diff',
      '--no-textconv',
      '--no-color',
      '--no-relative',
      '-U0',
      '-M',
      '--src-prefix=a/',
      '--dst-prefix=b/',
      baseId,
      '--',
    ],
    gitEnv,
  );
  if (diff.status !== 0) throw new UsageError(`--since: git diff failed: ${diff.stderr.trim().split('\n')[0] ?? ''}`);
  const files = new Map<string, ReadonlySet<number> | 'all'>();
  for (const [rel, lines] of parseUnifiedDiff(diff.stdout)) files.set(path.join(root, ...rel.split('/')), lines);
  const untracked = git(root, ['ls-files', '-z', '--others', '--exclude-standard', '--full-name'], gitEnv);
  if (untracked.status !== 0) throw new UsageError(`--since: git ls-files failed: ${untracked.stderr.trim().split('\n')[0] ?? ''}`);
  for (const rel of untracked.stdout.split('\0').filter(Boolean)) files.set(path.join(root, ...rel.split('/')), 'all');
  return { base: baseId, files };
}

/** Whether a finding spanning `line`..`endLine` of `file` touches a changed line. */
export function touchesChange(changed: ChangedLines, file: string, line: number, endLine: number): boolean {
  const lines = changed.files.get(file);
  if (lines === undefined) return false;
  if (lines === 'all') return true;
  for (let n = line; n <= Math.max(line, endLine); n++) if (lines.has(n)) return true;
  return false;
}
