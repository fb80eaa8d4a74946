import { createHash, type Hash } from 'node:crypto';
import tls from 'node:tls';

/** How many distinct secure contexts are kept before the least recently used one is dropped. */
export const CONTEXT_CACHE_LIMIT = 64;

/** A cached context and the context options it was built from (the bag repeats them). */
export interface ContextEntry {
  readonly context: tls.SecureContext;
  /** The options passed to `tls.createSecureContext` (treat as read-only). */
  readonly options: Readonly<tls.SecureContextOptions>;
}

const cache = new Map<string, ContextEntry>();
/** Contexts this module built; lets the factories accept their own output again. */
const ours = new WeakSet<tls.SecureContext>();

/**
 * The cached context for `key`, or a new one built from `build()` (and then cached).
 * The cache is a small LRU: equal configurations share one context, and a process that
 * keeps inventing configurations does not grow without bound.
 */
export function cachedContext(key: string, build: () => tls.SecureContextOptions): ContextEntry {
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  // Not frozen: spreading a frozen object into every result takes V8's slow path (~3x slower).
  // The entry never leaves this module except as the source of a spread.
  const options = build();
  const entry: ContextEntry = { context: tls.createSecureContext(options), options };
  ours.add(entry.context);
  cache.set(key, entry);
  if (cache.size > CONTEXT_CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  return entry;
}

/** Whether `context` was built by this module. */
export function isOwnContext(context: unknown): boolean {
  return typeof context === 'object' && context !== null && ours.has(context as tls.SecureContext);
}

/**
 * Drops every cached secure context. Call it after changing the process trust store at run
 * time (`tls.setDefaultCACertificates`, Node 22.19+ / 24.5+): contexts built before keep the
 * roots they were built with.
 */
export function clearSecureContextCache(): void {
  cache.clear();
}

/** The number of cached secure contexts (for tests and diagnostics). */
export function secureContextCacheSize(): number {
  return cache.size;
}

const identities = new WeakMap<object, number>();
let nextIdentity = 1;

function identityOf(value: object): number {
  let id = identities.get(value);
  if (id === undefined) {
    id = nextIdentity++;
    identities.set(value, id);
  }
  return id;
}

/**
 * A collision-resistant key for a configuration value: strings and bytes by content (hashed, so
 * key material never sits in a Map key), arrays and plain objects structurally (object keys
 * sorted), anything else (KeyObject, functions, class instances) by identity.
 */
export function fingerprint(value: unknown): string {
  const hash = createHash('sha256');
  feed(hash, value);
  return hash.digest('base64url');
}

function feed(hash: Hash, value: unknown): void {
  if (value === undefined || value === null) {
    hash.update('u;');
  } else if (typeof value === 'string') {
    hash.update(`s${value.length}:`);
    hash.update(value);
  } else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    hash.update(`${typeof value}:${String(value)};`);
  } else if (value instanceof Uint8Array) {
    hash.update(`b${value.byteLength}:`);
    hash.update(value);
  } else if (Array.isArray(value)) {
    hash.update(`a${value.length}[`);
    for (const item of value as unknown[]) feed(hash, item);
    hash.update(']');
  } else if (typeof value === 'object' && isPlainObject(value)) {
    const keys = Object.keys(value).sort();
    hash.update(`o${keys.length}{`);
    for (const key of keys) {
      feed(hash, key);
      feed(hash, (value as Record<string, unknown>)[key]);
    }
    hash.update('}');
  } else if (typeof value === 'object' || typeof value === 'function') {
    hash.update(`i${identityOf(value)};`);
  } else {
    hash.update(`${typeof value};`);
  }
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
