import rule from '../../rules/no-unverified-hostname.js';
import { runDualRuleTests } from './dual.js';
import cases from './no-unverified-hostname.typed.cases.js';

runDualRuleTests('no-unverified-hostname', rule, cases);
