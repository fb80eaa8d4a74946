/**
 * Issue 17.12: an unreadable file or directory is an error entry (text, JSON, SARIF notification),
 * the rest is scanned, and the exit code is 2 at the end. Permissions do not bind root, so as root
 * the built CLI runs without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH (util-linux `setpriv`).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync } from 'node:fs';
import path from 'node:path';
import type * as Sarif from 'sarif';
import { afterAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/cli/report.js';
import { builtBin, CLEAN_JS, cleanup, git, hasGit, INSECURE_JS, initRepo, project } from './helpers.js';

const locked: string[] = [];
afterAll(() => {
  for (const p of locked) chmodSync(p, 0o755);
  cleanup();
});

const built = existsSync(builtBin);
if (!built) console.warn(`${builtBin} is missing: run \`npm run build\`; the unreadable-file tests are skipped`);

function unprivileged(cwd: string, args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const asRoot = process.getuid?.() === 0;
  const command = asRoot ? 'setpriv' : process.execPath;
  const argv = asRoot ? ['--bounding-set', '-dac_override,-dac_read_search', process.execPath, builtBin, ...args] : [builtBin, ...args];
  const r = spawnSync(command, argv, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' }, timeout: 120_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function lock(file: string): void {
  chmodSync(file, 0o000);
  locked.push(file);
}

function fixture(withGit: boolean): string {
  const dir = project({ 'a.js': INSECURE_JS, 'secret.js': INSECURE_JS, 'private/b.js': INSECURE_JS, 'ok/c.js': CLEAN_JS });
  if (withGit) {
    initRepo(dir);
    git(dir, 'add', 'a.js', 'secret.js');
  }
  lock(path.join(dir, 'secret.js'));
  lock(path.join(dir, 'private'));
  return dir;
}

describe.skipIf(!built)('unreadable files and directories', () => {
  for (const withGit of hasGit() ? [true, false] : [false]) {
    it(`${withGit ? 'in a git work tree' : 'outside git'}: error entries, the rest scanned, exit 2`, () => {
      const dir = fixture(withGit);
      const json = unprivileged(dir, ['--format', 'json']);
      expect(json.code).toBe(2);
      const doc = JSON.parse(json.stdout) as JsonReport;
      expect(doc.findings.map((f) => f.file)).toEqual(['a.js']);
      expect(doc.summary).toMatchObject({ filesScanned: 2, findings: 1, fileErrors: 2 });
      expect(doc.fileErrors).toEqual([
        { file: 'private', message: withGit ? 'cannot read directory: Permission denied' : 'cannot read directory: EACCES: permission denied' },
        { file: 'secret.js', message: 'cannot read: EACCES: permission denied' },
      ]);
      expect(json.stderr).toBe('tlsguard: 2 paths could not be read (listed in the report); the rest was scanned\n');

      const text = unprivileged(dir, []);
      expect(text.code).toBe(2);
      expect(text.stdout).toContain('a.js:2:50  tlsguard/no-unverified-certificate');
      expect(text.stdout).toContain(`private  error  ${doc.fileErrors[0]!.message}\nsecret.js  error  cannot read: EACCES: permission denied\n`);
      expect(text.stdout).toMatch(/tlsguard: 1 finding in 1 file \(2 scanned\), 2 paths not read\.\n$/);

      const sarif = JSON.parse(unprivileged(dir, ['--format', 'sarif']).stdout) as Sarif.Log;
      const invocation = sarif.runs[0]!.invocations![0]!;
      expect(invocation.executionSuccessful).toBe(false);
      expect(invocation.toolExecutionNotifications!.map((n) => [n.level, n.locations![0]!.physicalLocation!.artifactLocation!.uri])).toEqual([
        ['error', 'private'],
        ['error', 'secret.js'],
      ]);
      expect(sarif.runs[0]!.results!.map((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri)).toEqual(['a.js']);
    });
  }

  it('a named unreadable file is an error entry too, not a crash', () => {
    const dir = fixture(false);
    const r = unprivileged(dir, ['--format', 'json', 'secret.js', 'a.js']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as JsonReport;
    expect(doc.fileErrors).toEqual([{ file: 'secret.js', message: 'cannot read: EACCES: permission denied' }]);
    expect(doc.findings.map((f) => f.file)).toEqual(['a.js']);
  });
});
