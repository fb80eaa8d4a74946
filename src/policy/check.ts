/**
 * One call that lists every insecure option in a TLS option bag; used by the
 * runtime guard, and the reference for what the rules report.
 */
import { evaluateCipherString, evaluateOptionsOf } from './ciphers/evaluate.js';
import { weakSuites, type CipherPolicy, type WeakSuite } from './ciphers/weak.js';
import { MIN_DH_SIZE, weakCurves, weakSigalgs } from './curves.js';
import { nodeFacts } from './node-releases.js';
import { PROFILES, type ProfileName } from './profiles.js';
import { analyzeSecureOptions } from './secure-options.js';
import { secureProtocolInfo } from './secure-protocol.js';
import { effectiveVersionRange, type VersionOptions } from './version-range.js';
import { DEFAULT_MAX_VERSION, compareTlsVersions, isTlsVersion, type TlsVersion } from './versions.js';

export interface PolicyFinding {
  /** The option name, e.g. 'rejectUnauthorized', 'ciphers', 'minVersion'. */
  option: string;
  value: unknown;
  /** One sentence naming the option, the value and why it is insecure. */
  message: string;
  category: 'cert-verification' | 'hostname-verification' | 'protocol-version' | 'weak-cipher' | 'trust-store';
}

/** Every option key `checkTlsOptions` reads (test/policy/checked-options.test.ts): callers may leave the others out. */
export const CHECKED_OPTIONS: ReadonlySet<string> = new Set([
  'ca',
  'ciphers',
  'ecdhCurve',
  'maxVersion',
  'minDHSize',
  'minVersion',
  'rejectUnauthorized',
  'requestCert',
  'secureOptions',
  'secureProtocol',
  'sigalgs',
]);

export interface CheckContext {
  /** Defaults to 'client'. */
  side?: 'client' | 'server';
  /** Defaults to 'intermediate'. */
  profile?: ProfileName;
  /** Strict policy: forward-secret AEAD suites only, and `secureProtocol` pinning TLS 1.2 is reported. */
  strict?: boolean;
  /**
   * The Node version whose OpenSSL judges `ciphers` (its suite table and default security level):
   * the process's own by default, since the guard checks the options where they are used.
   */
  nodeVersion?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const show = (v: unknown): string => (typeof v === 'string' ? `'${v}'` : String(v));
const label = (v: TlsVersion): string => (v === 'TLSv1' ? 'TLS 1.0' : v.replace('TLSv', 'TLS '));

function listSuites(weak: WeakSuite[]): string {
  const shown = weak.slice(0, 3).map((w) => `${w.suite.name} (${w.reasons.join(', ')})`);
  const more = weak.length > 3 ? ` and ${weak.length - 3} more` : '';
  return `${shown.join('; ')}${more}`;
}

/** A client with these options may offer TLS 1.3: no `maxVersion`, `secureProtocol` or `SSL_OP_NO_TLSv1_3` excludes it (options Node rejects count as allowing it). */
function allowsTls13(options: Readonly<Record<string, unknown>>): boolean {
  const secureOptions = options['secureOptions'];
  const range = effectiveVersionRange(
    {
      minVersion: str(options['minVersion']),
      maxVersion: str(options['maxVersion']),
      secureProtocol: str(options['secureProtocol']),
      secureOptions: typeof secureOptions === 'number' ? secureOptions : undefined,
    },
    undefined,
    'client',
  );
  return range.versions.length === 0 || range.versions.includes('TLSv1.3');
}

type Add = (option: string, message: string, category: PolicyFinding['category']) => void;

/** The version options of a bag, as effectiveVersionRange reads them (values of other types left out). */
function versionOptions(options: Readonly<Record<string, unknown>>): VersionOptions {
  const secureOptions = options['secureOptions'];
  return {
    minVersion: str(options['minVersion']),
    maxVersion: str(options['maxVersion']),
    secureProtocol: str(options['secureProtocol']),
    secureOptions: typeof secureOptions === 'number' ? secureOptions : undefined,
  };
}

/** The cipher, key-exchange and signature options: `ciphers`, `minDHSize`, `ecdhCurve`, `sigalgs`. */
function checkCrypto(options: Readonly<Record<string, unknown>>, context: CheckContext, side: 'client' | 'server', policy: CipherPolicy, add: Add): void {
  const ciphers = options['ciphers'];
  if (typeof ciphers === 'string') {
    // Evaluated as this Node does it: its OpenSSL's refusals, its split of `!TLS_` entries.
    const facts = nodeFacts(context.nodeVersion ?? process.versions.node);
    const e = evaluateCipherString(ciphers, evaluateOptionsOf(facts));
    if (e.error !== 'ERR_SSL_INVALID_COMMAND' && e.error !== 'ERR_INVALID_ARG_VALUE') {
      // TLS 1.0/1.1 negotiable on that Node: then OpenSSL 1.1 also offers IDEA-CBC-SHA (test/policy/node16-oracle.test.ts).
      const legacyVersions = effectiveVersionRange(versionOptions(options), { min: facts.defaultMinVersion, max: DEFAULT_MAX_VERSION }, side).legacy.length > 0;
      // A string this Node refuses makes createSecureContext throw: nothing is offered.
      const weak = e.error ? [] : weakSuites(e, policy, { family: facts.opensslFamily, securityLevel: facts.defaultSecurityLevel, legacyVersions });
      if (weak.length > 0) {
        add('ciphers', `ciphers: ${show(ciphers)} enables weak cipher suites: ${listSuites(weak)}.`, 'weak-cipher');
      }
      if (e.securityLevel === 0) {
        // OpenSSL 1.1.1 (Node <= 16) accepts TLS 1.0/1.1 and SHA-1 signatures at level 1 already
        // (test/claims/legacy-node.test.ts): there level 0 adds only the small keys.
        const accepted = facts.opensslFamily === '3' ? 'TLS 1.0/1.1, SHA-1 signatures and keys under 1024 bits are' : 'keys under 1024 bits are';
        add(
          'ciphers',
          `ciphers: ${show(ciphers)} sets @SECLEVEL=0, which switches off OpenSSL's security checks so ${accepted} accepted again.`,
          'weak-cipher',
        );
      }
    }
  }

  const minDHSize = options['minDHSize'];
  if (side === 'client' && typeof minDHSize === 'number' && minDHSize < MIN_DH_SIZE) {
    add('minDHSize', `minDHSize: ${minDHSize} accepts Diffie-Hellman groups smaller than ${MIN_DH_SIZE} bits, which can be broken (Logjam).`, 'weak-cipher');
  }

  // The context's level: the cipher string's own `@SECLEVEL`, else the default of this Node's OpenSSL.
  const facts = nodeFacts(context.nodeVersion ?? process.versions.node);
  const ownLevel = typeof ciphers === 'string' ? evaluateCipherString(ciphers).securityLevel : undefined;
  const at = { family: facts.opensslFamily, securityLevel: ownLevel ?? facts.defaultSecurityLevel, tls13Client: side === 'client' && allowsTls13(options) };

  const curve = options['ecdhCurve'];
  if (typeof curve === 'string') {
    const weak = weakCurves(curve, at);
    if (weak.length > 0) {
      add(
        'ecdhCurve',
        `ecdhCurve: ${show(curve)} lets the key exchange use elliptic curves below 128-bit security (${weak.join(', ')}) with a peer that offers or picks them.`,
        'weak-cipher',
      );
    }
  }

  const sigalgs = options['sigalgs'];
  if (typeof sigalgs === 'string') {
    const weak = weakSigalgs(sigalgs, at);
    if (weak.length > 0) {
      add(
        'sigalgs',
        `sigalgs: ${show(sigalgs)} lets TLS 1.2 handshakes be signed with SHA-1 (${weak.join(', ')}), which is open to transcript-collision attacks (SLOTH) and forbidden by RFC 9155.`,
        'weak-cipher',
      );
    }
  }
}

/**
 * Every insecure option in `options`. Only values of the type Node expects are
 * judged; anything else (including values Node would reject) is ignored, not
 * guessed. `checkServerIdentity` cannot be judged from a function value and is
 * skipped.
 */
export function checkTlsOptions(options: Readonly<Record<string, unknown>>, context: CheckContext = {}): PolicyFinding[] {
  const side = context.side ?? 'client';
  const profile = PROFILES[context.profile ?? 'intermediate'];
  const strict = context.strict === true;
  const policy: CipherPolicy = strict ? 'strict' : profile.cipherPolicy;
  const findings: PolicyFinding[] = [];
  const add = (option: string, message: string, category: PolicyFinding['category']): void => {
    findings.push({ option, value: options[option], message, category });
  };

  const reject = options['rejectUnauthorized'];
  if (reject === false) {
    if (side === 'client') {
      add(
        'rejectUnauthorized',
        'rejectUnauthorized: false turns off certificate and hostname verification, so anyone on the network path can impersonate the server.',
        'cert-verification',
      );
    } else if (options['requestCert'] === true) {
      add(
        'rejectUnauthorized',
        'rejectUnauthorized: false with requestCert: true asks for client certificates but accepts clients without a valid one, so mutual TLS is not enforced.',
        'cert-verification',
      );
    }
  }

  const method = options['secureProtocol'];
  const secureOptions = options['secureOptions'];
  // secureProtocol next to minVersion/maxVersion makes Node throw (ERR_TLS_PROTOCOL_VERSION_CONFLICT): nothing to judge.
  const conflict = typeof method === 'string' && method !== '' && (options['minVersion'] != null || options['maxVersion'] != null);
  const range = effectiveVersionRange(versionOptions(options), undefined, side);
  for (const option of conflict ? [] : (['minVersion', 'maxVersion'] as const)) {
    const v = options[option];
    if (!isTlsVersion(v)) continue;
    if (compareTlsVersions(v, 'TLSv1.2') < 0) {
      // minVersion: only when the range really keeps a legacy version (secureOptions may switch them off).
      if (option === 'minVersion' && range.legacy.length === 0) continue;
      const verb = option === 'minVersion' ? 'allows' : 'limits connections to';
      const versions = option === 'minVersion' ? range.legacy : [v];
      const what = versions.length > 1 ? 'deprecated protocol versions' : 'a deprecated protocol version';
      add(
        option,
        `${option}: '${v}' ${verb} ${versions.map(label).join(' and ')}, ${what} (RFC 8996) open to downgrade and cipher attacks.`,
        'protocol-version',
      );
    } else if (option === 'minVersion' && compareTlsVersions(v, profile.minVersion) < 0) {
      add(option, `${option}: '${v}' is below the ${profile.name} profile's minimum of ${label(profile.minVersion)}.`, 'protocol-version');
    } else if (option === 'maxVersion' && compareTlsVersions(v, profile.minVersion) < 0) {
      add(option, `${option}: '${v}' disables ${label(profile.minVersion)}, which the ${profile.name} profile requires.`, 'protocol-version');
    }
  }

  if (typeof method === 'string' && !conflict) {
    const info = secureProtocolInfo(method);
    if (info.kind === 'legacy' && range.legacy.length > 0) {
      add(
        'secureProtocol',
        `secureProtocol: '${method}' enables ${range.legacy.map(label).join(' and ')}, deprecated protocol versions; use minVersion: '${profile.minVersion}' instead.`,
        'protocol-version',
      );
    } else if (info.kind === 'disabled') {
      add('secureProtocol', `secureProtocol: '${method}' asks for SSL (Node refuses it); use minVersion: '${profile.minVersion}' instead.`, 'protocol-version');
    } else if (info.kind === 'pins-tls12' && (strict || profile.minVersion === 'TLSv1.3')) {
      add(
        'secureProtocol',
        `secureProtocol: '${method}' caps the protocol at TLS 1.2 and disables TLS 1.3; use minVersion: '${profile.minVersion}' instead.`,
        'protocol-version',
      );
    }
  }

  if (typeof secureOptions === 'number') {
    // A bit shown to weaken one side only (SSL_OP_LEGACY_SERVER_CONNECT: clients) does nothing on the other.
    const weakening = analyzeSecureOptions(secureOptions).weakening.filter((b) => b.side === undefined || b.side === side);
    if (weakening.length > 0) {
      const names = weakening.map((b) => b.name).join(', ');
      add(
        'secureOptions',
        `secureOptions: ${secureOptions} sets ${names}, which ${weakening.length === 1 ? 'weakens' : 'weaken'} TLS (${weakening.map((b) => b.reason).join('; ')}).`,
        'weak-cipher',
      );
    }
  }

  checkCrypto(options, context, side, policy, add);

  const ca = options['ca'];
  if (Array.isArray(ca) && ca.length === 0) {
    add(
      'ca',
      'ca: [] replaces the trust store with nothing, so no certificate can be verified; pass the CA certificates to trust, or omit ca for the default roots.',
      'trust-store',
    );
  }

  return findings;
}
