/**
 * A frozen copy of src/analysis/shell/tokenize.ts as it was before it was split into a Lexer class
 * and a word reader (issue 15). test/analysis/shell-tokenize.test.ts checks that the tokenizer
 * still gives exactly this output (tokens, positions, values, quoting) on generated inputs.
 * Do not edit to follow a change of behaviour: a deliberate change is tested by its own case.
 */
import { MappedTextBuilder } from '../../src/analysis/shell/mapped-text.js';
import type { Token, Tokens, TokenizeOptions, Word } from '../../src/analysis/shell/tokenize.js';

const BLANK = /[ \t]/;
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_PARAMETER = /[0-9@*#?$!-]/;
const OPERATOR_CHARS = /[;&|<>()]/;
const CONTROL_OPERATORS = ['&&', '||', ';;', '|&', '|', '&', ';', '(', ')'];
const REDIRECT_OPERATORS = ['&>>', '<<-', '<<<', '<<', '>>', '<&', '>&', '<>', '>|', '&>', '<', '>'];

class OracleSyntaxError extends Error {}

/** The tokenizer as it was before the split into a Lexer class (commit 842de58), frozen. */
export function tokenizeOracle(input: string, options: TokenizeOptions = {}): Tokens {
  const operators = options.operators !== false;
  const tokens: Token[] = [];
  const heredocs: { delimiter: string; stripTabs: boolean }[] = [];
  const n = input.length;
  let i = 0;

  /** The index after the balanced group that starts at `i` (`open` at `input[i]`). */
  const skipBalanced = (from: number, open: string, close: string): number => {
    let depth = 0;
    let j = from;
    while (j < n) {
      const c = input[j];
      if (c === '\\') {
        j += 2;
        continue;
      }
      if (c === "'" && open !== '`') {
        const q = input.indexOf("'", j + 1);
        if (q < 0) throw new OracleSyntaxError('unterminated quote');
        j = q + 1;
        continue;
      }
      if (c === '"' && open !== '`') {
        j = skipDoubleQuoted(j + 1);
        continue;
      }
      if (c === open && open !== '`') depth++;
      else if (c === close) {
        if (open === '`' && j > from) return j + 1;
        depth--;
        if (depth === 0) return j + 1;
      }
      j++;
    }
    throw new OracleSyntaxError(`unterminated ${open === '`' ? 'command substitution' : `'${open}'`}`);
  };

  /** The index after the closing `"` of a double-quoted string whose content starts at `from`. */
  const skipDoubleQuoted = (from: number): number => {
    let j = from;
    while (j < n) {
      const c = input[j];
      if (c === '\\') j += 2;
      else if (c === '"') return j + 1;
      else if (c === '$' && (input[j + 1] === '(' || input[j + 1] === '{')) j = skipBalanced(j + 1, input[j + 1] as string, input[j + 1] === '(' ? ')' : '}');
      else if (c === '`') j = skipBalanced(j, '`', '`');
      else j++;
    }
    throw new OracleSyntaxError('unterminated quote');
  };

  /** Skips an expansion that starts with `$` at `j`; returns the index after it, or undefined if `$` is literal. */
  const skipDollar = (j: number): number | undefined => {
    const next = input[j + 1] ?? '';
    if (next === '(') return skipBalanced(j + 1, '(', ')');
    if (next === '{') return skipBalanced(j + 1, '{', '}');
    if (NAME_START.test(next)) {
      let k = j + 2;
      while (k < n && NAME_CHAR.test(input[k] ?? '')) k++;
      return k;
    }
    if (SPECIAL_PARAMETER.test(next)) return j + 2;
    return undefined;
  };

  const readWord = (): Word => {
    const start = i;
    const value = new MappedTextBuilder();
    let known = true;
    let quoted = false;
    let glob = false;
    /** Still reading an unquoted leading name (for `NAME=`). */
    let nameSoFar = true;
    let assignment: { name: string; valueStart: number } | undefined;
    const literal = (chars: string, at: number, wasQuoted: boolean): void => {
      if (nameSoFar && assignment === undefined) {
        if (!wasQuoted && chars === '=' && value.length > 0) {
          assignment = { name: input.slice(start, at), valueStart: value.length + 1 };
          nameSoFar = false;
        } else if (wasQuoted || !(value.length === 0 ? NAME_START : NAME_CHAR).test(chars)) nameSoFar = false;
      }
      value.push(chars, at);
    };
    while (i < n) {
      const c = input[i] as string;
      if (BLANK.test(c) || c === '\n' || (c === '\r' && input[i + 1] === '\n')) break;
      if (operators && OPERATOR_CHARS.test(c)) break;
      if (c === '\\') {
        if (input[i + 1] === '\n') {
          i += 2;
          continue;
        }
        if (i + 1 >= n) {
          literal('\\', i, false);
          i++;
          continue;
        }
        quoted = true;
        literal(input[i + 1] as string, i + 1, true);
        i += 2;
        continue;
      }
      if (c === "'") {
        const close = input.indexOf("'", i + 1);
        if (close < 0) throw new OracleSyntaxError('unterminated quote');
        quoted = true;
        nameSoFar = false;
        for (let k = i + 1; k < close; k++) literal(input[k] as string, k, true);
        i = close + 1;
        continue;
      }
      if (c === '$' && input[i + 1] === "'") {
        // Bash's ANSI-C quoting: $'…' with backslash escapes.
        quoted = true;
        nameSoFar = false;
        let k = i + 2;
        for (;;) {
          if (k >= n) throw new OracleSyntaxError('unterminated quote');
          const d = input[k] as string;
          if (d === "'") break;
          if (d === '\\') {
            const e = input[k + 1] ?? '';
            const simple: Record<string, string> = {
              n: '\n',
              t: '\t',
              r: '\r',
              '\\': '\\',
              "'": "'",
              '"': '"',
              a: '\x07',
              b: '\b',
              e: '\x1b',
              f: '\f',
              v: '\v',
            };
            const decoded = simple[e];
            if (decoded === undefined) known = false;
            else literal(decoded, k, true);
            k += 2;
            continue;
          }
          literal(d, k, true);
          k++;
        }
        i = k + 1;
        continue;
      }
      if (c === '"' || (c === '$' && input[i + 1] === '"')) {
        quoted = true;
        nameSoFar = false;
        let k = c === '"' ? i + 1 : i + 2;
        for (;;) {
          if (k >= n) throw new OracleSyntaxError('unterminated quote');
          const d = input[k] as string;
          if (d === '"') break;
          if (d === '\\') {
            const e = input[k + 1] ?? '';
            if (e === '\n') k += 2;
            else if (e === '$' || e === '`' || e === '"' || e === '\\') {
              literal(e, k + 1, true);
              k += 2;
            } else {
              literal('\\', k, true);
              k++;
            }
            continue;
          }
          if (d === '$') {
            const after = skipDollar(k);
            if (after !== undefined) {
              known = false;
              k = after;
              continue;
            }
          }
          if (d === '`') {
            known = false;
            k = skipBalanced(k, '`', '`');
            continue;
          }
          literal(d, k, true);
          k++;
        }
        i = k + 1;
        continue;
      }
      if (c === '$') {
        const after = skipDollar(i);
        if (after !== undefined) {
          known = false;
          nameSoFar = false;
          i = after;
          continue;
        }
      }
      if (c === '`') {
        known = false;
        nameSoFar = false;
        i = skipBalanced(i, '`', '`');
        continue;
      }
      if (c === '*' || c === '?' || c === '[') glob = true;
      literal(c, i, false);
      i++;
    }
    const mapped = value.finish(i);
    return {
      kind: 'word',
      start,
      end: i,
      raw: input.slice(start, i),
      value: known ? mapped : undefined,
      quoted,
      glob,
      assignment,
    };
  };

  const skipHeredocBodies = (): void => {
    for (const h of heredocs.splice(0)) {
      for (;;) {
        if (i >= n) return;
        let lineEnd = input.indexOf('\n', i);
        if (lineEnd < 0) lineEnd = n;
        let line = input.slice(i, lineEnd).replace(/\r$/, '');
        if (h.stripTabs) line = line.replace(/^\t+/, '');
        i = Math.min(lineEnd + 1, n);
        if (line === h.delimiter) break;
      }
    }
  };

  try {
    while (i < n) {
      const c = input[i] as string;
      if (BLANK.test(c)) {
        i++;
        continue;
      }
      if (c === '\\' && input[i + 1] === '\n') {
        i += 2;
        continue;
      }
      if (c === '\n' || (c === '\r' && input[i + 1] === '\n')) {
        const len = c === '\n' ? 1 : 2;
        if (operators) tokens.push({ kind: 'op', op: '\n', start: i, end: i + len });
        i += len;
        if (operators) skipHeredocBodies();
        continue;
      }
      if (operators && c === '#') {
        while (i < n && input[i] !== '\n') i++;
        continue;
      }
      if (operators) {
        // An IO number (`2>`) belongs to its redirection.
        const io = /^\d+(?=[<>])/.exec(input.slice(i, i + 12));
        const at = io ? i + io[0].length : i;
        const redirect = REDIRECT_OPERATORS.find((op) => input.startsWith(op, at));
        if (redirect) {
          const start = i;
          i = at + redirect.length;
          while (i < n && BLANK.test(input[i] as string)) i++;
          let target: Word | undefined;
          if (i < n && !OPERATOR_CHARS.test(input[i] as string) && input[i] !== '\n') target = readWord();
          if ((redirect === '<<' || redirect === '<<-') && target) {
            heredocs.push({ delimiter: target.value?.text ?? target.raw.replace(/['"\\]/g, ''), stripTabs: redirect === '<<-' });
          }
          tokens.push({ kind: 'redirect', op: redirect, start, end: i, target });
          continue;
        }
        const control = CONTROL_OPERATORS.find((op) => input.startsWith(op, i));
        if (control) {
          tokens.push({ kind: 'op', op: control, start: i, end: i + control.length });
          i += control.length;
          continue;
        }
      }
      tokens.push(readWord());
    }
  } catch (error) {
    if (error instanceof OracleSyntaxError) return { tokens, error: error.message };
    throw error;
  }
  return { tokens, error: undefined };
}
