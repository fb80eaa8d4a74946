import { R, errAt } from './config-case-helpers.js';

const env = `# local development\nPORT=3000\n${R}=0\nexport NODE_OPTIONS="--max-old-space-size=512 --tls-min-v1.1"\n`;
const quoted = `${R}='0' # TODO remove\nnpm_config_strict_ssl=false\n`;

export default {
  language: 'tlsguard/dotenv',
  valid: [
    { code: `${R}=1\n`, filename: '.env' },
    { code: `# ${R}=0\n`, filename: '.env' },
    { code: `NODE_EXTRA_CA_CERTS=./certs/ca.pem\n`, filename: '.env.local' },
    { code: `${R}=\${FROM_ENV}\n`, filename: '.env' },
    { code: `NOTE="${R}=0 is not a setting here"\n`, filename: '.env' },
  ],
  invalid: [
    {
      code: env,
      filename: '.env',
      errors: [
        errAt('reject-unauthorized', env, `${R}=0`, env.replace(`${R}=0\n`, '')),
        errAt('node-options', env, '--tls-min-v1.1', env.replace('export NODE_OPTIONS="--max-old-space-size=512 --tls-min-v1.1"\n', '')),
      ],
    },
    {
      code: quoted,
      filename: '.env.development',
      errors: [
        errAt('reject-unauthorized', quoted, `${R}='0'`, quoted.replace(`${R}='0' # TODO remove\n`, '')),
        errAt('strict-ssl', quoted, 'npm_config_strict_ssl=false', `${R}='0' # TODO remove\n`),
      ],
    },
  ],
};
