/**
 * The everyday flags of issue 13.4, named and behaving as in ESLint's CLI: --ignore-pattern,
 * --rule, --quiet, --max-warnings, colours, the help text, and the validation of each new flag.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HELP } from '../../src/cli/args.js';
import { useColor } from '../../src/cli/color.js';
import type { JsonReport } from '../../src/cli/report.js';
import { CLEAN_JS, cleanup, cli, INSECURE_JS, project, repoRoot } from './helpers.js';

afterAll(cleanup);

const RULE = 'tlsguard/no-unverified-certificate';
const WEAK = "const tls = require('node:tls');\ntls.connect({ host: 'h', servername: 'h', port: 1, ciphers: 'DEFAULT:@SECLEVEL=0' });\n";

async function json(dir: string, argv: readonly string[]): Promise<{ code: number; doc: JsonReport; stderr: string }> {
  const r = await cli(dir, ['--format', 'json', ...argv]);
  return { code: r.code, doc: JSON.parse(r.stdout || '{}') as JsonReport, stderr: r.stderr };
}

const filesOf = (doc: JsonReport): string[] => doc.findings.map((f) => f.file);

describe('--ignore-pattern', () => {
  it("is repeatable and uses ESLint's pattern semantics (relative to the working directory)", async () => {
    const dir = project({
      'a.js': INSECURE_JS,
      'x.test.js': INSECURE_JS,
      'src/x.test.js': INSECURE_JS,
      'legacy/old.js': INSECURE_JS,
      'src/legacy/kept.js': INSECURE_JS,
    });
    expect(filesOf((await json(dir, [])).doc)).toHaveLength(5);
    const r = await json(dir, ['--ignore-pattern', 'legacy/', '--ignore-pattern', '**/*.test.js']);
    expect(filesOf(r.doc)).toEqual(['a.js', 'src/legacy/kept.js']);
    expect(r.stderr).toBe('');
  });

  it('applies to named files too (as in ESLint), with a note', async () => {
    const dir = project({ 'a.js': INSECURE_JS, 'gen.js': INSECURE_JS });
    const r = await json(dir, ['--ignore-pattern', 'gen.js', 'a.js', 'gen.js']);
    expect(filesOf(r.doc)).toEqual(['a.js']);
    expect(r.stderr).toBe('tlsguard: note: not scanned, matched by --ignore-pattern: gen.js\n');
  });
});

describe('--rule', () => {
  it("turns a rule off, down to a warning, or on (a strict-only rule), with options, in ESLint's syntax", async () => {
    const dir = project({ 'a.js': INSECURE_JS, 'b.js': WEAK });
    const base = await json(dir, []);
    expect(base.doc.findings.map((f) => f.ruleId)).toEqual([RULE, 'tlsguard/no-weak-cipher']);

    const off = await json(dir, ['--rule', `${RULE}: off`]);
    expect(off.doc.findings.map((f) => f.ruleId)).toEqual(['tlsguard/no-weak-cipher']);

    // A warning does not fail the run (ESLint's exit code), and SARIF lists only the rules that ran.
    const warn = await json(dir, ['--rule', `${RULE}: warn, tlsguard/no-weak-cipher: 0`]);
    expect(warn.code).toBe(0);
    expect(warn.doc.findings.map((f) => [f.ruleId, f.severity])).toEqual([[RULE, 'warning']]);
    const text = await cli(dir, ['--rule', `${RULE}: warn`, '--rule', 'tlsguard/no-weak-cipher: off']);
    expect(text.stdout.split('\n')[0]).toMatch(/^a\.js:2:50 {2}tlsguard\/no-unverified-certificate \(warning\) {2}`rejectUnauthorized: false`/);
    const sarif = JSON.parse((await cli(dir, ['--format', 'sarif', '--rule', 'tlsguard/no-weak-cipher: off'])).stdout) as {
      runs: { tool: { driver: { rules: { id: string }[] } } }[];
    };
    expect(sarif.runs[0]!.tool.driver.rules.map((r) => r.id)).not.toContain('tlsguard/no-weak-cipher');
    expect(sarif.runs[0]!.tool.driver.rules.map((r) => r.id)).toContain(RULE);

    const strictOnly = project({ 'c.js': "const https = require('node:https');\nmodule.exports = new https.Agent({ keepAlive: true, ca: 'pem' });\n" });
    expect((await json(strictOnly, [])).doc.findings).toEqual([]);
    expect((await json(strictOnly, ['--rule', 'tlsguard/prefer-secure-context: error'])).doc.findings.map((f) => f.ruleId)).toEqual([
      'tlsguard/prefer-secure-context',
    ]);

    // Options, validated by the rule's own schema.
    const options = await json(dir, ['--rule', 'tlsguard/no-weak-cipher: [error, {policy: strict}]']);
    expect(options.code).toBe(1);
    const badOption = await cli(dir, ['--rule', 'tlsguard/no-weak-cipher: [error, {policy: bogus}]']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toMatch(/^tlsguard: .*no-weak-cipher.*\n$/);
  });
});

describe('--quiet and --max-warnings', () => {
  it('--quiet reports errors only; --max-warnings fails the run above N warnings, as ESLint does', async () => {
    const dir = project({ 'a.js': INSECURE_JS, 'b.js': WEAK });
    const warn = ['--rule', `${RULE}: warn`];
    const quiet = await json(dir, [...warn, '--quiet']);
    expect(quiet.doc.findings.map((f) => f.ruleId)).toEqual(['tlsguard/no-weak-cipher']);
    expect(quiet.code).toBe(1);

    const onlyWarnings = ['--rule', `${RULE}: warn`, '--rule', 'tlsguard/no-weak-cipher: off'];
    expect((await cli(dir, [...onlyWarnings, '--max-warnings', '1'])).code).toBe(0);
    const over = await cli(dir, [...onlyWarnings, '--max-warnings', '0']);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('tlsguard: too many warnings (1, maximum: 0)\n');
    expect((await cli(dir, [...onlyWarnings, '--max-warnings=-1'])).code).toBe(0);
    // --quiet drops the warnings before they are counted (ESLint does not run warning rules with --quiet).
    expect((await cli(dir, [...onlyWarnings, '--quiet', '--max-warnings', '0'])).code).toBe(0);
  });
});

describe('colours', () => {
  it('follows --color/--no-color (last wins), then FORCE_COLOR (over NO_COLOR), NO_COLOR, TERM=dumb, then the terminal', () => {
    expect(useColor(undefined, {}, true)).toBe(true);
    expect(useColor(undefined, {}, false)).toBe(false);
    expect(useColor(undefined, { NO_COLOR: '1' }, true)).toBe(false);
    expect(useColor(undefined, { NO_COLOR: '' }, true)).toBe(true);
    expect(useColor(undefined, { TERM: 'dumb' }, true)).toBe(false);
    expect(useColor(undefined, { FORCE_COLOR: '1' }, false)).toBe(true);
    expect(useColor(undefined, { FORCE_COLOR: '' }, false)).toBe(true);
    expect(useColor(undefined, { FORCE_COLOR: '0' }, true)).toBe(false);
    expect(useColor(undefined, { FORCE_COLOR: 'false' }, true)).toBe(false);
    expect(useColor(undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(true);
    expect(useColor(false, { FORCE_COLOR: '3' }, true)).toBe(false);
    expect(useColor(true, { NO_COLOR: '1' }, false)).toBe(true);
  });

  it('colours the text report only (never JSON, SARIF or --output), as the flags and environment say', async () => {
    const dir = project({ 'a.js': INSECURE_JS });
    const ESC = '\u001b[';
    const run = async (argv: string[], env: Record<string, string | undefined>, stdoutIsTTY: boolean): Promise<string> => {
      const { run: runCli } = await import('../../src/cli/run.js');
      let out = '';
      await runCli(argv, {
        stdout: { write: (s: string) => (out += s) },
        stderr: { write: () => true },
        cwd: dir,
        env: { CI: 'true', ...env },
        isTTY: false,
        stdoutIsTTY,
      });
      return out;
    };
    const tty = await run([], {}, true);
    expect(tty).toContain(`${ESC}1ma.js:2:50${ESC}22m  ${ESC}31m${RULE}${ESC}39m  `);
    expect(await run([], {}, false)).not.toContain(ESC);
    expect(await run([], { NO_COLOR: '1' }, true)).not.toContain(ESC);
    expect(await run([], { FORCE_COLOR: '1' }, false)).toContain(ESC);
    expect(await run(['--no-color'], { FORCE_COLOR: '1' }, true)).not.toContain(ESC);
    expect(await run(['--no-color', '--color'], {}, false)).toContain(ESC);
    expect(await run(['--color', '--no-color'], {}, true)).not.toContain(ESC);
    expect(await run(['--color', '--format', 'json'], {}, true)).not.toContain(ESC);
    expect(await run(['--color', '--output', 'r.txt'], {}, true)).toBe('');
    expect(readFileSync(path.join(dir, 'r.txt'), 'utf8')).not.toContain(ESC);
    // Without colours the text is exactly the plain report.
    expect(tty.replace(/\u001b\[\d+m/g, '')).toBe(await run([], {}, false));
  });
});

describe('--help', () => {
  it('lists every short flag the parser accepts, with its long name', () => {
    const source = readFileSync(path.join(repoRoot, 'src/cli/args.ts'), 'utf8');
    const shorts = [...source.matchAll(/'?([a-z-]+)'?: \{ type: '(?:string|boolean)'(?:, multiple: true)?, short: '(.)' \}/g)].map((m) => [m[2]!, m[1]!]);
    expect(shorts.map(([s]) => s).sort()).toEqual(['f', 'h', 'o', 'v']);
    for (const [short, long] of shorts) expect(HELP, `-${short}`).toMatch(new RegExp(`^  -${short}, --${long}\\b`, 'm'));
    for (const flag of [
      '--since',
      '--ignore-pattern',
      '--rule',
      '--quiet',
      '--max-warnings',
      '--color',
      '--no-color',
      '--suppress-all',
      '--suppress-rule',
      '--suppressions-location',
      '--prune-suppressions',
      '--pass-on-unpruned-suppressions',
    ]) {
      expect(HELP).toContain(flag);
    }
  });

  it('-f is --format', async () => {
    const dir = project({ 'a.js': CLEAN_JS });
    expect(JSON.parse((await cli(dir, ['-f', 'json'])).stdout)).toMatchObject({ schemaVersion: 1 });
  });
});

describe('every new flag is validated: one line on stderr, exit 2', () => {
  it.each([
    [['--ignore-pattern', ''], 'tlsguard: --ignore-pattern needs a non-empty pattern (see tlsguard --help)'],
    [['--ignore-pattern'], "tlsguard: Option '--ignore-pattern <value>' argument missing (see tlsguard --help)"],
    [
      ['--rule', 'tlsguard/no-weak-cipher'],
      "tlsguard: invalid value for --rule: 'tlsguard/no-weak-cipher' (Expected ':', but got 'undefined' instead in [].; expected e.g. 'tlsguard/no-weak-cipher: off') (see tlsguard --help)",
    ],
    [
      ['--rule', 'tlsguard/no-weak-cipher: loud'],
      "tlsguard: invalid value for --rule: 'tlsguard/no-weak-cipher: loud' (the severity of tlsguard/no-weak-cipher must be off, warn, error, 0, 1 or 2) (see tlsguard --help)",
    ],
    [['--rule', '{'], /^tlsguard: invalid value for --rule: '\{' \(.*\) \(see tlsguard --help\)$/],
    [['--rule', 'no-weak-cipher: off'], "tlsguard: --rule: unknown rule 'no-weak-cipher' (did you mean tlsguard/no-weak-cipher?)"],
    [['--rule', 'eqeqeq: off'], "tlsguard: --rule: unknown rule 'eqeqeq' (tlsguard rules are named tlsguard/<rule>; see docs/cli.md)"],
    [
      ['--max-warnings', 'ten'],
      "tlsguard: invalid value for --max-warnings: 'ten' (expected a number of warnings, 0 or more, or -1 for no limit) (see tlsguard --help)",
    ],
    [
      ['--max-warnings=-2'],
      "tlsguard: invalid value for --max-warnings: '-2' (expected a number of warnings, 0 or more, or -1 for no limit) (see tlsguard --help)",
    ],
    [
      ['--max-warnings', '1.5'],
      "tlsguard: invalid value for --max-warnings: '1.5' (expected a number of warnings, 0 or more, or -1 for no limit) (see tlsguard --help)",
    ],
    [['--quiet=yes'], /^tlsguard: Option '--quiet' does not take an argument/],
    [['--color=always'], /^tlsguard: Option '--color' does not take an argument/],
    [['--since'], "tlsguard: Option '--since <value>' argument missing (see tlsguard --help)"],
    [['--suppress-rule', ''], 'tlsguard: --suppress-rule needs a rule id, e.g. tlsguard/no-unverified-certificate (see tlsguard --help)'],
  ])('%j', async (argv, message) => {
    const dir = project({ 'a.js': INSECURE_JS });
    const r = await cli(dir, argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    if (typeof message === 'string') expect(lines[0]).toBe(message);
    else expect(lines[0]).toMatch(message);
  });
});
