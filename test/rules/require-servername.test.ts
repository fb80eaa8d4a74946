import rule from '../../rules/require-servername.js';
import { runRuleTests } from '../rule-tester.js';
import cases from './require-servername.cases.js';

runRuleTests('require-servername', rule, cases);
