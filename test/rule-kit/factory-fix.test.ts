/**
 * Issue 17.2: a suggestion never moves, drops or re-targets a line directive
 * (`eslint-disable-next-line`, `@ts-expect-error`) that belongs to other code, and never removes
 * code whose finding the user suppressed. Linted with unused-directive reports off (the directives
 * name rules that are not enabled here), which the rule tester cannot do.
 */
import tseslintParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin.js';

function lint(code: string, filename: string, rules: readonly string[] = ['no-unverified-certificate']): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    code,
    [
      {
        files: ['**/*.*'],
        languageOptions: { parser: tseslintParser, sourceType: filename.endsWith('.cjs') ? 'commonjs' : 'module' },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        plugins: { tlsguard: plugin as never },
        rules: Object.fromEntries(rules.map((r) => [`tlsguard/${r}`, 'error'])),
      },
    ],
    filename,
  );
}

/** The outputs of every suggestion of the one finding in `code`, by messageId; each must parse and fix the finding. */
function suggestionOutputs(code: string, filename = 'file.ts', rules?: readonly string[]): Record<string, string> {
  const messages = lint(code, filename, rules).filter((m) => m.ruleId === 'tlsguard/no-unverified-certificate');
  expect(messages).toHaveLength(1);
  const out: Record<string, string> = {};
  for (const s of messages[0]!.suggestions ?? []) {
    const output = code.slice(0, s.fix.range[0]) + s.fix.text + code.slice(s.fix.range[1]);
    const after = lint(output, filename, rules);
    expect(after.filter((m) => m.fatal)).toEqual([]);
    expect(after.filter((m) => m.ruleId === 'tlsguard/no-unverified-certificate')).toEqual([]);
    out[s.messageId!] = output;
  }
  return out;
}

const H = "import https from 'node:https';\n";
const IMPORT = "import { secureAgent } from 'tlsguard-runtime';\n";
const CA = 'extraCa: process.env.TLS_PRIVATE_CA_PEM';
const FILLER = Array.from({ length: 250 }, (_, i) => `exports.value${i} = ${i};\n`).join('');

describe('line directives and the factory rewrite', () => {
  it('an eslint-disable-next-line that protects a kept key stays right above it', () => {
    const code = `${H}export const agent = new https.Agent({\n  rejectUnauthorized: false,\n  // eslint-disable-next-line no-restricted-syntax -- reviewed\n  keepAlive: true,\n});\n`;
    expect(suggestionOutputs(code)).toEqual({
      removeOption: `${H}export const agent = new https.Agent({\n  // eslint-disable-next-line no-restricted-syntax -- reviewed\n  keepAlive: true,\n});\n`,
      useFactory: `${H}${IMPORT}export const agent = secureAgent({\n  // eslint-disable-next-line no-restricted-syntax -- reviewed\n  keepAlive: true,\n});\n`,
      useFactoryWithCa: `${H}${IMPORT}export const agent = secureAgent({\n  // eslint-disable-next-line no-restricted-syntax -- reviewed\n  keepAlive: true,\n  ${CA},\n});\n`,
    });
  });

  it('no factory rewrite when it would drop a key whose own finding is suppressed', () => {
    const code = `${H}export const agent = new https.Agent({\n  // eslint-disable-next-line tlsguard/no-weak-cipher -- the legacy peer needs it\n  ciphers: 'AES128-SHA',\n  rejectUnauthorized: false,\n});\n`;
    expect(suggestionOutputs(code, 'file.ts', ['no-unverified-certificate', 'no-weak-cipher'])).toEqual({
      removeOption: `${H}export const agent = new https.Agent({\n  // eslint-disable-next-line tlsguard/no-weak-cipher -- the legacy peer needs it\n  ciphers: 'AES128-SHA',\n});\n`,
    });
    // The suppressed finding stays suppressed.
    expect(lint(code, 'file.ts', ['no-weak-cipher'])).toEqual([]);
  });

  it('no factory rewrite when removing a key would move a directive of another rule onto the next line', () => {
    const code = `${H}export const agent = new https.Agent({\n  keepAlive: true,\n  // eslint-disable-next-line no-restricted-syntax -- reviewed\n  ciphers: 'AES128-SHA',\n  rejectUnauthorized: false,\n});\n`;
    expect(Object.keys(suggestionOutputs(code))).toEqual(['removeOption']);
  });

  it('a directive on a line that stays keeps acting on it (the removed key shared its line)', () => {
    const code = `${H}// eslint-disable-next-line no-restricted-syntax -- reviewed\nexport const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });\n`;
    expect(suggestionOutputs(code).useFactory).toBe(
      `${H}${IMPORT}// eslint-disable-next-line no-restricted-syntax -- reviewed\nexport const agent = secureAgent({ keepAlive: true });\n`,
    );
  });

  it('the import at the top goes above a directive that acts on the first statement, below `// @ts-check`', () => {
    const code = `// @ts-check\n// eslint-disable-next-line no-restricted-syntax -- reviewed\nconst https = require('node:https');\nmodule.exports = new https.Agent({ rejectUnauthorized: false });\n`;
    expect(suggestionOutputs(code, 'file.cjs').useFactory).toBe(
      `// @ts-check\n// eslint-disable-next-line no-restricted-syntax -- reviewed\nconst https = require('node:https');\nconst { secureAgent } = require('tlsguard-runtime');\nmodule.exports = secureAgent();\n`,
    );
    const esm = `// @ts-check\n// eslint-disable-next-line no-restricted-syntax -- reviewed\nexport const agent = new (await import('node:https')).Agent({ rejectUnauthorized: false });\n`;
    expect(suggestionOutputs(esm, 'file.mjs').useFactory).toBe(
      `// @ts-check\n${IMPORT}// eslint-disable-next-line no-restricted-syntax -- reviewed\nexport const agent = secureAgent();\n`,
    );
  });

  it('a require placed near a far call goes above the directive of the statement it precedes, indented like it', () => {
    const code = `const https = require('node:https');\n${FILLER}function make() {\n\t// eslint-disable-next-line no-console\n\treturn new https.Agent({ rejectUnauthorized: false });\n}\nmodule.exports = { make };\n`;
    const outputs = suggestionOutputs(code, 'file.cjs');
    expect(outputs.useFactory).toBe(
      `const https = require('node:https');\n${FILLER}function make() {\n\tconst { secureAgent } = require('tlsguard-runtime');\n\t// eslint-disable-next-line no-console\n\treturn secureAgent();\n}\nmodule.exports = { make };\n`,
    );
    expect(outputs.useFactoryWithCa).toBe(
      `const https = require('node:https');\n${FILLER}function make() {\n\tconst { secureAgent } = require('tlsguard-runtime');\n\t// eslint-disable-next-line no-console\n\treturn secureAgent({ ${CA} });\n}\nmodule.exports = { make };\n`,
    );
  });

  it('an ESM import placed near a far call goes above the statement and its directive', () => {
    const code = `${H}${FILLER.replace(/exports\.(\w+) =/g, 'export const $1 =')}// eslint-disable-next-line no-restricted-syntax\nexport const agent = new https.Agent({ rejectUnauthorized: false });\n`;
    const filler = FILLER.replace(/exports\.(\w+) =/g, 'export const $1 =');
    expect(suggestionOutputs(code).useFactory).toBe(
      `${H}${filler}${IMPORT}// eslint-disable-next-line no-restricted-syntax\nexport const agent = secureAgent();\n`,
    );
  });
});
