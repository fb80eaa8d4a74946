/**
 * The "secure context pattern" suggestions: an options object literal becomes a call to the
 * runtime factory (`secureClientOptions`, `secureServerOptions`) or `new https.Agent({...})`
 * becomes `secureAgent({...})`, with the insecure keys dropped, everything else kept, and the
 * import added. The factories refuse insecure input at run time, so every key the policy flags
 * must go.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { propertyName, unwrap } from '../analysis/ast.js';
import type { FileContext } from '../analysis/file-context.js';
import { acceptsAnyHost } from '../analysis/functions.js';
import { knownTailSecurityLevel } from '../analysis/option-values.js';
import { bagOf, destinationsOf, lookup } from '../analysis/options.js';
import { matchDestination } from '../analysis/sinks.js';
import { always, evaluate } from '../analysis/values.js';
import { checkTlsOptions, type ProfileName } from '../policy/index.js';
import { planNamedImport } from './imports.js';
import { DEFAULT_RUNTIME_MODULE, tlsguardSettingsOf, type TlsguardSettings } from './settings.js';

export { DEFAULT_RUNTIME_MODULE, type TlsguardSettings } from './settings.js';

/**
 * The sentence a factory suggestion ends with: the import needs the runtime package in
 * `dependencies` (a devDependency is gone after `npm prune --omit=dev`). Empty for a project's
 * own wrapper module (a relative or absolute path, or any other package name).
 */
export function dependencyNote(runtimeModule: string): string {
  return runtimeModule === DEFAULT_RUNTIME_MODULE || runtimeModule === 'eslint-plugin-tlsguard/runtime'
    ? ` The import needs \`${runtimeModule === DEFAULT_RUNTIME_MODULE ? DEFAULT_RUNTIME_MODULE : 'eslint-plugin-tlsguard'}\` in \`dependencies\`, not \`devDependencies\`.`
    : '';
}

/** `settings.tlsguard`, validated (settings.ts), with defaults. */
export function tlsguardSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): TlsguardSettings {
  return tlsguardSettingsOf(context.settings);
}

export type FactoryKind = 'client' | 'server' | 'agent';

const FACTORY: Readonly<Record<FactoryKind, string>> = {
  client: 'secureClientOptions',
  server: 'secureServerOptions',
  agent: 'secureAgent',
};

/** Keys the runtime factory would refuse, judged with the same policy code and context (strict ciphers). */
function insecureKeys(fc: FileContext, object: TSESTree.ObjectExpression, side: 'client' | 'server', profile: ProfileName): Set<TSESTree.Property> {
  const drop = new Set<TSESTree.Property>();
  const values: Record<string, unknown> = {};
  const byKey = new Map<string, TSESTree.Property>();
  for (const prop of object.properties) {
    if (prop.type !== AST_NODE_TYPES.Property) continue;
    const key = propertyName(prop);
    if (key === undefined) continue;
    byKey.set(key, prop);
    if (key === 'checkServerIdentity') {
      if (acceptsAnyHost(fc, prop.value)) drop.add(prop);
      continue;
    }
    if (key === 'secureProtocol') {
      // The factories set minVersion themselves; secureProtocol conflicts with it.
      drop.add(prop);
      continue;
    }
    const v = evaluate(fc, prop.value);
    // A partly known cipher string ending in `@SECLEVEL=0` is refused whatever its head is.
    if (!v && key === 'ciphers' && knownTailSecurityLevel(fc, prop.value) === 0) drop.add(prop);
    if (v?.length === 1) values[key] = v[0];
    else if (v && v.length > 1) {
      // Any insecure possibility is refused by the factory: check each value.
      for (const one of v) {
        if (checkTlsOptions({ ...values, [key]: one, requestCert: true }, { side, profile, strict: true }).some((f) => f.option === key)) drop.add(prop);
      }
    }
  }
  if (side === 'server') values['requestCert'] = values['requestCert'] ?? false;
  for (const finding of checkTlsOptions(values, { side, profile, strict: true })) {
    const prop = byKey.get(finding.option);
    if (prop) drop.add(prop);
  }
  if (side === 'server' && values['rejectUnauthorized'] === false) {
    const prop = byKey.get('rejectUnauthorized');
    if (prop) drop.add(prop);
  }
  return drop;
}

export interface FactorySuggestionInput {
  readonly fc: FileContext;
  readonly context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
  /** The options object literal to rewrite. */
  readonly object: TSESTree.ObjectExpression;
  readonly kind: FactoryKind;
  /** For `agent`: the `new https.Agent(...)` expression that is replaced as a whole. */
  readonly replace?: TSESTree.Node;
  /** Extra properties to add (source text), e.g. `extraCa: process.env.TLS_PRIVATE_CA_PEM`. */
  readonly extra?: readonly string[];
}

/** The fix for a factory suggestion, or undefined when it cannot be offered safely here. */
export function factoryFix(input: FactorySuggestionInput): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]) | undefined {
  const { fc, context, object, kind } = input;
  const { sourceCode } = context;
  const settings = tlsguardSettings(context);
  const name = FACTORY[kind];
  const plan = planNamedImport(sourceCode, settings.runtimeModule, name);
  if (plan.kind === 'conflict') return undefined;
  const drop = insecureKeys(fc, object, kind === 'server' ? 'server' : 'client', settings.profile);
  const kept = object.properties.filter((p) => !(p.type === AST_NODE_TYPES.Property && drop.has(p))).map((p) => sourceCode.getText(p));
  if (settings.profile === 'modern' && !object.properties.some((p) => p.type === AST_NODE_TYPES.Property && propertyName(p) === 'profile')) kept.push(`profile: 'modern'`);
  kept.push(...(input.extra ?? []));
  const multiline = object.loc.start.line !== object.loc.end.line;
  let body: string;
  if (kept.length === 0) body = '';
  else if (multiline) {
    const indent = /^\s*/.exec(sourceCode.lines[object.loc.start.line - 1] ?? '')?.[0] ?? '';
    body = `{\n${kept.map((k) => `${indent}  ${k},`).join('\n')}\n${indent}}`;
  } else body = `{ ${kept.join(', ')} }`;
  const call = `${name}(${body})`;
  const target = input.replace ?? object;
  return (fixer) => {
    const fixes = [fixer.replaceText(target, call)];
    if (plan.kind === 'add') fixes.push(plan.fix(fixer));
    return fixes;
  };
}

/** The object literal itself when `node` is one (through TS wrappers). */
export function objectLiteral(node: TSESTree.Node | undefined): TSESTree.ObjectExpression | undefined {
  const n = node && unwrap(node);
  return n?.type === AST_NODE_TYPES.ObjectExpression ? n : undefined;
}

export interface SecureContextMessageIds<M extends string> {
  /** "Use the runtime factory" (keeps the rest of the options). */
  readonly factory: M;
  /** "Use the runtime factory and trust a private CA" (offered where verification was switched off). */
  readonly factoryWithCa?: M;
}

/** Where the PEM of a private CA comes from in the `extraCa` suggestion. */
export const PRIVATE_CA_EXPRESSION = 'process.env.TLS_PRIVATE_CA_PEM';

/**
 * Secure-context suggestions for an options object literal, when every place it goes is a core
 * client, agent or server API (the runtime factories are typed for those); none otherwise.
 */
export function secureContextSuggestions<M extends string>(
  fc: FileContext,
  context: Readonly<TSESLint.RuleContext<M, readonly unknown[]>>,
  object: TSESTree.ObjectExpression,
  ids: SecureContextMessageIds<M>,
): TSESLint.SuggestionReportDescriptor<M>[] {
  const target = factoryTarget(fc, object);
  if (!target) return [];
  const out: TSESLint.SuggestionReportDescriptor<M>[] = [];
  const fix = factoryFix({ fc, context, object, kind: target.kind, replace: target.replace });
  const dependency = dependencyNote(tlsguardSettings(context).runtimeModule);
  if (fix) out.push({ messageId: ids.factory, data: { factory: `${FACTORY[target.kind]}()`, dependency }, fix });
  const hasCa = object.properties.some((p) => p.type === AST_NODE_TYPES.Property && propertyName(p) === 'ca');
  if (ids.factoryWithCa && target.kind !== 'server' && !hasCa) {
    const withCa = factoryFix({ fc, context, object, kind: target.kind, replace: target.replace, extra: [`extraCa: ${PRIVATE_CA_EXPRESSION}`] });
    if (withCa) out.push({ messageId: ids.factoryWithCa, data: { factory: `${FACTORY[target.kind]}()`, dependency }, fix: withCa });
  }
  return out;
}

function factoryTarget(fc: FileContext, object: TSESTree.ObjectExpression): { kind: FactoryKind; replace?: TSESTree.Node } | undefined {
  const dests = destinationsOf(fc, object);
  if (dests.length === 0) return undefined;
  let kind: FactoryKind | undefined;
  let replace: TSESTree.Node | undefined;
  for (const dest of dests) {
    if (dest.kind !== 'argument' || dest.path.length > 0) return undefined;
    const match = matchDestination(fc, dest);
    if (!match || !match.row.library.startsWith('node:')) return undefined;
    let k: FactoryKind;
    if (match.row.role === 'server') k = 'server';
    else if (match.row.role === 'client') k = 'client';
    else if (match.row.role === 'agent') {
      const direct = dest.call.type === AST_NODE_TYPES.NewExpression && objectLiteral(dest.call.arguments[dest.index]) === object && dest.call.arguments.length === 1;
      k = direct ? 'agent' : 'client';
      if (direct) replace = dest.call;
    } else return undefined;
    if (kind && kind !== k) return undefined;
    kind = k;
  }
  if (!kind) return undefined;
  if (kind === 'server') {
    // The server factory needs the certificate (cert + key, pfx or SNICallback), visible or behind a spread.
    const keys = new Set(object.properties.map((p) => (p.type === AST_NODE_TYPES.Property ? propertyName(p) : '...')));
    const hasIdentity = keys.has('...') || keys.has('pfx') || keys.has('SNICallback') || (keys.has('cert') && keys.has('key'));
    if (!hasIdentity) return undefined;
    // Enforced mTLS needs the client CA: without one the factory refuses `requestCert: true`.
    for (const dest of dests) {
      if (dest.kind !== 'argument') return undefined;
      const arg = dest.call.arguments[dest.index];
      const bag = arg && bagOf(fc, arg, dest.call);
      if (!bag) return undefined;
      const requestCert = lookup(bag, 'requestCert');
      const requested = requestCert && !always(evaluate(fc, requestCert.entry.value ?? arg), (v) => v === false);
      if (requested && !lookup(bag, 'ca')) return undefined;
    }
  }
  return { kind, replace: dests.length === 1 ? replace : undefined };
}
