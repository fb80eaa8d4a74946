/**
 * Runs ESLint's Node API over the selected files and reduces its results to tlsguard findings.
 * Messages of other rules (from inline config comments in the scanned code) and ESLint's notices
 * are dropped; fatal parse errors are kept, separately.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import type { Concurrency } from './args.js';
import { buildEslintOptions, optionsModuleSource, type LintSpec } from './eslint-options.js';
import { fsErrorText, type FileError } from './files.js';
import { IMPORT_DATA_KEY } from '../rule-kit/imports.js';
import type { Progress } from './progress.js';

export interface Suggestion {
  readonly desc: string;
  readonly messageId: string | undefined;
  readonly fix: { readonly range: readonly [number, number]; readonly text: string };
  /** The import the edit adds (`name from module`), if any: two such edits in one file are not applied together. */
  readonly addsImport?: string;
}

/** Why a finding is not counted: an inline `eslint-disable` comment, or the suppressions file (baseline). */
export interface Suppression {
  readonly kind: 'inSource' | 'external';
  readonly justification?: string;
}

export interface Finding {
  /** Absolute path. */
  readonly file: string;
  readonly ruleId: string;
  readonly message: string;
  readonly messageId: string | undefined;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: 'error' | 'warning';
  readonly suggestions: readonly Suggestion[];
  /** Present on suppressed findings only. */
  readonly suppressions?: readonly Suppression[];
}

export interface ParseError {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface LintOutcome {
  readonly findings: Finding[];
  /** Findings that an inline `eslint-disable` comment suppresses (`kind: 'inSource'`). */
  readonly suppressed: Finding[];
  readonly parseErrors: ParseError[];
  /** Files ESLint could not read or did not lint (never dropped silently). */
  readonly fileErrors: FileError[];
}

export const RULE_PREFIX = 'tlsguard/';

/** A 1-based line or column; ESLint leaves both undefined when the parser fails without a position (a stack overflow). */
const position = (n: number | undefined): number => (Number.isInteger(n) && n! >= 1 ? n! : 1);
const PROJECT_SERVICE_MISS = /project service|parserOptions\.project/i;

function toFinding(file: string, m: Linter.LintMessage): Finding {
  return {
    file,
    ruleId: m.ruleId!,
    message: m.message,
    messageId: m.messageId,
    line: m.line,
    column: m.column,
    endLine: m.endLine ?? m.line,
    endColumn: m.endColumn ?? m.column,
    severity: m.severity === 2 ? 'error' : 'warning',
    suggestions: (m.suggestions ?? []).map((s: Linter.LintSuggestion) => {
      // ESLint passes a suggestion's `data` through; the factory suggestions name their import there.
      const adds = (s as { data?: Record<string, unknown> }).data?.[IMPORT_DATA_KEY];
      return {
        desc: s.desc,
        messageId: s.messageId,
        fix: { range: [s.fix.range[0], s.fix.range[1]] as const, text: s.fix.text },
        ...(typeof adds === 'string' ? { addsImport: adds } : {}),
      };
    }),
  };
}

/** ESLint's result for a file it was given but did not lint ("File ignored because ..."). */
const NOT_LINTED = /^File ignored\b/;

export function reduceResults(results: readonly ESLint.LintResult[]): LintOutcome {
  const findings: Finding[] = [];
  const suppressed: Finding[] = [];
  const parseErrors: ParseError[] = [];
  const fileErrors: FileError[] = [];
  for (const result of results) {
    for (const m of result.messages) {
      if (m.fatal) {
        parseErrors.push({ file: result.filePath, line: position(m.line), column: position(m.column), message: m.message });
        continue;
      }
      if (m.ruleId === null && NOT_LINTED.test(m.message)) {
        fileErrors.push({ file: result.filePath, message: `not linted: ${m.message}` });
        continue;
      }
      if (!m.ruleId?.startsWith(RULE_PREFIX)) continue;
      findings.push(toFinding(result.filePath, m));
    }
    for (const m of result.suppressedMessages ?? []) {
      if (!m.ruleId?.startsWith(RULE_PREFIX)) continue;
      const suppressions = (m.suppressions ?? []).map((s) => ({ kind: 'inSource' as const, ...(s.justification ? { justification: s.justification } : {}) }));
      suppressed.push({ ...toFinding(result.filePath, m), suppressions: suppressions.length > 0 ? suppressions : [{ kind: 'inSource' }] });
    }
  }
  return { findings, suppressed, parseErrors, fileErrors };
}

/** ESLint >= 9.34 has multithreaded linting (`concurrency`) and `ESLint.fromOptionsModule`. */
export function concurrencySupport(): { supported: boolean; version: string } {
  const fromOptionsModule = (ESLint as unknown as { fromOptionsModule?: unknown }).fromOptionsModule;
  const [major = 0, minor = 0] = ESLint.version.split('.').map(Number);
  return { supported: typeof fromOptionsModule === 'function' && (major > 9 || (major === 9 && minor >= 34)), version: ESLint.version };
}

/** The compiled options builder, which worker threads can import (not available when running from sources). */
function builderModuleUrl(): URL | undefined {
  const url = new URL('./eslint-options.js', import.meta.url);
  return existsSync(url) ? url : undefined;
}

export interface Engine {
  readonly eslint: ESLint;
  /** The concurrency actually used. */
  readonly concurrency: Concurrency;
  dispose(): void;
}

/** An ESLint instance for `spec`; `notes` receives one-line explanations (e.g. concurrency unavailable). */
export async function createEngine(spec: LintSpec, notes: string[]): Promise<Engine> {
  if (spec.concurrency !== 'off') {
    const support = concurrencySupport();
    const builder = builderModuleUrl();
    if (!support.supported) {
      notes.push(`--concurrency needs ESLint >= 9.34 (installed: ${support.version}); linting in one thread`);
    } else if (!builder) {
      notes.push('--concurrency needs the compiled CLI (dist/); linting in one thread');
    } else {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'tlsguard-options-'));
      const file = path.join(dir, 'options.mjs');
      writeFileSync(file, optionsModuleSource(builder.href, spec));
      const fromOptionsModule = (ESLint as unknown as { fromOptionsModule(url: URL): Promise<ESLint> }).fromOptionsModule;
      const eslint = await fromOptionsModule.call(ESLint, pathToFileURL(file));
      return { eslint, concurrency: spec.concurrency, dispose: () => rmSync(dir, { recursive: true, force: true }) };
    }
  }
  const eslint = new ESLint(buildEslintOptions({ ...spec, concurrency: 'off' }));
  return { eslint, concurrency: 'off', dispose: () => undefined };
}

export interface LintRequest {
  readonly spec: LintSpec;
  readonly files: readonly string[];
  /** For `--staged`: the text to lint per file instead of the file on disk. */
  readonly texts?: ReadonlyMap<string, string>;
  readonly progress: Progress;
  readonly notes: string[];
}

const CHUNK = 25;

/** Node's errors for a file that cannot be read (the whole `lintFiles` call rejects with one). */
const READ_ERRORS = new Set(['EACCES', 'EPERM', 'ENOENT', 'ENOTDIR', 'EISDIR', 'ELOOP', 'EIO', 'ENXIO', 'EMFILE', 'ENAMETOOLONG', 'EINVAL']);

function isReadError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code !== undefined && READ_ERRORS.has(code);
}

/** Lints `files`; a file that cannot be read becomes a `fileErrors` entry and the others are linted. */
async function lintFilesKeepingGoing(eslint: ESLint, files: readonly string[], fileErrors: FileError[]): Promise<ESLint.LintResult[]> {
  try {
    return await eslint.lintFiles([...files]);
  } catch (error) {
    if (!isReadError(error)) throw error;
  }
  // One by one, to find the file(s) that cannot be read.
  const results: ESLint.LintResult[] = [];
  for (const file of files) {
    try {
      results.push(...(await eslint.lintFiles([file])));
    } catch (error) {
      if (!isReadError(error)) throw error;
      fileErrors.push({ file, message: `cannot read: ${fsErrorText(error)}` });
    }
  }
  return results;
}

async function lintWith(
  engine: Engine,
  files: readonly string[],
  texts: ReadonlyMap<string, string> | undefined,
  progress: Progress,
  fileErrors: FileError[],
): Promise<ESLint.LintResult[]> {
  const results: ESLint.LintResult[] = [];
  if (texts) {
    for (const file of files) {
      progress.update(file);
      results.push(...(await engine.eslint.lintText(texts.get(file) ?? '', { filePath: file, warnIgnored: true })));
    }
    return results;
  }
  // One call lets worker threads share the files; chunks only serve the progress indicator.
  const chunk = engine.concurrency === 'off' && progress.enabled ? CHUNK : files.length;
  for (let i = 0; i < files.length; i += Math.max(chunk, 1)) {
    const slice = files.slice(i, i + chunk);
    progress.update(slice[0] ?? '', slice.length);
    results.push(...(await lintFilesKeepingGoing(engine.eslint, slice, fileErrors)));
  }
  return results;
}

/** Lints `files`; typed files that the project service cannot place are re-linted without types. */
export async function lint(request: LintRequest): Promise<{ results: ESLint.LintResult[]; outcome: LintOutcome }> {
  const { spec, files, texts, progress, notes } = request;
  const fileErrors: FileError[] = [];
  if (files.length === 0) return { results: [], outcome: { findings: [], suppressed: [], parseErrors: [], fileErrors } };
  const engine = await createEngine(spec, notes);
  let results: ESLint.LintResult[];
  try {
    results = await lintWith(engine, files, texts, progress, fileErrors);
  } finally {
    engine.dispose();
  }
  const typed = new Set(spec.typedFiles);
  const retry = results.filter((r) => typed.has(r.filePath) && r.messages.some((m) => m.fatal && PROJECT_SERVICE_MISS.test(m.message))).map((r) => r.filePath);
  if (retry.length > 0) {
    const untypedSpec: LintSpec = { ...spec, typedFiles: spec.typedFiles.filter((f) => !retry.includes(f)), concurrency: 'off' };
    const again = await createEngine(untypedSpec, notes);
    const redone = await lintWith(again, retry, texts, progress, fileErrors);
    const byFile = new Map(redone.map((r) => [r.filePath, r]));
    results = results.map((r) => byFile.get(r.filePath) ?? r);
  }
  const outcome = reduceResults(results);
  return { results, outcome: { ...outcome, fileErrors: [...fileErrors, ...outcome.fileErrors] } };
}
