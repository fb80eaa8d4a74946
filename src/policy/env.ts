/**
 * Process-wide TLS settings that come from the environment and Node's command line: the
 * `NODE_TLS_REJECT_UNAUTHORIZED` variable and the TLS flags Node accepts on its command line and in
 * `NODE_OPTIONS`. Pure data and functions: the ESLint rule `no-insecure-tls-env` (JS code) and
 * `no-insecure-tls-config` (scripts, env files, containers, CI) both judge through these.
 *
 * Node's semantics (lib/internal/options, lib/_tls_wrap.js):
 * - `NODE_TLS_REJECT_UNAUTHORIZED`: certificate verification is off exactly when the variable's
 *   string value is `'0'` (`process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0'`); `'1'`, `''`,
 *   `'false'`, `' 0'` leave it on.
 * - `--tls-min-v1.0` / `--tls-min-v1.1` lower `tls.DEFAULT_MIN_VERSION`; `--tls-max-v1.2` lowers
 *   `tls.DEFAULT_MAX_VERSION`; `--tls-keylog=file` writes every session's key material;
 *   `--tls-cipher-list=list` replaces the default cipher list. All are allowed in `NODE_OPTIONS`.
 */
import { evaluateCipherString } from './ciphers/evaluate.js';
import { weakSuites } from './ciphers/weak.js';

export const REJECT_UNAUTHORIZED_VAR = 'NODE_TLS_REJECT_UNAUTHORIZED';
export const NODE_OPTIONS_VAR = 'NODE_OPTIONS';
/** The safe way to trust a private CA process-wide (added to the default roots, not replacing them). */
export const EXTRA_CA_VAR = 'NODE_EXTRA_CA_CERTS';

/** Does this value of `NODE_TLS_REJECT_UNAUTHORIZED` turn certificate verification off? */
export function disablesVerification(value: string): boolean {
  return value === '0';
}

export type WeakTlsFlag = {
  /** The flag without its `=value`. */
  readonly flag: string;
  /** What it does, completing "`flag` …": e.g. "allows TLS 1.0 by default". */
  readonly effect: string;
};

/** Node command-line flags that weaken TLS for the whole process, with what each does. */
export const WEAK_TLS_FLAGS: readonly { readonly pattern: RegExp; readonly effect: string }[] = [
  { pattern: /^--tls-min-v1\.0$/, effect: 'allows TLS 1.0 by default' },
  { pattern: /^--tls-min-v1\.1$/, effect: 'allows TLS 1.1 by default' },
  { pattern: /^--tls-max-v1\.2$/, effect: 'disables TLS 1.3 by default' },
  { pattern: /^--tls-keylog(=.*)?$/, effect: 'writes TLS session keys to a file, so recorded traffic can be decrypted' },
];

/** One command-line word: a weak TLS flag, or undefined. */
export function weakTlsFlag(token: string): WeakTlsFlag | undefined {
  const hit = WEAK_TLS_FLAGS.find((f) => f.pattern.test(token));
  return hit ? { flag: token.replace(/=.*$/, ''), effect: hit.effect } : undefined;
}

/** The first weak flag among the whitespace-separated words of a `NODE_OPTIONS` value. */
export function weakTlsFlagIn(value: string): WeakTlsFlag | undefined {
  for (const token of value.split(/\s+/)) {
    const hit = weakTlsFlag(token);
    if (hit) return hit;
  }
  return undefined;
}

/** A known piece of a partly known string (see `stringFragments` in src/analysis). */
export interface KnownFragment {
  readonly text: string;
  readonly atStart: boolean;
  readonly atEnd: boolean;
}

/**
 * A weak flag written whole inside a known piece of a partly known string: a token counts when
 * whitespace (or the start or end of the string) bounds it on both sides, so unknown text cannot
 * be glued to it. `--tls-keylog=` followed by an unknown file name is the keylog flag too.
 */
export function weakTlsFlagInFragments(fragments: readonly KnownFragment[]): WeakTlsFlag | undefined {
  for (const f of fragments) {
    const tokens = f.text.split(/\s+/);
    const openStart = !f.atStart && !/^\s/.test(f.text);
    const openEnd = !f.atEnd && !/\s$/.test(f.text);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] ?? '';
      if (token === '' || (i === 0 && openStart)) continue;
      if (i === tokens.length - 1 && openEnd) {
        if (token.startsWith('--tls-keylog=')) return weakTlsFlagIn(token);
        continue;
      }
      const hit = weakTlsFlagIn(token);
      if (hit) return hit;
    }
  }
  return undefined;
}

/**
 * `--tls-cipher-list=<list>` (one word, fully known): the suites of the list that the
 * `recommended` cipher policy calls weak, as an effect; undefined when none is (or the list does
 * not parse, so Node refuses to start). Used by the config-file rule; `no-insecure-tls-env`
 * leaves cipher lists to `no-weak-cipher`.
 */
export function weakCipherListFlag(token: string): WeakTlsFlag | undefined {
  const m = /^--tls-cipher-list=(.+)$/.exec(token);
  if (!m?.[1]) return undefined;
  const evaluation = evaluateCipherString(m[1]);
  if (evaluation.error) return undefined;
  const weak = weakSuites(evaluation, 'recommended');
  if (weak.length === 0) return undefined;
  const names = weak
    .slice(0, 3)
    .map((w) => w.suite.name)
    .join(', ');
  return { flag: '--tls-cipher-list', effect: `makes weak cipher suites (${names}${weak.length > 3 ? ', …' : ''}) the default` };
}

/** What setting one environment variable to one value does to TLS, for the config-file rule. */
export type EnvVerdict =
  | { readonly kind: 'reject-unauthorized' }
  | { readonly kind: 'node-options'; readonly flag: string; readonly effect: string }
  | { readonly kind: 'strict-ssl'; readonly setting: string; readonly tool: string }
  | { readonly kind: 'git-ssl-verify'; readonly setting: string };

/**
 * The verdict on `name=value` in a process environment, or undefined when it is harmless:
 * `NODE_TLS_REJECT_UNAUTHORIZED=0`; a weak TLS flag or a weak `--tls-cipher-list` in
 * `NODE_OPTIONS` (whitespace-separated, as Node splits it); npm's `npm_config_strict_ssl=false`
 * (npm reads `npm_config_*` whatever the case of the name; pnpm reads them too); Yarn 2+'s
 * `YARN_ENABLE_STRICT_SSL=false`/`0`; and `GIT_SSL_NO_VERIFY` (git turns verification off when it is
 * set at all, whatever the value: `if (getenv("GIT_SSL_NO_VERIFY"))` in git's http.c).
 */
export function judgeEnvSetting(name: string, value: string): EnvVerdict | undefined {
  if (name === REJECT_UNAUTHORIZED_VAR) return disablesVerification(value) ? { kind: 'reject-unauthorized' } : undefined;
  if (name === NODE_OPTIONS_VAR) {
    for (const token of value.split(/\s+/)) {
      const hit = weakTlsFlag(token) ?? weakCipherListFlag(token);
      if (hit) return { kind: 'node-options', ...hit };
    }
    return undefined;
  }
  const lower = name.toLowerCase();
  if (lower === 'npm_config_strict_ssl' && npmConfigFalse(value)) return { kind: 'strict-ssl', setting: `${name}=${value}`, tool: 'npm' };
  if (name === 'YARN_ENABLE_STRICT_SSL' && yarnBerryFalse(value)) return { kind: 'strict-ssl', setting: `${name}=${value}`, tool: 'Yarn' };
  if (name === 'GIT_SSL_NO_VERIFY') return { kind: 'git-ssl-verify', setting: `${name}=${value}` };
  return undefined;
}

/**
 * npm's value for a boolean setting is false for the text `false` (.npmrc, `npm config set`,
 * `--strict-ssl=false`, `npm_config_*`; surrounding quotes and blanks are stripped by the .npmrc
 * reader). Other texts are left alone: `npm config get strict-ssl` keeps `0`, `no` and `off` as
 * strings, not the boolean.
 */
export function npmConfigFalse(value: string): boolean {
  return value === 'false';
}

/** Yarn 2+ reads a boolean setting from `false`/`0` (and `true`/`1`), as text or YAML. */
export function yarnBerryFalse(value: string): boolean {
  return value === 'false' || value === '0';
}
