/**
 * The kinds of configuration file where TLS is commonly switched off outside JavaScript, and how
 * each is recognised by its path. One list for the plugin's `recommended-files` config (glob
 * patterns) and the CLI's file walk (the predicate); they must agree (test/analysis/config.test.ts).
 */

export type ConfigFileKind = 'package-json' | 'dotenv' | 'dockerfile' | 'compose' | 'github-actions' | 'gitlab-ci' | 'npmrc' | 'yarnrc' | 'yarnrc-yml';

/** Which ESLint language (of this plugin, or @eslint/json's) reads each kind. */
export type ConfigLanguage = 'json' | 'dotenv' | 'dockerfile' | 'yaml' | 'npmrc' | 'yarnrc';

export interface ConfigFileKindInfo {
  readonly kind: ConfigFileKind;
  readonly language: ConfigLanguage;
  /** How messages name a file of this kind: "this npm script", "this Dockerfile". */
  readonly label: string;
  /** Flat-config `files` patterns. */
  readonly globs: readonly string[];
  /** The same set, on a path with forward slashes (relative or absolute). */
  readonly matches: (posixPath: string) => boolean;
}

const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);
const YAML_EXT = /\.ya?ml$/;

export const CONFIG_FILE_KINDS: readonly ConfigFileKindInfo[] = [
  { kind: 'package-json', language: 'json', label: 'npm script', globs: ['**/package.json'], matches: (p) => base(p) === 'package.json' },
  {
    kind: 'dotenv',
    language: 'dotenv',
    label: 'env file',
    globs: ['**/.env', '**/.env.*'],
    matches: (p) => base(p) === '.env' || base(p).startsWith('.env.'),
  },
  {
    kind: 'dockerfile',
    language: 'dockerfile',
    label: 'Dockerfile',
    globs: ['**/Dockerfile', '**/Dockerfile.*', '**/*.Dockerfile', '**/*.dockerfile', '**/Containerfile'],
    matches: (p) => /^(?:Dockerfile(?:\..+)?|.+\.[Dd]ockerfile|Containerfile)$/.test(base(p)),
  },
  {
    kind: 'compose',
    language: 'yaml',
    label: 'compose file',
    globs: [
      '**/docker-compose.yml',
      '**/docker-compose.yaml',
      '**/docker-compose.*.yml',
      '**/docker-compose.*.yaml',
      '**/compose.yml',
      '**/compose.yaml',
      '**/compose.*.yml',
      '**/compose.*.yaml',
    ],
    matches: (p) => /^(?:docker-)?compose(?:\.[^/]+)?\.ya?ml$/.test(base(p)),
  },
  {
    kind: 'github-actions',
    language: 'yaml',
    label: 'GitHub Actions workflow',
    globs: ['**/.github/workflows/*.yml', '**/.github/workflows/*.yaml'],
    matches: (p) => YAML_EXT.test(p) && /(?:^|\/)\.github\/workflows\/[^/]+$/.test(p),
  },
  { kind: 'gitlab-ci', language: 'yaml', label: 'GitLab CI file', globs: ['**/.gitlab-ci.yml'], matches: (p) => base(p) === '.gitlab-ci.yml' },
  { kind: 'npmrc', language: 'npmrc', label: '.npmrc', globs: ['**/.npmrc'], matches: (p) => base(p) === '.npmrc' },
  { kind: 'yarnrc', language: 'yarnrc', label: '.yarnrc', globs: ['**/.yarnrc'], matches: (p) => base(p) === '.yarnrc' },
  { kind: 'yarnrc-yml', language: 'yaml', label: '.yarnrc.yml', globs: ['**/.yarnrc.yml'], matches: (p) => base(p) === '.yarnrc.yml' },
];

/** The kind of the file at `filePath` (any separators), or undefined. */
export function configFileKind(filePath: string): ConfigFileKindInfo | undefined {
  const p = filePath.replace(/\\/g, '/');
  return CONFIG_FILE_KINDS.find((k) => k.matches(p));
}

export function kindInfo(kind: ConfigFileKind): ConfigFileKindInfo {
  return CONFIG_FILE_KINDS.find((k) => k.kind === kind) as ConfigFileKindInfo;
}
