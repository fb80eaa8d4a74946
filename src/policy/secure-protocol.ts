/**
 * `secureProtocol` method names (node-tls.md 1.7, corrected against Node's
 * `SecureContext::Init` and measured on Node 20.20.2 / OpenSSL 3.0.19):
 *
 * | method (+ `_client_method` / `_server_method`) | Node does | kind |
 * |---|---|---|
 * | `SSLv2_method`, `SSLv3_method` | throws "methods disabled" | `disabled` |
 * | `TLSv1_method`, `TLSv1_1_method` | pins that version | `legacy` |
 * | `TLSv1_2_method` | pins TLS 1.2 (1.3 off) | `pins-tls12` |
 * | `SSLv23_method` | max TLS 1.2 (1.3 off), min stays `tls.DEFAULT_MIN_VERSION` | `pins-tls12` |
 * | `TLS_method` | min lowered to TLS 1.0 (OpenSSL's lowest), max TLS 1.3 | `legacy` |
 * | anything else (`TLSv1_3_method`, `DTLS_method`, `''`) | throws `ERR_TLS_INVALID_PROTOCOL_METHOD` | `invalid` |
 *
 * `default-alias` stays in the type for API stability but no method maps to
 * it: neither `SSLv23_method` nor `TLS_method` leaves the default range as it
 * is (see src/policy/README.md).
 */
import type { TlsVersion } from './versions.js';

export interface SecureProtocolInfo {
  method: string;
  /**
   * - `disabled`: SSLv2/SSLv3 methods; Node throws, so nothing connects, but the intent is legacy.
   * - `legacy`: allows TLS 1.0 and/or 1.1.
   * - `pins-tls12`: TLS 1.2 at most (TLS 1.3 is off).
   * - `default-alias`: reserved; not returned (see above).
   * - `invalid`: Node throws `ERR_TLS_INVALID_PROTOCOL_METHOD`.
   */
  kind: 'legacy' | 'disabled' | 'pins-tls12' | 'default-alias' | 'invalid';
  /**
   * The versions the method allows with Node's built-in default minimum
   * (TLSv1.2); `[]` when Node throws. `null` is reserved for `default-alias`.
   */
  versions: readonly TlsVersion[] | null;
}

const METHOD = /^(SSLv2|SSLv3|TLSv1|TLSv1_1|TLSv1_2|TLS|SSLv23)_(?:client_|server_)?method$/;

export function secureProtocolInfo(method: string): SecureProtocolInfo {
  switch (METHOD.exec(method)?.[1]) {
    case 'SSLv2':
    case 'SSLv3':
      return { method, kind: 'disabled', versions: [] };
    case 'TLSv1':
      return { method, kind: 'legacy', versions: ['TLSv1'] };
    case 'TLSv1_1':
      return { method, kind: 'legacy', versions: ['TLSv1.1'] };
    case 'TLS':
      return { method, kind: 'legacy', versions: ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] };
    case 'TLSv1_2':
    case 'SSLv23':
      return { method, kind: 'pins-tls12', versions: ['TLSv1.2'] };
    default:
      return { method, kind: 'invalid', versions: [] };
  }
}
