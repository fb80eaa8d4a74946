import rule from '../../rules/no-unverified-certificate.js';
import { runRuleTests } from '../rule-tester.js';
import cases from './no-unverified-certificate.destinations.cases.js';

runRuleTests('no-unverified-certificate (known destinations)', rule, cases);
