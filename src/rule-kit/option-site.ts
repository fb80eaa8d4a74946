/**
 * Edits and reports for rules that judge one option by its value (`minVersion`, `ciphers`, ...),
 * set either as a property of an object literal or as a write `opts.key = value`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../analysis/ast.js';
import { escapeRegExp } from '../analysis/gate.js';
import type { FileContext } from '../analysis/file-context.js';
import { siteValue, type OptionSite } from '../analysis/option-values.js';
import { secureContextSuggestions } from './factory.js';
import { enclosingExpressionStatement, removeListItem, removeStatement } from './fixes.js';
import { maskWithout } from './mask.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** `text` as a string literal in the quote style of `valueNode` (single quotes by default). */
export function quoted(sourceCode: SourceCode, valueNode: TSESTree.Node, text: string): string {
  const n = unwrap(valueNode);
  const q = n.type === 'Literal' && sourceCode.getText(n).startsWith('"') ? '"' : "'";
  return `${q}${text.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), `\\${q}`)}${q}`;
}

/** Replaces the value of a site (the whole property when it is shorthand), keeping `as const`/`satisfies`. */
export function replaceValue(site: OptionSite, key: string, text: string): TSESLint.ReportFixFunction {
  if (site.type === 'Property' && site.shorthand) return (fixer) => fixer.replaceText(site, `${key}: ${text}`);
  const inner = unwrap(siteValue(site));
  const target = inner.type === 'Literal' ? inner : siteValue(site);
  return (fixer) => fixer.replaceText(target, text);
}

/** Removes a property, or the statement of a write; undefined when the write is inside an expression. */
export function removeSite(sourceCode: SourceCode, site: OptionSite): TSESLint.ReportFixFunction | undefined {
  if (site.type === 'Property') return (fixer) => removeListItem(sourceCode, fixer, site);
  const statement = enclosingExpressionStatement(site);
  return statement ? (fixer) => removeStatement(sourceCode, fixer, statement) : undefined;
}

/**
 * Clears `bits` from the `secureOptions` mask of a site: the site is removed when no term is left,
 * undefined when the mask cannot be split (`maskWithout`).
 */
export function dropBitsFix(fc: FileContext, sourceCode: SourceCode, site: OptionSite, key: string, bits: number): TSESLint.ReportFixFunction | undefined {
  const text = maskWithout(fc, sourceCode, siteValue(site), bits);
  if (text === '') return removeSite(sourceCode, site);
  return text === undefined ? undefined : replaceValue(site, key, text);
}

/**
 * Reports a site with its minimal suggestions (undefined entries are dropped) and, for a property
 * of an object literal that reaches a core TLS API, the runtime factory rewrite.
 */
export function reportSite<M extends string>(
  fc: FileContext,
  context: Readonly<TSESLint.RuleContext<M, readonly unknown[]>>,
  site: OptionSite,
  report: { messageId: M; data: Record<string, string>; suggest: (TSESLint.SuggestionReportDescriptor<M> | undefined)[]; factory: M },
): void {
  const factory =
    site.type === 'Property' && site.parent.type === 'ObjectExpression' ? secureContextSuggestions(fc, context, site.parent, { factory: report.factory }) : [];
  const minimal = report.suggest.filter((s): s is TSESLint.SuggestionReportDescriptor<M> => s !== undefined);
  context.report({ node: site, messageId: report.messageId, data: report.data, suggest: [...minimal, ...factory] });
}

const keyPattern = (keys: Iterable<string>): string => `/^(${[...keys].map(escapeRegExp).join('|')})$/`;

/**
 * The listener selectors of an option-site rule, built from its key sets: `property` matches
 * `{ key: … }` and `{ 'key': … }` for `propertyKeys`; `assignment` matches `x.key = …` and
 * `x['key'] = …` for `propertyKeys` and `assignmentKeys` (process-wide defaults such as
 * `tls.DEFAULT_MIN_VERSION`).
 */
export function optionSiteSelectors(
  propertyKeys: Iterable<string>,
  assignmentKeys: Iterable<string> = [],
): { readonly property: string; readonly assignment: string } {
  const props = keyPattern(propertyKeys);
  const assigned = keyPattern([...propertyKeys, ...assignmentKeys]);
  return {
    property: `Property[key.name=${props}], Property[key.value=${props}]`,
    assignment: `AssignmentExpression[left.property.name=${assigned}], AssignmentExpression[left.property.value=${assigned}]`,
  };
}
