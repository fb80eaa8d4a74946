/**
 * The library catalogue: one frozen object built from the sections on first use (`catalogue()`),
 * with its indexes. Nothing is registered at import time: importing any analysis module sees the
 * whole catalogue. Adding a library: add a section (or rows to one) in its family's file, list the
 * file below if it is new, plus its tests.
 */
import { awsCdk } from './aws-cdk.js';
import * as browsers from './browsers.js';
import * as databases from './databases.js';
import * as httpClients from './http-clients.js';
import * as httpProxies from './http-proxies.js';
import * as messaging from './messaging.js';
import { nodeCore } from './node-core.js';
import type { Catalogue, CatalogueSection } from './model.js';

export * from './model.js';

/** Every section by name, Node's own first (its sinks are searched first). */
export const CATALOGUE: Readonly<Record<string, CatalogueSection>> = Object.freeze({
  nodeCore,
  ...httpClients,
  ...httpProxies,
  ...messaging,
  ...databases,
  ...browsers,
  awsCdk,
});

function typesPackageName(p: string): string {
  if (!p.startsWith('@types/')) return p;
  const name = p.slice('@types/'.length);
  return name.includes('__') ? `@${name.replace('__', '/')}` : name;
}

function build(): Catalogue {
  const sections = Object.values(CATALOGUE);
  const rows = <R>(pick: (s: CatalogueSection) => readonly R[] | undefined): readonly R[] => Object.freeze(sections.flatMap((s) => pick(s) ?? []));
  const sinks = rows((s) => s.sinks);
  const sinksByModule = new Map<string, SinkRowList>();
  for (const r of sinks) sinksByModule.set(r.module, [...(sinksByModule.get(r.module) ?? []), r]);
  const closedApis = rows((s) => s.closedApis);
  const cdkPolicies = rows((s) => s.cdkPolicies);
  const plaintextUrls = rows((s) => s.plaintextUrls);
  return Object.freeze({
    sections: CATALOGUE,
    sinks,
    sinksByModule,
    sinkModules: Object.freeze([...sinksByModule.keys()]),
    globalOptionObjects: rows((s) => s.globalOptionObjects),
    agentSlots: rows((s) => s.agentSlots),
    aliases: rows((s) => s.aliases),
    closedApis,
    closedApiModules: Object.freeze([...new Set(closedApis.map((r) => r.module))]),
    cdkPolicies,
    cdkPolicyKeys: new Set(cdkPolicies.map((f) => f.key)),
    cdkModules: Object.freeze([
      'aws-cdk-lib',
      ...new Set(cdkPolicies.flatMap((f) => [`aws-cdk-lib/${f.submodule}`, ...(f.v1 ? [`@aws-cdk/${f.submodule}`] : [])])),
    ]),
    legacyApis: rows((s) => s.legacyApis),
    plaintextUrls,
    plaintextUrlModules: Object.freeze([...new Set(plaintextUrls.map((r) => r.module))]),
    processApis: rows((s) => s.processApis),
    internalModules: rows((s) => s.internalModules),
    contextOptions: new Set(rows((s) => s.contextOptions)),
    tlsPackages: new Set(['node', 'undici-types', ...sections.flatMap((s) => s.packages.map(typesPackageName))]),
  });
}
type SinkRowList = Catalogue['sinks'];

let built: Catalogue | undefined;

/** The catalogue, built on first use (cold start: a run that never asks pays nothing). */
export function catalogue(): Catalogue {
  return (built ??= build());
}

export const allAliases = (): Catalogue['aliases'] => catalogue().aliases;
export const allAgentSlots = (): Catalogue['agentSlots'] => catalogue().agentSlots;
export const allClosedApis = (): Catalogue['closedApis'] => catalogue().closedApis;
