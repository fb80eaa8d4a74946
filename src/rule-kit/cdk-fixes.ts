/** The fixes that write the TLS 1.2 policy of an AWS CDK construct (no-legacy-tls-version). */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../analysis/ast.js';
import { aliasEnumObject, enumSpelling } from '../analysis/cdk.js';
import type { FileContext } from '../analysis/file-context.js';
import type { CdkDefaultVerdict, CdkPolicyVerdict } from '../analysis/legacy-version.js';
import { lineBreakAt } from './fixes.js';
import { planNamedImport } from './imports.js';
import { quoted, replaceValue } from './option-site.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Adds `text` as the last property of an object literal, on its own line when the properties are. */
function addProperty(sourceCode: SourceCode, fixer: TSESLint.RuleFixer, object: TSESTree.ObjectExpression, text: string): TSESLint.RuleFix | undefined {
  const last = object.properties[object.properties.length - 1];
  if (!last) return sourceCode.getCommentsInside(object).length === 0 ? fixer.replaceText(object, `{ ${text} }`) : undefined;
  const after = sourceCode.getTokenAfter(last);
  const comma = after && after.value === ',' ? after : undefined;
  if (last.loc.start.line !== object.loc.start.line) {
    const indent = sourceCode.lines[last.loc.start.line - 1]!.slice(0, last.loc.start.column);
    // The file's own line ending (CRLF, CR) and the indentation of the line above.
    const eol = lineBreakAt(sourceCode.text, last.range[1]);
    return comma ? fixer.insertTextAfter(comma, `${eol}${indent}${text},`) : fixer.insertTextAfter(last, `,${eol}${indent}${text}`);
  }
  return comma ? fixer.insertTextAfter(comma, ` ${text}`) : fixer.insertTextAfter(last, `, ${text}`);
}

/** The TLS 1.2 value in the spelling of the legacy one: the same enum object, or a string literal. */
export function cdkPolicyFix(
  fc: FileContext,
  sourceCode: SourceCode,
  site: TSESTree.Property,
  verdict: CdkPolicyVerdict,
): TSESLint.ReportFixFunction | undefined {
  const { key, values, secure } = verdict;
  const value = unwrap(site.value);
  const only = values.length === 1 ? values[0] : undefined;
  if (!verdict.asEnum) return replaceValue(site, key, quoted(sourceCode, site.value, secure.value));
  if (only?.member && value.type === 'MemberExpression' && !site.shorthand) {
    const property = value.property;
    if (!value.computed) return (fixer) => fixer.replaceText(property, secure.member);
    if (property.type === 'Literal' && typeof property.value === 'string')
      return (fixer) => fixer.replaceText(property, quoted(sourceCode, property, secure.member));
  } else if (only?.member) {
    const object = aliasEnumObject(fc, site.value, site);
    if (object !== undefined) return replaceValue(site, key, `${object}.${secure.member}`);
  }
  return undefined;
}

/** Adds the TLS 1.2 policy to the props (or as new props), importing the enum when it must. */
export function cdkDefaultFix(
  fc: FileContext,
  sourceCode: SourceCode,
  call: TSESTree.NewExpression | TSESTree.CallExpression,
  verdict: CdkDefaultVerdict,
): TSESLint.ReportFixFunction | undefined {
  const { family, props } = verdict.found;
  const spelled = enumSpelling(fc, call.callee, family.enumName);
  const plan = spelled?.importFrom ? planNamedImport(sourceCode, spelled.importFrom, family.enumName, call) : undefined;
  if (!spelled || plan?.kind === 'conflict') return undefined;
  const property = `${family.key}: ${spelled.text}.${verdict.secure.member}`;
  const object = props && unwrap(props);
  const lastArg = call.arguments[call.arguments.length - 1];
  const insert =
    object?.type === 'ObjectExpression'
      ? (fixer: TSESLint.RuleFixer) => addProperty(sourceCode, fixer, object, property)
      : !props && lastArg
        ? (fixer: TSESLint.RuleFixer) => fixer.insertTextAfter(lastArg, `, { ${property} }`)
        : undefined;
  if (!insert) return undefined;
  return (fixer) => {
    const edit = insert(fixer);
    if (!edit) return [];
    return plan?.kind === 'add' ? [edit, plan.fix(fixer)] : [edit];
  };
}
