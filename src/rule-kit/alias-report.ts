/**
 * Reports the alias matches of `src/analysis/library-aliases.ts` with a rule's library message, and
 * turns each match's described edit into the suggestion's fix (the same shape in every rule that has
 * alias rows).
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { FileContext } from '../analysis/file-context.js';
import { aliasListeners, type AliasEdit, type AliasReport } from '../analysis/library-aliases.js';
import { dependencyAtLeast } from './dependencies.js';
import { removeListItem, removeStatement } from './fixes.js';

export { aliasMentions } from '../analysis/library-aliases.js';

function fixOf(fc: FileContext, edit: AliasEdit): TSESLint.ReportFixFunction {
  switch (edit.kind) {
    case 'remove-list-item':
      return (fixer) => removeListItem(fc.sourceCode, fixer, edit.node);
    case 'remove-statement':
      return (fixer) => removeStatement(fc.sourceCode, fixer, edit.statement);
    case 'fix':
      return edit.fix;
  }
}

/** The alias listeners of one rule, reporting each match with the rule's library message and the row's suggestion. */
export function aliasReportListeners<M extends string>(
  fc: FileContext,
  context: Readonly<TSESLint.RuleContext<M, readonly unknown[]>>,
  rule: AliasReport['row']['rule'],
  ids: { readonly option: M; readonly fix: M; readonly proxy?: M; readonly insecureDefault?: M },
): TSESLint.RuleListener {
  return aliasListeners(fc, rule, ({ node, data, suggestion, insecureDefault, ignoredFrom }) => {
    // The object goes only to a library version that ignores the option (puppeteer >= 23 and `ignoreHTTPSErrors`).
    if (ignoredFrom && ignoredFrom.modules.every((m) => dependencyAtLeast(context, m, ignoredFrom.version))) return;
    // An insecure default (`tlsInsecure: opts.insecure ?? true`) is reported only when the rule asks for defaults.
    if (insecureDefault && !ids.insecureDefault) return;
    const suggest = suggestion ? [{ messageId: ids.fix, data: { fix: suggestion.text }, fix: fixOf(fc, suggestion.edit) }] : [];
    if (insecureDefault) {
      context.report({
        node,
        messageId: ids.insecureDefault!,
        data: { option: `${data.option} (${data.library})`, origin: insecureDefault.origin, effect: `it ${data.effect}` },
        suggest,
      });
      return;
    }
    context.report({
      node,
      // A proxy's option (the proxied target's certificate) has its own message, saying what the proxy exposes.
      messageId: data.exposes !== undefined && ids.proxy ? ids.proxy : ids.option,
      data,
      suggest,
    });
  });
}
