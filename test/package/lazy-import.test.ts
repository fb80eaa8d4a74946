/**
 * Issue 16: importing the runtime computes nothing the first call does not need. Checked by which
 * files of the built package a process has loaded (deterministic; the time is measured in
 * bench/runtime-import.mjs, never asserted here). Needs `npm run build` (npm test runs it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../../packages/runtime/dist/', import.meta.url));

/** The package files `program` has loaded when it ends (CommonJS cache), relative to dist/cjs/. */
function loaded(program: string, type: 'commonjs' | 'module'): string[] {
  const tail = ';console.log(JSON.stringify(Object.keys(require.cache)))';
  const code =
    type === 'module' ? `import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); ${program}${tail}` : `${program}${tail}`;
  const out = execFileSync(process.execPath, [...(type === 'module' ? ['--input-type=module'] : []), '-e', code], {
    cwd: fileURLToPath(new URL('../../', import.meta.url)),
    encoding: 'utf8',
  });
  return (JSON.parse(out) as string[])
    .filter((f) => f.startsWith(`${dist}cjs/`))
    .map((f) => f.slice(`${dist}cjs/`.length))
    .sort();
}

describe.runIf(existsSync(`${dist}index.mjs`))('importing tlsguard-runtime', () => {
  it('require() loads the entry only: no policy, no cipher tables, no factory module', () => {
    expect(loaded("require('tlsguard-runtime');", 'commonjs')).toEqual(['runtime/index.js']);
  });

  it('import loads the entry and the modules of its classes and constants only', () => {
    expect(loaded("await import('tlsguard-runtime');", 'module')).toEqual([
      'runtime/context-cache.js',
      'runtime/errors.js',
      'runtime/identity.js',
      'runtime/index.js',
    ]);
  });

  it('the first call loads what it needs, and the cipher tables only when a ciphers string is judged', () => {
    const first = loaded("require('tlsguard-runtime').secureClientOptions({ host: 'a.example' });", 'commonjs');
    expect(first).toContain('policy/check.js');
    expect(first).toContain('runtime/client.js');
    expect(first.filter((f) => f.startsWith('policy/ciphers/'))).toEqual([]);
    const withCiphers = loaded("require('tlsguard-runtime').secureClientOptions({ host: 'a.example', ciphers: 'TLS_AES_128_GCM_SHA256' });", 'commonjs');
    expect(withCiphers).toEqual(expect.arrayContaining(['policy/ciphers/engine.js', 'policy/ciphers/suites.js']));
  });
});
