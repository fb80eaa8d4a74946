/** Temp fixture projects and an in-process runner for the CLI tests. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/run.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const builtBin = path.join(repoRoot, 'dist/src/cli/bin.js');

const made: string[] = [];

/** A temp directory with `files` (path -> text) written into it. */
export function project(files: Readonly<Record<string, string>>, prefix = 'tlsguard-cli-'): string {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
  made.push(dir);
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Readonly<Record<string, string>>): void {
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

export function cleanup(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process in `cwd`. */
export async function cli(
  cwd: string,
  argv: readonly string[],
  env: Record<string, string | undefined> = { ...process.env, CI: 'true' },
  isTTY = false,
): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd,
    env,
    isTTY,
  });
  return { code, stdout, stderr };
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.test',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.test',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: os.tmpdir(),
    },
  });
}

export function hasGit(): boolean {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function initRepo(dir: string): void {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.name', 't');
  git(dir, 'config', 'user.email', 't@example.test');
  git(dir, 'config', 'commit.gpgsign', 'false');
}

export const INSECURE_JS = `const https = require('node:https');\nconst agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });\nmodule.exports = { agent };\n`;
export const CLEAN_JS = `const https = require('node:https');\nconst agent = new https.Agent({ keepAlive: true });\nmodule.exports = { agent };\n`;
export const INSECURE_TS = `import https from 'node:https';\nexport const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });\n`;
export const CLEAN_TS = `import https from 'node:https';\nexport const agent = new https.Agent({ keepAlive: true });\n`;

/** A tsconfig for fixture projects that finds @types/node in this repository. */
export function tsconfig(extra: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: ['node'],
        typeRoots: [path.join(repoRoot, 'node_modules/@types')],
        ...extra,
      },
      include: ['src'],
    },
    null,
    2,
  );
}
