#!/usr/bin/env node
// Speed benchmark (not part of `npm test`; run after `npm run build`):
//   nice -n 10 node bench/speed.mjs [--rounds 5] [--only untyped|typed] [--no-sonar] [--baseline <dist dir>] [--plugin <dist dir>]
// On the pinned corpus (bench/corpus.json `speed`, fetched by bench/corpus.mjs), in one run:
// ESLint parse-only (typescript-eslint parser, zero rules) vs the one-rule floor (core `no-debugger`:
// what ESLint costs as soon as any rule is on) vs tlsguard's `recommended` config vs
// eslint-plugin-sonarjs's TLS rules (`unverified-certificate`, `unverified-hostname`, `weak-ssl`),
// untyped on the TLS client packages and typed (`projectService`) on the TypeScript codebase.
// 1. Interleaved timing (bench/speed-interleaved.mjs): one process, every file through every variant
//    in turn, `--rounds` passes; median/min/max of the pass totals (CPU and wall) and of the ratios.
//    This is the overhead figure: the machine's load hits all variants alike.
// 2. End to end, a fresh process per variant (bench/speed-worker.mjs, ESLint#lintFiles): peak RSS,
//    and for typed linting the cost including the creation of the TypeScript program.
// 3. Per-rule times (ESLint `stats`, what TIMING=1 prints): one extra run per rule variant.
// eslint-plugin-sonarjs is installed outside the repo, in $SONAR_DIR (default /tmp/tlsguard-sonar).
// --baseline <dir>: also time the `recommended` config of an older build (a copy of dist/ inside the
// repo tree, e.g. bench/.corpus/baseline/dist, so its imports resolve), alternating with the current one.
// The last line of output is the overhead ratio.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { benchDir, corpusSpec, fetchCorpus, loadCorpus } from './corpus.mjs';
import { isTs, writeTsconfig } from './lint-setup.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const rounds = Number(opt('--rounds', 5));
const only = opt('--only', undefined);
const withSonar = !args.includes('--no-sonar');
const baselineDir = opt('--baseline', undefined);
// --plugin <dir>: the build measured as `tlsguard` (default dist/); a snapshot keeps a long run on one build.
const pluginDir = opt('--plugin', undefined);
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
  {
    name: 'typed',
    typed: true,
    files: typedFiles,
    tsconfigRootDir: tsPkg.dir,
    label: `${tsPkg.name}@${tsPkg.version} ${corpusSpec.speed.typed.include.join(' ')} .ts sources, projectService`,
  },
].filter((s) => !only || s.name === only);
// sonarjs's TLS rules use no type information: compared on the untyped suite only.
const variantsOf = (suite) => ['parse', 'floor', 'tlsguard', ...(baselineDir ? ['baseline'] : []), ...(withSonar && !suite.typed ? ['sonarjs'] : [])];

function child(script, job) {
  const out = execFileSync(process.execPath, ['--max-old-space-size=4096', join(benchDir, script), JSON.stringify(job)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').at(-1));
}
const common = (suite) => ({ typed: suite.typed, files: suite.files, tsconfigRootDir: suite.tsconfigRootDir, sonarDir, baselineDir, pluginDir });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const s2 = (ms) => (ms / 1000).toFixed(2);
const r3 = (x) => x.toFixed(3);
const pct = (r) => `${r >= 1 ? '+' : ''}${((r - 1) * 100).toFixed(1)}%`;
const mmm = (xs, f) => `${f(median(xs))} (${f(Math.min(...xs))}-${f(Math.max(...xs))})`;

console.log(
  `machine: ${cpus().length} x ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; start ${new Date().toISOString()}, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
const overhead = {};
for (const suite of suites) {
  const variants = variantsOf(suite);
  console.log(`\n## ${suite.name}: ${suite.files.length} files (${suite.label})`);

  // 1. Interleaved.
  const inter = child('speed-interleaved.mjs', { ...common(suite), variants, passes: rounds });
  console.log(`\ninterleaved, ${rounds} passes${suite.typed ? ` (program creation before the passes: ${s2(inter.programMs)}s CPU)` : ''}:`);
  console.log(
    '| variant | CPU s median (min-max) | wall s median (min-max) | CPU ratio median (min-max) | wall ratio median | CPU ratio to floor median (min-max) | problems |',
  );
  console.log('|---|---|---|---|---|---|---:|');
  for (const v of variants) {
    const cpu = inter.passes.map((p) => p.cpu[v]);
    const wall = inter.passes.map((p) => p.wall[v]);
    const ratio = inter.passes.map((p) => p.cpu[v] / p.cpu.parse);
    const wallRatio = inter.passes.map((p) => p.wall[v] / p.wall.parse);
    const floorRatio = inter.passes.map((p) => p.cpu[v] / p.cpu.floor);
    console.log(
      `| ${v} | ${mmm(cpu, s2)} | ${mmm(wall, s2)} | ${mmm(ratio, r3)} | ${r3(median(wallRatio))} | ${v === 'parse' ? '' : mmm(floorRatio, r3)} | ${inter.problems[v]} |`,
    );
    if (v !== 'parse')
      overhead[`${suite.name} ${v}`] = {
        cpu: median(ratio),
        min: Math.min(...ratio),
        max: Math.max(...ratio),
        wall: median(wallRatio),
        floor: median(floorRatio),
      };
  }

  // 2. End to end, fresh process per variant (peak RSS; typed: including program creation).
  console.log('\nend to end, one fresh process per variant (ESLint#lintFiles):');
  console.log('| variant | CPU s | wall s | peak RSS MB |');
  console.log('|---|---:|---:|---:|');
  for (const v of variants) {
    const res = child('speed-worker.mjs', { ...common(suite), variant: v, stats: false });
    if (res.fatal) throw new Error(`${suite.name}/${v}: ${res.fatal} fatal messages`);
    console.log(`| ${v} | ${s2(res.cpuMs)} | ${s2(res.wallMs)} | ${res.maxRssMB.toFixed(0)} |`);
  }

  // 3. Per-rule times (ESLint stats).
  for (const v of variants.filter((x) => x !== 'parse')) {
    const res = child('speed-worker.mjs', { ...common(suite), variant: v, stats: true });
    const rows = Object.entries(res.ruleMs).sort((a, b) => b[1] - a[1]);
    const rulesTotal = rows.reduce((n, [, t]) => n + t, 0);
    console.log(
      `\n${v} (${suite.name}) per-rule times, stats run: parse ${s2(res.parseMs)}s, all rules ${rulesTotal.toFixed(0)} ms = ${((rulesTotal / res.totalMs) * 100).toFixed(2)}% of lint time`,
    );
    console.log('| rule | ms | % of lint time |');
    console.log('|---|---:|---:|');
    for (const [id, t] of rows) console.log(`| ${id} | ${t.toFixed(1)} | ${((t / res.totalMs) * 100).toFixed(2)}% |`);
  }
}
console.log(
  `\nend ${new Date().toISOString()}, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
const line = (v) =>
  suites
    .filter((s) => overhead[`${s.name} ${v}`])
    .map((s) => [s.name, overhead[`${s.name} ${v}`]])
    .map(([name, o]) => `${name} ${r3(o.cpu)} (${pct(o.cpu)}; passes ${r3(o.min)}-${r3(o.max)}; ${pct(o.floor)} over the one-rule floor)`)
    .join(', ');
if (baselineDir) console.log(`baseline build / parse-only, median CPU per pass: ${line('baseline')}`);
if (withSonar) console.log(`sonarjs TLS rules / parse-only, median CPU per pass: ${line('sonarjs')}`);
console.log(`overhead ratio tlsguard recommended / parse-only, median CPU per pass: ${line('tlsguard')}`);
