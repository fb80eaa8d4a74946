import type { TSESLint } from '@typescript-eslint/utils';
import {
  dockerfileFindings,
  dotenvFindings,
  kindInfo,
  npmrcFindings,
  packageScriptFindings,
  yamlFindings,
  yarnrcFindings,
  type ConfigFileKind,
  type ConfigFinding,
  type ConfigFindingKind,
  type ScriptSource,
} from '../src/analysis/config/index.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { flagData } from '../src/rule-kit/legacy-tls-note.js';
import type { ConfigFileNode } from '../src/languages/config-languages.js';

type Options = [{ replacedRoots?: boolean }];
type MessageId = ConfigFindingKind | 'removeSetting';

/** @eslint/json's (momoa) nodes, as far as the rule reads them. */
interface JsonNode {
  readonly type: string;
  readonly range?: [number, number];
  readonly body?: JsonNode;
  readonly members?: readonly { readonly name: JsonNode & { readonly value?: unknown }; readonly value: JsonNode }[];
}

interface Located {
  getLocFromIndex(index: number): { line: number; column: number };
  readonly text: string;
}

function findingsOf(node: ConfigFileNode): ConfigFinding[] {
  switch (node.kind) {
    case 'dotenv':
      return dotenvFindings(node.text);
    case 'npmrc':
      return npmrcFindings(node.text);
    case 'yarnrc':
      return yarnrcFindings(node.text);
    case 'dockerfile':
      return node.dockerfile ? dockerfileFindings(node.dockerfile) : [];
    case 'compose':
    case 'github-actions':
    case 'gitlab-ci':
    case 'yarnrc-yml':
      return node.yaml ? yamlFindings(node.kind, node.yaml) : [];
    default:
      return [];
  }
}

/** The string values of the top-level `scripts` object of a package.json. */
function scriptsOf(doc: JsonNode, text: string): ScriptSource[] {
  const root = doc.body;
  if (root?.type !== 'Object') return [];
  const scripts = root.members?.find((m) => m.name.type === 'String' && m.name.value === 'scripts')?.value;
  if (scripts?.type !== 'Object') return [];
  const out: ScriptSource[] = [];
  for (const m of scripts.members ?? []) {
    if (m.value.type === 'String' && m.value.range) out.push({ raw: text.slice(m.value.range[0], m.value.range[1]), start: m.value.range[0] });
  }
  return out;
}

/**
 * The parts of the `strict-ssl` and `replaced-roots` messages that depend on the package manager.
 * What npm does is shown with npm against loopback registries (test/claims/no-insecure-tls-config.test.ts);
 * pnpm and Yarn are not installed there, so their messages say what their documentation says
 * (`strict-ssl`, `enableStrictSsl`) or what npm's same setting does (`ca`, `cafile`, `caFilePath`).
 */
function registryClaim(f: ConfigFinding): Record<string, string> {
  const npm = f.data.tool === 'npm';
  const tool = f.data.tool === 'yarn' ? 'Yarn' : (f.data.tool ?? '');
  if (f.kind === 'strict-ssl') return { turnsOff: npm ? 'turns off' : 'is documented to turn off' };
  if (f.kind !== 'replaced-roots') return {};
  return {
    effect: npm
      ? 'replaces the CA certificates npm trusts for the registry: only the CAs it names verify it, not the default roots or `NODE_EXTRA_CA_CERTS`, so a publicly trusted registry fails to verify unless its CA is among them'
      : `sets the CA certificates ${tool} trusts for the registry (npm's \`ca\` and \`cafile\` replace the default roots and \`NODE_EXTRA_CA_CERTS\` with the CAs they name)`,
  };
}

export default createRule<Options, MessageId>({
  name: 'no-insecure-tls-config',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow config files, scripts and CI steps that turn off or weaken TLS verification',
      recommended: true,
      category: 'cert-verification',
      cwe: ['CWE-295', 'CWE-757'],
      configFiles: true,
      strictOptions: [{ replacedRoots: true }],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          replacedRoots: { type: 'boolean', description: 'Also report `ca`/`cafile`/`caFilePath`, which replace the registry CAs instead of adding one.' },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      'reject-unauthorized':
        '`NODE_TLS_REJECT_UNAUTHORIZED=0` in this {{where}} turns off certificate verification for every TLS and HTTPS client connection of the Node processes it reaches that does not set `rejectUnauthorized` itself, so a network attacker can impersonate the servers of those connections. Remove it; trust a private CA with `NODE_EXTRA_CA_CERTS=<file>` instead.',
      'node-options':
        '`{{flag}}` in `NODE_OPTIONS` in this {{where}} {{effect}} for every connection of the Node processes it reaches{{note}}. Remove the flag and configure the one connection that needs it.',
      'node-flag':
        '`{{flag}}` on the `node` command line in this {{where}} {{effect}} for every connection of that process{{note}}. Remove the flag and configure the one connection that needs it.',
      'strict-ssl':
        '`{{setting}}` in this {{where}} {{turnsOff}} certificate verification for {{tool}} registry connections, so a network attacker can serve tampered packages. Remove it; trust a private registry CA with `NODE_EXTRA_CA_CERTS=<file>` instead.',
      'git-ssl-verify':
        '`{{setting}}` in this {{where}} turns off certificate verification for the git HTTPS connections it reaches, so a network attacker can serve tampered code. Remove it; trust a private CA with `http.sslCAInfo` instead.',
      'curl-insecure':
        '`curl {{flag}}` in this {{where}} skips certificate verification, so a network attacker can serve the download. Remove it; pass a private CA with `--cacert <file>` instead.',
      'wget-insecure':
        '`wget {{flag}}` in this {{where}} skips certificate verification, so a network attacker can serve the download. Remove it; pass a private CA with `--ca-certificate=<file>` instead.',
      'replaced-roots': '`{{setting}}` in this {{where}} {{effect}}. To add a private CA to the default roots, set `NODE_EXTRA_CA_CERTS=<file>` instead.',
      removeSetting: 'Remove this setting.',
    },
  },
  defaultOptions: [{ replacedRoots: false }],
  create(context, [options]) {
    // A JavaScript or TypeScript file (an ESTree `Program`): nothing here reads it.
    if ((context.sourceCode.ast as { type?: string }).type === 'Program') return {};
    const sourceCode = context.sourceCode as unknown as Located;
    const report = (kind: ConfigFileKind, findings: readonly ConfigFinding[]): void => {
      const where = kindInfo(kind).label;
      for (const f of findings) {
        if (f.kind === 'replaced-roots' && !options.replacedRoots) continue;
        const removal = f.removal;
        context.report({
          loc: { start: sourceCode.getLocFromIndex(f.range[0]), end: sourceCode.getLocFromIndex(f.range[1]) },
          messageId: f.kind,
          data: {
            ...f.data,
            ...(f.data.tool === 'yarn' ? { tool: 'Yarn' } : {}),
            ...(f.data.flag !== undefined && f.data.effect !== undefined ? flagData(context, { flag: f.data.flag, effect: f.data.effect }) : {}),
            ...registryClaim(f),
            where,
          },
          suggest: removal ? [{ messageId: 'removeSetting', fix: (fixer: TSESLint.RuleFixer) => fixer.removeRange([removal[0], removal[1]]) }] : [],
        });
      }
    };
    return {
      ConfigFile(node: ConfigFileNode) {
        if (node.kind) report(node.kind, findingsOf(node));
      },
      // @eslint/json's tree: the root is a `Document`. Only package.json scripts are judged.
      Document(node: JsonNode) {
        if (!/(?:^|[/\\])package\.json$/.test(context.filename)) return;
        report('package-json', packageScriptFindings(scriptsOf(node, sourceCode.text)));
      },
    } as unknown as TSESLint.RuleListener;
  },
});
