/**
 * `secureOptions` bits (`crypto.constants.SSL_OP_*`), values as on Node 20 /
 * OpenSSL 3.0 (node-tls.md 1.9). A few OpenSSL 3.0 bits that Node does not
 * export as constants are listed too, so a raw number can be decoded fully.
 */
import type { TlsVersion } from './versions.js';

export interface SecureOptionBit {
  /** The `SSL_OP_*` name. */
  name: string;
  /** The single bit's value. */
  value: number;
  verdict: 'weakens' | 'legacy-hardening' | 'hardening' | 'neutral';
  reason: string;
  /** True when `crypto.constants` on Node 20 has this name. */
  exportedByNode: boolean;
  /**
   * For a `weakens` bit, the one side whose weakening test/claims/secure-options.test.ts shows on
   * Node (OpenSSL reads SSL_OP_LEGACY_SERVER_CONNECT on a client only); undefined: both sides.
   */
  side?: 'client' | 'server';
}

function bit(
  name: string,
  n: number,
  verdict: SecureOptionBit['verdict'],
  reason: string,
  exportedByNode = true,
  side?: SecureOptionBit['side'],
): SecureOptionBit {
  return Object.freeze({ name, value: 2 ** n, verdict, reason, exportedByNode, ...(side && { side }) });
}

/** Every single-bit option, ascending by value. */
export const SECURE_OPTION_BITS: readonly SecureOptionBit[] = Object.freeze([
  bit('SSL_OP_NO_EXTENDED_MASTER_SECRET', 0, 'weakens', 'disables the extended master secret (RFC 7627), re-opening triple-handshake attacks', false),
  bit('SSL_OP_CLEANSE_PLAINTEXT', 1, 'neutral', 'wipes plaintext buffers after use', false),
  bit('SSL_OP_LEGACY_SERVER_CONNECT', 2, 'weakens', 'allows connecting to servers without secure renegotiation (RFC 5746)', true, 'client'),
  bit('SSL_OP_ENABLE_KTLS', 3, 'neutral', 'kernel TLS offload', false),
  bit('SSL_OP_TLSEXT_PADDING', 4, 'neutral', 'ClientHello padding workaround (part of SSL_OP_ALL)', false),
  bit('SSL_OP_SAFARI_ECDHE_ECDSA_BUG', 6, 'neutral', 'Safari interoperability workaround (part of SSL_OP_ALL)', false),
  bit(
    'SSL_OP_IGNORE_UNEXPECTED_EOF',
    7,
    'neutral',
    'treats a missing close_notify as a clean close; Node does so with or without it (the stream ends, no error)',
    false,
  ),
  bit(
    'SSL_OP_ALLOW_CLIENT_RENEGOTIATION',
    8,
    'neutral',
    'server accepts client-initiated renegotiation (Node sets it; limited by tls.CLIENT_RENEG_LIMIT)',
    false,
  ),
  bit('SSL_OP_DISABLE_TLSEXT_CA_NAMES', 9, 'neutral', 'does not send the certificate_authorities extension', false),
  bit('SSL_OP_ALLOW_NO_DHE_KEX', 10, 'weakens', 'allows TLS 1.3 PSK resumption without (EC)DHE, losing forward secrecy'),
  bit('SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS', 11, 'weakens', 'turns off the BEAST countermeasure for TLS 1.0 CBC (part of SSL_OP_ALL)'),
  bit('SSL_OP_NO_QUERY_MTU', 12, 'neutral', 'DTLS only'),
  bit('SSL_OP_COOKIE_EXCHANGE', 13, 'neutral', 'DTLS only'),
  bit('SSL_OP_NO_TICKET', 14, 'hardening', 'disables session tickets (good unless ticket keys are rotated)'),
  bit('SSL_OP_CISCO_ANYCONNECT', 15, 'neutral', 'DTLS interoperability workaround'),
  bit('SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION', 16, 'neutral', 'always starts a new session on renegotiation'),
  bit('SSL_OP_NO_COMPRESSION', 17, 'neutral', 'Node already disables TLS compression globally'),
  bit(
    'SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION',
    18,
    'weakens',
    'lets a server renegotiate with, and a client connect to, a peer without secure renegotiation (RFC 5746), the fix for CVE-2009-3555',
  ),
  bit('SSL_OP_NO_ENCRYPT_THEN_MAC', 19, 'weakens', 'disables encrypt-then-MAC for CBC suites (padding-oracle exposure)'),
  bit('SSL_OP_ENABLE_MIDDLEBOX_COMPAT', 20, 'neutral', 'TLS 1.3 middlebox compatibility mode (OpenSSL default)', false),
  bit('SSL_OP_PRIORITIZE_CHACHA', 21, 'neutral', 'prefers ChaCha20 when the client does'),
  bit('SSL_OP_CIPHER_SERVER_PREFERENCE', 22, 'neutral', 'server cipher order (what honorCipherOrder: true sets)'),
  bit(
    'SSL_OP_TLS_ROLLBACK_BUG',
    23,
    'neutral',
    'accepts an RSA premaster secret that carries the negotiated version instead of the offered one; the Finished messages still cover the offered version',
  ),
  bit('SSL_OP_NO_ANTI_REPLAY', 24, 'neutral', 'TLS 1.3 early-data anti-replay; Node does not enable early data', false),
  bit('SSL_OP_NO_SSLv3', 25, 'legacy-hardening', 'SSLv3 is already off in Node; use minVersion instead'),
  bit('SSL_OP_NO_TLSv1', 26, 'legacy-hardening', "disables TLS 1.0; minVersion: 'TLSv1.2' says it directly"),
  bit('SSL_OP_NO_TLSv1_2', 27, 'weakens', 'disables TLS 1.2, a modern version'),
  bit('SSL_OP_NO_TLSv1_1', 28, 'legacy-hardening', "disables TLS 1.1; minVersion: 'TLSv1.2' says it directly"),
  bit('SSL_OP_NO_TLSv1_3', 29, 'weakens', 'disables TLS 1.3, the most secure version'),
  bit('SSL_OP_NO_RENEGOTIATION', 30, 'hardening', 'disables all renegotiation'),
  bit('SSL_OP_CRYPTOPRO_TLSEXT_BUG', 31, 'neutral', 'GOST interoperability workaround (part of SSL_OP_ALL)'),
]);

/** `SSL_OP_ALL` on OpenSSL 3.0 (a bundle of workarounds, not a single bit). */
export const SSL_OP_ALL = 2147485776;

const VERSION_BITS: Readonly<Record<string, TlsVersion>> = {
  SSL_OP_NO_TLSv1: 'TLSv1',
  SSL_OP_NO_TLSv1_1: 'TLSv1.1',
  SSL_OP_NO_TLSv1_2: 'TLSv1.2',
  SSL_OP_NO_TLSv1_3: 'TLSv1.3',
};

export interface SecureOptionsAnalysis {
  /** Set bits whose verdict is `weakens`. */
  weakening: SecureOptionBit[];
  /** TLS versions switched off by `SSL_OP_NO_TLSv1*` bits, ascending. */
  disabledVersions: TlsVersion[];
  /** Every set bit found in SECURE_OPTION_BITS, ascending. */
  known: SecureOptionBit[];
  /** Set bits (as bit positions) that are not in the table. */
  unknownBits: number[];
}

/**
 * Decodes a `secureOptions` mask. Node requires an integer (it throws on
 * anything else); a non-integer mask decodes to nothing. Negative integers are
 * read as Node passes them to OpenSSL: two's complement, 64 bits.
 */
export function analyzeSecureOptions(mask: number): SecureOptionsAnalysis {
  const result: SecureOptionsAnalysis = { weakening: [], disabledVersions: [], known: [], unknownBits: [] };
  if (!Number.isSafeInteger(mask)) return result;
  const bits = BigInt.asUintN(64, BigInt(mask));
  for (let n = 0; n < 64; n++) {
    if (((bits >> BigInt(n)) & 1n) === 0n) continue;
    const entry = SECURE_OPTION_BITS.find((b) => b.value === 2 ** n);
    if (!entry) {
      result.unknownBits.push(n);
      continue;
    }
    result.known.push(entry);
    if (entry.verdict === 'weakens') result.weakening.push(entry);
    const version = VERSION_BITS[entry.name];
    if (version) result.disabledVersions.push(version);
  }
  return result;
}
