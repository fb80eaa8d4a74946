/**
 * ESLint's bulk suppressions (ESLint >= 9.24: `--suppress-all`, `--suppress-rule`,
 * `--suppressions-location`, `--prune-suppressions`, `--pass-on-unpruned-suppressions`), with the
 * same file, format and semantics, so that `eslint` and `tlsguard` share one
 * `eslint-suppressions.json`:
 *
 * - the file maps a path relative to the working directory (POSIX separators) to rule ids and a
 *   count of errors: `{ "src/a.js": { "tlsguard/no-unverified-certificate": { "count": 2 } } }`,
 *   written with keys sorted and two-space indentation, without a final newline (as ESLint's
 *   `json-stable-stringify`);
 * - only errors (severity 2) are counted and suppressed; a file's findings of a rule are suppressed
 *   while there are at most `count` of them, and all are reported once there are more;
 * - `--suppressions-location` is resolved as ESLint resolves it (a directory gets
 *   `suppressions_<hash of the working directory>`).
 *
 * ESLint's own `SuppressionsService` is not part of its public API (`eslint/lib/services` is not
 * exported), so this module implements the same semantics; test/cli/suppressions.test.ts compares
 * it with ESLint's implementation. Differences, all because the file is shared with ESLint's other
 * rules: tlsguard reads, counts and prunes only the entries of tlsguard rules that ran, so it never
 * reports or removes another plugin's entries; and a file that does not parse keeps its entries
 * (ESLint would call them unused). A file that is not an ESLint suppressions file is an error,
 * never "everything suppressed".
 */
import { createRequire } from 'node:module';
import { existsSync, lstatSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './args.js';
import type { Finding } from './lint.js';

export const DEFAULT_SUPPRESSIONS_FILENAME = 'eslint-suppressions.json';

export interface RuleCount {
  count: number;
  [extra: string]: unknown;
}

/** path (relative to the working directory) -> rule id -> count. */
export type SuppressedViolations = Record<string, Record<string, RuleCount>>;

/** ESLint's cache-file name hash (`lib/cli-engine/hash.js`: MurmurHash3 of the string, base 36). */
function eslintHash(text: string): string {
  const murmur = createRequire(import.meta.url)('imurmurhash') as (key: string) => { result(): number };
  return murmur(text).result().toString(36);
}

/**
 * The suppressions file ESLint would use for `location` in `cwd` (ESLint's `getCacheFile` with the
 * prefix `suppressions_`): an existing directory, or a path ending in a separator, gets a file named
 * after the working directory's hash inside it.
 */
export function suppressionsFilePath(location: string | undefined, cwd: string): string {
  const normalized = path.normalize(location ?? DEFAULT_SUPPRESSIONS_FILENAME);
  const resolved = path.resolve(cwd, normalized);
  const looksLikeADirectory = normalized.endsWith(path.sep);
  const inDirectory = (): string => path.join(resolved, `suppressions_${eslintHash(cwd)}`);
  let isDirectory = false;
  try {
    isDirectory = lstatSync(resolved).isDirectory();
  } catch {
    // does not exist (yet)
  }
  return isDirectory || looksLikeADirectory ? inDirectory() : resolved;
}

const SHAPE = 'expected an ESLint suppressions file: { "<file>": { "<rule>": { "count": <number> } } }';

/** Reads and validates the suppressions file; a missing file is empty. Throws `UsageError` (exit 2). */
export function loadSuppressions(file: string, shown: string): SuppressedViolations {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new UsageError(`cannot read the suppressions file ${shown}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the suppressions file ${shown} is not valid JSON (${error instanceof Error ? error.message : String(error)}); ${SHAPE}`);
  }
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(data)) throw new UsageError(`the suppressions file ${shown} is not an object; ${SHAPE}`);
  for (const [name, rules] of Object.entries(data)) {
    if (!isObject(rules))
      throw new UsageError(`the suppressions file ${shown} has ${JSON.stringify(name)}: ${JSON.stringify(rules)?.slice(0, 40)}, not rule counts; ${SHAPE}`);
    for (const [rule, entry] of Object.entries(rules)) {
      const count = isObject(entry) ? entry.count : undefined;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
        throw new UsageError(`the suppressions file ${shown} has an invalid count for ${JSON.stringify(rule)} in ${JSON.stringify(name)}; ${SHAPE}`);
      }
    }
  }
  return data as SuppressedViolations;
}

/**
 * The file's text as ESLint writes it (`json-stable-stringify-without-jsonify` with `space: 2`):
 * keys sorted in code-unit order, two-space indentation, an empty object as `{` newline `}`, and
 * no final newline.
 */
export function serializeSuppressions(value: unknown, level = 0): string {
  const indent = `\n${'  '.repeat(level)}`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    return `[${value.map((v) => `${indent}  ${v === undefined ? 'null' : serializeSuppressions(v, level + 1)}`).join(',')}${indent}]`;
  }
  const record = value as Record<string, unknown>;
  const entries = Object.keys(record)
    .sort()
    .filter((k) => record[k] !== undefined)
    .map((k) => `${indent}  ${JSON.stringify(k)}: ${serializeSuppressions(record[k], level + 1)}`);
  return `{${entries.join(',')}${indent}}`;
}

export function saveSuppressions(file: string, shown: string, suppressions: SuppressedViolations): void {
  try {
    writeFileSync(file, serializeSuppressions(suppressions));
  } catch (error) {
    throw new UsageError(`cannot write the suppressions file ${shown}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export interface SuppressionScope {
  /** The working directory: keys are relative to it. */
  readonly cwd: string;
  /** The files that were linted (absolute; files that did not parse or could not be read excluded). */
  readonly files: readonly string[];
  /** The rule ids that ran: entries of other rules are neither applied, counted as unused nor pruned. */
  readonly rules: ReadonlySet<string>;
}

export const relativeKey = (cwd: string, file: string): string => path.relative(cwd, file).split(path.sep).join('/');

function errorCountsByRule(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) if (f.severity === 'error') counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return counts;
}

function byFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const f of findings) map.set(f.file, [...(map.get(f.file) ?? []), f]);
  return map;
}

/** `--suppress-all` (`rules` undefined) or `--suppress-rule`: the counts of the current errors, per linted file. */
export function suppress(
  suppressions: SuppressedViolations,
  findings: readonly Finding[],
  scope: SuppressionScope,
  rules: readonly string[] | undefined,
): SuppressedViolations {
  const next = structuredClone(suppressions);
  const grouped = byFile(findings);
  for (const file of scope.files) {
    const key = relativeKey(scope.cwd, file);
    for (const [rule, count] of errorCountsByRule(grouped.get(file) ?? [])) {
      if (rules && !rules.includes(rule)) continue;
      next[key] ??= {};
      next[key][rule] = { count };
    }
  }
  return next;
}

export interface Applied {
  readonly active: Finding[];
  /** With `suppressions: [{ kind: 'external' }]`. */
  readonly suppressed: Finding[];
  /** Entries (of the rules that ran, in linted files) with more suppressed than found: the surplus. */
  readonly unused: SuppressedViolations;
}

/** Moves the findings that the file suppresses out of `findings` (ESLint's `applySuppressions`). */
export function applySuppressions(suppressions: SuppressedViolations, findings: readonly Finding[], scope: SuppressionScope): Applied {
  const grouped = byFile(findings);
  const linted = new Set(scope.files);
  const active: Finding[] = [...findings.filter((f) => !linted.has(f.file))];
  const suppressed: Finding[] = [];
  const unused: SuppressedViolations = {};
  for (const file of scope.files) {
    const own = grouped.get(file) ?? [];
    const key = relativeKey(scope.cwd, file);
    const entry = Object.hasOwn(suppressions, key) ? suppressions[key]! : undefined;
    if (!entry) {
      active.push(...own);
      continue;
    }
    const counts = errorCountsByRule(own);
    const hidden = new Set<string>();
    for (const [rule, count] of counts) {
      const allowed = Object.hasOwn(entry, rule) ? entry[rule]!.count : undefined;
      if (allowed === undefined) continue;
      if (count <= allowed) hidden.add(rule);
      if (count < allowed && scope.rules.has(rule)) (unused[key] ??= {})[rule] = { count: allowed - count };
    }
    for (const rule of Object.keys(entry)) {
      if (!counts.has(rule) && scope.rules.has(rule)) (unused[key] ??= {})[rule] = { count: entry[rule]!.count };
    }
    for (const f of own) {
      if (hidden.has(f.ruleId)) suppressed.push({ ...f, suppressions: [{ kind: 'external' }] });
      else active.push(f);
    }
  }
  return { active, suppressed, unused };
}

/**
 * `--prune-suppressions`: lowers or removes the entries that no longer occur (of the rules that
 * ran, in linted files), and the tlsguard entries of files that no longer exist.
 */
export function prune(
  suppressions: SuppressedViolations,
  findings: readonly Finding[],
  scope: SuppressionScope,
  isToolRule: (rule: string) => boolean,
): SuppressedViolations {
  const next = structuredClone(suppressions);
  const { unused } = applySuppressions(next, findings, scope);
  for (const [file, rules] of Object.entries(unused)) {
    for (const [rule, { count }] of Object.entries(rules)) {
      const entry = next[file]?.[rule];
      if (!entry) continue;
      if (entry.count === count) delete next[file]![rule];
      else entry.count -= count;
    }
    if (next[file] && Object.keys(next[file]).length === 0) delete next[file];
  }
  for (const file of Object.keys(next)) {
    if (existsSync(path.resolve(scope.cwd, file))) continue;
    for (const rule of Object.keys(next[file]!)) if (isToolRule(rule)) delete next[file]![rule];
    if (Object.keys(next[file]!).length === 0) delete next[file];
  }
  return next;
}
