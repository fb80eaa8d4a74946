/**
 * The packages as a user gets them: `npm pack` of the plugin and of tlsguard-runtime, installed into
 * fresh projects outside this repository (ESLint 9 and 10 come from the npm registry, or npm's cache).
 * Needs `npm run build` first (`npm test` runs it); the tarballs are packed with --ignore-scripts
 * from that build, so this test does not build twice.
 */
import { execFileSync, spawnSync, type ExecFileSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const runtimeDir = path.join(repo, 'packages/runtime');
const tsc = path.join(repo, 'node_modules/typescript/bin/tsc');
const REPO_URL = 'https://github.com/tlsguard/eslint-plugin-tlsguard';
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare'];

interface Packed {
  readonly tarball: string;
  readonly files: readonly string[];
  readonly manifest: Record<string, unknown>;
}

const env = { ...process.env, npm_config_loglevel: 'error', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' };

function run(command: string, args: readonly string[], cwd: string, options: ExecFileSyncOptions = {}): string {
  try {
    return execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000, ...options }) as string;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}

function pack(dir: string, into: string): Packed {
  const out = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', into], dir)) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  const entry = out[0]!;
  return {
    tarball: path.join(into, entry.filename),
    files: entry.files.map((f) => f.path),
    manifest: JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>,
  };
}

function project(dir: string, pkg: Record<string, unknown>, files: Record<string, string> = {}): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: path.basename(dir), version: '1.0.0', private: true, ...pkg }, null, 2)}\n`);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** Top-level packages in node_modules (scopes expanded). */
function installedPackages(dir: string): string[] {
  const root = path.join(dir, 'node_modules');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((n) => !n.startsWith('.'))
    .flatMap((n) => (n.startsWith('@') ? readdirSync(path.join(root, n)).map((m) => `${n}/${m}`) : [n]))
    .sort();
}

/** Markdown links (inline, not images of badges from elsewhere) in `text`. */
function links(text: string): string[] {
  return [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
}

/** Link targets that do not resolve: relative ones must be in the tarball, this repository's must exist in it. */
function brokenLinks(doc: string, text: string, files: readonly string[]): string[] {
  const broken: string[] = [];
  for (const link of links(text)) {
    if (link.startsWith('#') || link.startsWith('mailto:')) continue;
    if (/^https?:/.test(link)) {
      const own = new RegExp(`^${REPO_URL}/(?:blob|tree)/[^/]+/([^#?]*)`).exec(link);
      if (own && own[1] !== '' && !existsSync(path.join(repo, own[1]!))) broken.push(`${doc}: ${link}`);
      continue;
    }
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(doc), link.split('#')[0]!)).replace(/\/$/, '');
    if (!files.includes(target) && !files.some((f) => f.startsWith(`${target}/`))) broken.push(`${doc}: ${link}`);
  }
  return broken;
}

const built = existsSync(path.join(repo, 'dist/eslint-plugin.js')) && existsSync(path.join(runtimeDir, 'dist/index.mjs'));

describe('packed tarballs in fresh projects', () => {
  let work: string;
  let plugin: Packed;
  let runtime: Packed;

  beforeAll(() => {
    if (!built) throw new Error('run `npm run build` first (npm test does): the tarballs are packed from dist/');
    work = mkdtempSync(path.join(tmpdir(), 'tlsguard-pack-'));
    plugin = pack(repo, work);
    runtime = pack(runtimeDir, work);
  }, 120_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('tlsguard-runtime: no dependency of any kind, no install script, LICENSE and metadata, no source maps', () => {
    const m = runtime.manifest;
    expect(m.name).toBe('tlsguard-runtime');
    expect(m.version).toBe(plugin.manifest.version);
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies', 'bundleDependencies', 'bundledDependencies']) {
      expect(m[field], field).toBeUndefined();
    }
    expect(Object.keys((m.scripts ?? {}) as object).filter((s) => INSTALL_SCRIPTS.includes(s))).toEqual([]);
    expect(runtime.files).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'package.json',
        'dist/index.mjs',
        'dist/index.d.mts',
        'dist/cjs/runtime/index.js',
        'dist/cjs/runtime/index.d.ts',
      ]),
    );
    expect(runtime.files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(readFileSync(path.join(runtimeDir, 'LICENSE'), 'utf8')).toBe(readFileSync(path.join(repo, 'LICENSE'), 'utf8'));
    expect(m).toMatchObject({ license: 'MIT', repository: { url: `git+${REPO_URL}.git` }, bugs: { url: `${REPO_URL}/issues` } });
    expect(brokenLinks('README.md', readFileSync(path.join(runtimeDir, 'README.md'), 'utf8'), runtime.files)).toEqual([]);
    // the Python create_default_context() table is in the runtime's own README
    expect(readFileSync(path.join(runtimeDir, 'README.md'), 'utf8')).toContain('| `ssl.create_default_context()` |');
  });

  it('the plugin: LICENSE, metadata, the runtime at this exact version, no install script, no source maps, every doc link resolves', () => {
    const m = plugin.manifest;
    expect(plugin.files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'entries/eslint-plugin.cjs', 'dist/eslint-plugin.js']));
    expect(m).toMatchObject({
      license: 'MIT',
      repository: { url: `git+${REPO_URL}.git` },
      homepage: `${REPO_URL}#readme`,
      bugs: { url: `${REPO_URL}/issues` },
      dependencies: { 'tlsguard-runtime': m.version },
    });
    expect(Object.keys((m.scripts ?? {}) as object).filter((s) => INSTALL_SCRIPTS.includes(s))).toEqual([]);
    expect(plugin.files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(plugin.files.some((f) => f.startsWith('src/') || f.startsWith('test/'))).toBe(false);
    const docs = plugin.files.filter((f) => f.endsWith('.md'));
    expect(docs).toEqual(expect.arrayContaining(['README.md', 'docs/cli.md', 'docs/runtime.md']));
    const broken = docs.flatMap((doc) => brokenLinks(doc, readFileSync(path.join(repo, doc), 'utf8'), plugin.files));
    expect(broken).toEqual([]);
  });

  it('the runtime tarball alone, --omit=dev --omit=peer: exactly one package, loads from ESM and CommonJS', () => {
    const dir = project(path.join(work, 'runtime-only'), {});
    run('npm', ['install', '--omit=dev', '--omit=peer', runtime.tarball], dir);
    expect(installedPackages(dir)).toEqual(['tlsguard-runtime']);
    const cjs = run(
      process.execPath,
      ['-e', "const r = require('tlsguard-runtime'); console.log(typeof r.secureClientOptions, r.secureClientOptions({ host: 'a.example' }).servername)"],
      dir,
    );
    expect(cjs.trim()).toBe('function a.example');
    writeFileSync(
      path.join(dir, 'both.mjs'),
      [
        "import { createRequire } from 'node:module';",
        "import * as esm from 'tlsguard-runtime';",
        "const cjs = createRequire(import.meta.url)('tlsguard-runtime');",
        // one implementation: the same classes, and a context made through one entry is the other's own
        "const fromEsm = esm.secureClientOptions({ host: 'a.example' });",
        'const again = cjs.secureClientOptions(fromEsm);',
        "console.log(JSON.stringify({ names: Object.keys(esm).sort().join() === Object.keys(cjs).filter((n) => n !== '__esModule').sort().join(), classes: esm.InsecureTlsOptionError === cjs.InsecureTlsOptionError && esm.WeakServerKeyError === cjs.WeakServerKeyError, context: again.secureContext === fromEsm.secureContext, cache: esm.secureContextCacheSize() === cjs.secureContextCacheSize(), min: fromEsm.minVersion }));",
      ].join('\n'),
    );
    expect(JSON.parse(run(process.execPath, ['both.mjs'], dir))).toEqual({ names: true, classes: true, context: true, cache: true, min: 'TLSv1.2' });
  }, 240_000);

  for (const major of [9, 10]) {
    describe(`with ESLint ${major}`, () => {
      let dir: string;
      beforeAll(() => {
        dir = project(
          path.join(work, `eslint${major}`),
          { type: 'module' },
          {
            'bad.js': "import tls from 'node:tls';\ntls.connect({ host: 'a.example', servername: 'a.example', port: 443, rejectUnauthorized: false });\n",
            'eslint.config.mjs': "import tlsguard from 'eslint-plugin-tlsguard';\nexport default [tlsguard.configs.recommended];\n",
            'eslint.config.cjs':
              "const tlsguard = require('eslint-plugin-tlsguard');\nmodule.exports = [tlsguard.configs.recommended, { plugins: { tlsguard } }];\n",
            'eslint.config.ts': [
              "import tlsguard from 'eslint-plugin-tlsguard';",
              "import type { ESLint, Linter } from 'eslint';",
              'const plugin: ESLint.Plugin = tlsguard;',
              "const config: Linter.Config[] = [tlsguard.configs.recommended, tlsguard.configs['recommended-type-checked'], { plugins: { tlsguard, other: plugin } }];",
              'export default config;',
              '',
            ].join('\n'),
            'config.cts': [
              "import tlsguard = require('eslint-plugin-tlsguard');",
              "import type { Linter } from 'eslint';",
              'const config: Linter.Config[] = [tlsguard.configs.strict, { plugins: { tlsguard } }];',
              'export = config;',
              '',
            ].join('\n'),
            // A deliberate type error: proves the type check below really checks (it must report exactly this).
            'control.ts': "import type { ESLint } from 'eslint';\nexport const broken: ESLint.Plugin = { rules: 42 };\n",
            'tsconfig.json': JSON.stringify({
              compilerOptions: {
                module: 'nodenext',
                moduleResolution: 'nodenext',
                target: 'es2022',
                strict: true,
                noEmit: true,
                skipLibCheck: true,
                types: [],
              },
              files: ['eslint.config.ts', 'config.cts', 'control.ts'],
            }),
          },
        );
        run('npm', ['install', '--prefer-offline', '-D', runtime.tarball, plugin.tarball, `eslint@^${major}`], dir);
      }, 300_000);

      const lintWith = (config: string): Array<{ ruleId: string | null; message: string }> => {
        let out: string;
        try {
          out = run(process.execPath, ['node_modules/eslint/bin/eslint.js', '-c', config, '--format', 'json', 'bad.js'], dir);
        } catch (error) {
          // exit 1 with findings: the JSON is on stdout
          out = /(\[\{.*\}\])/s.exec((error as Error).message)?.[1] ?? (error as Error).message;
        }
        return (JSON.parse(out) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>)[0]!.messages;
      };

      it('installs ESLint of that major', () => {
        const version = (JSON.parse(readFileSync(path.join(dir, 'node_modules/eslint/package.json'), 'utf8')) as { version: string }).version;
        expect(version.split('.')[0]).toBe(String(major));
      });

      it('an ESM config (eslint.config.mjs) reports the finding', () => {
        expect(lintWith('eslint.config.mjs').map((m) => m.ruleId)).toEqual(['tlsguard/no-unverified-certificate']);
      });

      it('a CommonJS config can name the required plugin in plugins (it is the object the configs register)', () => {
        expect(lintWith('eslint.config.cjs').map((m) => m.ruleId)).toEqual(['tlsguard/no-unverified-certificate']);
        const same = run(
          process.execPath,
          ['-e', "const p = require('eslint-plugin-tlsguard'); console.log(p.configs.recommended.plugins.tlsguard === p, typeof p.rules['no-weak-cipher'])"],
          dir,
        );
        expect(same.trim()).toBe('true object');
      });

      it("eslint.config.ts and a CommonJS .cts config type-check against this ESLint's types", () => {
        let output = '';
        try {
          run(process.execPath, [tsc, '-p', 'tsconfig.json', '--pretty', 'false'], dir);
        } catch (error) {
          output = (error as Error).message;
        }
        const errors = output.split('\n').filter((l) => /error TS\d+/.test(l));
        expect(errors).toHaveLength(1);
        expect(errors[0]).toMatch(/^control\.ts\(2,/);
      });

      it('eslint-plugin-tlsguard/runtime re-exports tlsguard-runtime (ESM and CommonJS)', () => {
        writeFileSync(
          path.join(dir, 'reexport.mjs'),
          [
            "import { createRequire } from 'node:module';",
            "import * as viaPlugin from 'eslint-plugin-tlsguard/runtime';",
            "import * as direct from 'tlsguard-runtime';",
            'const req = createRequire(import.meta.url);',
            "console.log(viaPlugin.secureAgent === direct.secureAgent, req('eslint-plugin-tlsguard/runtime').secureAgent === req('tlsguard-runtime').secureAgent);",
          ].join('\n'),
        );
        expect(run(process.execPath, ['reexport.mjs'], dir).trim()).toBe('true true');
      });
    });
  }

  it('tlsguard --fix --fix-style factory leaves an app that runs after npm prune --omit=dev', () => {
    const app =
      "import https from 'node:https';\nconst agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });\nconsole.log(agent.options.rejectUnauthorized, typeof agent.options.checkServerIdentity);\n";
    const dir = project(path.join(work, 'app'), { type: 'module' }, { 'app.mjs': app });
    run('npm', ['install', '--prefer-offline', '-D', runtime.tarball, plugin.tarball, 'eslint@^10'], dir);
    // As a user has it: the plugin in devDependencies, the runtime only as the plugin's dependency.
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    delete manifest.devDependencies['tlsguard-runtime'];
    writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    expect(run(process.execPath, ['app.mjs'], dir).trim()).toBe('false undefined'); // the insecure original runs

    const cli = spawnSync(process.execPath, ['node_modules/eslint-plugin-tlsguard/dist/src/cli/bin.js', '--fix', '--fix-style', 'factory', 'app.mjs'], {
      cwd: dir,
      env,
      encoding: 'utf8',
    });
    expect(cli.status, cli.stdout + cli.stderr).toBe(0);
    expect(cli.stderr).toContain(
      `tlsguard: added "tlsguard-runtime": "${String(runtime.manifest.version)}" to dependencies in package.json: the factory fixes import it at run time. The lockfile is not updated: run \`npm install\`.`,
    );
    const fixed = readFileSync(path.join(dir, 'app.mjs'), 'utf8');
    expect(fixed).toContain("import { secureAgent } from 'tlsguard-runtime';");
    expect(fixed).toContain('secureAgent({ keepAlive: true })');
    const after = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    expect(after.dependencies).toEqual({ 'tlsguard-runtime': String(runtime.manifest.version) });

    run('npm', ['prune', '--omit=dev'], dir);
    expect(installedPackages(dir)).toEqual(['tlsguard-runtime']);
    expect(run(process.execPath, ['app.mjs'], dir).trim()).toBe('true function');
  }, 400_000);

  it('the pre-commit hook documented in docs/cli.md installs the released packages (nothing built) and refuses an insecure commit', () => {
    // CI installs pre-commit (.ci/run); a missing one is a failure there, not a skip.
    const doc = readFileSync(path.join(repo, 'docs/cli.md'), 'utf8');
    const block = /```yaml\n(repos:\n  - repo: local\n[\s\S]*?language: node[\s\S]*?)```/.exec(doc)?.[1];
    expect(block).toBeDefined();
    // The registry name of the release, replaced by the packed tarballs (not published from a test).
    const config = block!.replace('[eslint-plugin-tlsguard@0.1.0]', `[${plugin.tarball}, ${runtime.tarball}]`);
    expect(config).not.toBe(block);
    const dir = project(
      path.join(work, 'hooked'),
      {},
      {
        '.pre-commit-config.yaml': config,
        'client.mjs': "import tls from 'node:tls';\ntls.connect({ host: 'a.example', servername: 'a.example', port: 443, rejectUnauthorized: false });\n",
      },
    );
    const hookEnv = { ...env, PRE_COMMIT_HOME: path.join(work, 'pre-commit-home'), CI: 'true' };
    run('git', ['init', '-q'], dir);
    run('git', ['add', '-A'], dir);
    const refused = spawnSync('pre-commit', ['run', '--all-files'], { cwd: dir, env: hookEnv, encoding: 'utf8', timeout: 300_000 });
    expect(refused.error).toBeUndefined();
    expect(refused.status, refused.stdout + refused.stderr).toBe(1);
    expect(refused.stdout).toContain('client.mjs:2:70  tlsguard/no-unverified-certificate');
    // the environment holds the packages, not a clone of this repository
    const envs = readdirSync(hookEnv.PRE_COMMIT_HOME).filter((n) => n.startsWith('repo'));
    expect(envs).toHaveLength(1);
    const globals = readdirSync(path.join(hookEnv.PRE_COMMIT_HOME, envs[0]!, 'node_env-system/lib/node_modules')).sort();
    expect(globals).toEqual(['eslint-plugin-tlsguard', 'pre_commit_placeholder_package', 'tlsguard-runtime']);
  }, 400_000);
});
