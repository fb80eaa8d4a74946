import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/analysis/values.js';
import { init, withFile } from './harness.js';

function valuesOf(code: string, filename = 'file.ts'): unknown {
  return withFile(
    code,
    (fc, ast) => {
      const v = evaluate(fc, init(ast, 'target'));
      return v === undefined ? 'unknown' : [...v];
    },
    filename,
  );
}

describe('evaluate', () => {
  it.each<[string, unknown]>([
    ['const target = false;', [false]],
    ["const target = 'TLSv1';", ['TLSv1']],
    ['const target = 0;', [0]],
    ['const target = null;', [null]],
    ['const target = undefined;', [undefined]],
    ['const target = void 0;', [undefined]],
    ['const target = !true;', [false]],
    ['const target = !1;', [false]],
    ['const target = -1;', [-1]],
    ['const V = false;\nconst target = V;', [false]],
    ['const A = false;\nconst B = A;\nconst target = B;', [false]],
    ['let v = false;\nconst target = v;', [false]],
    ["const MIN = 'TLSv1';\nconst target = `${MIN}.1`;", ['TLSv1.1']],
    ["const target = 'DEFAULT' + ':@SECLEVEL=' + 0;", ['DEFAULT:@SECLEVEL=0']],
    ["declare const legacy: boolean;\nconst target = legacy ? 'TLSv1' : 'TLSv1.1';", ['TLSv1', 'TLSv1.1']],
    ["const target = true ? 'a' : 'b';", ['a']],
    ["declare const x: string | undefined;\nconst target = x || 'TLSv1';", 'unknown'],
    ["const target = undefined ?? 'TLSv1';", ['TLSv1']],
    ["const target = '' || 'TLSv1';", ['TLSv1']],
    ["const target = 'a' && false;", [false]],
    ['const target = (false as boolean);', [false]],
    ['const target = false satisfies boolean;', [false]],
    ['const target = (0 as unknown as boolean)!;', [0]],
    ['const CONFIG = { tls: { verify: false } } as const;\nconst target = CONFIG.tls.verify;', [false]],
    ["const CONFIG = { verify: false };\nconst target = CONFIG['verify'];", [false]],
    ["import { constants } from 'node:crypto';\nconst target = constants.SSL_OP_NO_TLSv1_2 | constants.SSL_OP_NO_TLSv1_3;", [134217728 | 536870912]],
    ["import crypto from 'crypto';\nconst target = crypto.constants.SSL_OP_LEGACY_SERVER_CONNECT;", [4]],
    // whistle 2.10.10: the fallback is never taken, crypto.constants exists on every Node.
    ["import crypto from 'crypto';\nconst c = crypto.constants || {};\nconst target = c.SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION;", [262144]],
    ["import constants from 'constants';\nconst c = constants ?? {};\nconst target = c.SSL_OP_NO_TICKET;", [16384]],
    ['const target = (1, false);', [false]],
  ])('%s', (code, expected) => {
    expect(valuesOf(code)).toEqual(expected);
  });

  it.each([
    'let v = false;\nv = true;\nconst target = v;',
    'declare const flag: boolean;\nconst target = flag;',
    'function f(x: boolean) { return x; }\nconst target = f(true);',
    'const target = process.env.TLS_MIN;',
    'const CONFIG = { verify: false };\nCONFIG.verify = true;\nconst target = CONFIG.verify;',
    'declare const o: object;\nconst CONFIG = { verify: false, ...o };\nconst target = CONFIG.verify;',
    'const target = /false/;',
    'const target = Math.random() > 0.5;',
    // Node does not export it: undefined on Node, never the OpenSSL number.
    "import crypto from 'crypto';\nconst target = crypto.constants.SSL_OP_NO_EXTENDED_MASTER_SECRET;",
    // Only an empty `{}` fallback, and only for an export that always exists.
    "import crypto from 'crypto';\nconst c = crypto.constants || { SSL_OP_NO_TICKET: 1 };\nconst target = c.SSL_OP_NO_TICKET;",
    "import crypto from 'crypto';\nconst c = crypto.constants && {};\nconst target = c.SSL_OP_NO_TICKET;",
    "import crypto from 'crypto';\nconst c = crypto.webcrypto || {};\nconst target = c.SSL_OP_NO_TICKET;",
  ])('unknown: %s', (code) => {
    expect(valuesOf(code)).toBe('unknown');
  });
});

describe('evaluate: depth limit (issue 17.6)', () => {
  const chain = (n: number) => {
    let code = 'const v0 = false;\n';
    for (let i = 1; i < n; i++) code += `const v${i} = v${i - 1};\n`;
    return `${code}const target = v${n - 1};`;
  };

  it('resolves a chain well inside the limit', () => {
    expect(valuesOf(chain(100))).toEqual([false]);
  });

  it('treats a chain beyond the limit as unknown instead of overflowing the stack', () => {
    expect(valuesOf(chain(5000))).toBe('unknown');
  });

  it('bounds deep `+` concatenations the same way', () => {
    let code = "const target = 'RC4-SHA'";
    for (let i = 0; i < 400; i++) code += " + ':AES128-SHA'";
    expect(valuesOf(`${code};`)).toBe('unknown');
  });

  it('stays linear on a diamond-shaped chain (each const used twice)', () => {
    let code = "const v0 = 'a';\n";
    for (let i = 1; i < 600; i++) code += `const v${i} = true ? v${i - 1} : v${i - 1};\n`;
    expect(valuesOf(`${code}const target = v599;`)).toBe('unknown');
  });
});
