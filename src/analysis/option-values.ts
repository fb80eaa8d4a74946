/**
 * Helpers for rules that judge one option of a bag by its value (`minVersion`, `ciphers`, ...):
 * the bag a property or a property write belongs to, the possible values of a key in it, and
 * whether an object literal is contextually typed (so a suggestion may need `as const`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { memberName, unwrap, valueParent } from './ast.js';
import { resolveModuleRef } from './bindings.js';
import { closedApiOf } from './closed-apis.js';
import type { FileContext } from './file-context.js';
import { bagOf, destinationsOf, lookup, type OptionBag } from './options.js';
import { sinkReplaced } from './precedence.js';
import { matchDestination, sinksForCall, type SinkMatch, type SinkRole } from './sinks.js';
import { constInitializer, evaluate, stringFragments, type Primitive } from './values.js';

/** A property `key: value` in an object literal, or a write `target.key = value`. */
export type OptionSite = TSESTree.Property | TSESTree.AssignmentExpression;

/**
 * The bag `site` contributes to, as the file shows it: for a property of a `const` object
 * literal, that object with its later writes and `Object.assign`s; for `opts.key = v`, the bag of
 * `opts`. Undefined when the object cannot be seen (a parameter, `this.x.y`).
 */
export function ownerBag(fc: FileContext, site: OptionSite): OptionBag | undefined {
  if (site.type === 'Property') {
    const object = site.parent;
    if (object.type !== 'ObjectExpression') return undefined;
    const { parent, child } = valueParent(object);
    if (parent?.type === 'VariableDeclarator' && parent.init === child && parent.id.type === 'Identifier') {
      const viaVariable = bagOf(fc, parent.id);
      if (viaVariable) return viaVariable;
    }
    return bagOf(fc, object);
  }
  const left = unwrap(site.left);
  if (left.type !== 'MemberExpression') return undefined;
  return bagOf(fc, left.object);
}

/** True when `site` is the entry that wins for `key` in `bag` (the last one written). */
export function isEffectiveEntry(bag: OptionBag | undefined, key: string, site: OptionSite): boolean {
  if (!bag) return true;
  const found = lookup(bag, key);
  return !found || found.entry.node === site;
}

/**
 * True when the object literal holding the property `site` provably goes somewhere, and at every
 * place it goes a later entry for `key` replaces it: `tls.connect({ ...base, rejectUnauthorized:
 * true })` with `const base = { rejectUnauthorized: false }`, `Object.assign({ minVersion: 'TLSv1' },
 * { minVersion: 'TLSv1.2' })`, `opts.ciphers = …` written after the literal and before the use, or
 * an `https.Agent` that sets the key (see `agentOverridesKey`); or, for a context option (`ciphers`,
 * `minVersion`, ...), a `secureContext` built by `tls.createSecureContext()` beside it on a client,
 * agent or socket, which Node uses instead of these options; or a pg `ssl` object that the config's
 * `connectionString` replaces (`sslmode=` in it: `SinkRow.replacedBy`). Then the value never reaches
 * an API. False when some destination cannot be followed.
 */
export function shadowedAtEveryUse(fc: FileContext, site: OptionSite, key: string): boolean {
  if (site.type !== 'Property' || site.parent.type !== 'ObjectExpression') return false;
  const destinations = destinationsOf(fc, site.parent);
  if (destinations.length === 0) return false;
  return destinations.every((dest) => {
    if (dest.kind !== 'argument') return false;
    const arg = dest.call.arguments[dest.index];
    if (!arg || arg.type === 'SpreadElement') return false;
    // An https.Agent that sets the key replaces the request's value for every key.
    const match = matchDestination(fc, dest);
    if (match && agentOverridesKey(fc, match, arg, key)) return true;
    // pg: an `sslmode=` (or `ssl=`, `sslrootcert=`...) in the config's `connectionString` replaces the whole `ssl` object.
    if (match && sinkReplaced(fc, match, dest)) return true;
    let bag = bagOf(fc, arg, dest.call);
    for (const step of dest.path) {
      const nested = bag && lookup(bag, step);
      if (!nested || nested.overridable || !nested.entry.value) return false;
      bag = bagOf(fc, nested.entry.value, dest.call);
    }
    if (!bag || !bag.items.some((item) => typeof item === 'object' && item.node === site)) return false;
    const found = lookup(bag, key);
    if (found && found.entry.node !== site) return true;
    // `tls.connect({ secureContext, ciphers })`: Node uses `secureContext || createSecureContext(options)`.
    return CONTEXT_KEYS.has(key) && !!match && CONTEXT_TAKERS.has(match.row.role) && hasSecureContext(fc, bag);
  });
}

/** `tls.SecureContextOptions` keys judged by the rules: a `secureContext` beside them makes Node ignore them. */
const CONTEXT_KEYS = new Set(['ciphers', 'minVersion', 'maxVersion', 'secureProtocol', 'secureOptions', 'ecdhCurve', 'sigalgs']);
/** Sinks that use a given `secureContext` instead of building one (servers do not support the option). */
const CONTEXT_TAKERS = new Set<SinkRole>(['client', 'agent', 'tlssocket']);

/** The expression itself, or the initializer of the `const` it names (both unwrapped); undefined for another identifier. */
function throughConst(fc: FileContext, node: TSESTree.Node): TSESTree.Node | undefined {
  const value = unwrap(node);
  if (value.type !== 'Identifier') return value;
  const init = constInitializer(fc, value);
  return init && unwrap(init);
}

/** True when the bag provably carries a secure context: a `tls.createSecureContext()` result, inline or through a `const`. */
function hasSecureContext(fc: FileContext, bag: OptionBag): boolean {
  const found = lookup(bag, 'secureContext');
  if (!found || found.overridable || !found.entry.value) return false;
  const value = throughConst(fc, found.entry.value);
  if (value?.type !== 'CallExpression') return false;
  const ref = resolveModuleRef(fc, value.callee);
  return ref?.module === 'tls' && ref.path.length === 1 && ref.path[0] === 'createSecureContext';
}

/**
 * The OpenSSL security level a partly known cipher string ends with (`tls.DEFAULT_CIPHERS +
 * ':@SECLEVEL=0'`, a template with an unknown head): OpenSSL applies `@SECLEVEL=n` in order, so the
 * last one in a known tail wins whatever comes before it. `appended`: the expression is added to an
 * unknown current value (`+=`). Undefined when the string is fully known (evaluate it instead), or
 * its tail is unknown or sets no level.
 */
export function knownTailSecurityLevel(fc: FileContext, node: TSESTree.Node, appended = false): number | undefined {
  const fragments = stringFragments(fc, node);
  const last = fragments?.[fragments.length - 1];
  if (!last?.atEnd || (last.atStart && !appended)) return undefined;
  const levels = [...last.text.matchAll(/@SECLEVEL=(\d+)/g)];
  const level = levels[levels.length - 1]?.[1];
  return level === undefined ? undefined : Number(level);
}

/**
 * True when the bag `arg` given to `https.request()`/`https.get()` has an `agent` that is a
 * `new https.Agent(options)` whose options provably set `key`: Node spreads the agent's options
 * over the request's (`lib/_http_agent.js` `addRequest`/`createSocket`), so the request's own
 * `key` is never used.
 */
export function agentOverridesKey(fc: FileContext, match: SinkMatch, arg: TSESTree.Node, key: string): boolean {
  if (match.row.module !== 'https' || match.row.role !== 'client') return false;
  const bag = bagOf(fc, arg, match.call);
  const agent = bag && lookup(bag, 'agent');
  if (!agent || agent.overridable || !agent.entry.value) return false;
  const created = throughConst(fc, agent.entry.value);
  if (created?.type !== 'NewExpression') return false;
  if (!sinksForCall(fc, created).some((r) => r.module === 'https' && r.role === 'agent')) return false;
  const options = created.arguments[0];
  if (!options || options.type === 'SpreadElement') return false;
  const found = bagOf(fc, options, created);
  const entry = found && lookup(found, key);
  return !!entry && !entry.overridable;
}

/** The key a site sets (`minVersion`), or undefined for computed or dynamic keys. */
export function siteKey(site: OptionSite): string | undefined {
  if (site.type === 'Property') {
    if (site.computed) return undefined;
    const key = site.key;
    if (key.type === 'Identifier') return key.name;
    return key.type === 'Literal' && typeof key.value === 'string' ? key.value : undefined;
  }
  const left = unwrap(site.left);
  return left.type === 'MemberExpression' ? memberName(left) : undefined;
}

/** The one known value of `key` in `bag`, or undefined (unset, unknown, or more than one possible value). */
export function singleKnownValue(fc: FileContext, bag: OptionBag | undefined, key: string): Primitive {
  const kv = keyValues(fc, bag, key);
  return kv.state === 'known' && kv.values.length === 1 ? kv.values[0] : undefined;
}

/**
 * Whether a property site is one a rule judges: an own `key: value` (not a method or accessor) of
 * `keys` in an object literal that goes somewhere other than closed APIs only.
 */
export function judgedProperty(fc: FileContext, site: TSESTree.Property, key: string, keys: ReadonlySet<string>): boolean {
  return site.parent.type === 'ObjectExpression' && site.kind === 'init' && keys.has(key) && !onlyToClosedApis(fc, site.parent);
}

/** The value expression of a site. */
export function siteValue(site: OptionSite): TSESTree.Node {
  return site.type === 'Property' ? site.value : site.right;
}

export type KeyValues = { readonly state: 'absent' } | { readonly state: 'known'; readonly values: readonly Primitive[] } | { readonly state: 'unknown' };

/** What `key` holds in `bag`: absent (no entry seen), the finite set of values, or unknown. */
export function keyValues(fc: FileContext, bag: OptionBag | undefined, key: string): KeyValues {
  const found = bag && lookup(bag, key);
  if (!found) return { state: 'absent' };
  const value = found.entry.value;
  const values = value ? evaluate(fc, value) : undefined;
  return values && values.length > 0 ? { state: 'known', values } : { state: 'unknown' };
}

/**
 * The roles of the sinks the object literal of a property flows into. `unknown` is included when
 * some destination is not a catalogued sink (or the site is a write to an object we cannot see).
 */
export function destinationRoles(fc: FileContext, site: OptionSite): Set<SinkRole | 'unknown'> {
  const roles = new Set<SinkRole | 'unknown'>();
  if (site.type !== 'Property' || site.parent.type !== 'ObjectExpression') {
    roles.add('unknown');
    return roles;
  }
  const destinations = destinationsOf(fc, site.parent);
  for (const dest of destinations) {
    const match = matchDestination(fc, dest);
    // A closed API's other arguments (a `fetch` init) are known and not TLS options: no role.
    if (match) roles.add(match.row.role);
    else if (!closedApiOf(fc, dest)) roles.add('unknown');
  }
  if (destinations.length === 0) roles.add('unknown');
  return roles;
}

/**
 * True when every place this object literal provably goes is a closed API's argument that is not
 * a TLS sink (`fetch(url, { minVersion })`: the fetch init has no TLS options, the key is inert).
 * False when it goes nowhere the file shows.
 */
export function onlyToClosedApis(fc: FileContext, object: TSESTree.ObjectExpression): boolean {
  const destinations = destinationsOf(fc, object);
  return destinations.length > 0 && destinations.every((d) => !matchDestination(fc, d) && closedApiOf(fc, d) !== undefined);
}

const TYPE_WRAPPERS = new Set<string>(['TSAsExpression', 'TSSatisfiesExpression', 'TSTypeAssertion']);

/**
 * True when a string written into this object literal keeps its literal type: the object is
 * under `as`/`satisfies`, in a typed declaration or class field, or an argument of a catalogued
 * TLS API. Otherwise TypeScript widens `'TLSv1.2'` to `string`, and a suggestion that writes a
 * union-typed option (`minVersion`) must add `as const`.
 */
export function isContextuallyTyped(fc: FileContext, object: TSESTree.ObjectExpression): boolean {
  let current: TSESTree.Node = object;
  for (let depth = 0; depth < 10; depth++) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return false;
    if (TYPE_WRAPPERS.has(parent.type)) return true;
    switch (parent.type) {
      case 'Property':
        if (parent.value !== current || parent.parent.type !== 'ObjectExpression') return false;
        current = parent.parent;
        continue;
      case 'VariableDeclarator':
        return parent.init === current && !!parent.id.typeAnnotation;
      case 'PropertyDefinition':
        return parent.value === current && !!parent.typeAnnotation;
      case 'CallExpression':
      case 'NewExpression':
        return parent.arguments.includes(current as TSESTree.CallExpressionArgument) && sinksForCall(fc, parent).length > 0;
      default:
        return false;
    }
  }
  return false;
}

/** True for TypeScript sources (where a suggestion may use `as const`). */
export function isTypeScriptFile(filename: string): boolean {
  return /\.[cm]?tsx?$/.test(filename);
}
