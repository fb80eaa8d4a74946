/**
 * Command-line arguments: `node:util` `parseArgs` in strict mode, then validation into `CliOptions`.
 * Every problem is a `UsageError` (exit code 2, one line on stderr).
 */
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
  readonly help: boolean;
  readonly version: boolean;
}

const FORMATS: readonly Format[] = ['text', 'json', 'sarif'];
const FIX_STYLES: readonly FixStyle[] = ['minimal', 'factory'];
const PROFILES: readonly Profile[] = ['intermediate', 'modern'];

export const HELP = `Usage: tlsguard [options] [paths...]

Finds insecure TLS configuration in JavaScript and TypeScript files (default path: .).
Files: .js .cjs .mjs .jsx .ts .cts .mts .tsx; .gitignore is respected; node_modules and dist are skipped.

Options:
  --format text|json|sarif      output format (default: text)
  -o, --output FILE             write the report to FILE instead of stdout
  --staged                      lint the content staged in git (git diff --cached)
  --fix                         apply suggested fixes in bulk; edits that add a type error are rolled back
  --fix-style minimal|factory   which suggestion --fix applies (default: minimal)
  --profile intermediate|modern policy profile (settings.tlsguard.profile)
  --strict                      use the strict config instead of recommended
  --no-types                    do not use type information even when a tsconfig.json covers the files
  --cache                       only re-lint changed files (ESLint cache)
  --cache-location PATH         cache file or directory (default: .tlsguard-cache)
  --concurrency auto|N|off      lint with worker threads (ESLint >= 9.34; default: off)
  --shard i/n                   lint only the i-th of n slices of the sorted file list (for CI)
  -h, --help                    show this help
  -v, --version                 show the version

Exit codes: 0 no findings, 1 findings (or files that cannot be parsed), 2 usage or configuration error.
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
  if (!m || index > count || !Number.isSafeInteger(count)) throw new UsageError(`invalid value for --shard: '${value}' (expected i/n with 1 <= i <= n, e.g. 2/4)`);
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
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    const retry = withNegativeValue(argv, error);
    if (retry) return parseCliArgs(retry);
    // parseArgs messages can span lines ("... To specify a positional argument starting with a '-' ...").
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.split('\n')[0]!.replace(/\.?\s*To specify a positional argument.*$/, ''));
  }
  const v = parsed.values;
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
    help: v.help === true,
    version: v.version === true,
  };
  if (options.fix && options.staged) throw new UsageError('--fix cannot be combined with --staged (it would edit the working tree, not the index)');
  if (v['fix-style'] !== undefined && !options.fix) throw new UsageError('--fix-style needs --fix');
  if (options.output === '') throw new UsageError('--output needs a file name');
  return options;
}
