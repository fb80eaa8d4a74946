/**
 * pre-commit integration: a temporary git repository with a hook installed refuses a commit that adds
 * `rejectUnauthorized: false` and accepts a clean one, (1) with a plain `.git/hooks/pre-commit`
 * script running `tlsguard --staged`, and (2) through the pre-commit framework with this
 * repository's `.pre-commit-hooks.yaml` (skipped when `pre-commit` is not installed); (3) with
 * TLSGUARD_PRE_COMMIT_NODE_INSTALL=1, the hook installed by pre-commit from this repository with npm.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtBin, CLEAN_JS, cleanup, git, hasGit, INSECURE_JS, initRepo, project, repoRoot } from './helpers.js';

afterAll(cleanup);

const built = existsSync(builtBin);
const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
if (!built) console.warn(`pre-commit tests skipped: ${builtBin} is missing (run \`npm run build\`)`);
if (!hasPreCommit) console.warn('pre-commit framework tests skipped: `pre-commit` is not installed (Debian package `pre-commit`)');

/** A directory with a `tlsguard` executable that runs the built CLI, as `npm install` would provide. */
function binDir(): string {
  const dir = project({}, 'tlsguard-bin-');
  const shim = path.join(dir, 'tlsguard');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${builtBin}" "$@"\n`);
  chmodSync(shim, 0o755);
  return dir;
}

/** `git commit` in `dir` with `extraPath` first on PATH; returns the exit status and output. */
function commit(dir: string, message: string, env: Record<string, string>): { status: number | null; output: string } {
  const r = spawnSync('git', ['commit', '-m', message], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true', ...env } });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

function commitCount(dir: string): number {
  try {
    return Number(git(dir, 'rev-list', '--count', 'HEAD').trim());
  } catch {
    return 0;
  }
}

describe.skipIf(!hasGit() || !built)('pre-commit hook', () => {
  it('a plain .git/hooks/pre-commit running `tlsguard --staged` refuses an insecure commit and accepts a clean one', () => {
    const bin = binDir();
    const dir = project({ 'README.md': '# app\n' });
    initRepo(dir);
    const hook = path.join(dir, '.git/hooks/pre-commit');
    mkdirSync(path.dirname(hook), { recursive: true });
    writeFileSync(hook, '#!/bin/sh\nexec tlsguard --staged\n');
    chmodSync(hook, 0o755);
    const env = { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` };

    writeFileSync(path.join(dir, 'client.js'), INSECURE_JS);
    git(dir, 'add', 'client.js', 'README.md');
    const refused = commit(dir, 'add an insecure client', env);
    expect(refused.status).not.toBe(0);
    expect(refused.output).toContain('client.js:2:50  tlsguard/no-unverified-certificate');
    expect(commitCount(dir)).toBe(0);

    writeFileSync(path.join(dir, 'client.js'), CLEAN_JS);
    git(dir, 'add', 'client.js');
    const accepted = commit(dir, 'add a clean client', env);
    expect(accepted.output).toContain('no findings');
    expect(accepted.status).toBe(0);
    expect(commitCount(dir)).toBe(1);
  });

  it.skipIf(!hasPreCommit)(
    'the pre-commit framework with the .pre-commit-hooks.yaml hook refuses an insecure commit and accepts a clean one',
    () => {
      const manifest = readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8');
      expect(manifest).toMatch(/^- id: tlsguard$/m);
      expect(manifest).toMatch(/^ {2}entry: tlsguard$/m);
      expect(manifest).toMatch(/^ {2}language: node$/m);
      // The hook as published, as a local hook: `language: node` would `npm install` this package from
      // the network into pre-commit's cache; `system` runs the `tlsguard` on PATH (the built CLI).
      const hooks = manifest
        .split('\n')
        .filter((l) => !l.startsWith('#') && l.trim() !== '')
        .map((l) => `      ${l.replace(/^ {2}language: node$/, '  language: system')}`)
        .join('\n');
      const config = `repos:\n  - repo: local\n    hooks:\n${hooks}\n`;
      const bin = binDir();
      const home = project({}, 'tlsguard-pre-commit-home-');
      const dir = project({ '.pre-commit-config.yaml': config, 'README.md': '# app\n' });
      initRepo(dir);
      const env = { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, PRE_COMMIT_HOME: home, HOME: home };
      const install = spawnSync('pre-commit', ['install'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
      expect(install.status, install.stderr).toBe(0);

      writeFileSync(path.join(dir, 'src.mts'), "import https from 'node:https';\nexport const agent = new https.Agent({ rejectUnauthorized: false });\n");
      writeFileSync(path.join(dir, 'notes.txt'), 'rejectUnauthorized: false in prose is not code\n');
      git(dir, 'add', '.');
      const refused = commit(dir, 'insecure', env);
      expect(refused.output).toMatch(/tlsguard \(insecure TLS configuration\)\.+Failed/);
      expect(refused.output).toContain('src.mts:2:40  tlsguard/no-unverified-certificate');
      expect(refused.status).not.toBe(0);
      expect(commitCount(dir)).toBe(0);

      writeFileSync(path.join(dir, 'src.mts'), "import https from 'node:https';\nexport const agent = new https.Agent({});\n");
      git(dir, 'add', '.');
      const accepted = commit(dir, 'clean', env);
      expect(accepted.output).toMatch(/tlsguard \(insecure TLS configuration\)\.+Passed/);
      expect(accepted.status).toBe(0);
      expect(commitCount(dir)).toBe(1);
    },
    120_000,
  );

  // The hook exactly as users get it: pre-commit clones this repository at HEAD and installs it with
  // npm (`language: node`). Needs the npm registry and a few minutes, so it runs only on request.
  const fullInstall = process.env.TLSGUARD_PRE_COMMIT_NODE_INSTALL === '1';
  it.skipIf(!hasPreCommit || !fullInstall)(
    'installs the hook from this repository with npm (language: node) and refuses an insecure file',
    () => {
      const head = git(repoRoot, 'rev-parse', 'HEAD').trim();
      const home = project({}, 'tlsguard-pre-commit-home-');
      const dir = project({
        '.pre-commit-config.yaml': `repos:\n  - repo: ${repoRoot}\n    rev: ${head}\n    hooks:\n      - id: tlsguard\n`,
        'client.js': INSECURE_JS,
        'clean.js': CLEAN_JS,
      });
      initRepo(dir);
      git(dir, 'add', '.');
      const r = spawnSync('pre-commit', ['run', '--all-files'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, PRE_COMMIT_HOME: home },
        timeout: 900_000,
      });
      const output = `${r.stdout}${r.stderr}`;
      expect(output).toMatch(/tlsguard \(insecure TLS configuration\)\.+Failed/);
      expect(output).toContain('client.js:2:50  tlsguard/no-unverified-certificate');
      expect(r.status).toBe(1);
    },
    1_000_000,
  );
});
