/** Issue 17.6: pathologically deep value chains must not abort the run and lose other files' findings. */
import type { JsonReport } from '../../src/cli/report.js';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, cli, INSECURE_JS, project } from './helpers.js';

afterAll(cleanup);

function constChain(n: number): string {
  let code = "import https from 'node:https';\nconst v0 = false;\n";
  for (let i = 1; i < n; i++) code += `const v${i} = v${i - 1};\n`;
  return `${code}https.request({ host: 'a.example', rejectUnauthorized: v${n - 1} });\n`;
}

function spreadChain(n: number): string {
  let code = "import https from 'node:https';\nconst o0 = { rejectUnauthorized: false };\n";
  for (let i = 1; i < n; i++) code += `const o${i} = { ...o${i - 1} };\n`;
  return `${code}https.request(o${n - 1});\n`;
}

describe('deep value chains', () => {
  it('a 3,000-link const chain and a 3,000-link spread chain are unknown, and the other file is still reported', async () => {
    const dir = project({ 'deep.mjs': constChain(3000), 'spread.mjs': spreadChain(3000), 'b.cjs': INSECURE_JS });
    const r = await cli(dir, ['--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.summary).toMatchObject({ filesScanned: 3, findings: 1, parseErrors: 0 });
    expect(report.findings.map((f) => [f.file, f.ruleId])).toEqual([['b.cjs', 'tlsguard/no-unverified-certificate']]);
  });

  it('a short chain is still followed to its insecure value', async () => {
    const dir = project({ 'deep.mjs': constChain(50) });
    const r = await cli(dir, []);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('deep.mjs:52:');
  });
});
