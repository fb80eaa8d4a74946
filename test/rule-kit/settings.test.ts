/**
 * Issue 17 items 17 and 18: `settings.tlsguard` is validated by one schema, with an ESLint-style
 * message naming each bad key, and `runtimeModule` must be a module specifier that the suggestions
 * write as an escaped string literal.
 */
import parser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import tlsguard from '../../eslint-plugin.js';
import { stringLiteral } from '../../src/rule-kit/imports.js';
import { isModuleSpecifier, SETTINGS, tlsguardSettingsOf } from '../../src/rule-kit/settings.js';
import { newDiagnostics, typecheck } from '../harness/typecheck.js';

const HEADER = 'Key "settings": Key "tlsguard":';
const SPECIFIER =
  'a module specifier: a package name ("tlsguard-runtime", "@scope/pkg", "pkg/subpath"), a relative or absolute path ("./lib/tls.js"), a "#" import or a "node:" module';

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('did not throw');
}

describe('tlsguardSettingsOf', () => {
  it('applies the defaults', () => {
    expect(tlsguardSettingsOf(undefined)).toEqual({ runtimeModule: 'tlsguard-runtime', profile: 'intermediate' });
    expect(tlsguardSettingsOf({})).toEqual({ runtimeModule: 'tlsguard-runtime', profile: 'intermediate' });
    expect(tlsguardSettingsOf({ tlsguard: {} })).toEqual({ runtimeModule: 'tlsguard-runtime', profile: 'intermediate' });
    expect(tlsguardSettingsOf({ tlsguard: { profile: undefined } })).toEqual({ runtimeModule: 'tlsguard-runtime', profile: 'intermediate' });
    expect(tlsguardSettingsOf({ other: { x: 1 } })).toEqual({ runtimeModule: 'tlsguard-runtime', profile: 'intermediate' });
  });

  it('keeps valid values', () => {
    expect(tlsguardSettingsOf({ tlsguard: { profile: 'modern', runtimeModule: '#lib/tls' } })).toEqual({ runtimeModule: '#lib/tls', profile: 'modern' });
  });

  it('names every bad key, what it expects and a likely spelling, as ESLint does for rule options', () => {
    const settings = { tlsguard: { profile: 'Modern', runtimeModule: 42, runtimeModul: './tls.js', nonsense: true } };
    expect(message(() => tlsguardSettingsOf(settings))).toBe(
      [
        HEADER,
        `\tKey "runtimeModule": Value 42 should be ${SPECIFIER}.`,
        '\tKey "profile": Value "Modern" should be one of "intermediate", "modern". Did you mean "modern"?',
        '\tUnexpected key "runtimeModul". Expected keys: "runtimeModule", "profile", "node". Did you mean "runtimeModule"?',
        '\tUnexpected key "nonsense". Expected keys: "runtimeModule", "profile", "node".',
      ].join('\n'),
    );
  });

  it.each([
    [{ profile: 'old' }, '\tKey "profile": Value "old" should be one of "intermediate", "modern".'],
    [{ profile: null }, '\tKey "profile": Value null should be one of "intermediate", "modern".'],
    [{ runtimeModule: '' }, `\tKey "runtimeModule": Value "" should be ${SPECIFIER}.`],
    [{ runtimeModule: "x'); process.exit(1); ('" }, `\tKey "runtimeModule": Value "x'); process.exit(1); ('" should be ${SPECIFIER}.`],
    [{ runtimeModule: 'x'.repeat(300) }, `\tKey "runtimeModule": Value "${'x'.repeat(76)}... should be ${SPECIFIER}.`],
    [{ runtimeModule: () => 'tlsguard-runtime' }, `\tKey "runtimeModule": Value a function should be ${SPECIFIER}.`],
  ])('%j', (value, line) => {
    expect(message(() => tlsguardSettingsOf({ tlsguard: value }))).toBe(`${HEADER}\n${line}`);
  });

  it.each([['modern'], [['profile']], [null], [42]])('settings.tlsguard %j is not an object', (value) => {
    expect(message(() => tlsguardSettingsOf({ tlsguard: value }))).toBe(
      `${HEADER}\n\tValue ${JSON.stringify(value)} should be an object ("runtimeModule", "profile", "node").`,
    );
  });

  it('checks a settings object once: the same error is thrown again', () => {
    const settings = { tlsguard: { profile: 'Modern' } };
    let first: unknown;
    try {
      tlsguardSettingsOf(settings);
    } catch (error) {
      first = error;
    }
    expect(first).toBeInstanceOf(Error);
    expect(() => tlsguardSettingsOf(settings)).toThrow(first as Error);
    try {
      tlsguardSettingsOf({ ...settings });
    } catch (error) {
      expect(error).toBe(first);
    }
  });

  it('the schema is one object with a default and a parser per key (a new key is one entry)', () => {
    expect(Object.keys(SETTINGS)).toEqual(['runtimeModule', 'profile', 'node']);
    for (const spec of Object.values(SETTINGS)) expect(spec.parse(spec.default)).toEqual({ ok: true, value: spec.default });
  });
});

describe('isModuleSpecifier', () => {
  it.each([
    'tlsguard-runtime',
    'eslint-plugin-tlsguard/runtime',
    '@acme/tls',
    '@acme/tls/secure',
    'lodash.merge',
    'JSONStream',
    'pkg/dist/index.js',
    './tls.js',
    '../lib/secure-tls.mjs',
    "./it's tls.js",
    '/opt/app/lib/tls.js',
    '#lib/tls',
    '#tls',
    'node:tls',
    'node:test/reporters',
  ])('accepts %j', (value) => {
    expect(isModuleSpecifier(value)).toBe(true);
  });

  it.each([
    '',
    "x'); process.exit(1); ('",
    'x"); process.exit(1); ("',
    'a b',
    '.hidden',
    '_private',
    '@scope',
    '@/x',
    '@Scope!/x',
    'pkg/../other',
    'pkg/',
    'pkg//x',
    './',
    './dir/',
    './a\\b.js',
    './a\nb.js',
    '#',
    '#/x',
    'node:',
    'node:TLS',
    'C:\\lib\\tls.js',
    `${'a'.repeat(215)}`,
  ])('refuses %j', (value) => {
    expect(isModuleSpecifier(value)).toBe(false);
  });
});

describe('stringLiteral', () => {
  it.each(["./it's tls.js", 'a\\b', 'line\nbreak\r\t', '\u2028\u2029\u0000\u007f', 'plain'])('%j round-trips through the parser', (value) => {
    const literal = stringLiteral(value);
    expect(literal).toMatch(/^'.*'$/s);
    expect(literal).not.toMatch(/[\n\r\u2028\u2029]/);
    const program = parser.parse(`export default ${literal};\n`) as TSESTree.Program;
    const decl = program.body[0] as TSESTree.ExportDefaultDeclaration;
    expect((decl.declaration as TSESTree.StringLiteral).value).toBe(value);
  });
});

const AGENT_TS = "import https from 'node:https';\nexport const agent = new https.Agent({ rejectUnauthorized: false });\n";
const AGENT_CJS = "const https = require('node:https');\nexports.agent = new https.Agent({ rejectUnauthorized: false });\n";

function lint(code: string, filename: string, settings: Record<string, unknown>): Linter.LintMessage[] {
  return new Linter({ configType: 'flat' }).verify(
    code,
    [
      { files: ['**/*.ts', '**/*.cjs'], languageOptions: { parser } },
      { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
      { ...tlsguard.configs.recommended, files: ['**/*.ts', '**/*.cjs'] },
      { settings },
    ],
    filename,
  );
}

function factoryOutputs(code: string, filename: string, settings: Record<string, unknown>): string[] {
  return lint(code, filename, settings)
    .flatMap((m) => m.suggestions ?? [])
    .filter((s) => s.desc.includes('secureAgent()'))
    .map((s) => code.slice(0, s.fix.range[0]) + s.fix.text + code.slice(s.fix.range[1]));
}

describe('settings.tlsguard in a lint run', () => {
  it.each([
    [{ profile: 'Modern' }, 'Key "profile": Value "Modern" should be one of "intermediate", "modern". Did you mean "modern"?'],
    [{ runtimeModule: 42 }, `Key "runtimeModule": Value 42 should be ${SPECIFIER}.`],
    [{ runtimeModule: "x'); process.exit(1); ('" }, `Key "runtimeModule": Value "x'); process.exit(1); ('" should be ${SPECIFIER}.`],
    [{ runtimeModul: 'tlsguard-runtime' }, 'Unexpected key "runtimeModul". Expected keys: "runtimeModule", "profile", "node". Did you mean "runtimeModule"?'],
  ])('%j stops the run with a message naming the key', (tlsguardSettings, line) => {
    expect(message(() => lint(AGENT_TS, 'file.ts', { tlsguard: tlsguardSettings }))).toMatch(
      new RegExp(`^Error while loading rule 'tlsguard/[a-z-]+': ${HEADER}\\n\\t${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\nOccurred while linting `),
    );
  });

  it('valid settings lint as before', () => {
    expect(lint(AGENT_TS, 'file.ts', { tlsguard: { profile: 'modern', runtimeModule: '@acme/tls' } }).map((m) => m.ruleId)).toEqual([
      'tlsguard/no-unverified-certificate',
    ]);
  });

  it('a runtimeModule with a quote is written as an escaped literal (import and require), and the output checks', () => {
    const runtimeModule = "./it's tls.js";
    const [esm] = factoryOutputs(AGENT_TS, 'file.ts', { tlsguard: { runtimeModule } });
    expect(esm).toBe("import https from 'node:https';\nimport { secureAgent } from './it\\'s tls.js';\nexport const agent = secureAgent();\n");
    const [cjs] = factoryOutputs(AGENT_CJS, 'file.cjs', { tlsguard: { runtimeModule } });
    expect(cjs).toBe("const https = require('node:https');\nconst { secureAgent } = require('./it\\'s tls.js');\nexports.agent = secureAgent();\n");
    // The literal's value is the specifier: nothing of it runs.
    const program = parser.parse(esm!, { sourceType: 'module' }) as TSESTree.Program;
    expect(program.body.map((s) => s.type)).toEqual(['ImportDeclaration', 'ImportDeclaration', 'ExportNamedDeclaration']);
    expect((program.body[1] as TSESTree.ImportDeclaration).source.value).toBe(runtimeModule);
    // It type-checks against a wrapper at that path that re-exports the runtime, and is no longer reported.
    const checked = typecheck([
      { name: "it's tls.ts", text: "export * from 'tlsguard-runtime';\n" },
      { name: 'settings-in.ts', text: AGENT_TS },
      { name: 'settings-out.ts', text: esm! },
    ]);
    expect(checked.get('settings-out.ts')!.syntax).toEqual([]);
    expect(newDiagnostics(checked.get('settings-in.ts')!.semantic, checked.get('settings-out.ts')!.semantic)).toEqual([]);
    expect(lint(esm!, 'file.ts', { tlsguard: { runtimeModule } }).map((m) => m.message)).toEqual([]);
  });
});
