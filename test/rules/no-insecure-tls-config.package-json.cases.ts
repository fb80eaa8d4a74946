import { R, errAt } from './config-case-helpers.js';
import type rule from '../../rules/no-insecure-tls-config.js';
import type { CasesOf } from '../rule-tester.js';

const pkg = (scripts: Record<string, string>): string => `${JSON.stringify({ name: 'app', scripts }, null, 2)}\n`;

const dev = pkg({ dev: `${R}=0 node app.js`, start: 'node app.js' });
const crossEnv = pkg({ test: `cross-env ${R}=0 NODE_OPTIONS="--tls-min-v1.0" vitest` });
const win = pkg({ 'dev:win': `set ${R}=0&& node app.js` });
const flags = pkg({
  start: 'node --tls-max-v1.2 --tls-keylog=keys.log server.js',
  setup: 'npm config set strict-ssl false && curl -k https://x.example/ca.pem',
});

const cases: CasesOf<typeof rule> = {
  language: 'tlsguard/json',
  valid: [
    { code: pkg({ dev: `${R}=1 node app.js` }), filename: 'package.json' },
    { code: pkg({ dev: 'NODE_EXTRA_CA_CERTS=./ca.pem node app.js' }), filename: 'package.json' },
    { code: pkg({ dev: `set ${R}=0 && node app.js` }), filename: 'package.json' },
    { code: pkg({ dev: `node app.js --tls-min-v1.0` }), filename: 'package.json' },
    { code: pkg({ dev: `echo ${R}=0` }), filename: 'package.json' },
    // Only `scripts`, and only in package.json.
    { code: JSON.stringify({ config: { dev: `${R}=0 node app.js` } }), filename: 'package.json' },
    { code: pkg({ dev: `${R}=0 node app.js` }), filename: 'other.json' },
  ],
  invalid: [
    {
      code: dev,
      filename: 'package.json',
      errors: [errAt('reject-unauthorized', dev, `${R}=0`, dev.replace(`${R}=0 `, ''))],
    },
    {
      code: crossEnv,
      filename: 'package.json',
      errors: [
        errAt('reject-unauthorized', crossEnv, `${R}=0`, crossEnv.replace(`${R}=0 `, '')),
        errAt('node-options', crossEnv, '--tls-min-v1.0', crossEnv.replace('NODE_OPTIONS=\\"--tls-min-v1.0\\" ', '')),
      ],
    },
    { code: win, filename: 'package.json', errors: [errAt('reject-unauthorized', win, `${R}=0`)] },
    {
      code: flags,
      filename: 'package.json',
      errors: [
        errAt('node-flag', flags, '--tls-max-v1.2', flags.replace('--tls-max-v1.2 ', '')),
        errAt('node-flag', flags, '--tls-keylog=keys.log', flags.replace('--tls-keylog=keys.log ', '')),
        errAt('strict-ssl', flags, 'strict-ssl false'),
        errAt('curl-insecure', flags, '-k', flags.replace('-k ', ''), 5),
      ],
    },
  ],
};

export default cases;
