import { describe, expect, it } from 'vitest';
import { reachedValues } from '../../src/analysis/defaults.js';
import { init, withFile } from './harness.js';

/** The values a literal or default gives `target`'s initializer, as `via:value` (and the construct that decides). */
function reached(code: string): string[] {
  return withFile(code, (fc, ast) =>
    reachedValues(fc, init(ast, 'target')).map((r) => `${r.via}:${JSON.stringify(r.value)}${r.decider ? ` @ ${fc.sourceCode.getText(r.decider)}` : ''}`),
  );
}

describe('reachedValues', () => {
  it.each<[string, string[]]>([
    // Fallbacks written in the file.
    ['declare const opts: { verify?: boolean };\nconst target = opts.verify ?? false;', ['default:false @ opts.verify ?? false']],
    ["const target = process.env.MIN_TLS || 'TLSv1';", ['default:"TLSv1" @ process.env.MIN_TLS || \'TLSv1\'']],
    ['declare const x: boolean | undefined;\nconst target = x ? x : true;', ['default:true @ x ? x : true']],
    ['declare const x: boolean | undefined;\nconst target = !x ? true : x;', ['default:true @ !x ? true : x']],
    [
      'declare const opts: { insecure?: boolean };\nconst target = opts.insecure === undefined ? true : opts.insecure;',
      ['default:true @ opts.insecure === undefined'],
    ],
    [
      "declare const v: string | undefined;\nconst target = typeof process.env.V === 'undefined' ? false : true;",
      ["default:false @ typeof process.env.V === 'undefined'"],
    ],
    ['const target = process.env.VERIFY !== undefined;', ['default:false @ process.env.VERIFY !== undefined']],
    // Default parameters and destructuring defaults.
    ['function connect(verify = false) { const target = verify; return target; }', ['default:false @ verify = false']],
    ['function connect({ verify = false }: { verify?: boolean }) { const target = verify; return target; }', ['default:false @ verify = false']],
    ['declare const opts: { verify?: boolean };\nconst { verify = false } = opts;\nconst target = verify;', ['default:false @ verify = false']],
    // A local helper with the environment unset.
    [
      "function toBool(v: string | undefined, d: boolean) { if (v === undefined) return d; return v === 'true'; }\nconst target = toBool(process.env.INSECURE, true);",
      ['default:true @ toBool(process.env.INSECURE, true)'],
    ],
    [
      "const toBool = (v: string | undefined, d = false) => (v == null ? d : v === '1');\nconst target = toBool(process.env.VERIFY);",
      ['default:false @ toBool(process.env.VERIFY)'],
    ],
    // A conditional whose test a default or a call in the file decides.
    ["function ctx(legacy = true) { const target = legacy ? 'ALL:@SECLEVEL=0' : 'HIGH'; return target; }", ['default:"ALL:@SECLEVEL=0" @ legacy = true']],
    [
      "function ctx(legacy: boolean) { const target = legacy ? 'ALL:@SECLEVEL=0' : 'HIGH'; return target; }\nctx(true);\nctx(false);",
      ['literal:"ALL:@SECLEVEL=0" @ ctx(true)', 'literal:"HIGH" @ ctx(false)'],
    ],
    // Decided at run time only: no literal or default picks the value.
    // A truthiness test of an unset option picks its falsy branch when the caller leaves it out (a default).
    ["declare const opts: { strict?: boolean };\nconst target = opts.strict ? 'HIGH' : 'ALL';", ["default:\"ALL\" @ opts.strict ? 'HIGH' : 'ALL'"]],
    ["function ctx(legacy: boolean) { const target = legacy ? 'ALL' : 'HIGH'; return target; }\nexport { ctx };", []],
    ['declare const opts: { verify?: boolean };\nconst target = opts.verify;', []],
    ["const target = process.env.VERIFY === 'true';", []],
    ['declare const opts: { verify?: boolean };\nconst target = !opts.verify;', ['default:true @ !opts.verify']],
    ['declare const opts: { verify?: boolean };\nconst target = opts.verify && false;', []],
    // A truthiness test whose set branch reads the value is a presence check.
    [
      "function toBool(v: string | undefined, d: boolean) { if (!v) return d; return v === 'true'; }\nconst target = toBool(process.env.INSECURE, true);",
      ['default:true @ toBool(process.env.INSECURE, true)'],
    ],
    ["const raw = process.env.INSECURE;\nconst target = raw ? raw === 'true' : true;", ["default:true @ raw ? raw === 'true' : true"]],
    [
      "const target = process.env.INSECURE ? process.env.INSECURE === 'true' : true;",
      ["default:true @ process.env.INSECURE ? process.env.INSECURE === 'true' : true"],
    ],
    // ... and a flag whose branches do not read it is a default too: unset, it picks the falsy branch.
    ["declare const opts: { lab?: boolean };\nconst target = opts.lab ? 'ALL' : 'HIGH';", ["default:\"HIGH\" @ opts.lab ? 'ALL' : 'HIGH'"]],
  ])('%s', (code, expected) => {
    expect(reached(code)).toEqual(expected);
  });
});
