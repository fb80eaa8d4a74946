/**
 * The CLI on config files (issue 14), with no configuration: the insecure fixture project reports
 * every insecure line at its exact place (the reported text is checked), its safe twin reports
 * nothing, and a file that does not parse is one parse error that stops no other file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/cli/report.js';
import { cleanup, cli, project, repoRoot } from './helpers.js';

afterAll(cleanup);

const fixture = (name: string): string => path.join(repoRoot, 'fixtures/config-files', name);

async function scan(dir: string, argv: readonly string[] = []): Promise<{ code: number; report: JsonReport }> {
  const r = await cli(dir, ['--format', 'json', ...argv]);
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport };
}

/** [file, line, the text the finding covers]. */
function located(dir: string, report: JsonReport): [string, number, string][] {
  return report.findings.map((f) => {
    const line = readFileSync(path.join(dir, f.file), 'utf8').split('\n')[f.line - 1] ?? '';
    return [f.file, f.line, f.endLine === f.line ? line.slice(f.column - 1, f.endColumn - 1) : '(several lines)'];
  });
}

const EXPECTED: [string, number, string][] = [
  ['.env', 3, 'NODE_TLS_REJECT_UNAUTHORIZED=0'],
  ['.env', 4, '--tls-min-v1.0'],
  ['.env.production', 1, "NODE_TLS_REJECT_UNAUTHORIZED='0'"],
  ['.github/workflows/ci.yml', 4, 'NODE_TLS_REJECT_UNAUTHORIZED: "0"'],
  ['.github/workflows/ci.yml', 9, '--tls-min-v1.0'],
  ['.github/workflows/ci.yml', 14, 'npm_config_strict_ssl: false'],
  ['.github/workflows/ci.yml', 18, 'http.sslVerify false'],
  ['.github/workflows/ci.yml', 19, '-fsSk'],
  ['.github/workflows/ci.yml', 20, 'NODE_TLS_REJECT_UNAUTHORIZED=0'],
  ['.github/workflows/ci.yml', 21, '"NODE_TLS_REJECT_UNAUTHORIZED=0"'],
  ['.gitlab-ci.yml', 2, 'NODE_TLS_REJECT_UNAUTHORIZED: "0"'],
  ['.gitlab-ci.yml', 7, '--tls-max-v1.2'],
  ['.gitlab-ci.yml', 9, 'NODE_TLS_REJECT_UNAUTHORIZED=0'],
  ['.gitlab-ci.yml', 12, '--insecure'],
  ['.npmrc', 2, 'strict-ssl=false'],
  ['.yarnrc', 1, 'strict-ssl false'],
  ['.yarnrc.yml', 2, 'enableStrictSsl: false'],
  ['Dockerfile', 3, 'NODE_TLS_REJECT_UNAUTHORIZED=0'],
  ['Dockerfile', 5, 'NODE_TLS_REJECT_UNAUTHORIZED=0'],
  ['Dockerfile', 6, '--tls-max-v1.2'],
  ['Dockerfile', 9, 'strict-ssl false'],
  ['Dockerfile', 10, 'NODE_TLS_REJECT_UNAUTHORIZED=0'],
  ['Dockerfile', 11, '--no-check-certificate'],
  ['Dockerfile', 12, '"--tls-min-v1.0"'],
  ['Dockerfile', 13, 'NODE_TLS_REJECT_UNAUTHORIZED=0'],
  ['docker-compose.yml', 5, 'NODE_TLS_REJECT_UNAUTHORIZED: 0'],
  ['docker-compose.yml', 7, '--tls-min-v1.1'],
  ['docker-compose.yml', 12, 'NODE_TLS_REJECT_UNAUTHORIZED=0'],
  ['docker-compose.yml', 13, '--tls-keylog=/tmp/keys.log'],
  ['package.json', 5, 'NODE_TLS_REJECT_UNAUTHORIZED=0'],
  ['package.json', 6, 'NODE_TLS_REJECT_UNAUTHORIZED=0'],
  ['package.json', 7, 'NODE_TLS_REJECT_UNAUTHORIZED=0'],
  ['package.json', 8, 'NODE_TLS_REJECT_UNAUTHORIZED=0'],
  ['package.json', 9, 'NODE_TLS_REJECT_UNAUTHORIZED=0'],
  ['package.json', 10, '--tls-min-v1.0'],
  ['package.json', 11, '--tls-max-v1.2'],
  ['package.json', 12, '--tls-cipher-list=NULL-SHA256:@SECLEVEL=0'],
  ['package.json', 13, '--tls-keylog=keys.log'],
  ['package.json', 14, '--tls-min-v1.1'],
  ['package.json', 15, 'strict-ssl false'],
  ['package.json', 16, 'strict-ssl false'],
  ['package.json', 17, 'http.sslVerify false'],
  ['package.json', 18, '-k'],
  ['package.json', 19, '--insecure'],
  ['package.json', 20, '--no-check-certificate'],
];

describe('config files in the CLI', () => {
  it('reports every insecure line of the insecure project at its place', async () => {
    const dir = fixture('insecure-project');
    const { code, report } = await scan(dir);
    expect(code).toBe(1);
    expect(report.parseErrors).toEqual([]);
    expect(located(dir, report)).toEqual(EXPECTED);
    expect(new Set(report.findings.map((f) => f.ruleId))).toEqual(new Set(['tlsguard/no-insecure-tls-config']));
    expect(report.summary.filesScanned).toBe(11);
  });

  it('reports nothing in the safe twin', async () => {
    const { code, report } = await scan(fixture('safe-project'));
    expect(report.findings).toEqual([]);
    expect(report.parseErrors).toEqual([]);
    expect(report.summary.filesScanned).toBe(10);
    expect(code).toBe(0);
  });

  it('names the file kind in the message', async () => {
    const dir = fixture('insecure-project');
    const { report } = await scan(dir, ['Dockerfile', 'package.json', '.npmrc']);
    expect(
      report.findings.map((f) => f.message.replace(/^(.*? in this (?:npm script|Dockerfile|\.npmrc)) .*$/s, '$1')).filter((m, i, a) => a.indexOf(m) === i),
    ).toEqual([
      '`strict-ssl=false` in this .npmrc',
      '`NODE_TLS_REJECT_UNAUTHORIZED=0` in this Dockerfile',
      '`--tls-max-v1.2` in `NODE_OPTIONS` in this Dockerfile',
      '`npm config set strict-ssl false` in this Dockerfile',
      '`wget --no-check-certificate` in this Dockerfile',
      '`--tls-min-v1.0` on the `node` command line in this Dockerfile',
      '`NODE_TLS_REJECT_UNAUTHORIZED=0` in this npm script',
      '`--tls-min-v1.0` on the `node` command line in this npm script',
      '`--tls-max-v1.2` on the `node` command line in this npm script',
      '`--tls-cipher-list` on the `node` command line in this npm script',
      '`--tls-keylog` on the `node` command line in this npm script',
      '`--tls-min-v1.1` in `NODE_OPTIONS` in this npm script',
      '`npm config set strict-ssl false` in this npm script',
      '`yarn config set strict-ssl false` in this npm script',
      '`git config http.sslVerify false` in this npm script',
      '`curl -k` in this npm script',
      '`curl --insecure` in this npm script',
      '`wget --no-check-certificate` in this npm script',
    ]);
  });

  it('a malformed YAML, JSON or Dockerfile is one parse error for that file; the other files are still linted', async () => {
    const dir = project({
      '.github/workflows/ci.yml': 'jobs:\n  a: [1\n',
      'package.json': '{"scripts": {"dev": "node a.js",}\n',
      Dockerfile: 'FROM node:20\nRUNN npm ci\n',
      'docker-compose.yml': 'services:\n\tapi: {}\n',
      '.env': 'NODE_TLS_REJECT_UNAUTHORIZED=0\n',
      'a.js': "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\n",
    });
    const { code, report } = await scan(dir);
    expect(code).toBe(1);
    expect(report.parseErrors.map((e) => [e.file, e.line])).toEqual([
      ['.github/workflows/ci.yml', 3],
      ['Dockerfile', 2],
      ['docker-compose.yml', 2],
      ['package.json', 1],
    ]);
    expect(report.parseErrors.find((e) => e.file === 'Dockerfile')?.message).toBe('Parsing error: Dockerfile: unknown instruction: RUNN');
    expect(report.findings.map((f) => [f.file, f.line, f.ruleId])).toEqual([
      ['.env', 1, 'tlsguard/no-insecure-tls-config'],
      ['a.js', 1, 'tlsguard/no-insecure-tls-env'],
    ]);
  });
});
