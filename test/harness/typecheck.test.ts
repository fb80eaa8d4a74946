import { describe, expect, it } from 'vitest';
import { newDiagnostics, typecheck } from './typecheck.js';

describe('suggestion type-check harness', () => {
  const results = typecheck([
    { name: 'ok-in.ts', text: `import tls from 'node:tls';\ntls.connect({ host: 'a.example' });` },
    { name: 'bad-out.ts', text: `import tls from 'node:tls';\ntls.connect({ host: 'a.example' });\nexport const port: number = 'x';` },
    { name: 'syntax-out.ts', text: `const a = {;` },
    {
      name: 'runtime-out.ts',
      text: `import { secureClientOptions } from 'tlsguard-runtime';\nimport tls from 'node:tls';\ntls.connect(secureClientOptions({ host: 'a.example' }));`,
    },
    { name: 'js-out.js', text: `/** @type {number} */\nconst port = 'x';\nmodule.exports = port;` },
  ]);

  it('sees a type error the input did not have', () => {
    const added = newDiagnostics(results.get('ok-in.ts')!.semantic, results.get('bad-out.ts')!.semantic);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^TS2322/);
  });

  it('sees syntax errors', () => {
    expect(results.get('syntax-out.ts')!.syntax.length).toBeGreaterThan(0);
  });

  it('resolves the runtime module to the package source', () => {
    expect(results.get('runtime-out.ts')!.semantic).toEqual([]);
  });

  it('type-checks JavaScript too', () => {
    expect(results.get('js-out.js')!.semantic.some((d) => d.startsWith('TS2322'))).toBe(true);
  });

  it('counts repeated diagnostics as a multiset', () => {
    expect(newDiagnostics(['a', 'b'], ['a', 'a', 'b'])).toEqual(['a']);
    expect(newDiagnostics(['a', 'a'], ['a'])).toEqual([]);
  });
});
