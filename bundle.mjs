// Bundles tsc's ES module output into one module each for the plugin and for the CLI (run by
// `npm run build` after tsc). Issue 16: Node's ES module loader pays per module (resolve, stat, read,
// compile, link). The plugin is ~60 modules (rules, rule kit, analysis, policy) and the CLI ~20 more;
// loaded one by one they were most of what a one-file CLI run cost over ESLint's own CLI
// (bench/RESULTS.md has the numbers).
//
// - dist/eslint-plugin.js: the plugin (what ESLint configs, editors and the CLI import).
// - dist/src/cli/run.js: the CLI (`run(argv, io)`; bin.js imports it after enabling Node's compile
//   cache), with the plugin kept as an import of dist/eslint-plugin.js, so a run loads one copy.
//
// Everything outside the package (ESLint, typescript-eslint, typescript, semver, ignore, Node's
// built-ins) stays an import. A bundle replaces its entry file, so `import.meta.url` means the same
// directory as before. tsc's other files stay in dist/: the declaration files describe the bundles'
// exports, and --concurrency's worker threads import dist/src/cli/eslint-options.js (which imports
// the plugin bundle). test/cli/lazy-load.test.ts checks which modules a CLI run loads.
import { renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const dist = fileURLToPath(new URL('./dist/', import.meta.url));
const plugin = path.join(dist, 'eslint-plugin.js');

/** Only relative imports of the package's own files are bundled; `keep` files stay imports too. */
async function bundle(entry, keep = []) {
  const out = `${entry}.bundle.tmp`;
  const build = await rolldown({
    input: entry,
    platform: 'node',
    external: (id, importer) => {
      if (importer === undefined) return false;
      if (!id.startsWith('.') && !path.isAbsolute(id)) return true;
      return keep.includes(path.resolve(path.dirname(importer), id));
    },
    logLevel: 'warn',
  });
  await build.write({ file: out, format: 'esm', sourcemap: false });
  await build.close();
  renameSync(out, entry);
}

await bundle(plugin);
await bundle(path.join(dist, 'src/cli/run.js'), [plugin]);
