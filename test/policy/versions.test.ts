import { describe, expect, it } from 'vitest';
import {
  TLS_VERSIONS,
  compareTlsVersions,
  effectiveVersionRange,
  isLegacyTlsVersion,
  isTlsVersion,
  secureProtocolInfo,
  versionsBetween,
} from '../../src/policy/index.js';
import { constants } from 'node:crypto';

describe('TLS versions', () => {
  it('lists the four Node spellings in ascending order', () => {
    expect(TLS_VERSIONS).toEqual(['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']);
    expect(Object.isFrozen(TLS_VERSIONS)).toBe(true);
  });

  it('isTlsVersion accepts only the exact strings', () => {
    for (const v of TLS_VERSIONS) expect(isTlsVersion(v)).toBe(true);
    for (const v of ['TLSv1.0', 'tlsv1.2', 'TLSv1.4', 'SSLv3', '', 1.2, null, undefined, ['TLSv1.2']]) {
      expect(isTlsVersion(v)).toBe(false);
    }
  });

  it('compareTlsVersions orders versions', () => {
    expect(compareTlsVersions('TLSv1', 'TLSv1.3')).toBeLessThan(0);
    expect(compareTlsVersions('TLSv1.3', 'TLSv1.1')).toBeGreaterThan(0);
    expect(compareTlsVersions('TLSv1.2', 'TLSv1.2')).toBe(0);
    expect([...TLS_VERSIONS].reverse().sort(compareTlsVersions)).toEqual(TLS_VERSIONS);
  });

  it('isLegacyTlsVersion is true below TLS 1.2', () => {
    expect(TLS_VERSIONS.filter(isLegacyTlsVersion)).toEqual(['TLSv1', 'TLSv1.1']);
  });

  it('versionsBetween is inclusive and empty when min > max', () => {
    expect(versionsBetween('TLSv1.1', 'TLSv1.2')).toEqual(['TLSv1.1', 'TLSv1.2']);
    expect(versionsBetween('TLSv1.3', 'TLSv1.3')).toEqual(['TLSv1.3']);
    expect(versionsBetween('TLSv1.3', 'TLSv1.2')).toEqual([]);
  });
});

describe('secureProtocolInfo', () => {
  const cases: [string, string, string[] | null][] = [
    ['SSLv2_method', 'disabled', []],
    ['SSLv3_client_method', 'disabled', []],
    ['SSLv3_server_method', 'disabled', []],
    ['TLSv1_method', 'legacy', ['TLSv1']],
    ['TLSv1_server_method', 'legacy', ['TLSv1']],
    ['TLSv1_1_client_method', 'legacy', ['TLSv1.1']],
    ['TLSv1_2_method', 'pins-tls12', ['TLSv1.2']],
    ['TLSv1_2_server_method', 'pins-tls12', ['TLSv1.2']],
    ['SSLv23_method', 'pins-tls12', ['TLSv1.2']],
    ['SSLv23_client_method', 'pins-tls12', ['TLSv1.2']],
    ['TLS_method', 'legacy', ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']],
    ['TLS_client_method', 'legacy', ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']],
    ['TLSv1_3_method', 'invalid', []],
    ['DTLS_method', 'invalid', []],
    ['tls_method', 'invalid', []],
    ['TLSv1_method ', 'invalid', []],
    ['', 'invalid', []],
  ];
  it.each(cases)('%s -> %s', (method, kind, versions) => {
    expect(secureProtocolInfo(method)).toEqual({ method, kind, versions });
  });
});

describe('effectiveVersionRange', () => {
  it('defaults to TLS 1.2 - 1.3', () => {
    expect(effectiveVersionRange({})).toEqual({ versions: ['TLSv1.2', 'TLSv1.3'], legacy: [], modernDisabled: [] });
  });

  it('applies minVersion / maxVersion', () => {
    expect(effectiveVersionRange({ minVersion: 'TLSv1' })).toEqual({
      versions: ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'],
      legacy: ['TLSv1', 'TLSv1.1'],
      modernDisabled: [],
    });
    expect(effectiveVersionRange({ maxVersion: 'TLSv1.2' })).toEqual({ versions: ['TLSv1.2'], legacy: [], modernDisabled: ['TLSv1.3'] });
    expect(effectiveVersionRange({ minVersion: 'TLSv1.3' })).toEqual({ versions: ['TLSv1.3'], legacy: [], modernDisabled: ['TLSv1.2'] });
  });

  it('ignores version strings Node would reject', () => {
    expect(effectiveVersionRange({ minVersion: 'TLSv1.0', maxVersion: 'tls1.3' }).versions).toEqual(['TLSv1.2', 'TLSv1.3']);
  });

  it('uses the given process defaults (--tls-min-v1.0, tls.DEFAULT_MIN_VERSION)', () => {
    expect(effectiveVersionRange({}, { min: 'TLSv1', max: 'TLSv1.3' }).legacy).toEqual(['TLSv1', 'TLSv1.1']);
    expect(effectiveVersionRange({ minVersion: 'TLSv1.2' }, { min: 'TLSv1', max: 'TLSv1.2' })).toEqual({
      versions: ['TLSv1.2'],
      legacy: [],
      modernDisabled: ['TLSv1.3'],
    });
  });

  it('fails closed when min > max', () => {
    expect(effectiveVersionRange({ minVersion: 'TLSv1.3', maxVersion: 'TLSv1.2' })).toEqual({
      versions: [],
      legacy: [],
      modernDisabled: [],
      error: 'ERR_SSL_NO_PROTOCOLS_AVAILABLE',
    });
    expect(effectiveVersionRange({ maxVersion: 'TLSv1.1' }).error).toBe('ERR_SSL_NO_PROTOCOLS_AVAILABLE');
  });

  it('follows secureProtocol', () => {
    expect(effectiveVersionRange({ secureProtocol: 'TLSv1_method' })).toEqual({
      versions: ['TLSv1'],
      legacy: ['TLSv1'],
      modernDisabled: ['TLSv1.2', 'TLSv1.3'],
    });
    expect(effectiveVersionRange({ secureProtocol: 'TLSv1_2_client_method' }).versions).toEqual(['TLSv1.2']);
    expect(effectiveVersionRange({ secureProtocol: 'SSLv23_method' })).toEqual({ versions: ['TLSv1.2'], legacy: [], modernDisabled: ['TLSv1.3'] });
    expect(effectiveVersionRange({ secureProtocol: 'SSLv23_method' }, { min: 'TLSv1.1', max: 'TLSv1.3' }).versions).toEqual(['TLSv1.1', 'TLSv1.2']);
    expect(effectiveVersionRange({ secureProtocol: 'TLS_method' }).legacy).toEqual(['TLSv1', 'TLSv1.1']);
    expect(effectiveVersionRange({ secureProtocol: 'SSLv3_method' }).error).toBe('ERR_TLS_INVALID_PROTOCOL_METHOD');
    expect(effectiveVersionRange({ secureProtocol: 'nope' }).error).toBe('ERR_TLS_INVALID_PROTOCOL_METHOD');
    expect(effectiveVersionRange({ secureProtocol: '' }).error).toBe('ERR_TLS_INVALID_PROTOCOL_METHOD');
  });

  it('reports the secureProtocol/minVersion conflict Node throws on', () => {
    expect(effectiveVersionRange({ secureProtocol: 'TLS_method', minVersion: 'TLSv1.2' }).error).toBe('ERR_TLS_PROTOCOL_VERSION_CONFLICT');
    expect(effectiveVersionRange({ secureProtocol: 'TLSv1_2_method', maxVersion: 'TLSv1.3' }).error).toBe('ERR_TLS_PROTOCOL_VERSION_CONFLICT');
  });

  it('removes versions disabled by secureOptions', () => {
    const { SSL_OP_NO_TLSv1_3, SSL_OP_NO_TLSv1_2, SSL_OP_NO_TLSv1, SSL_OP_NO_TLSv1_1 } = constants;
    expect(effectiveVersionRange({ secureOptions: SSL_OP_NO_TLSv1_3 })).toEqual({ versions: ['TLSv1.2'], legacy: [], modernDisabled: ['TLSv1.3'] });
    expect(effectiveVersionRange({ minVersion: 'TLSv1', secureOptions: SSL_OP_NO_TLSv1_2 | SSL_OP_NO_TLSv1_3 })).toEqual({
      versions: ['TLSv1', 'TLSv1.1'],
      legacy: ['TLSv1', 'TLSv1.1'],
      modernDisabled: ['TLSv1.2', 'TLSv1.3'],
    });
    expect(effectiveVersionRange({ secureProtocol: 'TLS_method', secureOptions: SSL_OP_NO_TLSv1 | SSL_OP_NO_TLSv1_1 }).legacy).toEqual([]);
    expect(effectiveVersionRange({ secureOptions: SSL_OP_NO_TLSv1_2 | SSL_OP_NO_TLSv1_3 }).error).toBe('ERR_SSL_NO_PROTOCOLS_AVAILABLE');
    expect(effectiveVersionRange({ secureOptions: 1.5 }).versions).toEqual(['TLSv1.2', 'TLSv1.3']);
  });

  it('keeps only the lowest contiguous block on the client side', () => {
    const { SSL_OP_NO_TLSv1_1, SSL_OP_NO_TLSv1_2 } = constants;
    const holed = { minVersion: 'TLSv1', secureOptions: SSL_OP_NO_TLSv1_1 };
    expect(effectiveVersionRange(holed).versions).toEqual(['TLSv1', 'TLSv1.2', 'TLSv1.3']);
    expect(effectiveVersionRange(holed, undefined, 'client')).toEqual({ versions: ['TLSv1'], legacy: ['TLSv1'], modernDisabled: ['TLSv1.2', 'TLSv1.3'] });
    expect(effectiveVersionRange({ secureOptions: SSL_OP_NO_TLSv1_2 }, undefined, 'client').versions).toEqual(['TLSv1.3']);
    expect(effectiveVersionRange({ minVersion: 'TLSv1' }, undefined, 'client').versions).toEqual(['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']);
  });
});
