#!/usr/bin/env node
// Speed benchmark (not part of `npm test`; run after `npm run build`):
//   nice -n 10 node bench/speed.mjs [--rounds 5] [--only untyped|typed] [--no-sonar] [--baseline <dist dir>]
// On the pinned corpus (bench/corpus.json, fetched by bench/corpus.mjs), in one run and alternating
// round by round (rotated order, every run in a fresh process): ESLint parse-only (typescript-eslint
// parser, zero rules) vs tlsguard's `recommended` config vs eslint-plugin-sonarjs's TLS rules
// (`unverified-certificate`, `unverified-hostname`, `weak-ssl`), untyped on the JS/TS packages and
// typed (`projectService`) on the TypeScript codebase. Reports the median/min/max of wall and CPU
// time, peak RSS, the ratios, and per-rule times (ESLint `stats`, one extra run per variant).
// eslint-plugin-sonarjs is installed outside the repo, in $SONAR_DIR (default /tmp/tlsguard-sonar).
// The last line of output is the overhead ratio.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { benchDir, corpusSpec, fetchCorpus, loadCorpus } from './corpus.mjs';
import { isTs, writeTsconfig } from './lint-setup.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const rounds = Number(opt('--rounds', 5));
const only = opt('--only', undefined);
const withSonar = !args.includes('--no-sonar');
// --baseline <dir>: also time the `recommended` config of an older build (a copy of dist/ inside the
// repo tree, e.g. bench/.corpus/baseline/dist, so its imports resolve), alternating with the current one.
const baselineDir = opt('--baseline', undefined);
const sonarDir = process.env.SONAR_DIR ?? '/tmp/tlsguard-sonar';
const SONAR_VERSION = '4.2.2';

fetchCorpus();
if (withSonar && !existsSync(join(sonarDir, 'node_modules/eslint-plugin-sonarjs/package.json'))) {
  console.error(`installing eslint-plugin-sonarjs@${SONAR_VERSION} into ${sonarDir} (outside the repo)`);
  mkdirSync(sonarDir, { recursive: true });
  execFileSync('npm', ['install', '--prefix', sonarDir, '--no-audit', '--no-fund', '--silent', `eslint-plugin-sonarjs@${SONAR_VERSION}`], { stdio: 'inherit' });
}

const corpus = loadCorpus();
const byName = new Map(corpus.map((p) => [p.name, p]));
const under = (pkg, prefixes) => pkg.files.filter((f) => prefixes.some((p) => relative(pkg.dir, f).startsWith(p)));
const untypedSpec = Object.entries(corpusSpec.speed.untyped);
const untypedFiles = untypedSpec.flatMap(([name, prefixes]) => under(byName.get(name), prefixes));
const tsPkg = byName.get(corpusSpec.speed.typed.package);
writeTsconfig(tsPkg);
const typedFiles = under(tsPkg, corpusSpec.speed.typed.include).filter(isTs);

const suites = [
  { name: 'untyped', typed: false, files: untypedFiles, label: untypedSpec.map(([n, p]) => `${n}@${byName.get(n).version} ${p.join(' ')}`).join(', ') },
  { name: 'typed', typed: true, files: typedFiles, tsconfigRootDir: tsPkg.dir, label: `${tsPkg.name}@${tsPkg.version} ${corpusSpec.speed.typed.include.join(' ')} .ts sources, projectService` },
].filter((s) => !only || s.name === only);
// sonarjs's TLS rules use no type information: compared on the untyped suite only (a typed sonarjs
// run would measure the same program creation again and add minutes on 2 cores).
const variantsOf = (suite) => ['parse', 'tlsguard', ...(baselineDir ? ['baseline'] : []), ...(withSonar && !suite.typed ? ['sonarjs'] : [])];

function run(suite, variant, stats = false) {
  const job = { variant, typed: suite.typed, stats, files: suite.files, tsconfigRootDir: suite.tsconfigRootDir, sonarDir, baselineDir };
  const out = execFileSync(process.execPath, ['--max-old-space-size=4096', join(benchDir, 'speed-worker.mjs'), JSON.stringify(job)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').at(-1));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (ms) => (ms / 1000).toFixed(2);
const pct = (r) => `${r >= 1 ? '+' : ''}${((r - 1) * 100).toFixed(1)}%`;

console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${new Date().toISOString()}`);
const overhead = {};
for (const suite of suites) {
  console.log(`\n## ${suite.name}: ${suite.files.length} files (${suite.label})`);
  const variants = variantsOf(suite);
  const samples = Object.fromEntries(variants.map((v) => [v, []]));
  let problems = {};
  // `rounds` rounds, every variant once per round, the order rotated each round (the corpus files
  // are in the page cache after bench/run-corpus.mjs or the first round).
  for (let r = 0; r < rounds; r++) {
    const order = variants.map((_, i) => variants[(i + r) % variants.length]);
    for (const v of order) {
      const res = run(suite, v);
      if (res.fatal) throw new Error(`${suite.name}/${v}: ${res.fatal} fatal messages`);
      problems[v] = res.problems;
      samples[v].push(res);
      process.stderr.write(`  ${suite.name} ${v} round ${r + 1}: wall ${fmt(res.wallMs)}s cpu ${fmt(res.cpuMs)}s rss ${res.maxRssMB.toFixed(0)}MB\n`);
    }
  }
  const base = { wall: median(samples.parse.map((s) => s.wallMs)), cpu: median(samples.parse.map((s) => s.cpuMs)) };
  console.log('| variant | wall median s (min-max) | CPU median s (min-max) | wall ratio | CPU ratio | peak RSS MB (max) | problems |');
  console.log('|---|---|---|---|---|---|---|');
  for (const v of variants) {
    const w = samples[v].map((s) => s.wallMs);
    const c = samples[v].map((s) => s.cpuMs);
    const mw = median(w);
    const mc = median(c);
    console.log(
      `| ${v} | ${fmt(mw)} (${fmt(Math.min(...w))}-${fmt(Math.max(...w))}) | ${fmt(mc)} (${fmt(Math.min(...c))}-${fmt(Math.max(...c))}) | ${(mw / base.wall).toFixed(3)} | ${(mc / base.cpu).toFixed(3)} | ${Math.max(...samples[v].map((s) => s.maxRssMB)).toFixed(0)} | ${problems[v]} |`,
    );
    if (v !== 'parse') overhead[`${suite.name} ${v}`] = { wall: mw / base.wall, cpu: mc / base.cpu };
  }
  // Per-rule times (ESLint `stats`, like TIMING=1): one extra run per rule variant.
  for (const v of variants.filter((x) => x !== 'parse')) {
    const res = run(suite, v, true);
    const rows = Object.entries(res.ruleMs).sort((a, b) => b[1] - a[1]);
    const rulesTotal = rows.reduce((n, [, t]) => n + t, 0);
    console.log(`\n${v} (${suite.name}), stats run: parse ${fmt(res.parseMs)}s, rules ${(rulesTotal).toFixed(0)}ms = ${((rulesTotal / res.totalMs) * 100).toFixed(2)}% of lint time`);
    console.log('| rule | ms | % of lint time |');
    console.log('|---|---:|---:|');
    for (const [id, t] of rows) console.log(`| ${id} | ${t.toFixed(1)} | ${((t / res.totalMs) * 100).toFixed(2)}% |`);
  }
}
console.log('');
const line = (v) =>
  suites
    .filter((s) => overhead[`${s.name} ${v}`])
    .map((s) => [s.name, overhead[`${s.name} ${v}`]])
    .map(([name, o]) => `${name} ${o.cpu.toFixed(3)} (${pct(o.cpu)} CPU; wall ${o.wall.toFixed(3)})`)
    .join(', ');
if (withSonar) console.log(`sonarjs TLS rules / parse-only, median CPU: ${line('sonarjs')}`);
console.log(`overhead ratio tlsguard recommended / parse-only, median CPU: ${line('tlsguard')}`);
