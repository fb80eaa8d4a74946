/** Developer tool: the verification rules (from source) over the project's own src/ and rules/. */
import { ESLint } from 'eslint';
import tseslintParser from '@typescript-eslint/parser';
import { it } from 'vitest';
import { rules } from '../../rules/index.js';

it('lints the sources', { timeout: 600_000 }, async () => {
  const eslint = new ESLint({
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslintParser, sourceType: 'module' },
        plugins: { t: { rules: rules as never } },
        rules: { 't/no-unverified-certificate': 'error', 't/no-unverified-hostname': 'error' },
      },
    ],
  });
  const results = await eslint.lintFiles(['src/**/*.ts', 'rules/**/*.ts', 'eslint-plugin.ts']);
  for (const r of results) for (const m of r.messages) console.log(`${r.filePath}:${m.line} ${m.ruleId} ${m.message.slice(0, 100)}`);
  console.log(`${results.length} files linted`);
});
