/**
 * A POSIX shell tokenizer (the token rules of XCU 2.3 "Token Recognition" and 2.2 "Quoting"),
 * with the position of every token and of every character of a word's value.
 *
 * Why not a library: `shell-quote` (the common one) gives no positions (needed for exact columns
 * and for suggestions that remove a word), keeps no quoting information (so `"A"=0`, a command
 * named `A=0`, cannot be told from the assignment `A=0`), splits a word at a `#` inside it
 * (`VAR=0#x`), splits at a backslash-newline instead of joining the lines, and parses `$(a b)` as
 * `$` followed by a subshell. The WASM/GopherJS ports of mvdan/sh are asynchronous or megabytes.
 *
 * What a word's value is: quotes and backslashes removed, as the shell passes it to the command.
 * A word with a parameter expansion, command substitution or arithmetic (`$X`, `${X}`, `$(x)`,
 * `` `x` ``, `$((1))`) has no known value (`value: undefined`): precision first, unknown text is
 * never judged. Here-document bodies are skipped (they are data). Nothing is executed or expanded.
 */
import { MappedTextBuilder, type MappedText } from './mapped-text.js';

export interface Word {
  readonly kind: 'word';
  /** Index of the first and after the last character of the word in the input. */
  readonly start: number;
  readonly end: number;
  /** The word as written. */
  readonly raw: string;
  /** The value after quote removal, mapped to input indices; undefined when it holds an expansion. */
  readonly value: MappedText | undefined;
  /** Some character of the word was quoted or escaped. */
  readonly quoted: boolean;
  /** An unquoted `*`, `?` or `[` (a pattern the shell may expand to file names). */
  readonly glob: boolean;
  /**
   * `NAME=value` where `NAME` is unquoted and a valid name: an assignment when it stands before the
   * command name. `valueStart` indexes the value inside `value.text` (undefined value: unknown).
   */
  readonly assignment: { readonly name: string; readonly valueStart: number } | undefined;
}

export interface Operator {
  readonly kind: 'op';
  /** `;` `&` `&&` `||` `|` `|&` `;;` `(` `)` or `\n` (a newline ends a command too). */
  readonly op: string;
  readonly start: number;
  readonly end: number;
}

export interface Redirect {
  readonly kind: 'redirect';
  /** `>`, `>>`, `<`, `<<`, `<<-`, `<<<`, `>&`, `<&`, `<>`, `>|`, `&>`, `&>>`. */
  readonly op: string;
  readonly start: number;
  readonly end: number;
  readonly target: Word | undefined;
}

export type Token = Word | Operator | Redirect;

export interface Tokens {
  readonly tokens: readonly Token[];
  /** A syntax error the shell would refuse (unterminated quote or substitution); tokens stop there. */
  readonly error: string | undefined;
}

export interface TokenizeOptions {
  /**
   * `false` for command strings that are split into words without a shell (compose `command:`):
   * no operators, redirections or comments; only blanks, quotes and backslashes are special.
   */
  readonly operators?: boolean;
}

const BLANK = /[ \t]/;
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_PARAMETER = /[0-9@*#?$!-]/;
const OPERATOR_CHARS = /[;&|<>()]/;
const CONTROL_OPERATORS = ['&&', '||', ';;', '|&', '|', '&', ';', '(', ')'];
const REDIRECT_OPERATORS = ['&>>', '<<-', '<<<', '<<', '>>', '<&', '>&', '<>', '>|', '&>', '<', '>'];
/** The backslash escapes of `$'…'` whose value is one known character. */
const ANSI_C_ESCAPES: Readonly<Record<string, string>> = {
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

class ShellSyntaxError extends Error {}

/**
 * Skips over the parts of the input whose text is not a value: balanced groups (`$(…)`, `${…}`,
 * `` `…` ``), double-quoted strings inside them and parameter expansions. Each method takes an
 * index and returns the index after what it skipped; it throws a `ShellSyntaxError` at the end of
 * the input.
 */
class Skipper {
  constructor(protected readonly input: string) {}

  /** The index after the balanced group that starts at `from` (`open` at `input[from]`). */
  skipBalanced(from: number, open: string, close: string): number {
    const input = this.input;
    let depth = 0;
    let j = from;
    while (j < input.length) {
      const c = input[j];
      if (c === '\\') {
        j += 2;
        continue;
      }
      if (c === "'" && open !== '`') {
        const q = input.indexOf("'", j + 1);
        if (q < 0) throw new ShellSyntaxError('unterminated quote');
        j = q + 1;
        continue;
      }
      if (c === '"' && open !== '`') {
        j = this.skipDoubleQuoted(j + 1);
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
    throw new ShellSyntaxError(`unterminated ${open === '`' ? 'command substitution' : `'${open}'`}`);
  }

  /** The index after the closing `"` of a double-quoted string whose content starts at `from`. */
  skipDoubleQuoted(from: number): number {
    const input = this.input;
    let j = from;
    while (j < input.length) {
      const c = input[j];
      const next = input[j + 1];
      if (c === '\\') j += 2;
      else if (c === '"') return j + 1;
      else if (c === '$' && (next === '(' || next === '{')) j = this.skipBalanced(j + 1, next, next === '(' ? ')' : '}');
      else if (c === '`') j = this.skipBalanced(j, '`', '`');
      else j++;
    }
    throw new ShellSyntaxError('unterminated quote');
  }

  /** Skips an expansion that starts with `$` at `j`; returns the index after it, or undefined if `$` is literal. */
  skipDollar(j: number): number | undefined {
    const input = this.input;
    const next = input[j + 1] ?? '';
    if (next === '(') return this.skipBalanced(j + 1, '(', ')');
    if (next === '{') return this.skipBalanced(j + 1, '{', '}');
    if (NAME_START.test(next)) {
      let k = j + 2;
      while (k < input.length && NAME_CHAR.test(input[k] ?? '')) k++;
      return k;
    }
    if (SPECIAL_PARAMETER.test(next)) return j + 2;
    return undefined;
  }
}

/**
 * Reads one word that starts at `start`: its value after quote removal (XCU 2.2), whether it is
 * quoted, a pattern or an assignment. One method per quoting state; each takes the index of its
 * opening character and returns the index after what it read.
 */
class WordReader extends Skipper {
  private readonly value = new MappedTextBuilder();
  private known = true;
  private quoted = false;
  private glob = false;
  /** Still reading an unquoted leading name (for `NAME=`). */
  private nameSoFar = true;
  /** The leading name's characters so far (a backslash-newline inside it joins the lines). */
  private name = '';
  private assignment: { name: string; valueStart: number } | undefined;

  constructor(
    input: string,
    private readonly start: number,
    private readonly operators: boolean,
  ) {
    super(input);
  }

  read(): Word {
    const end = this.readParts(this.start);
    const mapped = this.value.finish(end);
    return {
      kind: 'word',
      start: this.start,
      end,
      raw: this.input.slice(this.start, end),
      value: this.known ? mapped : undefined,
      quoted: this.quoted,
      glob: this.glob,
      assignment: this.assignment,
    };
  }

  /** Reads the parts of the word from `from` up to a blank, newline or operator; returns where it ends. */
  private readParts(from: number): number {
    const input = this.input;
    let i = from;
    while (i < input.length) {
      const c = input[i] as string;
      if (BLANK.test(c) || c === '\n' || (c === '\r' && input[i + 1] === '\n')) break;
      if (this.operators && OPERATOR_CHARS.test(c)) break;
      i = this.readPart(c, i);
    }
    return i;
  }

  /** Reads the part of the word that starts with `c` at `i`; returns the index after it. */
  private readPart(c: string, i: number): number {
    const next = this.input[i + 1];
    if (c === '\\') return this.readEscape(i);
    if (c === "'") return this.readSingleQuoted(i);
    if (c === '$' && next === "'") return this.readAnsiC(i);
    if (c === '"') return this.readDoubleQuoted(i + 1);
    if (c === '$' && next === '"') return this.readDoubleQuoted(i + 2);
    if (c === '$') {
      const after = this.skipDollar(i);
      if (after !== undefined) return this.unknown(after);
    }
    if (c === '`') return this.unknown(this.skipBalanced(i, '`', '`'));
    if (c === '*' || c === '?' || c === '[') this.glob = true;
    this.literal(c, i, false);
    return i + 1;
  }

  /** An expansion ends at `after`: the word has no known value. */
  private unknown(after: number): number {
    this.known = false;
    this.nameSoFar = false;
    return after;
  }

  /** A backslash outside quotes at `i`: a line continuation, a literal at the end, or an escaped character. */
  private readEscape(i: number): number {
    const input = this.input;
    if (input[i + 1] === '\n') return i + 2;
    if (i + 1 >= input.length) {
      this.literal('\\', i, false);
      return i + 1;
    }
    this.quoted = true;
    this.literal(input[i + 1] as string, i + 1, true);
    return i + 2;
  }

  /** `'…'` at `i`: every character is literal. */
  private readSingleQuoted(i: number): number {
    const close = this.input.indexOf("'", i + 1);
    if (close < 0) throw new ShellSyntaxError('unterminated quote');
    this.openQuote();
    for (let k = i + 1; k < close; k++) this.literal(this.input[k] as string, k, true);
    return close + 1;
  }

  /** Bash's ANSI-C quoting `$'…'` at `i`, with backslash escapes. */
  private readAnsiC(i: number): number {
    const input = this.input;
    this.openQuote();
    let k = i + 2;
    for (;;) {
      if (k >= input.length) throw new ShellSyntaxError('unterminated quote');
      const d = input[k] as string;
      if (d === "'") return k + 1;
      if (d === '\\') {
        const decoded = ANSI_C_ESCAPES[input[k + 1] ?? ''];
        if (decoded === undefined) this.known = false;
        else this.literal(decoded, k, true);
        k += 2;
        continue;
      }
      this.literal(d, k, true);
      k++;
    }
  }

  /** `"…"` (or `$"…"`) whose content starts at `from`; returns the index after the closing quote. */
  private readDoubleQuoted(from: number): number {
    const input = this.input;
    this.openQuote();
    let k = from;
    for (;;) {
      if (k >= input.length) throw new ShellSyntaxError('unterminated quote');
      const d = input[k] as string;
      if (d === '"') return k + 1;
      k = this.readDoubleQuotedPart(d, k);
    }
  }

  /** The character `d` at `k` inside double quotes; returns the index after what it read. */
  private readDoubleQuotedPart(d: string, k: number): number {
    if (d === '\\') {
      const e = this.input[k + 1] ?? '';
      if (e === '\n') return k + 2;
      if (e === '$' || e === '`' || e === '"' || e === '\\') {
        this.literal(e, k + 1, true);
        return k + 2;
      }
      this.literal('\\', k, true);
      return k + 1;
    }
    if (d === '$') {
      const after = this.skipDollar(k);
      if (after !== undefined) {
        this.known = false;
        return after;
      }
    }
    if (d === '`') {
      this.known = false;
      return this.skipBalanced(k, '`', '`');
    }
    this.literal(d, k, true);
    return k + 1;
  }

  private openQuote(): void {
    this.quoted = true;
    this.nameSoFar = false;
  }

  /** Appends `chars` (from input index `at`) to the value and follows the leading `NAME=`. */
  private literal(chars: string, at: number, wasQuoted: boolean): void {
    if (this.nameSoFar && this.assignment === undefined) {
      if (!wasQuoted && chars === '=' && this.value.length > 0) {
        this.assignment = { name: this.name, valueStart: this.value.length + 1 };
        this.nameSoFar = false;
      } else if (wasQuoted || !(this.value.length === 0 ? NAME_START : NAME_CHAR).test(chars)) this.nameSoFar = false;
      else this.name += chars;
    }
    this.value.push(chars, at);
  }
}

/**
 * Splits the input into tokens (XCU 2.3): blanks, newlines, comments, here-document bodies,
 * redirections, control operators and words (read by `WordReader`). `i` is the cursor.
 */
class Lexer {
  readonly tokens: Token[] = [];
  private readonly heredocs: { delimiter: string; stripTabs: boolean }[] = [];
  private i = 0;

  constructor(
    private readonly input: string,
    private readonly operators: boolean,
  ) {}

  /** Reads every token; throws a `ShellSyntaxError` where the shell would refuse the input. */
  run(): void {
    while (this.i < this.input.length) this.step(this.input[this.i] as string);
  }

  /** Reads what starts with `c` at the cursor: a blank, a continuation, a newline, a comment or a token. */
  private step(c: string): void {
    const input = this.input;
    const i = this.i;
    if (BLANK.test(c)) this.i++;
    else if (c === '\\' && input[i + 1] === '\n') this.i += 2;
    else if (c === '\n' || (c === '\r' && input[i + 1] === '\n')) this.newline(c === '\n' ? 1 : 2);
    else if (this.operators && c === '#') this.comment();
    else if (!(this.operators && (this.redirect() || this.control()))) this.tokens.push(this.word());
  }

  /** A newline of `len` characters at the cursor ends a command; the here-document bodies follow it. */
  private newline(len: number): void {
    const i = this.i;
    if (this.operators) this.tokens.push({ kind: 'op', op: '\n', start: i, end: i + len });
    this.i += len;
    if (this.operators) this.skipHeredocBodies();
  }

  /** A comment runs to the end of the line (the newline is a token of its own). */
  private comment(): void {
    while (this.i < this.input.length && this.input[this.i] !== '\n') this.i++;
  }

  /** A redirection (with its IO number and target word) at the cursor; false when there is none. */
  private redirect(): boolean {
    const input = this.input;
    const start = this.i;
    // An IO number (`2>`) belongs to its redirection.
    const io = /^\d+(?=[<>])/.exec(input.slice(start, start + 12));
    const at = io ? start + io[0].length : start;
    const redirect = REDIRECT_OPERATORS.find((op) => input.startsWith(op, at));
    if (!redirect) return false;
    this.i = at + redirect.length;
    while (this.i < input.length && BLANK.test(input[this.i] as string)) this.i++;
    let target: Word | undefined;
    if (this.i < input.length && !OPERATOR_CHARS.test(input[this.i] as string) && input[this.i] !== '\n') target = this.word();
    if ((redirect === '<<' || redirect === '<<-') && target) {
      this.heredocs.push({ delimiter: target.value?.text ?? target.raw.replace(/['"\\]/g, ''), stripTabs: redirect === '<<-' });
    }
    this.tokens.push({ kind: 'redirect', op: redirect, start, end: this.i, target });
    return true;
  }

  /** A control operator at the cursor; false when there is none. */
  private control(): boolean {
    const i = this.i;
    const control = CONTROL_OPERATORS.find((op) => this.input.startsWith(op, i));
    if (!control) return false;
    this.tokens.push({ kind: 'op', op: control, start: i, end: i + control.length });
    this.i += control.length;
    return true;
  }

  /** The word at the cursor; the cursor moves after it. */
  private word(): Word {
    const word = new WordReader(this.input, this.i, this.operators).read();
    this.i = word.end;
    return word;
  }

  /** Skips the bodies of the here-documents opened on the line that just ended. */
  private skipHeredocBodies(): void {
    const input = this.input;
    const n = input.length;
    for (const h of this.heredocs.splice(0)) {
      for (;;) {
        if (this.i >= n) return;
        let lineEnd = input.indexOf('\n', this.i);
        if (lineEnd < 0) lineEnd = n;
        let line = input.slice(this.i, lineEnd).replace(/\r$/, '');
        if (h.stripTabs) line = line.replace(/^\t+/, '');
        this.i = Math.min(lineEnd + 1, n);
        if (line === h.delimiter) break;
      }
    }
  }
}

/** The tokens of a shell command line or script. */
export function tokenize(input: string, options: TokenizeOptions = {}): Tokens {
  const lexer = new Lexer(input, options.operators !== false);
  try {
    lexer.run();
  } catch (error) {
    if (error instanceof ShellSyntaxError) return { tokens: lexer.tokens, error: error.message };
    throw error;
  }
  return { tokens: lexer.tokens, error: undefined };
}
