// Findings before/after a change on a corpus of real code (issue 16: "findings identical before and
// after"): the CLI of this build and of another build (--baseline DIR, a checkout with dist/ built)
// lint the same copy of installed packages' TLS client code with `--format json`, and every finding
// (file, position, rule, message, suggestions) and parse error must be equal.
//
// The corpus is copied out of node_modules (the CLI skips node_modules) into a temp directory:
// JavaScript (.js .cjs .mjs) and TypeScript sources (mongodb's src/) of the libraries the rules
// catalogue. No network: only what `npm ci` installed.
//
//   node bench/compare-findings.mjs --baseline DIR [--types] [package/dir ...]
// Without --types both runs pass --no-types (the corpus has no tsconfig that covers its files).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = fileURLToPath(new URL('../', import.meta.url));
const { values: flags, positionals } = parseArgs({ options: { baseline: { type: 'string' }, types: { type: 'boolean' } }, allowPositionals: true });
if (!flags.baseline) {
  console.error('usage: node bench/compare-findings.mjs --baseline DIR [--types] [package/dir ...]');
  process.exit(2);
}
const DEFAULT_CORPUS = [
  'pg/lib',
  'ws/lib',
  'got/dist/source',
  'ioredis/built',
  'undici/lib',
  'mongodb/lib',
  'mongodb/src',
  'mysql2/lib',
  'mqtt/build',
  'postgres/src',
  'postgres/cjs',
  'amqplib/lib',
  'ldapjs/lib',
  'kafkajs/src',
  'nats/lib',
  'needle/lib',
  'request',
  'superagent/lib',
  'socket.io-client/build/cjs',
  'https-proxy-agent/dist',
  '@grpc/grpc-js/build/src',
  '@elastic/elasticsearch/lib',
  '@redis/client/dist',
  'axios/lib',
  'node-fetch/src',
  '@smithy/node-http-handler/dist-cjs',
];

const corpus = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'tlsguard-corpus-')));
process.on('exit', () => rmSync(corpus, { recursive: true, force: true }));
for (const dir of positionals.length > 0 ? positionals : DEFAULT_CORPUS) {
  const from = path.join(repo, 'node_modules', dir);
  if (!existsSync(from)) {
    console.error(`not installed: ${dir}`);
    continue;
  }
  cpSync(from, path.join(corpus, dir), { recursive: true, filter: (src) => path.basename(src) !== 'node_modules' });
}

function scan(root) {
  const bin = path.join(root, 'dist/src/cli/bin.js');
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, '--format', 'json', ...(flags.types ? [] : ['--no-types']), '.'], {
    cwd: corpus,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${bin}: exit ${r.status}\n${r.stderr}`);
  const doc = JSON.parse(r.stdout);
  const key = (x) => `${x.file}:${String(x.line).padStart(6)}:${String(x.column).padStart(4)} ${x.ruleId ?? ''}`;
  return {
    doc,
    seconds,
    findings: [...doc.findings].sort((a, b) => key(a).localeCompare(key(b))),
    parseErrors: [...doc.parseErrors].sort((a, b) => key(a).localeCompare(key(b))),
  };
}

const after = scan(repo);
const before = scan(realpathSync(path.resolve(flags.baseline)));
console.log(`corpus: ${after.doc.summary.filesScanned} files (${before.doc.summary.filesScanned} before)`);
console.log(`after:  ${after.findings.length} findings, ${after.parseErrors.length} parse errors, ${after.seconds.toFixed(1)} s`);
console.log(`before: ${before.findings.length} findings, ${before.parseErrors.length} parse errors, ${before.seconds.toFixed(1)} s`);
const byRule = {};
for (const f of after.findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
console.log('findings by rule:', JSON.stringify(byRule));

let differences = 0;
for (const what of ['findings', 'parseErrors']) {
  const a = after[what].map((x) => JSON.stringify(x));
  const b = before[what].map((x) => JSON.stringify(x));
  const onlyAfter = a.filter((x) => !b.includes(x));
  const onlyBefore = b.filter((x) => !a.includes(x));
  for (const x of onlyAfter) console.log(`only after  (${what}): ${x}`);
  for (const x of onlyBefore) console.log(`only before (${what}): ${x}`);
  differences += onlyAfter.length + onlyBefore.length;
}
console.log(differences === 0 ? 'identical: every finding and parse error is the same' : `${differences} differences`);
process.exitCode = differences === 0 ? 0 : 1;
