/**
 * The three output formats of a scan: `text` (for people), `json` (a stable, documented shape,
 * `schemaVersion` 1) and `sarif` (SARIF 2.1.0 for GitHub code scanning).
 */
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { FixStyle } from './args.js';
import { toPosixRelative } from './files.js';
import type { Finding, ParseError } from './lint.js';
import { firstParagraph, informationUri, ruleDoc, toolName, toolVersion, type RuleInfo } from './rules-meta.js';

export interface FixEdit {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly ruleId: string;
  readonly description: string;
}

export interface RolledBackEdit extends FixEdit {
  readonly reason: string;
}

export interface FixSummary {
  readonly style: FixStyle;
  readonly applied: readonly FixEdit[];
  readonly rolledBack: readonly RolledBackEdit[];
  /** Findings without a suggestion, or whose edit overlapped another one (run --fix again). */
  readonly notApplied: readonly RolledBackEdit[];
  /** How the edits were checked: by TypeScript with a tsconfig, or by re-parsing. */
  readonly checkedWith: readonly string[];
}

export interface Report {
  /** The scan root (the working directory): paths in reports are relative to it. */
  readonly root: string;
  readonly filesScanned: number;
  readonly findings: readonly Finding[];
  readonly parseErrors: readonly ParseError[];
  /** The rules of the config in use. */
  readonly rules: readonly RuleInfo[];
  readonly fix: FixSummary | undefined;
}

const rel = (report: Report, file: string): string => toPosixRelative(report.root, file);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function sortFindings<T extends { file: string; line: number; column: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}

/** The fix part of a report, as text lines. */
export function fixSummaryText(report: Report): string[] {
  const fix = report.fix;
  if (!fix) return [];
  const lines: string[] = [];
  const at = (e: FixEdit): string => `${rel(report, e.file)}:${e.line}:${e.column}`;
  lines.push(`Fixes (${fix.style}): ${plural(fix.applied.length, 'edit')} applied, ${fix.rolledBack.length} rolled back, ${fix.notApplied.length} not applied; checked with ${fix.checkedWith.join(' and ') || 'nothing (no edits)'}.`);
  for (const e of fix.applied) lines.push(`  applied      ${at(e)}  ${e.ruleId}: ${e.description}`);
  for (const e of fix.rolledBack) lines.push(`  rolled back  ${at(e)}  ${e.ruleId}: ${e.description} (${e.reason})`);
  for (const e of fix.notApplied) lines.push(`  not applied  ${at(e)}  ${e.ruleId}: ${e.reason}`);
  return lines;
}

export function formatText(report: Report): string {
  const out: string[] = [];
  for (const f of sortFindings(report.findings)) {
    out.push(`${rel(report, f.file)}:${f.line}:${f.column}  ${f.ruleId}  ${f.message}`);
    for (const s of f.suggestions) out.push(`    fix: ${s.desc}`);
  }
  for (const e of sortFindings(report.parseErrors)) out.push(`${rel(report, e.file)}:${e.line}:${e.column}  parse error  ${e.message}`);
  if (out.length > 0) out.push('');
  out.push(...fixSummaryText(report));
  const files = new Set(report.findings.map((f) => f.file)).size;
  const tail = report.parseErrors.length > 0 ? `, ${plural(report.parseErrors.length, 'file')} not parsed` : '';
  out.push(
    report.findings.length === 0
      ? `tlsguard: no findings in ${plural(report.filesScanned, 'file')}${tail}.`
      : `tlsguard: ${plural(report.findings.length, 'finding')} in ${plural(files, 'file')} (${report.filesScanned} scanned)${tail}.`,
  );
  return `${out.join('\n')}\n`;
}

/** The `--format json` document (schemaVersion 1; see docs/cli.md). */
export interface JsonReport {
  readonly schemaVersion: 1;
  readonly tool: { readonly name: string; readonly version: string };
  readonly root: string;
  readonly summary: { readonly filesScanned: number; readonly findings: number; readonly parseErrors: number };
  readonly findings: readonly {
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
    readonly ruleId: string;
    readonly severity: 'error' | 'warning';
    readonly message: string;
    readonly cwe: readonly string[];
    readonly helpUri: string | null;
    readonly suggestions: readonly { readonly description: string; readonly messageId: string | null }[];
  }[];
  readonly parseErrors: readonly { readonly file: string; readonly line: number; readonly column: number; readonly message: string }[];
  readonly fix?: {
    readonly style: FixStyle;
    readonly checkedWith: readonly string[];
    readonly applied: readonly (Omit<FixEdit, 'file'> & { readonly file: string })[];
    readonly rolledBack: readonly RolledBackEdit[];
    readonly notApplied: readonly RolledBackEdit[];
  };
}

export function toJson(report: Report): JsonReport {
  const info = new Map(report.rules.map((r) => [r.id, r]));
  const relEdit = <T extends FixEdit>(e: T): T => ({ ...e, file: rel(report, e.file) });
  return {
    schemaVersion: 1,
    tool: { name: toolName, version: toolVersion },
    root: report.root,
    summary: { filesScanned: report.filesScanned, findings: report.findings.length, parseErrors: report.parseErrors.length },
    findings: sortFindings(report.findings).map((f) => ({
      file: rel(report, f.file),
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      cwe: info.get(f.ruleId)?.cwe ?? [],
      helpUri: info.get(f.ruleId)?.url ?? null,
      suggestions: f.suggestions.map((s) => ({ description: s.desc, messageId: s.messageId ?? null })),
    })),
    parseErrors: sortFindings(report.parseErrors).map((e) => ({ ...e, file: rel(report, e.file) })),
    ...(report.fix
      ? {
          fix: {
            style: report.fix.style,
            checkedWith: report.fix.checkedWith,
            applied: report.fix.applied.map(relEdit),
            rolledBack: report.fix.rolledBack.map(relEdit),
            notApplied: report.fix.notApplied.map(relEdit),
          },
        }
      : {}),
  };
}

/** GitHub's security-severity (CVSS-like, 0-10) per rule category; unknown categories get 5.0. */
const SEVERITY_BY_CATEGORY: Readonly<Record<string, string>> = {
  'cert-verification': '7.4',
  'hostname-verification': '7.4',
  servername: '5.9',
  'protocol-version': '5.9',
  'weak-cipher': '5.9',
  'legacy-api': '5.3',
  plaintext: '6.5',
  'secure-context': '3.7',
};

export const SRCROOT = '%SRCROOT%';

function cweNumber(cwe: string): string | undefined {
  return /^CWE-(\d+)$/i.exec(cwe)?.[1];
}

function sarifRule(rule: RuleInfo): Sarif.ReportingDescriptor {
  const doc = ruleDoc(rule.name);
  const full = (doc && firstParagraph(doc)) ?? rule.description;
  const cwes = rule.cwe.map(cweNumber).filter((n): n is string => n !== undefined);
  const helpText = `${rule.description}.${full !== rule.description ? ` ${full}` : ''}${rule.url ? ` Documentation: ${rule.url}` : ''}`;
  return {
    id: rule.id,
    name: rule.name.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: full },
    ...(rule.url ? { helpUri: rule.url } : {}),
    help: { text: helpText, ...(doc ? { markdown: doc } : {}) },
    defaultConfiguration: { level: 'error' },
    properties: {
      tags: ['security', ...cwes.map((n) => `external/cwe/cwe-${n}`), ...(rule.category ? [rule.category] : [])],
      precision: 'high',
      'problem.severity': 'error',
      'security-severity': SEVERITY_BY_CATEGORY[rule.category ?? ''] ?? '5.0',
    },
    ...(cwes.length > 0
      ? {
          relationships: cwes.map((n) => ({
            target: { id: n, toolComponent: { name: 'CWE' } },
            kinds: ['superset'],
          })),
        }
      : {}),
  };
}

function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function toSarif(report: Report): Sarif.Log {
  const rules = [...report.rules];
  // A finding of a rule outside the config's list (cannot happen today) still gets a descriptor.
  for (const f of report.findings) {
    if (!rules.some((r) => r.id === f.ruleId)) {
      rules.push({ id: f.ruleId, name: f.ruleId.slice('tlsguard/'.length), description: f.ruleId, category: undefined, cwe: [], url: undefined, recommended: false });
    }
  }
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const cweIds = [...new Set(rules.flatMap((r) => r.cwe.map(cweNumber).filter((n): n is string => n !== undefined)))].sort((a, b) => Number(a) - Number(b));
  const results: Sarif.Result[] = sortFindings(report.findings).map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId) ?? 0,
    level: f.severity === 'error' ? 'error' : 'warning',
    kind: 'fail',
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(rel(report, f.file)), uriBaseId: SRCROOT },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
    ...(f.suggestions.length > 0 ? { properties: { suggestions: f.suggestions.map((s) => s.desc) } } : {}),
  }));
  const notifications: Sarif.Notification[] = sortFindings(report.parseErrors).map((e) => ({
    level: 'error',
    message: { text: `Parse error: ${e.message}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(rel(report, e.file)), uriBaseId: SRCROOT },
          region: { startLine: Math.max(e.line, 1), startColumn: Math.max(e.column, 1) },
        },
      },
    ],
  }));
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: toolName,
            semanticVersion: toolVersion,
            version: toolVersion,
            informationUri,
            rules: rules.map(sarifRule),
            ...(cweIds.length > 0 ? { supportedTaxonomies: [{ name: 'CWE', index: 0 }] } : {}),
          },
        },
        ...(cweIds.length > 0
          ? {
              taxonomies: [
                {
                  name: 'CWE',
                  organization: 'MITRE',
                  shortDescription: { text: 'The MITRE Common Weakness Enumeration' },
                  informationUri: 'https://cwe.mitre.org/',
                  taxa: cweIds.map((id) => ({ id, helpUri: `https://cwe.mitre.org/data/definitions/${id}.html` })),
                },
              ],
            }
          : {}),
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(report.root).href.replace(/\/?$/, '/') } },
        results,
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return stripUndefined(log);
}

export function formatReport(report: Report, format: 'text' | 'json' | 'sarif'): string {
  switch (format) {
    case 'text':
      return formatText(report);
    case 'json':
      return `${JSON.stringify(toJson(report), null, 2)}\n`;
    case 'sarif':
      return `${JSON.stringify(toSarif(report), null, 2)}\n`;
  }
}
