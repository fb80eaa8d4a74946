/**
 * The composite GitHub Action (action.yml, issue 13.5), run the way GitHub runs it: the `scan`
 * step's `run` script with its `env` mapping (the `${{ inputs.* }}` expressions replaced by the
 * inputs or their defaults) under bash, with GITHUB_WORKSPACE, GITHUB_ACTION_PATH, GITHUB_OUTPUT
 * and GITHUB_STEP_SUMMARY set; tlsguard is the project's install (node_modules/.bin), here the
 * built CLI.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Sarif from 'sarif';
import { afterAll, describe, expect, it } from 'vitest';
import { builtBin, CLEAN_JS, cleanup, git, hasGit, INSECURE_JS, initRepo, project, repoRoot } from './helpers.js';

afterAll(cleanup);

const built = existsSync(builtBin);
if (!built) console.warn(`${builtBin} is missing: run \`npm run build\`; the GitHub Action tests are skipped`);

interface Step {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface ActionYml {
  name: string;
  inputs: Record<string, { default?: string; required?: boolean; description: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const action = yaml.load(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as ActionYml;
const scanStep = action.runs.steps.find((s) => s.id === 'scan')!;

/** The value of an `${{ inputs.x }}` expression as GitHub computes it: the given input, else the default. */
function expand(text: string, inputs: Record<string, string>): string {
  return text.replace(/\$\{\{\s*inputs\.([a-z-]+)\s*\}\}/g, (_, name: string) => {
    if (!(name in action.inputs)) throw new Error(`action.yml uses an undeclared input: ${name}`);
    return inputs[name] ?? action.inputs[name]!.default ?? '';
  });
}

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

function runAction(workspace: string, inputs: Record<string, string>, extraEnv: Record<string, string> = {}): ActionRun {
  const meta = project({}, 'tlsguard-action-');
  const outputFile = path.join(meta, 'output');
  const summaryFile = path.join(meta, 'summary');
  writeFileSync(outputFile, '');
  const stepEnv = Object.fromEntries(Object.entries(scanStep.env ?? {}).map(([k, v]) => [k, expand(v, inputs)]));
  const r = spawnSync('bash', ['-e', '-c', expand(scanStep.run!, inputs)], {
    cwd: workspace,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTION_PATH: repoRoot,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_EVENT_NAME: 'pull_request',
      ...extraEnv,
      ...stepEnv,
    },
  });
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs, summary: existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : '' };
}

/** A project with tlsguard installed as npm would (node_modules/.bin/tlsguard). */
function workspaceWith(files: Record<string, string>, binDir = 'node_modules/.bin'): string {
  const dir = project(files, 'tlsguard-ws-');
  const bin = path.join(dir, binDir, 'tlsguard');
  mkdirSync(path.dirname(bin), { recursive: true });
  writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" "${builtBin}" "$@"\n`);
  chmodSync(bin, 0o755);
  return dir;
}

describe('action.yml', () => {
  it('is a composite action whose upload step runs after a failed scan and uses the scan outputs', () => {
    expect(action.runs.using).toBe('composite');
    expect(scanStep).toMatchObject({ shell: 'bash', run: 'node "$GITHUB_ACTION_PATH/action/run.mjs"' });
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.if).toBe("always() && inputs.upload-sarif == 'true' && steps.scan.outputs.sarif-file != ''");
    expect(upload.with).toEqual({ sarif_file: '${{ steps.scan.outputs.sarif-file }}', category: '${{ inputs.category }}' });
    expect(action.outputs['exit-code']!.value).toBe('${{ steps.scan.outputs.exit-code }}');
    // Every input is passed to the script (or used by the upload step).
    const used = JSON.stringify(action.runs.steps);
    for (const name of Object.keys(action.inputs)) expect(used, name).toContain(`inputs.${name}`);
  });
});

describe.skipIf(!built)('the action script', () => {
  it('fails on findings, annotates them, writes the SARIF report and the step outputs', () => {
    const ws = workspaceWith({ 'src/a.js': INSECURE_JS, 'src/b.js': CLEAN_JS });
    const r = runAction(ws, {});
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '::error file=src/a.js,line=2,col=50,endLine=2,endColumn=75,title=tlsguard/no-unverified-certificate::`rejectUnauthorized: false` turns off certificate verification',
    );
    expect(r.stderr).toContain('tlsguard: 1 finding in 1 file (2 scanned); sarif report written to');
    expect(r.outputs).toEqual({ 'exit-code': '1', 'sarif-file': 'tlsguard.sarif' });
    const log = JSON.parse(readFileSync(path.join(ws, 'tlsguard.sarif'), 'utf8')) as Sarif.Log;
    expect(log.runs[0]!.results!.map((x) => x.locations![0]!.physicalLocation!.artifactLocation!.uri)).toEqual(['src/a.js']);
    expect(r.summary).toBe('### tlsguard\n\n1 finding; exit code 1.\n');
  });

  it('passes on a clean project; paths, args, sarif-file and annotations inputs are honoured', () => {
    const ws = workspaceWith({ 'src/a.js': INSECURE_JS, 'lib/ok.js': CLEAN_JS });
    const r = runAction(ws, { paths: 'lib\n', args: '--strict', 'sarif-file': 'out/report.sarif', annotations: 'false' });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('::error');
    expect(r.stdout).toContain('--strict');
    expect(r.outputs).toEqual({ 'exit-code': '0', 'sarif-file': 'out/report.sarif' });
    expect(existsSync(path.join(ws, 'out/report.sarif'))).toBe(true);
    const bad = runAction(ws, { args: '--format-typo' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("tlsguard: Unknown option '--format-typo'");
    expect(bad.outputs).toEqual({ 'exit-code': '2' });
  });

  it.skipIf(!hasGit())('with since on a pull request: only the lines the branch changed', () => {
    const ws = workspaceWith({ 'old.js': INSECURE_JS, '.gitignore': 'node_modules/\n*.sarif\n' });
    initRepo(ws);
    git(ws, 'add', '.');
    git(ws, 'commit', '-q', '-m', 'base with an old finding');
    git(ws, 'checkout', '-q', '-b', 'feature');
    writeFileSync(path.join(ws, 'new.js'), INSECURE_JS);
    git(ws, 'add', '.');
    git(ws, 'commit', '-q', '-m', 'a new finding');
    const r = runAction(ws, { since: 'main' }, { GITHUB_BASE_REF: 'main', GITHUB_HEAD_REF: 'feature' });
    expect(r.code).toBe(1);
    expect(r.stdout.match(/^::error file=[^,]+/gm)).toEqual(['::error file=new.js']);
    expect(r.summary).toBe('### tlsguard\n\n1 finding on lines changed since `main`; exit code 1.\n');
  });

  it('in a working-directory: SARIF paths become relative to the repository for code scanning', () => {
    const ws = workspaceWith({ 'packages/api/src/a.js': INSECURE_JS }, 'packages/api/node_modules/.bin');
    const r = runAction(ws, { 'working-directory': 'packages/api' });
    expect(r.code).toBe(1);
    expect(r.outputs['sarif-file']).toBe('packages/api/tlsguard.sarif');
    const log = JSON.parse(readFileSync(path.join(ws, 'packages/api/tlsguard.sarif'), 'utf8')) as Sarif.Log;
    expect(log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'packages/api/src/a.js', uriBaseId: '%SRCROOT%' });
    expect(log.runs[0]!.originalUriBaseIds!['%SRCROOT%']!.uri).toBe(`file://${ws}/`);
    expect(r.stdout).toContain('::error file=packages/api/src/a.js,line=2,col=50');
  });

  it('a missing working-directory is one error annotation and exit code 2', () => {
    const ws = workspaceWith({});
    const r = runAction(ws, { 'working-directory': 'nope' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('::error title=tlsguard::working-directory nope does not exist\n');
    expect(r.outputs).toEqual({ 'exit-code': '2' });
  });
});
