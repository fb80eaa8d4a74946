/** `--fix` never rewrites bytes it was not asked to change, and one file it cannot write does not abort the rest (issue 17.1, 17.3). */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/cli/report.js';
import { cleanup, cli, project } from './helpers.js';

afterAll(cleanup);

const INSECURE = "const https = require('node:https');\nmodule.exports = new https.Agent({ rejectUnauthorized: false });\n";
const FIXED = "const https = require('node:https');\nmodule.exports = new https.Agent({});\n";

describe('--fix and files that are not UTF-8', () => {
  it('leaves a Latin-1 file byte for byte as it was and says why; fixes the UTF-8 file beside it', async () => {
    const dir = project({ 'ok.cjs': INSECURE, 'package.json': '{}' });
    // 0xe9 is "é" in Latin-1 and an invalid byte in UTF-8, once in a comment and once in a string.
    const latin1 = Buffer.concat([
      Buffer.from('// caf'),
      Buffer.from([0xe9]),
      Buffer.from(`\nconst name = 'r${''}`),
      Buffer.from([0xe9]),
      Buffer.from("sum\u00e9'.length;\n", 'latin1'),
      Buffer.from(INSECURE),
    ]);
    writeFileSync(path.join(dir, 'latin1.cjs'), latin1);
    const r = await cli(dir, ['--fix', '--format', 'json']);
    expect(readFileSync(path.join(dir, 'latin1.cjs')).equals(latin1)).toBe(true);
    expect(readFileSync(path.join(dir, 'ok.cjs'), 'utf8')).not.toContain('rejectUnauthorized');
    const doc = JSON.parse(r.stdout) as JsonReport;
    expect(doc.fix?.applied.map((e) => e.file)).toEqual(['ok.cjs']);
    expect(doc.fix?.notApplied).toEqual([
      expect.objectContaining({ file: 'latin1.cjs', line: 4, reason: 'the file is not valid UTF-8; --fix leaves its bytes as they are (fix it by hand)' }),
    ]);
    expect(doc.findings.map((f) => f.file)).toEqual(['latin1.cjs']);
    expect(r.code).toBe(1);
  });
});

describe('--fix and a file that cannot be written', () => {
  it('skips it with a reason, writes every other file, and reports each write', async () => {
    const dir = project({ 'a.cjs': INSECURE, 'b.cjs': INSECURE, 'c.cjs': INSECURE, 'package.json': '{}' });
    const locked = path.join(dir, 'b.cjs');
    // Root ignores permission bits, so the file is made immutable (ext4/xfs attribute) instead.
    execFileSync('chattr', ['+i', locked]);
    try {
      const r = await cli(dir, ['--fix', '--format', 'json']);
      const doc = JSON.parse(r.stdout) as JsonReport;
      expect(doc.fix?.applied.map((e) => e.file)).toEqual(['a.cjs', 'c.cjs']);
      expect(doc.fix?.notApplied).toEqual([
        expect.objectContaining({
          file: 'b.cjs',
          line: 2,
          reason: expect.stringMatching(/^the file could not be written \(E[A-Z]+\); nothing in it was changed$/),
        }),
      ]);
      expect(readFileSync(path.join(dir, 'a.cjs'), 'utf8')).toBe(FIXED);
      expect(readFileSync(path.join(dir, 'c.cjs'), 'utf8')).toBe(FIXED);
      expect(readFileSync(locked, 'utf8')).toBe(INSECURE);
      expect(doc.findings.map((f) => f.file)).toEqual(['b.cjs']);
      expect(r.code).toBe(1);
    } finally {
      execFileSync('chattr', ['-i', locked]);
    }
  });
});
