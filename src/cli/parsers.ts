/**
 * The parsers of a scan, loaded only when a file needs them (issue 16: a JavaScript-only run must
 * not load the TypeScript compiler, which `@typescript-eslint/parser` requires at import).
 *
 * - `tsParser`: `@typescript-eslint/parser`, required on the first parse. For TypeScript files and
 *   for every file linted with type information.
 * - `jsParser`: ESLint's default parser, espree (the copy of the installed ESLint, so JavaScript is
 *   parsed exactly as an ESLint run without a parser setting parses it; ESLint then does its own
 *   scope analysis). A file espree rejects is parsed by `tsParser` instead, as every file was before:
 *   syntax that espree does not accept and TypeScript does (decorators, a stray type annotation)
 *   keeps its findings, and a file neither accepts gets typescript-eslint's parse error, as before.
 *
 * `test/rules/parser-parity.test.ts` checks that the rules report the same on every rule case with
 * either parser; `test/cli/lazy-load.test.ts` that a JavaScript-only run never loads `typescript`.
 */
import { createRequire } from 'node:module';
import type { Linter } from 'eslint';

const require = createRequire(import.meta.url);

interface ParseResult {
  readonly ast: unknown;
  readonly [key: string]: unknown;
}

interface TsParserModule {
  parseForESLint(text: string, options: Linter.ParserOptions): ParseResult;
  readonly meta?: { name?: string; version?: string };
}

interface Espree {
  parse(text: string, options: Linter.ParserOptions): unknown;
  readonly version: string;
}

let tsParserModule: TsParserModule | undefined;
function loadTsParser(): TsParserModule {
  tsParserModule ??= require('@typescript-eslint/parser') as TsParserModule;
  return tsParserModule;
}

let espreeModule: Espree | undefined;
/** espree as the installed ESLint resolves it (ESLint 9 and 10 depend on different majors). */
function loadEspree(): Espree {
  espreeModule ??= createRequire(require.resolve('eslint/package.json'))('espree') as Espree;
  return espreeModule;
}

/** The version of a package without loading it (for the parsers' `meta`, which ESLint's cache hashes). */
function versionOf(resolveFrom: NodeJS.Require, pkg: string): string {
  return (resolveFrom(`${pkg}/package.json`) as { version: string }).version;
}

const tsParserVersion = (): string => versionOf(require, '@typescript-eslint/parser');
const espreeVersion = (): string => versionOf(createRequire(require.resolve('eslint/package.json')), 'espree');

/** `@typescript-eslint/parser`, loaded on its first parse. */
export const tsParser: Linter.Parser = {
  meta: { name: '@typescript-eslint/parser', version: tsParserVersion() },
  parseForESLint: (text: string, options: Linter.ParserOptions) => loadTsParser().parseForESLint(text, options) as Linter.ESLintParseResult,
};

/** espree; `@typescript-eslint/parser` for a file espree rejects. */
export const jsParser: Linter.Parser = {
  meta: { name: 'eslint-plugin-tlsguard/js-parser', version: `espree@${espreeVersion()}+@typescript-eslint/parser@${tsParserVersion()}` },
  parseForESLint(text: string, options: Linter.ParserOptions) {
    let ast: unknown;
    try {
      ast = loadEspree().parse(text, options);
    } catch {
      return loadTsParser().parseForESLint(text, options) as Linter.ESLintParseResult;
    }
    // No scope manager and no visitor keys: ESLint analyses scopes as for its default parser.
    return { ast } as Linter.ESLintParseResult;
  },
};
