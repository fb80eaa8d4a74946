/**
 * Issue 17.4: the CDK suggestion that adds the secure policy prop writes the file's own line ending
 * (CRLF, CR) and indentation (tabs), never LF lines or spaces into such a file.
 */
import type rule from '../../rules/no-legacy-tls-version.js';
import type { CasesOf } from '../rule-tester.js';

const DATA = {
  service: 'Elasticsearch domain',
  key: 'tlsSecurityPolicy',
  default: '`TLSSecurityPolicy.TLS_1_0`',
  floor: 'TLS 1.0',
  secure: 'TLSSecurityPolicy.TLS_1_2',
};
const domain = (eol: string, indent: string, imports: string, extra = ''): string =>
  [
    `import { ${imports} } from 'aws-cdk-lib/aws-elasticsearch';`,
    'declare const scope: any;',
    "new Domain(scope, 'Search', {",
    `${indent}version: ElasticsearchVersion.V7_10,`,
    `${indent}enforceHttps: true,`,
    ...(extra ? [`${indent}${extra},`] : []),
    '});',
  ].join(eol);

const cases: CasesOf<typeof rule> = {
  valid: [],
  invalid: [
    ...(
      [
        ['\r\n', '\t'],
        ['\r', '  '],
        ['\r', '\t'],
      ] as const
    ).map(([eol, indent]) => ({
      code: domain(eol, indent, 'Domain, ElasticsearchVersion'),
      errors: [
        {
          messageId: 'cdkLegacyDefault' as const,
          data: DATA,
          line: 3,
          column: 5,
          suggestions: [
            {
              messageId: 'addSecurePolicy' as const,
              data: { key: 'tlsSecurityPolicy', secure: 'TLSSecurityPolicy.TLS_1_2' },
              output: domain(eol, indent, 'Domain, ElasticsearchVersion, TLSSecurityPolicy', 'tlsSecurityPolicy: TLSSecurityPolicy.TLS_1_2'),
            },
          ],
        },
      ],
    })),
  ],
};

export default cases;
