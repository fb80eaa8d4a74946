// The layer rules of the source tree, as `no-restricted-imports` per folder (docs/architecture.md):
//   rules -> rule-kit -> analysis -> policy, and the runtime on policy only.
// A lower layer importing a higher one, or policy/runtime importing ESLint or TypeScript, is a lint
// error. test/lint-layers.test.ts proves each restriction fires.

const eslintAndTypeScript = [
  {
    group: ['eslint', 'eslint/*', '@typescript-eslint/*', 'typescript', 'typescript/*'],
    message: 'policy and runtime run without ESLint or TypeScript: keep them out of this layer.',
  },
];
const above = (what, layers) => ({
  group: layers.flatMap((l) => [`**/${l}`, `**/${l}/**`]),
  message: `${what} must not import ${layers.join(', ')} (the layers go rules -> rule-kit -> analysis -> policy).`,
});
const restrict = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });

export const layerRules = [
  restrict(['src/policy/**/*.ts'], [...eslintAndTypeScript, above('policy', ['analysis', 'rule-kit', 'rules', 'runtime', 'cli'])]),
  restrict(['src/runtime/**/*.ts'], [...eslintAndTypeScript, above('the runtime', ['analysis', 'rule-kit', 'rules', 'cli'])]),
  restrict(['src/analysis/**/*.ts'], [above('analysis', ['languages', 'rule-kit', 'rules', 'runtime', 'cli'])]),
  restrict(['src/languages/**/*.ts'], [above('a language', ['rule-kit', 'rules', 'runtime', 'cli'])]),
  restrict(['src/rule-kit/**/*.ts'], [above('rule-kit', ['rules', 'runtime', 'cli'])]),
  restrict(['rules/**/*.ts'], [above('a rule', ['runtime', 'cli'])]),
];
