/**
 * Developer tool: prints what a rule reports on case inputs (messages, positions, suggestion
 * outputs) as case literals, to be reviewed by hand and pasted into a `.cases.ts` file.
 * Usage: [TYPED=1] RULE=<rule> INPUTS=<inputs.json> npx vitest run -c test/tools/vitest.tool.config.ts   (not part of the suite)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { Linter } from 'eslint';
import tseslintParser from '@typescript-eslint/parser';
import { rules } from '../../rules/index.js';

const ruleName = process.env.RULE!;
const file = process.env.INPUTS!;
const rule = (rules as Record<string, unknown>)[ruleName];
const inputs = JSON.parse(readFileSync(file, 'utf8')) as { code: string; js?: boolean }[];
const typed = !!process.env.TYPED;
const tsconfigRootDir = new URL('../../fixtures/typed/', import.meta.url).pathname;
const linter = new Linter({ configType: 'flat' });
const out: unknown[] = [];
for (const { code, js } of inputs) {
  const filename = (typed ? tsconfigRootDir : '') + (js ? 'file.js' : 'file.ts');
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.js'],
        languageOptions: {
          parser: tseslintParser,
          sourceType: 'module',
          parserOptions: typed ? { projectService: { allowDefaultProject: ['*.ts', '*.js'] }, tsconfigRootDir } : {},
        },
        plugins: { tlsguard: { rules: { [ruleName]: rule as never } } },
        rules: { [`tlsguard/${ruleName}`]: 'error' },
      },
    ],
    filename,
  );
  out.push({
    code,
    js: !!js,
    errors: messages.map((m) => ({
      messageId: m.messageId,
      message: m.message,
      fatal: m.fatal,
      line: m.line,
      column: m.column,
      suggestions: (m.suggestions ?? []).map((s) => ({
        messageId: s.messageId,
        desc: s.desc,
        output: code.slice(0, s.fix.range[0]) + s.fix.text + code.slice(s.fix.range[1]),
      })),
    })),
  });
}
it('writes the expectations', () => writeFileSync(`${file}.out.json`, JSON.stringify(out, null, 1)));
