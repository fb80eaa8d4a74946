/** Helpers for the cases of `no-insecure-tls-config` (config files, ESLint's RuleTester). */
import type rule from '../../rules/no-insecure-tls-config.js';
import type { MessageIdsOf } from '../rule-tester.js';

type M = MessageIdsOf<typeof rule>;

export interface ConfigError {
  readonly messageId: M;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly suggestions: readonly { readonly messageId: 'removeSetting'; readonly output: string }[];
}

/** A report on one line from `column` to `endColumn` (1-based, end exclusive), with the removal suggestion's output if any. */
export function err(messageId: M, line: number, column: number, endColumn: number, output?: string): ConfigError {
  return { messageId, line, column, endLine: line, endColumn, suggestions: output === undefined ? [] : [{ messageId: 'removeSetting', output }] };
}

/** Where `needle` is on its line in `code` (first match from line `fromLine`): [line, column, endColumn]. */
export function at(code: string, needle: string, fromLine = 1): [number, number, number] {
  const lines = code.split('\n');
  for (let i = fromLine - 1; i < lines.length; i++) {
    const c = lines[i]!.indexOf(needle);
    if (c >= 0) return [i + 1, c + 1, c + 1 + needle.length];
  }
  throw new Error(`not found: ${needle}`);
}

/** A report at `needle` (see `at`). */
export function errAt(messageId: M, code: string, needle: string, output?: string, fromLine = 1): ConfigError {
  const [line, column, endColumn] = at(code, needle, fromLine);
  return err(messageId, line, column, endColumn, output);
}

export const R = 'NODE_TLS_REJECT_UNAUTHORIZED';
