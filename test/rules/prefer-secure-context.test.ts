import rule from '../../rules/prefer-secure-context.js';
import { runRuleTests } from '../rule-tester.js';
import cases from './prefer-secure-context.cases.js';

runRuleTests('prefer-secure-context', rule, cases);
