import { errAt } from './config-case-helpers.js';

const yarnrc = `registry "https://registry.yarnpkg.com"\nstrict-ssl false\n`;

export default {
  language: 'tlsguard/yarnrc',
  valid: [
    { code: `strict-ssl true\n`, filename: '.yarnrc' },
    { code: `# strict-ssl false\n`, filename: '.yarnrc' },
  ],
  invalid: [{ code: yarnrc, filename: '.yarnrc', errors: [errAt('strict-ssl', yarnrc, 'strict-ssl false', 'registry "https://registry.yarnpkg.com"\n')] }],
};
