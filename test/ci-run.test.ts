/** `.ci/run`: in CI a missing prerequisite (openssl, git, pre-commit, curl, wget) fails the run before any test. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = new URL('../.ci/run', import.meta.url).pathname;
let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

/** A PATH holding bash, dirname and the named tools (stubs); no apt-get, no npm. */
function pathWith(tools: readonly string[]): string {
  dir = mkdtempSync(join(tmpdir(), 'tlsguard-ci-'));
  for (const tool of ['bash', 'dirname']) {
    const found = spawnSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    symlinkSync(found, join(dir, tool));
  }
  for (const tool of tools) {
    writeFileSync(join(dir, tool), '#!/bin/sh\nexit 0\n');
    chmodSync(join(dir, tool), 0o755);
  }
  return dir;
}

describe('.ci/run', () => {
  it.each([['openssl'], ['git'], ['pre-commit'], ['curl'], ['wget']])('fails in CI when %s is missing', (missing) => {
    const PATH = pathWith(['openssl', 'git', 'pre-commit', 'curl', 'wget'].filter((t) => t !== missing));
    const r = spawnSync(join(PATH, 'bash'), [script], { env: { PATH, CI: 'true' }, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`error: missing prerequisites in CI: ${missing} (install them; the tests that need them must run)\n`);
  });
});
