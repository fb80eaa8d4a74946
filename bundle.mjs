// Bundles the plugin's ES modules into one file, dist/eslint-plugin.js (run by `npm run build` after
// tsc). Issue 16: the plugin is ~60 modules (rules, rule kit, analysis, policy), and Node's ES module
// loader pays per module (resolve, stat, read, compile, link): importing them one by one cost about
// 50 ms of CPU, the bundle about 20 ms (bench/RESULTS.md). Everything outside the package (ESLint,
// typescript-eslint, typescript, Node's built-ins) stays an import; `import.meta.url` keeps pointing
// at dist/eslint-plugin.js, which is where tsc's output of eslint-plugin.ts sits too.
//
// tsc's per-module output stays in dist/ beside it: the declaration files describe the bundle's
// exports, and the CLI (dist/src/cli/) imports the plugin through dist/eslint-plugin.js only
// (test/cli/lazy-load.test.ts checks that no other plugin module is loaded).
import { renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const dist = fileURLToPath(new URL('./dist/', import.meta.url));
const entry = path.join(dist, 'eslint-plugin.js');
const out = path.join(dist, 'eslint-plugin.bundle.tmp.js');

const bundle = await rolldown({
  input: entry,
  platform: 'node',
  // Only the package's own modules (relative imports) go into the bundle.
  external: (id, importer) => importer !== undefined && !id.startsWith('.') && !path.isAbsolute(id),
  logLevel: 'warn',
});
await bundle.write({ file: out, format: 'esm', sourcemap: false });
await bundle.close();
renameSync(out, entry);
