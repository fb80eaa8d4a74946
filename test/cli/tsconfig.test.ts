/**
 * `mayCoverJavaScript`: the pre-check that spares a JavaScript-only run the TypeScript compiler when
 * the nearest tsconfig.json cannot cover a JavaScript file. It must never say "no" where TypeScript
 * would include `a.js` (checked against TypeScript's own `getParsedCommandLineOfConfigFile` for
 * every config here), and says "no" for the configs that certainly do not.
 */
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { mayCoverJavaScript, stripJsonc } from '../../src/cli/tsconfig.js';
import { cleanup, project } from './helpers.js';

afterAll(cleanup);

function typescriptIncludesJs(config: string): boolean {
  const parsed = ts.getParsedCommandLineOfConfigFile(config, undefined, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  return (parsed?.fileNames ?? []).some((f) => f.endsWith('/a.js'));
}

const BASE_JS = '{\n  // a comment\n  "compilerOptions": { "allowJs": true, /* inline */ },\n}\n';
const BASE_TS =
  '{\n  // a comment, and "allowJs" in a string: "allowJs": true\n  "compilerOptions": { "strict": true, },\n  "description": "no \\"allowJs\\" here // nor a comment",\n}\n';

const cases: [string, Record<string, string>, boolean][] = [
  ['no compiler options', { 'tsconfig.json': '{}' }, false],
  ['allowJs: true', { 'tsconfig.json': '{ "compilerOptions": { "allowJs": true } }' }, true],
  ['allowJs: false', { 'tsconfig.json': '{ "compilerOptions": { "allowJs": false } }' }, false],
  ['checkJs: true (implies allowJs)', { 'tsconfig.json': '{ "compilerOptions": { "checkJs": true } }' }, true],
  ['a JavaScript file listed in files', { 'tsconfig.json': '{ "files": ["a.js", "b.ts"] }' }, true],
  ['TypeScript files listed in files', { 'tsconfig.json': '{ "files": ["b.ts"] }' }, false],
  ['include of *.js without allowJs', { 'tsconfig.json': '{ "include": ["*.js", "*.ts"] }' }, false],
  ['extends a relative config with allowJs (comments, trailing commas)', { 'tsconfig.json': '{ "extends": "./base" }', 'base.json': BASE_JS }, true],
  ['extends a relative config without allowJs', { 'tsconfig.json': '{ "extends": "./base.json", }', 'base.json': BASE_TS }, false],
  [
    'extends an array, the second sets allowJs',
    { 'tsconfig.json': '{ "extends": ["./base.json", "./js.json"] }', 'base.json': BASE_TS, 'js.json': BASE_JS },
    true,
  ],
  [
    'extends a package config with allowJs',
    {
      'tsconfig.json': '{ "extends": "@acme/tsconfig" }',
      'node_modules/@acme/tsconfig/tsconfig.json': BASE_JS,
      'node_modules/@acme/tsconfig/package.json': '{ "name": "@acme/tsconfig" }',
    },
    true,
  ],
  [
    'extends a package file without allowJs',
    {
      'tsconfig.json': '{ "extends": "@acme/tsconfig/base.json" }',
      'node_modules/@acme/tsconfig/base.json': BASE_TS,
      'node_modules/@acme/tsconfig/package.json': '{ "name": "@acme/tsconfig" }',
    },
    false,
  ],
  ['extends a missing config (unknown: TypeScript decides)', { 'tsconfig.json': '{ "extends": "./missing.json" }' }, true],
  ['extends a package that is not installed', { 'tsconfig.json': '{ "extends": "@acme/nowhere" }' }, true],
  ['not JSON (unknown: TypeScript decides)', { 'tsconfig.json': '{ "compilerOptions": { ' }, true],
  ['compilerOptions not an object', { 'tsconfig.json': '{ "compilerOptions": 1 }' }, true],
  ['a cycle of extends', { 'tsconfig.json': '{ "extends": "./b.json" }', 'b.json': '{ "extends": "./tsconfig.json" }' }, false],
];

describe('mayCoverJavaScript', () => {
  it.each(cases)('%s', (_name, files, expected) => {
    const dir = project({ 'a.js': 'export const a = 1;\n', 'b.ts': 'export const b = 1;\n', ...files });
    const config = path.join(dir, 'tsconfig.json');
    expect(mayCoverJavaScript(config)).toBe(expected);
    // Sound: whenever TypeScript includes the JavaScript file, the pre-check said it may.
    if (typescriptIncludesJs(config)) expect(mayCoverJavaScript(config)).toBe(true);
  });

  it('the cases include configs TypeScript covers JavaScript with, and ones it does not', () => {
    const verdicts = cases.map(([, files]) => typescriptIncludesJs(path.join(project({ 'a.js': '', 'b.ts': '', ...files }), 'tsconfig.json')));
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
  });
});

describe('stripJsonc', () => {
  it('removes comments and trailing commas outside strings, and keeps strings as they are', () => {
    expect(JSON.parse(stripJsonc(BASE_TS))).toEqual({ compilerOptions: { strict: true }, description: 'no "allowJs" here // nor a comment' });
    expect(JSON.parse(stripJsonc('[1, /* x */ 2, // y\n 3,]'))).toEqual([1, 2, 3]);
    expect(JSON.parse(stripJsonc('{ "a": "x,}", "b": "\\\\", }'))).toEqual({ a: 'x,}', b: '\\' });
  });
});
