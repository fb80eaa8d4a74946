/**
 * The "secure context pattern" suggestions: an options object literal becomes a call to the
 * runtime factory (`secureClientOptions`, `secureServerOptions`) or `new https.Agent({...})`
 * becomes `secureAgent({...})`, with the insecure keys dropped, everything else kept, and the
 * import added. The factories refuse insecure input at run time, so every key the policy flags
 * must go.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { propertyName, unwrap } from '../analysis/ast.js';
import type { FileContext } from '../analysis/file-context.js';
import { acceptsAnyHost } from '../analysis/functions.js';
import type { FactoryRole } from '../analysis/hand-rolled.js';
import { knownTailSecurityLevel } from '../analysis/option-values.js';
import { bagOf, destinationsOf, lookup } from '../analysis/options.js';
import { matchDestination } from '../analysis/sinks.js';
import { always, evaluate } from '../analysis/values.js';
import { formatNodeVersion } from '../policy/node-releases.js';
import { CHECKED_OPTIONS, checkTlsOptions, PROFILES, type ProfileName } from '../policy/index.js';
import { appendProperties, commentsWithin, listRemovals, protectedByDirective } from './fixes.js';
import { IMPORT_DATA_KEY, planNamedImport } from './imports.js';
import { DEFAULT_RUNTIME_MODULE, tlsguardSettingsOf, type TlsguardSettings } from './settings.js';
import { nodeTarget } from './target.js';

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

/** The versions a profile allows, as the factory suggestions describe them: `TLS 1.2+` or `TLS 1.3 only`. */
export function profileVersions(profile: ProfileName): string {
  const min = PROFILES[profile].minVersion.replace('TLSv', '');
  return min === '1.3' ? 'TLS 1.3 only' : `TLS ${min}+`;
}

/** `settings.tlsguard`, validated (settings.ts), with defaults. */
export function tlsguardSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): TlsguardSettings {
  return tlsguardSettingsOf(context.settings);
}

/** The sink roles whose option bags a runtime factory builds (analysis' FactoryRole). */
export type FactoryKind = FactoryRole;

const FACTORY: Readonly<Record<FactoryKind, string>> = {
  client: 'secureClientOptions',
  server: 'secureServerOptions',
  agent: 'secureAgent',
};

/** The runtime factory call that builds the options of a `kind` sink, as a message names it (`secureAgent()`). */
export const factoryCall = (kind: FactoryKind): string => `${FACTORY[kind]}()`;

/**
 * Keys the runtime factory would refuse, judged with the same policy code and context (strict ciphers).
 * Only the keys the policy reads are evaluated (issue 16: no value analysis or type query for `host`, `agent`, ...).
 */
export function insecureKeys(
  fc: FileContext,
  object: TSESTree.ObjectExpression,
  side: 'client' | 'server',
  profile: ProfileName,
  nodeVersions: readonly (string | undefined)[] = [undefined],
): Set<TSESTree.Property> {
  // The factory runs on the target Node: a key is refused when any target version's policy flags it.
  const check = (options: Readonly<Record<string, unknown>>) =>
    nodeVersions.flatMap((nodeVersion) => checkTlsOptions(options, { side, profile, strict: true, nodeVersion }));
  const drop = new Set<TSESTree.Property>();
  const values: Record<string, unknown> = {};
  const byKey = new Map<string, TSESTree.Property>();
  for (const prop of object.properties) {
    if (prop.type !== 'Property') continue;
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
    if (!CHECKED_OPTIONS.has(key)) continue;
    const v = evaluate(fc, prop.value);
    // A partly known cipher string ending in `@SECLEVEL=0` is refused whatever its head is.
    if (!v && key === 'ciphers' && knownTailSecurityLevel(fc, prop.value) === 0) drop.add(prop);
    if (v?.length === 1) values[key] = v[0];
    else if (v && v.length > 1) {
      // Any insecure possibility is refused by the factory: check each value.
      for (const one of v) {
        if (check({ ...values, [key]: one, requestCert: true }).some((f) => f.option === key)) drop.add(prop);
      }
    }
  }
  if (side === 'server') values['requestCert'] = values['requestCert'] ?? false;
  for (const finding of check(values)) {
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

type TextEdit = { readonly range: readonly [number, number]; readonly text: string };

/**
 * The original text that factory suggestions of one file may carry between their import and their
 * call site, in all (ESLint merges a suggestion's edits into one range). The import goes near the
 * call (`planNamedImport`), so this only runs out when many findings sit deep inside one huge
 * top-level statement of an ES module; the findings after that get no factory suggestion until the
 * import is there (the CLI's `--fix` then adds it first and comes back to them).
 */
const carriedBudget = new WeakMap<object, { left: number }>();
function carry(sourceCode: Readonly<TSESLint.SourceCode>, characters: number): boolean {
  let budget = carriedBudget.get(sourceCode.ast);
  if (!budget) {
    budget = { left: 8 * sourceCode.text.length + (1 << 20) };
    carriedBudget.set(sourceCode.ast, budget);
  }
  if (characters > budget.left) return false;
  budget.left -= characters;
  return true;
}

export interface FactoryFix {
  readonly fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];
  /** The import the fix adds (`name from module`), if it adds one. */
  readonly importKey: string | undefined;
}

const hasComments = (sourceCode: Readonly<TSESLint.SourceCode>, range: readonly [number, number]): boolean => commentsWithin(sourceCode, range);

/**
 * The fix for a factory suggestion, or undefined when it cannot be offered safely here. The object
 * is edited in place: the call is wrapped around it, insecure keys are removed and extra keys
 * appended, so comments and formatting stay as they were. A key that has to go but carries a line
 * directive (`eslint-disable-next-line`, `@ts-expect-error`) means no suggestion: removing it would
 * move the directive onto another line.
 */
export function factoryFix(input: FactorySuggestionInput): FactoryFix | undefined {
  const { fc, context, object, kind } = input;
  const { sourceCode } = context;
  const settings = tlsguardSettings(context);
  const name = FACTORY[kind];
  const target = input.replace ?? object;
  const plan = planNamedImport(sourceCode, settings.runtimeModule, name, target);
  if (plan.kind === 'conflict') return undefined;
  const versions = nodeTarget(context).versions.map((f) => formatNodeVersion(f.version));
  const drop = insecureKeys(fc, object, kind === 'server' ? 'server' : 'client', settings.profile, versions);
  if ([...drop].some((p) => protectedByDirective(sourceCode, p))) return undefined;
  const extras: string[] = [];
  if (settings.profile === 'modern' && !object.properties.some((p) => p.type === 'Property' && propertyName(p) === 'profile')) extras.push(`profile: 'modern'`);
  extras.push(...(input.extra ?? []));
  const items: TSESTree.Node[] = object.properties;
  const dropped = new Set<TSESTree.Node>(drop);
  const remaining = items.filter((p) => !dropped.has(p));
  // Nothing left: `name()`.
  let cleared = remaining.length === 0 && extras.length === 0 && !hasComments(sourceCode, object.range);

  const edits: TextEdit[] = [];
  if (plan.kind === 'add') {
    if (!carry(sourceCode, target.range[0] - plan.at)) return undefined;
    edits.push({ range: [plan.at, plan.at], text: plan.text });
  }
  if (input.replace) {
    // `new https.Agent(` -> `secureAgent(`: only the callee changes (parenthesised or not).
    const call = input.replace as TSESTree.NewExpression;
    let open = sourceCode.getTokenAfter(call.typeArguments ?? call.callee);
    while (open && open.value === ')') open = sourceCode.getTokenAfter(open);
    if (!open || open.value !== '(' || hasComments(sourceCode, [call.range[0], open.range[0]])) return undefined;
    edits.push({ range: [call.range[0], open.range[0]], text: name });
    // Nothing left: `secureAgent()` (with whatever wrapped the object, `satisfies ...`).
    if (cleared && !hasComments(sourceCode, [open.range[1], call.range[1]])) edits.push({ range: [open.range[0], call.range[1]], text: '()' });
    else cleared = false;
  } else if (cleared) {
    edits.push({ range: object.range, text: `${name}()` });
  } else {
    edits.push({ range: [object.range[0], object.range[0]], text: `${name}(` });
  }
  if (!cleared) {
    const removals = listRemovals(sourceCode, items, dropped, extras.length > 0);
    for (const range of removals) edits.push({ range, text: '' });
    for (const e of appendProperties(sourceCode, object, remaining[remaining.length - 1], extras)) {
      // An insertion that falls inside a removal (a removed key spans the line end) goes after it.
      const inside = removals.find(([s, end]) => s < e.range[0] && e.range[0] < end);
      edits.push(inside ? { range: [inside[1], inside[1]], text: e.text } : e);
    }
    if (!input.replace) edits.push({ range: [object.range[1], object.range[1]], text: ')' });
  }
  return {
    importKey: plan.kind === 'add' ? plan.key : undefined,
    fix: (fixer) => edits.map((e) => fixer.replaceTextRange(e.range, e.text)),
  };
}

/** The object literal itself when `node` is one (through TS wrappers). */
export function objectLiteral(node: TSESTree.Node | undefined): TSESTree.ObjectExpression | undefined {
  const n = node && unwrap(node);
  return n?.type === 'ObjectExpression' ? n : undefined;
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
  const settings = tlsguardSettings(context);
  const data = (fix: FactoryFix): Record<string, string> => ({
    factory: `${FACTORY[target.kind]}()`,
    dependency: dependencyNote(settings.runtimeModule),
    versions: profileVersions(settings.profile),
    // Read by the CLI's --fix: two edits that add the same import are not applied in the same round.
    ...(fix.importKey ? { [IMPORT_DATA_KEY]: fix.importKey } : {}),
  });
  const fix = factoryFix({ fc, context, object, kind: target.kind, replace: target.replace });
  if (fix) out.push({ messageId: ids.factory, data: data(fix), fix: fix.fix });
  const hasCa = object.properties.some((p) => p.type === 'Property' && propertyName(p) === 'ca');
  if (ids.factoryWithCa && target.kind !== 'server' && !hasCa) {
    const withCa = factoryFix({ fc, context, object, kind: target.kind, replace: target.replace, extra: [`extraCa: ${PRIVATE_CA_EXPRESSION}`] });
    if (withCa) out.push({ messageId: ids.factoryWithCa, data: data(withCa), fix: withCa.fix });
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
      const direct = dest.call.type === 'NewExpression' && objectLiteral(dest.call.arguments[dest.index]) === object && dest.call.arguments.length === 1;
      k = direct ? 'agent' : 'client';
      if (direct) replace = dest.call;
    } else return undefined;
    if (kind && kind !== k) return undefined;
    kind = k;
  }
  if (!kind) return undefined;
  if (kind === 'server') {
    // The server factory needs the certificate (cert + key, pfx or SNICallback), visible or behind a spread.
    const keys = new Set(object.properties.map((p) => (p.type === 'Property' ? propertyName(p) : '...')));
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
