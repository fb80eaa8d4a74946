// Cold start where users feel it (issue 16): whole-process paired ratios of
//   cli     the CLI on one JS file vs plain ESLint (one core rule, no config) on that file;
//           on one TS file vs ESLint with the typescript-eslint parser (no tsconfig: untyped);
//           on one TS file under a tsconfig.json (typed) vs ESLint with `projectService`.
//   import  `import 'eslint-plugin-tlsguard'` vs an empty program, and after `import 'eslint'`
//           vs `import 'eslint'` alone (what a lint run or an editor pays on top of ESLint).
//   lsp     the ESLint language server (`vscode-eslint-language-server` of
//           vscode-langservers-extracted, the server of VS Code's ESLint extension): from spawning
//           it to the first diagnostic of a JS (and a TS) document, with a flat config of one core
//           rule vs the same plus `tlsguard.configs.recommended`.
//   api     the same configs through ESLint's Node API in a fresh process (`new ESLint().lintText`).
//   runtime runs bench/runtime-import.mjs (import of the runtime vs `node:https`).
// Paired: in every round each variant of a group runs once, in rotating order, so the machine's
// load falls on all alike; a ratio is the median of the per-round ratios to the group's baseline
// in the same round. Not a test: nothing is asserted about time (the outputs are checked once).
//
// --baseline DIR adds the same tlsguard variants for another build (a checkout with dist/ built and
// its node_modules resolvable, e.g. the commit before a change), measured in the same rounds.
//
// --instructions counts instructions instead (bench/callgrind.mjs: valgrind, all threads, Node's
// --predictable): each process variant (cli, import, runtime) runs --reps times (default 3), and a
// ratio is the median count over the baseline's. Counts do not move with the machine's load, so
// these ratios are the stable figure on a shared machine; the language-server and API groups have
// no instruction mode. About 50x slower per run.
//
// Run after `npm run build`:  node bench/cold-start.mjs [--rounds N] [--only cli,import,lsp,api,runtime] [--baseline DIR] [--match REGEX] [--instructions [--reps N]]
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { instructionCount } from './callgrind.mjs';

const repo = fileURLToPath(new URL('../', import.meta.url));
const here = fileURLToPath(new URL('./cold/', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/cold-start/', import.meta.url));
const importDir = fileURLToPath(new URL('./import/', import.meta.url));
const { values: flags } = parseArgs({
  options: {
    rounds: { type: 'string' },
    only: { type: 'string' },
    baseline: { type: 'string' },
    match: { type: 'string' },
    instructions: { type: 'boolean' },
    reps: { type: 'string' },
  },
});
// --match REGEX: only the variants whose name matches (their baselines are kept).
const match = flags.match === undefined ? undefined : new RegExp(flags.match);
const before = flags.baseline ? realpathSync(path.resolve(flags.baseline)) : undefined;
const rounds = Number.parseInt(flags.rounds ?? '20', 10);
const groups = new Set((flags.only ?? 'cli,import,lsp,api,runtime').split(','));

const eslintBin = path.join(repo, 'node_modules/eslint/bin/eslint.js');
const tlsguardBin = path.join(repo, 'dist/src/cli/bin.js');
const lspServer = path.join(repo, 'node_modules/vscode-langservers-extracted/lib/eslint-language-server/eslintServer.js');

// ---- projects (temp directories, as a user has them: a package.json, node_modules links) ----

const tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'tlsguard-cold-')));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

const CORE_RULE = "rules: { 'no-debugger': 'error' }";
const CONFIGS = {
  'eslint.plain.mjs': `export default [{ ${CORE_RULE} }];\n`,
  'eslint.tlsguard.mjs': `import tlsguard from 'eslint-plugin-tlsguard';\nexport default [tlsguard.configs.recommended, { ${CORE_RULE} }];\n`,
  'eslint.ts.mjs': `import parser from '@typescript-eslint/parser';\nexport default [{ files: ['**/*.ts'], languageOptions: { parser }, ${CORE_RULE} }];\n`,
  'eslint.ts-tlsguard.mjs': `import parser from '@typescript-eslint/parser';\nimport tlsguard from 'eslint-plugin-tlsguard';\nexport default [{ files: ['**/*.ts'], languageOptions: { parser } }, tlsguard.configs.recommended, { ${CORE_RULE} }];\n`,
  'eslint.ts-typed.mjs': `import parser from '@typescript-eslint/parser';\nexport default [{ files: ['**/*.ts'], languageOptions: { parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } }, ${CORE_RULE} }];\n`,
};

function makeProject(name, files, pluginDir = repo) {
  const dir = path.join(tmp, name);
  mkdirSync(path.join(dir, 'node_modules/@typescript-eslint'), { recursive: true });
  symlinkSync(path.join(repo, 'node_modules/eslint'), path.join(dir, 'node_modules/eslint'), 'dir');
  symlinkSync(path.join(repo, 'node_modules/@typescript-eslint/parser'), path.join(dir, 'node_modules/@typescript-eslint/parser'), 'dir');
  symlinkSync(pluginDir, path.join(dir, 'node_modules/eslint-plugin-tlsguard'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), `{ "name": "${name}", "private": true, "type": "module" }\n`);
  copyFileSync(path.join(fixtures, 'client.js'), path.join(dir, 'client.js'));
  copyFileSync(path.join(fixtures, 'client.ts'), path.join(dir, 'client.ts'));
  copyFileSync(path.join(fixtures, 'plain.js'), path.join(dir, 'plain.js'));
  for (const [file, text] of Object.entries({ ...CONFIGS, ...files })) writeFileSync(path.join(dir, file), text);
  return dir;
}

const untyped = makeProject('untyped', {});
const typed = makeProject('typed', {
  'tsconfig.json': '{ "compilerOptions": { "strict": true, "module": "nodenext", "target": "es2022", "types": [] }, "include": ["*.ts"] }\n',
});

// ---- measurement ----

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const cpuFile = path.join(tmp, 'cpu-usage');
const cpuPreload = fileURLToPath(new URL('./cold/cpu-usage.cjs', import.meta.url));

/** Wall time of the whole process, and its CPU time (user + system, all threads) as it reports it at exit. */
function runProcess(v) {
  rmSync(cpuFile, { force: true });
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', cpuPreload, ...v.args], {
    cwd: v.cwd,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', COLD_CPU_FILE: cpuFile },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status === null || !(v.status ?? [0]).includes(r.status)) throw new Error(`${v.name}: exit ${r.status}\n${r.stdout}\n${r.stderr}`);
  return { ms, cpu: Number(readFileSync(cpuFile, 'utf8')) / 1000, out: r.stdout };
}

/** `reps` instruction counts of every process variant; a ratio is the median count over its baseline's. */
async function counted(title, variants) {
  const reps = Number.parseInt(flags.reps ?? '3', 10);
  const counts = new Map();
  for (const v of variants) {
    if (!v.args) throw new Error(`${v.name}: no instruction mode for this variant`);
    const env = { ...process.env, NODE_OPTIONS: '' };
    const list = [];
    for (let i = 0; i < reps; i++) list.push(await instructionCount(v.args, { cwd: v.cwd, env, okStatus: v.status ?? [0] }));
    counts.set(v.name, list);
  }
  console.log(`\n${title} (instructions, ${reps} runs each under callgrind, --predictable)`);
  console.log(`${'variant'.padEnd(50)} instructions (1e6): median   spread   ratio to baseline`);
  for (const v of variants) {
    const c = counts.get(v.name);
    const spread = `${((Math.max(...c) / Math.min(...c) - 1) * 100).toFixed(2)}%`;
    const ratio = v.baseline ? (median(c) / median(counts.get(v.baseline))).toFixed(3) : '';
    console.log(`${v.name.padEnd(50)} ${(median(c) / 1e6).toFixed(1).padStart(26)} ${spread.padStart(8)} ${ratio.padStart(12)}`);
  }
}

/** Paired rounds over `variants` ({ name, baseline?, measure(): Promise<{ ms, out }>, check?(out) }). */
async function paired(title, all) {
  const wanted = match ? all.filter((v) => match.test(v.name)) : all;
  const variants = all.filter((v) => wanted.includes(v) || wanted.some((w) => w.baseline === v.name));
  if (variants.length === 0) return;
  if (flags.instructions) {
    for (const v of variants) {
      const { out } = await v.measure(); // check the output once, as the timed mode does
      if (v.check && !v.check(out)) throw new Error(`${v.name}: unexpected output:\n${out}`);
    }
    await counted(title, variants);
    return;
  }
  for (const v of variants) {
    const { out } = await v.measure(); // warm the file system cache, and check the output once
    if (v.check && !v.check(out)) throw new Error(`${v.name}: unexpected output:\n${out}`);
  }
  const times = new Map(variants.map((v) => [v.name, []]));
  const cpus = new Map(variants.map((v) => [v.name, []]));
  for (let i = 0; i < rounds; i++) {
    for (let j = 0; j < variants.length; j++) {
      const v = variants[(i + j) % variants.length];
      const { ms, cpu } = await v.measure();
      times.get(v.name).push(ms);
      if (cpu !== undefined) cpus.get(v.name).push(cpu);
    }
  }
  console.log(`\n${title}`);
  const withCpu = variants.every((v) => cpus.get(v.name).length === rounds);
  const ratioCells = (t, base) => {
    const ratios = t.map((x, k) => x / base[k]);
    const diffs = t.map((x, k) => x - base[k]);
    return `${median(ratios).toFixed(3).padStart(7)} (${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}) ${median(diffs).toFixed(0).padStart(5)}`;
  };
  console.log(
    `${'variant'.padEnd(50)} wall ms: median    min    max   ratio (min-max)       +ms${withCpu ? '  | CPU ms: median   ratio (min-max)       +ms' : ''}`,
  );
  for (const v of variants) {
    const t = times.get(v.name);
    const c = cpus.get(v.name);
    let row = `${v.name.padEnd(50)} ${median(t).toFixed(0).padStart(15)} ${Math.min(...t)
      .toFixed(0)
      .padStart(6)} ${Math.max(...t)
      .toFixed(0)
      .padStart(6)}`;
    row += v.baseline ? `  ${ratioCells(t, times.get(v.baseline))}` : ' '.repeat(29);
    if (withCpu) row += `  | ${median(c).toFixed(0).padStart(14)}${v.baseline ? `  ${ratioCells(c, cpus.get(v.baseline))}` : ''}`;
    console.log(row);
  }
}

const proc = (name, cwd, args, extra = {}) => ({ name, cwd, args, measure: async () => runProcess({ name, cwd, args, ...extra }), ...extra });
const has =
  (...words) =>
  (out) =>
    words.every((w) => out.includes(w));
const TLS_JS = ['client.js:5:50', 'tlsguard/no-unverified-certificate', 'tlsguard/no-legacy-tls-version', 'tlsguard/no-weak-cipher'];
const TLS_TS = ['client.ts:5:50', 'tlsguard/no-unverified-certificate', 'tlsguard/no-legacy-tls-version', 'tlsguard/no-weak-cipher'];

console.log(
  `node ${process.version}, ${rounds} rounds, ${os.cpus().length} CPUs, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, whole-process wall time (ms)`,
);

/** The variant of the `before` build, with the same baseline and check (none without --baseline). */
const alsoBefore = (variant, make) => (before ? [variant, make()] : [variant]);

if (groups.has('cli')) {
  const eslintJs = [eslintBin, '--no-config-lookup', '--rule', 'no-debugger: error', 'client.js'];
  const beforeBin = before && path.join(before, 'dist/src/cli/bin.js');
  const cliVariants = [
    proc('eslint client.js (no config, no-debugger)', untyped, eslintJs, { status: [1], check: has('no-debugger') }),
    proc('tlsguard client.js', untyped, [tlsguardBin, 'client.js'], {
      status: [1],
      baseline: 'eslint client.js (no config, no-debugger)',
      check: has(...TLS_JS),
    }),
    proc('eslint plain.js (no config, no-debugger)', untyped, [eslintBin, '--no-config-lookup', '--rule', 'no-debugger: error', 'plain.js'], {
      status: [1],
      check: has('no-debugger'),
    }),
    proc('tlsguard plain.js', untyped, [tlsguardBin, 'plain.js'], {
      status: [0],
      baseline: 'eslint plain.js (no config, no-debugger)',
      check: has('no findings'),
    }),
    proc('eslint client.ts (ts parser, no-debugger)', untyped, [eslintBin, '-c', 'eslint.ts.mjs', 'client.ts'], { status: [1], check: has('no-debugger') }),
    proc('tlsguard client.ts', untyped, [tlsguardBin, 'client.ts'], {
      status: [1],
      baseline: 'eslint client.ts (ts parser, no-debugger)',
      check: has(...TLS_TS),
    }),
    proc('eslint client.ts, typed (projectService)', typed, [eslintBin, '-c', 'eslint.ts-typed.mjs', 'client.ts'], { status: [1], check: has('no-debugger') }),
    proc('tlsguard client.ts, typed (tsconfig.json)', typed, [tlsguardBin, 'client.ts'], {
      status: [1],
      baseline: 'eslint client.ts, typed (projectService)',
      check: has(...TLS_TS),
    }),
  ];
  // The same runs of the `before` build, right after each tlsguard variant.
  const variants = cliVariants.flatMap((v) =>
    v.name.startsWith('tlsguard')
      ? alsoBefore(v, () => proc(`${v.name} (before)`, v.cwd, [beforeBin, ...v.args.slice(1)], { status: v.status, baseline: v.baseline, check: v.check }))
      : [v],
  );
  await paired('CLI on one file (tlsguard <file> vs eslint on the same file)', variants);
}

/** Entry files importing the `before` build's plugin by path (in the temp directory). */
function beforeImports() {
  const plugin = JSON.stringify(pathToFileURL(path.join(before, 'dist/eslint-plugin.js')).href);
  const eslint = JSON.stringify(pathToFileURL(path.join(repo, 'node_modules/eslint/lib/api.js')).href);
  writeFileSync(path.join(tmp, 'plugin-only-before.mjs'), `import ${plugin};\n`);
  writeFileSync(path.join(tmp, 'eslint-plugin-before.mjs'), `import ${eslint};\nimport ${plugin};\n`);
  return [
    proc('plugin-only.mjs (before)', tmp, [path.join(tmp, 'plugin-only-before.mjs')], { baseline: 'empty.mjs (nothing)' }),
    proc('eslint-plugin.mjs (before)', tmp, [path.join(tmp, 'eslint-plugin-before.mjs')], { baseline: "eslint.mjs (import 'eslint')" }),
  ];
}

if (groups.has('import')) {
  const entry = (file) => [path.join(importDir, file)];
  await paired('Plugin import (node <entry> in bench/import/)', [
    proc('empty.mjs (nothing)', importDir, entry('empty.mjs')),
    proc("plugin-only.mjs (import 'eslint-plugin-tlsguard')", importDir, entry('plugin-only.mjs'), { baseline: 'empty.mjs (nothing)' }),
    proc("eslint.mjs (import 'eslint')", importDir, entry('eslint.mjs')),
    proc('eslint-plugin.mjs (eslint, then the plugin)', importDir, entry('eslint-plugin.mjs'), { baseline: "eslint.mjs (import 'eslint')" }),
    ...(before ? beforeImports() : []),
  ]);
}

// ---- the language server: spawn, initialize, open the document, pull its diagnostics ----

function lspFirstDiagnostic(cwd, file) {
  const rootUri = pathToFileURL(cwd).href;
  const uri = pathToFileURL(path.join(cwd, file)).href;
  const text = CLIENT_TEXT[file];
  const settings = {
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: false,
    useFlatConfig: true,
    experimental: {},
    codeActionOnSave: { enable: false, mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workingDirectory: { mode: 'location' },
    workspaceFolder: { uri: rootUri, name: 'bench' },
    codeAction: { disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' }, showDocumentation: { enable: true } },
  };
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [lspServer, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
    let buffer = Buffer.alloc(0);
    let nextId = 1;
    const pending = new Map();
    const stderr = [];
    const timer = setTimeout(() => finish(new Error(`no diagnostics within 60 s: ${stderr.join('')}`)), 60_000);
    const send = (m) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }));
      child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      child.stdin.write(body);
    };
    const request = (method, params) =>
      new Promise((res) => {
        const id = nextId++;
        pending.set(id, res);
        send({ id, method, params });
      });
    function finish(error, value) {
      clearTimeout(timer);
      child.kill();
      if (error) reject(error);
      else resolve(value);
    }
    child.stderr.on('data', (c) => stderr.push(String(c)));
    child.on('error', (e) => finish(e));
    child.stdout.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/Content-Length: *(\d+)/i.exec(buffer.subarray(0, end).toString('ascii'))?.[1]);
        if (buffer.length < end + 4 + length) return;
        const m = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
        buffer = buffer.subarray(end + 4 + length);
        if (m.method !== undefined && m.id !== undefined) {
          const result = m.method === 'workspace/configuration' ? (m.params?.items ?? [{}]).map(() => settings) : null;
          send({ id: m.id, result });
        } else if (m.id !== undefined && pending.has(m.id)) {
          pending.get(m.id)(m.result);
          pending.delete(m.id);
        }
      }
    });
    (async () => {
      await request('initialize', {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'bench' }],
        capabilities: { workspace: { configuration: true, workspaceFolders: true }, textDocument: { diagnostic: { dynamicRegistration: false } } },
      });
      send({ method: 'initialized', params: {} });
      send({
        method: 'textDocument/didOpen',
        params: { textDocument: { uri, languageId: file.endsWith('.ts') ? 'typescript' : 'javascript', version: 1, text } },
      });
      const report = await request('textDocument/diagnostic', { textDocument: { uri } });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      finish(undefined, { ms, out: (report?.items ?? []).map((d) => `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`).join('\n') });
    })().catch((e) => finish(e));
  });
}

const CLIENT_TEXT = {
  'client.js': readFileSync(path.join(fixtures, 'client.js'), 'utf8'),
  'client.ts': readFileSync(path.join(fixtures, 'client.ts'), 'utf8'),
};

// One project per config, found by ESLint's own lookup (eslint.config.mjs), as in an editor.
const withConfig = Object.fromEntries(
  Object.entries(CONFIGS).map(([file, text]) => [file, makeProject(`config-${file.slice(7, -4)}`, { 'eslint.config.mjs': text })]),
);
// The plugin configs again, with node_modules/eslint-plugin-tlsguard -> the `before` build.
const withConfigBefore = before
  ? Object.fromEntries(
      ['eslint.tlsguard.mjs', 'eslint.ts-tlsguard.mjs'].map((file) => [
        file,
        makeProject(`config-${file.slice(7, -4)}-before`, { 'eslint.config.mjs': CONFIGS[file] }, before),
      ]),
    )
  : {};
const lsp = (name, config, file, extra = {}) => ({ name, measure: () => lspFirstDiagnostic(withConfig[config], file), ...extra });
const lspBefore = (name, config, file, extra = {}) => (before ? [{ name, measure: () => lspFirstDiagnostic(withConfigBefore[config], file), ...extra }] : []);
if (groups.has('lsp') && flags.instructions)
  console.log('\nLanguage server: no instruction mode (it measures a first diagnostic over a pipe); run without --instructions');
else if (groups.has('lsp')) {
  await paired('Language server, spawn to first diagnostic (vscode-eslint-language-server)', [
    lsp('client.js, one core rule', 'eslint.plain.mjs', 'client.js', { check: has('no-debugger') }),
    lsp('client.js, + tlsguard recommended', 'eslint.tlsguard.mjs', 'client.js', {
      baseline: 'client.js, one core rule',
      check: has('no-debugger', ...TLS_JS),
    }),
    ...lspBefore('client.js, + tlsguard recommended (before)', 'eslint.tlsguard.mjs', 'client.js', {
      baseline: 'client.js, one core rule',
      check: has('no-debugger', ...TLS_JS),
    }),
    lsp('client.ts, ts parser + one core rule', 'eslint.ts.mjs', 'client.ts', { check: has('no-debugger') }),
    lsp('client.ts, + tlsguard recommended', 'eslint.ts-tlsguard.mjs', 'client.ts', {
      baseline: 'client.ts, ts parser + one core rule',
      check: has('no-debugger', ...TLS_TS),
    }),
    ...lspBefore('client.ts, + tlsguard recommended (before)', 'eslint.ts-tlsguard.mjs', 'client.ts', {
      baseline: 'client.ts, ts parser + one core rule',
      check: has('no-debugger', ...TLS_TS),
    }),
  ]);
}

if (groups.has('api')) {
  const script = path.join(here, 'lint-text.mjs');
  await paired('ESLint Node API in a fresh process (new ESLint().lintText, config found by lookup)', [
    proc('client.js, one core rule', withConfig['eslint.plain.mjs'], [script, 'client.js'], { check: has('no-debugger') }),
    proc('client.js, + tlsguard recommended', withConfig['eslint.tlsguard.mjs'], [script, 'client.js'], {
      baseline: 'client.js, one core rule',
      check: has('no-debugger', ...TLS_JS),
    }),
    ...(before
      ? [
          proc('client.js, + tlsguard recommended (before)', withConfigBefore['eslint.tlsguard.mjs'], [script, 'client.js'], {
            baseline: 'client.js, one core rule',
            check: has('no-debugger', ...TLS_JS),
          }),
        ]
      : []),
    proc('client.ts, ts parser + one core rule', withConfig['eslint.ts.mjs'], [script, 'client.ts'], { check: has('no-debugger') }),
    proc('client.ts, + tlsguard recommended', withConfig['eslint.ts-tlsguard.mjs'], [script, 'client.ts'], {
      baseline: 'client.ts, ts parser + one core rule',
      check: has('no-debugger', ...TLS_TS),
    }),
    ...(before
      ? [
          proc('client.ts, + tlsguard recommended (before)', withConfigBefore['eslint.ts-tlsguard.mjs'], [script, 'client.ts'], {
            baseline: 'client.ts, ts parser + one core rule',
            check: has('no-debugger', ...TLS_TS),
          }),
        ]
      : []),
  ]);
}

if (groups.has('runtime') && flags.instructions) {
  const entry = (file) => [path.join(repo, 'bench/import', file)];
  await paired('Runtime import (node <entry> in bench/import/)', [
    proc("https.mjs (import 'node:https')", importDir, entry('https.mjs')),
    proc("runtime.mjs (import 'tlsguard-runtime')", importDir, entry('runtime.mjs'), { baseline: "https.mjs (import 'node:https')" }),
    proc('call.mjs (import, one secureClientOptions)', importDir, entry('call.mjs'), { baseline: "https.mjs (import 'node:https')" }),
    proc("https.cjs (require('node:https'))", importDir, entry('https.cjs')),
    proc("runtime.cjs (require('tlsguard-runtime'))", importDir, entry('runtime.cjs'), { baseline: "https.cjs (require('node:https'))" }),
  ]);
} else if (groups.has('runtime')) {
  console.log('\nRuntime import (bench/runtime-import.mjs)');
  const r = spawnSync(process.execPath, [fileURLToPath(new URL('./runtime-import.mjs', import.meta.url)), String(rounds)], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = 1;
}
