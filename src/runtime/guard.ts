import { checkTlsOptions, type CheckContext, type PolicyFinding } from '../policy/check.js';
import { formatValue, InsecureTlsOptionError } from './errors.js';
import { isProfileName, type RuntimeProfile } from './profiles.js';

/**
 * Where an option bag is used and which policy to judge it by: `side` (`'client'`, the default,
 * or `'server'`), `profile` (`'intermediate'`, the default, or `'modern'`) and `strict` (the
 * strict cipher policy of the `strict` lint config: forward-secret AEAD suites only).
 * The policy module's own `CheckContext`.
 */
export type AssertContext = CheckContext;

/**
 * Validates any TLS option bag at run time with the same policy code as the lint rules, and
 * throws when it contains an insecure setting.
 *
 * Use it where option bags come from configuration files, environment or other code you do
 * not control: `assertSecureTlsOptions(config.tls)` before `tls.connect(config.tls)`.
 * It judges the bag as given and changes nothing.
 *
 * @param options the option bag (`tls.ConnectionOptions`, `https.AgentOptions`, server options...).
 * @param context which side the bag is for and which profile to apply.
 * @throws InsecureTlsOptionError naming the first insecure option and its value; `findings`
 *   lists all of them.
 * @throws TypeError when `options` is not an object, holds a non-finite number (`minDHSize: NaN`),
 *   or when `context` is not an object of the fields above with their allowed values (an unknown
 *   `side` such as `'Client'` is refused rather than read as either side).
 */
export function assertSecureTlsOptions(options: unknown, context?: AssertContext): void {
  const where = 'assertSecureTlsOptions';
  const findings = policyFindings(options, checkedContext(context, where), where);
  if (findings.length > 0) throw new InsecureTlsOptionError(findings, where);
}

const CONTEXT_KEYS: readonly string[] = ['side', 'profile', 'strict'];

/**
 * `context` when every field is one the policy knows, with a value it takes.
 *
 * @throws TypeError naming the field otherwise (fail closed: a misspelt side must not silently
 *   select the other side's semantics).
 */
function checkedContext(context: unknown, where: string): AssertContext {
  if (context === undefined) return {};
  if (typeof context !== 'object' || context === null || Array.isArray(context)) {
    throw new TypeError(`${where}: the context must be an object such as { side: 'client', profile: 'intermediate' }, got ${formatValue(context)}`);
  }
  const fields = context as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!CONTEXT_KEYS.includes(key)) {
      throw new TypeError(`${where}: unknown context field ${formatValue(key)}; the fields are side, profile and strict`);
    }
  }
  const { side, profile, strict } = fields;
  if (side !== undefined && side !== 'client' && side !== 'server') {
    throw new TypeError(`${where}: side must be 'client' or 'server', got ${formatValue(side)}`);
  }
  if (profile !== undefined && !isProfileName(profile)) {
    throw new TypeError(`${where}: unknown profile ${formatValue(profile)}; use 'intermediate' or 'modern'`);
  }
  if (strict !== undefined && typeof strict !== 'boolean') {
    throw new TypeError(`${where}: strict must be true or false, got ${formatValue(strict)}`);
  }
  return context as AssertContext;
}

/** The policy's findings for `options` (never throws for insecure values, only for non-objects). */
export function policyFindings(options: unknown, context: AssertContext, where: string): PolicyFinding[] {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${where}: expected an options object, got ${options === null ? 'null' : typeof options}`);
  }
  refuseNonFinite(options as Readonly<Record<string, unknown>>, where);
  return checkTlsOptions(options as Readonly<Record<string, unknown>>, context);
}

/**
 * Refuses `NaN` and the infinities in any option (`minDHSize: NaN` would otherwise compare as
 * "not below 2048" and reach Node, whose error names neither the caller nor the fix).
 *
 * @throws TypeError naming the option.
 */
export function refuseNonFinite(options: Readonly<Record<string, unknown>>, where: string): void {
  for (const [key, value] of Object.entries(options)) {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new TypeError(`${where}: ${formatValue(key)} must be a finite number, got ${String(value)}`);
    }
  }
}

const LEGACY_VERSIONS: ReadonlySet<unknown> = new Set(['TLSv1', 'TLSv1.1']);
const LEGACY_METHOD = /^(?:SSLv2|SSLv3|TLSv1|TLSv1_1)_(?:client_|server_)?method$/;

/**
 * What the factories refuse whatever the policy's configuration: the values they would
 * otherwise have to override silently. These normally duplicate policy findings and are then
 * dropped; they only add a finding the policy did not already make for the same option.
 */
export function factoryInvariantFindings(options: Readonly<Record<string, unknown>>, side: 'client' | 'server', minDHSize: number): PolicyFinding[] {
  const out: PolicyFinding[] = [];
  const add = (option: string, category: PolicyFinding['category'], message: string): void => {
    out.push({ option, value: options[option], category, message });
  };
  if (options.rejectUnauthorized === false && (side === 'client' || options.requestCert === true)) {
    add(
      'rejectUnauthorized',
      'cert-verification',
      side === 'client'
        ? "It turns off certificate and host name verification, so anyone on the network path can impersonate the server. Trust the server's CA with extraCa instead."
        : 'With requestCert: true it accepts clients without a valid certificate (mTLS not enforced). Remove it, or do not request certificates.',
    );
  }
  if (LEGACY_VERSIONS.has(options.minVersion)) {
    add('minVersion', 'protocol-version', 'TLS 1.0 and 1.1 are deprecated (RFC 8996) and allow downgrade attacks. Use TLSv1.2 or later.');
  }
  if (LEGACY_VERSIONS.has(options.maxVersion)) {
    add('maxVersion', 'protocol-version', 'It limits connections to TLS 1.0/1.1, which are deprecated (RFC 8996). Remove maxVersion.');
  }
  if (typeof options.secureProtocol === 'string' && LEGACY_METHOD.test(options.secureProtocol)) {
    add('secureProtocol', 'protocol-version', 'It pins a deprecated protocol version. Remove secureProtocol; the factory sets minVersion.');
  }
  if (Array.isArray(options.ca) && options.ca.length === 0) {
    add('ca', 'trust-store', 'An empty ca list replaces the root store with nothing. Omit ca to use the default roots, or use extraCa to add a private CA.');
  }
  if (side === 'client' && typeof options.minDHSize === 'number' && options.minDHSize < minDHSize) {
    add('minDHSize', 'weak-cipher', `Diffie-Hellman groups below ${minDHSize} bits are breakable. Remove minDHSize or raise it.`);
  }
  return out;
}

/** Policy findings first, then invariant findings for options the policy did not report. */
export function mergeFindings(policy: readonly PolicyFinding[], invariants: readonly PolicyFinding[]): PolicyFinding[] {
  const reported = new Set(policy.map((f) => f.option));
  return [...policy, ...invariants.filter((f) => !reported.has(f.option))];
}

/**
 * Refuses the bag when the policy (or the factory's own invariants) finds an insecure option.
 */
export function refuseInsecure(input: Readonly<Record<string, unknown>>, profile: RuntimeProfile, side: 'client' | 'server', where: string): void {
  const findings = mergeFindings(
    // Strict cipher policy: a `ciphers` string given to a factory must be as strong as the
    // profile's own list (forward-secret AEAD suites only), not merely free of broken suites.
    policyFindings(input, { side, profile: profile.name, strict: true }, where),
    factoryInvariantFindings(input, side, profile.minDHSize),
  );
  if (findings.length > 0) throw new InsecureTlsOptionError(findings, where);
}
