import { R, errAt } from './config-case-helpers.js';
import type rule from '../../rules/no-insecure-tls-config.js';
import type { CasesOf } from '../rule-tester.js';

const env = `FROM node:20-alpine\nENV NODE_ENV=production ${R}=0\nENV ${R} 0\nARG ${R}=0\n`;
const run = `FROM node:20\nRUN npm config set strict-ssl false \\\n && ${R}=0 npm ci\nCMD ["node", "--tls-min-v1.0", "server.js"]\nENTRYPOINT ["sh", "-c", "curl -k https://x.example/health"]\n`;

const cases: CasesOf<typeof rule> = {
  language: 'tlsguard/dockerfile',
  valid: [
    { code: `FROM node:20\nENV ${R}=1\n`, filename: 'Dockerfile' },
    { code: `FROM node:20\nENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca.pem\n`, filename: 'Dockerfile' },
    { code: `FROM node:20\n# ENV ${R}=0\n`, filename: 'Dockerfile' },
    { code: `FROM node:20\nCMD ["${R}=0", "node", "server.js"]\n`, filename: 'Dockerfile' },
    { code: `FROM node:20\nARG ${R}\n`, filename: 'Dockerfile' },
    { code: `FROM node:20\nRUN node server.js --tls-min-v1.0\n`, filename: 'Dockerfile' },
    { code: `FROM mcr.microsoft.com/windows/servercore\nSHELL ["powershell", "-Command"]\nRUN ${R}=0 node a.js\n`, filename: 'Dockerfile' },
  ],
  invalid: [
    {
      code: env,
      filename: 'Dockerfile',
      errors: [
        errAt('reject-unauthorized', env, `${R}=0`, env.replace(` ${R}=0`, '')),
        errAt('reject-unauthorized', env, `${R} 0`, env.replace(`ENV ${R} 0\n`, '')),
        errAt('reject-unauthorized', env, `${R}=0`, env.replace(`ARG ${R}=0\n`, ''), 4),
      ],
    },
    {
      code: run,
      filename: 'docker/Dockerfile.prod',
      errors: [
        errAt('strict-ssl', run, 'strict-ssl false'),
        errAt('reject-unauthorized', run, `${R}=0`, run.replace(`${R}=0 `, '')),
        errAt('node-flag', run, '"--tls-min-v1.0"'),
        errAt('curl-insecure', run, '-k', run.replace('-k ', ''), 5),
      ],
    },
  ],
};

export default cases;
