import rule from '../../rules/no-unverified-certificate.js';
import { runDualRuleTests } from './dual.js';
import cases from './no-unverified-certificate.typed.cases.js';

runDualRuleTests('no-unverified-certificate', rule, cases);
