#!/usr/bin/env node
// What scanning the config files (issue 14) adds to a CLI run (not part of `npm test`; run after
// `npm run build`): nice -n 10 node bench/config-files.mjs [--pairs 7]
// Two temp copies of one tree: A = this repository's `src/`, `rules/` and `test/` TypeScript
// (the JS/TS a scan lints), B = A plus a typical set of config files (package.json, .env files,
// Dockerfiles, compose, two workflows, GitLab CI, .npmrc, .yarnrc, .yarnrc.yml, from
// fixtures/config-files). The built CLI (`--no-types`, the cheaper baseline, so the ratio is the
// larger one) runs on A and B alternately, a fresh process each, under /usr/bin/time; the figure
// is the median of the paired CPU-time (user + system) ratios B/A: on the shared machine wall time
// mostly measures the other load. The last line of output is that ratio.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'dist/src/cli/bin.js');
const args = process.argv.slice(2);
const pairs = Number(args.includes('--pairs') ? args[args.indexOf('--pairs') + 1] : 7);

const base = mkdtempSync(join(tmpdir(), 'tlsguard-bench-config-'));
const a = join(base, 'a');
const b = join(base, 'b');
for (const dir of [a, b]) for (const part of ['src', 'rules', 'test']) cpSync(join(root, part), join(dir, part), { recursive: true });
const count = (dir) => readdirSync(dir, { recursive: true }).filter((f) => statSync(join(dir, f)).isFile()).length;
for (const twin of ['insecure-project', 'safe-project']) cpSync(join(root, 'fixtures/config-files', twin), join(b, 'deploy', twin), { recursive: true });
writeFileSync(join(a, '.gitignore'), '');
writeFileSync(join(b, '.gitignore'), '');

/** CPU milliseconds (user + system) of one CLI run in `dir`. */
const time = (dir) => {
  let stderr;
  try {
    stderr = execFileSync('/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, bin, '--no-types', '--format', 'json', '--output', join(base, 'out.json')], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
  } catch (error) {
    // exit 1: findings (the insecure twin); the time is what matters
    stderr = error.stderr;
  }
  const m = /cpu (\S+) (\S+)/.exec(stderr);
  if (!m) throw new Error(`no time in: ${stderr}`);
  return (Number(m[1]) + Number(m[2])) * 1000;
};

time(a);
time(b); // warm the file cache
const ratios = [];
const ta = [];
const tb = [];
for (let i = 0; i < pairs; i++) {
  const first = i % 2 === 0;
  const x = first ? time(a) : undefined;
  const y = time(b);
  const z = first ? x : time(a);
  ta.push(z);
  tb.push(y);
  ratios.push(y / z);
}
const median = (v) => [...v].sort((p, q) => p - q)[Math.floor(v.length / 2)];
console.log(`A: ${count(a)} files (JS/TS); B: ${count(b)} files (A + ${count(b) - count(a)} in deploy/, config files and two server.js)`);
console.log(`CPU: A median ${median(ta).toFixed(0)} ms, B median ${median(tb).toFixed(0)} ms over ${pairs} pairs`);
console.log(`ratios: ${ratios.map((r) => r.toFixed(3)).join(' ')}`);
rmSync(base, { recursive: true, force: true });
console.log(`config files add: ${((median(ratios) - 1) * 100).toFixed(1)}% (median paired ratio ${median(ratios).toFixed(3)})`);
