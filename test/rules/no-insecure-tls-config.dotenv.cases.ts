import { LEGACY_TLS_NOTE } from '../../src/rule-kit/legacy-tls-note.js';
import { R, errAt } from './config-case-helpers.js';
import type rule from '../../rules/no-insecure-tls-config.js';
import type { CasesOf } from '../rule-tester.js';

const env = `# local development\nPORT=3000\n${R}=0\nexport NODE_OPTIONS="--max-old-space-size=512 --tls-min-v1.1"\n`;
const quoted = `${R}='0' # TODO remove\nnpm_config_strict_ssl=false\n`;

const cases: CasesOf<typeof rule> = {
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
        {
          ...errAt('node-options', env, '--tls-min-v1.1', env.replace('export NODE_OPTIONS="--max-old-space-size=512 --tls-min-v1.1"\n', '')),
          // On the supported Node lines (OpenSSL 3) the lowered minimum needs @SECLEVEL=0 too: the message says so.
          data: { flag: '--tls-min-v1.1', effect: 'allows TLS 1.1 by default', note: LEGACY_TLS_NOTE, where: 'env file' },
        },
      ],
    },
    {
      // A Node 16 target (OpenSSL 1.1.1): TLS 1.1 works at the default level, so no note.
      code: 'NODE_OPTIONS=--tls-min-v1.0\n',
      filename: '.env',
      settings: { tlsguard: { node: '16' } },
      errors: [
        {
          ...errAt('node-options', 'NODE_OPTIONS=--tls-min-v1.0\n', '--tls-min-v1.0', ''),
          data: { flag: '--tls-min-v1.0', effect: 'allows TLS 1.0 by default', note: '', where: 'env file' },
        },
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

export default cases;
