/** settings.tlsguard.node, the nearest package.json's engines.node, else the supported lines. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeTarget, targetOfRange, versionsOfRange } from '../../src/rule-kit/target.js';
import { formatNodeVersion } from '../../src/policy/index.js';

const shown = (range: string): string[] => versionsOfRange(range).map((f) => formatNodeVersion(f.version));

function context(filename: string, settings: Record<string, unknown> = {}): Readonly<TSESLint.RuleContext<string, readonly unknown[]>> {
  return { filename, cwd: '/', settings } as unknown as Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
}

describe('versionsOfRange', () => {
  it('one version per major and per fact boundary the range admits', () => {
    expect(shown('>=20.19.0')).toEqual([
      '20.19.0',
      '21.0.0',
      '22.0.0',
      '22.19.0',
      '23.0.0',
      '23.9.0',
      '24.0.0',
      '24.5.0',
      '24.6.0',
      '25.0.0',
      '26.0.0',
      '27.0.0',
    ]);
    expect(shown('^16.3.0 || ^18')).toEqual(['16.3.0', '18.0.0']);
    expect(shown('20.5.1')).toEqual(['20.5.1']);
    expect(shown('>=14 <16.5')).toEqual(['14.0.0', '15.0.0', '16.0.0']);
  });

  it('spans both OpenSSL families for >=14', () => {
    const families = versionsOfRange('>=14').map((f) => f.opensslFamily);
    expect(families[0]).toBe('1.1');
    expect(families.at(-1)).toBe('3');
  });

  it('gives Node 10 facts to a range below what is modelled', () => {
    expect(shown('<9')).toEqual(['10.0.0']);
  });

  it('rejects what semver cannot read, with a clear message', () => {
    expect(() => targetOfRange('twenty', 'settings', 'settings.tlsguard.node')).toThrow(
      'eslint-plugin-tlsguard: settings.tlsguard.node must be a semver range of Node.js versions (such as ">=20.19"), got "twenty"',
    );
  });
});

describe('nodeTarget', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tlsguard-target-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'root', engines: { node: '>=14' } }));
    mkdirSync(join(dir, 'packages', 'a', 'src'), { recursive: true });
    writeFileSync(join(dir, 'packages', 'a', 'package.json'), JSON.stringify({ name: 'a', engines: { node: '^22.12.0' } }));
    mkdirSync(join(dir, 'packages', 'b', 'src'), { recursive: true });
    writeFileSync(join(dir, 'packages', 'b', 'package.json'), JSON.stringify({ name: 'b' }));
    mkdirSync(join(dir, 'broken'), { recursive: true });
    writeFileSync(join(dir, 'broken', 'package.json'), '{ "engines": ');
    mkdirSync(join(dir, 'bad-range'), { recursive: true });
    writeFileSync(join(dir, 'bad-range', 'package.json'), JSON.stringify({ engines: { node: 'latest' } }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes settings.tlsguard.node first', () => {
    const t = nodeTarget(context(join(dir, 'packages', 'a', 'src', 'x.ts'), { tlsguard: { node: '>=24.5' } }));
    expect([t.source, t.range, formatNodeVersion(t.versions[0]!.version)]).toEqual(['settings', '>=24.5', '24.5.0']);
    expect(() => nodeTarget(context('/x.js', { tlsguard: { node: 20 } }))).toThrow(/"node".*semver range of Node\.js versions/s);
    expect(() => nodeTarget(context('/x.js', { tlsguard: { node: 'twenty' } }))).toThrow(/"node".*semver range of Node\.js versions/s);
  });

  it('else the nearest package.json that declares engines.node', () => {
    expect(nodeTarget(context(join(dir, 'packages', 'a', 'src', 'x.ts'))).range).toBe('^22.12.0');
    // b declares no engines: the root's applies.
    const b = nodeTarget(context(join(dir, 'packages', 'b', 'src', 'x.ts')));
    expect([b.source, b.range]).toEqual(['engines', '>=14']);
  });

  it('errors clearly on a package.json it cannot read or an engines.node that is no range', () => {
    expect(() => nodeTarget(context(join(dir, 'broken', 'x.js')))).toThrow(/cannot read .*broken\/package\.json for its engines\.node/);
    expect(() => nodeTarget(context(join(dir, 'bad-range', 'x.js')))).toThrow(/engines\.node in .*bad-range\/package\.json must be a semver range/);
  });

  it('else the supported release lines (22, 24, 26 on 2026-12-01)', () => {
    const t = nodeTarget(context('/nonexistent-root-dir/x.js'));
    expect(t.source).toBe('supported');
    expect(t.versions.map((f) => f.version[0])).toEqual([22, 22, 24, 24, 24, 26]);
  });
});
