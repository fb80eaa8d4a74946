/**
 * Closed APIs (`ClosedApiRow`): calls whose every argument the catalogue knows, so an object passed
 * to one of them anywhere but a sink or agent-slot position is provably not a TLS option bag.
 */
import { mayReferenceModules, resolveModuleRef } from './bindings.js';
import type { FileContext } from './file-context.js';
import type { Destination } from './options.js';
import { rowDenotes } from './sinks.js';
import { catalogue, type ClosedApiRow } from './catalogue/index.js';

/** The closed API a destination is an argument of (at any position and path), if any. */
export function closedApiOf(fc: FileContext, dest: Destination): ClosedApiRow | undefined {
  const { closedApis, closedApiModules } = catalogue();
  if (dest.kind !== 'argument' || !mayReferenceModules(fc, closedApiModules)) return undefined;
  const ref = resolveModuleRef(fc, dest.call.callee);
  if (!ref) return undefined;
  const isNew = dest.call.type === 'NewExpression';
  return closedApis.find((r) => rowDenotes(r, ref, isNew));
}
