/** SARIF artifact URIs are RFC 3986 relative references (issue 13.4): `#`, `%`, spaces, brackets, non-ASCII, ':' first. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Sarif from 'sarif';
import { afterAll, describe, expect, it } from 'vitest';
import { directoryFileUri, uriPath } from '../../src/cli/report.js';
import { cleanup, cli, INSECURE_JS, project } from './helpers.js';

afterAll(cleanup);

/** RFC 3986 `relative-part` with a `path-noscheme` or `path-absolute`: pchar and '/' only, no ':' before the first '/'. */
const RELATIVE_REF =
  /^(?:[A-Za-z0-9\-._~!$&'()*+,;=@]|%[0-9A-F]{2})(?:[A-Za-z0-9\-._~!$&'()*+,;=@]|%[0-9A-F]{2})*(?:\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-F]{2})*)*$/;

describe('uriPath', () => {
  it.each([
    ['src/a.js', 'src/a.js'],
    ['src/a#b.js', 'src/a%23b.js'],
    ['src/100% sure.js', 'src/100%25%20sure.js'],
    ['src/café.js', 'src/caf%C3%A9.js'],
    ['c:d.js', 'c%3Ad.js'],
    ['dir/c:d.js', 'dir/c:d.js'],
    ['src/[x]?.js', 'src/%5Bx%5D%3F.js'],
    ['a/日本.ts', 'a/%E6%97%A5%E6%9C%AC.ts'],
    ["it's (1).js", "it's%20(1).js"],
  ])('%s -> %s', (input, expected) => {
    expect(uriPath(input)).toBe(expected);
    expect(uriPath(input)).toMatch(RELATIVE_REF);
    expect(decodeURIComponent(uriPath(input))).toBe(input);
  });

  it('the base directory URI is a file URI with a trailing slash', () => {
    expect(directoryFileUri('/home/me/my project#1')).toBe('file:///home/me/my%20project%231/');
    expect(directoryFileUri('/')).toBe('file:///');
  });
});

describe('SARIF output', () => {
  it('every artifact URI resolves against %SRCROOT% to the file itself', async () => {
    const names = ['src/a#b.js', 'src/100% sure.js', 'src/café.js', 'c:d.js', 'src/[x].js'];
    const dir = project(Object.fromEntries(names.map((n) => [n, INSECURE_JS])), 'tlsguard sarif #');
    const log = JSON.parse((await cli(dir, ['--format', 'sarif'])).stdout) as Sarif.Log;
    const run = log.runs[0]!;
    const base = run.originalUriBaseIds!['%SRCROOT%']!.uri!;
    const uris = run.results!.map((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri!);
    expect(uris.sort()).toEqual(['c%3Ad.js', 'src/%5Bx%5D.js', 'src/100%25%20sure.js', 'src/a%23b.js', 'src/caf%C3%A9.js']);
    for (const uri of uris) expect(uri).toMatch(RELATIVE_REF);
    expect(uris.map((u) => path.relative(dir, fileURLToPath(new URL(u, base)))).sort()).toEqual([...names].sort());
  });
});
