/** The catalogue is one frozen object: no module sees a partial catalogue, nothing can add rows. */
import { describe, expect, it } from 'vitest';
// Only sinks.ts: before, it saw Node's 12 core sinks until catalogue/index.ts had been imported.
import { allSinks, sinkModulesWhere } from '../../src/analysis/sinks.js';

describe('catalogue', () => {
  it('is complete when only sinks.ts is imported', async () => {
    expect(allSinks().filter((r) => r.library.startsWith('node:'))).toHaveLength(12);
    expect(allSinks().length).toBeGreaterThan(12);
    expect(allSinks().map((r) => r.library)).toContain('undici');
    expect(sinkModulesWhere('test:mongodb', (r) => r.module === 'mongodb')).toEqual(['mongodb']);
    const { catalogue } = await import('../../src/analysis/catalogue/index.js');
    expect(catalogue().sinks).toBe(allSinks());
  });

  it('is frozen, and built once', async () => {
    const { catalogue, CATALOGUE } = await import('../../src/analysis/catalogue/index.js');
    const c = catalogue();
    expect(catalogue()).toBe(c);
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(CATALOGUE)).toBe(true);
    for (const list of [
      c.sinks,
      c.aliases,
      c.agentSlots,
      c.closedApis,
      c.sinkModules,
      c.closedApiModules,
      c.globalOptionObjects,
      c.cdkPolicies,
      c.cdkModules,
      c.legacyApis,
      c.processApis,
      c.internalModules,
    ]) {
      expect(Object.isFrozen(list)).toBe(true);
      expect(list.length).toBeGreaterThan(0);
    }
    expect(() => (c.sinks as unknown as unknown[]).push(c.sinks[0])).toThrow(TypeError);
    expect(c.tlsPackages.has('node')).toBe(true);
    // `@types/ws` counts as `ws`.
    expect(c.tlsPackages.has('ws')).toBe(true);
    expect(c.tlsPackages.has('@types/ws')).toBe(false);
  });

  it('holds the CDK policies and the legacy-API table as data, with their indexes', async () => {
    const { catalogue } = await import('../../src/analysis/catalogue/index.js');
    const c = catalogue();
    expect([...c.cdkPolicyKeys].sort()).toEqual(['minimumProtocolVersion', 'securityPolicy', 'sslPolicy', 'tlsSecurityPolicy']);
    expect(c.cdkModules[0]).toBe('aws-cdk-lib');
    expect(c.cdkModules).toContain('aws-cdk-lib/aws-apigateway');
    expect(c.cdkModules).toContain('@aws-cdk/aws-elasticsearch');
    expect(c.legacyApis.map((a) => a.code)).toEqual(['DEP0064', 'DEP0043', 'DEP0042', 'DEP0076', 'DEP0107', 'DEP0122', 'DEP0010', 'DEP0011']);
    expect(c.processApis.filter((a) => a.takes === 'shellCommand').map((a) => `${a.module}.${a.name}`)).toEqual([
      'child_process.exec',
      'child_process.execSync',
    ]);
    expect(c.internalModules).toEqual(['_tls_wrap', '_tls_common']);
    expect(c.contextOptions.has('ciphers') && c.contextOptions.has('rejectUnauthorized')).toBe(true);
    expect(c.contextOptions.has('host')).toBe(false);
  });

  it("puts Node's own sinks first and indexes sinks by module in row order", async () => {
    const { catalogue } = await import('../../src/analysis/catalogue/index.js');
    const c = catalogue();
    expect(c.sinks.slice(0, 12).every((r) => r.library.startsWith('node:'))).toBe(true);
    for (const [module, rows] of c.sinksByModule) expect(rows).toEqual(c.sinks.filter((r) => r.module === module));
  });
});
