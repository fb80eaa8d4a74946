/**
 * The one runner of the rule cases: every `test/rules/<rule>.cases.ts` and `<rule>.<topic>.cases.ts`,
 * found by name (a new case file needs no runner of its own), run with the rule of that name.
 */
import { loadRuleSuites } from '../harness/all-cases.js';
import { runLanguageRuleTests, runRuleTests } from '../rule-tester.js';

for (const suite of await loadRuleSuites()) {
  const title = suite.topic ? `${suite.name} (${suite.topic})` : suite.name;
  if (suite.cases.language) runLanguageRuleTests(title, suite.name, suite.rule, suite.cases);
  else runRuleTests(title, suite.rule, suite.cases);
}
