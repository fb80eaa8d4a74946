/**
 * Type-level refusals for the factories' parameters: a key the caller spells out (a required
 * property of the argument's type, as in an object literal) whose type holds nothing but
 * insecure values becomes `never`, so `secureClientOptions({ rejectUnauthorized: false })` is a
 * compile error as well as a run-time {@link InsecureTlsOptionError}. Keys that are merely
 * optional in a declared type (`tls.ConnectionOptions` has `secureProtocol?: string`) and values
 * that may be secure (`rejectUnauthorized: boolean`) are left to the run-time check.
 *
 * @module
 */

/** `{ K?: never }` when `K` is spelled out in `T` with only `Bad` values, else no constraint. */
type Refused<T, K extends PropertyKey, Bad> = K extends keyof T
  ? Record<never, never> extends Pick<T, K>
    ? unknown
    : [Exclude<T[K], undefined>] extends [never]
      ? unknown
      : [Exclude<T[K], undefined>] extends [Bad]
        ? { [P in K]?: never }
        : unknown
  : unknown;

type LegacyVersion = 'TLSv1' | 'TLSv1.1';

/**
 * The refusals: `rejectUnauthorized: false`, a legacy `minVersion`/`maxVersion`, any
 * `secureProtocol` (it conflicts with the `minVersion` the factories set).
 */
export type RefuseInsecure<T> = Refused<T, 'rejectUnauthorized', false> &
  Refused<T, 'minVersion', LegacyVersion> &
  Refused<T, 'maxVersion', LegacyVersion> &
  Refused<T, 'secureProtocol', string>;

/**
 * The server's refusals: as {@link RefuseInsecure} without `rejectUnauthorized` (on a server it
 * only matters with `requestCert: true`, which the run-time check judges).
 */
export type RefuseInsecureServer<T> = Refused<T, 'minVersion', LegacyVersion> & Refused<T, 'maxVersion', LegacyVersion> & Refused<T, 'secureProtocol', string>;
