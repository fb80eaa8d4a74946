/**
 * Deprecated and removed TLS APIs (no-legacy-tls-api's verdicts, moved out of the rule, issue 15): the
 * catalogue row a module reference names, the names a file must mention to hold one, and whether a
 * `setOptions` receiver is a TLS server created in the file.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap } from './ast.js';
import type { ModuleRef } from './bindings.js';
import { catalogue, type LegacyApiRow } from './catalogue/index.js';
import type { FileContext } from './file-context.js';
import { wordsPattern } from './gate.js';
import { sinksForCall } from './sinks.js';
import { constInitializer } from './values.js';

let names: { readonly set: ReadonlySet<string>; readonly mentions: RegExp } | undefined;
/** The export names of the catalogue's legacy APIs; every finding names one of them or an internal module. */
export function legacyNames(): NonNullable<typeof names> {
  if (names) return names;
  const set = new Set(catalogue().legacyApis.map((a) => a.path[a.path.length - 1]!));
  return (names = { set, mentions: wordsPattern([...set, ...catalogue().internalModules]) });
}

/** The catalogue's legacy API that `ref` names (`crypto.createCredentials`, `tls.createSecurePair`, ...). */
export function findLegacyApi(ref: ModuleRef | undefined): LegacyApiRow | undefined {
  if (!ref) return undefined;
  return catalogue().legacyApis.find((a) => a.module === ref.module && a.path.length === ref.path.length && a.path.every((p, i) => p === ref.path[i]));
}

/** True when `node` is a server created in this file by `tls.createServer()`, `https.createServer()`, `new tls.Server()`. */
export function isTlsServer(fc: FileContext, node: TSESTree.Node): boolean {
  let n = unwrap(node);
  if (n.type === 'Identifier') {
    const init = constInitializer(fc, n);
    if (!init) return false;
    n = unwrap(init);
  }
  if (n.type !== 'CallExpression' && n.type !== 'NewExpression') return false;
  return sinksForCall(fc, n).some((r) => r.role === 'server' && (r.module === 'tls' || r.module === 'https'));
}
