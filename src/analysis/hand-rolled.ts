/**
 * TLS options assembled by hand for one of Node's own TLS APIs (what `prefer-secure-context`
 * reports): a literal option bag, at the call's own options argument, that sets one of the
 * catalogue's `contextOptions` (`ca`, `ciphers`, `rejectUnauthorized`...).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { memberName, propertyName, unwrap } from './ast.js';
import { catalogue, type SinkRow } from './catalogue/index.js';
import type { FileContext } from './file-context.js';
import { optionArgumentIndex, sinksForCall } from './sinks.js';

/** The roles whose option bags the runtime factories produce (client options, agents, servers). */
export type FactoryRole = 'client' | 'agent' | 'server';
const FACTORY_ROLES: ReadonlySet<string> = new Set<FactoryRole>(['client', 'agent', 'server']);

const isCore = (r: SinkRow): boolean => r.library.startsWith('node:');

let calleeNames: ReadonlySet<string> | undefined;
/** The last export name of every core sink with a factory role (`connect`, `request`, `Agent`...): a cheap gate. */
function coreCalleeNames(): ReadonlySet<string> {
  return (calleeNames ??= new Set(
    catalogue()
      .sinks.filter((r) => isCore(r) && FACTORY_ROLES.has(r.role))
      .flatMap((r) => r.exports.map((path) => path.at(-1)).filter((n): n is string => n !== undefined)),
  ));
}

export interface HandRolledOptions {
  readonly row: SinkRow & { readonly role: FactoryRole };
  readonly object: TSESTree.ObjectExpression;
}

/** The hand-assembled TLS options `node` passes to a Node core TLS API, if any (first matching sink row). */
export function handRolledOptions(fc: FileContext, node: TSESTree.CallExpression | TSESTree.NewExpression): HandRolledOptions | undefined {
  const callee = unwrap(node.callee);
  const name = callee.type === 'MemberExpression' ? memberName(callee) : callee.type === 'Identifier' ? callee.name : undefined;
  if (!name || !coreCalleeNames().has(name)) return undefined;
  const { contextOptions } = catalogue();
  for (const row of sinksForCall(fc, node)) {
    if (!isCore(row) || !FACTORY_ROLES.has(row.role) || row.path.length > 0) continue;
    const argument = node.arguments[optionArgumentIndex(row, node)];
    const object = argument && unwrap(argument);
    if (object?.type !== 'ObjectExpression') continue;
    if (object.properties.some((p) => p.type === 'Property' && contextOptions.has(propertyName(p) ?? ''))) {
      return { row: row as HandRolledOptions['row'], object };
    }
  }
  return undefined;
}
