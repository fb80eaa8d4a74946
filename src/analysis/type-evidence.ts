/**
 * Type information about an option bag, combined over where it goes: the object literal's own
 * contextual type first (an annotated variable, a typed parameter, `satisfies`), else the types of
 * the parameters it is passed to (`const o = {...}; wrapper(o)`). Used only after the syntactic
 * checks found a candidate, and only when the file is linted with type information.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { FileContext } from './file-context.js';
import { destinationsOf } from './options.js';
import type { KeyOrigin } from './types.js';

export function bagKeyOrigin(fc: FileContext, object: TSESTree.Node, key: string): KeyOrigin {
  const types = fc.types;
  if (!types) return undefined;
  const own = types.contextualKeyOrigin(object, key);
  if (own) return own;
  let unrelated = false;
  for (const dest of destinationsOf(fc, object)) {
    if (dest.kind !== 'argument') return undefined;
    const arg = dest.call.arguments[dest.index];
    if (!arg || arg.type === 'SpreadElement') return undefined;
    const origin = types.contextualKeyOrigin(arg, key, dest.path);
    if (!origin) return undefined;
    if (origin.kind === 'tls') return origin;
    unrelated = true;
  }
  return unrelated ? { kind: 'unrelated' } : undefined;
}
