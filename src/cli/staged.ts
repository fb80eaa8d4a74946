/**
 * `--staged`: the files staged in git (added, copied, modified, renamed) and their staged content,
 * read from the index with `git show :path` so that unstaged edits are not what gets checked.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { UsageError } from './args.js';

function git(cwd: string, args: readonly string[], env?: NodeJS.ProcessEnv): string {
  return execFileSync('git', [...args], { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}

export interface StagedFiles {
  readonly root: string;
  /** Absolute path -> staged text. */
  readonly texts: Map<string, string>;
}

/** The staged files passing `keep` (absolute paths), with their staged text. */
export function stagedFiles(cwd: string, keep: (absPath: string) => boolean, env?: Readonly<Record<string, string | undefined>>): StagedFiles {
  const gitEnv = env ? { ...env } : undefined;
  let root: string;
  try {
    root = git(cwd, ['rev-parse', '--show-toplevel'], gitEnv).trim();
  } catch {
    throw new UsageError('--staged needs a git work tree (git rev-parse failed)');
  }
  const names = git(root, ['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z'], gitEnv).split('\0').filter(Boolean);
  const texts = new Map<string, string>();
  for (const name of names) {
    const abs = path.join(root, ...name.split('/'));
    if (!keep(abs)) continue;
    texts.set(abs, git(root, ['show', `:${name}`], gitEnv));
  }
  return { root, texts };
}
