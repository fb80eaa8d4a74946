/** The layer rules of eslint.layers.js: each forbidden import is a lint error, each allowed one is not. */
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain JS config module without declarations
import { layerRules } from '../../eslint.layers.js';

const eslint = new ESLint({
  cwd: new URL('../..', import.meta.url).pathname,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...(layerRules as Linter.Config[])],
});

async function errors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: file });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer rules', () => {
  const forbidden: [string, string][] = [
    ['src/policy/x.ts', `import { unwrap } from '../analysis/ast.js';`],
    ['src/policy/x.ts', `import ts from 'typescript';`],
    ['src/policy/x.ts', `import { AST_NODE_TYPES } from '@typescript-eslint/utils';`],
    ['src/runtime/x.ts', `import { ESLint, type Linter } from 'eslint';`],
    ['src/runtime/x.ts', `import { unwrap } from '../analysis/ast.js';`],
    ['src/analysis/x.ts', `import rule from '../../rules/no-weak-cipher.js';`],
    ['src/analysis/catalogue/x.ts', `import { aliasReportListeners } from '../../rule-kit/alias-report.js';`],
    ['src/analysis/x.ts', `import { createSecureClientContext } from '../runtime/index.js';`],
    ['src/rule-kit/x.ts', `import rule from '../../rules/no-weak-cipher.js';`],
    ['rules/x.ts', `import { run } from '../src/cli/run.js';`],
  ];
  it.each(forbidden)('%s: %s is an error', async (file, source) => {
    expect(await errors(file, source)).toEqual([expect.stringMatching(/^no-restricted-imports: .*(must not import|run without ESLint or TypeScript)/)]);
  });

  const allowed: [string, string][] = [
    ['src/runtime/x.ts', `import { check } from '../policy/index.js';`],
    ['src/analysis/x.ts', `import { check } from '../policy/index.js';`],
    ['src/analysis/x.ts', `import ts from 'typescript';`],
    ['src/rule-kit/x.ts', `import { unwrap } from '../analysis/ast.js';`],
    ['rules/x.ts', `import { createRule } from '../src/rule-kit/create-rule.js';`],
  ];
  it.each(allowed)('%s: %s is allowed', async (file, source) => {
    expect(await errors(file, source)).toEqual([]);
  });
});
