/**
 * Connection strings against option objects, proved on the real drivers (their parsers are pure:
 * nothing connects). For every combination below, the rules report exactly when the driver's
 * parsed config really turns verification off, and stay silent when the driver discards the
 * insecure half (pg lets `connectionString` replace `ssl`; mongodb, postgres.js and mysql2 prefer
 * the option object). A pg config that pg rejects (it throws) is not reported; a mongodb one that
 * the driver rejects (conflicting options) is left out of the comparison, since it never connects.
 * pg-connection-string reads `sslrootcert` from disk, so the tests write a file for it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Linter } from 'eslint';
import tseslintParser from '@typescript-eslint/parser';
import { afterAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { pgTls } from '../../src/analysis/connection-string-semantics.js';
import { parseUrl } from '../../src/analysis/connection-strings.js';

const require = createRequire(import.meta.url);
const pg = require('pg') as { Client: new (config: object) => { connectionParameters: { ssl: unknown } } };
const { parseOptions } = require('mongodb/lib/connection_string.js') as { parseOptions: (uri: string, options?: object) => Record<string, unknown> };
const postgres = require('postgres') as typeof import('postgres');
const mysql2 = require('mysql2') as {
  createPool(config: string | object): { config: { connectionConfig: { ssl: unknown } }; promise(): { end(): Promise<void> } };
};

const dir = mkdtempSync(join(tmpdir(), 'tlsguard-precedence-'));
const ROOTCERT = join(dir, 'root.pem');
writeFileSync(ROOTCERT, '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n');

// pg warns once about the 8.x meaning of sslmode=require; the tests want it quiet.
const emitWarning = process.emitWarning;
process.emitWarning = (() => undefined) as typeof process.emitWarning;
afterAll(() => void (process.emitWarning = emitWarning));

const linter = new Linter({ configType: 'flat' });
/** Whether each verification rule reports the code (one lint run for both). */
function reports(code: string): { cert: boolean; host: boolean } {
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.js'],
        languageOptions: { parser: tseslintParser, sourceType: 'module' },
        plugins: { tlsguard: { rules: { cert: rules['no-unverified-certificate'] as never, host: rules['no-unverified-hostname'] as never } } },
        rules: { 'tlsguard/cert': 'error', 'tlsguard/host': 'error' },
      },
    ],
    'file.js',
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${fatal.message} in ${code}`);
  return { cert: messages.some((m) => m.ruleId === 'tlsguard/cert'), host: messages.some((m) => m.ruleId === 'tlsguard/host') };
}

/** Every combination of the given choices (`undefined`: the parameter or key is absent). */
function combinations<T extends Record<string, readonly unknown[]>>(choices: T): { [K in keyof T]: T[K][number] }[] {
  let out: Record<string, unknown>[] = [{}];
  for (const [key, values] of Object.entries(choices)) out = out.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  return out as { [K in keyof T]: T[K][number] }[];
}

function query(params: Record<string, string | undefined>): string {
  const pairs = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined);
  return pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`;
}

type Outcome = 'cert-off' | 'host-off' | 'verified' | 'plain' | 'none' | 'rejected';

describe('pg: what a connection string does (pg-connection-string parse + pg ConnectionParameters)', () => {
  const MARKER = { rejectUnauthorized: false, marker: true };
  function outcome(connectionString: string): Outcome {
    let ssl: unknown;
    try {
      ssl = new pg.Client({ connectionString, ssl: MARKER }).connectionParameters.ssl;
    } catch {
      return 'rejected';
    }
    if (ssl === MARKER) return 'none';
    if (!ssl) return 'plain';
    if (typeof ssl === 'object' && (ssl as { rejectUnauthorized?: unknown }).rejectUnauthorized === false) return 'cert-off';
    if (typeof ssl === 'object' && typeof (ssl as { checkServerIdentity?: unknown }).checkServerIdentity === 'function') return 'host-off';
    return 'verified';
  }
  const cases = combinations({
    sslmode: [undefined, '', 'disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full', 'no-verify'],
    uselibpqcompat: [undefined, 'true', 'false'],
    sslrootcert: [undefined, ROOTCERT],
    ssl: [undefined, 'no-verify', 'true', '1', '0', ''],
    sslnegotiation: [undefined, 'direct'],
  });

  it(`pgTls agrees with pg on ${cases.length} strings`, () => {
    const wrong: string[] = [];
    for (const c of cases) {
      const text = `postgres://app@db.internal/app${query(c)}`;
      const expected = outcome(text);
      const actual = pgTls(parseUrl(text)!);
      if (actual !== expected) wrong.push(`${text}: pg ${expected}, tlsguard ${String(actual)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('the rules report a pg config exactly when pg ends up without verification', () => {
    const wrong: string[] = [];
    const objects = { none: '', object: ', ssl: { rejectUnauthorized: false }', alias: ", ssl: 'no-verify'" };
    for (const c of cases.filter((c) => c.sslnegotiation === undefined && (c.ssl === undefined || c.ssl === 'no-verify' || c.ssl === '0'))) {
      const text = `postgres://app@db.internal/app${query(c)}`;
      for (const [kind, ssl] of Object.entries(objects)) {
        let effective: unknown;
        let threw = false;
        try {
          effective = new pg.Client({
            connectionString: text,
            ...(kind === 'object' ? { ssl: { rejectUnauthorized: false } } : kind === 'alias' ? { ssl: 'no-verify' } : {}),
          }).connectionParameters.ssl;
        } catch {
          threw = true;
        }
        const certOff =
          !threw && typeof effective === 'object' && effective !== null && (effective as { rejectUnauthorized?: unknown }).rejectUnauthorized === false;
        const hostOff =
          !threw &&
          !certOff &&
          typeof effective === 'object' &&
          effective !== null &&
          typeof (effective as { checkServerIdentity?: unknown }).checkServerIdentity === 'function';
        const code = `const { Client } = require('pg');\nmodule.exports = new Client({ connectionString: ${JSON.stringify(text)}${ssl} });`;
        const { cert, host } = reports(code);
        if (cert !== certOff || host !== hostOff) wrong.push(`${kind} ${text}: pg cert-off ${certOff} host-off ${hostOff}, reported cert ${cert} host ${host}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('mongodb: URI options against the option object (parseOptions of the installed driver)', () => {
  const uris = combinations({
    tlsAllowInvalidCertificates: [undefined, 'true', 'false'],
    tlsInsecure: [undefined, 'true', 'false'],
    tlsAllowInvalidHostnames: [undefined, 'true'],
    rejectUnauthorized: [undefined, 'false'],
  });
  const objects = combinations({
    tlsAllowInvalidCertificates: [undefined, true, false],
    tlsInsecure: [undefined, true],
    tlsAllowInvalidHostnames: [undefined, true],
    rejectUnauthorized: [undefined, true, false],
  });

  it(`reports exactly the combinations that end without verification (${uris.length * objects.length})`, () => {
    const wrong: string[] = [];
    for (const u of uris) {
      const uri = `mongodb://db.internal/app${query(u)}`;
      for (const o of objects) {
        const options = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
        let parsed: Record<string, unknown> | undefined;
        try {
          parsed = parseOptions(uri, options);
        } catch {
          parsed = undefined;
        }
        // A combination the driver rejects (it throws) never connects: the rules may report it or not.
        if (!parsed) continue;
        const certOff = parsed.rejectUnauthorized === false;
        const insecureGiven = u.tlsInsecure !== undefined || o.tlsInsecure !== undefined;
        const hostOff = typeof parsed.checkServerIdentity === 'function' && !insecureGiven;
        const code = `const { MongoClient } = require('mongodb');\nmodule.exports = new MongoClient(${JSON.stringify(uri)}, ${JSON.stringify(options)});`;
        const { cert, host } = reports(code);
        if (cert !== certOff || host !== hostOff)
          wrong.push(`${code.split('\n')[1]}: driver cert-off ${certOff} host-off ${hostOff}, reported cert ${cert} host ${host}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('postgres.js: the URL against its options (parseOptions through postgres(), which connects lazily)', () => {
  const WEAK = new Set(['require', 'prefer', 'allow']);
  const cases = combinations({
    sslmode: [undefined, 'require', 'prefer', 'allow', 'verify-full', 'disable', 'no-verify'],
    ssl: [undefined, 'require', 'verify-full'],
    sslrootcert: [undefined, 'system', '/etc/ssl/root.pem'],
    options: ['none', "{ ssl: 'require' }", "{ ssl: 'verify-full' }", '{ ssl: undefined }', '{ ssl: false }', '{ max: 5 }'],
  });

  it(`reports exactly the combinations where postgres.js connects with rejectUnauthorized: false (${cases.length})`, async () => {
    const wrong: string[] = [];
    for (const { options, ...params } of cases) {
      const url = `postgres://app@db.internal/app${query(params)}`;
      const object = options === 'none' ? undefined : (new Function(`return ${options}`)() as Record<string, unknown>);
      const sql = object ? postgres(url, object) : postgres(url);
      const certOff = WEAK.has(String(sql.options.ssl));
      await sql.end({ timeout: 0 });
      const code = `const postgres = require('postgres');\nmodule.exports = postgres(${JSON.stringify(url)}${options === 'none' ? '' : `, ${options}`});`;
      const { cert } = reports(code);
      if (cert !== certOff) wrong.push(`${code.split('\n')[1]}: postgres.js ssl ${String(sql.options.ssl)}, reported ${cert}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('mysql2: a URI against the config (ConnectionConfig through createPool, which connects lazily)', () => {
  const uriSsl = [undefined, '{"rejectUnauthorized":false}', '{}', '{"verifyIdentity":true}', '{"rejectUnauthorized":false,"verifyIdentity":true}'];
  const configSsl = ['none', '{ rejectUnauthorized: false }', "{ ca: 'x' }", '{ verifyIdentity: true }', 'undefined', 'false'];

  it('reports exactly the combinations that end without certificate or hostname verification', async () => {
    const wrong: string[] = [];
    for (const ssl of uriSsl) {
      const uri = `mysql://app:pw@db.internal/app${query({ ssl })}`;
      for (const config of ['string', ...configSsl]) {
        const object = config === 'string' ? undefined : config === 'none' ? { uri } : { uri, ssl: new Function(`return ${config}`)() as unknown };
        const pool = mysql2.createPool(object ?? uri);
        const effective = pool.config.connectionConfig.ssl as Record<string, unknown> | false;
        await pool.promise().end();
        const certOff = !!effective && effective.rejectUnauthorized === false;
        const hostOff = !!effective && !certOff && effective.verifyIdentity !== true;
        const arg =
          config === 'string' ? JSON.stringify(uri) : config === 'none' ? `{ uri: ${JSON.stringify(uri)} }` : `{ uri: ${JSON.stringify(uri)}, ssl: ${config} }`;
        const code = `const mysql = require('mysql2');\nmodule.exports = mysql.createPool(${arg});`;
        const { cert, host } = reports(code);
        if (cert !== certOff || host !== hostOff)
          wrong.push(`${code.split('\n')[1]}: mysql2 cert-off ${certOff} host-off ${hostOff}, reported cert ${cert} host ${host}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
