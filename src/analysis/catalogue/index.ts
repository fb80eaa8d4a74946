/**
 * The library catalogue: every section's rows registered into the sink catalogue (`sinks.ts`),
 * the agent slots, the alias rows, and the packages whose type declarations are TLS-related.
 * Adding a library: add a section (or rows to one) and list it below, plus its tests.
 */
import { registerSinks } from '../sinks.js';
import { registerTlsPackages } from '../tls-types.js';
import { registerAgentSlots } from './describe.js';
import { registerClosedApis } from './closed.js';
import * as browsers from './browsers.js';
import * as databases from './databases.js';
import * as httpClients from './http-clients.js';
import * as messaging from './messaging.js';
import * as nodeCore from './node-core.js';
import type { AliasRow, CatalogueSection } from './model.js';

export * from './model.js';
export { allAgentSlots, describeSink } from './describe.js';
export { allClosedApis, closedApiOf } from './closed.js';

export const CATALOGUE: Readonly<Record<string, CatalogueSection>> = { ...nodeCore, ...httpClients, ...messaging, ...databases, ...browsers };

const aliases: AliasRow[] = [];

for (const section of Object.values(CATALOGUE)) {
  registerSinks(section.sinks ?? []);
  registerAgentSlots(section.agentSlots ?? []);
  registerTlsPackages(section.packages);
  registerClosedApis(section.closedApis ?? []);
  aliases.push(...(section.aliases ?? []));
}

export function allAliases(): readonly AliasRow[] {
  return aliases;
}
