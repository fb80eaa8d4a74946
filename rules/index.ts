import noInsecureTlsEnv from './no-insecure-tls-env.js';
import noUnverifiedCertificate from './no-unverified-certificate.js';
import noUnverifiedHostname from './no-unverified-hostname.js';
import preferSecureContext from './prefer-secure-context.js';

/** Every rule of the plugin, by name (without the `tlsguard/` prefix). */
export const rules = {
  'no-insecure-tls-env': noInsecureTlsEnv,
  'no-unverified-certificate': noUnverifiedCertificate,
  'no-unverified-hostname': noUnverifiedHostname,
  'prefer-secure-context': preferSecureContext,
};
