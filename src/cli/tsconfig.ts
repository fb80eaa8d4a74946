/**
 * Which files a `tsconfig.json` covers, so that exactly those are linted with type information
 * (typescript-eslint's project service fails on a file no tsconfig includes). For each file the
 * nearest `tsconfig.json` above it is parsed with the TypeScript API (include/exclude/files/
 * allowJs/extends all apply) and the file is typed when it is among the config's file names.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './args.js';

type TS = typeof import('typescript');

export interface TypeCoverage {
  /** Absolute paths linted with type information. */
  readonly typed: ReadonlySet<string>;
  /** Absolute file -> the tsconfig.json covering it. */
  readonly configOf: ReadonlyMap<string, string>;
  /** Why type information is not used at all, when it is not (e.g. typescript is not installed). */
  readonly note: string | undefined;
  /** With `invalidConfigs: 'collect'`: file -> why its nearest tsconfig.json cannot be used. */
  readonly invalid?: ReadonlyMap<string, string>;
}

export interface CoverageOptions {
  /**
   * `throw` (the scan): an invalid tsconfig.json is a configuration error. `collect` (`--fix` with
   * `--no-types`, which still type-checks edits): the files under it are listed in `invalid`.
   */
  readonly invalidConfigs?: 'throw' | 'collect';
}

let tsPromise: Promise<TS | undefined> | undefined;

/** The `typescript` package when installed (an optional peer dependency). */
export function loadTypeScript(): Promise<TS | undefined> {
  tsPromise ??= import('typescript').then(
    (m) => ((m as { default?: TS }).default ?? (m as TS)),
    () => undefined,
  );
  return tsPromise;
}

function normalize(ts: TS, file: string): string {
  return ts.sys.useCaseSensitiveFileNames ? path.resolve(file) : path.resolve(file).toLowerCase();
}

export async function typeCoverage(files: readonly string[], options: CoverageOptions = {}): Promise<TypeCoverage> {
  const typed = new Set<string>();
  const configOf = new Map<string, string>();
  const invalid = new Map<string, string>();
  const nearest = new Map<string, string | null>();
  const parsed = new Map<string, Set<string> | string>();
  let ts: TS | undefined;

  const findConfig = (dir: string): string | null => {
    const cached = nearest.get(dir);
    if (cached !== undefined) return cached;
    const candidate = path.join(dir, 'tsconfig.json');
    const parent = path.dirname(dir);
    const found = existsSync(candidate) ? candidate : parent === dir ? null : findConfig(parent);
    nearest.set(dir, found);
    return found;
  };

  for (const file of files) {
    const config = findConfig(path.dirname(file));
    if (!config) continue;
    ts ??= await loadTypeScript();
    if (!ts) {
      const note = 'the typescript package is not installed; linting without type information';
      if (options.invalidConfigs !== 'collect') return { typed: new Set(), configOf: new Map(), note };
      // For --fix: every file under a tsconfig.json is one whose edits cannot be type-checked.
      for (const f of files) {
        const c = findConfig(path.dirname(f));
        if (c) invalid.set(f, `the typescript package is not installed, so ${c} cannot be read`);
      }
      return { typed: new Set(), configOf: new Map(), note, invalid };
    }
    let names = parsed.get(config);
    if (!names) {
      try {
        names = parseConfigFileNames(ts, config);
      } catch (error) {
        if (options.invalidConfigs !== 'collect' || !(error instanceof UsageError)) throw error;
        names = error.message.replace(/ \(use --no-types[^)]*\)$/, '');
      }
      parsed.set(config, names);
    }
    if (typeof names === 'string') invalid.set(file, names);
    else if (names.has(normalize(ts, file))) {
      typed.add(file);
      configOf.set(file, config);
    }
  }
  return { typed, configOf, note: undefined, ...(options.invalidConfigs === 'collect' ? { invalid } : {}) };
}

function parseConfigFileNames(ts: TS, config: string): Set<string> {
  const problems: string[] = [];
  const host: import('typescript').ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => problems.push(ts.flattenDiagnosticMessageText(d.messageText, ' ')),
  };
  const result = ts.getParsedCommandLineOfConfigFile(config, undefined, host);
  // With the JSON syntax errors of the config itself, which `errors` leaves out (TypeScript parses
  // on and `--fix`'s ts-morph then fails). "No inputs were found" (TS18003) only means the config
  // covers none of our files.
  const diagnostics = result ? ts.getConfigFileParsingDiagnostics(result) : [];
  const errors = [...problems.map((p) => `: ${p}`), ...diagnostics.filter((d) => d.code !== 18003).map((d) => `${where(ts, config, d)}${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`)];
  if (!result || errors.length > 0) {
    throw new UsageError(`invalid config ${config}${errors[0] ?? ': cannot be read'} (use --no-types to lint without type information)`);
  }
  return new Set(result.fileNames.map((f) => normalize(ts, f)));
}

/** What follows the config's path in a message: `:line:column: `, `: base.json:line:column: ` (an `extends` base) or `: `. */
function where(ts: TS, config: string, d: import('typescript').Diagnostic): string {
  if (!d.file || d.start === undefined) return ': ';
  const { line, character } = ts.getLineAndCharacterOfPosition(d.file, d.start);
  const at = `${line + 1}:${character + 1}: `;
  return path.resolve(d.file.fileName) === path.resolve(config) ? `:${at}` : `: ${d.file.fileName}:${at}`;
}
