import { constants } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PROFILES, checkTlsOptions, type PolicyFinding } from '../../src/policy/index.js';

const summary = (fs: PolicyFinding[]): string[] => fs.map((f) => `${f.category}:${f.option}`);

describe('checkTlsOptions', () => {
  it('accepts an empty bag and the profile options', () => {
    expect(checkTlsOptions({})).toEqual([]);
    for (const p of Object.values(PROFILES)) {
      const bag = { minVersion: p.minVersion, ciphers: p.ciphers, ecdhCurve: p.ecdhCurve, minDHSize: p.minDHSize, rejectUnauthorized: true };
      expect(checkTlsOptions(bag, { profile: p.name })).toEqual([]);
      expect(checkTlsOptions(bag, { profile: p.name, strict: true })).toEqual([]);
    }
  });

  it('client rejectUnauthorized: only the literal false', () => {
    expect(checkTlsOptions({ rejectUnauthorized: false })).toEqual([
      {
        option: 'rejectUnauthorized',
        value: false,
        category: 'cert-verification',
        message: 'rejectUnauthorized: false turns off certificate and hostname verification, so anyone on the network path can impersonate the server.',
      },
    ]);
    for (const v of [0, null, '', 'false', undefined, true]) expect(checkTlsOptions({ rejectUnauthorized: v })).toEqual([]);
  });

  it('server rejectUnauthorized: false only matters with requestCert: true', () => {
    expect(checkTlsOptions({ rejectUnauthorized: false }, { side: 'server' })).toEqual([]);
    expect(checkTlsOptions({ rejectUnauthorized: false, requestCert: 'yes' }, { side: 'server' })).toEqual([]);
    const f = checkTlsOptions({ rejectUnauthorized: false, requestCert: true }, { side: 'server' });
    expect(summary(f)).toEqual(['cert-verification:rejectUnauthorized']);
    expect(f[0]?.message).toMatch(/mutual TLS is not enforced/);
  });

  it('protocol versions', () => {
    expect(summary(checkTlsOptions({ minVersion: 'TLSv1' }))).toEqual(['protocol-version:minVersion']);
    expect(checkTlsOptions({ minVersion: 'TLSv1.1' })[0]?.message).toBe(
      "minVersion: 'TLSv1.1' allows TLS 1.1, a deprecated protocol version (RFC 8996) open to downgrade and cipher attacks.",
    );
    expect(checkTlsOptions({ minVersion: 'TLSv1' })[0]?.message).toBe(
      "minVersion: 'TLSv1' allows TLS 1.0 and TLS 1.1, deprecated protocol versions (RFC 8996) open to downgrade and cipher attacks.",
    );
    expect(checkTlsOptions({ minVersion: 'TLSv1', secureOptions: constants.SSL_OP_NO_TLSv1 | constants.SSL_OP_NO_TLSv1_1 })).toEqual([]);
    expect(checkTlsOptions({ minVersion: 'TLSv1', secureOptions: constants.SSL_OP_NO_TLSv1 })[0]?.message).toMatch(
      /^minVersion: 'TLSv1' allows TLS 1\.1, a deprecated/,
    );
    expect(summary(checkTlsOptions({ maxVersion: 'TLSv1' }))).toEqual(['protocol-version:maxVersion']);
    expect(checkTlsOptions({ maxVersion: 'TLSv1' })[0]?.message).toBe(
      "maxVersion: 'TLSv1' limits connections to TLS 1.0, a deprecated protocol version (RFC 8996) open to downgrade and cipher attacks.",
    );
    expect(checkTlsOptions({ maxVersion: 'TLSv1.2' })).toEqual([]);
    expect(checkTlsOptions({ minVersion: 'TLSv1.2' })).toEqual([]);
    expect(checkTlsOptions({ minVersion: 'TLSv1.0' })).toEqual([]); // Node throws on it: not judged
    expect(summary(checkTlsOptions({ minVersion: 'TLSv1.2' }, { profile: 'modern' }))).toEqual(['protocol-version:minVersion']);
    expect(summary(checkTlsOptions({ maxVersion: 'TLSv1.2' }, { profile: 'modern' }))).toEqual(['protocol-version:maxVersion']);
  });

  it('secureProtocol', () => {
    expect(summary(checkTlsOptions({ secureProtocol: 'TLSv1_method' }))).toEqual(['protocol-version:secureProtocol']);
    expect(summary(checkTlsOptions({ secureProtocol: 'TLS_method' }))).toEqual(['protocol-version:secureProtocol']);
    expect(summary(checkTlsOptions({ secureProtocol: 'SSLv3_method' }))).toEqual(['protocol-version:secureProtocol']);
    expect(checkTlsOptions({ secureProtocol: 'TLSv1_2_method' })).toEqual([]);
    expect(checkTlsOptions({ secureProtocol: 'SSLv23_method' })).toEqual([]);
    expect(summary(checkTlsOptions({ secureProtocol: 'TLSv1_2_method' }, { strict: true }))).toEqual(['protocol-version:secureProtocol']);
    expect(summary(checkTlsOptions({ secureProtocol: 'SSLv23_method' }, { profile: 'modern' }))).toEqual(['protocol-version:secureProtocol']);
    expect(checkTlsOptions({ secureProtocol: 'bogus' })).toEqual([]);
    expect(checkTlsOptions({ secureProtocol: 'TLS_method' })[0]?.message).toBe(
      "secureProtocol: 'TLS_method' enables TLS 1.0 and TLS 1.1, deprecated protocol versions; use minVersion: 'TLSv1.2' instead.",
    );
    // secureOptions that switch the legacy versions off again
    expect(checkTlsOptions({ secureProtocol: 'TLS_method', secureOptions: constants.SSL_OP_NO_TLSv1 | constants.SSL_OP_NO_TLSv1_1 })).toEqual([]);
    // Node throws ERR_TLS_PROTOCOL_VERSION_CONFLICT: nothing connects, nothing to report
    expect(checkTlsOptions({ secureProtocol: 'TLSv1_method', minVersion: 'TLSv1' })).toEqual([]);
    expect(summary(checkTlsOptions({ secureProtocol: 'TLSv1_method', minVersion: null }))).toEqual(['protocol-version:secureProtocol']);
  });

  it('secureOptions: weakening bits only', () => {
    const f = checkTlsOptions({ secureOptions: constants.SSL_OP_LEGACY_SERVER_CONNECT | constants.SSL_OP_NO_TLSv1 });
    expect(summary(f)).toEqual(['weak-cipher:secureOptions']);
    expect(f[0]?.message).toBe(
      'secureOptions: 67108868 sets SSL_OP_LEGACY_SERVER_CONNECT, which weakens TLS (allows connecting to servers without secure renegotiation (RFC 5746)).',
    );
    expect(checkTlsOptions({ secureOptions: constants.SSL_OP_NO_TLSv1 | constants.SSL_OP_NO_TLSv1_1 | constants.SSL_OP_NO_RENEGOTIATION })).toEqual([]);
    expect(checkTlsOptions({ secureOptions: '4' })).toEqual([]);
    // OpenSSL reads SSL_OP_LEGACY_SERVER_CONNECT on a client only; SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION weakens a server too.
    expect(checkTlsOptions({ secureOptions: constants.SSL_OP_LEGACY_SERVER_CONNECT }, { side: 'server' })).toEqual([]);
    expect(summary(checkTlsOptions({ secureOptions: constants.SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION }, { side: 'server' }))).toEqual([
      'weak-cipher:secureOptions',
    ]);
  });

  it('ciphers: weak suites under the policy, and @SECLEVEL=0', () => {
    expect(checkTlsOptions({ ciphers: 'HIGH:!RC4' })).toEqual([]);
    // Node >= 17 (OpenSSL 3) has no RC4, 3DES or IDEA suites, and level 1 refuses the anonymous ones in ALL.
    expect(checkTlsOptions({ ciphers: 'ALL' })).toEqual([]);
    const zero = checkTlsOptions({ ciphers: 'ALL:@SECLEVEL=0' });
    expect(zero[0]?.message).toMatch(
      /^ciphers: 'ALL:@SECLEVEL=0' enables weak cipher suites: ADH-AES256-GCM-SHA384 \(anonymous \(no authentication\)\).* and \d+ more\.$/,
    );
    expect(summary(checkTlsOptions({ ciphers: 'DEFAULT:@SECLEVEL=0' }))).toEqual(['weak-cipher:ciphers']);
    expect(checkTlsOptions({ ciphers: 'DEFAULT:@SECLEVEL=0' }, { nodeVersion: '20.20.2' })[0]?.message).toBe(
      "ciphers: 'DEFAULT:@SECLEVEL=0' sets @SECLEVEL=0, which switches off OpenSSL's security checks so TLS 1.0/1.1, SHA-1 signatures and keys under 1024 bits are accepted again.",
    );
    // Node 16 (OpenSSL 1.1.1) takes TLS 1.0/1.1 and SHA-1 signatures at level 1 (test/claims/legacy-node.test.ts).
    expect(checkTlsOptions({ ciphers: 'DEFAULT:@SECLEVEL=0' }, { nodeVersion: '16.20.2' })[0]?.message).toBe(
      "ciphers: 'DEFAULT:@SECLEVEL=0' sets @SECLEVEL=0, which switches off OpenSSL's security checks so keys under 1024 bits are accepted again.",
    );
    expect(summary(checkTlsOptions({ ciphers: 'ALL:@SECLEVEL=0' }))).toEqual(['weak-cipher:ciphers', 'weak-cipher:ciphers']);
    expect(checkTlsOptions({ ciphers: 'AES128-SHA' })).toEqual([]);
    expect(summary(checkTlsOptions({ ciphers: 'AES128-SHA' }, { strict: true }))).toEqual(['weak-cipher:ciphers']);
    expect(summary(checkTlsOptions({ ciphers: 'AES128-SHA' }, { profile: 'modern' }))).toEqual(['weak-cipher:ciphers']);
    expect(checkTlsOptions({ ciphers: 'RC4-SHA' })).toEqual([]); // not compiled into OpenSSL 3 (or Node 10 - 16's 1.1): Node throws
    expect(checkTlsOptions({ ciphers: 'ALL' }, { nodeVersion: '16.20.2' })).toEqual([]); // 1.1: no RC4/3DES; IDEA needs TLS 1.1
    // ... and with TLS 1.0/1.1 allowed, Node 16 offers IDEA-CBC-SHA (test/policy/node16-oracle.test.ts); Node 20 has no IDEA.
    const idea = { ciphers: 'IDEA-CBC-SHA:ECDHE-RSA-AES128-GCM-SHA256', minVersion: 'TLSv1' };
    expect(checkTlsOptions(idea, { nodeVersion: '16.20.2' }).map((f) => f.message)).toEqual([
      "minVersion: 'TLSv1' allows TLS 1.0 and TLS 1.1, deprecated protocol versions (RFC 8996) open to downgrade and cipher attacks.",
      "ciphers: 'IDEA-CBC-SHA:ECDHE-RSA-AES128-GCM-SHA256' enables weak cipher suites: IDEA-CBC-SHA (IDEA (64-bit block)).",
    ]);
    expect(summary(checkTlsOptions({ ciphers: idea.ciphers }, { nodeVersion: '16.20.2' }))).toEqual([]);
    expect(summary(checkTlsOptions(idea, { nodeVersion: '20.20.2' }))).toEqual(['protocol-version:minVersion']);
    // Node 10/11 default to TLS 1.0, so there IDEA is offered without minVersion.
    expect(summary(checkTlsOptions({ ciphers: idea.ciphers }, { nodeVersion: '11.15.0' }))).toEqual(['weak-cipher:ciphers']);
    expect(summary(checkTlsOptions({ ciphers: 'SEED-SHA' }, { strict: true, nodeVersion: '16.20.2' }))).toEqual(['weak-cipher:ciphers']);
    expect(checkTlsOptions({ ciphers: 'SEED-SHA:AES128-GCM-SHA256' }, { strict: true })).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/AES128-GCM-SHA256 \(no forward secrecy\)\.$/) }),
    ]);
    expect(checkTlsOptions({ ciphers: 'AES/GCM:NULL:@SECLEVEL=0' })).toEqual([]); // Node throws: fails closed
    expect(checkTlsOptions({ ciphers: ['RC4'] })).toEqual([]);
  });

  it('client minDHSize under 2048', () => {
    expect(checkTlsOptions({ minDHSize: 1024 })[0]).toEqual({
      option: 'minDHSize',
      value: 1024,
      category: 'weak-cipher',
      message: 'minDHSize: 1024 accepts Diffie-Hellman groups smaller than 2048 bits, which can be broken (Logjam).',
    });
    expect(checkTlsOptions({ minDHSize: 2048 })).toEqual([]);
    expect(checkTlsOptions({ minDHSize: 1024 }, { side: 'server' })).toEqual([]);
    expect(checkTlsOptions({ minDHSize: '1024' })).toEqual([]);
  });

  it('ecdhCurve, sigalgs, ca', () => {
    // Judged for the Node version's OpenSSL and the bag's security level (test/claims/weak-handshake.test.ts).
    expect(checkTlsOptions({ ecdhCurve: 'secp192r1:X25519' }, { nodeVersion: '20.19.0' })[0]?.message).toBe(
      "ecdhCurve: 'secp192r1:X25519' lets the key exchange use elliptic curves below 128-bit security (secp192r1) with a peer that offers or picks them.",
    );
    // OpenSSL 3's level 2 (Node 24.5+) refuses the 80-bit curves; an OpenSSL 3 client offering TLS 1.3 with no TLS 1.3 group cannot connect.
    expect(checkTlsOptions({ ecdhCurve: 'secp192r1:X25519' }, { nodeVersion: '24.5.0' })).toEqual([]);
    expect(checkTlsOptions({ ecdhCurve: 'secp224r1' }, { nodeVersion: '20.19.0' })).toEqual([]);
    expect(summary(checkTlsOptions({ ecdhCurve: 'secp224r1' }, { nodeVersion: '20.19.0', side: 'server' }))).toEqual(['weak-cipher:ecdhCurve']);
    expect(summary(checkTlsOptions({ ecdhCurve: 'secp224r1', maxVersion: 'TLSv1.2' }, { nodeVersion: '20.19.0' }))).toEqual(['weak-cipher:ecdhCurve']);
    expect(checkTlsOptions({ ecdhCurve: 'auto' })).toEqual([]);
    // SHA-1 signatures: OpenSSL 1.1.1 up to level 1, OpenSSL 3 at level 0 only.
    expect(checkTlsOptions({ sigalgs: 'RSA+SHA1:ECDSA+SHA256' }, { nodeVersion: '16.20.2' })[0]?.message).toBe(
      "sigalgs: 'RSA+SHA1:ECDSA+SHA256' lets TLS 1.2 handshakes be signed with SHA-1 (RSA+SHA1), which is open to transcript-collision attacks (SLOTH) and forbidden by RFC 9155.",
    );
    expect(checkTlsOptions({ sigalgs: 'RSA+SHA1:ECDSA+SHA256' }, { nodeVersion: '20.19.0' })).toEqual([]);
    expect(summary(checkTlsOptions({ sigalgs: 'RSA+SHA1', ciphers: 'DEFAULT:@SECLEVEL=0' }, { nodeVersion: '20.19.0' }))).toEqual([
      'weak-cipher:ciphers',
      'weak-cipher:sigalgs',
    ]);
    expect(checkTlsOptions({ sigalgs: 'ECDSA+SHA256' })).toEqual([]);
    expect(checkTlsOptions({ ca: [] })).toEqual([
      {
        option: 'ca',
        value: [],
        category: 'trust-store',
        message:
          'ca: [] replaces the trust store with nothing, so no certificate can be verified; pass the CA certificates to trust, or omit ca for the default roots.',
      },
    ]);
    expect(checkTlsOptions({ ca: ['-----BEGIN CERTIFICATE-----'] })).toEqual([]);
    expect(checkTlsOptions({ ca: '' })).toEqual([]);
  });

  it('reports every insecure option of one bag, in a fixed order', () => {
    const bag = {
      rejectUnauthorized: false,
      minVersion: 'TLSv1',
      secureOptions: constants.SSL_OP_NO_TLSv1_3,
      ciphers: 'ALL:@SECLEVEL=0',
      minDHSize: 512,
      ecdhCurve: 'secp224r1',
      sigalgs: 'RSA+SHA1',
      ca: [],
      checkServerIdentity: () => undefined,
    };
    expect(summary(checkTlsOptions(bag))).toEqual([
      'cert-verification:rejectUnauthorized',
      'protocol-version:minVersion',
      'weak-cipher:secureOptions',
      'weak-cipher:ciphers',
      'weak-cipher:ciphers',
      'weak-cipher:minDHSize',
      'weak-cipher:ecdhCurve',
      'weak-cipher:sigalgs',
      'trust-store:ca',
    ]);
  });
});
