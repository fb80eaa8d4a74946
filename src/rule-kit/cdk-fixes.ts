/** The fixes that write the TLS 1.2 policy of an AWS CDK construct (no-legacy-tls-version). */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../analysis/ast.js';
import { aliasEnumObject, enumSpelling } from '../analysis/cdk.js';
import type { FileContext } from '../analysis/file-context.js';
import type { CdkDefaultVerdict, CdkPolicyVerdict } from '../analysis/legacy-version.js';
import { insertProperty } from './fixes.js';
import { planNamedImport } from './imports.js';
import { quoted, replaceValue } from './option-site.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

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
  const insert: TSESLint.ReportFixFunction | undefined =
    object?.type === 'ObjectExpression'
      ? insertProperty(sourceCode, object, property)
      : !props && lastArg
        ? (fixer) => fixer.insertTextAfter(lastArg, `, { ${property} }`)
        : undefined;
  if (!insert) return undefined;
  return (fixer) => {
    const edit = insert(fixer);
    const edits = edit === null ? [] : Symbol.iterator in edit ? [...edit] : [edit];
    return plan?.kind === 'add' ? [...edits, plan.fix(fixer)] : edits;
  };
}
