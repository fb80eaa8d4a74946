/**
 * `.env` files as dotenv (v16+) and Node's `--env-file` read them: `KEY=value`, optional `export `,
 * `KEY: value`, single, double and backtick quotes (a quoted value may span lines), `#` comments
 * (a `#` ends an unquoted value), blanks around an unquoted value trimmed. dotenv never rejects a
 * file (a line it cannot read is ignored), so neither does this.
 */
import { judgeEnvSetting } from '../../policy/env.js';
import { envVerdictFinding, type ConfigFinding } from '../shell/findings.js';
import { splitLines } from './lines.js';

export interface DotenvEntry {
  readonly name: string;
  /** The value as the process receives it; undefined when dotenv-expand style `${X}` could change it. */
  readonly value: string | undefined;
  /** Offsets of `KEY=value` (without a trailing comment). */
  readonly range: readonly [number, number];
  /** Offsets of the whole entry with its line break(s). */
  readonly lines: readonly [number, number];
}

const ENTRY = /^[ \t]*(?:export[ \t]+)?([\w.-]+)(?:[ \t]*=[ \t]*|:[ \t]+)/;

export function parseDotenv(text: string): DotenvEntry[] {
  const lines = splitLines(text);
  const entries: DotenvEntry[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = ENTRY.exec(line.text);
    if (!m) continue;
    const name = m[1]!;
    const valueStart = line.start + m[0].length;
    const quote = text[valueStart];
    let value: string | undefined;
    let end: number;
    let last = i;
    if (quote === '"' || quote === "'" || quote === '`') {
      const close = findClose(text, valueStart + 1, quote);
      if (close < 0) continue;
      const raw = text.slice(valueStart + 1, close);
      value = quote === '"' ? raw.replace(/\\n/g, '\n').replace(/\\r/g, '\r') : raw;
      end = close + 1;
      while (last < lines.length - 1 && lines[last]!.next <= close) last++;
    } else {
      const rest = text.slice(valueStart, line.end);
      const hash = rest.indexOf('#');
      const raw = (hash < 0 ? rest : rest.slice(0, hash)).replace(/[ \t]+$/, '');
      value = raw;
      end = valueStart + raw.length;
    }
    if (value !== undefined && value.includes('${') && quote !== "'") value = undefined;
    entries.push({ name, value, range: [line.start + (/^[ \t]*/.exec(line.text)?.[0].length ?? 0), end], lines: [line.start, lines[last]!.next] });
    i = last;
  }
  return entries;
}

function findClose(text: string, from: number, quote: string): number {
  for (let j = from; j < text.length; j++) {
    if (text[j] === '\\' && quote === '"') {
      j++;
      continue;
    }
    if (text[j] === quote) return j;
  }
  return -1;
}

export function dotenvFindings(text: string): ConfigFinding[] {
  const out: ConfigFinding[] = [];
  for (const e of parseDotenv(text)) {
    if (e.value === undefined) continue;
    const verdict = judgeEnvSetting(e.name, e.value);
    if (!verdict) continue;
    out.push(envVerdictFinding(verdict, e.range, e.lines, text));
  }
  return out;
}
