/** Issue 17 items 8, 9, 10 and 20: hostile input to the CLI gets a clear answer, never a crash, a hang or a bad report. */
import type * as Sarif from 'sarif';
import { afterAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/cli/report.js';
import { cleanup, cli, INSECURE_JS, project } from './helpers.js';
import { loadSarifValidator } from './sarif-schema.js';

afterAll(cleanup);

const DEPTH = 30_000;
const DEEP_PARENS = `const x = ${'('.repeat(DEPTH)}1${')'.repeat(DEPTH)};\n`;
const DEEP_OBJECTS = `const x = ${'{ a: '.repeat(DEPTH)}1${' }'.repeat(DEPTH)};\n`;
const OVERFLOW = 'Parsing error: Maximum call stack size exceeded';

describe('a parse error without a position (stack overflow in the parser)', () => {
  const files = { 'deep.js': DEEP_PARENS, 'objects.js': DEEP_OBJECTS, 'b.cjs': INSECURE_JS };

  it('text names 1:1, and the other file is still reported', async () => {
    const r = await cli(project(files), []);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('undefined');
    expect(r.stdout).toContain(`deep.js:1:1  parse error  ${OVERFLOW}\n`);
    expect(r.stdout).toContain(`objects.js:1:1  parse error  ${OVERFLOW}\n`);
    expect(r.stdout).toContain('b.cjs:2:50  tlsguard/no-unverified-certificate');
  });

  it('JSON has line and column', async () => {
    const r = await cli(project(files), ['--format', 'json']);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.parseErrors).toEqual([
      { file: 'deep.js', line: 1, column: 1, message: OVERFLOW },
      { file: 'objects.js', line: 1, column: 1, message: OVERFLOW },
    ]);
    expect(report.findings).toHaveLength(1);
  });

  it('SARIF has startLine/startColumn 1 and validates', async () => {
    const validate = await loadSarifValidator();
    expect(validate, 'ajv (installed with eslint) must load').toBeDefined();
    const r = await cli(project(files), ['--format', 'sarif']);
    const log = JSON.parse(r.stdout) as Sarif.Log;
    const notifications = log.runs[0]!.invocations![0]!.toolExecutionNotifications!;
    expect(notifications.map((n) => n.locations![0]!.physicalLocation!.region)).toEqual([
      { startLine: 1, startColumn: 1 },
      { startLine: 1, startColumn: 1 },
    ]);
    expect(validate!(log)).toEqual([]);
  });
});
