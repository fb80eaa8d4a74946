/** SARIF 2.1.0 output: the standard's required shape (see sarif-schema.ts) and what GitHub code scanning reads. */
import type * as Sarif from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRules } from '../../src/cli/rules-meta.js';
import { cleanup, cli, INSECURE_JS, project } from './helpers.js';
import { loadSarifValidator, type SarifValidate } from './sarif-schema.js';

afterAll(cleanup);

let validate: SarifValidate | undefined;
let log: Sarif.Log;
let root: string;

beforeAll(async () => {
  validate = await loadSarifValidator();
  root = project({
    'src/client.js': INSECURE_JS,
    'src/env file.js': "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\n",
    'src/broken.js': 'const = ;\n',
  });
  const r = await cli(root, ['--format', 'sarif', '--strict']);
  expect(r.code).toBe(1);
  log = JSON.parse(r.stdout) as Sarif.Log;
});

describe('SARIF 2.1.0', () => {
  it('validates against the schema (required properties, enums, closed objects)', () => {
    if (!validate) {
      console.warn('ajv cannot be loaded: schema validation skipped, shape checks still run');
      return;
    }
    expect(validate(log)).toEqual([]);
  });

  it('the validator rejects invalid SARIF (so the check above means something)', () => {
    if (!validate) return;
    const broken = JSON.parse(JSON.stringify(log)) as Record<string, unknown> & { runs: { results: Record<string, unknown>[] }[] };
    delete broken.runs[0]!.results[0]!.message;
    expect(validate(broken).join('\n')).toMatch(/message/);
    const misspelt = JSON.parse(JSON.stringify(log)) as { runs: { results: Record<string, unknown>[] }[] };
    misspelt.runs[0]!.results[0]!.ruleID = 'x';
    expect(validate(misspelt).length).toBeGreaterThan(0);
    expect(validate({ ...log, version: '2.0.0' }).length).toBeGreaterThan(0);
  });

  it('has the required log, run, tool and driver shape', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0]!.tool.driver;
    expect(driver.name).toBe('tlsguard');
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(driver.informationUri).toMatch(/^https:\/\//);
  });

  it('describes every rule of the config: ids, descriptions, help, CWE tags, security-severity', () => {
    const driver = log.runs[0]!.tool.driver;
    const rules = driver.rules!;
    expect(rules.map((r) => r.id)).toEqual(allRules().map((r) => r.id));
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const rule of rules) {
      const info = allRules().find((r) => r.id === rule.id)!;
      expect(rule.id).toMatch(/^tlsguard\/[a-z-]+$/);
      expect(rule.shortDescription?.text).toBe(info.description);
      expect(rule.fullDescription?.text.length).toBeGreaterThan(0);
      expect(rule.helpUri).toMatch(/^https:\/\/.*\.md$/);
      expect(rule.help?.text.length).toBeGreaterThan(0);
      const tags = rule.properties?.tags ?? [];
      expect(tags).toContain('security');
      for (const cwe of info.cwe) expect(tags).toContain(`external/cwe/cwe-${cwe.replace(/^CWE-/, '')}`);
      const severity = Number(rule.properties?.['security-severity']);
      expect(severity).toBeGreaterThan(0);
      expect(severity).toBeLessThanOrEqual(10);
      for (const rel of rule.relationships ?? []) {
        expect(rel.target.toolComponent?.name).toBe('CWE');
        expect(log.runs[0]!.taxonomies?.[0]?.taxa?.map((t) => t.id)).toContain(rel.target.id);
      }
    }
    const cert = rules.find((r) => r.id === 'tlsguard/no-unverified-certificate')!;
    expect(cert.properties?.tags).toContain('external/cwe/cwe-295');
  });

  it('results: ruleId/ruleIndex agree, level, message, precise regions, URIs relative to the scan root', () => {
    const run = log.runs[0]!;
    const rules = run.tool.driver.rules!;
    const results = run.results!;
    // (strict may add findings of other rules, e.g. prefer-secure-context: the rule set grows.)
    const cert = results.find((r) => r.ruleId === 'tlsguard/no-unverified-certificate')!;
    const env = results.find((r) => r.ruleId === 'tlsguard/no-insecure-tls-env')!;
    expect(cert).toBeDefined();
    expect(env).toBeDefined();
    for (const result of results) {
      expect(rules[result.ruleIndex!]!.id).toBe(result.ruleId);
      expect(result.level).toBe('error');
      expect(result.message.text?.length).toBeGreaterThan(0);
      const physical = result.locations![0]!.physicalLocation!;
      expect(physical.artifactLocation!.uriBaseId).toBe('%SRCROOT%');
      expect(physical.artifactLocation!.uri).not.toMatch(/^(\/|[a-z]+:)/);
    }
    expect(cert.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'src/client.js', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 50, endLine: 2, endColumn: 75 },
    });
    expect(env.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('src/env%20file.js');
    expect(run.originalUriBaseIds?.['%SRCROOT%']?.uri).toBe(`file://${root}/`);
  });

  it('reports a file that does not parse as a tool execution notification', () => {
    const notes = log.runs[0]!.invocations![0]!.toolExecutionNotifications!;
    expect(notes).toHaveLength(1);
    expect(notes[0]!.level).toBe('error');
    expect(notes[0]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('src/broken.js');
  });

  it('a clean scan is valid SARIF with an empty results array', async () => {
    const dir = project({ 'a.js': 'export {};\n' });
    const r = await cli(dir, ['--format', 'sarif']);
    expect(r.code).toBe(0);
    const clean = JSON.parse(r.stdout) as Sarif.Log;
    expect(clean.runs[0]!.results).toEqual([]);
    if (validate) expect(validate(clean)).toEqual([]);
  });
});
