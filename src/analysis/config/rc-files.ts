/**
 * `.npmrc` (npm and pnpm: ini syntax) and `.yarnrc` (Yarn 1: `key value` lines). What counts:
 * `strict-ssl` set to false, and (reported by the strict config only) `ca`/`cafile`, which
 * replace the CA certificates trusted for the registry.
 */
import { disablesStrictSsl, replacesRegistryRoots, type PackageManager } from '../../policy/tools.js';
import type { ConfigFinding } from '../shell/findings.js';
import { splitLines } from './lines.js';

export interface RcEntry {
  readonly key: string;
  /** After quote removal; undefined when it uses `${VAR}` (npm expands it from the environment). */
  readonly value: string | undefined;
  readonly range: readonly [number, number];
  /** The line with its line break. */
  readonly line: readonly [number, number];
}

/**
 * npm reads `.npmrc` with the `ini` package: `key = value`, `;` and `#` comment lines, a `;` or `#`
 * after the value starts a comment, quotes are removed, and keys after a `[section]` header belong
 * to that section (not npm settings).
 */
export function parseNpmrc(text: string): RcEntry[] {
  const out: RcEntry[] = [];
  let inSection = false;
  for (const line of splitLines(text)) {
    const t = line.text;
    if (/^\s*[;#]/.test(t) || /^\s*$/.test(t)) continue;
    if (/^\s*\[.*\]\s*$/.test(t)) {
      inSection = true;
      continue;
    }
    if (inSection) continue;
    const m = /^(\s*)([^=]+?)\s*=\s*(.*?)\s*$/.exec(t);
    if (!m) continue;
    let raw = m[3]!;
    let value: string | undefined;
    if (/^"(?:[^"\\]|\\.)*"$/.test(raw) || /^'[^']*'$/.test(raw)) value = raw.slice(1, -1);
    else {
      raw = raw.replace(/\s[;#].*$/, '').replace(/^[;#].*$/, '');
      value = raw;
    }
    if (value.includes('${')) value = undefined;
    const start = line.start + m[1]!.length;
    out.push({ key: m[2]!, value, range: [start, line.end - (t.length - t.trimEnd().length)], line: [line.start, line.next] });
  }
  return out;
}

/** Yarn 1's `.yarnrc`: `key value` (either may be double-quoted; `key: value` too), `#` comments. */
export function parseYarnrc(text: string): RcEntry[] {
  const out: RcEntry[] = [];
  for (const line of splitLines(text)) {
    const t = line.text;
    if (/^\s*(?:#|$)/.test(t)) continue;
    const m = /^(\s*)("(?:[^"\\]|\\.)*"|[^\s:"]+):?\s+("(?:[^"\\]|\\.)*"|[^\s#]+)\s*(?:#.*)?$/.exec(t);
    if (!m) continue;
    const unquote = (s: string): string => (s.startsWith('"') ? s.slice(1, -1) : s);
    const start = line.start + m[1]!.length;
    const end = line.start + t.replace(/\s*(?:#.*)?$/, '').length;
    out.push({ key: unquote(m[2]!), value: unquote(m[3]!), range: [start, end], line: [line.start, line.next] });
  }
  return out;
}

function rcFindings(tool: PackageManager, entries: readonly RcEntry[], separator: string): ConfigFinding[] {
  const out: ConfigFinding[] = [];
  for (const e of entries) {
    if (e.value === undefined) continue;
    const setting = `${e.key}${separator}${e.value}`;
    if (disablesStrictSsl(tool, e.key, e.value)) out.push({ kind: 'strict-ssl', range: e.range, data: { setting, tool }, removal: e.line });
    else if (replacesRegistryRoots(tool, e.key, e.value)) out.push({ kind: 'replaced-roots', range: e.range, data: { setting, tool }, removal: e.line });
  }
  return out;
}

export const npmrcFindings = (text: string): ConfigFinding[] => rcFindings('npm', parseNpmrc(text), '=');
export const yarnrcFindings = (text: string): ConfigFinding[] => rcFindings('yarn', parseYarnrc(text), ' ');
