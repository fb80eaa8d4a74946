import { ESLintUtils } from '@typescript-eslint/utils';

export type Category =
  | 'cert-verification'
  | 'hostname-verification'
  | 'servername'
  | 'protocol-version'
  | 'weak-cipher'
  | 'legacy-api'
  | 'secure-context';

/** Extra `meta.docs` fields every tlsguard rule carries. */
export interface TlsguardDocs {
  /** In the `recommended` config (every rule is in `strict`). */
  readonly recommended: boolean;
  readonly category: Category;
  /** CWE ids, e.g. `['CWE-295']`: shown in docs and SARIF output. */
  readonly cwe: readonly string[];
  /** The rule uses type information when present but never requires it. */
  readonly requiresTypeChecking?: false;
  /** Rule options the `strict` config sets (e.g. `[{ policy: 'strict' }]`); `recommended` uses the defaults. */
  readonly strictOptions?: readonly unknown[];
}

export const REPO_URL = 'https://github.com/tlsguard/eslint-plugin-tlsguard';

export const createRule = ESLintUtils.RuleCreator<TlsguardDocs>((name) => `${REPO_URL}/blob/main/rules/${name}.md`);
