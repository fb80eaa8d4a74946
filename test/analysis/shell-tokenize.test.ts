/**
 * The tokenizer against a frozen copy of its previous implementation (shell-tokenize-oracle.ts) on
 * generated command lines: the same tokens, positions, values with their offsets, quoting, globs,
 * assignments and errors. The generator is seeded, so a failure names an input that reproduces.
 */
import { describe, expect, it } from 'vitest';
import { tokenize, type Tokens, type TokenizeOptions, type Word } from '../../src/analysis/shell/tokenize.js';
import { tokenizeOracle } from './shell-tokenize-oracle.js';
import { prng as random } from '../harness/prng.js';

/** Pieces a command line is made of: words, every kind of quote and escape, expansions, operators. */
const PIECES = [
  'a',
  'node',
  'X',
  'NODE_TLS_REJECT_UNAUTHORIZED',
  '0',
  '1',
  'x_y9',
  '=',
  'A=',
  'A=1',
  '_b=',
  '9=',
  '#',
  '*',
  '?',
  '[',
  ']',
  ' ',
  ' ',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\\\n',
  '\\',
  '\\ ',
  '\\"',
  "\\'",
  '\\$',
  '\\=',
  '\\\\',
  '\\n',
  "'",
  "'a b'",
  "''",
  '"',
  '"a b"',
  '""',
  '"\\"x"',
  '"\\$X"',
  '"\\`"',
  '"\\\\"',
  '"\\n"',
  '"a\\\nb"',
  '"$X"',
  '"${X}"',
  '"$(a)"',
  '"`a`"',
  '"$"',
  '"$1"',
  "$'",
  "$'a\\tb'",
  "$'\\x41'",
  "$'\\e\\a'",
  "$'\\''",
  '$"',
  '$"a"',
  '$',
  '$X',
  '$_y',
  '$1',
  '$@',
  '$?',
  '$#',
  '$-',
  '$!',
  '${X}',
  '${X:-0}',
  '${',
  '}',
  '$(',
  '$(a b)',
  '$(a "b)" c)',
  "$(a ')' b)",
  '$((1+1))',
  '$(a $(b))',
  '`',
  '`a`',
  '`a \\` b`',
  '`"`',
  ';',
  '&',
  '&&',
  '||',
  '|',
  '|&',
  ';;',
  '(',
  ')',
  '>',
  '>>',
  '<',
  '<<',
  '<<-',
  '<<<',
  '>&',
  '<&',
  '<>',
  '>|',
  '&>',
  '&>>',
  '2>',
  '2>&1',
  '10<',
  '<<EOF',
  '<<-E',
  "<<'E'",
  '\nEOF\n',
  '\n\tE\n',
  'EOF',
  'E',
  '=0',
  '"=0"',
  '-e',
  '--tls-min-v1.0',
  'é',
  '\u00a0',
];

function generate(next: () => number): string {
  const count = 1 + Math.floor(next() * 14);
  let s = '';
  for (let j = 0; j < count; j++) s += PIECES[Math.floor(next() * PIECES.length)];
  return s;
}

/**
 * The reference with its one deliberate change applied: an assignment's name is the name's
 * characters, so a backslash-newline inside it no longer stays in it (`A\\<newline>B=1` assigns
 * `AB`, as sh and bash do).
 */
function reference(input: string, options?: TokenizeOptions): Tokens {
  const fixWord = (w: Word): Word => (w.assignment ? { ...w, assignment: { ...w.assignment, name: w.assignment.name.replaceAll('\\\n', '') } } : w);
  const { tokens, error } = tokenizeOracle(input, options);
  return {
    tokens: tokens.map((t) => (t.kind === 'word' ? fixWord(t) : t.kind === 'redirect' && t.target ? { ...t, target: fixWord(t.target) } : t)),
    error,
  };
}

/** The first inputs on which the two tokenizers differ. */
function differences(seed: number, runs: number, options?: TokenizeOptions): { input: string; got: unknown; want: unknown }[] {
  const next = random(seed);
  const found: { input: string; got: unknown; want: unknown }[] = [];
  for (let r = 0; r < runs && found.length < 3; r++) {
    const input = generate(next);
    const got = JSON.stringify(tokenize(input, options));
    const want = JSON.stringify(reference(input, options));
    if (got !== want) found.push({ input, got: JSON.parse(got), want: JSON.parse(want) });
  }
  return found;
}

describe('tokenize equals the frozen reference', () => {
  it('on 20,000 generated command lines', () => {
    expect(differences(15, 20_000)).toEqual([]);
  });

  it('on 5,000 generated compose command strings (operators: false)', () => {
    expect(differences(16, 5_000, { operators: false })).toEqual([]);
  });

  it('the generator reaches every kind of token, errors and unknown values', () => {
    const next = random(15);
    const seen = new Set<string>();
    for (let r = 0; r < 2_000; r++) {
      const t = tokenize(generate(next));
      if (t.error) seen.add(`error:${t.error}`);
      for (const k of t.tokens) {
        seen.add(k.kind);
        if (k.kind === 'word' && k.value === undefined) seen.add('unknown');
        if (k.kind === 'word' && k.assignment) seen.add('assignment');
        if (k.kind === 'word' && k.glob) seen.add('glob');
        if (k.kind === 'redirect' && k.op.startsWith('<<')) seen.add('heredoc');
      }
    }
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        'assignment',
        'error:unterminated quote',
        "error:unterminated '('",
        "error:unterminated '{'",
        'error:unterminated command substitution',
        'glob',
        'heredoc',
        'op',
        'redirect',
        'unknown',
        'word',
      ]),
    );
  });
});
