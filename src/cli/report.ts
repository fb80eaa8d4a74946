/**
 * The three output formats of a scan: `text` (for people), `json` (a stable, documented shape,
 * `schemaVersion` 1) and `sarif` (SARIF 2.1.0 for GitHub code scanning).
 */
import type * as Sarif from 'sarif';
import type { FixStyle } from './args.js';
import { toPosixRelative, type FileError } from './files.js';
import type { Finding, ParseError, Suppression } from './lint.js';
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
  /** Findings suppressed by an inline `eslint-disable` comment or the suppressions file (each has `suppressions`). */
  readonly suppressed?: readonly Finding[];
  /** Files and directories that could not be read (exit code 2). */
  readonly fileErrors?: readonly FileError[];
}

export interface TextOptions {
  /** ANSI colours (a terminal, or FORCE_COLOR / --color). */
  readonly color?: boolean;
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
  lines.push(
    `Fixes (${fix.style}): ${plural(fix.applied.length, 'edit')} applied, ${fix.rolledBack.length} rolled back, ${fix.notApplied.length} not applied; checked with ${fix.checkedWith.join(' and ') || 'nothing (no edits)'}.`,
  );
  for (const e of fix.applied) lines.push(`  applied      ${at(e)}  ${e.ruleId}: ${e.description}`);
  for (const e of fix.rolledBack) lines.push(`  rolled back  ${at(e)}  ${e.ruleId}: ${e.description} (${e.reason})`);
  for (const e of fix.notApplied) lines.push(`  not applied  ${at(e)}  ${e.ruleId}: ${e.reason}`);
  return lines;
}

/** The one-line summary of a scan (also printed on stderr after `--output`). */
export function summaryLine(report: Report): string {
  const files = new Set(report.findings.map((f) => f.file)).size;
  const extra: string[] = [];
  const suppressed = report.suppressed?.length ?? 0;
  if (suppressed > 0) extra.push(`${suppressed} suppressed`);
  if (report.parseErrors.length > 0) extra.push(`${plural(report.parseErrors.length, 'file')} not parsed`);
  const unreadable = report.fileErrors?.length ?? 0;
  if (unreadable > 0) extra.push(`${plural(unreadable, 'path')} not read`);
  const tail = extra.length > 0 ? `, ${extra.join(', ')}` : '';
  return report.findings.length === 0
    ? `tlsguard: no findings in ${plural(report.filesScanned, 'file')}${tail}.`
    : `tlsguard: ${plural(report.findings.length, 'finding')} in ${plural(files, 'file')} (${report.filesScanned} scanned)${tail}.`;
}

const sgr =
  (open: number, close: number) =>
  (text: string, on: boolean | undefined): string =>
    on ? `\u001b[${open}m${text}\u001b[${close}m` : text;
const bold = sgr(1, 22);
const dim = sgr(2, 22);
const red = sgr(31, 39);
const yellow = sgr(33, 39);
const green = sgr(32, 39);

export function formatText(report: Report, options: TextOptions = {}): string {
  const color = options.color;
  const out: string[] = [];
  for (const f of sortFindings(report.findings)) {
    const rule = f.severity === 'error' ? red(f.ruleId, color) : `${yellow(f.ruleId, color)} (warning)`;
    out.push(`${bold(`${rel(report, f.file)}:${f.line}:${f.column}`, color)}  ${rule}  ${f.message}`);
    for (const s of f.suggestions) out.push(dim(`    fix: ${s.desc}`, color));
  }
  for (const e of sortFindings(report.parseErrors))
    out.push(`${bold(`${rel(report, e.file)}:${e.line}:${e.column}`, color)}  ${red('parse error', color)}  ${e.message}`);
  for (const e of sortFileErrors(report.fileErrors ?? [])) out.push(`${bold(rel(report, e.file), color)}  ${red('error', color)}  ${e.message}`);
  if (out.length > 0) out.push('');
  out.push(...fixSummaryText(report));
  const summary = summaryLine(report);
  out.push(
    report.findings.length > 0 || report.parseErrors.length > 0 || (report.fileErrors?.length ?? 0) > 0
      ? bold(red(summary, color), color)
      : green(summary, color),
  );
  return `${out.join('\n')}\n`;
}

function sortFileErrors(items: readonly FileError[]): FileError[] {
  return [...items].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** The `--format json` document (schemaVersion 1; see docs/cli.md). */
export interface JsonReport {
  readonly schemaVersion: 1;
  readonly tool: { readonly name: string; readonly version: string };
  readonly root: string;
  readonly summary: {
    readonly filesScanned: number;
    readonly findings: number;
    readonly parseErrors: number;
    readonly suppressed: number;
    readonly fileErrors: number;
  };
  readonly findings: readonly JsonFinding[];
  /** Suppressed findings, each with its `suppressions` (`inSource`: eslint-disable comment; `external`: suppressions file). */
  readonly suppressed: readonly (JsonFinding & { readonly suppressions: readonly Suppression[] })[];
  readonly parseErrors: readonly { readonly file: string; readonly line: number; readonly column: number; readonly message: string }[];
  readonly fileErrors: readonly { readonly file: string; readonly message: string }[];
  readonly fix?: {
    readonly style: FixStyle;
    readonly checkedWith: readonly string[];
    readonly applied: readonly (Omit<FixEdit, 'file'> & { readonly file: string })[];
    readonly rolledBack: readonly RolledBackEdit[];
    readonly notApplied: readonly RolledBackEdit[];
  };
}

export interface JsonFinding {
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
}

export function toJson(report: Report): JsonReport {
  const info = new Map(report.rules.map((r) => [r.id, r]));
  const relEdit = <T extends FixEdit>(e: T): T => ({ ...e, file: rel(report, e.file) });
  const toJsonFinding = (f: Finding): JsonFinding => ({
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
  });
  const suppressed = report.suppressed ?? [];
  const fileErrors = report.fileErrors ?? [];
  return {
    schemaVersion: 1,
    tool: { name: toolName, version: toolVersion },
    root: report.root,
    summary: {
      filesScanned: report.filesScanned,
      findings: report.findings.length,
      parseErrors: report.parseErrors.length,
      suppressed: suppressed.length,
      fileErrors: fileErrors.length,
    },
    findings: sortFindings(report.findings).map(toJsonFinding),
    suppressed: sortFindings(suppressed).map((f) => ({ ...toJsonFinding(f), suppressions: f.suppressions ?? [] })),
    parseErrors: sortFindings(report.parseErrors).map((e) => ({ ...e, file: rel(report, e.file) })),
    fileErrors: sortFileErrors(fileErrors).map((e) => ({ file: rel(report, e.file), message: e.message })),
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

/** Characters a URI path segment may hold literally (RFC 3986 `pchar`: unreserved, sub-delims, ':' and '@'). */
const PCHAR = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]$/;

/**
 * A relative path (`/` separated) as an RFC 3986 relative-path reference: every octet of the UTF-8
 * encoding outside `pchar` is percent-encoded, and so is ':' in the first segment (which would
 * otherwise read as a scheme). `#`, `?`, `%`, spaces and non-ASCII letters are all encoded.
 */
export function uriPath(relative: string): string {
  return relative
    .split('/')
    .map((segment, i) =>
      [...Buffer.from(segment, 'utf8')]
        .map((byte) => {
          const ch = String.fromCharCode(byte);
          return byte < 0x80 && PCHAR.test(ch) && !(i === 0 && ch === ':') ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
        })
        .join(''),
    )
    .join('/');
}

/** `file:///abs/dir/` for an absolute directory, path-encoded as `uriPath` does (Windows drive letters keep their ':'). */
export function directoryFileUri(dir: string): string {
  const posix = dir.split(/[\\/]/).filter((s) => s !== '');
  // uriPath of one segment encodes its ':' (first segment).
  const encoded = posix.map((segment, i) => (i === 0 && /^[A-Za-z]:$/.test(segment) ? segment : uriPath(segment))).join('/');
  return `file:///${encoded}${encoded === '' ? '' : '/'}`;
}

function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function toSarif(report: Report): Sarif.Log {
  const rules = [...report.rules];
  // A finding of a rule outside the config's list (cannot happen today) still gets a descriptor.
  for (const f of report.findings) {
    if (!rules.some((r) => r.id === f.ruleId)) {
      rules.push({
        id: f.ruleId,
        name: f.ruleId.slice('tlsguard/'.length),
        description: f.ruleId,
        category: undefined,
        cwe: [],
        url: undefined,
        recommended: false,
      });
    }
  }
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const cweIds = [...new Set(rules.flatMap((r) => r.cwe.map(cweNumber).filter((n): n is string => n !== undefined)))].sort((a, b) => Number(a) - Number(b));
  const location = (file: string, region: Sarif.Region): Sarif.Location => ({
    physicalLocation: { artifactLocation: { uri: uriPath(rel(report, file)), uriBaseId: SRCROOT }, region },
  });
  const toResult = (f: Finding): Sarif.Result => ({
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId) ?? 0,
    level: f.severity === 'error' ? 'error' : 'warning',
    kind: 'fail',
    message: { text: f.message },
    locations: [location(f.file, { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn })],
    ...(f.suppressions
      ? {
          suppressions: f.suppressions.map((s) => ({
            kind: s.kind,
            status: 'accepted' as const,
            ...(s.justification ? { justification: s.justification } : {}),
          })),
        }
      : {}),
    ...(f.suggestions.length > 0 ? { properties: { suggestions: f.suggestions.map((s) => s.desc) } } : {}),
  });
  const results: Sarif.Result[] = [...sortFindings(report.findings), ...sortFindings(report.suppressed ?? [])].map(toResult);
  const notifications: Sarif.Notification[] = [
    ...sortFindings(report.parseErrors).map((e) => ({
      level: 'error' as const,
      message: { text: `Parse error: ${e.message}` },
      locations: [location(e.file, { startLine: Math.max(e.line, 1), startColumn: Math.max(e.column, 1) })],
    })),
    ...sortFileErrors(report.fileErrors ?? []).map((e) => ({
      level: 'error' as const,
      message: { text: `${rel(report, e.file)}: ${e.message}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: uriPath(rel(report, e.file)), uriBaseId: SRCROOT } } }],
    })),
  ];
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
        originalUriBaseIds: { [SRCROOT]: { uri: directoryFileUri(report.root) } },
        results,
        invocations: [{ executionSuccessful: (report.fileErrors?.length ?? 0) === 0, toolExecutionNotifications: notifications }],
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
