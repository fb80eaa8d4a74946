/**
 * Rule metadata as the CLI's reports need it, read from the plugin (never a hard-coded list):
 * description, CWE ids, category, documentation URL and the rule's Markdown doc when shipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import plugin from '../../eslint-plugin.js';

export interface RuleInfo {
  /** `tlsguard/<name>`. */
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly category: string | undefined;
  readonly cwe: readonly string[];
  readonly url: string | undefined;
  readonly recommended: boolean;
}

interface DocsShape {
  readonly description?: string;
  readonly category?: string;
  readonly cwe?: readonly string[];
  readonly url?: string;
  readonly recommended?: boolean;
}

export function allRules(): RuleInfo[] {
  return Object.entries(plugin.rules).map(([name, rule]) => {
    const docs = ((rule.meta as { docs?: DocsShape }).docs ?? {}) as DocsShape;
    return {
      id: `tlsguard/${name}`,
      name,
      description: docs.description ?? name,
      category: docs.category,
      cwe: docs.cwe ?? [],
      url: docs.url,
      recommended: docs.recommended === true,
    };
  });
}

/** The rules of `recommended-files` / `strict-files`: the config-file rule, which the CLI applies with `config`. */
function filesConfigRules(config: 'recommended' | 'strict'): Record<string, unknown> {
  return Object.assign({}, ...plugin.configs[`${config}-files`].map((c) => c.rules ?? {})) as Record<string, unknown>;
}

/** The rules a config enables, in the plugin's order. */
export function rulesOfConfig(config: 'recommended' | 'strict'): RuleInfo[] {
  const enabled = { ...filesConfigRules(config), ...(plugin.configs[config].rules ?? {}) };
  return allRules().filter((r) => {
    const level = (enabled as Record<string, unknown>)[r.id];
    return level !== undefined && level !== 'off' && level !== 0;
  });
}

export const toolVersion: string = plugin.meta.version;
export const toolName = 'tlsguard';
export const informationUri = 'https://github.com/tlsguard/eslint-plugin-tlsguard';

function packageRoot(): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'eslint-plugin-tlsguard') return dir;
      } catch {
        // keep looking
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The rule's Markdown doc (`rules/<name>.md`, shipped in the package), without the generated header. */
export function ruleDoc(name: string): string | undefined {
  const root = packageRoot();
  if (!root) return undefined;
  const file = path.join(root, 'rules', `${name}.md`);
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  const marker = '<!-- end auto-generated rule header -->';
  const at = text.indexOf(marker);
  return (at >= 0 ? text.slice(at + marker.length) : text).trim();
}

/** The first prose paragraph of a rule doc (after any `**CWE:**` line), as plain text. */
export function firstParagraph(markdown: string): string | undefined {
  const paragraphs = markdown.split(/\n\s*\n/).map((p) => p.trim());
  const prose = paragraphs.find(
    (p) => p && !p.startsWith('#') && !p.startsWith('**CWE') && !p.startsWith('<!--') && !p.startsWith('```') && !p.startsWith('-') && !p.startsWith('|'),
  );
  return prose?.replace(/\s*\n\s*/g, ' ');
}

const isOff = (entry: unknown): boolean => {
  const severity = Array.isArray(entry) ? (entry as unknown[])[0] : entry;
  return severity === undefined || severity === 'off' || severity === 0;
};

/** The rules that run with `config` and the `--rule` overrides, in the plugin's order. */
export function enabledRules(config: 'recommended' | 'strict', overrides: Readonly<Record<string, unknown>>): RuleInfo[] {
  // The config-file rule is in the `-files` twin of each config (which the CLI applies too).
  const levels: Record<string, unknown> = { ...filesConfigRules(config), ...(plugin.configs[config].rules ?? {}), ...overrides };
  return allRules().filter((r) => !isOff(levels[r.id]));
}
