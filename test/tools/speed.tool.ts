/**
 * Developer tool: the cost of the two verification rules over real library sources, against
 * parse-only ESLint on the same files. Run: npx vitest run -c test/tools/vitest.tool.config.ts test/tools/speed.tool.ts
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from 'eslint';
import tseslintParser from '@typescript-eslint/parser';
import { it } from 'vitest';
import { rules } from '../../rules/index.js';

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.(js|ts)$/.test(name) && !name.endsWith('.d.ts') && statSync(p).size < 400_000) out.push(p);
  }
  return out;
}

it('measures', { timeout: 600_000 }, () => {
  const roots = ['undici/lib', 'mongodb/lib', 'got/dist', 'pg/lib', 'mysql2/lib', 'ioredis/built', 'ws/lib', 'superagent/lib', 'request', 'needle/lib'];
  const list = roots.flatMap((r) => files(join('node_modules', r))).slice(0, 800);
  const sources = list.map((f) => [f, readFileSync(f, 'utf8')] as const);
  const plugin = { rules: { c: rules['no-unverified-certificate'] as never, h: rules['no-unverified-hostname'] as never } };
  const base = { files: ['**/*.js', '**/*.ts'], languageOptions: { parser: tseslintParser, sourceType: 'script' as const } };
  const run = (withRules: boolean): [number, number] => {
    const linter = new Linter({ configType: 'flat' });
    const config = withRules ? [{ ...base, plugins: { t: plugin }, rules: { 't/c': 'error' as const, 't/h': 'error' as const } }] : [base];
    let reports = 0;
    const start = process.cpuUsage();
    for (const [f, text] of sources) {
      const found = linter.verify(text, config, f.endsWith('.ts') ? 'x.ts' : 'x.js').filter((m) => m.ruleId);
      reports += found.length;
      if (withRules && process.env.SHOW) for (const m of found) console.log(`${f}:${m.line} ${m.ruleId} ${m.message.slice(0, 90)}`);
    }
    const used = process.cpuUsage(start);
    return [(used.user + used.system) / 1000, reports];
  };
  // CPU time of this process (the machine is shared), best of three interleaved rounds.
  let parseOnly = Infinity;
  let withRules = Infinity;
  let reports = 0;
  for (let round = 0; round < (process.env.SHOW ? 1 : 3); round++) {
    parseOnly = Math.min(parseOnly, run(false)[0]);
    const [t, n] = run(true);
    withRules = Math.min(withRules, t);
    reports = n;
  }
  console.log(
    `${sources.length} files: parse-only ${parseOnly.toFixed(0)} ms CPU, with the two rules ${withRules.toFixed(0)} ms CPU (+${(((withRules - parseOnly) / parseOnly) * 100).toFixed(1)}%), ${reports} reports`,
  );
});
