/**
 * The one runner of the rule cases: every `test/rules/<rule>.cases.ts` and `<rule>.<topic>.cases.ts`,
 * found by name (a new case file needs no runner of its own), run with the rule of that name.
 */
import { loadRuleSuites } from '../harness/all-cases.js';
import { runRuleTests } from '../rule-tester.js';

for (const suite of await loadRuleSuites()) runRuleTests(suite.topic ? `${suite.name} (${suite.topic})` : suite.name, suite.rule, suite.cases);
