/**
 * The tlsguard CLI: `run(argv, io)` returns the exit code (0 no findings, 1 findings or files that
 * do not parse, 2 usage or configuration error), so tests call it in-process; `bin.ts` is a shim.
 */
import { existsSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { HELP, parseCliArgs, UsageError, type CliOptions } from './args.js';
import { useColor } from './color.js';
import { cacheDirectory, prepareDirectory, resolveLocation } from './ensure-dir.js';
import { buildEslintOptions, DEFAULT_CACHE_LOCATION, type LintSpec } from './eslint-options.js';
import { collectFiles, commonRoot, DEFAULT_IGNORED_DIRS, isScannedFile, shardFiles, sortFiles, toPosixRelative, type FileError } from './files.js';
import { fixAll } from './fix.js';
import { lint, RULE_PREFIX, type Finding, type LintOutcome, type ParseError } from './lint.js';
import { createProgress, silentProgress, type Writer } from './progress.js';
import { fixSummaryText, formatReport, formatText, summaryLine, type FixSummary, type Report } from './report.js';
import { allRules, enabledRules, toolVersion } from './rules-meta.js';
import { changedSince, touchesChange } from './since.js';
import { stagedFiles } from './staged.js';
import {
  applySuppressions,
  loadSuppressions,
  prune,
  saveSuppressions,
  suppress,
  suppressionsFilePath,
  type SuppressedViolations,
  type SuppressionScope,
} from './suppressions.js';
import { typeCoverage, type TypeCoverage } from './tsconfig.js';

export interface CliIo {
  readonly stdout: Writer;
  readonly stderr: Writer;
  /** The scan root: paths are resolved and reported relative to it. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal (enables the progress indicator unless `CI` is set). */
  readonly isTTY?: boolean;
  /** Whether stdout is a terminal (colours the text report unless NO_COLOR, --no-color, ...). */
  readonly stdoutIsTTY?: boolean;
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

/** `--rule` and `--suppress-rule` name tlsguard rules. */
function checkRuleIds(options: CliOptions): void {
  const known = new Set(allRules().map((r) => r.id));
  const hint = (id: string): string =>
    known.has(`${RULE_PREFIX}${id}`) ? ` (did you mean ${RULE_PREFIX}${id}?)` : ' (tlsguard rules are named tlsguard/<rule>; see docs/cli.md)';
  for (const id of Object.keys(options.rules)) if (!known.has(id)) throw new UsageError(`--rule: unknown rule '${id}'${hint(id)}`);
  for (const id of options.suppressRules) if (!known.has(id)) throw new UsageError(`--suppress-rule: unknown rule '${id}'${hint(id)}`);
}

/** `--ignore-pattern`: ESLint's own matching (`isPathIgnored`, patterns relative to the working directory). */
async function dropIgnoredByPattern(
  cwd: string,
  files: readonly string[],
  patterns: readonly string[],
  named: ReadonlySet<string>,
  notes: string[],
): Promise<string[]> {
  if (patterns.length === 0) return [...files];
  // Only the patterns decide: the default node_modules ignore of ESLint is the file set's business.
  const matcher = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: [{ files: ['**/*'] }], ignorePatterns: ['!**/node_modules/', ...patterns] });
  const kept: string[] = [];
  const namedIgnored: string[] = [];
  for (const file of files) {
    const rel = path.relative(cwd, file);
    // Files outside the working directory are outside the patterns' base too.
    const outside = rel.startsWith('..') || path.isAbsolute(rel);
    if (!outside && (await matcher.isPathIgnored(file))) {
      if (named.has(file)) namedIgnored.push(toPosixRelative(cwd, file));
      continue;
    }
    kept.push(file);
  }
  if (namedIgnored.length > 0) notes.push(`not scanned, matched by --ignore-pattern: ${namedIgnored.join(', ')}`);
  return kept;
}

/** The files to lint: staged (with their staged texts) or the file set, then --ignore-pattern, --since and --shard. */
async function selectFiles(
  options: CliOptions,
  cwd: string,
  io: CliIo,
  notes: string[],
  since: ReturnType<typeof changedSince> | undefined,
): Promise<{ files: string[]; texts: Map<string, string> | undefined; fileErrors: FileError[] }> {
  let files: string[];
  let texts: Map<string, string> | undefined;
  let fileErrors: FileError[] = [];
  if (options.staged) {
    // Staged files under the working directory, or under the given paths.
    const filters = (options.paths.length > 0 ? options.paths : ['.']).map((p) => path.resolve(cwd, p));
    const staged = stagedFiles(
      cwd,
      (abs) => {
        const rel = toPosixRelative(cwd, abs).split('/');
        return isScannedFile(abs) && !rel.some((s) => DEFAULT_IGNORED_DIRS.includes(s)) && within(abs, filters);
      },
      io.env,
    );
    texts = staged.texts;
    files = sortFiles(cwd, [...texts.keys()]);
  } else {
    const selection = collectFiles(cwd, options.paths, { env: io.env });
    files = [...selection.files];
    fileErrors = [...selection.errors];
    notes.push(...selection.notes);
    if (selection.ignored.length > 0) notes.push(`scanned although ignored (.gitignore, node_modules or dist): ${selection.ignored.join(', ')}`);
    if (selection.unsupported.length > 0) notes.push(`not scanned, not a JavaScript or TypeScript file: ${selection.unsupported.join(', ')}`);
  }
  const named = new Set(options.paths.map((p) => path.resolve(cwd, p)));
  files = await dropIgnoredByPattern(cwd, files, options.ignorePatterns, named, notes);
  if (since) {
    files = files.filter((f) => since.files.has(f));
    notes.push(`--since ${options.since}: ${files.length} changed file${files.length === 1 ? '' : 's'} to lint (merge base ${since.base.slice(0, 12)})`);
  }
  files = shardFiles(files, options.shard);
  return { files, texts, fileErrors };
}

async function scan(options: CliOptions, io: CliIo): Promise<number> {
  let cwd: string;
  try {
    cwd = realpathSync(path.resolve(io.cwd));
  } catch {
    throw new UsageError(`no such directory: ${io.cwd}`);
  }
  checkRuleIds(options);
  const notes: string[] = [];
  // Before linting, so that a report or cache that cannot be written fails at once.
  const cacheLocation = resolveLocation(cwd, options.cacheLocation ?? DEFAULT_CACHE_LOCATION);
  if (options.output) prepareDirectory(path.dirname(path.resolve(cwd, options.output)), '--output', options.output);
  if (options.cache) prepareDirectory(cacheDirectory(cacheLocation), '--cache-location', options.cacheLocation ?? DEFAULT_CACHE_LOCATION);
  const since = options.since === undefined ? undefined : changedSince(cwd, options.since, io.env);

  const selected = await selectFiles(options, cwd, io, notes, since);
  const { files, texts } = selected;
  let fileErrors = selected.fileErrors;

  // ESLint lints only files under its base path: the working directory, or the common root of the files.
  const root = commonRoot([cwd, ...files, ...fileErrors.map((e) => e.file)]);
  if (root !== cwd) notes.push(`some files are outside the working directory: report paths are relative to ${root}`);

  const coverage: TypeCoverage = options.types ? await typeCoverage(files) : { typed: new Set(), configOf: new Map(), note: undefined };
  if (coverage.note) notes.push(coverage.note);
  const config = options.strict ? 'strict' : 'recommended';
  const spec: LintSpec = {
    cwd: root,
    config,
    profile: options.profile,
    typedFiles: [...coverage.typed],
    cache: options.cache,
    cacheLocation,
    concurrency: options.concurrency,
    rules: options.rules as LintSpec['rules'],
  };

  const progress = createProgress(io.stderr, io.isTTY === true, io.env, cwd);
  progress.start(files.length, 'tlsguard: linting');
  let outcome: LintOutcome;
  try {
    outcome = (await lint({ spec, files, ...(texts ? { texts } : {}), progress, notes })).outcome;
  } finally {
    progress.done();
  }
  let { findings, parseErrors } = outcome;
  let inSource = outcome.suppressed;
  fileErrors = [...fileErrors, ...outcome.fileErrors];

  let fix: FixSummary | undefined;
  if (options.fix) {
    const serial: LintSpec = { ...spec, concurrency: 'off' };
    const parser = new ESLint(buildEslintOptions({ ...serial, typedFiles: [], cache: false }));
    const parses = async (file: string, text: string): Promise<boolean> =>
      (await parser.lintText(text, { filePath: file, warnIgnored: false })).every((r) => !r.messages.some((m) => m.fatal));
    const relint = async (subset: readonly string[]): Promise<Finding[]> =>
      (await lint({ spec: { ...serial, cache: false }, files: subset, progress: silentProgress, notes })).outcome.findings;
    // --no-types only turns type information off for linting: edits to files that a tsconfig.json
    // covers are still type-checked (an invalid tsconfig then leaves its files' edits unapplied).
    const checked = options.types && !coverage.note ? coverage : await typeCoverage(files, { invalidConfigs: 'collect' });
    const result = await fixAll(findings, options.fixStyle, checked.configOf, parses, relint, root, undefined, checked.invalid);
    fix = result.summary;
    if (result.changed.size > 0) {
      const changed = [...result.changed];
      const after = (await lint({ spec: { ...serial, cache: false }, files: changed, progress: silentProgress, notes })).outcome;
      findings = [...findings.filter((f) => !result.changed.has(f.file)), ...after.findings];
      inSource = [...inSource.filter((f) => !result.changed.has(f.file)), ...after.suppressed];
      parseErrors = [...parseErrors.filter((e) => !result.changed.has(e.file)), ...after.parseErrors];
    }
  }

  if (options.quiet) {
    findings = findings.filter((f) => f.severity === 'error');
    inSource = inSource.filter((f) => f.severity === 'error');
  }

  // Bulk suppressions (ESLint's order: after --fix, before --quiet output and the exit code).
  const rules = enabledRules(config, options.rules);
  const suppressions = applySuppressionsFile(options, cwd, files, findings, parseErrors, fileErrors, new Set(rules.map((r) => r.id)));
  findings = suppressions.active;
  let suppressed = [...inSource, ...suppressions.suppressed];

  if (since) {
    const keep = (f: Finding): boolean => touchesChange(since, f.file, f.line, f.endLine);
    findings = findings.filter(keep);
    suppressed = suppressed.filter(keep);
  }

  const report: Report = { root, filesScanned: files.length, findings, parseErrors, rules, fix, suppressed, fileErrors };
  const color = options.format === 'text' && !options.output && useColor(options.color, io.env, io.stdoutIsTTY === true);
  const formatted = options.format === 'text' ? formatText(report, { color }) : formatReport(report, options.format);
  if (options.output) {
    const target = path.resolve(cwd, options.output);
    try {
      writeFileSync(target, formatted);
    } catch (error) {
      throw new UsageError(`cannot write --output ${options.output}: ${error instanceof Error ? error.message : String(error)}`);
    }
    io.stderr.write(`${summaryLine(report).replace(/\.$/, '')}; ${options.format} report written to ${options.output}\n`);
  } else {
    io.stdout.write(formatted);
  }
  if (fix && (options.format !== 'text' || options.output)) {
    for (const line of fixSummaryText(report)) io.stderr.write(`tlsguard: ${line.trim()}\n`);
  }
  for (const note of notes) io.stderr.write(`tlsguard: note: ${oneLine(note)}\n`);

  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const tooManyWarnings = options.maxWarnings >= 0 && warnings > options.maxWarnings;
  if (tooManyWarnings && errors === 0) io.stderr.write(`tlsguard: too many warnings (${warnings}, maximum: ${options.maxWarnings})\n`);
  if (fileErrors.length > 0) {
    io.stderr.write(
      `tlsguard: ${fileErrors.length} path${fileErrors.length === 1 ? '' : 's'} could not be read (listed in the report); the rest was scanned\n`,
    );
    return 2;
  }
  const unusedFiles = Object.keys(suppressions.unused).length;
  if (unusedFiles > 0 && !options.passOnUnprunedSuppressions) {
    const count = Object.values(suppressions.unused).reduce((n, byRule) => n + Object.values(byRule).reduce((m, e) => m + e.count, 0), 0);
    io.stderr.write(
      `tlsguard: there are suppressions left that do not occur anymore (${count} in ${unusedFiles} file${unusedFiles === 1 ? '' : 's'} of ${suppressions.shown}). Re-run with --prune-suppressions to remove them, or use --pass-on-unpruned-suppressions to ignore them.\n`,
    );
    return 2;
  }
  return errors > 0 || parseErrors.length > 0 || tooManyWarnings ? 1 : 0;
}

interface SuppressionOutcome {
  readonly active: Finding[];
  readonly suppressed: Finding[];
  readonly unused: SuppressedViolations;
  /** The suppressions file as shown in messages. */
  readonly shown: string;
}

/** Reads (and with --suppress-all, --suppress-rule or --prune-suppressions writes) the suppressions file and applies it. */
function applySuppressionsFile(
  options: CliOptions,
  cwd: string,
  files: readonly string[],
  findings: Finding[],
  parseErrors: readonly ParseError[],
  fileErrors: readonly FileError[],
  ruleIds: ReadonlySet<string>,
): SuppressionOutcome {
  const file = suppressionsFilePath(options.suppressionsLocation, cwd);
  const shown = toPosixRelative(cwd, file).startsWith('..') ? file : toPosixRelative(cwd, file);
  const writes = options.suppressAll || options.suppressRules.length > 0;
  if (options.suppressionsLocation !== undefined && !existsSync(file) && !writes) {
    throw new UsageError(`the suppressions file ${shown} does not exist; run with --suppress-all or --suppress-rule to create it`);
  }
  if (!writes && !options.pruneSuppressions && !existsSync(file)) return { active: findings, suppressed: [], unused: {}, shown };
  // Files that did not parse or could not be read keep their entries: they were not really linted.
  const notLinted = new Set([...parseErrors.map((e) => e.file), ...fileErrors.map((e) => e.file)]);
  const scope: SuppressionScope = { cwd, files: files.filter((f) => !notLinted.has(f)), rules: ruleIds };
  let data = loadSuppressions(file, shown);
  if (writes) {
    data = suppress(data, findings, scope, options.suppressAll ? undefined : options.suppressRules);
    saveSuppressions(file, shown, data);
  }
  if (options.pruneSuppressions) {
    data = prune(data, findings, scope, (rule) => rule.startsWith(RULE_PREFIX));
    saveSuppressions(file, shown, data);
  }
  return { ...applySuppressions(data, findings, scope), shown };
}
