/** CHECKED_OPTIONS names every key checkTlsOptions reads, so a caller that leaves the others out (factory.ts) loses no finding. */
import { describe, expect, it } from 'vitest';
import { CHECKED_OPTIONS, checkTlsOptions } from '../../src/policy/index.js';

const BAGS: Record<string, unknown>[] = [
  {},
  { rejectUnauthorized: false, requestCert: true },
  { minVersion: 'TLSv1', maxVersion: 'TLSv1.1' },
  { secureProtocol: 'TLSv1_method', minVersion: 'TLSv1.2' },
  { secureProtocol: 'SSLv23_method', secureOptions: 0x4000000 },
  { ciphers: 'DEFAULT:@SECLEVEL=0', ecdhCurve: 'secp192r1:auto', minDHSize: 512, sigalgs: 'RSA+SHA1' },
  { ciphers: 'RC4-SHA:NULL', ca: [], host: 'example.com', agent: false, servername: 'x', checkServerIdentity: () => undefined },
  { ca: 'not a pem', minVersion: 'TLSv1.3', ciphers: 'TLS_AES_128_GCM_SHA256' },
];

/** The keys `checkTlsOptions` reads from `bag` (a proxy records every property read). */
function keysRead(bag: Record<string, unknown>, side: 'client' | 'server', strict: boolean): Set<string> {
  const read = new Set<string>();
  const proxy = new Proxy(bag, {
    get(target, key, receiver) {
      if (typeof key === 'string') read.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
    ownKeys(target) {
      read.add('(all keys)');
      return Reflect.ownKeys(target);
    },
  });
  checkTlsOptions(proxy, { side, strict });
  return read;
}

describe('CHECKED_OPTIONS', () => {
  it('holds every key checkTlsOptions reads, on both sides, strict or not', () => {
    const read = new Set<string>();
    for (const bag of BAGS)
      for (const side of ['client', 'server'] as const) for (const strict of [false, true]) for (const k of keysRead(bag, side, strict)) read.add(k);
    expect([...read].filter((k) => !CHECKED_OPTIONS.has(k))).toEqual([]);
    // The recording works: the keys the bags set for the policy are seen.
    expect(read).toContain('ciphers');
    expect(read).toContain('rejectUnauthorized');
  });
});
