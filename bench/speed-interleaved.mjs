// Interleaved timing for bench/speed.mjs, in one process: every file is linted by every variant in
// turn (the order rotates file by file), each `Linter#verify` call timed with process.cpuUsage()
// and performance.now(). Load from other processes on the machine then hits all variants alike,
// which fresh-process runs on shared cores cannot promise. `passes` passes over the files; totals
// per pass and variant. Typed: the TypeScript program is created once (by a warm-up parse of the
// first file, reported separately) and shared by the variants, so these are per-file costs.
// Argument: JSON { variants: string[], typed, files, passes, tsconfigRootDir?, sonarDir?, baselineDir? }.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Linter } from 'eslint';
import { corpusDir } from './corpus.mjs';
import { FLOOR, eslintConfig, sourceTypeOf } from './lint-setup.mjs';

const job = JSON.parse(process.argv[2]);

async function rulesFor(variant) {
  if (variant === 'parse') return undefined;
  if (variant === 'floor') return FLOOR;
  if (variant === 'tlsguard' || variant === 'baseline') {
    const dir = variant === 'baseline' ? job.baselineDir : (job.pluginDir ?? new URL('../dist/', import.meta.url).pathname);
    return (await import(pathToFileURL(join(dir, 'eslint-plugin.js')).href)).default.configs.recommended;
  }
  const m = createRequire(join(job.sonarDir, 'package.json'))('eslint-plugin-sonarjs');
  return {
    plugins: { sonarjs: m.default ?? m },
    rules: { 'sonarjs/unverified-certificate': 'error', 'sonarjs/unverified-hostname': 'error', 'sonarjs/weak-ssl': 'error' },
  };
}

const rules = {};
for (const v of job.variants) rules[v] = await rulesFor(v);
// `Linter#verify` with a plain config array builds and validates a FlatConfigArray on every call
// (for a plugin config that is a schema validation of every rule's options, per file); the ESLint
// class computes a file's config once. Normalise once here, as the CLI does. FlatConfigArray is not
// in eslint's public exports: loaded by file path.
const require = createRequire(import.meta.url);
const { FlatConfigArray } = require(join(dirname(require.resolve('eslint')), 'config', 'flat-config-array.js'));
const configs = new Map();
const configFor = (variant, sourceType) => {
  const key = `${variant}:${sourceType}`;
  if (!configs.has(key)) {
    const array = new FlatConfigArray(eslintConfig({ sourceType, typed: job.typed, tsconfigRootDir: job.tsconfigRootDir, rules: rules[variant] }), {
      basePath: corpusDir,
    });
    array.normalizeSync();
    configs.set(key, array);
  }
  return configs.get(key);
};

const linter = new Linter({ cwd: corpusDir });
const texts = job.files.map((f) => [f, readFileSync(f, 'utf8'), sourceTypeOf(f)]);

let programMs;
{
  const [f, text, st] = texts[0];
  const c0 = process.cpuUsage();
  linter.verify(text, configFor('parse', st), { filename: f });
  const c = process.cpuUsage(c0);
  programMs = (c.user + c.system) / 1000;
}

// Warm-up (JIT, lazy module loads), not counted: the first 20 files through every variant.
for (const [f, text, st] of texts.slice(0, 20)) for (const v of job.variants) linter.verify(text, configFor(v, st), { filename: f });

const passes = [];
let problems = Object.fromEntries(job.variants.map((v) => [v, 0]));
for (let p = 0; p < job.passes; p++) {
  const cpu = Object.fromEntries(job.variants.map((v) => [v, 0]));
  const wall = Object.fromEntries(job.variants.map((v) => [v, 0]));
  texts.forEach(([f, text, st], i) => {
    const n = job.variants.length;
    for (let k = 0; k < n; k++) {
      const v = job.variants[(i + p + k) % n];
      const config = configFor(v, st);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const messages = linter.verify(text, config, { filename: f });
      wall[v] += performance.now() - t0;
      const c = process.cpuUsage(c0);
      cpu[v] += (c.user + c.system) / 1000;
      if (messages.some((m) => m.fatal)) throw new Error(`fatal in ${f} (${v})`);
      if (p === 0) problems[v] += messages.filter((m) => /^(tlsguard|sonarjs)\//.test(m.ruleId ?? '')).length;
    }
  });
  passes.push({ cpu, wall });
  process.stderr.write(`  pass ${p + 1}: ${job.variants.map((v) => `${v} ${(cpu[v] / 1000).toFixed(2)}s`).join(', ')}\n`);
}
console.log(JSON.stringify({ programMs, passes, problems, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
