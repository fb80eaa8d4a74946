/**
 * Which files a scan lints.
 *
 * In a git work tree: what git would track (`git ls-files --cached --others --exclude-standard`):
 * tracked files always, even under an ignored directory, plus untracked files that no `.gitignore`,
 * `.git/info/exclude` or `core.excludesFile` ignores; nested repositories and submodules with their
 * own rules. Outside git: a walk of the given paths with `.gitignore` semantics (`GitIgnore`).
 * Either way `node_modules`, `dist` and `.git` below a given path are skipped, symbolic links are not
 * followed, and `keep` decides which files are linted (by default `isScannedFile`: the JS/TS
 * extensions and the config-file kinds of src/analysis/config/kinds.ts).
 *
 * A path named on the command line is always scanned, also when it is ignored (reported in
 * `ignored`, for a one-line note); a named directory that is ignored is scanned whole. Unreadable
 * files and directories are `errors`, never silently dropped. The result is sorted in a stable
 * order (relative path, code-unit order), which `--shard` slices.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants as fsConstants, existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ignoreModule, { type Ignore } from 'ignore';
import { UsageError, type Shard } from './args.js';
import { isConfigFile } from './config-files.js';

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

/** A file a scan lints: JS/TS, or one of the config-file kinds (package.json, .env, Dockerfile, CI files…). */
export function isScannedFile(file: string): boolean {
  return hasLintableExtension(file) || isConfigFile(file);
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

export interface FileError {
  /** Absolute path of the file or directory. */
  readonly file: string;
  readonly message: string;
}

export interface FileSelection {
  /** Absolute paths in stable order. */
  readonly files: readonly string[];
  /** Paths named on the command line that git, .gitignore or the default ignores exclude: scanned anyway. */
  readonly ignored: readonly string[];
  /** Files named on the command line that `keep` rejects (not a file type tlsguard lints). */
  readonly unsupported: readonly string[];
  /** Files and directories that could not be read. */
  readonly errors: readonly FileError[];
  /** One-line explanations (e.g. git could not list a work tree and the walker was used). */
  readonly notes: readonly string[];
}

export interface CollectOptions {
  /** Which files to lint (absolute path); default: the JS/TS extensions without declaration files. */
  readonly keep?: (absPath: string) => boolean;
  /** The environment git runs with (HOME and XDG_CONFIG_HOME locate `core.excludesFile`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

interface Named {
  /** As given on the command line. */
  readonly input: string;
  readonly abs: string;
  readonly isDir: boolean;
}

interface Collector {
  readonly keep: (absPath: string) => boolean;
  readonly env: NodeJS.ProcessEnv;
  /** For nested repositories and submodules: without the variables that locate the outer repository (set in git hooks). */
  readonly nestedEnv: NodeJS.ProcessEnv;
  readonly found: Set<string>;
  readonly ignored: string[];
  readonly unsupported: string[];
  readonly errors: FileError[];
  readonly notes: string[];
  /** Work trees listed whole (a nested repository is reached once). */
  readonly listed: Set<string>;
}

/** `EACCES: permission denied` from a Node fs error (without the path, which the entry names). */
export function fsErrorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/,\s*\w+\s+'[^']*'(?:\s*->\s*'[^']*')?$/, '');
}

function errnoOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** Whether a directory segment of `rel` (relative, `/` separated; the last segment is the file) is a default-ignored name. */
function hasDefaultIgnoredDir(rel: string): boolean {
  const segments = rel.split('/');
  segments.pop();
  return segments.some((s) => DEFAULT_IGNORED_DIRS.includes(s));
}

const isInside = (dir: string, abs: string): boolean => abs === dir || abs.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);

/** Adds `abs` (a regular file) when `keep` accepts it and it can be read. */
function addFile(c: Collector, abs: string): void {
  if (c.found.has(abs) || !c.keep(abs)) return;
  try {
    accessSync(abs, fsConstants.R_OK);
  } catch (error) {
    c.errors.push({ file: abs, message: `cannot read: ${fsErrorText(error)}` });
    return;
  }
  c.found.add(abs);
}

function addNamedFile(c: Collector, n: Named): void {
  if (!c.keep(n.abs)) c.unsupported.push(n.input);
  else addFile(c, n.abs);
}

function gitEnv(env: Readonly<Record<string, string | undefined>> | undefined): NodeJS.ProcessEnv {
  // Literal pathspecs (a file named `*.js` is that file); English messages for the warnings parsed below.
  return { ...(env ?? process.env), GIT_LITERAL_PATHSPECS: '1', LC_ALL: 'C', LANGUAGE: 'C' };
}

class GitFailed extends Error {}

interface GitOutput {
  readonly stdout: string;
  readonly stderr: string;
}

function git(root: string, args: readonly string[], env: NodeJS.ProcessEnv, input?: string, okStatuses: readonly number[] = [0]): GitOutput {
  const r = spawnSync('git', [...args], { cwd: root, env, input, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  if (r.error) throw new GitFailed(r.error.message);
  if (r.status === null || !okStatuses.includes(r.status))
    throw new GitFailed(r.stderr.trim().split('\n')[0] || `git ${args.join(' ')} exited with ${r.status}`);
  return { stdout: r.stdout, stderr: r.stderr };
}

const nulSplit = (text: string): string[] => text.split('\0').filter((s) => s !== '');

/** Which of `rels` (relative to `root`, `/` separated) git's ignore rules exclude (`noIndex`: tracked or not). */
function gitIgnoredInputs(c: Collector, root: string, rels: readonly string[], noIndex: boolean): Set<string> {
  if (rels.length === 0) return new Set();
  const args = ['check-ignore', '-z', '--stdin', ...(noIndex ? ['--no-index'] : [])];
  // check-ignore refuses the literal-pathspec mode; it takes each line as one path anyway.
  const env = { ...c.env, GIT_LITERAL_PATHSPECS: undefined };
  return new Set(nulSplit(git(root, args, env, rels.map((p) => `${p}\0`).join(''), [0, 1]).stdout));
}

const UNREADABLE_DIR = /^warning: could not open directory '(.*)': (.*)$/;

/** Files git lists under `pathspecs` in the work tree at `root` (`withIgnored`: ignored ones too). */
function gitList(c: Collector, root: string, pathspecs: readonly string[], withIgnored: boolean): string[] {
  if (pathspecs.length === 0) return [];
  const args = ['ls-files', '-z', '--cached', '--others', '--full-name', ...(withIgnored ? [] : ['--exclude-standard']), '--', ...pathspecs];
  const r = git(root, args, c.env);
  for (const line of r.stderr.split('\n')) {
    const m = UNREADABLE_DIR.exec(line);
    if (m) c.errors.push({ file: path.join(root, ...m[1]!.replace(/\/$/, '').split('/')), message: `cannot read directory: ${m[2]}` });
  }
  return [...new Set(nulSplit(r.stdout).map((p) => p.replace(/\/$/, '')))];
}

/** The file set of `inputs`, all inside the git work tree `root`. Throws `GitFailed` when git cannot list it. */
function collectGit(c: Collector, root: string, inputs: readonly Named[]): void {
  const rel = (abs: string): string => toPosixRelative(root, abs);
  const files = inputs.filter((n) => !n.isDir);
  const dirs = inputs.filter((n) => n.isDir);
  // Named files are scanned whatever git says; the check only decides the note.
  const ignoredFiles = gitIgnoredInputs(
    c,
    root,
    files.map((n) => rel(n.abs)),
    false,
  );
  const ignoredDirs = gitIgnoredInputs(
    c,
    root,
    dirs.filter((n) => n.abs !== root).map((n) => rel(n.abs)),
    true,
  );
  for (const n of inputs) {
    const r = rel(n.abs);
    if ((n.isDir ? ignoredDirs : ignoredFiles).has(r) || hasDefaultIgnoredDir(n.isDir ? `${r}/x` : r)) c.ignored.push(n.input);
  }
  const listed = [
    ...gitList(
      c,
      root,
      dirs.filter((n) => !ignoredDirs.has(rel(n.abs))).map((n) => (n.abs === root ? '.' : rel(n.abs))),
      false,
    ),
    // A named directory that git ignores is scanned whole.
    ...gitList(
      c,
      root,
      dirs.filter((n) => ignoredDirs.has(rel(n.abs))).map((n) => rel(n.abs)),
      true,
    ),
  ];
  // The deepest named directory holding a file decides whether a default-ignored directory skips it.
  const deepestFirst = [...dirs].sort((a, b) => b.abs.length - a.abs.length);
  for (const p of listed) {
    const abs = path.join(root, ...p.split('/'));
    const owner = deepestFirst.find((d) => isInside(d.abs, abs));
    if (owner && hasDefaultIgnoredDir(toPosixRelative(owner.abs, abs))) continue;
    let stat;
    try {
      stat = lstatSync(abs);
    } catch (error) {
      const code = errnoOf(error);
      // Tracked but deleted in the work tree: nothing to scan.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') c.errors.push({ file: abs, message: `cannot read: ${fsErrorText(error)}` });
      continue;
    }
    if (stat.isDirectory()) {
      // A submodule or a nested repository: listed with its own rules.
      if (existsSync(path.join(abs, '.git'))) collectTree({ ...c, env: c.nestedEnv }, abs, [{ input: p, abs, isDir: true }]);
    } else if (stat.isFile()) {
      addFile(c, abs);
    }
    // Symbolic links are not followed (no loops, no files outside the tree).
  }
  for (const n of files) addNamedFile(c, n);
}

/** The file set of `inputs` outside git: the walker with `.gitignore` semantics rooted at `base`. */
function collectWalk(c: Collector, base: string, inputs: readonly Named[]): void {
  const gitignore = new GitIgnore(base);
  const walk = (dir: string, honourIgnores: boolean): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      c.errors.push({ file: dir, message: `cannot read directory: ${fsErrorText(error)}` });
      return;
    }
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (DEFAULT_IGNORED_DIRS.includes(entry.name) || (honourIgnores && gitignore.ignoresEntry(abs, true))) continue;
        if (existsSync(path.join(abs, '.git'))) collectTree({ ...c, env: c.nestedEnv }, abs, [{ input: abs, abs, isDir: true }]);
        else walk(abs, honourIgnores);
      } else if (entry.isFile()) {
        if (!honourIgnores || !gitignore.ignoresEntry(abs, false)) addFile(c, abs);
      }
      // Symbolic links are not followed (no loops, no files outside the tree).
    }
  };
  for (const n of inputs) {
    const r = toPosixRelative(base, n.abs);
    const probe = n.isDir ? `${r}/x` : r;
    const defaultIgnored =
      r.startsWith('..') || path.isAbsolute(r) ? hasDefaultIgnoredDir(n.abs.split(path.sep).join('/') + (n.isDir ? '/x' : '')) : hasDefaultIgnoredDir(probe);
    const ignored = defaultIgnored || gitignore.ignores(n.abs, n.isDir);
    if (ignored) c.ignored.push(n.input);
    if (n.isDir) walk(n.abs, !ignored);
    else addNamedFile(c, n);
  }
}

/** Lists `inputs` (all inside the work tree `root`) with git; falls back to the walker when git cannot. */
function collectTree(c: Collector, root: string, inputs: readonly Named[]): void {
  if (inputs.length === 1 && inputs[0]!.isDir && inputs[0]!.abs === root) {
    if (c.listed.has(root)) return;
    c.listed.add(root);
  }
  try {
    collectGit(c, root, inputs);
  } catch (error) {
    if (!(error instanceof GitFailed)) throw error;
    c.notes.push(`git cannot list ${root} (${error.message}); its files were found by walking it with its .gitignore files`);
    collectWalk(c, root, inputs);
  }
}

/**
 * The files under `paths` (relative to `cwd`; default `.`) to lint. A missing path is a usage
 * error; a path that cannot be read is an entry in `errors`.
 */
export function collectFiles(cwd: string, paths: readonly string[], options: CollectOptions = {}): FileSelection {
  const env = gitEnv(options.env);
  const c: Collector = {
    keep: options.keep ?? isScannedFile,
    env,
    nestedEnv: { ...env, GIT_DIR: undefined, GIT_WORK_TREE: undefined, GIT_INDEX_FILE: undefined, GIT_COMMON_DIR: undefined, GIT_PREFIX: undefined },
    found: new Set(),
    ignored: [],
    unsupported: [],
    errors: [],
    notes: [],
    listed: new Set(),
  };
  const groups = new Map<string, Named[]>();
  const outside: Named[] = [];
  for (const input of paths.length > 0 ? paths : ['.']) {
    const abs = path.resolve(cwd, input);
    let stat;
    try {
      stat = statSync(abs);
    } catch (error) {
      const code = errnoOf(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new UsageError(`no such file or directory: ${input}`);
      c.errors.push({ file: abs, message: `cannot read: ${fsErrorText(error)}` });
      continue;
    }
    if (!stat.isDirectory() && !stat.isFile()) {
      c.errors.push({ file: abs, message: 'cannot read: not a regular file or directory' });
      continue;
    }
    const named: Named = { input, abs, isDir: stat.isDirectory() };
    const root = findGitRoot(named.isDir ? abs : path.dirname(abs));
    if (root === undefined) outside.push(named);
    else groups.set(root, [...(groups.get(root) ?? []), named]);
  }
  for (const [root, inputs] of groups) collectTree(c, root, inputs);
  if (outside.length > 0) collectWalk(c, cwd, outside);
  return { files: sortFiles(cwd, [...c.found]), ignored: c.ignored, unsupported: c.unsupported, errors: c.errors, notes: c.notes };
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

/** The deepest directory that contains every path of `paths` (absolute; the first one a directory). */
export function commonRoot(paths: readonly string[]): string {
  let root = paths[0]!;
  for (const p of paths.slice(1)) {
    while (!(p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep))) {
      const parent = path.dirname(root);
      if (parent === root) break;
      root = parent;
    }
  }
  return root;
}
