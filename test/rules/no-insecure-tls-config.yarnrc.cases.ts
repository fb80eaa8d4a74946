import { errAt } from './config-case-helpers.js';
import type rule from '../../rules/no-insecure-tls-config.js';
import type { CasesOf } from '../rule-tester.js';

const yarnrc = `registry "https://registry.yarnpkg.com"\nstrict-ssl false\n`;

const cases: CasesOf<typeof rule> = {
  language: 'tlsguard/yarnrc',
  valid: [
    { code: `strict-ssl true\n`, filename: '.yarnrc' },
    { code: `# strict-ssl false\n`, filename: '.yarnrc' },
  ],
  invalid: [{ code: yarnrc, filename: '.yarnrc', errors: [errAt('strict-ssl', yarnrc, 'strict-ssl false', 'registry "https://registry.yarnpkg.com"\n')] }],
};

export default cases;
