/**
 * On OpenSSL 3 (Node 17 and later) a TLS 1.0/1.1 handshake needs security level 0: a lowered
 * minimum version alone changes nothing there unless the same connection's `ciphers` carry
 * `@SECLEVEL=0` (shown on Node 20 in test/claims/messages.test.ts and versions-env-api.test.ts).
 * Messages that say a setting allows TLS 1.0/1.1 append this note when the target reaches such a Node.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { nodeTarget } from './target.js';

export const LEGACY_TLS_NOTE = ' (Node 17 and later negotiate TLS 1.0/1.1 only with `@SECLEVEL=0` in `ciphers`)';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The note for this file's target (empty when every version of it is Node 16 or older). */
export function legacyTlsNote(context: AnyContext): string {
  return nodeTarget(context).versions.some((f) => f.legacyTlsNeedsSecLevel0) ? LEGACY_TLS_NOTE : '';
}

/** A Node flag that lowers the default minimum to TLS 1.0 or 1.1. */
const LOWERS_MINIMUM = /^--tls-min-v1\.[01]$/;

/** Message data for a weak Node flag: `flag`, `effect`, and `note` (the note above when the flag lowers the minimum version). */
export function flagData(context: AnyContext, hit: { readonly flag: string; readonly effect: string }): Record<string, string> {
  return { flag: hit.flag, effect: hit.effect, note: LOWERS_MINIMUM.test(hit.flag) ? legacyTlsNote(context) : '' };
}
