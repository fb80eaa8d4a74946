/**
 * What drivers make of a connection string's TLS parameters, read from their source: one function
 * per driver whose rows need more than one parameter. It is code, so it lives in analysis; the
 * catalogue's rows in `catalogue/databases.ts` call it. test/analysis/precedence.test.ts compares
 * it with the real parser (`pgTls agrees with pg`).
 */
import type { UrlParams } from './connection-strings.js';

/**
 * What pg 8.23 (with pg-connection-string 2.14) makes of a connection string's TLS parameters
 * (`index.js` `parse`, then `lib/connection-parameters.js`): `'cert-off'` (`rejectUnauthorized:
 * false`), `'host-off'` (a no-op `checkServerIdentity`), `'verified'`, `'plain'` (no TLS), `'none'`
 * (the string sets no TLS option), `'rejected'` (pg throws: the client cannot be built), or
 * `undefined` when a parameter it depends on is unknown.
 * - Names are read as written (`URLSearchParams`); the last duplicate wins.
 * - `sslmode`, `sslcert`, `sslkey` or `sslrootcert` with a non-empty value make `ssl` an object
 *   (`{}` plus the files); otherwise an `ssl` parameter is kept as written (`true`/`1` -> true,
 *   `0` -> false, `no-verify` -> `{ rejectUnauthorized: false }`), and `sslnegotiation=direct` alone
 *   means `ssl: true`.
 * - Without `uselibpqcompat=true`: `sslmode=disable` is plaintext, `no-verify` turns verification
 *   off, and `prefer`, `require`, `verify-ca`, `verify-full` (and any other value) verify fully.
 * - With `uselibpqcompat=true` (libpq's meanings): `prefer` turns verification off; `require` turns
 *   it off, or with `sslrootcert` keeps the chain check and drops the hostname check; `verify-ca`
 *   drops the hostname check (and throws without `sslrootcert`); `verify-full`, `no-verify` and other
 *   values verify fully.
 * - `sslnegotiation` other than `postgres` or `direct` throws, and so does `direct` without TLS.
 */
export type PgTls = 'cert-off' | 'host-off' | 'verified' | 'plain' | 'none' | 'rejected';

export function pgTls(params: UrlParams): PgTls | undefined {
  const negotiation = params.get('sslnegotiation');
  if (negotiation === undefined) return undefined;
  if (negotiation !== null && negotiation !== 'postgres' && negotiation !== 'direct') return 'rejected';
  const tls = pgStringTls(params);
  return tls === 'plain' && negotiation === 'direct' ? 'rejected' : tls;
}

function pgStringTls(params: UrlParams): PgTls | undefined {
  const filled = (k: string): boolean | undefined => {
    const v = params.get(k);
    return v === undefined ? undefined : v !== null && v !== '';
  };
  const files = ['sslcert', 'sslkey', 'sslrootcert', 'sslmode'].map(filled);
  if (files.includes(true)) {
    const mode = params.get('sslmode');
    const libpq = params.get('uselibpqcompat');
    if (mode === undefined || libpq === undefined) return undefined;
    if (mode === 'disable') return 'plain';
    if (libpq !== 'true') return mode === 'no-verify' ? 'cert-off' : 'verified';
    const rootcert = filled('sslrootcert');
    if (mode === 'prefer') return 'cert-off';
    if (mode === 'require' || mode === 'verify-ca')
      return rootcert === undefined ? undefined : rootcert ? 'host-off' : mode === 'require' ? 'cert-off' : 'rejected';
    return 'verified';
  }
  if (files.includes(undefined)) return undefined;
  const ssl = params.get('ssl');
  if (ssl === undefined) return undefined;
  if (ssl !== null) return ssl === 'no-verify' ? 'cert-off' : ssl === '0' || ssl === '' ? 'plain' : 'verified';
  return params.get('sslnegotiation') === 'direct' ? 'verified' : 'none';
}
