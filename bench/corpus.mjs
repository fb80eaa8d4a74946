#!/usr/bin/env node
// Fetch the pinned real-world corpus (bench/corpus.json) with `npm pack` into bench/.corpus/
// (git-ignored) and unpack it there. Idempotent: a package already unpacked is kept.
// Exports `loadCorpus()` for the corpus run and the speed benchmark.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = dirname(fileURLToPath(import.meta.url));
export const corpusDir = join(benchDir, '.corpus');
export const corpusSpec = JSON.parse(readFileSync(join(benchDir, 'corpus.json'), 'utf8'));

const SOURCE = /\.(?:[cm]?js|[cm]?ts|tsx|jsx)$/;
const DECLARATION = /\.d\.[cm]?ts$/;

/** The folder a pinned package is unpacked into, under `root` (default: bench/.corpus/). */
export function packageDir(pkg, root = corpusDir) {
  return join(root, `${pkg.name.replace('/', '__')}@${pkg.version}`);
}

/**
 * `npm pack` each `{ name, version }` of `packages` into `root` and unpack it there (one folder per
 * package, see packageDir). Idempotent: a package already unpacked is kept.
 */
export function fetchPackages(packages, root, { quiet = false } = {}) {
  mkdirSync(root, { recursive: true });
  for (const pkg of packages) {
    const dir = packageDir(pkg, root);
    if (existsSync(join(dir, 'package.json'))) continue;
    if (!quiet) console.error(`fetching ${pkg.name}@${pkg.version}`);
    const tmp = `${dir}.tmp`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    execFileSync('npm', ['pack', `${pkg.name}@${pkg.version}`, '--silent', '--pack-destination', tmp], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const file = join(
      tmp,
      readdirSync(tmp).find((f) => f.endsWith('.tgz')),
    );
    execFileSync('tar', ['-xzf', file, '-C', tmp], { stdio: 'inherit' });
    rmSync(dir, { recursive: true, force: true });
    // Most tarballs unpack into `package/`; a few (e.g. @types) use another single top folder.
    const top = readdirSync(tmp).find((f) => !f.endsWith('.tgz'));
    renameSync(join(tmp, top), dir);
    rmSync(tmp, { recursive: true, force: true });
  }
}

export function fetchCorpus({ quiet = false } = {}) {
  fetchPackages(corpusSpec.packages, corpusDir, { quiet });
}

function walk(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (entry.isFile() && SOURCE.test(entry.name) && !DECLARATION.test(entry.name)) out.push(p);
  }
  return out;
}

/** Every package of the corpus with its absolute source file list (sorted, deterministic). */
export function loadCorpus() {
  return corpusSpec.packages.map((pkg) => {
    const dir = packageDir(pkg);
    const all = walk(dir, []).sort();
    const files = all.filter((f) => {
      const rel = relative(dir, f);
      return pkg.include.some((p) => (p === '' || p.endsWith('/') ? rel.startsWith(p) : rel === p));
    });
    return { ...pkg, dir, files, bytes: files.reduce((n, f) => n + statSync(f).size, 0) };
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  fetchCorpus();
  let total = 0;
  for (const pkg of loadCorpus()) {
    const ts = pkg.files.filter((f) => /\.[cm]?tsx?$/.test(f)).length;
    total += pkg.files.length;
    console.log(`${pkg.name}@${pkg.version}: ${pkg.files.length} files (${ts} TS, ${pkg.files.length - ts} JS), ${(pkg.bytes / 1024).toFixed(0)} KiB`);
  }
  console.log(`total: ${total} files`);
}
