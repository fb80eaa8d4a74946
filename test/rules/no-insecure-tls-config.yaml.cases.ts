import { R, errAt } from './config-case-helpers.js';
import type rule from '../../rules/no-insecure-tls-config.js';
import type { CasesOf } from '../rule-tester.js';

const compose = `services:\n  api:\n    image: node:20\n    environment:\n      ${R}: 0\n      PORT: "3000"\n    command: node --tls-max-v1.2 server.js\n  worker:\n    environment:\n      - ${R}=0\n      - QUEUE=jobs\n`;
const workflow = `on: push\nenv:\n  ${R}: '0'\n  CI: true\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: |\n          npm ci\n          git config --global http.sslVerify false\n          wget --no-check-certificate https://x.example/fixture.tgz\n`;
const gitlab = `variables:\n  ${R}: "0"\n  GIT_DEPTH: "1"\ntest:\n  script:\n    - export NODE_OPTIONS="--tls-min-v1.0"\n    - npm test\n`;
const yarnrcYml = `nodeLinker: node-modules\nenableStrictSsl: false\n`;

const cases: CasesOf<typeof rule> = {
  language: 'tlsguard/yaml',
  valid: [
    { code: `services:\n  api:\n    environment:\n      ${R}: "1"\n      NODE_EXTRA_CA_CERTS: /certs/ca.pem\n`, filename: 'docker-compose.yml' },
    { code: `services:\n  api:\n    command: ${R}=0 node server.js\n`, filename: 'compose.yaml' },
    { code: `jobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "set ${R}=0 to debug"\n`, filename: '.github/workflows/ci.yml' },
    { code: `jobs:\n  t:\n    runs-on: windows-latest\n    steps:\n      - run: ${R}=0 node a.js\n`, filename: '.github/workflows/ci.yml' },
    { code: `test:\n  script:\n    - export ${R}=0\n`, filename: '.gitlab-ci.yml' },
    { code: `enableStrictSsl: true\n`, filename: '.yarnrc.yml' },
    // Not a known kind: nothing is judged.
    { code: `env:\n  ${R}: 0\n`, filename: 'config/settings.yml' },
  ],
  invalid: [
    {
      code: compose,
      filename: 'docker-compose.yml',
      errors: [
        errAt('reject-unauthorized', compose, `${R}: 0`, compose.replace(`      ${R}: 0\n`, '')),
        errAt('node-flag', compose, '--tls-max-v1.2'),
        errAt('reject-unauthorized', compose, `${R}=0`, compose.replace(`      - ${R}=0\n`, '')),
      ],
    },
    {
      code: workflow,
      filename: '.github/workflows/ci.yml',
      errors: [
        errAt('reject-unauthorized', workflow, `${R}: '0'`, workflow.replace(`  ${R}: '0'\n`, '')),
        errAt('git-ssl-verify', workflow, 'http.sslVerify false'),
        errAt('wget-insecure', workflow, '--no-check-certificate', workflow.replace('--no-check-certificate ', '')),
      ],
    },
    {
      code: gitlab,
      filename: '.gitlab-ci.yml',
      errors: [errAt('reject-unauthorized', gitlab, `${R}: "0"`, gitlab.replace(`  ${R}: "0"\n`, '')), errAt('node-options', gitlab, '--tls-min-v1.0')],
    },
    { code: yarnrcYml, filename: '.yarnrc.yml', errors: [errAt('strict-ssl', yarnrcYml, 'enableStrictSsl: false', 'nodeLinker: node-modules\n')] },
  ],
};

export default cases;
