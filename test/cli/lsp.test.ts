/**
 * The editor path: the ESLint language server (`vscode-eslint-language-server` from
 * `vscode-langservers-extracted`, as used by VS Code's ESLint extension, Neovim's lspconfig and
 * Helix) with a project that uses `tlsguard.configs.recommended`: an insecure document gets
 * tlsguard's diagnostic, the code actions offer the rule's suggestions, and running one edits the
 * document. This server (vscode-eslint 3.x) offers only pull diagnostics (`textDocument/diagnostic`,
 * LSP 3.17); it never sends `textDocument/publishDiagnostics`.
 * Skipped when the server is not installed (set TLSGUARD_ESLINT_LANGUAGE_SERVER to its path, or
 * install `vscode-langservers-extracted`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, INSECURE_JS, INSECURE_TS, project, repoRoot } from './helpers.js';
import { LspClient } from './lsp-client.js';

afterAll(cleanup);

const SERVER = 'vscode-eslint-language-server';

function findServer(): string | undefined {
  const fromEnv = process.env.TLSGUARD_ESLINT_LANGUAGE_SERVER;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const local = path.join(repoRoot, 'node_modules/.bin', SERVER);
  if (existsSync(local)) return local;
  const which = spawnSync('sh', ['-c', `command -v ${SERVER}`], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : undefined;
}

const server = findServer();
const built = existsSync(path.join(repoRoot, 'dist/eslint-plugin.js'));
if (!server) console.warn(`editor (LSP) test skipped: ${SERVER} not found (npm package vscode-langservers-extracted, or TLSGUARD_ESLINT_LANGUAGE_SERVER)`);
if (!built) console.warn('editor (LSP) test skipped: dist/ is missing (run `npm run build`)');

interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  code?: string | number;
  source?: string;
}

interface TextEdit {
  range: Diagnostic['range'];
  newText: string;
}

interface WorkspaceEdit {
  documentChanges?: { textDocument: { uri: string }; edits: TextEdit[] }[];
  changes?: Record<string, TextEdit[]>;
}

type CodeAction = { title: string; kind?: string; command?: { command: string; arguments?: unknown[] } };

function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }): number => lineStarts[p.line]! + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((out, e) => out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end)), text);
}

/** The settings an editor sends for `workspace/configuration`. */
/** The editor config of docs/cli.md: the TypeScript parser for TS files, then tlsguard. */
const EDITOR_CONFIG = `import tseslint from 'typescript-eslint';
import tlsguard from 'eslint-plugin-tlsguard';

export default [
  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tseslint.parser } },
  tlsguard.configs.recommended,
];
`;

type Settings = (rootUri: string) => Record<string, unknown>;

// Neovim's lspconfig (VS Code's extension sends the same shape).
const neovim: Settings = (rootUri) => ({
  validate: 'on',
  packageManager: 'npm',
  useESLintClass: false,
  useFlatConfig: true,
  experimental: { useFlatConfig: false },
  codeActionOnSave: { enable: false, mode: 'all' },
  format: false,
  quiet: false,
  onIgnoredFiles: 'off',
  options: {},
  rulesCustomizations: [],
  run: 'onType',
  problems: { shortenToSingleLine: false },
  nodePath: null,
  workingDirectory: { mode: 'location' },
  workspaceFolder: { uri: rootUri, name: 'editor-fixture' },
  codeAction: { disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' }, showDocumentation: { enable: true } },
});

// The `[language-server.eslint.config]` table of docs/cli.md's Helix setup (no workspaceFolder).
const helix: Settings = () => ({
  validate: 'on',
  run: 'onType',
  format: false,
  nodePath: '',
  rulesCustomizations: [],
  experimental: {},
  problems: { shortenToSingleLine: false },
  workingDirectory: { mode: 'location' },
  codeAction: { disableRuleComment: { enable: true, location: 'separateLine' }, showDocumentation: { enable: true } },
});

describe.skipIf(!server || !built)('ESLint language server', () => {
  it.each([
    ['Neovim/VS Code', neovim],
    ['Helix', helix],
  ])(
    'with %s settings: reports the tlsguard diagnostic, offers the rule suggestions as code actions and applies one',
    async (_editor, settingsFor) => {
      // A project as a user has it: eslint and eslint-plugin-tlsguard installed, a flat config.
      const dir = project({
        'package.json': '{ "name": "editor-fixture", "private": true, "type": "commonjs" }',
        'eslint.config.mjs': EDITOR_CONFIG,
        'client.js': INSECURE_JS,
      });
      mkdirSync(path.join(dir, 'node_modules'));
      symlinkSync(path.join(repoRoot, 'node_modules/eslint'), path.join(dir, 'node_modules/eslint'), 'dir');
      symlinkSync(path.join(repoRoot, 'node_modules/typescript-eslint'), path.join(dir, 'node_modules/typescript-eslint'), 'dir');
      symlinkSync(repoRoot, path.join(dir, 'node_modules/eslint-plugin-tlsguard'), 'dir');

      const rootUri = pathToFileURL(dir).href;
      const docUri = pathToFileURL(path.join(dir, 'client.js')).href;
      const settings = settingsFor(rootUri);
      const applied: WorkspaceEdit[] = [];
      const client = new LspClient(process.execPath, [server!, '--stdio'], dir, (method, params) => {
        if (method === 'workspace/configuration') return ((params as { items?: unknown[] } | undefined)?.items ?? [{}]).map(() => settings);
        if (method === 'workspace/applyEdit') {
          applied.push((params as { edit: WorkspaceEdit }).edit);
          return { applied: true };
        }
        return null; // client/registerCapability, eslint/* requests, window/workDoneProgress/create ...
      });
      try {
        await client.request('initialize', {
          processId: process.pid,
          rootUri,
          workspaceFolders: [{ uri: rootUri, name: 'editor-fixture' }],
          capabilities: {
            workspace: { configuration: true, workspaceFolders: true, applyEdit: true, workspaceEdit: { documentChanges: true } },
            textDocument: {
              publishDiagnostics: { relatedInformation: true },
              diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
              codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'source', 'source.fixAll', 'source.fixAll.eslint'] } } },
            },
          },
        });
        client.notify('initialized', {});
        client.notify('textDocument/didOpen', { textDocument: { uri: docUri, languageId: 'javascript', version: 1, text: INSECURE_JS } });
        // The server offers pull diagnostics (LSP 3.17 `textDocument/diagnostic`, used by VS Code,
        // Neovim >= 0.10 and Helix); ask for them.
        const report = (await client.request('textDocument/diagnostic', { textDocument: { uri: docUri } })) as { kind: string; items: Diagnostic[] };
        expect(report.kind).toBe('full');
        const diagnostics = report.items;

        const finding = diagnostics.find((d) => d.code === 'tlsguard/no-unverified-certificate');
        expect(finding, JSON.stringify(diagnostics)).toBeDefined();
        expect(finding!.source).toBe('eslint');
        expect(finding!.message).toContain('`rejectUnauthorized: false` turns off certificate verification');
        // Line 2 (0-based 1), on `rejectUnauthorized: false`.
        expect(finding!.range).toEqual({ start: { line: 1, character: 49 }, end: { line: 1, character: 74 } });

        const actions = (await client.request('textDocument/codeAction', {
          textDocument: { uri: docUri },
          range: finding!.range,
          context: { diagnostics: [finding!] },
        })) as CodeAction[];
        // Each suggestion is a quick fix titled `<description> (<rule>)`, run as `eslint.applySuggestion`.
        const suggestions = actions.filter(
          (a) => a.kind === 'quickfix' && a.title.endsWith('(tlsguard/no-unverified-certificate)') && a.command?.command === 'eslint.applySuggestion',
        );
        expect(suggestions.map((a) => a.title)).toContain(
          'Remove `rejectUnauthorized: false` (verification is on by default). (tlsguard/no-unverified-certificate)',
        );
        expect(suggestions.length).toBeGreaterThanOrEqual(2);
        // The rule is not auto-fixable: no "fix all" for it (security fixes are suggestions only).
        expect(actions.some((a) => a.kind === 'quickfix' && /^Fix all tlsguard\//.test(a.title))).toBe(false);

        // Choosing the suggestion makes the server send the edit back (workspace/applyEdit).
        const remove = suggestions.find((a) => a.title.startsWith('Remove `rejectUnauthorized: false`'))!;
        await client.request('workspace/executeCommand', remove.command);
        expect(applied).toHaveLength(1);
        const edits = applied[0]!.documentChanges?.flatMap((c) => (c.textDocument.uri === docUri ? c.edits : [])) ?? applied[0]!.changes?.[docUri] ?? [];
        expect(applyTextEdits(INSECURE_JS, edits)).toBe(INSECURE_JS.replace(', rejectUnauthorized: false', ''));

        // A TypeScript document of the same project.
        const tsUri = pathToFileURL(path.join(dir, 'agent.ts')).href;
        client.notify('textDocument/didOpen', { textDocument: { uri: tsUri, languageId: 'typescript', version: 1, text: INSECURE_TS } });
        const tsReport = (await client.request('textDocument/diagnostic', { textDocument: { uri: tsUri } })) as { items: Diagnostic[] };
        expect(tsReport.items.map((d) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}`)).toEqual([
          'tlsguard/no-unverified-certificate@2:57',
        ]);
      } finally {
        await client.shutdown();
      }
    },
    120_000,
  );
});
