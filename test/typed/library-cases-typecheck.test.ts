/**
 * The TypeScript library cases are real code against the installed packages: each input type-checks
 * (no diagnostics), so the catalogue's APIs (export names, argument positions, option paths) are the
 * packages' own. Cases that are deliberately not valid TypeScript are JavaScript cases or say so.
 */
import { describe, expect, it } from 'vitest';
import { typecheck } from '../harness/typecheck.js';
import type { RuleCases } from '../rule-tester.js';
import certificate from '../rules/no-unverified-certificate.libraries.cases.js';
import hostname from '../rules/no-unverified-hostname.libraries.cases.js';
import certificateTyped from './no-unverified-certificate.libraries.typed.cases.js';
import hostnameTyped from './no-unverified-hostname.libraries.typed.cases.js';

const codes = (cases: RuleCases<string, readonly unknown[]>): string[] =>
  [...cases.valid, ...cases.invalid].filter((c) => typeof c === 'string' || !c.filename?.endsWith('.js')).map((c) => (typeof c === 'string' ? c : c.code));

const inputs = [...codes(certificate), ...codes(hostname), ...[...certificateTyped, ...hostnameTyped].map((c) => c.code)];

describe('library cases type-check against the installed packages', () => {
  const results = typecheck(inputs.map((text, i) => ({ name: `library-${i}.ts`, text })));
  inputs.forEach((text, i) => {
    it(JSON.stringify(text.slice(0, 70)), () => {
      const r = results.get(`library-${i}.ts`)!;
      expect([...r.syntax, ...r.semantic]).toEqual([]);
    });
  });
}, 300_000);
