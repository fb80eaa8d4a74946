// One timed ESLint run of bench/speed.mjs, in a fresh process (so the typed runs do not share a
// warm TypeScript program and peak memory is per run). Argument: JSON
// { variant: 'parse' | 'floor' | 'tlsguard' | 'baseline' | 'sonarjs', typed: boolean, stats: boolean, files: string[], tsconfigRootDir?,
// sonarDir?, baselineDir? }. `baseline`: the recommended config of another build of the plugin (a copy of an
// older dist/), for before/after numbers in the same run.
// Prints one JSON line: wall and CPU time of lintFiles, peak RSS, problems, per-rule times.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { corpusDir } from './corpus.mjs';
import { FLOOR, eslintConfig } from './lint-setup.mjs';

const job = JSON.parse(process.argv[2]);

/** `sourceType` by the nearest package.json `type`, as a few directory globs (deeper ones last). */
function moduleTypeConfigs(files) {
  const roots = new Map();
  for (const file of files) {
    for (let dir = dirname(file); dir.startsWith(corpusDir) && dir !== corpusDir; dir = dirname(dir)) {
      if (roots.has(dir)) break;
      const pj = join(dir, 'package.json');
      if (!existsSync(pj)) continue;
      let type = 'commonjs';
      try {
        if (JSON.parse(readFileSync(pj, 'utf8')).type === 'module') type = 'module';
      } catch {}
      roots.set(dir, type);
    }
  }
  return [...roots]
    .sort((a, b) => a[0].length - b[0].length)
    .map(([dir, sourceType]) => ({ files: [`${relative(corpusDir, dir)}/**/*.js`], languageOptions: { sourceType, parserOptions: { sourceType } } }));
}

async function rulesConfig() {
  if (job.variant === 'parse') return undefined;
  if (job.variant === 'floor') return FLOOR;
  if (job.variant === 'tlsguard' || job.variant === 'baseline') {
    const dir = job.variant === 'baseline' ? job.baselineDir : (job.pluginDir ?? new URL('../dist/', import.meta.url).pathname);
    const plugin = (await import(pathToFileURL(join(dir, 'eslint-plugin.js')).href)).default;
    return plugin.configs.recommended;
  }
  const sonarModule = createRequire(join(job.sonarDir, 'package.json'))('eslint-plugin-sonarjs');
  const sonar = sonarModule.default ?? sonarModule;
  return {
    plugins: { sonarjs: sonar },
    rules: { 'sonarjs/unverified-certificate': 'error', 'sonarjs/unverified-hostname': 'error', 'sonarjs/weak-ssl': 'error' },
  };
}

const rules = await rulesConfig();
const base = eslintConfig({ sourceType: 'module', typed: job.typed, tsconfigRootDir: job.tsconfigRootDir, rules });
const overrideConfig = [
  base[0],
  { files: ['**/*.cjs', '**/*.cts'], languageOptions: { sourceType: 'commonjs', parserOptions: { sourceType: 'commonjs' } } },
  ...moduleTypeConfigs(job.files.filter((f) => f.endsWith('.js'))),
  ...base.slice(1),
];
const eslint = new ESLint({ cwd: corpusDir, overrideConfigFile: true, overrideConfig, ignore: false, cache: false, stats: job.stats, warnIgnored: false });

const c0 = process.cpuUsage();
const t0 = performance.now();
const results = await eslint.lintFiles(job.files);
const wallMs = performance.now() - t0;
const cpu = process.cpuUsage(c0);

let problems = 0;
let fatal = 0;
const ruleMs = {};
let parseMs = 0;
let totalMs = 0;
for (const r of results) {
  for (const m of r.messages) {
    if (m.fatal) fatal++;
    else if (m.ruleId && /^(tlsguard|sonarjs)\//.test(m.ruleId)) problems++;
  }
  for (const pass of r.stats?.times.passes ?? []) {
    parseMs += pass.parse?.total ?? 0;
    totalMs += pass.total ?? 0;
    for (const [id, t] of Object.entries(pass.rules ?? {})) ruleMs[id] = (ruleMs[id] ?? 0) + t.total;
  }
}
console.log(
  JSON.stringify({
    files: results.length,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    problems,
    fatal,
    ...(job.stats ? { parseMs, totalMs, ruleMs } : {}),
  }),
);
