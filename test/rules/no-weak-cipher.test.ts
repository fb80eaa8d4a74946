import rule from '../../rules/no-weak-cipher.js';
import { runRuleTests } from '../rule-tester.js';
import cases from './no-weak-cipher.cases.js';

runRuleTests('no-weak-cipher', rule, cases);
