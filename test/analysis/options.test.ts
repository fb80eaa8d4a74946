import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { bagOf, destinationsOf, entries, isOpen, lookup, provablyLacks } from '../../src/analysis/options.js';
import { matchDestination } from '../../src/analysis/sinks.js';
import { evaluate } from '../../src/analysis/values.js';
import { nodesOf, objectWith, withFile } from './harness.js';

/** The bag passed as the first object argument of the last call to `sink(...)`. */
function bagAtSink(code: string) {
  return withFile(code, (fc, ast) => {
    const call = nodesOf(ast, AST_NODE_TYPES.CallExpression)
      .filter((c) => c.callee.type === AST_NODE_TYPES.Identifier && c.callee.name === 'sink')
      .pop()!;
    const bag = bagOf(fc, call.arguments[0]!, call);
    if (!bag) return 'unknown';
    const keys = Object.fromEntries(entries(bag).map((e) => [e.key, e.value ? evaluate(fc, e.value)?.[0] : 'fn']));
    return { keys, open: isOpen(bag), lacksServername: provablyLacks(bag, 'servername'), ca: lookup(bag, 'ca')?.overridable };
  });
}

const SINK = 'declare function sink(o: object): void;\n';

describe('bagOf', () => {
  it('reads an object literal', () => {
    expect(bagAtSink(`${SINK}sink({ host: 'a', port: 1 });`)).toEqual({ keys: { host: 'a', port: 1 }, open: false, lacksServername: true, ca: undefined });
  });

  it('follows const variables, spreads (later keys win) and Object.assign', () => {
    const r = bagAtSink(
      `${SINK}const base = { host: 'a', minVersion: 'TLSv1' };\nconst o = Object.assign({}, { ...base, minVersion: 'TLSv1.2' }, { port: 2 });\nsink(o);`,
    );
    expect(r).toMatchObject({ open: false, lacksServername: true });
    expect(
      withFile(`${SINK}const base = { minVersion: 'TLSv1' };\nsink({ ...base, minVersion: 'TLSv1.2' });`, (fc, ast) => {
        const call = nodesOf(ast, AST_NODE_TYPES.CallExpression).pop()!;
        const found = lookup(bagOf(fc, call.arguments[0]!, call)!, 'minVersion')!;
        return evaluate(fc, found.entry.value!);
      }),
    ).toEqual(['TLSv1.2']);
  });

  it('includes property writes before the use, not after', () => {
    const r = bagAtSink(`${SINK}const o: Record<string, unknown> = { host: 'a' };\no.servername = 'a';\nsink(o);\no.ca = 'late';`);
    expect(r).toMatchObject({ keys: { host: 'a', servername: 'a' }, lacksServername: false });
  });

  it('is open when an unknown object is spread or the variable escapes first', () => {
    expect(bagAtSink(`${SINK}declare const extra: object;\nsink({ host: 'a', ...extra });`)).toMatchObject({ open: true, lacksServername: false });
    expect(bagAtSink(`${SINK}declare function tweak(o: object): void;\nconst o = { host: 'a' };\ntweak(o);\nsink(o);`)).toMatchObject({ open: true });
    expect(bagAtSink(`${SINK}declare const k: string;\nsink({ [k]: 1 });`)).toMatchObject({ open: true });
  });

  it('marks an entry overridable when an unknown spread follows it', () => {
    expect(bagAtSink(`${SINK}declare const user: object;\nsink({ ca: 'x', ...user });`)).toMatchObject({ ca: true });
    expect(bagAtSink(`${SINK}declare const user: object;\nsink({ ...user, ca: 'x' });`)).toMatchObject({ ca: false });
  });

  it('is unknown for parameters, reassigned variables and calls', () => {
    expect(bagAtSink(`${SINK}export function f(o: object) { sink(o); }`)).toBe('unknown');
    expect(bagAtSink(`${SINK}let o = { a: 1 };\no = { b: 2 };\nsink(o);`)).toBe('unknown');
    expect(bagAtSink(`${SINK}declare function make(): object;\nsink(make());`)).toBe('unknown');
  });

  it('reads class fields through this', () => {
    const r = withFile(`${SINK}class C {\n  opts = { host: 'a' };\n  go() { sink(this.opts); }\n}`, (fc, ast) => {
      const call = nodesOf(ast, AST_NODE_TYPES.CallExpression).pop()!;
      return entries(bagOf(fc, call.arguments[0]!, call)!).map((e) => e.key);
    });
    expect(r).toEqual(['host']);
  });
});

function destinations(code: string, key: string, filename = 'file.ts') {
  return withFile(
    code,
    (fc, ast) =>
      destinationsOf(fc, objectWith(ast, key)).map((d) => {
        if (d.kind === 'export') return `export:${d.path.join('.')}`;
        if (d.kind !== 'argument') return d.kind === 'assignment' ? `assign:${d.path.join('.')}` : 'unknown';
        const match = matchDestination(fc, d);
        return `${match ? match.row.label : 'call'}#${d.index}${d.path.length ? `:${d.path.join('.')}` : ''}`;
      }),
    filename,
  );
}

describe('destinationsOf', () => {
  const TLS = "import tls from 'node:tls';\n";
  it.each<[string, string[]]>([
    [`${TLS}tls.connect({ marker: 1 });`, ['tls.connect()#0']],
    [`${TLS}tls.connect(443, 'h', { marker: 1 });`, ['tls.connect()#2']],
    [`${TLS}const o = { marker: 1 };\ntls.connect(o);\ntls.createServer(o);`, ['tls.connect()#0', 'tls.createServer()#0']],
    [`${TLS}tls.connect({ ...{ marker: 1 } });`, ['tls.connect()#0']],
    [`${TLS}tls.connect(Object.assign({}, { marker: 1 }));`, ['tls.connect()#0']],
    [`${TLS}tls.connect({ marker: 1 } as tls.ConnectionOptions);`, ['tls.connect()#0']],
    [`${TLS}function opts() { return { marker: 1 }; }\ntls.connect(opts());`, ['tls.connect()#0']],
    [`${TLS}const make = () => ({ marker: 1 });\ntls.connect(make());`, ['tls.connect()#0']],
    [`${TLS}class C { o = { marker: 1 }; go() { return tls.connect(this.o); } }\nexport { C };`, ['tls.connect()#0']],
    [`declare function f(o: object): void;\nf({ nested: { marker: 1 } });`, ['call#0:nested']],
    [`import https from 'https';\nhttps.globalAgent.options = { marker: 1 };`, ['assign:']],
    [`export const o = { marker: 1 };`, ['unknown']],
    [`const o = { marker: 1 };\nmodule.exports = o;`, ['unknown', 'export:']],
    [`export function opts() { return { marker: 1 }; }`, ['unknown']],
    // Config files: the module's export, array elements ('[]') and what a passed-on function returns ('()').
    [`module.exports = { devServer: { proxy: [{ marker: 1 }] } };`, ['export:devServer.proxy.[]']],
    [`export default { server: { proxy: { '/api': { marker: 1 } } } };`, ['export:server.proxy./api']],
    [`export default function config() { return { devServer: { marker: 1 } }; }`, ['export:().devServer']],
    [`const config = (env: string) => ({ devServer: { marker: 1 } });\nmodule.exports = config;`, ['unknown', 'export:().devServer']],
    [`declare function defineConfig(c: unknown): unknown;\nexport default defineConfig(() => ({ server: { marker: 1 } }));`, ['call#0:().server']],
    [`declare const list: unknown[];\nlist.push([{ marker: 1 }]);`, ['call#0:[]']],
  ])('%s', (code, expected) => {
    expect(destinations(code, 'marker')).toEqual(expected);
  });
});
