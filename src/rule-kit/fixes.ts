/**
 * Text edits shared by the suggestions: remove object properties or a statement without leaving a
 * dangling comma or an empty line, add a property, keeping every comment where it was and following
 * the file's own line endings (`\n`, `\r\n` or `\r`) and indentation (tabs or spaces).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isCommaToken } from '../analysis/ast.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fixer = TSESLint.RuleFixer;
type Range = readonly [number, number];

/** ECMAScript line terminators (the ones ESLint counts lines by). */
const isBreak = (c: string | undefined): boolean => c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';

/** Offset of the first character of the line that contains `pos`. */
export function lineStartOf(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && !isBreak(text[i - 1])) i--;
  return i;
}

/** Offset of the line break that ends the line containing `pos` (the text length on the last line). */
export function lineEndOf(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && !isBreak(text[i])) i++;
  return i;
}

/** Length of the line break at `pos` (2 for `\r\n`, 0 at the end of the text). */
function breakLength(text: string, pos: number): number {
  if (text[pos] === '\r' && text[pos + 1] === '\n') return 2;
  return isBreak(text[pos]) ? 1 : 0;
}

/**
 * The line ending to write near `pos`: the one that ends that line, else the file's first one,
 * else `\n`. (`\u2028`/`\u2029` count as lines for ESLint but are never written.)
 */
export function lineBreakAt(text: string, pos: number): string {
  const end = lineEndOf(text, pos);
  const here = text.slice(end, end + breakLength(text, end));
  if (here === '\n' || here === '\r\n' || here === '\r') return here;
  const first = /\r\n|\r|\n/.exec(text);
  return first ? first[0] : '\n';
}

/** The leading spaces and tabs of the line that contains `pos`. */
export function indentationAt(text: string, pos: number): string {
  const start = lineStartOf(text, pos);
  return /^[ \t]*/.exec(text.slice(start, lineEndOf(text, pos)))?.[0] ?? '';
}

function lineIsOnly(text: string, start: number, end: number): boolean {
  return text.slice(lineStartOf(text, start), start).trim() === '' && text.slice(end, lineEndOf(text, end)).trim() === '';
}

/** Widens [start, end) to whole lines (with the line break) when the range is alone on its line(s). */
function wholeLines(text: string, start: number, end: number): [number, number] {
  if (!lineIsOnly(text, start, end)) return [start, end];
  const lineEnd = lineEndOf(text, end);
  return [lineStartOf(text, start), lineEnd + breakLength(text, lineEnd)];
}

function skipSpaces(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

/** The comments that overlap `range` (binary search in the file's sorted comments). */
function commentsIn(sourceCode: SourceCode, range: Range): TSESTree.Comment[] {
  const all = sourceCode.getAllComments();
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid]!.range[1] <= range[0]) lo = mid + 1;
    else hi = mid;
  }
  const out: TSESTree.Comment[] = [];
  for (let i = lo; i < all.length && all[i]!.range[0] < range[1]; i++) out.push(all[i]!);
  return out;
}

/** `range` minus the comments inside it: a removal never takes a comment with it. */
function withoutComments(sourceCode: SourceCode, range: Range): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = range[0];
  for (const c of commentsIn(sourceCode, range)) {
    if (c.range[0] > from) out.push([from, c.range[0]]);
    from = Math.max(from, c.range[1]);
  }
  if (from < range[1]) out.push([from, range[1]]);
  return out;
}

export function commentsWithin(sourceCode: SourceCode, range: Range): boolean {
  return range[0] < range[1] && commentsIn(sourceCode, range).length > 0;
}

/** Sorted, with overlapping or touching ranges joined. */
function union(ranges: ReadonlyArray<Range>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

const commaAfter = (sourceCode: SourceCode, item: TSESTree.Node): TSESTree.Token | undefined => {
  const after = sourceCode.getTokenAfter(item);
  return after && isCommaToken(after) ? after : undefined;
};

/**
 * The ranges to delete so that the `drop` items of a comma list (`items`, in source order) are gone:
 * each item with one comma, whole lines when an item is alone on its line, and never a comment
 * (comments between, before or inside dropped items stay where they are). With `keepLastComma`, the
 * comma after the last kept item stays (something is appended after it).
 */
export function listRemovals(
  sourceCode: SourceCode,
  items: readonly TSESTree.Node[],
  drop: ReadonlySet<TSESTree.Node>,
  keepLastComma = false,
): Array<[number, number]> {
  const text = sourceCode.text;
  const ranges: Array<Range> = [];
  items.forEach((item, i) => {
    if (!drop.has(item)) return;
    const comma = commaAfter(sourceCode, item);
    if (comma) {
      // `<item>, next` -> `next`; alone on its line: the whole line.
      const range: Range = [item.range[0], comma.range[1]];
      const inner = commentsWithin(sourceCode, range);
      const [s, e] = inner ? range : wholeLines(text, range[0], range[1]);
      ranges.push(e !== range[1] || s !== range[0] ? [s, e] : [s, skipSpaces(text, e)]);
      return;
    }
    // The last item: the comma before it goes too (the one after the last kept item).
    const inner = commentsWithin(sourceCode, item.range);
    if (text.slice(lineStartOf(text, item.range[0]), item.range[0]).trim() === '') {
      // First on its line: that line (or the item and the spaces after it, before a comment).
      const [s, e] = inner ? item.range : wholeLines(text, item.range[0], item.range[1]);
      ranges.push(s !== item.range[0] || e !== item.range[1] ? [s, e] : [s, skipSpaces(text, e)]);
    } else {
      const previous = sourceCode.getTokenBefore(item, { includeComments: true });
      ranges.push(inner || !previous ? item.range : [previous.range[1], item.range[1]]);
    }
    let j = i - 1;
    while (j >= 0 && drop.has(items[j]!)) j--;
    const kept = items[j];
    const trailing = kept && commaAfter(sourceCode, kept);
    if (trailing && !keepLastComma) {
      // With the spaces after it, unless a comment follows them (it keeps its space).
      const end = skipSpaces(text, trailing.range[1]);
      ranges.push([trailing.range[0], commentsWithin(sourceCode, [end, end + 1]) ? trailing.range[1] : end]);
    }
  });
  return union(ranges.flatMap((r) => withoutComments(sourceCode, r)));
}

/** Removes one property of an object literal (or one element of any comma list). */
export function removeListItem(sourceCode: SourceCode, fixer: Fixer, item: TSESTree.Node): TSESLint.RuleFix | TSESLint.RuleFix[] {
  const parent = item.parent;
  const siblings: readonly TSESTree.Node[] | undefined =
    parent?.type === 'ObjectExpression'
      ? parent.properties
      : parent?.type === 'ArrayExpression'
        ? (parent.elements.filter((e) => e !== null) as TSESTree.Node[])
        : parent?.type === 'CallExpression' || parent?.type === 'NewExpression'
          ? parent.arguments
          : undefined;
  if (siblings && siblings.length === 1) {
    // The only item: `{ <item> }` -> `{}`, or its whole line.
    const text = sourceCode.text;
    const [s, e] = commentsWithin(sourceCode, item.range) ? item.range : wholeLines(text, item.range[0], item.range[1]);
    if (s !== item.range[0]) return fixer.removeRange([s, e]);
    const open = sourceCode.getTokenBefore(item);
    const close = sourceCode.getTokenAfter(item, { filter: (t) => !isCommaToken(t) });
    if (open && close && !commentsWithin(sourceCode, [open.range[1], close.range[0]])) return fixer.removeRange([open.range[1], close.range[0]]);
    return withoutComments(sourceCode, [item.range[0], commaAfter(sourceCode, item)?.range[1] ?? item.range[1]]).map((r) => fixer.removeRange(r));
  }
  if (siblings) return listRemovals(sourceCode, siblings, new Set([item])).map((r) => fixer.removeRange(r));
  return withoutComments(sourceCode, item.range).map((r) => fixer.removeRange(r));
}

/**
 * The edit that appends `texts` (property source texts) to an object literal after `lastKept`
 * (its last property that stays, if any): on a new line with that property's indentation and
 * the file's line ending when the object has one property per line, else on the same line.
 */
export function appendProperties(
  sourceCode: SourceCode,
  object: TSESTree.ObjectExpression,
  lastKept: TSESTree.Node | undefined,
  texts: readonly string[],
): Array<{ range: [number, number]; text: string }> {
  if (texts.length === 0) return [];
  const text = sourceCode.text;
  const open = sourceCode.getFirstToken(object)!;
  const close = sourceCode.getLastToken(object)!;
  const lastItem = object.properties[object.properties.length - 1];
  const trailingComma = !!lastItem && !!commaAfter(sourceCode, lastItem);
  if (!lastKept) {
    // Nothing stays: the first property's line, or `{ a }`.
    const first = object.properties[0];
    if (first && first.loc.start.line > open.loc.end.line && close.loc.start.line > first.loc.end.line) {
      const eol = lineBreakAt(text, open.range[1]);
      const indent = indentationAt(text, first.range[0]);
      return [{ range: [open.range[1], open.range[1]], text: texts.map((t) => `${eol}${indent}${t}`).join(',') + (trailingComma ? ',' : '') }];
    }
    const inner = text.slice(open.range[1], close.range[0]);
    if (inner.trim() === '') return [{ range: [open.range[1], close.range[0]], text: ` ${texts.join(', ')} ` }];
    // The removed properties leave the space before `}`.
    return [{ range: [open.range[1], open.range[1]], text: ` ${texts.join(', ')}` }];
  }
  const comma = commaAfter(sourceCode, lastKept);
  if (close.loc.start.line > lastKept.loc.end.line) {
    // One property per line: a new line after the last kept one (after its comments on that line).
    const eol = lineBreakAt(text, lastKept.range[1]);
    const indent = indentationAt(text, lastKept.range[0]);
    const lineEnd = lineEndOf(text, (comma ?? lastKept).range[1]);
    const lines = texts.map((t) => `${eol}${indent}${t}`).join(',') + (trailingComma ? ',' : '');
    return comma
      ? [{ range: [lineEnd, lineEnd], text: lines }]
      : [
          { range: [lastKept.range[1], lastKept.range[1]], text: ',' },
          { range: [lineEnd, lineEnd], text: lines },
        ];
  }
  if (comma) return [{ range: [comma.range[1], comma.range[1]], text: ` ${texts.join(', ')}${trailingComma ? ',' : ''}` }];
  return [{ range: [lastKept.range[1], lastKept.range[1]], text: `, ${texts.join(', ')}` }];
}

/** Inserts `text` (one property) as the last property of an object literal. */
export function insertProperty(sourceCode: SourceCode, object: TSESTree.ObjectExpression, text: string): TSESLint.ReportFixFunction {
  return (fixer) => {
    const last = object.properties[object.properties.length - 1];
    if (!last && !commentsWithin(sourceCode, object.range)) return fixer.replaceText(object, `{ ${text} }`);
    return appendProperties(sourceCode, object, last, [text]).map((e) => fixer.replaceTextRange(e.range, e.text));
  };
}

const STATEMENT_LISTS = new Set<string>(['Program', 'BlockStatement', 'StaticBlock', 'SwitchCase', 'TSModuleBlock']);

/** The statement that consists only of `node` (`x.y = z;`), if any. */
export function enclosingExpressionStatement(node: TSESTree.Node): TSESTree.ExpressionStatement | undefined {
  let current: TSESTree.Node = node;
  while (current.parent?.type === 'ChainExpression' || current.parent?.type === 'TSAsExpression') current = current.parent;
  const parent = current.parent;
  return parent?.type === 'ExpressionStatement' && parent.expression === current ? parent : undefined;
}

/** Removes a statement; in a position that needs a statement (`if (x) stmt;`) it becomes `{}`. Comments inside it stay. */
export function removeStatement(sourceCode: SourceCode, fixer: Fixer, statement: TSESTree.Statement): TSESLint.RuleFix | TSESLint.RuleFix[] {
  if (statement.parent && STATEMENT_LISTS.has(statement.parent.type)) {
    const range: Range = commentsWithin(sourceCode, statement.range) ? statement.range : wholeLines(sourceCode.text, statement.range[0], statement.range[1]);
    const parts = withoutComments(sourceCode, range);
    return parts.length === 1 ? fixer.removeRange(parts[0]!) : parts.map((r) => fixer.removeRange(r));
  }
  return fixer.replaceText(statement, '{}');
}

export interface LineDirective {
  readonly comment: TSESTree.Comment;
  /** The line it acts on (1-based). */
  readonly line: number;
  /** `@ts-expect-error`: an error it no longer covers makes it an error itself. */
  readonly expectsError: boolean;
  /** An ESLint directive without a rule list, or one that names a tlsguard rule. */
  readonly tlsguard: boolean;
}

const NEXT_LINE = /^\s*(eslint-disable-next-line\b|@ts-expect-error\b|@ts-ignore\b|prettier-ignore\b)/;
const SAME_LINE = /^\s*eslint-disable-line\b/;

const directiveCache = new WeakMap<object, LineDirective[]>();

/** Comments that act on one line by position (`eslint-disable-next-line`, `eslint-disable-line`, `@ts-expect-error`, ...). */
export function lineDirectives(sourceCode: SourceCode): LineDirective[] {
  const cached = directiveCache.get(sourceCode.ast);
  if (cached) return cached;
  const out: LineDirective[] = [];
  directiveCache.set(sourceCode.ast, out);
  for (const c of sourceCode.getAllComments()) {
    const value = c.value.replace(/^\*+/, '');
    const next = NEXT_LINE.exec(value);
    const same = !next && SAME_LINE.test(value);
    if (!next && !same) continue;
    const eslint = /^\s*eslint-disable/.test(value);
    // `eslint-disable-next-line a, b -- why`: the rule list, if any.
    const rules = eslint
      ? value
          .replace(/^\s*eslint-disable-(next-)?line/, '')
          .split('--')[0]!
          .trim()
      : '';
    out.push({
      comment: c,
      line: next ? c.loc.end.line + 1 : c.loc.start.line,
      expectsError: /^\s*@ts-expect-error\b/.test(value),
      tlsguard: eslint && (rules === '' || /(^|[\s,])tlsguard\//.test(rules)),
    });
  }
  return out;
}

/** The line directives that act on a line of `node`. */
export function directivesOn(sourceCode: SourceCode, node: TSESTree.Node): LineDirective[] {
  return lineDirectives(sourceCode).filter((d) => d.line >= node.loc.start.line && d.line <= node.loc.end.line);
}

/** True when `node` (with the comma after it) is alone on its line(s): removing it removes those lines. */
export function aloneOnLines(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const end = commaAfter(sourceCode, node)?.range[1] ?? node.range[1];
  return lineIsOnly(sourceCode.text, node.range[0], end);
}

/**
 * True when removing list item `node` would change what a line directive acts on: its lines go
 * (the directive would act on the next line), or the directive was about this very code (a
 * tlsguard suppression, a `@ts-expect-error`).
 */
export function protectedByDirective(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const directives = directivesOn(sourceCode, node);
  if (directives.length === 0) return false;
  return aloneOnLines(sourceCode, node) || directives.some((d) => d.expectsError || d.tlsguard);
}

/**
 * Where to insert a line before `statement` so that the comments attached to it (no blank line
 * between, e.g. JSDoc or `eslint-disable-next-line`) stay attached: the first of them, else the
 * statement itself. With `directivesOnly`, only line directives are kept attached (file-top
 * pragmas such as `// @ts-check` must stay above any code); other comments only within
 * `maxDistance` characters of the statement.
 */
export function insertionPointBefore(sourceCode: SourceCode, statement: TSESTree.Node, directivesOnly = false, maxDistance = Infinity): number {
  let anchor: { range: Range; loc: TSESTree.SourceLocation } = statement;
  const comments = sourceCode.getCommentsBefore(statement);
  for (let i = comments.length - 1; i >= 0; i--) {
    const c = comments[i]!;
    if (c.loc.end.line < anchor.loc.start.line - 1 || c.type === ('Shebang' as string)) break;
    const directive = NEXT_LINE.test(c.value.replace(/^\*+/, ''));
    if (directivesOnly && !directive) break;
    // A long run of comments above the statement is not all its own: stop within `maxDistance`.
    if (!directive && statement.range[0] - c.range[0] > maxDistance) break;
    // A comment that shares its line with earlier code belongs to that code.
    if (sourceCode.text.slice(lineStartOf(sourceCode.text, c.range[0]), c.range[0]).trim() !== '') break;
    anchor = c;
  }
  return anchor.range[0];
}

/** The text to insert at `pos` so that `line` (no line break) stands on its own line before what is there. */
export function lineBefore(sourceCode: SourceCode, pos: number, line: string): string {
  const text = sourceCode.text;
  const before = text.slice(lineStartOf(text, pos), pos);
  if (before.trim() !== '') return `${line} `;
  return `${line}${lineBreakAt(text, pos)}${before}`;
}
