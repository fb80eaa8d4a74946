/**
 * Type-aware recognition of TLS option bags (node-tls.md 1.11, "Practical rule"): an option key is
 * TLS-related when the declaration it resolves to (in the object's contextual or declared type) is in
 * @types/node's `tls`/`https`/`http2`/`quic` modules or in a catalogued library's declarations, or
 * when the type extends one of Node's TLS option types. A key declared elsewhere (a logger's options,
 * a test double's) is "unrelated". No declaration, `any`, or an index signature: nothing is known.
 * Only called after the syntactic checks found something (a `rejectUnauthorized: false`).
 */
import type * as ts from 'typescript';
import { catalogue } from './catalogue/index.js';

export type BagRole = 'client' | 'server' | 'context' | 'unknown';

export type KeyOrigin =
  | {
      readonly kind: 'tls';
      readonly role: BagRole;
      /** How to name the bag in a message: `options typed as tls.ConnectionOptions`. */
      readonly label: string | undefined;
      /** npm packages that declare the key (`node` for @types/node). */
      readonly packages: readonly string[];
    }
  | { readonly kind: 'unrelated' }
  | undefined;

const NODE_TLS_MODULES = new Set(['tls', 'https', 'http2', 'quic']);

/** Named option types of @types/node and the role of a bag of that type. */
const NODE_TYPES: ReadonlyMap<string, BagRole> = new Map([
  ['tls.ConnectionOptions', 'client'],
  ['tls.TlsOptions', 'server'],
  ['tls.SecureContextOptions', 'context'],
  ['tls.TLSSocketOptions', 'unknown'],
  ['tls.CommonConnectionOptions', 'unknown'],
  ['https.RequestOptions', 'client'],
  ['https.AgentOptions', 'client'],
  ['https.ServerOptions', 'server'],
  ['http2.SecureClientSessionOptions', 'client'],
  ['http2.ClientSessionOptions', 'client'],
  ['http2.SecureServerOptions', 'server'],
  ['http2.SecureServerSessionOptions', 'server'],
  ['quic.SessionOptions', 'client'],
]);

function typesPackageName(types: string): string {
  const name = types.slice('@types/'.length);
  return name.includes('__') ? `@${name.replace('__', '/')}` : name;
}

interface DeclOrigin {
  /** npm package (`node` for @types/node), undefined for the project's own code. */
  readonly pkg: string | undefined;
  /** `tls`, `https`, ... for @types/node declarations. */
  readonly nodeModule: string | undefined;
}

function ambientModuleName(tsApi: typeof ts, node: ts.Node): string | undefined {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if (tsApi.isModuleDeclaration(n) && tsApi.isStringLiteral(n.name)) return n.name.text.replace(/^node:/, '');
  }
  return undefined;
}

function declOrigin(tsApi: typeof ts, decl: ts.Node): DeclOrigin {
  const file = decl.getSourceFile().fileName.replace(/\\/g, '/');
  const at = file.lastIndexOf('/node_modules/');
  if (at < 0) return { pkg: undefined, nodeModule: undefined };
  const parts = file.slice(at + '/node_modules/'.length).split('/');
  let pkg = parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? '');
  if (pkg === '@types/node') {
    const mod = ambientModuleName(tsApi, decl) ?? parts[parts.length - 1]?.replace(/\.d\.ts$/, '');
    return { pkg: 'node', nodeModule: mod };
  }
  if (pkg.startsWith('@types/')) pkg = typesPackageName(pkg);
  return { pkg, nodeModule: undefined };
}

function isTlsOrigin(o: DeclOrigin): boolean {
  if (o.pkg === 'node') return o.nodeModule !== undefined && NODE_TLS_MODULES.has(o.nodeModule);
  return o.pkg !== undefined && catalogue().tlsPackages.has(o.pkg);
}

/** Utility types whose first type argument carries the option names (`Partial<tls.ConnectionOptions>`). */
const WRAPPERS = new Set(['Partial', 'Required', 'Readonly', 'Pick', 'Omit', 'NonNullable']);

/** The named TLS type a type is, or extends (nearest first): its role and label. */
function namedTlsType(tsApi: typeof ts, checker: ts.TypeChecker, type: ts.Type): { role: BagRole; label: string } | undefined {
  const queue: ts.Type[] = [type];
  const seen = new Set<ts.Type>();
  while (queue.length > 0 && seen.size < 64) {
    const t = queue.shift()!;
    if (seen.has(t)) continue;
    seen.add(t);
    for (const symbol of [t.aliasSymbol, t.getSymbol()]) {
      const decl = symbol?.declarations?.[0];
      if (!symbol || !decl) continue;
      const origin = declOrigin(tsApi, decl);
      if (origin.pkg === 'node' && origin.nodeModule) {
        const role = NODE_TYPES.get(`${origin.nodeModule}.${symbol.name}`);
        if (role) return { role, label: `options typed as ${origin.nodeModule}.${symbol.name}` };
      } else if (origin.pkg && catalogue().tlsPackages.has(origin.pkg) && symbol.name !== '__type' && symbol.name !== '__object') {
        // A library's own option type (`ClientOptions` of ws, `HttpsOptions` of got): nearest wins.
        return { role: /server/i.test(symbol.name) ? 'server' : 'client', label: `options typed as ${symbol.name} (${origin.pkg})` };
      }
    }
    if (t.aliasSymbol && WRAPPERS.has(t.aliasSymbol.name) && t.aliasTypeArguments?.[0]) queue.push(t.aliasTypeArguments[0]);
    if (t.isUnionOrIntersection()) queue.push(...t.types);
    const objectFlags = t.flags & tsApi.TypeFlags.Object ? (t as ts.ObjectType).objectFlags : 0;
    if (objectFlags & tsApi.ObjectFlags.Reference) {
      const target = (t as ts.TypeReference).target;
      if (target !== t) queue.push(target);
    }
    if (objectFlags & (tsApi.ObjectFlags.Interface | tsApi.ObjectFlags.Class)) queue.push(...(checker.getBaseTypes(t as ts.InterfaceType) ?? []));
  }
  return undefined;
}

/** Where `key` of an object of type `type` is declared: TLS code, unrelated code, or unknown. */
export function keyOriginInType(tsApi: typeof ts, checker: ts.TypeChecker, type: ts.Type, key: string): KeyOrigin {
  const anyish = tsApi.TypeFlags.Any | tsApi.TypeFlags.Unknown;
  if (type.flags & anyish) return undefined;
  const parts = type.isUnion() ? type.types : [type];
  let found: KeyOrigin;
  let unrelated = false;
  for (const part of parts) {
    if (part.flags & anyish) return undefined;
    if (!(part.flags & (tsApi.TypeFlags.Object | tsApi.TypeFlags.Intersection))) continue;
    const prop = checker.getPropertyOfType(part, key);
    if (!prop) {
      if (checker.getIndexInfoOfType(part, tsApi.IndexKind.String)) return undefined;
      continue;
    }
    const decls = prop.declarations ?? [];
    if (decls.length === 0) return undefined;
    const origins = decls.map((d) => declOrigin(tsApi, d));
    const named = namedTlsType(tsApi, checker, part);
    if (origins.some(isTlsOrigin) || named) {
      if (!found) {
        const packages = [...new Set(origins.map((o) => o.pkg).filter((p): p is string => !!p))];
        found = { kind: 'tls', role: named?.role ?? 'unknown', label: named?.label, packages };
      }
    } else if (!decls.some((d) => tsApi.isPropertyAssignment(d) || tsApi.isShorthandPropertyAssignment(d) || tsApi.isMethodDeclaration(d))) {
      // Declared in an interface or type outside TLS code (object literal members are inferred, not declared).
      unrelated = true;
    }
  }
  if (found) return found;
  return unrelated ? { kind: 'unrelated' } : undefined;
}

/** The type of `path` inside `type` (`['connect']` of `Agent.Options`), skipping `undefined`/primitives. */
export function typeAtPath(tsApi: typeof ts, checker: ts.TypeChecker, type: ts.Type, path: readonly string[]): ts.Type | undefined {
  let current: ts.Type | undefined = type;
  for (const segment of path) {
    if (!current) return undefined;
    const parts: readonly ts.Type[] = current.isUnion() ? current.types : [current];
    let next: ts.Type | undefined;
    for (const part of parts) {
      if (!(part.flags & (tsApi.TypeFlags.Object | tsApi.TypeFlags.Intersection))) continue;
      const prop = checker.getPropertyOfType(part, segment);
      if (prop) {
        next = checker.getNonNullableType(checker.getTypeOfSymbol(prop));
        break;
      }
    }
    current = next;
  }
  return current;
}
