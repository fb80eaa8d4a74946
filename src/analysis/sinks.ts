/**
 * The sink catalogue: which API takes a TLS option bag, in which argument, at which nesting path,
 * and what role the bag plays. Data, not code paths: adding an API is adding a row.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap } from './ast.js';
import { mayReferenceModules, resolveCalleeRef, resolveModuleRef, type ModuleRef } from './bindings.js';
import type { FileContext } from './file-context.js';
import { pathMatches, type Destination } from './options.js';
import { catalogue } from './catalogue/index.js';
import type { ReplacedByString } from './catalogue/model.js';

export type SinkRole =
  /** A client connection or request: verification options apply. */
  | 'client'
  /** An agent or dispatcher: its options apply to every request made through it. */
  | 'agent'
  /** A server: `rejectUnauthorized` matters only with `requestCert: true`. */
  | 'server'
  /** A secure context: context options only (`rejectUnauthorized` is ignored here). */
  | 'context'
  /** `new tls.TLSSocket()`: as a client it verifies nothing. */
  | 'tlssocket';

export interface SinkRow {
  /** Display name used in messages: `tls.connect()`, `new https.Agent()`. */
  readonly label: string;
  /** Package or core module as users write it: `node:tls`, `undici`. */
  readonly library: string;
  readonly module: string;
  /** Alternative export paths that denote the same API (`['connect']`, `['default', 'connect']`). */
  readonly exports: readonly (readonly string[])[];
  readonly invoke: 'call' | 'new' | 'any';
  /** Which argument holds the bag: an index, or the first argument that is not a primitive or a function. */
  readonly argument: number | 'first-object';
  /** Where the TLS options sit inside the argument (`['connect']` for undici agents). */
  readonly path: readonly string[];
  readonly role: SinkRole;
  /** True when the library sends SNI itself (so a missing `servername` is not a finding). */
  readonly sendsSni?: boolean;
  /**
   * False when the library turns verification off unless `rejectUnauthorized: true` is written
   * (cassandra-driver): removing `rejectUnauthorized: false` would not help, so the fix writes `true`.
   */
  readonly verifiesByDefault?: false;
  /**
   * A connection string in the config that replaces these options (pg: an `sslmode=` in
   * `connectionString` replaces `ssl`). The config is the argument, at `path` without its last key.
   */
  readonly replacedBy?: ReplacedByString;
}

/** Process-wide option objects: writing TLS options into them affects every later connection. */
export interface GlobalOptionsRow {
  readonly label: string;
  readonly module: string;
  readonly path: readonly string[];
}

/** Every sink row: Node's own and the catalogue's. */
export function allSinks(): readonly SinkRow[] {
  return catalogue().sinks;
}

const modulesWhere = new Map<string, readonly string[]>();
/**
 * The modules of the sink rows that satisfy `pred`, for `mayReferenceModules` gates, computed once
 * per predicate (`name` identifies it; the catalogue does not change).
 */
export function sinkModulesWhere(name: string, pred: (row: SinkRow) => boolean): readonly string[] {
  let modules = modulesWhere.get(name);
  if (!modules)
    modulesWhere.set(
      name,
      (modules = [
        ...new Set(
          catalogue()
            .sinks.filter(pred)
            .map((r) => r.module),
        ),
      ]),
    );
  return modules;
}

export function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** True when a catalogue row's API is the export `ref` names, invoked as the row says (`new` or a call). */
export function rowDenotes(row: Pick<SinkRow, 'module' | 'exports' | 'invoke'>, ref: ModuleRef, isNew: boolean): boolean {
  return row.module === ref.module && (row.invoke === 'any' || (row.invoke === 'new') === isNew) && row.exports.some((p) => samePath(p, ref.path));
}

function isPrimitiveOrFunction(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  return (
    (n.type === 'Literal' && n.value !== null && typeof n.value !== 'object') ||
    n.type === 'TemplateLiteral' ||
    n.type === 'ArrowFunctionExpression' ||
    n.type === 'FunctionExpression'
  );
}

/** Index of the option-bag argument of a call for `row`, or -1. */
export function optionArgumentIndex(row: SinkRow, call: TSESTree.CallExpression | TSESTree.NewExpression): number {
  if (typeof row.argument === 'number') return row.argument;
  const args = call.arguments;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a || a.type === 'SpreadElement') return -1;
    if (!isPrimitiveOrFunction(a)) {
      // A URL object or URL string variable may come first: `https.request(url, opts)`.
      const next = args[i + 1];
      if (next && next.type !== 'SpreadElement' && !isPrimitiveOrFunction(next) && looksLikeUrl(a)) continue;
      return i;
    }
  }
  return -1;
}

function looksLikeUrl(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  if (n.type === 'NewExpression' && n.callee.type === 'Identifier' && n.callee.name === 'URL') return true;
  return n.type === 'Identifier' && /url|uri|endpoint|href|address/i.test(n.name);
}

/** The catalogue row a call's callee denotes (ignoring arguments). */
export function sinksForCall(fc: FileContext, call: TSESTree.CallExpression | TSESTree.NewExpression): SinkRow[] {
  // Most files name no catalogued module: skip the scope lookups of every call's callee.
  const { sinkModules, sinksByModule } = catalogue();
  if (!mayReferenceModules(fc, sinkModules)) return [];
  const ref = resolveModuleRef(fc, call.callee);
  if (!ref) return [];
  const rows = sinksByModule.get(ref.module);
  if (!rows) return [];
  const isNew = call.type === 'NewExpression';
  return rows.filter((r) => rowDenotes(r, ref, isNew));
}

export interface SinkMatch {
  readonly row: SinkRow;
  readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
}

/** An object flowing into argument `index` of a `first-object` API is its option bag unless a callback precedes it. */
function isBagPosition(call: TSESTree.CallExpression | TSESTree.NewExpression, index: number): boolean {
  for (let i = 0; i < index; i++) {
    const a = call.arguments[i];
    if (!a || a.type === 'SpreadElement') return false;
    const n = unwrap(a);
    if (n.type === 'ArrowFunctionExpression' || n.type === 'FunctionExpression') return false;
  }
  return true;
}

/** The sink a destination reaches, when the destination is the TLS option bag of a catalogued API. */
export function matchDestination(fc: FileContext, dest: Destination): SinkMatch | undefined {
  if (dest.kind !== 'argument') return undefined;
  for (const r of sinksForCall(fc, dest.call)) {
    const position = typeof r.argument === 'number' ? r.argument === dest.index : isBagPosition(dest.call, dest.index);
    if (position && samePath(r.path, dest.path)) return { row: r, call: dest.call };
  }
  return undefined;
}

/** The process-wide options object an assignment target writes into (`https.globalAgent.options.x = …`). */
export function matchGlobalOptions(fc: FileContext, target: TSESTree.Node): GlobalOptionsRow | undefined {
  const ref = resolveModuleRef(fc, target);
  if (!ref) return undefined;
  return catalogue().globalOptionObjects.find((g) => g.module === ref.module && samePath(g.path, ref.path));
}

/** The call shape shared by sink rows and the catalogue's other API rows (agent slots, alias evidence). */
export type ApiRow = Pick<SinkRow, 'label' | 'module' | 'exports' | 'invoke' | 'argument' | 'path'>;

const rowModules = new WeakMap<readonly ApiRow[], readonly string[]>();
/** The modules of a row list, cached by list (catalogue row lists are frozen). */
function modulesOf(rows: readonly ApiRow[]): readonly string[] {
  let modules = rowModules.get(rows);
  if (!modules) rowModules.set(rows, (modules = [...new Set(rows.map((r) => r.module))]));
  return modules;
}

/** Like `matchDestination`, over any rows of the sink shape (not only the catalogue's sinks: agent slots, alias evidence). */
export function matchApi<R extends ApiRow>(
  fc: FileContext,
  dest: Destination,
  rows: readonly R[],
): { readonly row: R; readonly call: TSESTree.CallExpression | TSESTree.NewExpression } | undefined {
  if (dest.kind !== 'argument' || !mayReferenceModules(fc, modulesOf(rows))) return undefined;
  // Rows may name methods of an object a module function made (`createProxyServer().web`) and `PATH_ANY` segments.
  const ref = resolveCalleeRef(fc, dest.call.callee);
  if (!ref) return undefined;
  const isNew = dest.call.type === 'NewExpression';
  for (const r of rows) {
    if (!rowDenotes(r, ref, isNew)) continue;
    const position = typeof r.argument === 'number' ? r.argument === dest.index : isBagPosition(dest.call, dest.index);
    if (position && pathMatches(r.path, dest.path)) return { row: r, call: dest.call };
  }
  return undefined;
}
