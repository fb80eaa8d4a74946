import rule from '../../rules/no-insecure-tls-env.js';
import { runRuleTests } from '../rule-tester.js';
import cases from './no-insecure-tls-env.cases.js';

runRuleTests('no-insecure-tls-env', rule, cases);
