// The factories' parameter types (issue 17, item 19): object literals get `tls.ConnectionOptions`
// context, and the insecure options that can be recognised from the type are compile errors.
import { describe, expect, it } from 'vitest';
import { typecheck } from '../harness/typecheck.js';

const head =
  "import tls from 'node:tls';\nimport https from 'node:https';\nimport http2 from 'node:http2';\nimport { secureAgent, secureClientOptions, secureServerOptions } from 'tlsguard-runtime';\n";

const accepted = `${head}
tls.connect(secureClientOptions({
  host: 'db.internal',
  maxVersion: 'TLSv1.3',
  checkServerIdentity(host, cert) {
    return tls.checkServerIdentity(host, cert);
  },
}));
tls.connect(secureClientOptions({ host: 'a.example', checkServerIdentity: (host, cert) => tls.checkServerIdentity(host, cert) }));
https.get('https://a.example/', secureClientOptions({ hostname: 'a.example', path: '/', agent: false }));
https.get(secureClientOptions({ hostname: 'a.example' }), () => undefined);
https.request(secureClientOptions({ agent: secureAgent() }));
declare const request: https.RequestOptions;
https.get(secureClientOptions(request));
declare const connection: tls.ConnectionOptions;
tls.connect(secureClientOptions(connection));
declare const session: http2.SecureClientSessionOptions;
http2.connect('https://a.example', secureClientOptions(session));
declare const verify: boolean;
tls.connect(secureClientOptions({ host: 'a.example', rejectUnauthorized: verify }));
tls.connect(secureClientOptions());
secureAgent({ keepAlive: true, checkServerIdentity(host, cert) { return tls.checkServerIdentity(host, cert); } });
tls.createServer(secureServerOptions({ cert: '', key: '', minVersion: 'TLSv1.3', rejectUnauthorized: false }));
`;

const refused: ReadonlyArray<[string, string]> = [
  ['rejectUnauthorized: false', "secureClientOptions({ host: 'a.example', rejectUnauthorized: false });"],
  ["minVersion: 'TLSv1'", "secureClientOptions({ minVersion: 'TLSv1' });"],
  ["maxVersion: 'TLSv1.1'", "secureClientOptions({ maxVersion: 'TLSv1.1' });"],
  ['secureProtocol', "secureClientOptions({ secureProtocol: 'TLSv1_2_method' });"],
  ['a non-PEM ca', 'secureClientOptions({ ca: 42 });'],
  ["profile: 'Modern'", "secureClientOptions({ profile: 'Modern' });"],
  ["server minVersion: 'TLSv1.1'", "secureServerOptions({ cert: '', key: '', minVersion: 'TLSv1.1' });"],
  ['server secureProtocol', "secureServerOptions({ cert: '', key: '', secureProtocol: 'TLS_method' });"],
];

describe('factory parameter types', () => {
  const results = typecheck([
    { name: 'types-accepted.ts', text: accepted },
    ...refused.map(([, code], i) => ({ name: `types-refused-${i}.ts`, text: `${head}${code}\n` })),
  ]);

  it('object literals get the tls.ConnectionOptions context; declared option types are accepted', () => {
    expect(results.get('types-accepted.ts')).toEqual({ syntax: [], semantic: [] });
  });

  for (const [i, [what]] of refused.entries()) {
    it(`refuses ${what} at compile time`, () => {
      expect(results.get(`types-refused-${i}.ts`)!.semantic).toHaveLength(1);
    });
  }
});
