/**
 * tlsguard runtime: secure TLS option factories for Node.js, the counterpart of Python's
 * `ssl.create_default_context()`, and a run-time guard that applies the lint rules' policy.
 *
 * Imports only `node:*` built-ins and the policy module: no lint machinery at run time.
 *
 * @packageDocumentation
 */

export {
  secureAgent,
  secureClientOptions,
  type HardenedClientOptions,
  type RuntimeClientExtras,
  type RuntimeClientOptions,
  type SecureClientInput,
  type SecureClientOptions,
} from './client.js';
export { WeakServerKeyError } from './identity.js';
export { secureServerOptions, type HardenedServerOptions, type RuntimeServerExtras, type RuntimeServerOptions, type SecureServerOptions } from './server.js';
export { assertSecureTlsOptions, type AssertContext } from './guard.js';
export { InsecureTlsOptionError } from './errors.js';
export { runtimeProfile, type RuntimeProfile } from './profiles.js';
export { CONTEXT_CACHE_LIMIT, clearSecureContextCache, secureContextCacheSize } from './context-cache.js';
export { defaultRoots, defaultRootsSource, type CaInput, type DefaultRootsSource } from './trust.js';
export type { PolicyFinding } from '../policy/check.js';
export type { ProfileName } from '../policy/profiles.js';
