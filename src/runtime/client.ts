import https from 'node:https';
import { isIP } from 'node:net';
import type tls from 'node:tls';
import type { ProfileName } from '../policy/profiles.js';
import { cachedContext, fingerprint, isOwnContext } from './context-cache.js';
import { formatValue } from './errors.js';
import { refuseInsecure } from './guard.js';
import { identityCheck, userIdentityCheck } from './identity.js';
import type { RefuseInsecure } from './input-types.js';
import { profileOf } from './profiles.js';
import { defaultRoots, defaultRootsSource, splitPem, validatePemBlocks, type CaInput } from './trust.js';

/** The options the runtime adds to a client option bag. They are removed from the result. */
export interface RuntimeClientExtras {
  /**
   * Certificates to trust **in addition to** the default roots (a private CA). PEM only: a
   * string or Buffer (a bundle of several certificates is fine) or an array of them.
   *
   * On Node with `tls.getCACertificates` (22.15+, 23.10+) the defaults are
   * `getCACertificates('default')`, which includes `NODE_EXTRA_CA_CERTS`. On Node 20 they are
   * `tls.rootCertificates` (bundled Mozilla roots), and `NODE_EXTRA_CA_CERTS` is **not** included.
   *
   * Cannot be combined with `ca`, which keeps Node's meaning: it **replaces** the roots.
   */
  extraCa?: CaInput | undefined;
  /** The policy profile: `'intermediate'` (default; TLS 1.2+) or `'modern'` (TLS 1.3 only). */
  profile?: ProfileName | undefined;
}

/** A `tls.connect` option bag plus the runtime extras; what {@link secureClientOptions} accepts. */
export type RuntimeClientOptions = tls.ConnectionOptions & RuntimeClientExtras;

/**
 * What {@link secureClientOptions} accepts, as a type: every option of `tls.ConnectionOptions`
 * (so an object literal gets its context: a `checkServerIdentity` method keeps its parameter
 * types, `maxVersion: 'TLSv1.3'` stays a version), `null` where `https.RequestOptions` allows it,
 * any other key (`hostname`, `path`, `agent`, library options), and the runtime extras.
 */
export type SecureClientInput = Omit<tls.ConnectionOptions, 'host' | 'port' | 'path' | 'rejectUnauthorized' | 'minVersion' | 'maxVersion'> &
  RuntimeClientExtras & {
    // Declared here rather than inherited: with the inherited declarations TypeScript (5.x, 6.0)
    // stops giving methods in the literal their parameter types (TS7006).
    rejectUnauthorized?: boolean | undefined;
    minVersion?: tls.SecureVersion | undefined;
    maxVersion?: tls.SecureVersion | undefined;
    host?: string | null | undefined;
    port?: number | string | null | undefined;
    path?: string | null | undefined;
  };

/** The options {@link secureClientOptions} always sets in its result. */
export interface HardenedClientOptions {
  /** Always `true`, set explicitly so `NODE_TLS_REJECT_UNAUTHORIZED=0` cannot turn it off. */
  rejectUnauthorized: true;
  /** The profile's minimum (or the caller's, when that passed the policy). */
  minVersion: tls.SecureVersion;
  /** The profile's cipher string (or the caller's, when that passed the policy). */
  ciphers: string;
  /** The key-exchange groups (probed once: X25519MLKEM768 only where OpenSSL supports it). */
  ecdhCurve: string;
  /** At least 2048. */
  minDHSize: number;
  /**
   * Node's `tls.checkServerIdentity` (or the caller's), followed by the profile's key-size check:
   * a server certificate chain with an RSA key below the profile's minimum (2048 bits) is refused.
   * Always set, so options merged over the bag later (an agent's request options) cannot replace it.
   */
  checkServerIdentity: (hostname: string, cert: tls.PeerCertificate) => Error | undefined;
  /**
   * The cached context built from the context options in this bag. Node uses it instead of
   * those options (they are repeated in the bag so the bag describes the context truthfully,
   * and so `https.Agent` pools sockets per trust configuration).
   */
  secureContext: tls.SecureContext;
  /** SNI and the name the certificate is checked against; derived from `hostname`/`host` when that is a DNS name. */
  servername?: string;
  /**
   * The trust anchors, when `ca` or `extraCa` was given. With `extraCa` this is the default
   * roots followed by the extra certificates: a shared, frozen array; do not modify it.
   */
  ca?: string | Buffer | Array<string | Buffer>;
}

/**
 * The result type of {@link secureClientOptions}: the caller's bag without the extras, with the
 * hardened options replacing the caller's declarations of the same names.
 */
export type SecureClientOptions<T> = Omit<T, keyof RuntimeClientExtras | keyof HardenedClientOptions> & HardenedClientOptions;

/** Keys of `tls.SecureContextOptions` that a client context takes (`secureProtocol` is refused). */
const CLIENT_CONTEXT_KEYS: readonly string[] = [
  'allowPartialTrustChain',
  'ca',
  'cert',
  'ciphers',
  'clientCertEngine',
  'crl',
  'dhparam',
  'ecdhCurve',
  'honorCipherOrder',
  'key',
  'maxVersion',
  'minVersion',
  'passphrase',
  'pfx',
  'privateKeyEngine',
  'privateKeyIdentifier',
  'secureOptions',
  'sessionIdContext',
  'sessionTimeout',
  'sigalgs',
  'ticketKeys',
];

/** Merged trust lists this module made, with the trust key they were made under. */
const trustKeys = new WeakMap<object, string>();

type IdentityCheck = (hostname: string, cert: tls.PeerCertificate) => Error | undefined;

interface BuildMode {
  readonly where: string;
  /** Derive `servername` from the host. Off for agents: agent options override every request's. */
  readonly deriveServername: boolean;
}

/**
 * Hardens any TLS client option bag: `tls.connect`, `https.request`/`https.get`,
 * `new https.Agent`, `http2.connect`, undici `connect` options, `ws` options.
 *
 * The result has `rejectUnauthorized: true` (explicit, so `NODE_TLS_REJECT_UNAUTHORIZED=0`
 * cannot switch verification off), `servername` from `hostname`/`host` when that is a DNS name
 * (never for IP addresses; a given `servername` is kept), the profile's `minVersion`, `ciphers`
 * (TLS 1.3 suites included) and key-exchange groups, `minDHSize` 2048, and a cached
 * `secureContext`: one per distinct trust and policy configuration, not one per call.
 *
 * Options the caller gives are kept when the policy accepts them; insecure ones are refused
 * with {@link InsecureTlsOptionError} instead of being merged or overridden. The policy is asked
 * for its strict cipher rules here: a `ciphers` string must be forward-secret AEAD only, like
 * the profile's own list.
 *
 * Spread the result **last** (`{ ...mine, ...secureClientOptions(...) }`) or pass it as is:
 * spreading other options over it can undo the hardening.
 *
 * A custom `checkServerIdentity` is kept when you pass one (a deliberate choice, for pinning).
 * It must call `tls.checkServerIdentity(host, cert)` first and return its error, and Node skips
 * it on resumed TLS sessions: use {@link secureAgent}, which turns the session cache off then.
 *
 * @example
 * ```ts
 * const socket = tls.connect(secureClientOptions({ host: 'db.internal', port: 5433, extraCa: caPem }));
 * https.get('https://example.com/', secureClientOptions({ hostname: 'example.com' }), onResponse);
 * ```
 *
 * @param options any client option bag, plus {@link RuntimeClientExtras}.
 * @returns a new object; the input is not modified.
 * @throws InsecureTlsOptionError for an insecure option (`rejectUnauthorized: false`, TLS < 1.2,
 *   a weak `ciphers` string, `ca: []`, `minDHSize` < 2048, ...).
 * @throws TypeError for options that cannot be honoured (`ca` with `extraCa`, a foreign
 *   `secureContext`, `secureProtocol`, `socket` without `host`/`servername`, a bad PEM).
 */
export function secureClientOptions(): SecureClientOptions<Record<never, never>>;
// No default for T: with one, TypeScript stops giving methods in the literal their parameter types.
// `& object`: without it the constraint is a weak type (all optional), so a literal with only keys of
// other option types (`{ hostname }`) would fail it, and T would fall back to the constraint.
export function secureClientOptions<T extends SecureClientInput & object & RefuseInsecure<T>>(options: T | undefined): SecureClientOptions<T>;
export function secureClientOptions<T extends SecureClientInput & object & RefuseInsecure<T>>(options?: T): SecureClientOptions<T> {
  const built = buildClientOptions(options, { where: 'secureClientOptions', deriveServername: true });
  return built as unknown as SecureClientOptions<T>;
}

/**
 * An `https.Agent` whose every connection uses {@link secureClientOptions}: verification on,
 * the profile's versions and ciphers, the cached context (with `extraCa` when given).
 *
 * Agent options override the options of each request that uses the agent, so the agent's
 * settings cannot be weakened per request. No `servername` is derived here: the agent serves
 * many hosts and Node sets SNI per request. When a custom `checkServerIdentity` is given,
 * `maxCachedSessions` defaults to 0, because Node does not call it on resumed sessions.
 *
 * @example
 * ```ts
 * const agent = secureAgent({ extraCa: caPem, keepAlive: true });
 * https.get('https://api.internal/health', { agent }, onResponse);
 * ```
 *
 * @throws InsecureTlsOptionError or TypeError, as {@link secureClientOptions}.
 */
export function secureAgent(options?: https.AgentOptions & RuntimeClientExtras): https.Agent {
  const built = buildClientOptions(options, { where: 'secureAgent', deriveServername: false });
  if (userIdentityCheck(built.checkServerIdentity) !== undefined && built.maxCachedSessions === undefined) {
    built.maxCachedSessions = 0;
  }
  // `built.checkServerIdentity` is always set: `https.Agent` spreads its own options over each
  // request's, so a request's `checkServerIdentity: () => undefined` never reaches a socket,
  // and no socket or session of the pool was made without the agent's check.
  return new https.Agent(built as https.AgentOptions);
}

/** Refuses option combinations the factory cannot honour (TypeError, before anything is built). */
function refuseConflicts(input: Readonly<Record<string, unknown>>, extraCa: CaInput | undefined, where: string): void {
  if (input.secureProtocol !== undefined) {
    throw new TypeError(
      `${where}: secureProtocol ${formatValue(input.secureProtocol)} conflicts with the minVersion the ` + 'factory sets. Use minVersion/maxVersion instead.',
    );
  }
  if (extraCa !== undefined && input.ca !== undefined) {
    throw new TypeError(`${where}: give either extraCa (added to the default roots) or ca (replaces them), not both`);
  }
  if (input.minDHSize !== undefined && typeof input.minDHSize !== 'number') {
    throw new TypeError(`${where}: minDHSize must be a number`);
  }
  if (input.checkServerIdentity !== undefined && typeof input.checkServerIdentity !== 'function') {
    throw new TypeError(`${where}: checkServerIdentity must be a function`);
  }
  if (input.socket !== undefined && input.servername === undefined && input.host === undefined && input.hostname === undefined) {
    throw new TypeError(`${where}: with socket, also give host or servername; otherwise Node checks the certificate ` + "against 'localhost'");
  }
}

function buildClientOptions(options: unknown, mode: BuildMode): Record<string, unknown> {
  const where = mode.where;
  const given: unknown = options ?? {};
  if (typeof given !== 'object' || given === null) {
    throw new TypeError(`${where}: expected an options object, got ${typeof given}`);
  }

  // Own enumerable string keys; an explicit `undefined` means "not given" (Node's defaults).
  // (Built by copying rather than `delete`, which would make every bag a slow dictionary object.)
  const input: Record<string, unknown> = {};
  let extraCa: CaInput | undefined;
  let profileName: unknown;
  for (const [key, value] of Object.entries(given)) {
    if (value === undefined) continue;
    if (key === 'extraCa') extraCa = value as CaInput;
    else if (key === 'profile') profileName = value;
    else if (key === 'secureContext') {
      if (!isOwnContext(value)) {
        throw new TypeError(
          `${where}: a secureContext built elsewhere cannot be checked, and Node ignores the context ` +
            'options beside it. Pass its options (ca, cert, key, ...) instead.',
        );
      }
      // Our own output passed in again: the context options beside it describe that context,
      // and it is looked up again from them.
    } else input[key] = value;
  }
  const profile = profileOf(profileName, where);

  refuseInsecure(input, profile, 'client', where);

  refuseConflicts(input, extraCa, where);

  // The context options: profile defaults, overridden by the caller's (already vetted) values.
  // `policyPart` is the same without `ca`, which enters the cache key as `trustKey` instead.
  const contextOptions: Record<string, unknown> = {
    minVersion: profile.minVersion,
    ciphers: profile.ciphers,
    ecdhCurve: profile.ecdhCurve,
  };
  const policyPart: Record<string, unknown> = { ...contextOptions };
  for (const key of CLIENT_CONTEXT_KEYS) {
    const value = input[key];
    if (value === undefined) continue;
    contextOptions[key] = value;
    if (key !== 'ca') policyPart[key] = value;
  }

  let trustKey: string;
  let extraBlocks: string[] | undefined;
  if (extraCa !== undefined) {
    const parsed = parseExtraCa(extraCa);
    extraBlocks = parsed.blocks;
    trustKey = `default(${defaultRootsSource()})+${parsed.fingerprint}`;
  } else if (contextOptions.ca !== undefined) {
    const known = typeof contextOptions.ca === 'object' && contextOptions.ca !== null ? trustKeys.get(contextOptions.ca) : undefined;
    trustKey = known ?? `ca:${fingerprint(contextOptions.ca)}`;
  } else {
    trustKey = `default(${defaultRootsSource()})`;
  }
  const key = `${trustKey}|${fingerprint(policyPart)}`;

  const entry = cachedContext(key, () => {
    if (extraBlocks === undefined) return contextOptions as tls.SecureContextOptions;
    validatePemBlocks(extraBlocks, 'extraCa');
    return { ...contextOptions, ca: mergedTrustList(extraBlocks, trustKey) } as tls.SecureContextOptions;
  });

  const result: Record<string, unknown> = {
    ...input,
    ...entry.options,
    rejectUnauthorized: true,
    minDHSize: input.minDHSize ?? profile.minDHSize,
    checkServerIdentity: identityCheck(input.checkServerIdentity as IdentityCheck | undefined, profile),
    secureContext: entry.context,
  };

  if (mode.deriveServername && input.servername === undefined) {
    const name = dnsNameOf(input.hostname ?? input.host);
    if (name !== undefined) result.servername = name;
  }
  return result;
}

interface ParsedExtraCa {
  readonly blocks: string[];
  readonly fingerprint: string;
}

/** Recently seen `extraCa` strings (the common case: one PEM string reused for every call). */
const parsedStrings = new Map<string, ParsedExtraCa>();

function parseExtraCa(extraCa: CaInput): ParsedExtraCa {
  if (typeof extraCa !== 'string') {
    const blocks = splitPem(extraCa, 'extraCa');
    return { blocks, fingerprint: fingerprint(blocks) };
  }
  let parsed = parsedStrings.get(extraCa);
  if (parsed === undefined) {
    const blocks = splitPem(extraCa, 'extraCa');
    parsed = { blocks, fingerprint: fingerprint(blocks) };
    if (parsedStrings.size >= 16) parsedStrings.clear();
    parsedStrings.set(extraCa, parsed);
  }
  return parsed;
}

/**
 * The default roots followed by `extra`, as one shared frozen array.
 *
 * `https.Agent` names its socket pool and TLS session cache by concatenating `String(options.ca)`
 * (with `cert`, `ciphers`, ...) on every request. For a list of ~150 roots that is a 200 kB string
 * per request. The array therefore carries a non-enumerable `toString` that returns its short
 * trust key: pools stay separated per trust configuration at the cost of a few bytes. Node's
 * `createSecureContext` reads the array by index and never calls `toString`.
 */
function mergedTrustList(extra: readonly string[], trustKey: string): string[] {
  const merged: string[] = [...defaultRoots(), ...extra];
  const label = `tlsguard-trust:${trustKey}`;
  Object.defineProperty(merged, 'toString', { value: () => label, enumerable: false });
  Object.freeze(merged);
  trustKeys.set(merged, trustKey);
  return merged;
}

/** The host as an SNI name, or undefined when it is missing, empty or an IP address. */
function dnsNameOf(host: unknown): string | undefined {
  if (typeof host !== 'string') return undefined;
  let name = host.trim();
  if (name.startsWith('[') && name.endsWith(']')) name = name.slice(1, -1);
  if (name.endsWith('.')) name = name.slice(0, -1);
  if (name === '' || isIP(name) !== 0) return undefined;
  return name;
}
