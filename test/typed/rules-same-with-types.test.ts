/**
 * The rules' own cases (test/rules/<rule>.cases.ts) give the same results with type information:
 * the type-aware paths only add findings the syntax cannot see, never change these.
 */
import certificate from '../../rules/no-unverified-certificate.js';
import hostname from '../../rules/no-unverified-hostname.js';
import certificateCases from '../rules/no-unverified-certificate.cases.js';
import hostnameCases from '../rules/no-unverified-hostname.cases.js';
import { runTypedRuleTests } from './typed-rule-tester.js';

runTypedRuleTests('no-unverified-certificate', certificate, certificateCases);
runTypedRuleTests('no-unverified-hostname', hostname, hostnameCases);
