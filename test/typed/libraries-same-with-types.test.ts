/**
 * Every library catalogue case (test/rules/*.libraries.cases.ts) gives exactly the same reports and
 * suggestions with type information from the real packages as without it.
 */
import certificate from '../../rules/no-unverified-certificate.js';
import hostname from '../../rules/no-unverified-hostname.js';
import certificateCases from '../rules/no-unverified-certificate.libraries.cases.js';
import hostnameCases from '../rules/no-unverified-hostname.libraries.cases.js';
import { runTypedRuleTests } from './typed-rule-tester.js';

runTypedRuleTests('no-unverified-certificate (libraries)', certificate, certificateCases);
runTypedRuleTests('no-unverified-hostname (libraries)', hostname, hostnameCases);
