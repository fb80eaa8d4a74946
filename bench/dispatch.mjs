#!/usr/bin/env node
// Deterministic companion of bench/speed.mjs: what tlsguard asks of ESLint per file, counted rather
// than timed, so it does not depend on the machine's load. For each build given (dist directories,
// default dist/) and each speed suite (bench/corpus.json `speed`), the `recommended` config is run
// once over the files and it prints: how many (rule, file) pairs set up listeners at all (the per-file
// gates of src/analysis/gate.ts return none), how many selectors were registered, how many times a
// listener was called, and the time spent in the rules' create().
//   node bench/dispatch.mjs [<dist dir> ...]
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Linter } from 'eslint';
import * as parser from '@typescript-eslint/parser';
import { corpusDir, corpusSpec, fetchCorpus, loadCorpus } from './corpus.mjs';
import { FILES, isTs, sourceTypeOf } from './lint-setup.mjs';

const dirs = process.argv.length > 2 ? process.argv.slice(2) : [new URL('../dist/', import.meta.url).pathname];
fetchCorpus({ quiet: true });
const byName = new Map(loadCorpus().map((p) => [p.name, p]));
const under = (pkg, prefixes) => pkg.files.filter((f) => prefixes.some((p) => relative(pkg.dir, f).startsWith(p)));
const suites = {
  untyped: Object.entries(corpusSpec.speed.untyped).flatMap(([n, prefixes]) => under(byName.get(n), prefixes)),
  typed: under(byName.get(corpusSpec.speed.typed.package), corpusSpec.speed.typed.include).filter(isTs),
};

for (const dir of dirs) {
  const plugin = (await import(pathToFileURL(join(resolve(dir), 'eslint-plugin.js')).href)).default;
  let pairs = 0;
  let selectors = 0;
  let calls = 0;
  let createMs = 0;
  const rules = Object.fromEntries(
    Object.entries(plugin.rules).map(([name, rule]) => [
      name,
      {
        ...rule,
        create(context) {
          const t0 = performance.now();
          const listeners = rule.create(context);
          createMs += performance.now() - t0;
          const keys = Object.keys(listeners);
          if (keys.length > 0) pairs++;
          selectors += keys.length;
          return Object.fromEntries(keys.map((k) => [k, (...args) => (calls++, listeners[k](...args))]));
        },
      },
    ]),
  );
  const config = { plugins: { tlsguard: { ...plugin, rules } }, rules: plugin.configs.recommended.rules };
  const linter = new Linter({ cwd: corpusDir });
  console.log(`${relative(process.cwd(), resolve(dir)) || '.'}:`);
  for (const [suite, files] of Object.entries(suites)) {
    pairs = selectors = calls = createMs = 0;
    for (const file of files) {
      const sourceType = sourceTypeOf(file);
      linter.verify(
        readFileSync(file, 'utf8'),
        [
          { files: FILES, languageOptions: { parser, sourceType, parserOptions: { sourceType } } },
          { files: FILES, ...config },
        ],
        { filename: file },
      );
    }
    const ruleCount = Object.keys(config.rules).length;
    console.log(
      `  ${suite}: ${files.length} files x ${ruleCount} rules: ${pairs} (rule, file) pairs with listeners, ${selectors} selectors registered, ${calls} listener calls, create() ${createMs.toFixed(0)} ms`,
    );
  }
}
