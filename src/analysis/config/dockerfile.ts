/**
 * Dockerfiles as BuildKit reads them: parser directives (`# escape=`), logical lines joined at the
 * escape character, comment lines (also inside a continuation), here-documents (`RUN <<EOF`), and
 * the instructions that matter here: `ENV`/`ARG` (`K=V` pairs, and `ENV K V`), `RUN`/`CMD`/
 * `ENTRYPOINT` in shell form (run by `/bin/sh -c`, or by the shell a `SHELL` instruction sets) and
 * in exec form (a JSON array: no shell, so `VAR=0 node` names a program), and `SHELL`.
 * An unknown instruction or an `ENV` without a value is a parse error (`docker build` refuses it).
 */
import { judgeEnvSetting } from '../../policy/env.js';
import { analyzeArgv, analyzeShellScript, type SourceWord } from '../shell/commands.js';
import { envVerdictFinding, type ConfigFinding } from '../shell/findings.js';
import { compose, MappedTextBuilder, sliceMapped, sourceRange, type MappedText } from '../shell/mapped-text.js';
import { tokenize, type Word } from '../shell/tokenize.js';
import { decodeJsonString } from './json-string.js';
import { splitLines } from './lines.js';

const INSTRUCTIONS = new Set([
  'FROM',
  'RUN',
  'CMD',
  'LABEL',
  'MAINTAINER',
  'EXPOSE',
  'ENV',
  'ADD',
  'COPY',
  'ENTRYPOINT',
  'VOLUME',
  'USER',
  'WORKDIR',
  'ARG',
  'ONBUILD',
  'STOPSIGNAL',
  'HEALTHCHECK',
  'SHELL',
]);
const POSIX_SHELLS = /^(?:sh|bash|dash|ash|zsh|ksh|mksh)$/;

export interface Instruction {
  /** Upper case. */
  readonly keyword: string;
  /** Offset of the keyword. */
  readonly start: number;
  /** The arguments (after the keyword), continuation lines joined, mapped to file offsets. */
  readonly args: MappedText;
  /** The instruction's lines with their line breaks (for removing it whole). */
  readonly lines: readonly [number, number];
  /** The script of `RUN <<EOF` (the here-document is the whole command). */
  readonly heredocScript: MappedText | undefined;
}

export interface ParsedDockerfile {
  readonly text: string;
  readonly instructions: readonly Instruction[];
  readonly error: { readonly message: string; readonly offset: number } | undefined;
}

export function parseDockerfile(text: string): ParsedDockerfile {
  const lines = splitLines(text);
  let escape = '\\';
  let i = 0;
  // Parser directives: `# name=value` lines at the very top.
  for (; i < lines.length; i++) {
    const m = /^\s*#\s*([A-Za-z][A-Za-z0-9]*)\s*=\s*(\S+)\s*$/.exec(lines[i]!.text);
    if (!m) break;
    if (m[1]!.toLowerCase() === 'escape' && (m[2] === '`' || m[2] === '\\')) escape = m[2];
  }
  const instructions: Instruction[] = [];
  let error: ParsedDockerfile['error'];
  while (i < lines.length) {
    const first = lines[i]!;
    if (/^\s*(?:#|$)/.test(first.text)) {
      i++;
      continue;
    }
    const b = new MappedTextBuilder();
    let line = first;
    let lead = /^\s*/.exec(line.text)![0].length;
    for (;;) {
      const body = line.text.slice(lead);
      const cont = new RegExp(`${escape === '\\' ? '\\\\' : '`'}[ \\t]*$`).exec(body);
      b.pushVerbatim(cont ? body.slice(0, cont.index) : body, line.start + lead);
      i++;
      if (!cont) break;
      while (i < lines.length && /^\s*(?:#.*)?$/.test(lines[i]!.text)) i++;
      if (i >= lines.length) break;
      line = lines[i]!;
      lead = 0;
    }
    const logical = b.finish(first.start + lead);
    const kw = /^(\S+)\s*/.exec(logical.text);
    const keyword = (kw?.[1] ?? '').toUpperCase();
    const args = sliceMapped(logical, kw?.[0].length ?? 0, logical.text.length);
    const start = logical.offsets[0] ?? first.start;
    if (!INSTRUCTIONS.has(keyword)) {
      error ??= { message: `unknown instruction: ${kw?.[1] ?? ''}`, offset: start };
      continue;
    }
    if ((keyword === 'ENV' || keyword === 'ARG') && args.text.trim() === '') {
      error ??= { message: `${keyword} requires at least one argument`, offset: start };
      continue;
    }
    // Here-documents: their bodies follow the instruction's line(s).
    let heredocScript: MappedText | undefined;
    const docs = [...args.text.matchAll(/<<(-?)(["']?)([A-Za-z0-9_]+)\2/g)];
    for (const [k, doc] of docs.entries()) {
      const bodyStart = i;
      while (i < lines.length) {
        const l = lines[i]!;
        i++;
        if ((doc[1] ? l.text.replace(/^\t+/, '') : l.text) === doc[3]) break;
      }
      const bodyLines = lines.slice(bodyStart, Math.max(bodyStart, i - 1));
      if (k === 0 && keyword === 'RUN' && /^\s*(?:--\S+\s+)*<<-?(["']?)[A-Za-z0-9_]+\1\s*$/.test(args.text) && bodyLines.length > 0) {
        const hb = new MappedTextBuilder();
        for (const l of bodyLines) hb.pushVerbatim(l.text + '\n', l.start);
        heredocScript = hb.finish(bodyLines[0]!.start);
      }
    }
    const lastLine = lines[Math.max(0, i - 1)]!;
    instructions.push({ keyword, start, args, lines: [first.start, lastLine.next], heredocScript });
  }
  return { text, instructions, error };
}

/** The strings of an exec-form JSON array, mapped to file offsets; undefined when `args` is not one. */
function execForm(args: MappedText): SourceWord[] | undefined {
  const t = args.text.trim();
  if (!t.startsWith('[')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(t);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'string')) return undefined;
  const words: SourceWord[] = [];
  for (const m of args.text.matchAll(/"(?:[^"\\]|\\.)*"/g)) {
    const decoded = decodeJsonString(m[0], m.index);
    if (!decoded) return undefined;
    words.push({ range: sourceRange(args, m.index, m.index + m[0].length), value: compose(decoded, args) });
  }
  return words;
}

/** The words of ENV/ARG arguments, with quotes removed (Docker's own word rules are the shell's here). */
function pairWords(args: MappedText): Word[] {
  const { tokens, error } = tokenize(args.text, { operators: false });
  if (error) return [];
  return tokens.filter((t): t is Word => t.kind === 'word');
}

export function dockerfileFindings(parsed: ParsedDockerfile): ConfigFinding[] {
  const { text } = parsed;
  const out: ConfigFinding[] = [];
  let posix = true;
  for (const ins of parsed.instructions) {
    const { keyword, args } = ins;
    if (keyword === 'FROM') posix = true;
    else if (keyword === 'SHELL') {
      const program = execForm(args)?.[0]?.value?.text.replace(/^.*[/\\]/, '');
      posix = program !== undefined && POSIX_SHELLS.test(program);
    } else if (keyword === 'ENV' || keyword === 'ARG') {
      const words = pairWords(args);
      const pairs = words.filter((w) => w.assignment);
      if (keyword === 'ENV' && words[0] && !words[0].assignment) {
        // `ENV NAME value…`: one variable, the rest of the line is its value.
        const rest = args.text.slice(words[0].end).trim();
        const valueWords = words.slice(1);
        const value = valueWords.length === 1 ? valueWords[0]!.value?.text : rest.includes('$') ? undefined : rest;
        const verdict = value === undefined ? undefined : judgeEnvSetting(words[0].raw, value);
        if (verdict) out.push(envVerdictFinding(verdict, sourceRange(args, words[0].start, args.text.trimEnd().length), ins.lines, text));
        continue;
      }
      for (const w of pairs) {
        if (!w.value || !w.assignment) continue;
        const verdict = judgeEnvSetting(w.assignment.name, w.value.text.slice(w.assignment.valueStart));
        if (!verdict) continue;
        let removal: readonly [number, number] = ins.lines;
        if (words.length > 1) {
          let end = w.end;
          while (end < args.text.length && /[ \t]/.test(args.text[end]!)) end++;
          let start = w.start;
          if (end === args.text.length) while (start > 0 && /[ \t]/.test(args.text[start - 1]!)) start--;
          removal = sourceRange(args, start, end);
        }
        out.push(envVerdictFinding(verdict, sourceRange(args, w.start, w.end), removal, text));
      }
    } else if (keyword === 'RUN' || keyword === 'CMD' || keyword === 'ENTRYPOINT') {
      const exec = execForm(args);
      if (exec) out.push(...analyzeArgv(exec));
      else if (ins.heredocScript) {
        if (posix) out.push(...analyzeShellScript(ins.heredocScript));
      } else if (posix) {
        // BuildKit's RUN flags (`--mount=…`, `--network=…`) come before the command.
        const flags = keyword === 'RUN' ? (/^(?:--[a-z-]+(?:=\S*)?\s+)*/.exec(args.text)?.[0].length ?? 0) : 0;
        out.push(...analyzeShellScript(sliceMapped(args, flags, args.text.length)));
      }
    }
  }
  return out;
}
