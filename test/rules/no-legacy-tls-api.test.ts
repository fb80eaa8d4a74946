import rule from '../../rules/no-legacy-tls-api.js';
import { runRuleTests } from '../rule-tester.js';
import cases from './no-legacy-tls-api.cases.js';

runRuleTests('no-legacy-tls-api', rule, cases);
