/**
 * Creating the directory of `--output` and `--cache-location` before the scan. Node's
 * `mkdirSync(dir, { recursive: true })` spins forever where a parent exists but refuses new
 * entries with ENOENT (anything under `/proc`), so the parents are checked first and each missing
 * level is created on its own: every failure is one error naming the path.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './args.js';

const codeOf = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Makes `dir` (absolute) exist as a directory. Throws an `Error` with a one-line message. */
export function ensureDirectory(dir: string): void {
  const missing: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(current).isDirectory();
    } catch (error) {
      const code = codeOf(error);
      const parent = path.dirname(current);
      // ENOTDIR: a file on the way up, reported below once it is reached.
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === current) throw new Error(messageOf(error));
      missing.push(current);
      current = parent;
      continue;
    }
    if (!isDirectory) throw new Error(`${current} is not a directory`);
    break;
  }
  for (const level of missing.reverse()) {
    try {
      mkdirSync(level);
    } catch (error) {
      // Created meanwhile by someone else: fine when it is a directory.
      if (codeOf(error) === 'EEXIST' && isDirectory(level)) continue;
      throw new Error(messageOf(error));
    }
  }
}

/**
 * The directory ESLint writes its cache into for `location` (absolute, as given): the location
 * itself when it ends with a separator or is a directory, else its parent (ESLint's own rule).
 */
export function cacheDirectory(location: string): string {
  return endsWithSeparator(location) || isDirectory(location) ? location : path.dirname(location);
}

/** `path.resolve`, keeping a trailing separator (ESLint reads `--cache-location dir/` as a directory). */
export function resolveLocation(cwd: string, location: string): string {
  const resolved = path.resolve(cwd, location);
  return endsWithSeparator(location) && !endsWithSeparator(resolved) ? resolved + path.sep : resolved;
}

/** Creates the directory `flag` writes into before the scan starts; a failure is a `UsageError` (exit 2). */
export function prepareDirectory(dir: string, flag: string, given: string): void {
  try {
    ensureDirectory(dir);
  } catch (error) {
    throw new UsageError(`cannot write ${flag} ${given}: ${messageOf(error)}`);
  }
}

function endsWithSeparator(p: string): boolean {
  return p.endsWith('/') || p.endsWith(path.sep);
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
