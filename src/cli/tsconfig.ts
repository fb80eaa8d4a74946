/**
 * Which files a `tsconfig.json` covers, so that exactly those are linted with type information
 * (typescript-eslint's project service fails on a file no tsconfig includes). For each file the
 * nearest `tsconfig.json` above it is parsed with the TypeScript API (include/exclude/files/
 * allowJs/extends all apply) and the file is typed when it is among the config's file names.
 *
 * The TypeScript compiler is loaded only when a config can cover one of the files (issue 16): for a
 * JavaScript file, only a config whose chain sets `allowJs`/`checkJs` or lists files by name can
 * (`mayCoverJavaScript`, a conservative reading of the JSON; anything it cannot read loads TypeScript,
 * which then reports what is wrong with the config).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/**
 * The `typescript` package when installed (an optional peer dependency). By `require`, not
 * `import()`: importing a CommonJS module makes Node's ES module loader scan its source for named
 * exports (cjs-module-lexer), about 470 ms for typescript.js's 9 MB, on top of the load that
 * `@typescript-eslint/parser`'s own `require` shares (issue 16; bench/RESULTS.md).
 */
export function loadTypeScript(): Promise<TS | undefined> {
  tsPromise ??= new Promise<TS | undefined>((resolve) => {
    try {
      resolve(createRequire(import.meta.url)('typescript') as TS);
    } catch {
      resolve(undefined);
    }
  });
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

  const coversJs = new Map<string, boolean>();
  for (const file of files) {
    const config = findConfig(path.dirname(file));
    if (!config) continue;
    if (JS_FILE.test(file)) {
      let may = coversJs.get(config);
      if (may === undefined) {
        may = mayCoverJavaScript(config);
        coversJs.set(config, may);
      }
      if (!may) continue;
    }
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
  const errors = [
    ...problems.map((p) => `: ${p}`),
    ...diagnostics.filter((d) => d.code !== 18003).map((d) => `${where(ts, config, d)}${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`),
  ];
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

const JS_FILE = /\.[cm]?jsx?$/;
const TS_FILE = /\.(?:[cm]?ts|tsx)$/;

/**
 * False only when `config` certainly covers no JavaScript file: no config of its `extends` chain sets
 * `compilerOptions.allowJs` or `checkJs` (TypeScript includes JavaScript files only then) and none
 * lists a non-TypeScript file in `files` (listed files are included whatever their extension). True
 * when a config or an `extends` target cannot be read or resolved: TypeScript then decides (and
 * reports an invalid config as before).
 */
export function mayCoverJavaScript(config: string, seen: Set<string> = new Set()): boolean {
  if (seen.has(config)) return false; // a cycle: TypeScript reports it when it parses the config
  seen.add(config);
  let json: unknown;
  try {
    json = JSON.parse(stripJsonc(readFileSync(config, 'utf8').replace(/^\uFEFF/, '')));
  } catch {
    return true;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return true;
  const { compilerOptions, files, extends: ext } = json as { compilerOptions?: unknown; files?: unknown; extends?: unknown };
  if (compilerOptions !== undefined) {
    if (typeof compilerOptions !== 'object' || compilerOptions === null) return true;
    const { allowJs, checkJs } = compilerOptions as { allowJs?: unknown; checkJs?: unknown };
    if ((allowJs !== undefined && allowJs !== false) || (checkJs !== undefined && checkJs !== false)) return true;
  }
  if (files !== undefined && !(Array.isArray(files) && files.every((f) => typeof f === 'string' && TS_FILE.test(f)))) return true;
  if (ext === undefined) return false;
  const targets = typeof ext === 'string' ? [ext] : Array.isArray(ext) ? ext : undefined;
  if (!targets) return true;
  for (const target of targets) {
    const resolved = typeof target === 'string' ? resolveExtends(config, target) : undefined;
    if (!resolved || mayCoverJavaScript(resolved, seen)) return true;
  }
  return false;
}

/** The file an `extends` entry names, as TypeScript looks it up (a path, or a package's config), or undefined. */
function resolveExtends(config: string, target: string): string | undefined {
  const dir = path.dirname(config);
  if (target.startsWith('./') || target.startsWith('../') || path.isAbsolute(target)) {
    const file = path.resolve(dir, target);
    for (const candidate of [file, `${file}.json`]) if (existsSync(candidate)) return candidate;
    return undefined;
  }
  const require = createRequire(config);
  for (const request of [target, `${target}/tsconfig.json`, `${target}.json`]) {
    try {
      const file = require.resolve(request);
      if (file.endsWith('.json')) return file;
    } catch {
      // next candidate
    }
  }
  return undefined;
}

/** JSON with comments and trailing commas (tsconfig syntax) as plain JSON; strings are kept as they are. */
export function stripJsonc(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
      out += ' ';
    } else {
      out += c;
      i++;
    }
  }
  // Trailing commas, outside strings (the strings are skipped as whole tokens).
  return out.replace(/"(?:[^"\\]|\\.)*"|,(\s*[}\]])/g, (m, close: string | undefined) => (close === undefined ? m : close));
}
