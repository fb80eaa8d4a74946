/**
 * Issue 17, "done when": generated files with deep chains, long cipher strings, many findings and
 * odd bytes (BOM, CRLF, CR, tabs, NUL, U+2028, lone surrogates in strings, Latin-1) go through
 * `--fix`. Outside the edits every byte stays as it was; with the minimal style the whole output
 * is predicted byte for byte; with the factory style every untouched piece is found in order and
 * the new lines follow the file's line ending and indentation. Afterwards every file parses and
 * nothing is reported. Files that are not UTF-8 are left byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/cli/report.js';
import { PROFILES } from '../../src/policy/index.js';
import { cleanup, cli, project } from './helpers.js';
import { prng } from '../harness/prng.js';

afterAll(cleanup);

/** A piece of a generated file: its text, and what the minimal `--fix` makes of it. */
interface Piece {
  readonly text: string;
  readonly minimal: string;
  readonly finding: boolean;
}

interface Generated {
  readonly name: string;
  readonly eol: string;
  readonly indent: string;
  readonly bom: boolean;
  readonly pieces: readonly Piece[];
  readonly findings: number;
}

const keep = (text: string): Piece => ({ text, minimal: text, finding: false });
const fix = (text: string, minimal: string): Piece => ({ text, minimal, finding: true });

const LONG_CIPHERS = Array.from({ length: 300 }, (_, i) => (i % 2 ? 'ECDHE-RSA-AES128-GCM-SHA256' : 'ECDHE-ECDSA-AES256-GCM-SHA384')).join(':');

function generate(seed: number, name: string, options: { findings?: number } = {}): Generated {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const eol = pick(['\n', '\r\n', '\r']);
  const indent = pick(['\t', '  ', '    ']);
  const bom = random() < 0.4;
  const ext = path.extname(name);
  const esm = ext !== '.cjs';
  const pieces: Piece[] = [];
  const exp = (id: string): string => (esm ? `export const ${id} =` : `exports.${id} =`);
  pieces.push(
    keep(
      esm
        ? `import https from 'node:https';${eol}import tls from 'node:tls';${eol}`
        : `const https = require('node:https');${eol}const tls = require('node:tls');${eol}`,
    ),
  );
  const fillers: Array<(i: number) => Piece> = [
    () => keep(`// caf\u00e9 \u2615 na\u00efve \u0000 NUL\ttab \u{1F600}${eol}`),
    (i) => keep(`/* line\u2028separator inside a comment */ ${exp(`sep${i}`)} 'a\u2029b';${eol}`),
    (i) => keep(`${exp(`sur${i}`)} '\\uD800 \\uDFFF \\uD83D\\uDE00' + "\u0000" + \`\u{1F600} \${${i}}\`;${eol}`),
    () => keep(`${indent}\t ${eol}`),
    (i) => {
      // A chain longer than the resolver follows: unknown, so not a finding (issue 17.6).
      let chain = `const c${i}_0 = false;${eol}`;
      for (let k = 1; k < 3000; k++) chain += `const c${i}_${k} = c${i}_${k - 1};${eol}`;
      return keep(`${chain}https.request({ host: 'a.example', rejectUnauthorized: c${i}_2999 });${eol}`);
    },
    (i) =>
      keep(
        `${exp(`cat${i}`)} tls.connect({ host: 'c.example', servername: 'c.example', ciphers: ${Array.from({ length: 400 }, () => "'ECDHE-RSA-AES128-GCM-SHA256:'").join(' + ')} + 'RC4-SHA' });${eol}`,
      ),
  ];
  const findingsKinds: Array<(i: number) => Piece> = [
    (i) =>
      fix(
        `${exp(`agent${i}`)} new https.Agent({ keepAlive: true, rejectUnauthorized: false });${eol}`,
        `${exp(`agent${i}`)} new https.Agent({ keepAlive: true });${eol}`,
      ),
    (i) =>
      fix(
        `function make${i}() {${eol}${indent}return new https.Agent({${eol}${indent}${indent}rejectUnauthorized: false, // \u00e9t\u00e9 \u0000${eol}${indent}${indent}keepAlive: true,${eol}${indent}});${eol}}${eol}${esm ? `export { make${i} };` : `exports.make${i} = make${i};`}${eol}`,
        `function make${i}() {${eol}${indent}return new https.Agent({${eol}${indent}${indent}// \u00e9t\u00e9 \u0000${eol}${indent}${indent}keepAlive: true,${eol}${indent}});${eol}}${eol}${esm ? `export { make${i} };` : `exports.make${i} = make${i};`}${eol}`,
      ),
    (i) =>
      fix(
        `function agent${i}() {${eol}${indent}return new https.Agent({${eol}${indent}${indent}keepAlive: true,${eol}${indent}${indent}rejectUnauthorized: false,${eol}${indent}});${eol}}${eol}${esm ? `export { agent${i} };` : `exports.agent${i} = agent${i};`}${eol}`,
        `function agent${i}() {${eol}${indent}return new https.Agent({${eol}${indent}${indent}keepAlive: true,${eol}${indent}});${eol}}${eol}${esm ? `export { agent${i} };` : `exports.agent${i} = agent${i};`}${eol}`,
      ),
    () => fix(`process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';${eol}`, ''),
    (i) =>
      fix(
        `${exp(`socket${i}`)} tls.connect({ host: 'h.example', servername: 'h.example', ciphers: '${LONG_CIPHERS}:NULL-SHA256:@SECLEVEL=0' });${eol}`,
        `${exp(`socket${i}`)} tls.connect({ host: 'h.example', servername: 'h.example', ciphers: '${PROFILES.intermediate.ciphers}' });${eol}`,
      ),
  ];
  const total = options.findings ?? 3 + Math.floor(random() * 6);
  const usedFillers = new Set<number>();
  let id = 0;
  for (let i = 0; i < total; i++) {
    for (let f = Math.floor(random() * 3); f > 0; f--) {
      let k = Math.floor(random() * fillers.length);
      // The heavy fillers (the deep chain, the long concatenation) once per file.
      if (k >= 4 && usedFillers.has(k)) k = 0;
      usedFillers.add(k);
      pieces.push(fillers[k]!(id++));
    }
    pieces.push(options.findings ? findingsKinds[0]!(i) : pick(findingsKinds)(i));
  }
  pieces.push(keep(`// end${eol}`));
  return { name, eol, indent, bom, pieces, findings: total };
}

const textOf = (g: Generated, which: 'text' | 'minimal'): string => (g.bom ? '\uFEFF' : '') + g.pieces.map((p) => p[which]).join('');

function generatedFiles(): Generated[] {
  const names = ['a.mjs', 'b.cjs', 'c.ts', 'd.mjs', 'e.cjs', 'f.ts', 'g.mjs', 'h.cjs'];
  return [...names.map((n, i) => generate(1000 + i, n)), generate(77, 'many.mjs', { findings: 300 }), generate(78, 'many.cjs', { findings: 300 })];
}

/** Bytes that are not UTF-8: a Latin-1 "é" in a comment, and a lone surrogate encoded as if it were (CESU-8) in a string. */
const NOT_UTF8 = {
  'latin1.cjs': Buffer.concat([
    Buffer.from('// caf'),
    Buffer.from([0xe9]),
    Buffer.from("\nconst https = require('node:https');\nmodule.exports = new https.Agent({ rejectUnauthorized: false });\n"),
  ]),
  'surrogate.mjs': Buffer.concat([
    Buffer.from("import https from 'node:https';\nexport const s = '"),
    Buffer.from([0xed, 0xa0, 0x80]),
    Buffer.from("';\nexport const a = new https.Agent({ rejectUnauthorized: false });\n"),
  ]),
};

function writeProject(files: readonly Generated[]): string {
  const dir = project({ 'package.json': '{}' }, 'tlsguard-fuzz-');
  for (const g of files) writeFileSync(path.join(dir, g.name), textOf(g, 'text'));
  for (const [name, bytes] of Object.entries(NOT_UTF8)) writeFileSync(path.join(dir, name), bytes);
  return dir;
}

function expectNotUtf8Untouched(dir: string, doc: JsonReport): void {
  for (const [name, bytes] of Object.entries(NOT_UTF8)) {
    expect(readFileSync(path.join(dir, name)).equals(bytes), name).toBe(true);
    expect(doc.fix?.notApplied.filter((e) => e.file === name).map((e) => e.reason)).toEqual([
      'the file is not valid UTF-8; --fix leaves its bytes as they are (fix it by hand)',
    ]);
  }
}

/** V8 compiles the file (`node --check`): early errors such as a name declared twice count, which the TypeScript parser lets through. */
function expectNodeCompiles(dir: string, files: readonly Generated[]): void {
  for (const g of files) {
    const copy = path.join(dir, `check-${g.name.replace(/\.ts$/, '.mjs')}`);
    cpSync(path.join(dir, g.name), copy);
    try {
      execFileSync(process.execPath, ['--check', copy], { stdio: 'pipe' });
    } catch (error) {
      throw new Error(`${g.name} does not compile: ${String((error as { stderr?: Buffer }).stderr ?? error)}`);
    } finally {
      rmSync(copy);
    }
  }
}

/** After the fix: every file parses and nothing but the files that are not UTF-8 is reported. */
async function expectClean(dir: string): Promise<void> {
  const again = await cli(dir, ['--format', 'json']);
  const doc = JSON.parse(again.stdout) as JsonReport;
  expect(doc.parseErrors).toEqual([]);
  expect([...new Set(doc.findings.map((f) => f.file))].sort()).toEqual(Object.keys(NOT_UTF8).sort());
}

describe('--fix on generated files (fuzz)', () => {
  const files = generatedFiles();

  it('minimal style: every output byte is predicted, and the run is clean afterwards', async () => {
    const dir = writeProject(files);
    const r = await cli(dir, ['--fix', '--format', 'json']);
    const doc = JSON.parse(r.stdout) as JsonReport;
    expect(doc.parseErrors).toEqual([]);
    expect(doc.fix?.rolledBack).toEqual([]);
    expect(doc.fix?.applied).toHaveLength(files.reduce((n, g) => n + g.findings, 0));
    for (const g of files) {
      const actual = readFileSync(path.join(dir, g.name));
      const expected = Buffer.from(textOf(g, 'minimal'), 'utf8');
      expect(actual.equals(expected), `${g.name} (eol ${JSON.stringify(g.eol)}, indent ${JSON.stringify(g.indent)}, bom ${g.bom})`).toBe(true);
    }
    expectNotUtf8Untouched(dir, doc);
    expectNodeCompiles(dir, files);
    await expectClean(dir);
    // A second --fix finds nothing to do and changes no byte.
    const again = JSON.parse((await cli(dir, ['--fix', '--format', 'json'])).stdout) as JsonReport;
    expect(again.fix?.applied).toEqual([]);
    for (const g of files) expect(readFileSync(path.join(dir, g.name)).equals(Buffer.from(textOf(g, 'minimal'), 'utf8')), g.name).toBe(true);
  }, 300_000);

  it("factory style: every untouched piece in order, new lines in the file's own line ending and indentation, clean afterwards", async () => {
    const dir = writeProject(files);
    const before = new Map(files.map((g) => [g.name, textOf(g, 'text')]));
    const r = await cli(dir, ['--fix', '--fix-style', 'factory', '--format', 'json']);
    const doc = JSON.parse(r.stdout) as JsonReport;
    expect(doc.parseErrors).toEqual([]);
    expect(doc.fix?.rolledBack).toEqual([]);
    expect(doc.fix?.applied).toHaveLength(files.reduce((n, g) => n + g.findings, 0));
    for (const g of files) {
      const text = readFileSync(path.join(dir, g.name), 'utf8');
      expect(text.startsWith('\uFEFF'), g.name).toBe(g.bom);
      // The pieces without a finding are there, byte for byte, in their order.
      let at = 0;
      for (const p of g.pieces) {
        if (p.finding) continue;
        const found = text.indexOf(p.text, at);
        expect(found, `${g.name}: ${JSON.stringify(p.text.slice(0, 60))}`).toBeGreaterThanOrEqual(at);
        at = found + p.text.length;
      }
      // Only the file's own line ending, and new lines indented with its own indentation.
      const breaks = new Set(text.match(/\r\n|\r|\n/g));
      expect([...breaks], g.name).toEqual([g.eol]);
      const old = new Set(before.get(g.name)!.split(g.eol));
      for (const line of text.split(g.eol)) {
        if (old.has(line)) continue;
        const lead = /^[ \t]*/.exec(line)![0];
        expect(lead.split(g.indent).join(''), `${g.name}: ${JSON.stringify(line)}`).toBe('');
      }
      // An ES module imports each factory once (a CommonJS file may require it in several
      // functions; V8 checks below that no scope declares it twice).
      if (!g.name.endsWith('.cjs')) {
        for (const name of ['secureAgent', 'secureClientOptions']) {
          expect(
            text.split(/\r\n|\r|\n/).filter((l) => new RegExp(`\\b${name}\\b.*tlsguard-runtime`).test(l)).length,
            `${g.name}: ${name}`,
          ).toBeLessThanOrEqual(1);
        }
      }
    }
    expectNotUtf8Untouched(dir, doc);
    expectNodeCompiles(dir, files);
    await expectClean(dir);
  }, 300_000);
});
