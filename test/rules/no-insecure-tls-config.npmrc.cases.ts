import { errAt } from './config-case-helpers.js';
import type rule from '../../rules/no-insecure-tls-config.js';
import type { CasesOf } from '../rule-tester.js';

const npmrc = `registry=https://registry.npmjs.org/\nstrict-ssl=false\n`;
const ca = `cafile=/etc/ssl/corp-ca.pem\n`;

const cases: CasesOf<typeof rule> = {
  language: 'tlsguard/npmrc',
  valid: [
    { code: `strict-ssl=true\n`, filename: '.npmrc' },
    { code: `; strict-ssl=false\n`, filename: '.npmrc' },
    { code: ca, filename: '.npmrc' },
  ],
  invalid: [
    { code: npmrc, filename: '.npmrc', errors: [errAt('strict-ssl', npmrc, 'strict-ssl=false', 'registry=https://registry.npmjs.org/\n')] },
    // The strict config's option: a CA file that replaces the registry roots.
    { code: ca, filename: '.npmrc', options: [{ replacedRoots: true }], errors: [errAt('replaced-roots', ca, 'cafile=/etc/ssl/corp-ca.pem', '')] },
  ],
};

export default cases;
