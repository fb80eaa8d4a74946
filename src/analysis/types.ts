/**
 * Type information, when the file is linted with a TypeScript program (typed linting).
 * Everything here is optional: without `parserServices.program` the analysis is purely syntactic.
 * TypeScript itself is an optional peer dependency, loaded only when a program exists.
 */
import { createRequire } from 'node:module';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { keyOriginInType, typeAtPath, type KeyOrigin } from './tls-types.js';

export type { BagRole, KeyOrigin } from './tls-types.js';

export type Primitive = string | number | boolean | null | undefined | bigint;

export interface TypeServices {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly ts: typeof ts;
  tsNode(node: TSESTree.Node): ts.Node | undefined;
  /** The finite set of literal values the checker gives an expression, or undefined if not finite. */
  literalValues(node: TSESTree.Node): readonly Primitive[] | undefined;
  /**
   * Where `key` is declared in the type an expression is used as (its contextual type: the parameter
   * it is passed to, the annotated variable, the property it sits in), `path` levels further down.
   */
  contextualKeyOrigin(node: TSESTree.Node, key: string, path?: readonly string[]): KeyOrigin;
  /** Where `key` is declared in the expression's own type (the receiver of a method call). */
  keyOrigin(node: TSESTree.Node, key: string): KeyOrigin;
}

const require = createRequire(import.meta.url);
let tsModule: typeof ts | undefined;

function loadTypeScript(): typeof ts | undefined {
  if (!tsModule) {
    try {
      tsModule = require('typescript') as typeof ts;
    } catch {
      return undefined;
    }
  }
  return tsModule;
}

interface ParserServicesLike {
  program?: ts.Program | null;
  esTreeNodeToTSNodeMap?: { get(node: TSESTree.Node): ts.Node | undefined };
}

export function createTypeServices(sourceCode: Readonly<TSESLint.SourceCode>): TypeServices | undefined {
  const services = sourceCode.parserServices as ParserServicesLike | undefined;
  const program = services?.program;
  const map = services?.esTreeNodeToTSNodeMap;
  if (!program || !map) return undefined;
  const tsApi = loadTypeScript();
  if (!tsApi) return undefined;
  const checker = program.getTypeChecker();
  const tsNode = (node: TSESTree.Node): ts.Node | undefined => map.get(node);
  return {
    program,
    checker,
    ts: tsApi,
    tsNode,
    literalValues(node) {
      const n = tsNode(node);
      if (!n) return undefined;
      return literalValuesOfType(tsApi, checker, checker.getTypeAtLocation(n));
    },
    contextualKeyOrigin(node, key, path = []) {
      const n = tsNode(node);
      if (!n || !tsApi.isExpression(n)) return undefined;
      const contextual = checker.getContextualType(n);
      const type = contextual && typeAtPath(tsApi, checker, contextual, path);
      return type ? keyOriginInType(tsApi, checker, type, key) : undefined;
    },
    keyOrigin(node, key) {
      const n = tsNode(node);
      return n ? keyOriginInType(tsApi, checker, checker.getNonNullableType(checker.getTypeAtLocation(n)), key) : undefined;
    },
  };
}

/** Literal members of a type: `false`, `'TLSv1' | 'TLSv1.1'`, `0`, `undefined`. Undefined if any member is not a literal. */
export function literalValuesOfType(tsApi: typeof ts, checker: ts.TypeChecker, type: ts.Type): Primitive[] | undefined {
  const parts = type.isUnion() ? type.types : [type];
  const out: Primitive[] = [];
  for (const part of parts) {
    const f = part.flags;
    if (f & tsApi.TypeFlags.BooleanLiteral) {
      out.push(checker.typeToString(part) === 'true');
    } else if (part.isStringLiteral() || part.isNumberLiteral()) {
      out.push(part.value);
    } else if (f & tsApi.TypeFlags.Undefined) {
      out.push(undefined);
    } else if (f & tsApi.TypeFlags.Null) {
      out.push(null);
    } else {
      return undefined;
    }
  }
  return out;
}
