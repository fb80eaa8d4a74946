/**
 * Node's own TLS APIs (the sink rows in `sinks.ts`) as closed APIs: `tls.connect()`, `https.request()`,
 * `new https.Agent()`, `http2.connect()` and the servers read only their documented arguments, and
 * Node reads no library's option spellings (`strictSSL`, `tlsInsecure`...). An object at a position
 * or path that is not their TLS options (`https.request(url, { headers })`, `http2.connect(authority)`)
 * is not a TLS option bag.
 */
import { CORE_SINKS } from '../sinks.js';
import type { CatalogueSection } from './model.js';

export const nodeCore: CatalogueSection = {
  packages: [],
  closedApis: CORE_SINKS.map(({ label, module, exports, invoke }) => ({ label, module, exports, invoke })),
};
