import rule from '../../rules/no-unverified-certificate.js';
import { runRuleTests } from '../rule-tester.js';
import cases from './no-unverified-certificate.databases.cases.js';

runRuleTests('no-unverified-certificate (database drivers and ORMs)', rule, cases);
