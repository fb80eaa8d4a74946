/** The ESLint options a scan builds: config choice, settings, type information, concurrency. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/args.js';
import { buildConfig, buildEslintOptions, optionsModuleSource, type LintSpec } from '../../src/cli/eslint-options.js';
import { concurrencySupport, createEngine, lint } from '../../src/cli/lint.js';
import { silentProgress } from '../../src/cli/progress.js';
import { cleanup, cli, INSECURE_JS, project } from './helpers.js';

const spec: LintSpec = { cwd: '/p', config: 'recommended', profile: undefined, typedFiles: [], cache: false, cacheLocation: undefined, concurrency: 'off' };

describe('buildConfig', () => {
  it('passes --profile as settings.tlsguard.profile', () => {
    const settingsOf = (s: LintSpec): unknown => Object.assign({}, ...buildConfig(s).map((c) => c.settings ?? {})) as unknown;
    expect(settingsOf({ ...spec, profile: 'modern' })).toEqual({ tlsguard: { profile: 'modern' } });
    expect(settingsOf({ ...spec, config: 'strict', profile: 'intermediate' })).toEqual({ tlsguard: { profile: 'intermediate' } });
    expect(settingsOf(spec)).toEqual({ tlsguard: {} });
  });

  it('turns on every rule of the chosen config and nothing else', () => {
    const rules = (s: LintSpec): string[] => buildConfig(s).flatMap((c) => Object.keys(c.rules ?? {}));
    expect(rules(spec).every((r) => r.startsWith('tlsguard/'))).toBe(true);
    expect(rules(spec)).toContain('tlsguard/no-unverified-certificate');
    expect(rules({ ...spec, config: 'strict' }).length).toBeGreaterThanOrEqual(rules(spec).length);
  });

  it('adds the project service only for the typed files', () => {
    expect(buildConfig(spec).some((c) => c.name === 'tlsguard-cli/types')).toBe(false);
    const typed = buildConfig({ ...spec, typedFiles: ['/p/a.ts'] }).find((c) => c.name === 'tlsguard-cli/types')!;
    expect(typed.languageOptions?.parserOptions).toEqual({ projectService: true, tsconfigRootDir: '/p' });
    const match = (typed.files as unknown as ((f: string) => boolean)[])[0]!;
    expect([match('/p/a.ts'), match('/p/b.ts')]).toEqual([true, false]);
  });

  it('never reads the project ESLint config; concurrency only when asked', () => {
    const options = buildEslintOptions(spec);
    expect(options.overrideConfigFile).toBe(true);
    expect(options).not.toHaveProperty('concurrency');
    expect(buildEslintOptions({ ...spec, concurrency: 'auto' }).concurrency).toBe('auto');
    expect(buildEslintOptions({ ...spec, concurrency: 3 }).concurrency).toBe(3);
  });

  it('the options module for worker threads rebuilds the same spec', () => {
    const source = optionsModuleSource('file:///x/eslint-options.js', { ...spec, concurrency: 2 });
    expect(source).toContain('import { buildEslintOptions } from "file:///x/eslint-options.js";');
    expect(source).toContain('"concurrency":2');
  });
});

describe('arguments', () => {
  it('parses every option', () => {
    const o = parseCliArgs([
      'src',
      '--format',
      'sarif',
      '-o',
      'out.sarif',
      '--fix',
      '--fix-style',
      'factory',
      '--profile',
      'modern',
      '--strict',
      '--no-types',
      '--cache-location',
      'c',
      '--concurrency',
      '4',
      '--shard',
      '2/3',
    ]);
    expect(o).toMatchObject({
      paths: ['src'],
      format: 'sarif',
      output: 'out.sarif',
      fix: true,
      fixStyle: 'factory',
      profile: 'modern',
      strict: true,
      types: false,
      cache: true,
      cacheLocation: 'c',
      concurrency: 4,
      shard: { index: 2, count: 3 },
    });
    expect(parseCliArgs([])).toMatchObject({
      paths: [],
      format: 'text',
      fix: false,
      fixStyle: 'minimal',
      types: true,
      cache: false,
      concurrency: 'off',
      shard: undefined,
    });
  });
});

describe('concurrency', () => {
  it('detects support in the installed ESLint', () => {
    const support = concurrencySupport();
    const [major = 0, minor = 0] = support.version.split('.').map(Number);
    expect(support.supported).toBe(major > 9 || (major === 9 && minor >= 34));
  });

  it('run() from the sources explains that worker threads need the compiled CLI, and still lints', async () => {
    const dir = project({ 'a.js': INSECURE_JS });
    const r = await cli(dir, ['--concurrency', '2']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^tlsguard: note: --concurrency needs (the compiled CLI|ESLint >= 9\.34)/m);
    cleanup();
  });
});

describe('type information fallback', () => {
  it('a file the project service cannot place is linted again without types', async () => {
    const dir = project({ 'orphan.ts': INSECURE_JS });
    const file = path.join(dir, 'orphan.ts');
    const notes: string[] = [];
    // Precondition: with the project service forced on, ESLint cannot parse it.
    const engine = await createEngine({ ...spec, cwd: dir, typedFiles: [file] }, notes);
    const [raw] = await engine.eslint.lintFiles([file]);
    expect(raw!.messages.find((m) => m.fatal)?.message).toMatch(/project service/);
    const { outcome } = await lint({ spec: { ...spec, cwd: dir, typedFiles: [file] }, files: [file], progress: silentProgress, notes });
    expect(outcome.parseErrors).toEqual([]);
    expect(outcome.findings.map((f) => f.ruleId)).toEqual(['tlsguard/no-unverified-certificate']);
    cleanup();
  }, 60_000);
});
