/**
 * `--fix`: applies one suggestion per finding in bulk, then keeps only edits that leave the project
 * as sound as it was. Files covered by a tsconfig are type-checked with ts-morph (the whole
 * project, errors compared as a multiset of `file|code|message` against the state before the fix,
 * so pre-existing errors and shifted positions do not count); when a batch adds an error, that
 * file's edits are retried one by one and each edit that adds an error is rolled back. Files
 * without a tsconfig keep edits whose output still parses (a re-lint reports no fatal error).
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { UsageError, type FixStyle } from './args.js';
import type { Finding, Suggestion } from './lint.js';
import type { FixEdit, FixSummary, RolledBackEdit } from './report.js';
import { addRuntimeDependencies } from './runtime-dependency.js';

export interface Edit {
  readonly finding: Finding;
  readonly suggestion: Suggestion;
}

const isFactory = (s: Suggestion): boolean => s.messageId !== undefined && /^(factory|useFactory)/.test(s.messageId);

/** minimal: the first suggestion. factory: the first whose messageId starts with `factory`/`useFactory`, else minimal. */
export function chooseSuggestion(finding: Finding, style: FixStyle): Suggestion | undefined {
  if (style === 'factory') {
    const factory = finding.suggestions.find(isFactory);
    if (factory) return factory;
  }
  return finding.suggestions[0];
}

/**
 * Of one file's non-overlapping edits (earliest first), those to apply now and those that wait for
 * the next round: every edit that adds an import after the first one that adds the same import
 * (each suggestion carries its own import, near its call site, so two would declare it twice;
 * after a re-lint the others find it and only rewrite their call). With the factory style, also
 * the findings without a factory suggestion whose rule offers one elsewhere in the file: a factory
 * suggestion can be held back until the file imports the runtime (see `carry` in rule-kit/factory.ts).
 */
export function oneImportEach(edits: readonly Edit[], style: FixStyle): { now: Edit[]; waiting: Edit[] } {
  const adds = new Set<string>();
  const now: Edit[] = [];
  const waiting: Edit[] = [];
  for (const e of edits) {
    const key = e.suggestion.addsImport;
    if (key !== undefined && adds.has(key)) waiting.push(e);
    else {
      if (key !== undefined) adds.add(key);
      now.push(e);
    }
  }
  if (style !== 'factory' || adds.size === 0) return { now, waiting };
  const factoryRules = new Set(edits.filter((e) => e.finding.suggestions.some(isFactory)).map((e) => e.finding.ruleId));
  const held = (e: Edit): boolean => !e.finding.suggestions.some(isFactory) && factoryRules.has(e.finding.ruleId);
  return { now: now.filter((e) => !held(e)), waiting: [...waiting, ...now.filter(held)] };
}

/**
 * Applies non-overlapping edits (any order) to `text`. ESLint's ranges do not count a byte order
 * mark, so a leading BOM is kept aside and put back.
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  if (text.startsWith('\uFEFF')) return `\uFEFF${applyEdits(text.slice(1), edits)}`;
  // One pass in source order: linear in the text and the edits (a file can have thousands).
  const sorted = [...edits].sort((a, b) => a.suggestion.fix.range[0] - b.suggestion.fix.range[0]);
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    const [start, end] = e.suggestion.fix.range;
    parts.push(text.slice(at, start), e.suggestion.fix.text);
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Splits a file's edits into a non-overlapping set (earliest first) and the overlapping rest. */
export function nonOverlapping(edits: readonly Edit[]): { kept: Edit[]; overlapping: Edit[] } {
  const sorted = [...edits].sort((a, b) => a.suggestion.fix.range[0] - b.suggestion.fix.range[0] || a.suggestion.fix.range[1] - b.suggestion.fix.range[1]);
  const kept: Edit[] = [];
  const overlapping: Edit[] = [];
  let lastStart = -1;
  let lastEnd = -1;
  for (const e of sorted) {
    const [start, end] = e.suggestion.fix.range;
    if (start < lastEnd || start === lastStart) overlapping.push(e);
    else {
      kept.push(e);
      lastStart = start;
      lastEnd = end;
    }
  }
  return { kept, overlapping };
}

/** Checks candidate file texts: returns the problems the new texts introduce (empty: sound). */
export interface Checker {
  readonly label: string;
  /** Sets the checked text of `file` (the original text restores it). */
  set(file: string, text: string): void | Promise<void>;
  /** Problems now present that were not there before any edit. */
  newProblems(files: readonly string[]): Promise<string[]>;
}

type TsMorph = typeof import('ts-morph');

let tsMorphPromise: Promise<TsMorph | undefined> | undefined;
/** ts-morph (CommonJS) by `require`, for the reason `loadTypeScript` gives: no export scan of its bundled compiler. */
function loadTsMorph(): Promise<TsMorph | undefined> {
  tsMorphPromise ??= new Promise<TsMorph | undefined>((resolve) => {
    try {
      resolve(createRequire(import.meta.url)('ts-morph') as TsMorph);
    } catch {
      resolve(undefined);
    }
  });
  return tsMorphPromise;
}

function multisetDiff(before: readonly string[], after: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const k of before) counts.set(k, (counts.get(k) ?? 0) + 1);
  const added: string[] = [];
  for (const k of after) {
    const n = counts.get(k) ?? 0;
    if (n > 0) counts.set(k, n - 1);
    else added.push(k);
  }
  return added;
}

/** A ts-morph project for one tsconfig: whole-project error diagnostics before vs. now. */
export async function typeChecker(tsconfig: string): Promise<Checker | undefined> {
  const morph = await loadTsMorph();
  if (!morph) return undefined;
  let project: InstanceType<typeof morph.Project>;
  try {
    project = new morph.Project({ tsConfigFilePath: tsconfig });
  } catch (error) {
    throw new UsageError(`cannot type-check --fix edits with ${tsconfig}: ${error instanceof Error ? error.message : String(error)} (use --no-types)`);
  }
  const { DiagnosticCategory } = morph.ts;
  const errors = (): string[] =>
    project
      .getPreEmitDiagnostics()
      .filter((d) => d.getCategory() === DiagnosticCategory.Error)
      .map((d) => {
        const text = d.getMessageText();
        const message = typeof text === 'string' ? text : morph.ts.flattenDiagnosticMessageText(text.compilerObject, ' ');
        return `${d.getSourceFile()?.getFilePath() ?? '(global)'}: TS${d.getCode()}: ${message}`;
      });
  const baseline = errors();
  return {
    label: `TypeScript (${tsconfig})`,
    set(file, text) {
      const source = project.getSourceFile(file) ?? project.addSourceFileAtPath(file);
      source.replaceWithText(text);
    },
    async newProblems() {
      return multisetDiff(baseline, errors());
    },
  };
}

export interface FixInput {
  readonly findings: readonly Finding[];
  readonly style: FixStyle;
  /** File -> tsconfig covering it (type-checked files). */
  readonly configOf: ReadonlyMap<string, string>;
  /** Does this text of `file` parse? (A re-lint without fatal error.) */
  readonly parses: (file: string, text: string) => Promise<boolean>;
  /** Checkers by tsconfig ('' for the parse check), reused across rounds (their baseline is the state before any edit); a string says why there is none. */
  readonly checkers?: Map<string, Checker | string>;
  /** Files under a tsconfig.json that cannot be used (file -> why): their edits cannot be type-checked. */
  readonly uncheckable?: ReadonlyMap<string, string>;
  /** Paths in messages are shown relative to this directory. */
  readonly root?: string;
}

export interface FixRound {
  readonly applied: FixEdit[];
  readonly rolledBack: RolledBackEdit[];
  /** Overlapping edits, worth another round. */
  readonly overlapping: RolledBackEdit[];
  readonly withoutSuggestion: RolledBackEdit[];
  /** Edits left out because their file cannot be edited safely (not UTF-8) or could not be written. */
  readonly skipped: RolledBackEdit[];
  readonly changed: Set<string>;
  readonly checkedWith: Set<string>;
}

const describe = (e: Edit): FixEdit => ({
  file: e.finding.file,
  line: e.finding.line,
  column: e.finding.column,
  ruleId: e.finding.ruleId,
  description: e.suggestion.desc,
});
const describeFinding = (f: Finding, reason: string): RolledBackEdit => ({
  file: f.file,
  line: f.line,
  column: f.column,
  ruleId: f.ruleId,
  description: '',
  reason,
});

const relative = (message: string, root: string | undefined): string => (root ? message.split(`${root}/`).join('') : message);

/** The type checker of a tsconfig, or why there is none (ts-morph missing, the config cannot be loaded). */
async function loadChecker(tsconfig: string, root: string | undefined): Promise<Checker | string> {
  try {
    return (await typeChecker(tsconfig)) ?? 'ts-morph is not installed, so the edit cannot be type-checked';
  } catch (error) {
    // typeChecker's own message names the config; without its prefix and `--no-types` hint (which
    // does not skip this check).
    const message = (error instanceof Error ? error.message : String(error))
      .replace(/\s*\n\s*/g, ' ')
      .replace(`cannot type-check --fix edits with ${tsconfig}: `, '')
      .replace(/ \(use --no-types\)$/, '')
      .trim();
    return relative(`the edit cannot be type-checked: ${tsconfig} cannot be loaded (${message})`, root);
  }
}

/** A checker that accepts a text when it parses. */
function parseChecker(parses: FixInput['parses']): Checker {
  const texts = new Map<string, string>();
  return {
    label: 'a parse check (no tsconfig)',
    set(file, text) {
      texts.set(file, text);
    },
    async newProblems(files) {
      const problems: string[] = [];
      for (const f of files) if (!(await parses(f, texts.get(f) ?? readFileSync(f, 'utf8')))) problems.push(`${f}: the edited file does not parse`);
      return problems;
    },
  };
}

/**
 * One round: choose edits, check them per checker group, write the kept ones to disk.
 * Files are processed in a stable order; edit offsets refer to the file text on disk.
 */
export async function fixRound(input: FixInput): Promise<FixRound> {
  const round: FixRound = { applied: [], rolledBack: [], overlapping: [], withoutSuggestion: [], skipped: [], changed: new Set(), checkedWith: new Set() };
  const byFile = new Map<string, Edit[]>();
  for (const finding of input.findings) {
    const suggestion = chooseSuggestion(finding, input.style);
    if (!suggestion) {
      round.withoutSuggestion.push(describeFinding(finding, 'no suggestion to apply'));
      continue;
    }
    const list = byFile.get(finding.file) ?? [];
    list.push({ finding, suggestion });
    byFile.set(finding.file, list);
  }

  // Group files by what checks them: a tsconfig, or the parse check.
  const groups = new Map<string, string[]>();
  for (const file of [...byFile.keys()].sort()) {
    const key = input.configOf.get(file) ?? '';
    groups.set(key, [...(groups.get(key) ?? []), file]);
  }

  for (const [tsconfig, groupFiles] of groups) {
    let files = groupFiles.filter((f) => {
      const why = input.uncheckable?.get(f);
      if (why)
        for (const e of byFile.get(f)!) round.rolledBack.push({ ...describe(e), reason: `the edit cannot be type-checked: ${relative(why, input.root)}` });
      return !why;
    });
    if (files.length === 0) continue;
    const checkers = input.checkers ?? new Map<string, Checker | string>();
    if (!checkers.has(tsconfig)) checkers.set(tsconfig, tsconfig ? await loadChecker(tsconfig, input.root) : parseChecker(input.parses));
    const checker = checkers.get(tsconfig)!;
    if (typeof checker === 'string') {
      for (const f of files) for (const e of byFile.get(f)!) round.rolledBack.push({ ...describe(e), reason: checker });
      continue;
    }
    round.checkedWith.add(tsconfig ? 'TypeScript' : 'a parse check');

    // ESLint reads files as UTF-8 and its ranges index the decoded text: a file that is not valid
    // UTF-8 would come back re-encoded (every stray byte as U+FFFD), so it is left untouched.
    const originals = new Map<string, string>();
    for (const f of files) {
      const bytes = readFileSync(f);
      if (isUtf8(bytes)) originals.set(f, bytes.toString('utf8'));
      else
        for (const e of byFile.get(f)!)
          round.skipped.push({ ...describe(e), reason: 'the file is not valid UTF-8; --fix leaves its bytes as they are (fix it by hand)' });
    }
    files = files.filter((f) => originals.has(f));
    const planned = new Map<string, Edit[]>();
    for (const f of files) {
      const { kept, overlapping } = nonOverlapping(byFile.get(f)!);
      const { now, waiting } = oneImportEach(kept, input.style);
      planned.set(f, now);
      for (const e of overlapping) round.overlapping.push({ ...describe(e), reason: 'overlaps another edit; run --fix again' });
      for (const e of waiting) round.overlapping.push({ ...describe(e), reason: 'waits for the import that another edit adds; run --fix again' });
    }

    // The whole batch first: the common case costs one check.
    for (const f of files) await checker.set(f, applyEdits(originals.get(f)!, planned.get(f)!));
    const accepted = new Map<string, Edit[]>();
    if ((await checker.newProblems(files)).length === 0) {
      for (const f of files) accepted.set(f, planned.get(f)!);
    } else {
      for (const f of files) await checker.set(f, originals.get(f)!);
      for (const f of files) {
        const edits = planned.get(f)!;
        await checker.set(f, applyEdits(originals.get(f)!, edits));
        if ((await checker.newProblems(files)).length === 0) {
          accepted.set(f, edits);
          continue;
        }
        const keep: Edit[] = [];
        for (const e of edits) {
          await checker.set(f, applyEdits(originals.get(f)!, [...keep, e]));
          const problems = await checker.newProblems(files);
          if (problems.length === 0) keep.push(e);
          else round.rolledBack.push({ ...describe(e), reason: `would add ${relative(problems[0]!, input.root)}` });
        }
        await checker.set(f, applyEdits(originals.get(f)!, keep));
        accepted.set(f, keep);
      }
    }

    for (const [f, edits] of accepted) {
      if (edits.length === 0) continue;
      try {
        writeFileSync(f, applyEdits(originals.get(f)!, edits));
      } catch (error) {
        // A read-only file (or one that vanished) is reported and skipped; the other files go on.
        const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        for (const e of edits) round.skipped.push({ ...describe(e), reason: `the file could not be written (${code}); nothing in it was changed` });
        await checker.set(f, originals.get(f)!);
        continue;
      }
      round.changed.add(f);
      for (const e of edits) round.applied.push(describe(e));
    }
  }
  return round;
}

/** Up to `maxRounds` rounds (overlapping edits get another chance after a re-lint). */
export async function fixAll(
  initial: readonly Finding[],
  style: FixStyle,
  configOf: ReadonlyMap<string, string>,
  parses: FixInput['parses'],
  relint: (files: readonly string[]) => Promise<Finding[]>,
  root?: string,
  maxRounds = 4,
  uncheckable?: ReadonlyMap<string, string>,
): Promise<{ summary: FixSummary; changed: Set<string> }> {
  const applied: FixEdit[] = [];
  const rolledBack: RolledBackEdit[] = [];
  const changed = new Set<string>();
  const checkedWith = new Set<string>();
  const withoutSuggestion: RolledBackEdit[] = [];
  let findings = [...initial];
  let last: FixRound | undefined;
  // Findings whose edit was rolled back are not retried in later rounds.
  const refused = new Set<string>();
  const checkers = new Map<string, Checker | string>();
  const keyOf = (f: { file: string; ruleId: string; line: number; column: number }): string => `${f.file}|${f.ruleId}|${f.line}|${f.column}`;
  for (let i = 0; i < maxRounds; i++) {
    last = await fixRound({
      findings: findings.filter((f) => !refused.has(keyOf(f))),
      style,
      configOf,
      parses,
      checkers,
      ...(root ? { root } : {}),
      ...(uncheckable ? { uncheckable } : {}),
    });
    applied.push(...last.applied);
    withoutSuggestion.push(...last.withoutSuggestion, ...last.skipped);
    for (const r of last.skipped) refused.add(keyOf(r));
    rolledBack.push(...last.rolledBack);
    for (const r of last.rolledBack) refused.add(keyOf(r));
    for (const c of last.checkedWith) checkedWith.add(c);
    for (const f of last.changed) changed.add(f);
    if (last.overlapping.length === 0 || last.changed.size === 0) break;
    const again = new Set(last.overlapping.map((o) => o.file));
    findings = await relint([...again]);
  }
  // The factory edits import the runtime package: it must be a production dependency.
  for (const line of addRuntimeDependencies(changed, root ?? process.cwd())) process.stderr.write(`tlsguard: ${line}\n`);
  const seen = new Set<string>();
  const notApplied = [...withoutSuggestion, ...(last?.overlapping ?? [])].filter((e) => !seen.has(keyOf(e)) && seen.add(keyOf(e)) !== undefined);
  return { summary: { style, applied, rolledBack, notApplied, checkedWith: [...checkedWith] }, changed };
}
