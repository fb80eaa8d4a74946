/**
 * Node's `ciphers` option, evaluated: Node splits the string on `:` and sends
 * entries starting with `TLS_` (and, from Node 20.10 / 21, `!TLS_`) to
 * SSL_CTX_set_ciphersuites (TLS 1.3) and the rest to SSL_CTX_set_cipher_list
 * (TLS <= 1.2); see node-tls.md 1.8 and `processCiphers` in
 * lib/internal/tls/secure-context.js. What is refused depends on the OpenSSL
 * family (EvaluateOptions).
 */
import type { OpenSSLFamily } from '../node-releases.js';
import { buildCipherList } from './engine.js';
import { DEFAULT_TLS13_SUITES, suiteByIana, type CipherSuite } from './suites.js';

/** Which Node evaluates the string. The defaults are the newest Node's behaviour. */
export interface EvaluateOptions {
  /** OpenSSL 3 (Node >= 17, default) or 1.1 (Node 10 - 16): decides which strings createSecureContext refuses. */
  family?: OpenSSLFamily;
  /**
   * `!TLS_…` entries go to the TLS 1.3 half (default true: Node >= 20.10 / 21). When false
   * (Node <= 20.9 and 18.x), they land in the TLS <= 1.2 list and match nothing there
   * (node-releases.ts SPLITS_NEGATED_TLS13).
   */
  splitsNegatedTls13?: boolean;
}

/** The evaluate options of one Node release (its nodeFacts). */
export function evaluateOptionsOf(facts: { readonly opensslFamily: OpenSSLFamily; readonly splitsNegatedTls13: boolean }): Required<EvaluateOptions> {
  return { family: facts.opensslFamily, splitsNegatedTls13: facts.splitsNegatedTls13 };
}

/** Node 20's `tls.DEFAULT_CIPHERS` (`crypto.constants.defaultCipherList`). */
export const NODE_DEFAULT_CIPHERS =
  'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:' +
  'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:' +
  'ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:' +
  'DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:' +
  'DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA';

export interface CipherEvaluation {
  /** Effective ordered suite list for TLS <= 1.2 (over the full table, legacy suites included). */
  tls12: CipherSuite[];
  /** TLS 1.3 suites from `TLS_` names, or Node's default three if none are given. */
  tls13: CipherSuite[];
  /** True when the string had `TLS_`/`!TLS_` entries (Node then calls setCipherSuites). */
  tls13Explicit: boolean;
  /** From the last valid `@SECLEVEL=n`; undefined when the string does not set it. */
  securityLevel: number | undefined;
  /** Words that matched nothing (ignored by OpenSSL), including unknown `TLS_` names. */
  unknownTokens: string[];
  /**
   * What createSecureContext throws for this string on the evaluated Node, if
   * anything. OpenSSL 3 skips unknown TLS 1.3 names and fails only when none
   * is found; OpenSSL 1.1.1 fails on any TLS 1.3-half name that is not a suite
   * compiled into it. Both fail SSL_CTX_set_cipher_list when no compiled-in
   * suite results. With `ERR_SSL_NO_CIPHER_MATCH` the TLS <= 1.2 list still
   * shows what the string asks for (e.g. `RC4-SHA`: not compiled in, but a
   * weak intent); Node throws, so nothing is offered.
   */
  error: 'ERR_SSL_INVALID_COMMAND' | 'ERR_SSL_NO_CIPHER_MATCH' | 'ERR_INVALID_ARG_VALUE' | undefined;
  /** No TLS <= 1.2 entries: Node raises the minimum version to TLS 1.3. */
  forcesTls13: boolean;
  /** The string as Node split it. */
  cipherList: string;
  cipherSuites: string;
  /** Suite B prefix (SUITEB128, SUITEB128ONLY, SUITEB128C2, SUITEB192) if one replaced the list. */
  suiteB: string | undefined;
}

/**
 * Evaluates a Node `ciphers` string. `''` means Node's default list (Node
 * does `ciphers || tls.DEFAULT_CIPHERS`).
 */
export function evaluateCipherString(spec: string, options: EvaluateOptions = {}): CipherEvaluation {
  const family = options.family ?? '3';
  const inFamily = (x: CipherSuite): boolean => (family === '3' ? x.inOpenSSL3 : x.inOpenSSL11);
  const entries = (spec === '' ? NODE_DEFAULT_CIPHERS : spec).split(':');
  const negated = options.splitsNegatedTls13 ?? true;
  const isTls13Entry = (e: string): boolean => e.startsWith('TLS_') || (negated && e.startsWith('!TLS_'));
  const cipherList = entries.filter((e) => e.length > 0 && !isTls13Entry(e)).join(':');
  const cipherSuites = entries.filter((e) => e.length > 0 && isTls13Entry(e)).join(':');

  const unknownTokens: string[] = [];
  let error: CipherEvaluation['error'];
  if (cipherList === '' && cipherSuites === '') error = 'ERR_INVALID_ARG_VALUE';

  // SSL_CTX_set_ciphersuites: names looked up by IANA name in every table; unknown ones skipped.
  const tls13: CipherSuite[] = [];
  const leadingTls12: CipherSuite[] = [];
  let refusedName = false;
  if (cipherSuites !== '') {
    for (const raw of cipherSuites.split(':')) {
      const name = raw.trim();
      const suite = suiteByIana(name);
      if (!suite) {
        if (name !== '') {
          unknownTokens.push(name);
          refusedName = true;
        }
        continue;
      }
      if (!inFamily(suite)) refusedName = true;
      const target = suite.protocol === 'TLSv1.3' ? tls13 : leadingTls12;
      if (!target.includes(suite)) target.push(suite);
    }
    if (family === '3') {
      // OpenSSL 3 finds only names in its table: the usable suites plus IDEA/SEED (still in the
      // table, but their ciphers live in the legacy provider). Other legacy names are kept as intent.
      const found = [...tls13, ...leadingTls12].some((x) => x.inOpenSSL3 || x.enc === 'IDEA' || x.enc === 'SEED');
      if (!found && error === undefined) error = 'ERR_SSL_NO_CIPHER_MATCH';
    } else if (refusedName && error === undefined) {
      // OpenSSL 1.1.1 refuses the whole list for one name it has not compiled in (an unknown name, RC4, 3DES ...).
      error = 'ERR_SSL_NO_CIPHER_MATCH';
    }
  }

  const built = buildCipherList(cipherList);
  unknownTokens.push(...built.unknownTokens);
  let tls12 = built.suites.map((b) => b.suite);
  // A TLS <= 1.2 suite named in the TLS 1.3 half is put in front of the list by OpenSSL.
  tls12 = [...leadingTls12, ...tls12.filter((s) => !leadingTls12.includes(s))];
  if (error === undefined) {
    if (built.invalidCommand !== undefined) error = 'ERR_SSL_INVALID_COMMAND';
    // SSL_CTX_set_cipher_list fails when no TLS <= 1.2 suite results (suites named in the TLS 1.3 half count).
    else if (cipherList !== '' && !tls12.some(inFamily)) error = 'ERR_SSL_NO_CIPHER_MATCH';
  }
  return {
    tls12,
    tls13: cipherSuites === '' ? [...DEFAULT_TLS13_SUITES] : tls13,
    tls13Explicit: cipherSuites !== '',
    securityLevel: built.securityLevel,
    unknownTokens,
    error,
    forcesTls13: cipherList === '',
    cipherList,
    cipherSuites,
    suiteB: built.suiteB,
  };
}

/** The suites of a TLS <= 1.2 OpenSSL cipher-list string alone (no Node split). */
export function expandOpenSSLCipherList(rule: string): CipherSuite[] {
  return buildCipherList(rule).suites.map((b) => b.suite);
}
