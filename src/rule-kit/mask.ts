/**
 * Rewrites a `secureOptions` bit mask without some bits: `A | B | C` -> `A | C`, keeping each
 * remaining term as written. Used by suggestions that drop weakening `SSL_OP_*` flags.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../analysis/ast.js';
import type { FileContext } from '../analysis/file-context.js';
import { evaluate } from '../analysis/values.js';

function terms(node: TSESTree.Node, out: TSESTree.Node[]): void {
  const n = unwrap(node);
  if (n.type === 'BinaryExpression' && n.operator === '|') {
    terms(n.left, out);
    terms(n.right, out);
    return;
  }
  out.push(node);
}

/**
 * The text of `value` with every bit of `bits` cleared: `''` when no term is left, undefined when
 * the expression cannot be split (a term mixes kept and dropped bits and is not a number literal,
 * or a term's value is unknown).
 */
export function maskWithout(fc: FileContext, sourceCode: Readonly<TSESLint.SourceCode>, value: TSESTree.Node, bits: number): string | undefined {
  const drop = bits >>> 0;
  const parts: TSESTree.Node[] = [];
  terms(value, parts);
  const kept: string[] = [];
  for (const part of parts) {
    const values = evaluate(fc, part);
    if (!values || values.length !== 1 || typeof values[0] !== 'number' || !Number.isInteger(values[0])) return undefined;
    const termBits = values[0] >>> 0;
    if ((termBits & drop) === 0) kept.push(sourceCode.getText(part));
    else if ((termBits & ~drop) >>> 0 === 0) continue;
    else if (unwrap(part).type === 'Literal') kept.push(String((termBits & ~drop) >>> 0));
    else return undefined;
  }
  return kept.join(' | ');
}
