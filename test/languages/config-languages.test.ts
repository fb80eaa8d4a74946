/** The config-file languages through ESLint's Linter: directives in comments, parse errors, the YAML `kind` option. */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin.js';

const RULE = 'tlsguard/no-insecure-tls-config';
const lint = (filename: string, text: string, config: Linter.Config[] = plugin.configs['recommended-files']) =>
  new Linter({ configType: 'flat' })
    .verify(text, config, filename)
    // ESLint's own notice about a directive that disabled nothing is not what these tests check.
    .filter((m) => !/^Unused eslint-disable directive/.test(m.message))
    .map((m) => [m.ruleId, m.line, m.fatal === true]);

describe('inline directives in # comments', () => {
  it('eslint-disable-next-line, -line, disable/enable blocks and config comments', () => {
    expect(
      lint(
        'Dockerfile',
        `FROM node\n# eslint-disable-next-line ${RULE} -- private CA only\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n`,
      ),
    ).toEqual([[RULE, 4, false]]);
    expect(lint('.github/workflows/ci.yml', `env:\n  NODE_TLS_REJECT_UNAUTHORIZED: 0 # eslint-disable-line ${RULE}\n  NODE_OPTIONS: --tls-min-v1.0\n`)).toEqual(
      [[RULE, 3, false]],
    );
    expect(lint('.env', `# eslint-disable ${RULE}\nNODE_TLS_REJECT_UNAUTHORIZED=0\n# eslint-enable ${RULE}\nNODE_TLS_REJECT_UNAUTHORIZED=0\n`)).toEqual([
      [RULE, 4, false],
    ]);
    expect(lint('.npmrc', `; eslint-disable-next-line ${RULE}\nstrict-ssl=false\n`)).toEqual([]);
    expect(lint('.env', `# eslint ${RULE}: off\nNODE_TLS_REJECT_UNAUTHORIZED=0\n`)).toEqual([]);
  });

  it('a # inside a value is not a comment, and ; is one only in .npmrc', () => {
    expect(lint('.yarnrc', `; eslint-disable-next-line ${RULE}\nstrict-ssl false\n`)).toEqual([[RULE, 2, false]]);
    expect(lint('.env', `A=x#eslint-disable-line ${RULE}\nNODE_TLS_REJECT_UNAUTHORIZED=0 #eslint-disable-line tlsguard/no-weak-cipher\n`)).toEqual([
      [RULE, 2, false],
    ]);
  });
});

describe('parse errors and language options', () => {
  it('a malformed file is one fatal message', () => {
    expect(lint('Dockerfile', 'FROM node\nRUNN x\n')).toEqual([[null, 2, true]]);
    expect(lint('docker-compose.yml', 'services:\n  a: [1\n')).toEqual([[null, 3, true]]);
    expect(lint('package.json', '{"scripts": {\n').map(([id, , fatal]) => [id, fatal])).toEqual([[null, true]]);
  });

  it('kind tells the YAML language what a file is when its name does not', () => {
    const text = 'services:\n  api:\n    environment:\n      NODE_TLS_REJECT_UNAUTHORIZED: "0"\n';
    const config = (languageOptions: Record<string, unknown>): Linter.Config[] => [
      { files: ['deploy/*.yml'], plugins: { tlsguard: plugin }, language: 'tlsguard/yaml', languageOptions, rules: { [RULE]: 'error' } },
    ];
    expect(lint('deploy/stack.yml', text, config({}))).toEqual([]);
    expect(lint('deploy/stack.yml', text, config({ kind: 'compose' }))).toEqual([[RULE, 4, false]]);
    expect(() => lint('deploy/stack.yml', text, config({ kind: 'helm' }))).toThrow(/expected one of compose, github-actions, gitlab-ci, yarnrc-yml/);
  });

  it('JavaScript rules enabled for every file return nothing on these trees', () => {
    const config: Linter.Config[] = [{ ...plugin.configs.strict, files: ['**/*'] }, ...plugin.configs['strict-files']];
    expect(lint('Dockerfile', 'FROM node\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n', config)).toEqual([[RULE, 2, false]]);
    expect(lint('package.json', '{"scripts":{"a":"node --tls-min-v1.0 a.js"}}', config)).toEqual([[RULE, 1, false]]);
  });
});
