#!/usr/bin/env node
// What scanning the config files (issue 14) adds to a CLI run (not part of `npm test`; run after
// `npm run build`):
//   nice -n 10 node bench/config-files.mjs [--pairs 7] [--tree repo|small]
//   node bench/config-files.mjs --instructions [--reps 5] [--jobs 2] [--tree small|repo] [--no-predictable]
// Two temp copies of one tree, the same JS/TS in both: B = the JS/TS plus a typical set of config
// files (package.json, .env files, Dockerfile, compose, a workflow, GitLab CI, .npmrc, .yarnrc,
// .yarnrc.yml, from fixtures/config-files), A = B with those config files left out (the fixtures'
// `server.js` files stay in A). Trees:
// - `repo`: this repository's `src/`, `rules/` and `test/` TypeScript, both fixture twins
//   (insecure-project, safe-project) under `deploy/`;
// - `small`: a small JavaScript repository, the `lib/` code of three installed TLS clients
//   (ws, pg, amqplib; 46 files) with one of each config kind at its root (the insecure twin).
//   JavaScript is parsed by espree, far cheaper than the TypeScript of `repo`, and the fixed cost
//   of the config-file path is shared by fewer files: the larger of the two ratios.
// The built CLI (`--no-types`, the cheaper baseline, so the ratio is the larger one) runs on A and
// B alternately, a fresh process each.
// - Default: CPU time (user + system) of each run under /usr/bin/time; the figure is the median
//   of the paired ratios B/A (on the shared machine wall time mostly measures the other load).
// - `--instructions`: each run under `valgrind --tool=callgrind` (about 50x slower), which counts
//   the instructions executed by all threads of the process ("Collected : N"), a number the
//   machine's load does not move; `--jobs` runs that many at once (the counts do not depend on
//   it). Node runs with `--predictable` (V8: no background threads, fixed GC schedule and seeds),
//   which leaves the work the same but makes the count more repeatable (about 1% between runs
//   here, one outlier 2.6%); `--no-predictable` measures node as users run it (counts then vary
//   by up to 6%: concurrent compilation and GC threads). The figure is the ratio of the medians B/A, with the min-max of the paired ratios.
// The last line of output is the ratio.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { instructionCount as countInstructions } from './callgrind.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'dist/src/cli/bin.js');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const instructions = args.includes('--instructions');
const predictable = !args.includes('--no-predictable');
const pairs = Number(option('--pairs', 7));
const reps = Number(option('--reps', 5));
const jobs = Number(option('--jobs', 2));
const tree = option('--tree', instructions ? 'small' : 'repo');
if (tree !== 'repo' && tree !== 'small') throw new Error(`--tree repo|small, not ${tree}`);

const base = mkdtempSync(join(tmpdir(), 'tlsguard-bench-config-'));
const a = join(base, 'a');
const b = join(base, 'b');
const fixtures = join(root, 'fixtures/config-files');
/** Copy `from` to `to`, with only the `.js` files of `from` when `jsOnly`. */
const copy = (from, to, jsOnly) => cpSync(from, to, { recursive: true, filter: (f) => !jsOnly || statSync(f).isDirectory() || f.endsWith('.js') });
for (const dir of [a, b]) {
  const withConfig = dir === b;
  if (tree === 'repo') {
    for (const part of ['src', 'rules', 'test']) copy(join(root, part), join(dir, part), false);
    for (const twin of ['insecure-project', 'safe-project']) copy(join(fixtures, twin), join(dir, 'deploy', twin), !withConfig);
  } else {
    for (const pkg of ['ws', 'pg', 'amqplib']) copy(join(root, 'node_modules', pkg, 'lib'), join(dir, 'lib', pkg), false);
    copy(join(fixtures, 'insecure-project'), dir, !withConfig);
  }
  writeFileSync(join(dir, '.gitignore'), '');
}
const count = (dir) => readdirSync(dir, { recursive: true }).filter((f) => statSync(join(dir, f)).isFile() && f !== '.gitignore').length;
const cliArgs = (out) => [bin, '--no-types', '--format', 'json', '--output', out];

/** The CLI's exit code 1 means findings (the insecure twin); what matters is the measure. */
const stderrOf = (error, stderr) => {
  if (error && error.code !== 1) throw new Error(`CLI run failed (${error.code}): ${stderr}`);
  return stderr;
};

/** CPU and wall milliseconds of one CLI run in `dir`. */
const time = (dir) => {
  let stderr;
  try {
    stderr = execFileSync('/usr/bin/time', ['-f', 'cpu %U %S %e', process.execPath, ...cliArgs(join(base, 'out.json'))], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
  } catch (error) {
    stderr = stderrOf(error.status === 1 ? { code: 1 } : error, error.stderr);
  }
  const m = /cpu (\S+) (\S+) (\S+)/.exec(stderr);
  if (!m) throw new Error(`no time in: ${stderr}`);
  return { cpu: (Number(m[1]) + Number(m[2])) * 1000, wall: Number(m[3]) * 1000 };
};

/** Instructions executed by one CLI run in `dir` (callgrind's total over all threads; exit 1 = findings). */
const instructionCount = (dir, i) => countInstructions(cliArgs(join(base, `out-${i}.json`)), { cwd: dir, predictable, okStatus: [0, 1] });

const median = (v) => {
  const s = [...v].sort((p, q) => p - q);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const spread = (v) => `${((Math.max(...v) / Math.min(...v) - 1) * 100).toFixed(2)}%`;
console.log(`tree ${tree}. A: ${count(a)} files; B: ${count(b)} files (A + ${count(b) - count(a)} config files)`);

let ratio;
if (instructions) {
  // Runs in order A, B, A, B... (`jobs` at a time); pair k = (A_k, B_k).
  const runs = Array.from({ length: 2 * reps }, (_, i) => ({ dir: i % 2 === 0 ? a : b, i }));
  const counts = new Array(runs.length);
  let next = 0;
  const worker = async () => {
    while (next < runs.length) {
      const run = runs[next++];
      counts[run.i] = await instructionCount(run.dir, run.i);
      process.stderr.write(`${run.dir === a ? 'A' : 'B'} ${counts[run.i]}\n`);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
  const ia = counts.filter((_, i) => i % 2 === 0);
  const ib = counts.filter((_, i) => i % 2 === 1);
  const ratios = ia.map((x, k) => ib[k] / x);
  ratio = median(ib) / median(ia);
  const g = (n) => (n / 1e9).toFixed(3);
  console.log(`node ${process.version}${predictable ? ' --predictable' : ''}, ${reps} runs each under callgrind`);
  console.log(`instructions (1e9): A ${ia.map(g).join(' ')}; B ${ib.map(g).join(' ')}`);
  console.log(`A median ${g(median(ia))} (spread ${spread(ia)}), B median ${g(median(ib))} (spread ${spread(ib)})`);
  console.log(`paired ratios: ${ratios.map((r) => r.toFixed(4)).join(' ')}`);
  rmSync(base, { recursive: true, force: true });
  console.log(
    `config files add: ${((ratio - 1) * 100).toFixed(2)}% of instructions (ratio of medians ${ratio.toFixed(4)}, paired ${Math.min(...ratios).toFixed(4)}-${Math.max(...ratios).toFixed(4)})`,
  );
} else {
  time(a);
  time(b); // warm the file cache
  const runs = { a: [], b: [] };
  for (let i = 0; i < pairs; i++) {
    const first = i % 2 === 0;
    const x = first ? time(a) : undefined;
    const y = time(b);
    const z = first ? x : time(a);
    runs.a.push(z);
    runs.b.push(y);
  }
  const ratiosOf = (k) => runs.a.map((x, i) => runs.b[i][k] / x[k]);
  const summary = (k) => {
    const r = ratiosOf(k);
    const ms = (v) => median(v.map((t) => t[k])).toFixed(0);
    return `${k}: A median ${ms(runs.a)} ms, B median ${ms(runs.b)} ms; paired ratios ${r.map((x) => x.toFixed(3)).join(' ')}`;
  };
  console.log(`${pairs} pairs`);
  console.log(summary('cpu'));
  console.log(summary('wall'));
  const cpu = ratiosOf('cpu');
  const wall = ratiosOf('wall');
  ratio = median(cpu);
  rmSync(base, { recursive: true, force: true });
  const range = (r) => `${Math.min(...r).toFixed(3)}-${Math.max(...r).toFixed(3)}`;
  console.log(
    `config files add: ${((ratio - 1) * 100).toFixed(1)}% of CPU time (median paired ratio ${ratio.toFixed(3)}, ${range(cpu)}; wall ${median(wall).toFixed(3)}, ${range(wall)})`,
  );
}
