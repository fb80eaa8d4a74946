/**
 * The `recommended-type-checked` config: the recommended rules plus `projectService`, so that
 * with the typescript-eslint parser the rules see other modules' values.
 */
import { Linter } from 'eslint';
import tseslintParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin.js';
import { tsconfigRootDir } from './typed-rule-tester.js';

const code = "import tls from 'node:tls';\nimport { VERIFY } from './constants';\ntls.connect({ host: 'a.example', rejectUnauthorized: VERIFY });\n";

function lint(config: Linter.Config): string[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      { files: ['**/*.ts'], languageOptions: { parser: tseslintParser, parserOptions: { tsconfigRootDir } } },
      config,
      // Only the fixture's default project: the virtual file is not on disk.
      { languageOptions: { parserOptions: { projectService: config.languageOptions ? { allowDefaultProject: ['*.ts'] } : false } } },
    ],
    `${tsconfigRootDir}file.ts`,
  );
  return messages.filter((m) => m.ruleId === 'tlsguard/no-unverified-certificate' || m.fatal).map((m) => `${m.ruleId}:${m.messageId ?? m.message}`);
}

describe('configs', () => {
  it('recommended-type-checked has the recommended rules and turns on the project service', () => {
    const typed = plugin.configs['recommended-type-checked'];
    expect(typed.rules).toEqual(plugin.configs.recommended.rules);
    expect(typed.languageOptions?.parserOptions).toEqual({ projectService: true });
  });

  it('with it, a constant from another module is resolved; with recommended it is not', () => {
    expect(lint(plugin.configs['recommended-type-checked'])).toEqual(['tlsguard/no-unverified-certificate:clientSink']);
    expect(lint(plugin.configs.recommended)).toEqual([]);
  });
});
