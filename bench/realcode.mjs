#!/usr/bin/env node
// Precision and recall of `configs.recommended` (the JS/TS rules) on real code nobody on the team
// wrote: the pinned packages and hand-labelled TLS option sites of bench/realcode.json (method and
// results: bench/REALCODE.md). Fetches the packages with `npm pack` into bench/.realcode/
// (git-ignored), lints the listed files of each with the built plugin (untyped, like the corpus run),
// and matches every finding to a labelled site by file + line:
//   - a finding on an `insecure` site: true positive (the site counts once, whatever the number of
//     findings on its line);
//   - a finding on a `secure` or `unknown-at-runtime` site: false positive (the project reports only
//     what is provably insecure for the target Node);
//   - an `insecure` site without a finding: false negative;
//   - a finding on a line that has no label: unlabelled, printed; each must be reviewed and labelled.
// Run after `npm run build`:
//   nice -n 10 node bench/realcode.mjs [--package <name>,<name>] [--json <out file>]
// Exit 1 when a finding is unlabelled, a label names a file that is not linted, or a rule crashes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from 'eslint';
import plugin from '../dist/eslint-plugin.js';
import { benchDir, fetchPackages, packageDir } from './corpus.mjs';
import { eslintConfig, sourceTypeOf } from './lint-setup.mjs';

const LABELS = new Set(['insecure', 'secure', 'unknown-at-runtime']);
export const realcodeDir = join(benchDir, '.realcode');
export const realcodeSpec = JSON.parse(readFileSync(join(benchDir, 'realcode.json'), 'utf8'));

const args = process.argv.slice(2);
const onlyPackage = args.includes('--package') ? new Set(args[args.indexOf('--package') + 1].split(',')) : undefined;
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;

const packages = realcodeSpec.packages.filter((p) => !onlyPackage || onlyPackage.has(p.name));
fetchPackages(packages, realcodeDir, { quiet: true });

const linter = new Linter({ cwd: realcodeDir });
const configs = new Map();
function configFor(sourceType) {
  if (!configs.has(sourceType)) configs.set(sourceType, eslintConfig({ sourceType, rules: plugin.configs.recommended }));
  return configs.get(sourceType);
}

const problems = [];
const tp = [];
const fp = [];
const fn = [];
const unlabelled = [];
let unknownQuiet = 0;
let secureQuiet = 0;
let fileCount = 0;

function lineOf(text, line) {
  const t = (text.split('\n')[line - 1] ?? '').trim();
  return t.length > 140 ? `${t.slice(0, 137)}...` : t;
}

for (const pkg of packages) {
  const dir = packageDir(pkg, realcodeDir);
  const sitesByFile = new Map();
  for (const site of pkg.sites) {
    if (!LABELS.has(site.label)) problems.push(`${pkg.name}: ${site.file}:${site.line}: unknown label ${site.label}`);
    if (!pkg.files.includes(site.file)) problems.push(`${pkg.name}: ${site.file}:${site.line}: the file is not in \`files\``);
    if (!sitesByFile.has(site.file)) sitesByFile.set(site.file, []);
    sitesByFile.get(site.file).push(site);
  }
  for (const rel of pkg.files) {
    const file = join(dir, rel);
    let text;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      problems.push(`${pkg.name}: ${rel}: missing`);
      continue;
    }
    fileCount++;
    let messages;
    try {
      // A bin script without an extension (wscat's bin/wscat) is linted as the .js file Node runs it as.
      messages = linter.verify(text, configFor(sourceTypeOf(file)), { filename: /\.[cm]?[jt]sx?$/.test(file) ? file : `${file}.js` });
    } catch (error) {
      problems.push(`${pkg.name}: ${rel}: crash ${String(error).slice(0, 300)}`);
      continue;
    }
    const sites = sitesByFile.get(rel) ?? [];
    const hit = new Map(); // site -> findings
    for (const m of messages) {
      if (m.fatal) {
        problems.push(`${pkg.name}: ${rel}:${m.line}: fatal ${m.message}`);
        continue;
      }
      if (!m.ruleId?.startsWith('tlsguard/')) continue;
      const finding = { pkg: `${pkg.name}@${pkg.version}`, file: rel, line: m.line, rule: m.ruleId, message: m.message, text: lineOf(text, m.line) };
      const site = sites.find((s) => m.line >= s.line && m.line <= (s.endLine ?? s.line));
      if (!site) {
        unlabelled.push(finding);
        continue;
      }
      if (!hit.has(site)) hit.set(site, []);
      hit.get(site).push(finding);
    }
    for (const site of sites) {
      const entry = { pkg: `${pkg.name}@${pkg.version}`, ...site, findings: hit.get(site) ?? [] };
      if (site.label === 'insecure') (hit.has(site) ? tp : fn).push(entry);
      else if (hit.has(site)) fp.push(entry);
      else if (site.label === 'secure') secureQuiet++;
      else unknownQuiet++;
    }
  }
}

const sites = packages.reduce((n, p) => n + p.sites.length, 0);
const count = (label) => packages.reduce((n, p) => n + p.sites.filter((s) => s.label === label).length, 0);
const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
const precision = pct(tp.length, tp.length + fp.length);
const recall = pct(tp.length, tp.length + fn.length);

console.log(`tlsguard ${plugin.meta.version}, configs.recommended (${Object.keys(plugin.configs.recommended.rules).length} rules)`);
console.log(
  `${packages.length} packages, ${fileCount} files, ${sites} labelled sites ` +
    `(${count('insecure')} insecure, ${count('secure')} secure, ${count('unknown-at-runtime')} unknown-at-runtime)`,
);
const show = (e) =>
  `  ${e.pkg} ${e.file}:${e.line} [${e.setting}] ${e.reason}${e.findings.length ? ` <- ${[...new Set(e.findings.map((f) => f.rule))].join(', ')}` : ''}`;
console.log(`\nFP (${fp.length}):`);
for (const e of fp) console.log(`${show(e)} (${e.label})`);
console.log(`\nFN (${fn.length}):`);
for (const e of fn) console.log(show(e));
if (unlabelled.length) {
  console.log(`\nUNLABELLED findings (${unlabelled.length}): review and label each in bench/realcode.json`);
  for (const f of unlabelled) console.log(`  ${f.pkg} ${f.file}:${f.line} ${f.rule}: ${f.text}\n      ${f.message}`);
}
console.log(`\nTP ${tp.length}  FP ${fp.length}  FN ${fn.length}  (quiet: ${secureQuiet} secure, ${unknownQuiet} unknown-at-runtime)`);
console.log(`precision ${precision}  recall ${recall}`);
if (jsonOut) {
  const strip = (e) => ({ pkg: e.pkg, file: e.file, line: e.line, label: e.label, setting: e.setting, rules: [...new Set(e.findings.map((f) => f.rule))] });
  writeFileSync(
    jsonOut,
    JSON.stringify({ version: plugin.meta.version, tp: tp.length, fp: fp.map(strip), fn: fn.map(strip), unlabelled, precision, recall }, null, 2) + '\n',
  );
}
if (problems.length || unlabelled.length) {
  for (const p of problems) console.error(p);
  console.error(`FAIL: ${problems.length} problems, ${unlabelled.length} unlabelled findings`);
  process.exit(1);
}
