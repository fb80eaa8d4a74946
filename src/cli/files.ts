/**
 * Which files a scan lints: a walk of the given paths that keeps the JS/TS extensions, skips
 * `node_modules`, `dist` and `.git`, and respects `.gitignore` files with git's semantics (nested
 * files, negation, directory patterns; `.git/info/exclude` too) through the `ignore` package.
 * The result is sorted in a stable order (relative path, code-unit order), which `--shard` slices.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ignoreModule, { type Ignore } from 'ignore';
import { UsageError, type Shard } from './args.js';

// `ignore` is CommonJS with `module.exports = factory; factory.default = factory`.
const createIgnore: (options?: { ignorecase?: boolean }) => Ignore =
  (ignoreModule as unknown as { default?: () => Ignore }).default ?? (ignoreModule as unknown as () => Ignore);

export const EXTENSIONS: readonly string[] = ['.js', '.cjs', '.mjs', '.jsx', '.ts', '.cts', '.mts', '.tsx'];
/** Directory names never entered, at any depth. */
export const DEFAULT_IGNORED_DIRS: readonly string[] = ['node_modules', 'dist', '.git'];
/** Declaration files hold no runtime code. */
const DECLARATION = /\.d\.[cm]?ts$/;

export function hasLintableExtension(file: string): boolean {
  return EXTENSIONS.includes(path.extname(file)) && !DECLARATION.test(file);
}

/** `a/b/c.ts` with forward slashes, relative to `root`. */
export function toPosixRelative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** The nearest ancestor directory (inclusive) that contains `.git`, or undefined. */
export function findGitRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * git's ignore rules for one work tree. `.gitignore` files are read lazily per directory; a path
 * is checked against every `.gitignore` from the work tree root down to its own directory, the
 * deepest match deciding (as git does). Ignored directories are pruned by the walk, so their
 * contents cannot be re-included, also as in git.
 */
export class GitIgnore {
  private readonly perDir = new Map<string, Ignore | null>();

  constructor(readonly root: string) {
    const exclude = path.join(root, '.git', 'info', 'exclude');
    const base = createIgnore();
    let any = false;
    if (existsSync(exclude) && statSync(exclude).isFile()) {
      base.add(readFileSync(exclude, 'utf8'));
      any = true;
    }
    this.rootExclude = any ? base : null;
  }

  private readonly rootExclude: Ignore | null;

  private rulesOf(dir: string): Ignore | null {
    let rules = this.perDir.get(dir);
    if (rules === undefined) {
      const file = path.join(dir, '.gitignore');
      rules = null;
      try {
        if (statSync(file).isFile()) rules = createIgnore().add(readFileSync(file, 'utf8'));
      } catch {
        // no .gitignore here
      }
      this.perDir.set(dir, rules);
    }
    return rules;
  }

  /** Is `absPath` (a file, or a directory when `isDir`) ignored by its own rules (not its ancestors')? */
  ignoresEntry(absPath: string, isDir: boolean): boolean {
    const rel = toPosixRelative(this.root, absPath);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return false;
    const suffix = isDir ? '/' : '';
    let ignored = false;
    if (this.rootExclude) {
      const r = this.rootExclude.test(rel + suffix);
      if (r.ignored) ignored = true;
      else if (r.unignored) ignored = false;
    }
    const segments = rel.split('/');
    let dir = this.root;
    for (let i = 0; i < segments.length; i++) {
      const rules = this.rulesOf(dir);
      if (rules) {
        const r = rules.test(segments.slice(i).join('/') + suffix);
        if (r.ignored) ignored = true;
        else if (r.unignored) ignored = false;
      }
      dir = path.join(dir, segments[i]!);
    }
    return ignored;
  }

  /** Is `absPath` ignored, itself or through an ignored ancestor directory? */
  ignores(absPath: string, isDir: boolean): boolean {
    const rel = toPosixRelative(this.root, absPath);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return false;
    const segments = rel.split('/');
    let current = this.root;
    for (let i = 0; i < segments.length - 1; i++) {
      current = path.join(current, segments[i]!);
      if (this.ignoresEntry(current, true)) return true;
    }
    return this.ignoresEntry(absPath, isDir);
  }
}

function defaultIgnored(root: string, absPath: string): boolean {
  const rel = toPosixRelative(root, absPath);
  if (rel.startsWith('..')) return absPath.split(path.sep).some((s) => DEFAULT_IGNORED_DIRS.includes(s));
  return rel.split('/').some((s) => DEFAULT_IGNORED_DIRS.includes(s));
}

export interface FileSelection {
  /** Absolute paths in stable order. */
  readonly files: readonly string[];
  /** Explicitly named paths skipped because .gitignore or the default ignores exclude them. */
  readonly ignored: readonly string[];
}

/**
 * The files under `paths` (relative to `cwd`; default `.`) to lint. A missing path is a usage error.
 * Explicitly named files are kept when they have a JS/TS extension and are not ignored (the
 * pre-commit framework passes every staged file name, ignored or not).
 */
export function collectFiles(cwd: string, paths: readonly string[]): FileSelection {
  const gitRoot = findGitRoot(cwd);
  const gitignore = new GitIgnore(gitRoot ?? cwd);
  const found = new Set<string>();
  const ignored: string[] = [];
  const inputs = paths.length > 0 ? paths : ['.'];

  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (DEFAULT_IGNORED_DIRS.includes(entry.name) || gitignore.ignoresEntry(abs, true)) continue;
        walk(abs);
      } else if (entry.isFile()) {
        if (hasLintableExtension(entry.name) && !gitignore.ignoresEntry(abs, false)) found.add(abs);
      }
      // Symbolic links are not followed (no loops, no files outside the tree).
    }
  };

  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      throw new UsageError(`no such file or directory: ${input}`);
    }
    if (stat.isDirectory()) {
      if (defaultIgnored(cwd, abs) || gitignore.ignores(abs, true)) ignored.push(input);
      else walk(abs);
    } else if (hasLintableExtension(abs)) {
      if (defaultIgnored(cwd, abs) || gitignore.ignores(abs, false)) ignored.push(input);
      else found.add(abs);
    }
    // Other explicitly named files (README.md, ...) are not JS/TS: nothing to lint.
  }
  return { files: sortFiles(cwd, [...found]), ignored };
}

/** Stable order: by path relative to `root`, compared by code units (locale-independent). */
export function sortFiles(root: string, files: readonly string[]): string[] {
  const keyed = files.map((f) => ({ f, k: toPosixRelative(root, f) }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  return keyed.map((x) => x.f);
}

/** The i-th of n round-robin slices of a sorted list (1-based): every file lands in exactly one shard. */
export function shardFiles<T>(files: readonly T[], shard: Shard | undefined): T[] {
  if (!shard) return [...files];
  return files.filter((_, i) => i % shard.count === shard.index - 1);
}
