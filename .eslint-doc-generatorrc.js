/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  pathRuleDoc: 'rules/{name}.md',
  pathRuleList: 'README.md',
  ruleDocTitleFormat: 'desc-parens-prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'hasSuggestions', 'requiresTypeChecking'],
  ruleDocSectionInclude: ['Examples'],
  urlRuleDoc: 'rules/{name}.md',
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
    ['recommended-files', '📄'],
  ],
  ignoreConfig: ['recommended-type-checked', 'strict-files'],
};
