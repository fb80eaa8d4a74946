import rule from '../../rules/no-unverified-certificate.js';
import { runRuleTests } from '../rule-tester.js';
import cases from './no-unverified-certificate.libcurl.cases.js';

runRuleTests('no-unverified-certificate (node-libcurl)', rule, cases);
