/** Issue 17 items 8, 9, 10 and 20: hostile input to the CLI gets a clear answer, never a crash, a hang or a bad report. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type * as Sarif from 'sarif';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/args.js';
import { typeChecker } from '../../src/cli/fix.js';
import type { JsonReport } from '../../src/cli/report.js';
import { builtBin, cleanup, cli, INSECURE_JS, project } from './helpers.js';
import { loadSarifValidator } from './sarif-schema.js';

afterAll(cleanup);

const DEPTH = 30_000;
const DEEP_PARENS = `const x = ${'('.repeat(DEPTH)}1${')'.repeat(DEPTH)};\n`;
const DEEP_OBJECTS = `const x = ${'{ a: '.repeat(DEPTH)}1${' }'.repeat(DEPTH)};\n`;
const OVERFLOW = 'Parsing error: Maximum call stack size exceeded';

describe('a parse error without a position (stack overflow in the parser)', () => {
  const files = { 'deep.js': DEEP_PARENS, 'objects.js': DEEP_OBJECTS, 'b.cjs': INSECURE_JS };

  it('text names 1:1, and the other file is still reported', async () => {
    const r = await cli(project(files), []);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('undefined');
    expect(r.stdout).toContain(`deep.js:1:1  parse error  ${OVERFLOW}\n`);
    expect(r.stdout).toContain(`objects.js:1:1  parse error  ${OVERFLOW}\n`);
    expect(r.stdout).toContain('b.cjs:2:50  tlsguard/no-unverified-certificate');
  });

  it('JSON has line and column', async () => {
    const r = await cli(project(files), ['--format', 'json']);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.parseErrors).toEqual([
      { file: 'deep.js', line: 1, column: 1, message: OVERFLOW },
      { file: 'objects.js', line: 1, column: 1, message: OVERFLOW },
    ]);
    expect(report.findings).toHaveLength(1);
  });

  it('SARIF has startLine/startColumn 1 and validates', async () => {
    const validate = await loadSarifValidator();
    expect(validate, 'ajv (installed with eslint) must load').toBeDefined();
    const r = await cli(project(files), ['--format', 'sarif']);
    const log = JSON.parse(r.stdout) as Sarif.Log;
    const notifications = log.runs[0]!.invocations![0]!.toolExecutionNotifications!;
    expect(notifications.map((n) => n.locations![0]!.physicalLocation!.region)).toEqual([
      { startLine: 1, startColumn: 1 },
      { startLine: 1, startColumn: 1 },
    ]);
    expect(validate!(log)).toEqual([]);
  });
});

/**
 * The built executable (`npm run build`, which `npm test` runs first): a hang or a crash must be
 * observed from outside the process. A missing build is a failure, not a skip.
 */
function tlsguard(cwd: string, args: readonly string[]): { code: number | null; stdout: string; stderr: string; signal: NodeJS.Signals | null } {
  expect(existsSync(builtBin), `${builtBin} is missing: run npm run build`).toBe(true);
  const r = spawnSync(process.execPath, [builtBin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' }, timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

describe.runIf(process.platform === 'linux')('--output and --cache-location where mkdir cannot create anything (/proc)', () => {
  // Node's recursive mkdir spins forever on /proc/<new>/...: before the fix these runs were killed by the timeout.
  it.each([
    [
      '--output',
      '/proc/tlsguard-nope/report.json',
      "tlsguard: cannot write --output /proc/tlsguard-nope/report.json: ENOENT: no such file or directory, mkdir '/proc/tlsguard-nope'\n",
    ],
    [
      '--cache-location',
      '/proc/tlsguard-nope/cache',
      "tlsguard: cannot write --cache-location /proc/tlsguard-nope/cache: ENOENT: no such file or directory, mkdir '/proc/tlsguard-nope'\n",
    ],
    [
      '--cache-location',
      '/proc/tlsguard-nope/',
      "tlsguard: cannot write --cache-location /proc/tlsguard-nope/: ENOENT: no such file or directory, mkdir '/proc/tlsguard-nope'\n",
    ],
  ])('%s %s exits 2 with one line, before linting', (flag, location, line) => {
    const r = tlsguard(project({ 'b.cjs': INSECURE_JS }), [flag, location]);
    expect(r.signal).toBeNull();
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: line });
  });
});

describe('--output and --cache-location directories', () => {
  it('a file on the way is named', async () => {
    const dir = project({ 'b.cjs': INSECURE_JS, taken: 'a file\n' });
    const r = await cli(dir, ['--output', 'taken/sub/report.txt']);
    expect(r).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `tlsguard: cannot write --output taken/sub/report.txt: ${path.join(dir, 'taken')} is not a directory\n`,
    });
  });

  it('missing parents are created; a trailing separator makes the cache location a directory (as in ESLint)', async () => {
    const dir = project({ 'b.cjs': INSECURE_JS });
    const r = await cli(dir, ['--output', 'out/deep/report.txt', '--cache-location', 'cache/dir/']);
    expect(r.code).toBe(1);
    expect(readFileSync(path.join(dir, 'out/deep/report.txt'), 'utf8')).toContain('b.cjs:2:50  tlsguard/no-unverified-certificate');
    expect(statSync(path.join(dir, 'cache/dir')).isDirectory()).toBe(true);
    expect(readdirSync(path.join(dir, 'cache/dir'))).toEqual([expect.stringMatching(/^\.cache_/)]);
  });
});

describe('a reader that closes the pipe early (tlsguard | head -1)', () => {
  // Far more output than a pipe buffer holds (64 KiB), so writes go on after head has exited.
  const many = `const https = require('node:https');\n${'new https.Agent({ rejectUnauthorized: false });\n'.repeat(1500)}`;

  it.each([[[] as string[]], [['--format', 'json']], [['--format', 'sarif']]])("%j ends quietly with the scan's exit code", (args) => {
    expect(existsSync(builtBin), `${builtBin} is missing: run npm run build`).toBe(true);
    const dir = project({ 'a.cjs': many });
    const command = `{ "$0" "$1" ${args.join(' ')}; echo "exit $?" > status.txt; } | head -1`;
    const r = spawnSync('sh', ['-c', command, process.execPath, builtBin], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true' },
      timeout: 120_000,
    });
    expect(r.signal).toBeNull();
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toHaveLength(2);
    expect(r.stdout).toEqual(args.length === 0 ? expect.stringMatching(/^a\.cjs:2:19 {2}tlsguard\/no-unverified-certificate /) : '{\n');
    expect(readFileSync(path.join(dir, 'status.txt'), 'utf8')).toBe('exit 1\n');
  });
});

describe('numeric flags: one line, exit 2 (issue 17.20)', () => {
  const help = ' (see tlsguard --help)\n';
  it.each([
    [['--concurrency', '-1'], "invalid value for --concurrency: '-1' (expected auto, off or a positive integer)"],
    [['--concurrency', '-0.5'], "invalid value for --concurrency: '-0.5' (expected auto, off or a positive integer)"],
    [['--concurrency', '0'], "invalid value for --concurrency: '0' (expected auto, off or a positive integer)"],
    [['--concurrency', '99999999999999999999'], "invalid value for --concurrency: '99999999999999999999' (expected auto, off or a positive integer)"],
    [['--shard', '-1/2'], "invalid value for --shard: '-1/2' (expected i/n with 1 <= i <= n, e.g. 2/4)"],
    [['--shard', '1/99999999999999999999'], "invalid value for --shard: '1/99999999999999999999' (expected i/n with 1 <= i <= n, e.g. 2/4)"],
    [['-o', '-x'], "--output needs a value, got '-x' (write --output=-x if that is the value)"],
    [['--output', '--fix'], "--output needs a value, got '--fix' (write --output=--fix if that is the value)"],
    [['--concurrency'], "Option '--concurrency <value>' argument missing"],
  ])('%j', async (argv, line) => {
    const r = await cli(project({ 'b.cjs': INSECURE_JS }), argv);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `tlsguard: ${line}${help}` });
  });
});

describe('a tsconfig.json with a JSON syntax error (issue 17.20)', () => {
  const broken = '{\n  "compilerOptions": { "strict": true }\n  "include": ["src"]\n}\n';
  const INSECURE_TS = "import https from 'node:https';\nexport const agent = new https.Agent({ rejectUnauthorized: false });\n";

  it.each([[[]], [['--fix']]])('%j: exit 2, one line with the file and the position', async (argv) => {
    const dir = project({ 'tsconfig.json': broken, 'src/a.ts': INSECURE_TS });
    const r = await cli(dir, argv);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `tlsguard: invalid config ${path.join(dir, 'tsconfig.json')}:3:3: ',' expected. (use --no-types to lint without type information)\n`,
    });
    expect(readFileSync(path.join(dir, 'src/a.ts'), 'utf8')).toBe(INSECURE_TS);
  });

  it('in an extends base: both files are named', async () => {
    const dir = project({ 'base.json': broken, 'tsconfig.json': '{ "extends": "./base.json", "include": ["src"] }\n', 'src/a.ts': INSECURE_TS });
    const r = await cli(dir, ['--fix']);
    expect(r.stderr).toBe(
      `tlsguard: invalid config ${path.join(dir, 'tsconfig.json')}: ${path.join(dir, 'base.json')}:3:3: ',' expected. (use --no-types to lint without type information)\n`,
    );
    expect(r.code).toBe(2);
  });

  it('the --fix type check names a tsconfig it cannot load', async () => {
    const dir = project({ 'tsconfig.json': broken });
    await expect(typeChecker(path.join(dir, 'tsconfig.json'))).rejects.toThrow(
      new UsageError(`cannot type-check --fix edits with ${path.join(dir, 'tsconfig.json')}: ',' expected. (use --no-types)`),
    );
  });
});
