#!/usr/bin/env node
// Real-world robustness run: every rule of the plugin (configs.strict of dist/eslint-plugin.js, so
// a rule added later is run too) over the pinned corpus (bench/corpus.json), untyped (every file)
// and typed (the .ts sources of the packages marked `typed`). Fails (exit 1) on a rule crash, a
// fatal message (parse error) of a file not listed in corpus.json `parseExclusions`, or a
// suggestion whose output no longer parses or crashes a rule on re-lint.
// Writes bench/results/findings.json. Run after `npm run build`:
//   nice -n 10 node bench/run-corpus.mjs [--untyped-only] [--package <name>,<name>]
// (with --package, findings are printed, not written)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Linter } from 'eslint';
import plugin from '../dist/eslint-plugin.js';
import { benchDir, corpusDir, corpusSpec, fetchCorpus, loadCorpus } from './corpus.mjs';
import { eslintConfig, isTs, sourceTypeOf, writeTsconfig } from './lint-setup.mjs';

const args = process.argv.slice(2);
const untypedOnly = args.includes('--untyped-only');
const onlyPackage = args.includes('--package') ? new Set(args[args.indexOf('--package') + 1].split(',')) : undefined;

fetchCorpus({ quiet: true });
const corpus = loadCorpus().filter((p) => !onlyPackage || onlyPackage.has(p.name));
const exclusions = new Map((corpusSpec.parseExclusions ?? []).map((e) => [e.file, e.reason]));
const ruleNames = Object.keys(plugin.configs.strict.rules);
console.log(`tlsguard ${plugin.meta.version}: ${ruleNames.length} rules (${ruleNames.join(', ')})`);

const linter = new Linter({ cwd: corpusDir });
const configs = new Map();
function configFor(sourceType, typed, tsconfigRootDir) {
  const key = `${sourceType}:${typed}:${tsconfigRootDir ?? ''}`;
  if (!configs.has(key)) configs.set(key, eslintConfig({ sourceType, typed, tsconfigRootDir, rules: plugin.configs.strict }));
  return configs.get(key);
}

const failures = [];
const excludedSeen = [];
const findings = new Map(); // key -> finding
let linted = 0;
let suggestionsChecked = 0;

function excerpt(text, line) {
  const l = text.split('\n')[line - 1] ?? '';
  const t = l.trim();
  return t.length > 160 ? `${t.slice(0, 157)}...` : t;
}

function lintOne(file, text, mode, config) {
  const rel = relative(corpusDir, file);
  let messages;
  try {
    messages = linter.verify(text, config, { filename: file });
  } catch (error) {
    failures.push({
      kind: 'crash',
      mode,
      file: rel,
      error: String(error?.stack ?? error)
        .split('\n')
        .slice(0, 6)
        .join('\n'),
    });
    return;
  }
  linted++;
  for (const m of messages) {
    if (m.fatal) {
      if (exclusions.has(rel)) excludedSeen.push(rel);
      else failures.push({ kind: 'fatal', mode, file: rel, line: m.line, message: m.message });
      continue;
    }
    // The packages' own inline directives name rules of theirs (`@typescript-eslint/...`), which
    // are not loaded here; those notices are not ours.
    if (!m.ruleId?.startsWith('tlsguard/')) continue;
    const key = `${rel}:${m.line}:${m.column}:${m.ruleId}:${m.messageId ?? m.message}`;
    const prior = findings.get(key);
    if (prior) {
      if (!prior.modes.includes(mode)) prior.modes.push(mode);
    } else {
      findings.set(key, {
        file: rel,
        line: m.line,
        column: m.column,
        rule: m.ruleId,
        messageId: m.messageId,
        message: m.message,
        excerpt: excerpt(text, m.line),
        suggestions: (m.suggestions ?? []).map((s) => s.desc),
        modes: [mode],
      });
    }
    // Every suggestion applied once must still parse and lint without a crash (untyped re-lint).
    for (const s of m.suggestions ?? []) {
      suggestionsChecked++;
      const out = text.slice(0, s.fix.range[0]) + s.fix.text + text.slice(s.fix.range[1]);
      const reConfig = configFor(sourceTypeOf(file), false);
      try {
        const again = linter.verify(out, reConfig, { filename: file });
        const fatal = again.find((x) => x.fatal);
        if (fatal) failures.push({ kind: 'suggestion-fatal', mode, file: rel, line: m.line, rule: m.ruleId, suggestion: s.desc, message: fatal.message });
      } catch (error) {
        failures.push({ kind: 'suggestion-crash', mode, file: rel, line: m.line, rule: m.ruleId, suggestion: s.desc, error: String(error).slice(0, 400) });
      }
    }
  }
}

const started = Date.now();
const perPackage = [];
for (const pkg of corpus) {
  const t0 = Date.now();
  for (const file of pkg.files) {
    lintOne(file, readFileSync(file, 'utf8'), 'untyped', configFor(sourceTypeOf(file), false));
  }
  const untypedMs = Date.now() - t0;
  let typedMs = 0;
  let typedFiles = 0;
  if (pkg.typed && !untypedOnly) {
    writeTsconfig(pkg);
    const t1 = Date.now();
    for (const file of pkg.files.filter((f) => isTs(f) && !/(^|\/)(_cjs|_esm|_types|lib|dist)\//.test(relative(pkg.dir, f)))) {
      lintOne(file, readFileSync(file, 'utf8'), 'typed', configFor(sourceTypeOf(file), true, pkg.dir));
      typedFiles++;
    }
    typedMs = Date.now() - t1;
  }
  perPackage.push({ name: pkg.name, version: pkg.version, files: pkg.files.length, typedFiles, untypedMs, typedMs });
  console.log(
    `${pkg.name}@${pkg.version}: ${pkg.files.length} files untyped in ${(untypedMs / 1000).toFixed(1)}s` +
      (typedFiles ? `, ${typedFiles} typed in ${(typedMs / 1000).toFixed(1)}s` : ''),
  );
}

const list = [...findings.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
mkdirSync(join(benchDir, 'results'), { recursive: true });
if (onlyPackage) {
  for (const f of list) console.log(`${f.file}:${f.line} ${f.rule} [${f.modes}] ${f.excerpt}`);
} else {
  writeFileSync(
    join(benchDir, 'results', 'findings.json'),
    JSON.stringify(
      { rules: ruleNames, packages: perPackage.map(({ name, version, files, typedFiles }) => ({ name, version, files, typedFiles })), findings: list },
      null,
      2,
    ) + '\n',
  );
}
const byRule = {};
for (const f of list) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
console.log(
  `linted ${linted} file passes in ${((Date.now() - started) / 1000).toFixed(1)}s; ${list.length} findings ${JSON.stringify(byRule)}; ${suggestionsChecked} suggestions re-linted`,
);
const unused = [...exclusions.keys()].filter((f) => !excludedSeen.includes(f) && corpus.some((p) => f.startsWith(`${p.name.replace('/', '__')}@`)));
console.log(
  `parse exclusions (listed in corpus.json): ${[...new Set(excludedSeen)].length} hit${unused.length ? `, ${unused.length} no longer needed: ${unused.join(', ')}` : ''}`,
);
if (failures.length) {
  for (const f of failures.slice(0, 50)) console.error(JSON.stringify(f));
  console.error(`FAIL: ${failures.length} crash/fatal/suggestion failures`);
  process.exit(1);
}
console.log('OK: no crash, no fatal message, every suggestion output parses');
