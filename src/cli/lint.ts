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
import type { Progress } from './progress.js';

export interface Suggestion {
  readonly desc: string;
  readonly messageId: string | undefined;
  readonly fix: { readonly range: readonly [number, number]; readonly text: string };
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
}

export interface ParseError {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface LintOutcome {
  readonly findings: Finding[];
  readonly parseErrors: ParseError[];
}

export const RULE_PREFIX = 'tlsguard/';

/** A 1-based line or column; ESLint leaves both undefined when the parser fails without a position (a stack overflow). */
const position = (n: number | undefined): number => (Number.isInteger(n) && n! >= 1 ? n! : 1);
const PROJECT_SERVICE_MISS = /project service|parserOptions\.project/i;

export function reduceResults(results: readonly ESLint.LintResult[]): LintOutcome {
  const findings: Finding[] = [];
  const parseErrors: ParseError[] = [];
  for (const result of results) {
    for (const m of result.messages) {
      if (m.fatal) {
        parseErrors.push({ file: result.filePath, line: position(m.line), column: position(m.column), message: m.message });
        continue;
      }
      if (!m.ruleId?.startsWith(RULE_PREFIX)) continue;
      findings.push({
        file: result.filePath,
        ruleId: m.ruleId,
        message: m.message,
        messageId: m.messageId,
        line: m.line,
        column: m.column,
        endLine: m.endLine ?? m.line,
        endColumn: m.endColumn ?? m.column,
        severity: m.severity === 2 ? 'error' : 'warning',
        suggestions: (m.suggestions ?? []).map((s: Linter.LintSuggestion) => ({
          desc: s.desc,
          messageId: s.messageId,
          fix: { range: [s.fix.range[0], s.fix.range[1]] as const, text: s.fix.text },
        })),
      });
    }
  }
  return { findings, parseErrors };
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

async function lintWith(engine: Engine, files: readonly string[], texts: ReadonlyMap<string, string> | undefined, progress: Progress): Promise<ESLint.LintResult[]> {
  const results: ESLint.LintResult[] = [];
  if (texts) {
    for (const file of files) {
      progress.update(file);
      results.push(...(await engine.eslint.lintText(texts.get(file) ?? '', { filePath: file, warnIgnored: false })));
    }
    return results;
  }
  // One call lets worker threads share the files; chunks only serve the progress indicator.
  const chunk = engine.concurrency === 'off' && progress.enabled ? CHUNK : files.length;
  for (let i = 0; i < files.length; i += Math.max(chunk, 1)) {
    const slice = files.slice(i, i + chunk);
    progress.update(slice[0] ?? '', slice.length);
    results.push(...(await engine.eslint.lintFiles([...slice])));
  }
  return results;
}

/** Lints `files`; typed files that the project service cannot place are re-linted without types. */
export async function lint(request: LintRequest): Promise<{ results: ESLint.LintResult[]; outcome: LintOutcome }> {
  const { spec, files, texts, progress, notes } = request;
  if (files.length === 0) return { results: [], outcome: { findings: [], parseErrors: [] } };
  const engine = await createEngine(spec, notes);
  let results: ESLint.LintResult[];
  try {
    results = await lintWith(engine, files, texts, progress);
  } finally {
    engine.dispose();
  }
  const typed = new Set(spec.typedFiles);
  const retry = results.filter((r) => typed.has(r.filePath) && r.messages.some((m) => m.fatal && PROJECT_SERVICE_MISS.test(m.message))).map((r) => r.filePath);
  if (retry.length > 0) {
    const untypedSpec: LintSpec = { ...spec, typedFiles: spec.typedFiles.filter((f) => !retry.includes(f)), concurrency: 'off' };
    const again = await createEngine(untypedSpec, notes);
    const redone = await lintWith(again, retry, texts, progress);
    const byFile = new Map(redone.map((r) => [r.filePath, r]));
    results = results.map((r) => byFile.get(r.filePath) ?? r);
  }
  return { results, outcome: reduceResults(results) };
}
