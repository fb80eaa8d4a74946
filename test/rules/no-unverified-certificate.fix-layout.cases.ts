/**
 * Issue 17, items 2, 4, 7 and 20: what the suggestions keep of the code around their edit.
 * Comments inside the options object stay where they were (line directives: test/rule-kit/
 * factory-fix.test.ts), new lines follow the file's line ending (LF, CRLF, CR) and indentation (tabs), the
 * runtime import goes near a call that is far from the top, and the modern profile's factory
 * suggestion says what it gives (TLS 1.3 only).
 */
import type rule from '../../rules/no-unverified-certificate.js';
import type { CasesOf } from '../rule-tester.js';
import { js } from '../rule-tester.js';

const H = "import https from 'node:https';\n";
const IMPORT = "import { secureAgent } from 'tlsguard-runtime';\n";
const CA = 'extraCa: process.env.TLS_PRIVATE_CA_PEM';
const DEPENDENCY = ' The import needs `tlsguard-runtime` in `dependencies`, not `devDependencies`.';
/** More than 4 KiB of code between the imports and the finding. */
const FILLER = Array.from({ length: 160 }, (_, i) => `export const value${i} = ${i};\n`).join('');

const cases: CasesOf<typeof rule> = {
  valid: [],
  invalid: [
    {
      // 17.2: the comments among the kept keys, and the one after the removed key, stay in place.
      code: `${H}export const agent = new https.Agent({\n  keepAlive: true, // primary replica\n  /* keep */ maxSockets: 4,\n  rejectUnauthorized: false, // TODO: remove once the CA is deployed\n});\n`,
      errors: [
        {
          messageId: 'clientSink',
          line: 5,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `${H}export const agent = new https.Agent({\n  keepAlive: true, // primary replica\n  /* keep */ maxSockets: 4,\n  // TODO: remove once the CA is deployed\n});\n`,
            },
            {
              messageId: 'useFactory',
              output: `${H}${IMPORT}export const agent = secureAgent({\n  keepAlive: true, // primary replica\n  /* keep */ maxSockets: 4,\n  // TODO: remove once the CA is deployed\n});\n`,
            },
            {
              messageId: 'useFactoryWithCa',
              output: `${H}${IMPORT}export const agent = secureAgent({\n  keepAlive: true, // primary replica\n  /* keep */ maxSockets: 4,\n  ${CA},\n  // TODO: remove once the CA is deployed\n});\n`,
            },
          ],
        },
      ],
    },
    {
      // 17.2: a comment between the last two keys survives the removal of the last one.
      code: `${H}export const agent = new https.Agent({ keepAlive: true, /* keep */ rejectUnauthorized: false });\n`,
      errors: [
        {
          messageId: 'clientSink',
          suggestions: [
            { messageId: 'removeOption', output: `${H}export const agent = new https.Agent({ keepAlive: true /* keep */ });\n` },
            { messageId: 'useFactory', output: `${H}${IMPORT}export const agent = secureAgent({ keepAlive: true /* keep */ });\n` },
            { messageId: 'useFactoryWithCa', output: `${H}${IMPORT}export const agent = secureAgent({ keepAlive: true, ${CA} /* keep */ });\n` },
          ],
        },
      ],
    },
    {
      // 17.4: CRLF file: the import and the added key end in CRLF.
      code: `import https from 'node:https';\r\nexport const agent = new https.Agent({\r\n  keepAlive: true,\r\n  rejectUnauthorized: false,\r\n});\r\n`,
      errors: [
        {
          messageId: 'clientSink',
          suggestions: [
            { messageId: 'removeOption', output: `import https from 'node:https';\r\nexport const agent = new https.Agent({\r\n  keepAlive: true,\r\n});\r\n` },
            {
              messageId: 'useFactory',
              output: `import https from 'node:https';\r\nimport { secureAgent } from 'tlsguard-runtime';\r\nexport const agent = secureAgent({\r\n  keepAlive: true,\r\n});\r\n`,
            },
            {
              messageId: 'useFactoryWithCa',
              output: `import https from 'node:https';\r\nimport { secureAgent } from 'tlsguard-runtime';\r\nexport const agent = secureAgent({\r\n  keepAlive: true,\r\n  ${CA},\r\n});\r\n`,
            },
          ],
        },
      ],
    },
    {
      // 17.4: CR-only file with tab indentation: no LF anywhere, tabs only.
      code: `import https from 'node:https';\rexport const agent = new https.Agent({\r\tkeepAlive: true,\r\trejectUnauthorized: false\r});\r`,
      errors: [
        {
          messageId: 'clientSink',
          suggestions: [
            { messageId: 'removeOption', output: `import https from 'node:https';\rexport const agent = new https.Agent({\r\tkeepAlive: true\r});\r` },
            {
              messageId: 'useFactory',
              output: `import https from 'node:https';\rimport { secureAgent } from 'tlsguard-runtime';\rexport const agent = secureAgent({\r\tkeepAlive: true\r});\r`,
            },
            {
              messageId: 'useFactoryWithCa',
              output: `import https from 'node:https';\rimport { secureAgent } from 'tlsguard-runtime';\rexport const agent = secureAgent({\r\tkeepAlive: true,\r\t${CA}\r});\r`,
            },
          ],
        },
      ],
    },
    {
      // 17.4: tab-indented code gets tabs, never tabs plus spaces.
      code: `${H}export function make() {\n\treturn new https.Agent({\n\t\tkeepAlive: true,\n\t\trejectUnauthorized: false,\n\t});\n}\n`,
      errors: [
        {
          messageId: 'clientSink',
          suggestions: [
            { messageId: 'removeOption', output: `${H}export function make() {\n\treturn new https.Agent({\n\t\tkeepAlive: true,\n\t});\n}\n` },
            { messageId: 'useFactory', output: `${H}${IMPORT}export function make() {\n\treturn secureAgent({\n\t\tkeepAlive: true,\n\t});\n}\n` },
            {
              messageId: 'useFactoryWithCa',
              output: `${H}${IMPORT}export function make() {\n\treturn secureAgent({\n\t\tkeepAlive: true,\n\t\t${CA},\n\t});\n}\n`,
            },
          ],
        },
      ],
    },
    {
      // 17.20: with the modern profile the factory suggestion says TLS 1.3 only (and asks for it).
      code: `${H}export const agent = new https.Agent({\n  keepAlive: true,\n  rejectUnauthorized: false,\n});\n`,
      settings: { tlsguard: { profile: 'modern' } },
      errors: [
        {
          messageId: 'clientSink',
          suggestions: [
            { messageId: 'removeOption', output: `${H}export const agent = new https.Agent({\n  keepAlive: true,\n});\n` },
            {
              messageId: 'useFactory',
              data: { factory: 'secureAgent()', versions: 'TLS 1.3 only', dependency: DEPENDENCY },
              output: `${H}${IMPORT}export const agent = secureAgent({\n  keepAlive: true,\n  profile: 'modern',\n});\n`,
            },
            {
              messageId: 'useFactoryWithCa',
              output: `${H}${IMPORT}export const agent = secureAgent({\n  keepAlive: true,\n  profile: 'modern',\n  ${CA},\n});\n`,
            },
          ],
        },
      ],
    },
    {
      // 17.20: and the intermediate profile TLS 1.2+.
      code: `${H}export const agent = new https.Agent({ rejectUnauthorized: false });\n`,
      errors: [
        {
          messageId: 'clientSink',
          suggestions: [
            { messageId: 'removeOption', output: `${H}export const agent = new https.Agent({});\n` },
            {
              messageId: 'useFactory',
              data: { factory: 'secureAgent()', versions: 'TLS 1.2+', dependency: DEPENDENCY },
              output: `${H}${IMPORT}export const agent = secureAgent();\n`,
            },
            { messageId: 'useFactoryWithCa', output: `${H}${IMPORT}export const agent = secureAgent({ ${CA} });\n` },
          ],
        },
      ],
    },
    {
      // 17.7: far from the imports, the import goes right before the statement (ESM imports are
      // hoisted), so the suggestion does not carry the 4 KiB in between.
      code: `${H}${FILLER}/** The agent. */\nexport const agent = new https.Agent({ rejectUnauthorized: false });\n`,
      errors: [
        {
          messageId: 'clientSink',
          suggestions: [
            { messageId: 'removeOption', output: `${H}${FILLER}/** The agent. */\nexport const agent = new https.Agent({});\n` },
            { messageId: 'useFactory', output: `${H}${FILLER}${IMPORT}/** The agent. */\nexport const agent = secureAgent();\n` },
            { messageId: 'useFactoryWithCa', output: `${H}${FILLER}${IMPORT}/** The agent. */\nexport const agent = secureAgent({ ${CA} });\n` },
          ],
        },
      ],
    },
    js({
      // A module-level require that runs after the call (make() is hoisted and called first) is not
      // used: the function gets its own require. The agent after the require uses it as it is.
      code: `const https = require('node:https');\nconst early = make();\nconst { secureAgent } = require('tlsguard-runtime');\nfunction make() { return new https.Agent({ rejectUnauthorized: false }); }\nconst late = new https.Agent({ rejectUnauthorized: false });\nmodule.exports = { early, late, secureAgent };\n`,
      errors: [
        {
          messageId: 'clientSink',
          line: 4,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `const https = require('node:https');\nconst early = make();\nconst { secureAgent } = require('tlsguard-runtime');\nfunction make() { return new https.Agent({}); }\nconst late = new https.Agent({ rejectUnauthorized: false });\nmodule.exports = { early, late, secureAgent };\n`,
            },
            {
              messageId: 'useFactory',
              output: `const https = require('node:https');\nconst early = make();\nconst { secureAgent } = require('tlsguard-runtime');\nfunction make() { const { secureAgent } = require('tlsguard-runtime'); return secureAgent(); }\nconst late = new https.Agent({ rejectUnauthorized: false });\nmodule.exports = { early, late, secureAgent };\n`,
            },
            {
              messageId: 'useFactoryWithCa',
              output: `const https = require('node:https');\nconst early = make();\nconst { secureAgent } = require('tlsguard-runtime');\nfunction make() { const { secureAgent } = require('tlsguard-runtime'); return secureAgent({ ${CA} }); }\nconst late = new https.Agent({ rejectUnauthorized: false });\nmodule.exports = { early, late, secureAgent };\n`,
            },
          ],
        },
        {
          messageId: 'clientSink',
          line: 5,
          suggestions: [
            {
              messageId: 'removeOption',
              output: `const https = require('node:https');\nconst early = make();\nconst { secureAgent } = require('tlsguard-runtime');\nfunction make() { return new https.Agent({ rejectUnauthorized: false }); }\nconst late = new https.Agent({});\nmodule.exports = { early, late, secureAgent };\n`,
            },
            {
              messageId: 'useFactory',
              output: `const https = require('node:https');\nconst early = make();\nconst { secureAgent } = require('tlsguard-runtime');\nfunction make() { return new https.Agent({ rejectUnauthorized: false }); }\nconst late = secureAgent();\nmodule.exports = { early, late, secureAgent };\n`,
            },
            {
              messageId: 'useFactoryWithCa',
              output: `const https = require('node:https');\nconst early = make();\nconst { secureAgent } = require('tlsguard-runtime');\nfunction make() { return new https.Agent({ rejectUnauthorized: false }); }\nconst late = secureAgent({ ${CA} });\nmodule.exports = { early, late, secureAgent };\n`,
            },
          ],
        },
      ],
    }),
    {
      // The factory name is a parameter where the call is: an import would be shadowed, so no factory suggestion.
      code: `${H}export function make(secureAgent: unknown) {\n  return [secureAgent, new https.Agent({ rejectUnauthorized: false })];\n}\n`,
      errors: [
        {
          messageId: 'clientSink',
          suggestions: [
            { messageId: 'removeOption', output: `${H}export function make(secureAgent: unknown) {\n  return [secureAgent, new https.Agent({})];\n}\n` },
          ],
        },
      ],
    },
  ],
};

export default cases;
