import rule from '../../rules/no-unverified-hostname.js';
import { runRuleTests } from '../rule-tester.js';
import cases from './no-unverified-hostname.libcurl.cases.js';

runRuleTests('no-unverified-hostname (node-libcurl)', rule, cases);
