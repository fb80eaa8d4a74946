/**
 * Text edits shared by the suggestions: remove an object property or a statement without leaving
 * a dangling comma or an empty line, keeping comments.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fixer = TSESLint.RuleFixer;

function lineIsOnly(sourceCode: SourceCode, start: number, end: number): boolean {
  const text = sourceCode.text;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  return text.slice(lineStart, start).trim() === '' && text.slice(end, lineEnd).trim() === '';
}

/** Widens [start, end) to whole lines when the range is alone on its line(s). */
function wholeLines(sourceCode: SourceCode, start: number, end: number): [number, number] {
  if (!lineIsOnly(sourceCode, start, end)) return [start, end];
  const text = sourceCode.text;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  lineEnd = lineEnd < 0 ? text.length : lineEnd + 1;
  return [lineStart, lineEnd];
}

/** Removes one property of an object literal (or one element of any comma list). */
export function removeListItem(sourceCode: SourceCode, fixer: Fixer, item: TSESTree.Node): TSESLint.RuleFix {
  const after = sourceCode.getTokenAfter(item);
  const before = sourceCode.getTokenBefore(item);
  if (after && ASTUtils.isCommaToken(after)) {
    // `a, <item>, b` -> remove `<item>,` and the spaces after it (not comments, not newlines).
    let end = after.range[1];
    const text = sourceCode.text;
    while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
    const [s, e] = wholeLines(sourceCode, item.range[0], after.range[1]);
    return s !== item.range[0] ? fixer.removeRange([s, e]) : fixer.removeRange([item.range[0], end]);
  }
  if (before && ASTUtils.isCommaToken(before)) {
    // last item: `a, <item>` -> `a`
    return fixer.removeRange([before.range[0], item.range[1]]);
  }
  // the only item
  const [s, e] = wholeLines(sourceCode, item.range[0], item.range[1]);
  if (s !== item.range[0]) return fixer.removeRange([s, e]);
  const open = before;
  const close = after;
  if (open && close && sourceCode.getCommentsInside(item).length === 0 && sourceCode.text.slice(open.range[1], close.range[0]).trim() === sourceCode.getText(item)) {
    return fixer.replaceTextRange([open.range[1], close.range[0]], '');
  }
  return fixer.remove(item);
}

const STATEMENT_LISTS = new Set<string>([
  AST_NODE_TYPES.Program,
  AST_NODE_TYPES.BlockStatement,
  AST_NODE_TYPES.StaticBlock,
  AST_NODE_TYPES.SwitchCase,
  AST_NODE_TYPES.TSModuleBlock,
]);

/** The statement that consists only of `node` (`x.y = z;`), if any. */
export function enclosingExpressionStatement(node: TSESTree.Node): TSESTree.ExpressionStatement | undefined {
  let current: TSESTree.Node = node;
  while (current.parent?.type === AST_NODE_TYPES.ChainExpression || current.parent?.type === AST_NODE_TYPES.TSAsExpression) current = current.parent;
  const parent = current.parent;
  return parent?.type === AST_NODE_TYPES.ExpressionStatement && parent.expression === current ? parent : undefined;
}

/** Removes a statement; in a position that needs a statement (`if (x) stmt;`) it becomes `{}`. */
export function removeStatement(sourceCode: SourceCode, fixer: Fixer, statement: TSESTree.Statement): TSESLint.RuleFix {
  if (statement.parent && STATEMENT_LISTS.has(statement.parent.type)) {
    const [s, e] = wholeLines(sourceCode, statement.range[0], statement.range[1]);
    return fixer.removeRange([s, e]);
  }
  return fixer.replaceText(statement, '{}');
}
