/**
 * AWS CDK TLS security policies (data in catalogue/aws-cdk.ts): which object property chooses a
 * legacy policy for a CDK construct, and which construct call omits a key whose documented default
 * is legacy.
 *
 * A construct is recognised only through its import (`aws-cdk-lib/aws-apigateway`, the
 * `aws_apigateway` namespace of `aws-cdk-lib`, or the v1 package `@aws-cdk/aws-apigateway`). A value
 * counts when it is the CDK enum member (`SecurityPolicy.TLS_1_0`, through any alias or namespace)
 * or, for a construct that is provably the CDK class, the policy string (`'TLS_1_0'`), also through
 * constants and conditionals (every branch legacy). Unknown values are not reported. An instance
 * method (`api.addDomainName(id, opts)`) cannot be tied to CDK without types, so there only the
 * enum member counts (it is CDK's own legacy value wherever it is written).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable, memberName, unwrap } from './ast.js';
import { mayReferenceModules, resolveModuleRef, type ModuleRef } from './bindings.js';
import { catalogue, type CdkApi, type CdkPolicyFamily, type CdkVersion } from './catalogue/index.js';
import type { FileContext } from './file-context.js';
import { ownerBag } from './option-values.js';
import { bagOf, destinationsOf, lookup, provablyLacks, type Destination, type OptionBag } from './options.js';
import { samePath } from './sinks.js';
import { constInitializer, stringValues } from './values.js';

export type { CdkApi, CdkPolicyFamily, CdkVersion };

/** The property names that choose a policy. */
export const cdkPolicyKeys = (): ReadonlySet<string> => catalogue().cdkPolicyKeys;

/** Every specifier a file must name (as a string) before anything here can match. */
export const cdkModules = (): readonly string[] => catalogue().cdkModules;

/** A reference into a CDK submodule. */
export interface CdkRef {
  readonly submodule: string;
  readonly version: CdkVersion;
  /** The export path inside the submodule (`['SecurityPolicy', 'TLS_1_0']`); `[]` is the submodule itself. */
  readonly path: readonly string[];
  /** The specifier the file imports (`aws-cdk-lib`, `aws-cdk-lib/aws-apigateway`, `@aws-cdk/aws-apigateway`). */
  readonly module: string;
}

function toCdkRef(ref: ModuleRef): CdkRef | undefined {
  const { module, path } = ref;
  if (module === 'aws-cdk-lib') {
    const ns = path[0];
    if (ns === undefined || !ns.startsWith('aws_')) return undefined;
    return { submodule: ns.replace(/_/g, '-'), version: 'v2', path: path.slice(1), module };
  }
  if (module.startsWith('aws-cdk-lib/')) return { submodule: module.slice('aws-cdk-lib/'.length), version: 'v2', path, module };
  if (module.startsWith('@aws-cdk/')) return { submodule: module.slice('@aws-cdk/'.length), version: 'v1', path, module };
  return undefined;
}

/** The CDK export a node denotes, or undefined. */
export function cdkRef(fc: FileContext, node: TSESTree.Node): CdkRef | undefined {
  const ref = resolveModuleRef(fc, node);
  return ref && toCdkRef(ref);
}

const inVersion = (f: CdkPolicyFamily, version: CdkVersion): boolean => version === 'v2' || f.v1;

/** One possible value of a policy property. */
export interface PolicyValue {
  /** The string the policy resolves to; undefined for an enum member this catalogue does not list (not legacy). */
  readonly value: string | undefined;
  /** Set when the value is a CDK enum member. */
  readonly member?: { readonly submodule: string; readonly enumName: string; readonly name: string; readonly version: CdkVersion };
}

/** The possible values of a policy expression, or undefined when any is unknown. */
export function policyValues(fc: FileContext, node: TSESTree.Node, depth = 0): PolicyValue[] | undefined {
  if (depth > 8) return undefined;
  const n = unwrap(node);
  if (n.type === 'Identifier' || n.type === 'MemberExpression') {
    const ref = cdkRef(fc, n);
    if (ref) {
      const [enumName, name] = ref.path;
      if (ref.path.length !== 2 || enumName === undefined || name === undefined) return undefined;
      const family = catalogue().cdkPolicies.find((f) => f.submodule === ref.submodule && f.enumName === enumName && inVersion(f, ref.version));
      if (!family) return undefined;
      return [{ value: family.legacy[name]?.value, member: { submodule: ref.submodule, enumName, name, version: ref.version } }];
    }
  }
  if (n.type === 'ConditionalExpression') {
    const a = policyValues(fc, n.consequent, depth + 1);
    const b = a && policyValues(fc, n.alternate, depth + 1);
    return a && b ? [...a, ...b] : undefined;
  }
  if (n.type === 'Identifier') {
    const init = constInitializer(fc, n);
    if (init) return policyValues(fc, init, depth + 1);
  }
  const strings = stringValues(fc, n);
  return strings?.map((value) => ({ value }));
}

/** A legacy policy chosen by a property. */
export interface LegacyPolicy {
  readonly family: CdkPolicyFamily;
  readonly version: CdkVersion;
  /** The API the props reach; undefined when only the enum member shows it is CDK's. */
  readonly api: CdkApi | undefined;
  readonly values: readonly PolicyValue[];
  /** The lowest protocol version the policy accepts: `TLS 1.0`. */
  readonly floor: string;
}

const FLOOR_ORDER = ['SSL 3.0', 'SSL 3.0 or TLS 1.0', 'TLS 1.0', 'TLS 1.1'];

/** The lowest protocol floor when every value is a legacy policy of `family` (strings only when `strings`). */
function legacyFloor(family: CdkPolicyFamily, values: readonly PolicyValue[], strings: boolean): string | undefined {
  let floor: string | undefined;
  for (const v of values) {
    let found: { value: string; floor: string } | undefined;
    if (v.member) {
      const m = v.member;
      // An enum member of the family (or of the same enum in the other CDK major version).
      if (m.submodule === family.submodule && m.enumName === family.enumName) found = family.legacy[m.name];
    } else if (strings) {
      found = Object.values(family.legacy).find((l) => l.value === v.value);
    }
    if (!found) return undefined;
    if (floor === undefined || FLOOR_ORDER.indexOf(found.floor) < FLOOR_ORDER.indexOf(floor)) floor = found.floor;
  }
  return floor;
}

interface ApiMatch {
  readonly family: CdkPolicyFamily;
  readonly api: CdkApi;
  /** Undefined for instance methods (the receiver's package is not known). */
  readonly version: CdkVersion | undefined;
  readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly index: number;
}

function matchDestination(fc: FileContext, dest: Destination, key: string): ApiMatch | undefined {
  if (dest.kind !== 'argument') return undefined;
  const { call, index } = dest;
  const callee = unwrap(call.callee);
  const ref = cdkRef(fc, callee);
  const isNew = call.type === 'NewExpression';
  for (const family of catalogue().cdkPolicies) {
    if (family.key !== key) continue;
    for (const api of family.apis) {
      if (api.argument !== index || !samePath(api.path, dest.path)) continue;
      if (api.invoke === 'method') {
        if (callee.type === 'MemberExpression' && memberName(callee) === api.exports[0]) return { family, api, version: undefined, call, index };
      } else if (
        ref &&
        ref.submodule === family.submodule &&
        inVersion(family, ref.version) &&
        (api.invoke === 'new') === isNew &&
        samePath(api.exports, ref.path)
      ) {
        return { family, api, version: ref.version, call, index };
      }
    }
  }
  return undefined;
}

/** The props bag at `path` inside argument `index` of the call, or undefined when it cannot be seen. */
function bagAt(fc: FileContext, match: ApiMatch): OptionBag | undefined | 'overridden' {
  const arg = match.call.arguments[match.index];
  if (!arg || arg.type === 'SpreadElement') return undefined;
  let bag = bagOf(fc, arg, match.call);
  for (const segment of match.api.path) {
    const found = bag && lookup(bag, segment);
    if (!found) return undefined;
    if (found.overridable) return 'overridden';
    bag = found.entry.value ? bagOf(fc, found.entry.value) : undefined;
  }
  return bag;
}

/** The legacy policy a property sets for a CDK construct, if any. */
export function legacyPolicyAt(fc: FileContext, site: TSESTree.Property, key: string): LegacyPolicy | undefined {
  if (!cdkPolicyKeys().has(key) || site.parent.type !== 'ObjectExpression') return undefined;
  if (!mayReferenceModules(fc, cdkModules())) return undefined;
  const values = policyValues(fc, site.value);
  if (!values || values.length === 0) return undefined;

  let reachedApi = false;
  for (const dest of destinationsOf(fc, site.parent)) {
    const match = matchDestination(fc, dest, key);
    if (!match) continue;
    reachedApi = true;
    const bag = bagAt(fc, match);
    if (bag === 'overridden') continue;
    const found = bag && lookup(bag, key);
    if (found && (found.entry.node !== site || found.overridable)) continue; // another value wins there
    if (match.api.onlyWith && bag && provablyLacks(bag, match.api.onlyWith)) continue;
    const strings = match.api.invoke !== 'method';
    const floor = legacyFloor(match.family, values, strings);
    const version = match.version ?? values.find((v) => v.member)?.member?.version;
    if (floor && version) return { family: match.family, version, api: match.api, values, floor };
  }
  if (reachedApi) return undefined;

  // Nowhere the file shows: the enum member itself is CDK's legacy value.
  const first = values[0]?.member;
  if (!first || !values.every((v) => v.member)) return undefined;
  const family = catalogue().cdkPolicies.find((f) => f.key === key && f.submodule === first.submodule && f.enumName === first.enumName);
  const floor = family && legacyFloor(family, values, false);
  if (!family || !floor) return undefined;
  const bag = ownerBag(fc, site);
  const found = bag && lookup(bag, key);
  if (found && (found.entry.node !== site || found.overridable)) return undefined;
  return { family, version: first.version, api: undefined, values, floor };
}

/** A construct call that omits a key whose documented default is legacy. */
export interface LegacyDefault {
  readonly family: CdkPolicyFamily;
  readonly api: CdkApi;
  readonly version: CdkVersion;
  readonly ref: CdkRef;
  /** The props argument; undefined when the call has none (the options are optional). */
  readonly props: TSESTree.Node | undefined;
}

let defaultApis: readonly { readonly family: CdkPolicyFamily; readonly api: CdkApi }[] | undefined;
/** The APIs whose omitted policy defaults to a legacy one. */
const legacyDefaultApis = (): NonNullable<typeof defaultApis> =>
  (defaultApis ??= catalogue().cdkPolicies.flatMap((family) => family.apis.filter((api) => api.legacyDefault).map((api) => ({ family, api }))));

/** The CDK construct a call creates when it omits a policy whose default is legacy. */
export function legacyDefaultAt(fc: FileContext, call: TSESTree.CallExpression | TSESTree.NewExpression): LegacyDefault | undefined {
  if (!mayReferenceModules(fc, cdkModules())) return undefined;
  const ref = cdkRef(fc, call.callee);
  if (!ref) return undefined;
  const isNew = call.type === 'NewExpression';
  for (const { family, api } of legacyDefaultApis()) {
    if (family.submodule !== ref.submodule || !inVersion(family, ref.version) || !api.legacyDefault?.versions.includes(ref.version)) continue;
    if ((api.invoke === 'new') !== isNew || !samePath(api.exports, ref.path)) continue;
    if (call.arguments.slice(0, api.argument).some((a) => a.type === 'SpreadElement')) return undefined;
    const props = call.arguments[api.argument];
    if (!props) {
      // Optional options omitted altogether (`fromAcmCertificate(cert)`); required props missing is a type error.
      return api.invoke === 'call' && call.arguments.length === api.argument ? { family, api, version: ref.version, ref, props: undefined } : undefined;
    }
    if (props.type === 'SpreadElement') return undefined;
    const bag = bagOf(fc, props, call);
    if (!bag || !provablyLacks(bag, family.key)) return undefined;
    return { family, api, version: ref.version, ref, props };
  }
  return undefined;
}

/**
 * How to write a member of `enumName` at `at`: through the namespace object the callee uses
 * (`es.TLSSecurityPolicy`), else the enum's own name when it is imported from the same module.
 */
export function enumSpelling(fc: FileContext, callee: TSESTree.Node, enumName: string): { readonly text: string; readonly importFrom?: string } | undefined {
  let node = unwrap(callee);
  for (let i = 0; i < 4; i++) {
    const ref = cdkRef(fc, node);
    if (!ref) return undefined;
    if (ref.path.length === 0) return { text: `${fc.sourceCode.getText(node)}.${enumName}` };
    if (node.type !== 'MemberExpression') {
      // A named import of the class (`import { Domain } from 'aws-cdk-lib/aws-elasticsearch'`): import the enum too.
      return ref.module === 'aws-cdk-lib' ? undefined : { text: enumName, importFrom: ref.module };
    }
    node = unwrap(node.object);
  }
  return undefined;
}

/**
 * For a value that is a `const` alias of an enum member (`const P = apigw.SecurityPolicy.TLS_1_0`),
 * the enum object's text (`apigw.SecurityPolicy`) when it means the same at `site`.
 */
export function aliasEnumObject(fc: FileContext, value: TSESTree.Node, site: TSESTree.Node): string | undefined {
  let n = unwrap(value);
  for (let i = 0; i < 4 && n.type === 'Identifier'; i++) {
    const init = constInitializer(fc, n);
    if (!init) return undefined;
    n = unwrap(init);
  }
  if (n.type !== 'MemberExpression') return undefined;
  let root: TSESTree.Node = unwrap(n.object);
  while (root.type === 'MemberExpression') root = unwrap(root.object);
  if (root.type !== 'Identifier') return undefined;
  const there = fc.findVariable(root);
  const here = findVariable(fc.sourceCode.getScope(site), root.name);
  return there && there === here ? fc.sourceCode.getText(n.object) : undefined;
}
