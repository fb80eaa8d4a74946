import noInsecureTlsConfig from './no-insecure-tls-config.js';
import noInsecureTlsEnv from './no-insecure-tls-env.js';
import noLegacyTlsApi from './no-legacy-tls-api.js';
import noLegacyTlsVersion from './no-legacy-tls-version.js';
import noUnverifiedCertificate from './no-unverified-certificate.js';
import noUnverifiedHostname from './no-unverified-hostname.js';
import noPlaintextFallback from './no-plaintext-fallback.js';
import noWeakCipher from './no-weak-cipher.js';
import preferSecureContext from './prefer-secure-context.js';
import requireServername from './require-servername.js';

/** Every rule of the plugin, by name (without the `tlsguard/` prefix). */
export const rules = {
  'no-insecure-tls-config': noInsecureTlsConfig,
  'no-insecure-tls-env': noInsecureTlsEnv,
  'no-legacy-tls-api': noLegacyTlsApi,
  'no-legacy-tls-version': noLegacyTlsVersion,
  'no-unverified-certificate': noUnverifiedCertificate,
  'no-unverified-hostname': noUnverifiedHostname,
  'no-plaintext-fallback': noPlaintextFallback,
  'no-weak-cipher': noWeakCipher,
  'prefer-secure-context': preferSecureContext,
  'require-servername': requireServername,
};
