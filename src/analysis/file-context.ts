/**
 * One shared analysis per linted file. Every rule asks for it with `getFileContext(context)`;
 * the first call builds it, later calls (from other rules linting the same file) reuse it, so
 * memoised results (module bindings, static values, option bags) are computed once per file.
 */
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { createTypeServices, type TypeServices } from './types.js';

export interface FileContext {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  /** Present only when the file is linted with type information. Built lazily on first use. */
  readonly types: TypeServices | undefined;
  /** Memo tables owned by the analysis modules (keyed by node). */
  readonly memo: Map<string, WeakMap<object, unknown>>;
  findVariable(identifier: TSESTree.Identifier): Scope.Variable | undefined;
  /** Writes to a variable after its declaration (assignments, `++`, destructuring targets). */
  writeCount(variable: Scope.Variable): number;
}

const contexts = new WeakMap<TSESTree.Program, FileContext>();

export function getFileContext(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FileContext {
  const sourceCode = context.sourceCode;
  const program = sourceCode.ast;
  let fc = contexts.get(program);
  if (!fc) {
    fc = createFileContext(sourceCode);
    contexts.set(program, fc);
  }
  return fc;
}

function createFileContext(sourceCode: Readonly<TSESLint.SourceCode>): FileContext {
  let types: TypeServices | undefined | null = null;
  const writeCounts = new WeakMap<Scope.Variable, number>();
  return {
    sourceCode,
    get types() {
      if (types === null) types = createTypeServices(sourceCode);
      return types;
    },
    memo: new Map(),
    findVariable(identifier) {
      return ASTUtils.findVariable(sourceCode.getScope(identifier), identifier) ?? undefined;
    },
    writeCount(variable) {
      let n = writeCounts.get(variable);
      if (n === undefined) {
        n = variable.references.filter((r) => r.isWrite() && !r.init).length;
        writeCounts.set(variable, n);
      }
      return n;
    },
  };
}

/** A per-file memo table for one analysis function. */
export function memoTable<V>(fc: FileContext, name: string): WeakMap<object, V> {
  let table = fc.memo.get(name);
  if (!table) {
    table = new WeakMap();
    fc.memo.set(name, table);
  }
  return table as WeakMap<object, V>;
}

const IN_PROGRESS = Symbol('in-progress');

/**
 * Memoised per-file computation. A cycle (a value that depends on itself, e.g. `const a = b, b = a`)
 * yields `onCycle` instead of recursing forever.
 */
export function memoize<K extends object, V>(fc: FileContext, name: string, key: K, compute: () => V, onCycle: V): V {
  const table = memoTable<V | typeof IN_PROGRESS>(fc, name);
  if (table.has(key)) {
    const hit = table.get(key);
    return hit === IN_PROGRESS ? onCycle : (hit as V);
  }
  table.set(key, IN_PROGRESS);
  const value = compute();
  table.set(key, value);
  return value;
}
