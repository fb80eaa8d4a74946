/** Every rule's cases, for cross-rule checks (the suggestion harness). */
import { readdirSync } from 'node:fs';
import type { RuleModule } from '@typescript-eslint/utils/ts-eslint';
import { rules } from '../../rules/index.js';
import type { RuleCases } from '../rule-tester.js';

export interface RuleSuite {
  readonly name: string;
  /** `<topic>` of `<rule>.<topic>.cases.ts`, undefined for `<rule>.cases.ts`. */
  readonly topic: string | undefined;
  readonly rule: RuleModule<string, []>;
  readonly cases: RuleCases<string, readonly unknown[]>;
}

const rulesDir = new URL('../rules/', import.meta.url);

export async function loadRuleSuites(): Promise<RuleSuite[]> {
  const out: RuleSuite[] = [];
  for (const file of readdirSync(rulesDir)
    .filter((f) => f.endsWith('.cases.ts'))
    .sort()) {
    // `<rule>.cases.ts`, or more cases for the same rule in `<rule>.<topic>.cases.ts`.
    const [name, topic] = file.replace(/\.cases\.ts$/, '').split('.') as [string, string | undefined];
    const rule = (rules as unknown as Record<string, RuleModule<string, []>>)[name];
    if (!rule) throw new Error(`${file}: no rule named ${name}`);
    const mod = (await import(new URL(file, rulesDir).href)) as { default: RuleCases<string, readonly unknown[]> };
    out.push({ name, topic, rule, cases: mod.default });
  }
  return out;
}
