/**
 * Issue 17.5: `--no-types` turns type information off for linting, never the type check of `--fix`:
 * an edit to a file that a tsconfig.json covers is type-checked (and rolled back when it adds an
 * error), and one whose tsconfig cannot be read is not applied, with a reason naming the file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/cli/report.js';
import { cleanup, cli, INSECURE_JS, project, tsconfig } from './helpers.js';

afterAll(cleanup);

// Removing `rejectUnauthorized: false` from `options` breaks `options.rejectUnauthorized` below
// (TS2339); the agent's edit in the same file is fine.
const MIXED = [
  "import https from 'node:https';",
  "import tls from 'node:tls';",
  "const options = { host: 'example.com', port: 443, servername: 'example.com', rejectUnauthorized: false };",
  'export const socket = tls.connect(options);',
  'export const verifying: boolean = options.rejectUnauthorized;',
  'export const agent2 = new https.Agent({ rejectUnauthorized: false });',
  '',
].join('\n');

describe('--no-types --fix', () => {
  it('type-checks the edits of files a tsconfig covers: the one that would add TS2339 is rolled back', async () => {
    const dir = project({ 'package.json': '{ "type": "module" }', 'tsconfig.json': tsconfig(), 'src/mixed.ts': MIXED, 'loose.cjs': INSECURE_JS });
    const r = await cli(dir, ['--no-types', '--fix', '--format', 'json']);
    const doc = JSON.parse(r.stdout) as JsonReport;
    expect([...(doc.fix?.checkedWith ?? [])].sort()).toEqual(['TypeScript', 'a parse check']);
    expect(doc.fix?.applied.map((e) => `${e.file}:${e.line}`)).toEqual(['loose.cjs:2', 'src/mixed.ts:6']);
    expect(doc.fix?.rolledBack).toEqual([
      expect.objectContaining({
        file: 'src/mixed.ts',
        line: 3,
        reason: expect.stringMatching(/^would add src\/mixed\.ts: TS2339: Property 'rejectUnauthorized' does not exist/),
      }),
    ]);
    expect(readFileSync(path.join(dir, 'src/mixed.ts'), 'utf8')).toBe(MIXED.replace('new https.Agent({ rejectUnauthorized: false })', 'new https.Agent({})'));
    expect(doc.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['src/mixed.ts:3']);
    expect(r.code).toBe(1);
  }, 180_000);

  it('leaves the files of a tsconfig.json with a syntax error unedited, naming it; the other files are fixed', async () => {
    const ts = "import https from 'node:https';\nexport const agent = new https.Agent({ rejectUnauthorized: false });\n";
    const dir = project({
      'package.json': '{}',
      'app/tsconfig.json': '{ "compilerOptions": { "strict": true, }, "include": [ "." ',
      'app/a.ts': ts,
      'b.cjs': INSECURE_JS,
    });
    const r = await cli(dir, ['--no-types', '--fix', '--format', 'json']);
    expect(r.stderr).not.toMatch(/internal error/);
    const doc = JSON.parse(r.stdout) as JsonReport;
    expect(doc.fix?.applied.map((e) => e.file)).toEqual(['b.cjs']);
    expect(doc.fix?.rolledBack).toEqual([
      expect.objectContaining({
        file: 'app/a.ts',
        line: 2,
        reason: expect.stringMatching(/^the edit cannot be type-checked: .*app\/tsconfig\.json\b.*'\]' expected/),
      }),
    ]);
    expect(readFileSync(path.join(dir, 'app/a.ts'), 'utf8')).toBe(ts);
    expect(r.code).toBe(1);
  }, 60_000);
});
