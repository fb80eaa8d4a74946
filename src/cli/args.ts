/**
 * Command-line arguments: `node:util` `parseArgs` in strict mode, then validation into `CliOptions`.
 * Every problem is a `UsageError` (exit code 2, one line on stderr).
 */
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type Format = 'text' | 'json' | 'sarif';
export type FixStyle = 'minimal' | 'factory';
export type Profile = 'intermediate' | 'modern';
export type Concurrency = 'off' | 'auto' | number;

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

export interface CliOptions {
  readonly paths: readonly string[];
  readonly format: Format;
  readonly output: string | undefined;
  readonly staged: boolean;
  readonly fix: boolean;
  readonly fixStyle: FixStyle;
  readonly profile: Profile | undefined;
  readonly strict: boolean;
  readonly types: boolean;
  readonly cache: boolean;
  readonly cacheLocation: string | undefined;
  readonly concurrency: Concurrency;
  readonly shard: Shard | undefined;
  /** `--ignore-pattern` (repeatable): ESLint ignore patterns, relative to the working directory. */
  readonly ignorePatterns: readonly string[];
  /** `--rule` (repeatable, ESLint's syntax): rule id -> ESLint rule entry. */
  readonly rules: Readonly<Record<string, RuleEntry>>;
  /** `--max-warnings N`: exit 1 when more warnings than N (-1: no limit). */
  readonly maxWarnings: number;
  readonly quiet: boolean;
  /** `--color` / `--no-color` (the last one wins); undefined: decided by the environment. */
  readonly color: boolean | undefined;
  /** `--since <ref>`: report only findings on lines changed since the merge base with `ref`. */
  readonly since: string | undefined;
  readonly suppressAll: boolean;
  /** `--suppress-rule` (repeatable). */
  readonly suppressRules: readonly string[];
  readonly suppressionsLocation: string | undefined;
  readonly pruneSuppressions: boolean;
  readonly passOnUnprunedSuppressions: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

/** An ESLint rule entry: a severity, or `[severity, ...options]`. */
export type RuleEntry = 'off' | 'warn' | 'error' | 0 | 1 | 2 | readonly unknown[];

const FORMATS: readonly Format[] = ['text', 'json', 'sarif'];
const FIX_STYLES: readonly FixStyle[] = ['minimal', 'factory'];
const PROFILES: readonly Profile[] = ['intermediate', 'modern'];

export const HELP = `Usage: tlsguard [options] [paths...]

Finds insecure TLS configuration in JavaScript and TypeScript files (default path: .).
Files: .js .cjs .mjs .jsx .ts .cts .mts .tsx; in a git work tree, what git tracks plus untracked files
git does not ignore (elsewhere .gitignore is respected); node_modules and dist are skipped. A path
named here is always scanned (a note says so when it is ignored).

Options:
  -f, --format text|json|sarif  output format (default: text)
  -o, --output FILE             write the report to FILE instead of stdout
  --staged                      lint the content staged in git (git diff --cached)
  --since REF                   report only findings on lines changed since the merge base with REF
  --ignore-pattern PATTERN      do not lint files matching PATTERN (ESLint syntax; repeatable)
  --rule 'RULE: SEVERITY'       set a tlsguard rule to off, warn or error, with options (ESLint syntax; repeatable)
  --quiet                       report errors only, not warnings
  --max-warnings N              exit 1 when there are more than N warnings
  --color, --no-color           force colours on or off (default: on a terminal; FORCE_COLOR, NO_COLOR)
  --fix                         apply suggested fixes in bulk; edits that add a type error are rolled back
  --fix-style minimal|factory   which suggestion --fix applies (default: minimal)
  --profile intermediate|modern policy profile (settings.tlsguard.profile)
  --strict                      use the strict config instead of recommended
  --no-types                    lint without type information (--fix still type-checks its edits)
  --cache                       only re-lint changed files (ESLint cache)
  --cache-location PATH         cache file or directory (default: .tlsguard-cache)
  --concurrency auto|N|off      lint with worker threads (ESLint >= 9.34; default: off)
  --shard i/n                   lint only the i-th of n slices of the sorted file list (for CI)

Suppressions (a baseline shared with ESLint, eslint-suppressions.json):
  --suppress-all                suppress every current error (writes the suppressions file)
  --suppress-rule RULE          suppress the current errors of RULE (repeatable)
  --suppressions-location PATH  the suppressions file (default: eslint-suppressions.json)
  --prune-suppressions          remove suppressions that no longer occur
  --pass-on-unpruned-suppressions  do not exit 2 for suppressions that no longer occur

Other:
  -h, --help                    show this help
  -v, --version                 show the version

Exit codes: 0 no errors, 1 errors (or files that cannot be parsed, or too many warnings),
2 usage or configuration error, unreadable files, or unused suppressions.
Docs: https://github.com/tlsguard/eslint-plugin-tlsguard/blob/main/docs/cli.md
`;

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T;
function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: undefined): T | undefined;
function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T | undefined): T | undefined {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`invalid value for --${flag}: '${value}' (expected ${allowed.join(', ')})`);
}

export function parseConcurrency(value: string | undefined): Concurrency {
  if (value === undefined || value === 'off') return 'off';
  if (value === 'auto') return 'auto';
  if (/^[1-9][0-9]*$/.test(value) && Number.isSafeInteger(Number(value))) return Number(value);
  throw new UsageError(`invalid value for --concurrency: '${value}' (expected auto, off or a positive integer)`);
}

export function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const m = /^([1-9][0-9]*)\/([1-9][0-9]*)$/.exec(value);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || index > count || !Number.isSafeInteger(count))
    throw new UsageError(`invalid value for --shard: '${value}' (expected i/n with 1 <= i <= n, e.g. 2/4)`);
  return { index, count };
}

/**
 * parseArgs refuses a value that starts with '-' ("--concurrency -1": "argument is ambiguous"). A
 * value that reads as a negative number is a value (no option is spelt that way): the argv with it
 * joined (`--concurrency=-1`), so that the flag's own check explains what is expected. Any other
 * such value is one line naming the flag and the value. Undefined when `error` is not that refusal.
 */
function withNegativeValue(argv: readonly string[], error: unknown): string[] | undefined {
  if ((error as { code?: unknown } | undefined)?.code !== 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return undefined;
  const m = /use '(--[\w-]+)=-XYZ'(?: or '(-\w)-XYZ')?/.exec(error instanceof Error ? error.message : '');
  if (!m) return undefined;
  const [, long, short] = m;
  const end = argv.indexOf('--');
  const i = argv.findIndex((a, j) => (end < 0 || j < end) && (a === long || a === short) && argv[j + 1]?.startsWith('-'));
  const value = argv[i + 1];
  if (i < 0 || value === undefined) return undefined;
  if (/^-[0-9.]/.test(value)) return [...argv.slice(0, i), `${long}=${value}`, ...argv.slice(i + 2)];
  throw new UsageError(`${long} needs a value, got '${value}' (write ${long}=${value} if that is the value)`);
}

const SEVERITIES: readonly unknown[] = ['off', 'warn', 'error', 0, 1, 2];

/**
 * `--rule` values in ESLint's syntax (levn, as ESLint's CLI parses them): `'tlsguard/x: off'`,
 * `'tlsguard/x: [error, {option: 1}]'`, several rules separated by commas. Only the shape is
 * checked here; rule names are checked against the plugin by the caller.
 */
export function parseRuleOptions(values: readonly string[]): Record<string, RuleEntry> {
  const levn = createRequire(import.meta.url)('levn') as { parse(type: string, input: string): unknown };
  const rules: Record<string, RuleEntry> = {};
  for (const value of values) {
    let parsed: unknown;
    try {
      parsed = levn.parse('Object', value);
    } catch (error) {
      throw new UsageError(
        `invalid value for --rule: '${value}' (${error instanceof Error ? error.message : String(error)}; expected e.g. 'tlsguard/no-weak-cipher: off')`,
      );
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || Object.keys(parsed).length === 0) {
      throw new UsageError(`invalid value for --rule: '${value}' (expected e.g. 'tlsguard/no-weak-cipher: off')`);
    }
    for (const [rule, entry] of Object.entries(parsed)) {
      const severity = Array.isArray(entry) ? entry[0] : entry;
      if (!SEVERITIES.includes(severity)) {
        throw new UsageError(`invalid value for --rule: '${value}' (the severity of ${rule} must be off, warn, error, 0, 1 or 2)`);
      }
      rules[rule] = entry as RuleEntry;
    }
  }
  return rules;
}

export function parseMaxWarnings(value: string | undefined): number {
  if (value === undefined) return -1;
  if (/^(0|[1-9][0-9]*|-1)$/.test(value) && Number.isSafeInteger(Number(value))) return Number(value);
  throw new UsageError(`invalid value for --max-warnings: '${value}' (expected a number of warnings, 0 or more, or -1 for no limit)`);
}

/** Parses argv (without the node and script entries). Throws `UsageError`. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        staged: { type: 'boolean' },
        fix: { type: 'boolean' },
        'fix-style': { type: 'string' },
        profile: { type: 'string' },
        strict: { type: 'boolean' },
        'no-types': { type: 'boolean' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        concurrency: { type: 'string' },
        shard: { type: 'string' },
        since: { type: 'string' },
        'ignore-pattern': { type: 'string', multiple: true },
        rule: { type: 'string', multiple: true },
        quiet: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        'suppress-all': { type: 'boolean' },
        'suppress-rule': { type: 'string', multiple: true },
        'suppressions-location': { type: 'string' },
        'prune-suppressions': { type: 'boolean' },
        'pass-on-unpruned-suppressions': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
      tokens: true,
    });
  } catch (error) {
    const retry = withNegativeValue(argv, error);
    if (retry) return parseCliArgs(retry);
    // parseArgs messages can span lines ("... To specify a positional argument starting with a '-' ...").
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.split('\n')[0]!.replace(/\.?\s*To specify a positional argument.*$/, ''));
  }
  const v = parsed.values;
  const colorFlags = parsed.tokens.filter((t) => t.kind === 'option' && (t.name === 'color' || t.name === 'no-color'));
  const lastColor = colorFlags.at(-1);
  const options: CliOptions = {
    paths: parsed.positionals,
    format: oneOf('format', v.format, FORMATS, 'text'),
    output: v.output,
    staged: v.staged === true,
    fix: v.fix === true,
    fixStyle: oneOf('fix-style', v['fix-style'], FIX_STYLES, 'minimal'),
    profile: oneOf('profile', v.profile, PROFILES, undefined),
    strict: v.strict === true,
    types: v['no-types'] !== true,
    cache: v.cache === true || v['cache-location'] !== undefined,
    cacheLocation: v['cache-location'],
    concurrency: parseConcurrency(v.concurrency),
    shard: parseShard(v.shard),
    ignorePatterns: v['ignore-pattern'] ?? [],
    rules: parseRuleOptions(v.rule ?? []),
    maxWarnings: parseMaxWarnings(v['max-warnings']),
    quiet: v.quiet === true,
    color: lastColor && lastColor.kind === 'option' ? lastColor.name === 'color' : undefined,
    since: v.since,
    suppressAll: v['suppress-all'] === true,
    suppressRules: v['suppress-rule'] ?? [],
    suppressionsLocation: v['suppressions-location'],
    pruneSuppressions: v['prune-suppressions'] === true,
    passOnUnprunedSuppressions: v['pass-on-unpruned-suppressions'] === true,
    help: v.help === true,
    version: v.version === true,
  };
  if (options.fix && options.staged) throw new UsageError('--fix cannot be combined with --staged (it would edit the working tree, not the index)');
  if (v['fix-style'] !== undefined && !options.fix) throw new UsageError('--fix-style needs --fix');
  if (options.output === '') throw new UsageError('--output needs a file name');
  if (options.ignorePatterns.some((p) => p.trim() === '')) throw new UsageError('--ignore-pattern needs a non-empty pattern');
  if (options.since !== undefined && (options.since.trim() === '' || options.since.startsWith('-')))
    throw new UsageError(`invalid value for --since: '${options.since}' (expected a git revision, e.g. origin/main)`);
  if (options.since !== undefined && options.staged)
    throw new UsageError('--since cannot be combined with --staged (--staged already lints only what is being committed)');
  if (options.suppressionsLocation === '') throw new UsageError('--suppressions-location needs a path');
  if (options.suppressRules.some((r) => r.trim() === '')) throw new UsageError('--suppress-rule needs a rule id, e.g. tlsguard/no-unverified-certificate');
  // ESLint's own messages for the combinations it refuses.
  if (options.suppressAll && options.suppressRules.length > 0)
    throw new UsageError('The --suppress-all option and the --suppress-rule option cannot be used together.');
  if (options.suppressAll && options.pruneSuppressions)
    throw new UsageError('The --suppress-all option and the --prune-suppressions option cannot be used together.');
  if (options.suppressRules.length > 0 && options.pruneSuppressions)
    throw new UsageError('The --suppress-rule option and the --prune-suppressions option cannot be used together.');
  if (options.staged && (options.suppressAll || options.suppressRules.length > 0 || options.pruneSuppressions)) {
    throw new UsageError(
      '--suppress-all, --suppress-rule and --prune-suppressions cannot be used with --staged (the staged content is not what the suppressions file describes)',
    );
  }
  return options;
}
