import rule from '../../rules/no-unverified-certificate.js';
import { runRuleTests } from '../rule-tester.js';
import cases from './no-unverified-certificate.libraries.cases.js';

runRuleTests('no-unverified-certificate (libraries)', rule, cases);
