/**
 * Values of module constants the analysis can read statically, e.g.
 * `crypto.constants.SSL_OP_NO_TLSv1` or `require('constants').SSL_OP_NO_SSLv3`.
 * The numbers come from the policy module (one source of truth with the runtime guard).
 */
import { SECURE_OPTION_BITS, SSL_OP_ALL } from '../policy/secure-options.js';
import type { ModuleRef } from './bindings.js';
import type { Primitive } from './types.js';

/** Only the names Node exports: `crypto.constants.SSL_OP_IGNORE_UNEXPECTED_EOF` is undefined on Node. */
const SSL_OP = new Map<string, number>([
  ...SECURE_OPTION_BITS.filter((bit) => bit.exportedByNode).map((bit): [string, number] => [bit.name, bit.value]),
  ['SSL_OP_ALL', SSL_OP_ALL],
]);

/** The value of a constant export, or undefined when the export is not a known constant. */
export function moduleConstant(ref: ModuleRef): Primitive[] | undefined {
  const { module, path } = ref;
  let name: string | undefined;
  if (module === 'crypto' && path.length === 2 && path[0] === 'constants') name = path[1];
  else if (module === 'constants' && path.length === 1) name = path[0];
  if (name === undefined) return undefined;
  const value = SSL_OP.get(name);
  return value === undefined ? undefined : [value];
}
