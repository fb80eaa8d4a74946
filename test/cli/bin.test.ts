/** The built executable (`dist/src/cli/bin.js`, package.json `bin`): shebang, exit codes, --concurrency with worker threads. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/cli/report.js';
import { builtBin, CLEAN_JS, cleanup, INSECURE_JS, INSECURE_TS, project, tsconfig } from './helpers.js';

afterAll(cleanup);

const built = existsSync(builtBin);
if (!built) console.warn(`${builtBin} is missing: run \`npm run build\`; the executable tests are skipped`);

function tlsguard(cwd: string, args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [builtBin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!built)('tlsguard executable', () => {
  it('starts with a node shebang', () => {
    expect(readFileSync(builtBin, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('exits 0, 1 and 2', () => {
    expect(tlsguard(project({ 'a.js': CLEAN_JS }), []).code).toBe(0);
    const dirty = tlsguard(project({ 'a.js': INSECURE_JS }), []);
    expect(dirty.code).toBe(1);
    expect(dirty.stdout).toContain('a.js:2:50  tlsguard/no-unverified-certificate');
    const bad = tlsguard(project({}), ['--nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("tlsguard: Unknown option '--nope' (see tlsguard --help)\n");
  });

  it('--concurrency 2 lints with worker threads and gives the same report as one thread', () => {
    const files: Record<string, string> = { 'package.json': '{ "type": "module" }', 'tsconfig.json': tsconfig() };
    for (let i = 0; i < 6; i++) files[`src/m${i}.ts`] = i % 2 ? INSECURE_TS : CLEAN_JS;
    for (let i = 0; i < 6; i++) files[`scripts/s${i}.js`] = i % 2 ? CLEAN_JS : INSECURE_JS;
    const dir = project(files);
    // Without types: each worker would otherwise start its own TypeScript project service.
    const serial = tlsguard(dir, ['--format', 'json', '--no-types']);
    const parallel = tlsguard(dir, ['--format', 'json', '--no-types', '--concurrency', '2']);
    expect(serial.code).toBe(1);
    expect(parallel.code).toBe(1);
    expect(parallel.stderr).not.toMatch(/needs ESLint|compiled CLI/);
    const a = JSON.parse(serial.stdout) as JsonReport;
    const b = JSON.parse(parallel.stdout) as JsonReport;
    expect(a.findings).toHaveLength(6);
    expect(b.findings).toEqual(a.findings);
  }, 180_000);
});
