import rule from '../../rules/no-unverified-certificate.js';
import { runDualRuleTests } from './dual.js';
import cases from './no-unverified-certificate.libraries.typed.cases.js';

runDualRuleTests('no-unverified-certificate (libraries)', rule, cases);
