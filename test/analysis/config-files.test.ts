import { describe, expect, it } from 'vitest';
import {
  configFileKind,
  CONFIG_FILE_KINDS,
  dockerfileFindings,
  dotenvFindings,
  npmrcFindings,
  packageScriptFindings,
  parseDockerfile,
  parseYaml,
  yamlFindings,
  yarnrcFindings,
  type ConfigFinding,
  type YamlKind,
} from '../../src/analysis/config/index.js';

/** [kind, 1-based line, reported text, removed text or null]. */
function rows(text: string, findings: readonly ConfigFinding[]): [string, number, string, string | null][] {
  return findings.map((f) => [f.kind, text.slice(0, f.range[0]).split('\n').length, text.slice(...f.range), f.removal ? text.slice(...f.removal) : null]);
}
const yaml = (kind: YamlKind, text: string) => rows(text, yamlFindings(kind, parseYaml(text)));
const docker = (text: string) => rows(text, dockerfileFindings(parseDockerfile(text)));
const R = 'NODE_TLS_REJECT_UNAUTHORIZED';

describe('file kinds', () => {
  it('recognises each kind by its path', () => {
    const cases: [string, string | undefined][] = [
      ['package.json', 'package-json'],
      ['a/.env', 'dotenv'],
      ['.env.production', 'dotenv'],
      ['.envrc', undefined],
      ['Dockerfile', 'dockerfile'],
      ['docker/Dockerfile.dev', 'dockerfile'],
      ['web.Dockerfile', 'dockerfile'],
      ['Containerfile', 'dockerfile'],
      ['docker-compose.yml', 'compose'],
      ['compose.override.yaml', 'compose'],
      ['.github/workflows/ci.yml', 'github-actions'],
      ['x/.github/workflows/ci.yaml', 'github-actions'],
      ['.github/ci.yml', undefined],
      ['.gitlab-ci.yml', 'gitlab-ci'],
      ['.npmrc', 'npmrc'],
      ['.yarnrc', 'yarnrc'],
      ['.yarnrc.yml', 'yarnrc-yml'],
      ['src\\Dockerfile', 'dockerfile'],
      ['README.md', undefined],
    ];
    for (const [p, kind] of cases) expect(configFileKind(p)?.kind, p).toBe(kind);
  });

  it('the globs and the predicate agree on sample paths', async () => {
    const { minimatch } = await import('minimatch');
    const samples = [
      'package.json',
      'a/b/package.json',
      '.env',
      'x/.env.local',
      'Dockerfile',
      'a/Dockerfile.prod',
      'x.dockerfile',
      'Containerfile',
      'docker-compose.yml',
      'docker-compose.ci.yaml',
      'compose.yaml',
      '.github/workflows/a.yml',
      '.gitlab-ci.yml',
      '.npmrc',
      'p/.yarnrc',
      '.yarnrc.yml',
      'a.yml',
      'env',
      'Dockerfilex',
    ];
    for (const s of samples) {
      for (const k of CONFIG_FILE_KINDS) {
        expect(
          k.globs.some((g) => minimatch(s, g, { dot: true })),
          `${k.kind} ${s}`,
        ).toBe(k.matches(s));
      }
    }
  });
});

describe('env files', () => {
  it('reads dotenv syntax', () => {
    const text = `# ${R}=0\nexport ${R}=0\nA=1\n${R}="0" # dev only\nNODE_OPTIONS='--tls-min-v1.0'\n${R}=1\nNODE_EXTRA_CA_CERTS=./ca.pem\n${R}=0#x\n`;
    expect(rows(text, dotenvFindings(text))).toEqual([
      ['reject-unauthorized', 2, `export ${R}=0`, `export ${R}=0\n`],
      ['reject-unauthorized', 4, `${R}="0"`, `${R}="0" # dev only\n`],
      ['node-options', 5, '--tls-min-v1.0', `NODE_OPTIONS='--tls-min-v1.0'\n`],
      ['reject-unauthorized', 8, `${R}=0`, `${R}=0#x\n`],
    ]);
  });
  it('a multi-line quoted value is one entry; expansions are unknown', () => {
    const text = `A="x\n${R}=0"\n${R}=\${X}\n`;
    expect(rows(text, dotenvFindings(text))).toEqual([]);
  });
});

describe('npm and Yarn rc files', () => {
  it('.npmrc', () => {
    const text = `; strict-ssl=false\nregistry=https://r.example/\nstrict-ssl = false\ncafile="/etc/ca.pem"\nstrict-ssl=true\n[section]\nstrict-ssl=false\n`;
    expect(rows(text, npmrcFindings(text))).toEqual([
      ['strict-ssl', 3, 'strict-ssl = false', 'strict-ssl = false\n'],
      ['replaced-roots', 4, 'cafile="/etc/ca.pem"', 'cafile="/etc/ca.pem"\n'],
    ]);
  });
  it('.yarnrc', () => {
    const text = `# strict-ssl false\n"strict-ssl" false\nregistry "https://r.example/"\nstrict-ssl true\n`;
    expect(rows(text, yarnrcFindings(text))).toEqual([['strict-ssl', 2, '"strict-ssl" false', '"strict-ssl" false\n']]);
  });
  it('.yarnrc.yml', () => {
    const text = `enableStrictSsl: false\nnetworkSettings:\n  "r.example":\n    enableStrictSsl: false\n    caFilePath: ./ca.pem\nenableTelemetry: false\n`;
    expect(yaml('yarnrc-yml', text)).toEqual([
      ['strict-ssl', 1, 'enableStrictSsl: false', 'enableStrictSsl: false\n'],
      ['strict-ssl', 4, 'enableStrictSsl: false', '    enableStrictSsl: false\n'],
      ['replaced-roots', 5, 'caFilePath: ./ca.pem', null],
    ]);
  });
});

describe('package.json scripts', () => {
  it('maps findings inside JSON strings (escapes included) to the file', () => {
    const raw = `"cross-env ${R}=\\"0\\" node a && node --tls-max-v1.2 b"`;
    const text = `{"scripts":{"dev":${raw}}}`;
    const start = text.indexOf(raw);
    expect(rows(text, packageScriptFindings([{ raw, start }]))).toEqual([
      ['reject-unauthorized', 1, `${R}=\\"0\\"`, `${R}=\\"0\\" `],
      ['node-flag', 1, '--tls-max-v1.2', '--tls-max-v1.2 '],
    ]);
  });
});

describe('Dockerfile', () => {
  it('ENV and ARG in both forms, with continuations', () => {
    const text = [
      '# escape=\\',
      'FROM node:20',
      `ENV ${R}=0`,
      `ENV A=1 \\`,
      `    ${R}="0"`,
      `ENV ${R} 0`,
      `ARG ${R}=0`,
      `ARG ${R}`,
      `ENV ${R}=1 NODE_EXTRA_CA_CERTS=/ca.pem`,
      `ENV NODE_OPTIONS="--max-old-space-size=512 --tls-min-v1.0"`,
      '',
    ].join('\n');
    expect(docker(text)).toEqual([
      ['reject-unauthorized', 3, `${R}=0`, `ENV ${R}=0\n`],
      ['reject-unauthorized', 5, `${R}="0"`, ` \\\n    ${R}="0"`],
      ['reject-unauthorized', 6, `${R} 0`, `ENV ${R} 0\n`],
      ['reject-unauthorized', 7, `${R}=0`, `ARG ${R}=0\n`],
      ['node-options', 10, '--tls-min-v1.0', 'ENV NODE_OPTIONS="--max-old-space-size=512 --tls-min-v1.0"\n'],
    ]);
  });

  it('RUN, CMD and ENTRYPOINT: shell form is a shell, exec form is not', () => {
    const text = [
      'FROM node:20',
      `RUN npm config set strict-ssl false && \\`,
      `    # a comment inside the continuation`,
      `    ${R}=0 npm ci`,
      `RUN --mount=type=cache,target=/root/.npm curl -k https://x.example/`,
      `CMD ["${R}=0", "node", "a.js"]`,
      `CMD ["node", "--tls-min-v1.0", "a.js"]`,
      `ENTRYPOINT ["sh", "-c", "${R}=0 node a.js"]`,
      'RUN <<EOF',
      `${R}=0 node build.js`,
      'EOF',
      'RUN cat <<EOF > /etc/x',
      `${R}=0 node x`,
      'EOF',
      'SHELL ["powershell", "-Command"]',
      `RUN ${R}=0 node a`,
      '',
    ].join('\n');
    expect(docker(text)).toEqual([
      ['strict-ssl', 2, 'strict-ssl false', null],
      ['reject-unauthorized', 4, `${R}=0`, `${R}=0 `],
      ['curl-insecure', 5, '-k', '-k '],
      ['node-flag', 7, '"--tls-min-v1.0"', null],
      ['reject-unauthorized', 8, `${R}=0`, `${R}=0 `],
      ['reject-unauthorized', 10, `${R}=0`, `${R}=0 `],
    ]);
  });

  it('an unknown instruction is a parse error', () => {
    expect(parseDockerfile('FROM node\nRUNN x\n').error).toEqual({ message: 'unknown instruction: RUNN', offset: 10 });
    expect(parseDockerfile('FROM node\nENV\n').error?.message).toBe('ENV requires at least one argument');
  });
});

describe('compose', () => {
  it('environment (map and list), build args, command and entrypoint', () => {
    const text = [
      'services:',
      '  api:',
      '    environment:',
      `      ${R}: 0`,
      '      OTHER: "1"',
      '  web:',
      '    environment:',
      `      - ${R}=0`,
      '      - NODE_EXTRA_CA_CERTS=/ca.pem',
      `      - "NODE_OPTIONS=--tls-max-v1.2"`,
      '    build:',
      '      args:',
      `        ${R}: "0"`,
      `    command: ${R}=0 node a.js`,
      '    entrypoint: ["node", "--tls-min-v1.1", "a.js"]',
      '  job:',
      `    command: sh -c "${R}=0 node a.js"`,
      `    environment: { ${R}: "1" }`,
      '',
    ].join('\n');
    expect(yaml('compose', text)).toEqual([
      ['reject-unauthorized', 4, `${R}: 0`, `      ${R}: 0\n`],
      ['reject-unauthorized', 8, `${R}=0`, `      - ${R}=0\n`],
      ['node-options', 10, '--tls-max-v1.2', `      - "NODE_OPTIONS=--tls-max-v1.2"\n`],
      ['reject-unauthorized', 13, `${R}: "0"`, `      args:\n        ${R}: "0"\n`],
      ['node-flag', 15, '"--tls-min-v1.1"', null],
      ['reject-unauthorized', 17, `${R}=0`, `${R}=0 `],
    ]);
  });

  it('malformed YAML is one parse error', () => {
    expect(parseYaml('services:\n  a: [1\n').error?.offset).toBeGreaterThan(0);
  });
});

describe('GitHub Actions', () => {
  it('env at every level and run steps, on the right lines', () => {
    const text = [
      'env:',
      `  ${R}: 0`,
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    env:',
      `      ${R}: '0'`,
      '      A: b',
      '    steps:',
      '      - run: |',
      '          echo start',
      `          ${R}=0 npm test`,
      '      - run: npm ci',
      '        env:',
      '          npm_config_strict_ssl: false',
      '          B: c',
      `      - run: echo "${R}=0" >> "$GITHUB_ENV"`,
      '      - shell: pwsh',
      `        run: ${R}=0 node a`,
      `      - run: echo "${R}=\${{ secrets.X }}"`,
      '  win:',
      '    runs-on: windows-latest',
      '    steps:',
      `      - run: ${R}=0 node a`,
      '      - shell: bash',
      `        run: git config --global http.sslVerify false`,
      '',
    ].join('\n');
    expect(yaml('github-actions', text)).toEqual([
      ['reject-unauthorized', 2, `${R}: 0`, `env:\n  ${R}: 0\n`],
      ['reject-unauthorized', 7, `${R}: '0'`, `      ${R}: '0'\n`],
      ['reject-unauthorized', 12, `${R}=0`, `${R}=0 `],
      ['strict-ssl', 15, 'npm_config_strict_ssl: false', '          npm_config_strict_ssl: false\n'],
      ['reject-unauthorized', 17, `"${R}=0"`, null],
      ['git-ssl-verify', 26, 'http.sslVerify false', null],
    ]);
  });
});

describe('GitLab CI', () => {
  it('variables at top and job level, scripts as one session', () => {
    const text = [
      'variables:',
      `  ${R}: "0"`,
      'build:',
      '  variables:',
      `    NODE_OPTIONS: { value: "--tls-min-v1.0", description: "x" }`,
      '  before_script:',
      `    - export ${R}=0`,
      '  script:',
      '    - npm ci',
      '    - - curl --insecure https://x.example/',
      '.hidden:',
      '  script: wget --no-check-certificate https://x.example/',
      'stages: [build]',
      '',
    ].join('\n');
    expect(yaml('gitlab-ci', text)).toEqual([
      ['reject-unauthorized', 2, `${R}: "0"`, `variables:\n  ${R}: "0"\n`],
      ['node-options', 5, '--tls-min-v1.0', null],
      ['reject-unauthorized', 7, `${R}=0`, null],
      ['curl-insecure', 10, '--insecure', '--insecure '],
      ['wget-insecure', 12, '--no-check-certificate', '--no-check-certificate '],
    ]);
  });
});
