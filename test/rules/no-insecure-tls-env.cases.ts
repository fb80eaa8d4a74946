import type rule from '../../rules/no-insecure-tls-env.js';
import type { CasesOf } from '../rule-tester.js';
import { LEGACY_TLS_NOTE } from '../../src/rule-kit/legacy-tls-note.js';
import { js, validJs } from '../rule-tester.js';

const cases: CasesOf<typeof rule> = {
  valid: [
    // Shell command lines: only a whole `NODE_TLS_REJECT_UNAUTHORIZED=0` assignment counts.
    validJs("const { execSync } = require('child_process');\nexecSync('NODE_TLS_REJECT_UNAUTHORIZED=1 node sync.js');"),
    validJs("const { exec } = require('child_process');\nexec(`NODE_TLS_REJECT_UNAUTHORIZED=0${process.env.N} node sync.js`);"),
    // Text, not an assignment that reaches a program (the same shell analysis as no-insecure-tls-config).
    validJs("const { execSync } = require('child_process');\nexecSync('echo NODE_TLS_REJECT_UNAUTHORIZED=0 is not needed');"),
    validJs("const { execSync } = require('child_process');\nexecSync('export NODE_TLS_REJECT_UNAUTHORIZED=0');"),
    validJs("console.log('set NODE_TLS_REJECT_UNAUTHORIZED=0 to debug');"),
    // execArgv: judged only where it starts a Node process (fork, cluster); safe flags are fine.
    validJs("const { fork } = require('child_process');\nfork('worker.js', { execArgv: ['--inspect'] });"),
    validJs("const { Worker } = require('worker_threads');\nnew Worker('./w.js', { execArgv: ['--tls-min-v1.0'] });"),
    validJs("module.exports = { execArgv: ['--tls-min-v1.0'] };"),
    // Replaced by a later key wherever the object goes: the child never sees '0'.
    validJs(
      "const cp = require('child_process');\nconst base = { NODE_TLS_REJECT_UNAUTHORIZED: '0' };\ncp.spawn('node', ['x.js'], { env: { ...process.env, ...base, NODE_TLS_REJECT_UNAUTHORIZED: '1' } });",
    ),
    // `&&=` writes only over a value already set; `??=` with a verifying value is fine.
    "process.env.NODE_TLS_REJECT_UNAUTHORIZED &&= '0';",
    "process.env.NODE_TLS_REJECT_UNAUTHORIZED ??= '1';",
    // A partly known NODE_OPTIONS: only a flag bounded by whitespace in a known piece counts.
    "process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=4096`;",
    'process.env.NODE_OPTIONS = `${process.env.EXTRA}--tls-min-v1.0`;',
    'process.env.NODE_OPTIONS = `--tls-min-v1.0${process.env.SUFFIX}`;',
    // Reading, deleting and safe values are fine.
    `if (process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0') console.warn('TLS verification is off');`,
    `delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;`,
    `process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';`,
    // Only the string '0' counts: 'false' and '' still verify.
    `process.env.NODE_TLS_REJECT_UNAUTHORIZED = 'false';`,
    `process.env.NODE_TLS_REJECT_UNAUTHORIZED = '';`,
    // Unknown values are not guessed.
    `declare const dev: boolean;\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = dev ? '0' : '1';`,
    `process.env.NODE_TLS_REJECT_UNAUTHORIZED = process.env.CI_TLS;`,
    // A different object with the same key.
    `const settings: Record<string, string> = {};\nsettings.NODE_TLS_REJECT_UNAUTHORIZED = '0';`,
    `process.env.NODE_OPTIONS = '--max-old-space-size=4096 --tls-min-v1.2';`,
    `process.env.NODE_OPTIONS = '--tls-min-v1.3';`,
    validJs(`const { spawn } = require('child_process');\nspawn('node', ['app.js'], { env: { ...process.env, NODE_OPTIONS: '--enable-source-maps' } });`),
    `const note = 'NODE_TLS_REJECT_UNAUTHORIZED=0 disables verification';\nexport default note;`,
  ],
  invalid: [
    js({
      // The shell passes the assignment to the Node process it starts.
      code: "const { execSync } = require('node:child_process');\nexecSync('NODE_TLS_REJECT_UNAUTHORIZED=0 node scripts/sync.js');",
      errors: [{ messageId: 'rejectUnauthorizedEnv', line: 2, column: 10, suggestions: [] }],
    }),
    js({
      code: "const cp = require('child_process');\ncp.exec(`npx cross-env NODE_TLS_REJECT_UNAUTHORIZED='0' node ${process.argv[2]}`);",
      errors: [{ messageId: 'rejectUnauthorizedEnv', line: 2, column: 9, suggestions: [] }],
    }),
    js({
      // CLI flags of a forked Node process weaken every connection it makes.
      code: "const { fork } = require('node:child_process');\nfork('job.js', [], { execArgv: [...process.execArgv, '--tls-min-v1.0'] });",
      errors: [
        {
          messageId: 'execArgv',
          line: 2,
          column: 54,
          data: { flag: '--tls-min-v1.0', effect: 'allows TLS 1.0 by default', note: LEGACY_TLS_NOTE },
          suggestions: [
            { messageId: 'removeFlag', output: "const { fork } = require('node:child_process');\nfork('job.js', [], { execArgv: [...process.execArgv] });" },
          ],
        },
      ],
    }),
    js({
      // A target of Node 16 and older (OpenSSL 1.1.1): TLS 1.0 works at the default level, no note.
      code: "const { fork } = require('node:child_process');\nfork('job.js', [], { execArgv: ['--tls-min-v1.0'] });",
      settings: { tlsguard: { node: '>=14 <17' } },
      errors: [
        {
          messageId: 'execArgv',
          line: 2,
          column: 33,
          data: { flag: '--tls-min-v1.0', effect: 'allows TLS 1.0 by default', note: '' },
          suggestions: [{ messageId: 'removeFlag', output: "const { fork } = require('node:child_process');\nfork('job.js', [], { execArgv: [] });" }],
        },
      ],
    }),
    js({
      code: "const cluster = require('cluster');\ncluster.setupPrimary({ exec: 'worker.js', execArgv: ['--tls-keylog=/tmp/keys.log'] });",
      errors: [
        {
          messageId: 'execArgv',
          line: 2,
          column: 54,
          data: { flag: '--tls-keylog', effect: 'writes TLS session keys to a file, so recorded traffic can be decrypted', note: '' },
          suggestions: [{ messageId: 'removeFlag', output: "const cluster = require('cluster');\ncluster.setupPrimary({ exec: 'worker.js', execArgv: [] });" }],
        },
      ],
    }),
    {
      // A default of '0': written whenever the variable is unset, which is the usual case.
      code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED ??= '0';",
      errors: [{ messageId: 'rejectUnauthorizedEnv', line: 1, column: 1, suggestions: [{ messageId: 'removeAssignment', output: `` }] }],
    },
    {
      code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED ||= '0';",
      errors: [{ messageId: 'rejectUnauthorizedEnv', line: 1, column: 1, suggestions: [{ messageId: 'removeAssignment', output: `` }] }],
    },
    {
      // Appending to the inherited NODE_OPTIONS: the flag is known although the rest is not.
      code: "process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --tls-min-v1.1`;",
      errors: [
        {
          messageId: 'nodeOptions',
          line: 1,
          column: 1,
          data: { flag: '--tls-min-v1.1', effect: 'allows TLS 1.1 by default', note: LEGACY_TLS_NOTE },
          suggestions: [{ messageId: 'removeAssignment', output: `` }],
        },
      ],
    },
    {
      code: "process.env.NODE_OPTIONS = (process.env.NODE_OPTIONS || '') + ' --tls-max-v1.2';",
      errors: [
        {
          messageId: 'nodeOptions',
          line: 1,
          column: 1,
          data: { flag: '--tls-max-v1.2', effect: 'disables TLS 1.3 by default', note: '' },
          suggestions: [{ messageId: 'removeAssignment', output: `` }],
        },
      ],
    },
    js({
      code: "const { spawn } = require('node:child_process');\nspawn('node', ['job.js'], { env: { ...process.env, NODE_OPTIONS: `--tls-keylog=${__dirname}/keys.log` } });",
      errors: [
        {
          messageId: 'nodeOptions',
          line: 2,
          column: 52,
          data: { flag: '--tls-keylog', effect: 'writes TLS session keys to a file, so recorded traffic can be decrypted', note: '' },
          suggestions: [
            {
              messageId: 'removeProperty',
              output: "const { spawn } = require('node:child_process');\nspawn('node', ['job.js'], { env: { ...process.env } });",
            },
          ],
        },
      ],
    }),
    {
      code: `process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\nexport {};`,
      errors: [{ messageId: 'rejectUnauthorizedEnv', line: 1, column: 1, suggestions: [{ messageId: 'removeAssignment', output: `export {};` }] }],
    },
    js({
      code: `// staging uses a self-signed cert\nprocess.env['NODE_TLS_REJECT_UNAUTHORIZED'] = 0;`,
      errors: [{ messageId: 'rejectUnauthorizedEnv', suggestions: [{ messageId: 'removeAssignment', output: `// staging uses a self-signed cert\n` }] }],
    }),
    {
      code: `const KEY = 'NODE_TLS_REJECT_UNAUTHORIZED';\nprocess.env[KEY] = '0';`,
      errors: [
        { messageId: 'rejectUnauthorizedEnv', suggestions: [{ messageId: 'removeAssignment', output: `const KEY = 'NODE_TLS_REJECT_UNAUTHORIZED';\n` }] },
      ],
    },
    // The computed-key gate (the file must spell `NODE_TLS`, `NODE_OPTIONS` or a literal ending in `NODE_`) keeps concatenations.
    {
      code: `const PREFIX = 'NODE_';\nprocess.env[PREFIX + 'TLS_REJECT_UNAUTHORIZED'] = '0';`,
      errors: [{ messageId: 'rejectUnauthorizedEnv', suggestions: [{ messageId: 'removeAssignment', output: `const PREFIX = 'NODE_';\n` }] }],
    },
    {
      code: `import process from 'node:process';\nconst { env } = process;\nenv.NODE_TLS_REJECT_UNAUTHORIZED = "0";`,
      errors: [
        {
          messageId: 'rejectUnauthorizedEnv',
          suggestions: [{ messageId: 'removeAssignment', output: `import process from 'node:process';\nconst { env } = process;\n` }],
        },
      ],
    },
    {
      code: `Object.assign(process.env, { NODE_TLS_REJECT_UNAUTHORIZED: '0', DEBUG: '1' });`,
      errors: [{ messageId: 'rejectUnauthorizedEnv', suggestions: [{ messageId: 'removeProperty', output: `Object.assign(process.env, { DEBUG: '1' });` }] }],
    },
    {
      code: `process.env = { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' };`,
      errors: [{ messageId: 'rejectUnauthorizedEnv', suggestions: [{ messageId: 'removeProperty', output: `process.env = { ...process.env };` }] }],
    },
    js({
      code: `const { fork } = require('node:child_process');\nfork('worker.js', [], {\n  env: {\n    ...process.env,\n    NODE_TLS_REJECT_UNAUTHORIZED: '0',\n  },\n});`,
      errors: [
        {
          messageId: 'rejectUnauthorizedEnv',
          line: 5,
          suggestions: [
            {
              messageId: 'removeProperty',
              output: `const { fork } = require('node:child_process');\nfork('worker.js', [], {\n  env: {\n    ...process.env,\n  },\n});`,
            },
          ],
        },
      ],
    }),
    {
      code: `import { Worker } from 'node:worker_threads';\nnew Worker('./w.js', { env: { NODE_TLS_REJECT_UNAUTHORIZED: '0' } });`,
      errors: [
        {
          messageId: 'rejectUnauthorizedEnv',
          suggestions: [{ messageId: 'removeProperty', output: `import { Worker } from 'node:worker_threads';\nnew Worker('./w.js', { env: {} });` }],
        },
      ],
    },
    {
      code: `const INSECURE = '0';\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = \`\${INSECURE}\`;`,
      errors: [{ messageId: 'rejectUnauthorizedEnv', suggestions: [{ messageId: 'removeAssignment', output: `const INSECURE = '0';\n` }] }],
    },
    {
      code: `process.env.NODE_OPTIONS = '--tls-min-v1.0';`,
      errors: [
        {
          messageId: 'nodeOptions',
          data: { flag: '--tls-min-v1.0', effect: 'allows TLS 1.0 by default', note: LEGACY_TLS_NOTE },
          suggestions: [{ messageId: 'removeAssignment', output: `` }],
        },
      ],
    },
    {
      code: `process.env.NODE_OPTIONS += ' --tls-keylog=/tmp/keys.log';`,
      errors: [
        {
          messageId: 'nodeOptions',
          data: { flag: '--tls-keylog', effect: 'writes TLS session keys to a file, so recorded traffic can be decrypted', note: '' },
          suggestions: [{ messageId: 'removeAssignment', output: `` }],
        },
      ],
    },
    js({
      code: `const cp = require('child_process');\ncp.execSync('node app.js', { env: { NODE_OPTIONS: '--max-old-space-size=512 --tls-max-v1.2' } });`,
      errors: [
        {
          messageId: 'nodeOptions',
          data: { flag: '--tls-max-v1.2', effect: 'disables TLS 1.3 by default', note: '' },
          suggestions: [{ messageId: 'removeProperty', output: `const cp = require('child_process');\ncp.execSync('node app.js', { env: {} });` }],
        },
      ],
    }),
    {
      code: `declare const legacy: boolean;\nprocess.env.NODE_OPTIONS = legacy ? '--tls-min-v1.0' : '--tls-min-v1.1';`,
      errors: [
        {
          messageId: 'nodeOptions',
          data: { flag: '--tls-min-v1.0', effect: 'allows TLS 1.0 by default', note: LEGACY_TLS_NOTE },
          suggestions: [{ messageId: 'removeAssignment', output: `declare const legacy: boolean;\n` }],
        },
      ],
    },
  ],
};

export default cases;
