/**
 * Every rule has a doc beside it whose title matches the rule's meta, and whose examples are real:
 * each "Incorrect" block is reported by the rule, each "Correct" block is not.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Linter } from 'eslint';
import tseslintParser from '@typescript-eslint/parser';
import type { RuleModule } from '@typescript-eslint/utils/ts-eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../eslint-plugin.js';
import { rules } from '../rules/index.js';

interface Example {
  readonly kind: 'incorrect' | 'correct';
  readonly lang: string;
  readonly code: string;
  /** For a config-file example: the file name after the fence's language (```yaml .github/workflows/ci.yml). */
  readonly filename: string | undefined;
}

function examples(markdown: string): Example[] {
  const out: Example[] = [];
  let kind: Example['kind'] | undefined;
  const fence = /^```(\w+)(?: ([^\n`]+))?\n([\s\S]*?)^```/gm;
  const lines = markdown.split('\n');
  let offset = 0;
  const headings: { at: number; kind: Example['kind'] | undefined }[] = [];
  for (const line of lines) {
    if (/^###? /.test(line)) headings.push({ at: offset, kind: /incorrect/i.test(line) ? 'incorrect' : /correct/i.test(line) ? 'correct' : undefined });
    offset += line.length + 1;
  }
  for (const m of markdown.matchAll(fence)) {
    kind = undefined;
    for (const h of headings) if (h.at < (m.index ?? 0)) kind = h.kind;
    if (!kind) continue;
    const js = /^(?:ts|js|typescript|javascript)$/.test(m[1]!);
    if (!js && !m[2]) continue;
    out.push({ kind, lang: js ? (m[1]!.startsWith('j') ? 'js' : 'ts') : m[1]!, code: m[3]!, filename: js ? undefined : m[2]!.trim() });
  }
  return out;
}

function lint(name: string, rule: RuleModule<string, []>, code: string, lang: string, filename: string | undefined) {
  // A config-file example: the plugin's own config for its kind (language by file name).
  if (filename) return new Linter({ configType: 'flat' }).verify(code, plugin.configs['strict-files'], filename);
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.js'],
        languageOptions: { parser: tseslintParser, sourceType: 'module' },
        plugins: { tlsguard: { rules: { [name]: rule as never } } },
        rules: { [`tlsguard/${name}`]: 'error' },
      },
    ],
    `example.${lang}`,
  );
}

for (const [name, rule] of Object.entries(rules) as [string, RuleModule<string, []>][]) {
  describe(`rules/${name}.md`, () => {
    const path = new URL(`../rules/${name}.md`, import.meta.url);
    it('exists and is titled with the rule description', () => {
      expect(existsSync(path)).toBe(true);
      const first = readFileSync(path, 'utf8').split('\n')[0];
      expect(first).toBe(`# ${rule.meta.docs?.description} (\`tlsguard/${name}\`)`);
    });
    if (!existsSync(path)) return;
    it('names the CWE ids of the rule meta', () => {
      const text = readFileSync(path, 'utf8');
      const cwe = (rule.meta.docs as { cwe?: readonly string[] }).cwe ?? [];
      expect(cwe.length).toBeGreaterThan(0);
      for (const id of cwe) expect(text).toContain(`[${id}](https://cwe.mitre.org/data/definitions/${id.replace('CWE-', '')}.html)`);
    });
    const found = examples(readFileSync(path, 'utf8'));
    it('has incorrect and correct examples', () => {
      expect(found.some((e) => e.kind === 'incorrect')).toBe(true);
      expect(found.some((e) => e.kind === 'correct')).toBe(true);
    });
    found.forEach((e, i) => {
      it(`${e.kind} example ${i + 1} is ${e.kind === 'incorrect' ? 'reported' : 'not reported'}`, () => {
        const messages = lint(name, rule, e.code, e.lang, e.filename);
        expect(messages.filter((m) => m.fatal)).toEqual([]);
        const own = messages.filter((m) => m.ruleId === `tlsguard/${name}`);
        if (e.kind === 'incorrect') expect(own.length).toBeGreaterThan(0);
        else expect(own).toEqual([]);
      });
    });
  });
}
