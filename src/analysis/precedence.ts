/**
 * Which of two ways of saying the same thing a library honours, when a file says both: a connection
 * string and an options object (pg lets `connectionString`'s `sslmode=` replace `ssl`; mongodb,
 * postgres.js and mysql2 prefer the options object to the string), or two keys of one object
 * (mongodb: `rejectUnauthorized` over `tlsAllowInvalidCertificates`). The catalogue rows say which
 * (`ReplacedByString`, `OverriddenBy`); this decides, for one finding, whether the library discards
 * it. Only a provable discard counts: an unknown string or key leaves the finding as it is.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { OverriddenBy, ReplacedByString } from './catalogue/model.js';
import { connectionStringText, parseUrl } from './connection-strings.js';
import type { FileContext } from './file-context.js';
import { isFunctionNode, unwrap } from './ast.js';
import { resolveModuleRef } from './bindings.js';
import { bagOf, destinationsOf, lookup, type Destination, type OptionBag } from './options.js';
import { matchApi, type SinkMatch } from './sinks.js';
import { always, evaluate } from './values.js';

/** The config object holding the option replaces it with its connection string (the string provably says so). */
export function replacedByString(fc: FileContext, config: TSESTree.Node, rule: ReplacedByString, consumer?: TSESTree.Node): boolean {
  const bag = bagOf(fc, config, consumer);
  const found = bag && lookup(bag, rule.key);
  if (!found || found.overridable || !found.entry.value) return false;
  const text = connectionStringText(fc, found.entry.value);
  const params = text === undefined ? undefined : parseUrl(text);
  return !!params && rule.replaces(params);
}

/** A sink whose row is replaced by the config's connection string (pg `ssl` beside `connectionString: '…?sslmode=…'`). */
export function sinkReplaced(fc: FileContext, match: SinkMatch, dest: Destination): boolean {
  const rule = match.row.replacedBy;
  if (!rule || dest.kind !== 'argument') return false;
  let config: TSESTree.Node | undefined = dest.call.arguments[dest.index];
  if (!config || config.type === 'SpreadElement') return false;
  // The config sits at the destination's path without its last key (`ssl`).
  for (const key of dest.path.slice(0, -1)) {
    const bag: OptionBag | undefined = bagOf(fc, config, dest.call);
    const found = bag && lookup(bag, key);
    if (!found || found.overridable || !found.entry.value) return false;
    config = found.entry.value;
  }
  return replacedByString(fc, config, rule, dest.call);
}

/** The options object provably sets one of the rule's keys the way the library tests it. */
function setsKey(fc: FileContext, bag: OptionBag, rule: OverriddenBy): boolean {
  const name = (k: string): string => (rule.ignoreCase ? k.toLowerCase() : k);
  const wanted = new Set(rule.keys.map(name));
  const seen = new Set<string>();
  let open = false;
  // From the last item back: the effective entry of each key, and whether an unknown contribution follows it.
  for (let i = bag.items.length - 1; i >= 0; i--) {
    const item = bag.items[i];
    if (typeof item !== 'object') {
      open = true;
      continue;
    }
    const key = name(item.key);
    if (!wanted.has(key) || seen.has(key)) continue;
    seen.add(key);
    // `'k' in o` holds whatever the value; the other tests need a known value that passes.
    if (rule.when === 'in') return true;
    if (open || !item.value) continue;
    const value = unwrap(item.value);
    // An object, array or function value, or a module's export (`tls.checkServerIdentity`), is non-null and truthy.
    const objectLike = value.type === 'ObjectExpression' || value.type === 'ArrayExpression' || isFunctionNode(value) || !!resolveModuleRef(fc, value);
    const test = rule.when === 'non-null' ? (v: unknown) => v !== null && v !== undefined : (v: unknown) => !!v;
    if (objectLike || always(evaluate(fc, value), test)) return true;
  }
  return false;
}

/** The keys are provably set in the `at` argument of a call that `dest` reaches through one of `at.apis`. */
function setAtCall(fc: FileContext, dest: Destination, rule: OverriddenBy): boolean {
  const at = rule.at!;
  const match = matchApi(fc, dest, at.apis);
  if (!match) return false;
  let other: TSESTree.Node | undefined = match.call.arguments[at.argument];
  if (!other || other.type === 'SpreadElement') return false;
  for (const key of at.path) {
    const bag = bagOf(fc, other, match.call);
    const found = bag && lookup(bag, key);
    if (!found || found.overridable || !found.entry.value) return false;
    other = found.entry.value;
  }
  if (at.source === 'string') {
    const text = connectionStringText(fc, other);
    const params = text === undefined ? undefined : parseUrl(text);
    return !!params && rule.keys.some((k) => params.has(k, rule.ignoreCase) === true);
  }
  const bag = bagOf(fc, other, match.call);
  return !!bag && setsKey(fc, bag, rule);
}

/**
 * The library prefers something else to this alias, provably: a key of the object holding it (no
 * `at`), or, wherever the object or string goes, a key of the call's other argument (`at`).
 */
export function aliasOverridden(fc: FileContext, node: TSESTree.Node, rules: readonly OverriddenBy[] | undefined, holder?: TSESTree.Node): boolean {
  if (!rules || rules.length === 0) return false;
  if (holder) {
    const bag = bagOf(fc, holder);
    if (bag && rules.some((r) => !r.at && setsKey(fc, bag, r))) return true;
  }
  const located = rules.filter((r) => r.at);
  if (located.length === 0) return false;
  const destinations = destinationsOf(fc, holder ?? node);
  return destinations.length > 0 && destinations.every((dest) => located.some((r) => setAtCall(fc, dest, r)));
}
