import rule from '../../rules/no-legacy-tls-version.js';
import { runRuleTests } from '../rule-tester.js';
import cases from './no-legacy-tls-version.cdk.cases.js';

runRuleTests('no-legacy-tls-version (AWS CDK)', rule, cases);
