/**
 * The plugin on ESLint 9 (the `eslint-v9` dev dependency, an alias of `eslint@^9`) gives the same
 * findings as on ESLint 10: the config-file languages with `no-insecure-tls-config` on the
 * fixture projects of test/cli/config-files.test.ts, their inline directives and parse errors, and
 * one JavaScript rule. The peer dependency's lower bound (README, "Requirements") is the ESLint 9
 * release whose flat config reads a plugin's `languages`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint as ESLint10 } from 'eslint';
import { ESLint as ESLint9 } from 'eslint-v9';
import { describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = (name: string): string => path.join(root, 'fixtures/config-files', name);

type Finding = [file: string, ruleId: string | null, line: number, column: number, endLine: number | undefined, endColumn: number | undefined, fatal: boolean];

interface Engine {
  lintFiles(patterns: string[]): Promise<
    {
      filePath: string;
      messages: { ruleId: string | null; line: number; column: number; endLine?: number; endColumn?: number; fatal?: boolean; message: string }[];
    }[]
  >;
  lintText(
    text: string,
    options: { filePath: string },
  ): Promise<
    {
      filePath: string;
      messages: { ruleId: string | null; line: number; column: number; endLine?: number; endColumn?: number; fatal?: boolean; message: string }[];
    }[]
  >;
}

/** ESLint (either major) with the plugin's `strict` JavaScript config and its `strict-files` configs. */
function engine(Eslint: typeof ESLint10 | typeof ESLint9, cwd: string): Engine {
  const overrideConfig = [plugin.configs.strict, ...plugin.configs['strict-files']];
  return new Eslint({ cwd, overrideConfigFile: true, overrideConfig: overrideConfig as never }) as unknown as Engine;
}

function findings(cwd: string, results: Awaited<ReturnType<Engine['lintFiles']>>): Finding[] {
  return results
    .flatMap((r) =>
      r.messages
        .filter((m) => !/^Unused eslint-disable directive/.test(m.message))
        .map((m): Finding => [path.relative(cwd, r.filePath), m.ruleId, m.line, m.column, m.endLine, m.endColumn, m.fatal === true]),
    )
    .sort((a, b) => a.join('\u0000').localeCompare(b.join('\u0000')));
}

const majors = [
  ['ESLint 9', ESLint9],
  ['ESLint 10', ESLint10],
] as const;

describe('ESLint 9 and ESLint 10 give the same findings', () => {
  it('the versions under test are 9.x and 10.x', () => {
    expect(ESLint9.version).toMatch(/^9\./);
    expect(ESLint10.version).toMatch(/^10\./);
  });

  it('the insecure config-file project: every finding the same, at the same place', async () => {
    const dir = fixture('insecure-project');
    const v9 = findings(dir, await engine(ESLint9, dir).lintFiles(['.']));
    const v10 = findings(dir, await engine(ESLint10, dir).lintFiles(['.']));
    // As many as the CLI test lists for this project (test/cli/config-files.test.ts), all from the config rule.
    expect(v10).toHaveLength(45);
    expect(new Set(v10.map((f) => f[1]))).toEqual(new Set(['tlsguard/no-insecure-tls-config']));
    expect(new Set(v10.map((f) => f[0]))).toEqual(
      new Set([
        '.env',
        '.env.production',
        '.github/workflows/ci.yml',
        '.gitlab-ci.yml',
        '.npmrc',
        '.yarnrc',
        '.yarnrc.yml',
        'Dockerfile',
        'docker-compose.yml',
        'package.json',
      ]),
    );
    expect(v9).toEqual(v10);
  });

  it('the safe twin: nothing on either', async () => {
    const dir = fixture('safe-project');
    for (const [, E] of majors) expect(findings(dir, await engine(E, dir).lintFiles(['.']))).toEqual([]);
  });

  const texts: [filePath: string, text: string, expected: [string | null, number, boolean][]][] = [
    [
      'Dockerfile',
      'FROM node\n# eslint-disable-next-line tlsguard/no-insecure-tls-config -- private CA only\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n',
      [['tlsguard/no-insecure-tls-config', 4, false]],
    ],
    ['.env', '# eslint tlsguard/no-insecure-tls-config: off\nNODE_TLS_REJECT_UNAUTHORIZED=0\n', []],
    [
      '.npmrc',
      '; eslint-disable-next-line tlsguard/no-insecure-tls-config\nstrict-ssl=false\ncafile=/etc/ca.pem\n',
      [['tlsguard/no-insecure-tls-config', 3, false]],
    ],
    ['docker-compose.yml', 'services:\n  a: [1\n', [[null, 3, true]]],
    [
      'server.js',
      "import https from 'node:https';\nexport const agent = new https.Agent({ rejectUnauthorized: false });\n",
      [
        ['tlsguard/no-unverified-certificate', 2, false],
        ['tlsguard/prefer-secure-context', 2, false],
      ],
    ],
  ];

  it.each(texts)('%s: directives, parse errors and a JavaScript rule', async (filePath, text, expected) => {
    const dir = fixture('safe-project');
    const v9 = findings(dir, await engine(ESLint9, dir).lintText(text, { filePath: path.join(dir, filePath) }));
    const v10 = findings(dir, await engine(ESLint10, dir).lintText(text, { filePath: path.join(dir, filePath) }));
    expect(v10.map(([, id, line, , , , fatal]) => [id, line, fatal])).toEqual(expected);
    expect(v9).toEqual(v10);
  });
});
