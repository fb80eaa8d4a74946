// What a process pays for importing the runtime (issue 16): whole-process wall time of
// `node <entry>` for the entry files in bench/import/ (each a one-line program):
//   https.mjs    import 'node:https'                       the ES module baseline
//   runtime.mjs  import 'tlsguard-runtime'                 the runtime package, ES module entry
//   call.mjs     import, then one secureClientOptions({ host })
//   plugin.mjs   import 'eslint-plugin-tlsguard/runtime'   the plugin's re-export
//   https.cjs / runtime.cjs / call.cjs                    the same with require (CommonJS entry)
// Files rather than `node -e`: an ES module program pays for loading its first file anyway, and
// the baseline must pay it too. Paired: the variants run in turn, round by round (order rotating),
// so the machine's load falls on all alike; each ratio is the median of the per-round ratios to
// the baseline of the same module system in the same round.
//
// Run after `npm run build`:  node bench/runtime-import.mjs [rounds, default 40]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('./import/', import.meta.url));
const rounds = Number.parseInt(process.argv[2] ?? '40', 10);

const variants = {
  'https.mjs': 'https.mjs',
  'runtime.mjs': 'https.mjs',
  'call.mjs': 'https.mjs',
  'plugin.mjs': 'https.mjs',
  'https.cjs': 'https.cjs',
  'runtime.cjs': 'https.cjs',
  'call.cjs': 'https.cjs',
};
const names = Object.keys(variants);

function once(file) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [file], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${file}: ${r.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

for (const name of names) once(name); // warm the file system cache
const times = Object.fromEntries(names.map((n) => [n, []]));
for (let i = 0; i < rounds; i++) {
  const order = names.map((_, j) => names[(i + j) % names.length]);
  for (const name of order) times[name].push(once(name));
}

console.log(`node ${process.version}, ${rounds} rounds, whole-process wall time (ms)`);
console.log('entry         median    min    max  ratio to its baseline (median of per-round ratios)');
for (const name of names) {
  const ratios = times[name].map((t, i) => t / times[variants[name]][i]);
  const row = [
    name.padEnd(12),
    median(times[name]).toFixed(1).padStart(7),
    Math.min(...times[name])
      .toFixed(1)
      .padStart(6),
    Math.max(...times[name])
      .toFixed(1)
      .padStart(6),
    median(ratios).toFixed(3).padStart(7),
  ];
  console.log(row.join('  '));
}
