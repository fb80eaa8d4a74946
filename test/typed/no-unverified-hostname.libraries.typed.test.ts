import rule from '../../rules/no-unverified-hostname.js';
import { runDualRuleTests } from './dual.js';
import cases from './no-unverified-hostname.libraries.typed.cases.js';

runDualRuleTests('no-unverified-hostname (libraries)', rule, cases);
