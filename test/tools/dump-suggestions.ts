/**
 * Developer tool, not a test: prints every report and suggestion output the rule gives for the
 * invalid cases of one rule, to review when writing expectations.
 * Run: DUMP_RULE=<name> npx vitest run --config test/tools/vitest.dump.config.ts
 */
import { Linter } from 'eslint';
import tseslintParser from '@typescript-eslint/parser';
import { it } from 'vitest';
import { rules } from '../../rules/index.js';

it('dump', async () => {
  const name = process.env.DUMP_RULE ?? '';
  const rule = (rules as Record<string, unknown>)[name];
  const cases = (await import(`../rules/${name}.cases.ts`)).default as { invalid: { code: string; filename?: string; options?: unknown[] }[] };
  for (const c of cases.invalid) {
    const linter = new Linter({ configType: 'flat' });
    const msgs = linter.verify(
      c.code,
      [
        {
          files: ['**/*.ts', '**/*.js'],
          languageOptions: { parser: tseslintParser },
          plugins: { t: { rules: { r: rule as never } } },
          rules: { 't/r': ['error', ...(c.options ?? [])] },
        },
      ],
      c.filename ?? 'file.ts',
    );
    console.log('=== CASE\n' + c.code);
    for (const m of msgs) {
      console.log(`--- ${m.messageId} ${m.line}:${m.column} ${m.messageId ? '' : m.message}`);
      for (const s of m.suggestions ?? []) {
        const out = c.code.slice(0, s.fix.range[0]) + s.fix.text + c.code.slice(s.fix.range[1]);
        console.log(`  >> ${s.messageId}: ${JSON.stringify(out)}`);
      }
    }
  }
});
