import rule from '../../rules/no-unverified-hostname.js';
import { runRuleTests } from '../rule-tester.js';
import cases from './no-unverified-hostname.libraries.cases.js';

runRuleTests('no-unverified-hostname (libraries)', rule, cases);
