/**
 * src/policy: what counts as weak TLS configuration. Pure data and functions,
 * no imports beyond Node built-ins; shared by the ESLint rules and the runtime
 * guard.
 */
export {
  DEFAULT_MAX_VERSION,
  DEFAULT_MIN_VERSION,
  TLS_VERSIONS,
  compareTlsVersions,
  isLegacyTlsVersion,
  isTlsVersion,
  versionsBetween,
  type TlsVersion,
} from './versions.js';
export { secureProtocolInfo, type SecureProtocolInfo } from './secure-protocol.js';
export { SECURE_OPTION_BITS, SSL_OP_ALL, analyzeSecureOptions, type SecureOptionBit, type SecureOptionsAnalysis } from './secure-options.js';
export { effectiveVersionRange, type VersionOptions, type VersionRange } from './version-range.js';
export { CIPHER_SUITES, DEFAULT_TLS13_SUITES, suiteByIana, suiteByName, type CipherSuite } from './ciphers/suites.js';
export {
  NODE_DEFAULT_CIPHERS,
  evaluateCipherString,
  evaluateOptionsOf,
  expandOpenSSLCipherList,
  type CipherEvaluation,
  type EvaluateOptions,
} from './ciphers/evaluate.js';
export { judgeCiphers, newestVerdict, type JudgeOptions } from './ciphers/judge.js';
export { OPENSSL_DEFAULT_RULE } from './ciphers/engine.js';
export {
  DEFAULT_SECURITY_LEVEL,
  IMPACT,
  compiledIn,
  describeSuites,
  offeredSuites,
  usableAtSecurityLevel,
  weakSuites,
  weaknessReasons,
  type CipherPolicy,
  type OfferOptions,
  type WeakSuite,
} from './ciphers/weak.js';
export {
  FACT_BOUNDARIES,
  NEWEST_KNOWN_MAJOR,
  OLDEST_MODELLED,
  SPLITS_NEGATED_TLS13,
  SUPPORTED_NODE_AS_OF,
  SUPPORTED_NODE_RANGE,
  compareNodeVersions,
  currentTarget,
  formatNodeVersion,
  newestMajorOf,
  nodeFacts,
  opensslFamilies,
  parseNodeVersion,
  targetOf,
  type NodeFacts,
  type NodeTarget,
  type NodeVersion,
  type OpenSSLFamily,
} from './node-releases.js';
export { MIN_DH_SIZE, weakCurves, weakSigalgs, type HandshakeTarget } from './curves.js';
export { PROFILES, type Profile, type ProfileName } from './profiles.js';
export { CHECKED_OPTIONS, checkTlsOptions, type CheckContext, type PolicyFinding } from './check.js';
export {
  EXTRA_CA_VAR,
  NODE_OPTIONS_VAR,
  REJECT_UNAUTHORIZED_VAR,
  WEAK_TLS_FLAGS,
  disablesVerification,
  judgeEnvSetting,
  npmConfigFalse,
  yarnBerryFalse,
  weakCipherListFlag,
  weakTlsFlag,
  weakTlsFlagIn,
  weakTlsFlagInFragments,
  type KnownFragment,
  type EnvVerdict,
  type WeakTlsFlag,
} from './env.js';
export * from './tools.js';
