/**
 * One shared analysis per linted file. Every rule asks for it with `getFileContext(context)`;
 * the first call builds it, later calls (from other rules linting the same file) reuse it, so
 * memoised results (module bindings, static values, option bags) are computed once per file.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from './ast.js';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { createTypeServices, type TypeServices } from './types.js';

export interface FileContext {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  /** The linted file's path as ESLint gives it (config rows may depend on the file's name: `vite.config.ts`). */
  readonly filename: string;
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
    fc = createFileContext(sourceCode, context.filename);
    contexts.set(program, fc);
  }
  return fc;
}

function createFileContext(sourceCode: Readonly<TSESLint.SourceCode>, filename: string): FileContext {
  let types: TypeServices | undefined | null = null;
  const writeCounts = new WeakMap<Scope.Variable, number>();
  return {
    sourceCode,
    filename,
    get types() {
      if (types === null) types = createTypeServices(sourceCode);
      return types;
    },
    memo: new Map(),
    findVariable(identifier) {
      return findVariable(sourceCode.getScope(identifier), identifier);
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
 * How many memoised computations may be nested. Every recursive analysis step (a `const` whose
 * initializer is another `const`, one operand of a `+` chain, an option bag spread into another)
 * goes through `memoize`, so this bounds the stack: a chain of thousands of `const vN = vN-1` would
 * otherwise overflow it and abort the whole lint run. A value beyond the limit is unknown, which
 * every rule treats as "not provably insecure". Real code nests a handful of levels.
 */
export const MAX_ANALYSIS_DEPTH = 256;
let depth = 0;

/**
 * Memoised per-file computation. A cycle (a value that depends on itself, e.g. `const a = b, b = a`)
 * yields `onCycle` instead of recursing forever, and so does nesting deeper than
 * `MAX_ANALYSIS_DEPTH`. What is computed under the cut-off is memoised like any other value (it is
 * a conservative "unknown" below the limit), so the work stays linear in the file's size.
 */
export function memoize<K extends object, V>(fc: FileContext, name: string, key: K, compute: () => V, onCycle: V): V {
  const table = memoTable<V | typeof IN_PROGRESS>(fc, name);
  if (table.has(key)) {
    const hit = table.get(key);
    return hit === IN_PROGRESS ? onCycle : (hit as V);
  }
  if (depth >= MAX_ANALYSIS_DEPTH) return onCycle;
  table.set(key, IN_PROGRESS);
  depth++;
  let value: V;
  try {
    value = compute();
  } catch (error) {
    table.delete(key);
    throw error;
  } finally {
    depth--;
  }
  table.set(key, value);
  return value;
}
