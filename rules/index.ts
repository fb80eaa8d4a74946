import noInsecureTlsEnv from './no-insecure-tls-env.js';
import noUnverifiedCertificate from './no-unverified-certificate.js';
import noUnverifiedHostname from './no-unverified-hostname.js';

/** Every rule of the plugin, by name (without the `tlsguard/` prefix). */
export const rules = {
  'no-insecure-tls-env': noInsecureTlsEnv,
  'no-unverified-certificate': noUnverifiedCertificate,
  'no-unverified-hostname': noUnverifiedHostname,
};
