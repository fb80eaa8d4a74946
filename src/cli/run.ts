/**
 * The tlsguard CLI: `run(argv, io)` returns the exit code (0 no findings, 1 findings or files that
 * do not parse, 2 usage or configuration error), so tests call it in-process; `bin.ts` is a shim.
 */
import { realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { HELP, parseCliArgs, UsageError, type CliOptions } from './args.js';
import { cacheDirectory, prepareDirectory, resolveLocation } from './ensure-dir.js';
import { buildEslintOptions, DEFAULT_CACHE_LOCATION, type LintSpec } from './eslint-options.js';
import { collectFiles, DEFAULT_IGNORED_DIRS, hasLintableExtension, shardFiles, sortFiles, toPosixRelative } from './files.js';
import { fixAll } from './fix.js';
import { lint, type Finding, type ParseError } from './lint.js';
import { createProgress, silentProgress, type Writer } from './progress.js';
import { fixSummaryText, formatReport, type FixSummary, type Report } from './report.js';
import { rulesOfConfig, toolVersion } from './rules-meta.js';
import { stagedFiles } from './staged.js';
import { typeCoverage, type TypeCoverage } from './tsconfig.js';

export interface CliIo {
  readonly stdout: Writer;
  readonly stderr: Writer;
  /** The scan root: paths are resolved and reported relative to it. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal (enables the progress indicator unless `CI` is set). */
  readonly isTTY?: boolean;
}

const oneLine = (message: string): string => message.replace(/\s*\n\s*/g, ' ').trim();

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`tlsguard: ${oneLine(error.message)} (see tlsguard --help)\n`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (options.version) {
    io.stdout.write(`tlsguard ${toolVersion} (ESLint ${ESLint.version})\n`);
    return 0;
  }
  try {
    return await scan(options, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UsageError) io.stderr.write(`tlsguard: ${oneLine(message)}\n`);
    else io.stderr.write(`tlsguard: configuration or internal error: ${oneLine(message)}\n`);
    return 2;
  }
}

function within(file: string, dirs: readonly string[]): boolean {
  return dirs.some((d) => file === d || file.startsWith(d.endsWith(path.sep) ? d : d + path.sep));
}

async function scan(options: CliOptions, io: CliIo): Promise<number> {
  let cwd: string;
  try {
    cwd = realpathSync(path.resolve(io.cwd));
  } catch {
    throw new UsageError(`no such directory: ${io.cwd}`);
  }
  const notes: string[] = [];
  // Before linting, so that a report or cache that cannot be written fails at once.
  const cacheLocation = resolveLocation(cwd, options.cacheLocation ?? DEFAULT_CACHE_LOCATION);
  if (options.output) prepareDirectory(path.dirname(path.resolve(cwd, options.output)), '--output', options.output);
  if (options.cache) prepareDirectory(cacheDirectory(cacheLocation), '--cache-location', options.cacheLocation ?? DEFAULT_CACHE_LOCATION);

  let files: string[];
  let texts: Map<string, string> | undefined;
  if (options.staged) {
    // Staged files under the working directory, or under the given paths.
    const filters = (options.paths.length > 0 ? options.paths : ['.']).map((p) => path.resolve(cwd, p));
    const staged = stagedFiles(cwd, (abs) => {
      const rel = toPosixRelative(cwd, abs).split('/');
      return hasLintableExtension(abs) && !rel.some((s) => DEFAULT_IGNORED_DIRS.includes(s)) && within(abs, filters);
    }, io.env);
    texts = staged.texts;
    files = sortFiles(cwd, [...texts.keys()]);
  } else {
    const selection = collectFiles(cwd, options.paths);
    files = [...selection.files];
    if (selection.ignored.length > 0) notes.push(`ignored (node_modules, dist, .git or .gitignore): ${selection.ignored.join(', ')}`);
  }
  files = shardFiles(files, options.shard);

  const coverage: TypeCoverage = options.types ? await typeCoverage(files) : { typed: new Set(), configOf: new Map(), note: undefined };
  if (coverage.note) notes.push(coverage.note);
  const config = options.strict ? 'strict' : 'recommended';
  const spec: LintSpec = {
    cwd,
    config,
    profile: options.profile,
    typedFiles: [...coverage.typed],
    cache: options.cache,
    cacheLocation,
    concurrency: options.concurrency,
  };

  const progress = createProgress(io.stderr, io.isTTY === true, io.env, cwd);
  progress.start(files.length, 'tlsguard: linting');
  let findings: Finding[];
  let parseErrors: ParseError[];
  try {
    ({ findings, parseErrors } = (await lint({ spec, files, ...(texts ? { texts } : {}), progress, notes })).outcome);
  } finally {
    progress.done();
  }

  let fix: FixSummary | undefined;
  if (options.fix) {
    const serial: LintSpec = { ...spec, concurrency: 'off' };
    const parser = new ESLint(buildEslintOptions({ ...serial, typedFiles: [], cache: false }));
    const parses = async (file: string, text: string): Promise<boolean> =>
      (await parser.lintText(text, { filePath: file, warnIgnored: false })).every((r) => !r.messages.some((m) => m.fatal));
    const relint = async (subset: readonly string[]): Promise<Finding[]> =>
      (await lint({ spec: { ...serial, cache: false }, files: subset, progress: silentProgress, notes })).outcome.findings;
    const result = await fixAll(findings, options.fixStyle, coverage.configOf, parses, relint, cwd);
    fix = result.summary;
    if (result.changed.size > 0) {
      const changed = [...result.changed];
      const after = (await lint({ spec: { ...serial, cache: false }, files: changed, progress: silentProgress, notes })).outcome;
      findings = [...findings.filter((f) => !result.changed.has(f.file)), ...after.findings];
      parseErrors = [...parseErrors.filter((e) => !result.changed.has(e.file)), ...after.parseErrors];
    }
  }

  const report: Report = { root: cwd, filesScanned: files.length, findings, parseErrors, rules: rulesOfConfig(config), fix };
  const formatted = formatReport(report, options.format);
  if (options.output) {
    const target = path.resolve(cwd, options.output);
    try {
      writeFileSync(target, formatted);
    } catch (error) {
      throw new UsageError(`cannot write --output ${options.output}: ${error instanceof Error ? error.message : String(error)}`);
    }
    io.stderr.write(`tlsguard: ${findings.length} finding${findings.length === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}; ${options.format} report written to ${options.output}\n`);
  } else {
    io.stdout.write(formatted);
  }
  if (fix && (options.format !== 'text' || options.output)) {
    for (const line of fixSummaryText(report)) io.stderr.write(`tlsguard: ${line.trim()}\n`);
  }
  for (const note of notes) io.stderr.write(`tlsguard: note: ${note}\n`);
  return findings.length > 0 || parseErrors.length > 0 ? 1 : 0;
}
