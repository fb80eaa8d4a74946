/**
 * AWS CDK TLS security policies (src/analysis/catalogue/aws-cdk.ts) for `no-legacy-tls-version`:
 * API Gateway, OpenSearch/Elasticsearch, CloudFront and ELBv2 policy props, in the aws-cdk-lib
 * submodule, `aws_*` namespace and CDK v1 `@aws-cdk/*` spellings.
 *
 * aws-cdk-lib is not installed here (like the AWS SDK and Electron in the library cases), so these
 * inputs do not resolve its types: the suggestion harness sees the same unresolved-import errors
 * before and after each suggestion. The aws-cdk-lib 2.276.0 TypeScript inputs and their suggestion
 * outputs were type-checked against the package's own declarations when the cases were written
 * (every enum member and prop used here exists there); JavaScript cases cover `require`.
 */
import type rule from '../../rules/no-legacy-tls-version.js';
import type { CasesOf } from '../rule-tester.js';
import { js } from '../rule-tester.js';

const cases: CasesOf<typeof rule> = {
  valid: [
    `// The TLS 1.2 policies, and omitting the key where the documented default is TLS 1.2.
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type { Construct } from 'constructs';
declare const scope: Construct, certificate: import('aws-cdk-lib/aws-certificatemanager').ICertificate;
new apigw.DomainName(scope, 'A', { domainName: 'api.example.com', certificate, securityPolicy: apigw.SecurityPolicy.TLS_1_2 });
new apigw.DomainName(scope, 'B', { domainName: 'api.example.com', certificate });
new apigw.DomainName(scope, 'C', { domainName: 'api.example.com', certificate, securityPolicy: apigw.SecurityPolicy.TLS13_1_3_2025_09 });`,
    `// CDK v1 documents TLS_1_0 as the default, but passes the omitted prop through like v2 (no report).
import { DomainName } from '@aws-cdk/aws-apigateway';
declare const scope: any, certificate: any;
new DomainName(scope, 'A', { domainName: 'api.example.com', certificate });`,
    `// Unknown values are not reported.
import { DomainName, SecurityPolicy } from 'aws-cdk-lib/aws-apigateway';
export function domain(scope: any, certificate: any, securityPolicy: SecurityPolicy) {
  return new DomainName(scope, 'A', { domainName: 'api.example.com', certificate, securityPolicy });
}`,
    `import { CfnDomainName } from 'aws-cdk-lib/aws-apigateway';
declare const scope: any;
new CfnDomainName(scope, 'A', { domainName: 'api.example.com', securityPolicy: process.env.POLICY });`,
    `// Look-alikes that are not the CDK classes.
declare class CfnDomainName { constructor(scope: unknown, id: string, props: object) }
new CfnDomainName(null, 'A', { domainName: 'api.example.com', securityPolicy: 'TLS_1_0' });`,
    `import { CfnDomainName } from './constructs';
new CfnDomainName(null, 'A', { domainName: 'api.example.com', securityPolicy: 'TLS_1_0' });`,
    `import { Stack } from 'aws-cdk-lib';
import { CfnDomain } from './search';
export class Search extends Stack {
  domain = new CfnDomain(this, 'D', { domainEndpointOptions: { tlsSecurityPolicy: 'Policy-Min-TLS-1-0-2019-07' } });
}`,
    `// A string policy where the receiver is not provably CDK (an instance method, an exported object).
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
declare const api: RestApi, certificate: any;
api.addDomainName('A', { domainName: 'api.example.com', certificate, securityPolicy: 'TLS_1_0' as never });
export const options = { securityPolicy: 'TLS_1_0' };`,
    `// A spread after the legacy value may replace it; a later key does.
import { DomainName, SecurityPolicy, type DomainNameProps } from 'aws-cdk-lib/aws-apigateway';
declare const scope: any, certificate: any, overrides: Partial<DomainNameProps>;
new DomainName(scope, 'A', { domainName: 'a.example.com', certificate, securityPolicy: SecurityPolicy.TLS_1_0, ...overrides });
const base = { domainName: 'b.example.com', certificate, securityPolicy: SecurityPolicy.TLS_1_0 };
new DomainName(scope, 'B', { ...base, securityPolicy: SecurityPolicy.TLS_1_2 });`,
    `// A conditional is reported only when every branch is legacy.
import { DomainName, SecurityPolicy } from 'aws-cdk-lib/aws-apigateway';
declare const scope: any, certificate: any, legacyClients: boolean;
new DomainName(scope, 'A', { domainName: 'a.example.com', certificate, securityPolicy: legacyClients ? SecurityPolicy.TLS_1_0 : SecurityPolicy.TLS_1_2 });`,
    `// OpenSearch (v2) defaults to TLS_1_2; the level-1 CfnDomain documents no default.
import { aws_opensearchservice as opensearch } from 'aws-cdk-lib';
declare const scope: any;
new opensearch.Domain(scope, 'A', { version: opensearch.EngineVersion.OPENSEARCH_2_11 });
new opensearch.Domain(scope, 'B', { version: opensearch.EngineVersion.OPENSEARCH_2_11, tlsSecurityPolicy: opensearch.TLSSecurityPolicy.TLS_1_2_PFS });
new opensearch.CfnDomain(scope, 'C', { domainEndpointOptions: { enforceHttps: true } });`,
    `// Elasticsearch: an explicit TLS 1.2 policy, or props the file cannot see.
import * as es from 'aws-cdk-lib/aws-elasticsearch';
declare const scope: any, props: es.DomainProps;
new es.Domain(scope, 'A', { version: es.ElasticsearchVersion.V7_10, tlsSecurityPolicy: es.TLSSecurityPolicy.TLS_1_2 });
new es.Domain(scope, 'B', props);
new es.Domain(scope, 'C', { ...props, enforceHttps: true });`,
    `// CloudFront ignores minimumProtocolVersion without a certificate (the CDK warns); TLS 1.2 policies are fine.
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
declare const scope: any, origin: cloudfront.IOrigin, certificate: any;
new cloudfront.Distribution(scope, 'A', { defaultBehavior: { origin }, minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2016 });
new cloudfront.Distribution(scope, 'B', { defaultBehavior: { origin }, certificate, domainNames: ['cdn.example.com'], minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 });
new cloudfront.CfnDistribution(scope, 'C', { distributionConfig: { enabled: true, defaultCacheBehavior: { targetOriginId: 'origin', viewerProtocolPolicy: 'redirect-to-https' }, viewerCertificate: { acmCertificateArn: 'arn:aws:acm:us-east-1:1:certificate/x', sslSupportMethod: 'sni-only', minimumProtocolVersion: 'TLSv1.2_2021' } } });`,
    `import { ViewerCertificate, SecurityPolicyProtocol } from 'aws-cdk-lib/aws-cloudfront';
declare const certificate: any;
export const a = ViewerCertificate.fromAcmCertificate(certificate, { securityPolicy: SecurityPolicyProtocol.TLS_V1_2_2021 });
export const b = ViewerCertificate.fromCloudFrontDefaultCertificate('cdn.example.com');`,
    `// ELBv2: TLS 1.2+ policies, omitted (undocumented default).
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
declare const scope: any, loadBalancer: elbv2.ApplicationLoadBalancer;
new elbv2.ApplicationListener(scope, 'A', { loadBalancer, port: 443, sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS });
new elbv2.ApplicationListener(scope, 'C', { loadBalancer, port: 443 });
loadBalancer.addListener('D', { port: 443, sslPolicy: elbv2.SslPolicy.FORWARD_SECRECY_TLS12_RES_GCM });`,
    `// Files that import no CDK module are skipped.
export const config = { tlsSecurityPolicy: 'Policy-Min-TLS-1-0-2019-07', sslPolicy: 'ELBSecurityPolicy-TLS-1-0-2015-04' };`,
    {
      code: `const { aws_apigateway } = require('aws-cdk-lib');
module.exports = (scope, certificate) => new aws_apigateway.DomainName(scope, 'A', { domainName: 'api.example.com', certificate, securityPolicy: aws_apigateway.SecurityPolicy.TLS_1_2 });`,
      filename: 'file.js',
    },
  ],
  invalid: [
    {
      code: `import { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
export class ApiStack extends Stack {
  constructor(certificate: ICertificate) {
    super();
    new apigw.DomainName(this, 'Domain', {
      domainName: 'api.example.com',
      certificate,
      securityPolicy: apigw.SecurityPolicy.TLS_1_0,
    });
  }
}`,
      errors: [
        {
          messageId: 'cdkLegacyPolicy',
          data: {
            key: 'securityPolicy',
            value: 'SecurityPolicy.TLS_1_0',
            service: 'API Gateway custom domain',
            floor: 'TLS 1.0',
            secure: 'SecurityPolicy.TLS_1_2',
          },
          line: 10,
          column: 7,
          suggestions: [
            {
              messageId: 'useSecurePolicy',
              data: { key: 'securityPolicy', secure: 'SecurityPolicy.TLS_1_2' },
              output: `import { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
export class ApiStack extends Stack {
  constructor(certificate: ICertificate) {
    super();
    new apigw.DomainName(this, 'Domain', {
      domainName: 'api.example.com',
      certificate,
      securityPolicy: apigw.SecurityPolicy.TLS_1_2,
    });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import { aws_apigateway as apigw } from 'aws-cdk-lib';
declare const scope: any;
new apigw.CfnDomainName(scope, 'Domain', { domainName: 'api.example.com', securityPolicy: 'TLS_1_0' });`,
      errors: [
        {
          messageId: 'cdkLegacyPolicy',
          data: { key: 'securityPolicy', value: "'TLS_1_0'", service: 'API Gateway custom domain', floor: 'TLS 1.0', secure: "'TLS_1_2'" },
          line: 3,
          column: 75,
          suggestions: [
            {
              messageId: 'useSecurePolicy',
              data: { key: 'securityPolicy', secure: "'TLS_1_2'" },
              output: `import { aws_apigateway as apigw } from 'aws-cdk-lib';
declare const scope: any;
new apigw.CfnDomainName(scope, 'Domain', { domainName: 'api.example.com', securityPolicy: 'TLS_1_2' });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { DomainName, SecurityPolicy } from '@aws-cdk/aws-apigateway';
declare const scope: any, certificate: any;
new DomainName(scope, 'Domain', { domainName: 'api.example.com', certificate, securityPolicy: SecurityPolicy['TLS_1_0'] });`,
      errors: [
        {
          messageId: 'cdkLegacyPolicy',
          data: {
            key: 'securityPolicy',
            value: 'SecurityPolicy.TLS_1_0',
            service: 'API Gateway custom domain',
            floor: 'TLS 1.0',
            secure: 'SecurityPolicy.TLS_1_2',
          },
          line: 3,
          column: 79,
          suggestions: [
            {
              messageId: 'useSecurePolicy',
              data: { key: 'securityPolicy', secure: 'SecurityPolicy.TLS_1_2' },
              output: `import { DomainName, SecurityPolicy } from '@aws-cdk/aws-apigateway';
declare const scope: any, certificate: any;
new DomainName(scope, 'Domain', { domainName: 'api.example.com', certificate, securityPolicy: SecurityPolicy['TLS_1_2'] });`,
            },
          ],
        },
      ],
    },
    {
      code: `import * as cdk from 'aws-cdk-lib';
declare const scope: any, certificate: any;
new cdk.aws_apigateway.RestApi(scope, 'Api', {
  domainName: { domainName: 'api.example.com', certificate, securityPolicy: cdk.aws_apigateway.SecurityPolicy.TLS_1_0 },
});`,
      errors: [
        {
          messageId: 'cdkLegacyPolicy',
          data: {
            key: 'securityPolicy',
            value: 'SecurityPolicy.TLS_1_0',
            service: 'API Gateway custom domain',
            floor: 'TLS 1.0',
            secure: 'SecurityPolicy.TLS_1_2',
          },
          line: 4,
          column: 61,
          suggestions: [
            {
              messageId: 'useSecurePolicy',
              data: { key: 'securityPolicy', secure: 'SecurityPolicy.TLS_1_2' },
              output: `import * as cdk from 'aws-cdk-lib';
declare const scope: any, certificate: any;
new cdk.aws_apigateway.RestApi(scope, 'Api', {
  domainName: { domainName: 'api.example.com', certificate, securityPolicy: cdk.aws_apigateway.SecurityPolicy.TLS_1_2 },
});`,
            },
          ],
        },
      ],
    },
    {
      code: `import { SecurityPolicy, type RestApi } from 'aws-cdk-lib/aws-apigateway';
declare const api: RestApi, certificate: any;
api.addDomainName('Domain', { domainName: 'api.example.com', certificate, securityPolicy: SecurityPolicy.TLS_1_0 });`,
      errors: [
        {
          messageId: 'cdkLegacyPolicy',
          data: {
            key: 'securityPolicy',
            value: 'SecurityPolicy.TLS_1_0',
            service: 'API Gateway custom domain',
            floor: 'TLS 1.0',
            secure: 'SecurityPolicy.TLS_1_2',
          },
          line: 3,
          column: 75,
          suggestions: [
            {
              messageId: 'useSecurePolicy',
              data: { key: 'securityPolicy', secure: 'SecurityPolicy.TLS_1_2' },
              output: `import { SecurityPolicy, type RestApi } from 'aws-cdk-lib/aws-apigateway';
declare const api: RestApi, certificate: any;
api.addDomainName('Domain', { domainName: 'api.example.com', certificate, securityPolicy: SecurityPolicy.TLS_1_2 });`,
            },
          ],
        },
      ],
    },
    {
      code: `import * as apigw from 'aws-cdk-lib/aws-apigateway';
export const domainOptions: Partial<apigw.DomainNameOptions> = { securityPolicy: apigw.SecurityPolicy.TLS_1_0 };`,
      errors: [
        {
          messageId: 'cdkLegacyPolicy',
          data: {
            key: 'securityPolicy',
            value: 'SecurityPolicy.TLS_1_0',
            service: 'API Gateway custom domain',
            floor: 'TLS 1.0',
            secure: 'SecurityPolicy.TLS_1_2',
          },
          line: 2,
          column: 66,
          suggestions: [
            {
              messageId: 'useSecurePolicy',
              data: { key: 'securityPolicy', secure: 'SecurityPolicy.TLS_1_2' },
              output: `import * as apigw from 'aws-cdk-lib/aws-apigateway';
export const domainOptions: Partial<apigw.DomainNameOptions> = { securityPolicy: apigw.SecurityPolicy.TLS_1_2 };`,
            },
          ],
        },
      ],
    },
    {
      code: `import { CfnDomainName } from 'aws-cdk-lib/aws-apigateway';
declare const scope: any;
const securityPolicy = 'TLS_1_0';
new CfnDomainName(scope, 'Domain', { domainName: 'api.example.com', securityPolicy });`,
      errors: [
        {
          messageId: 'cdkLegacyPolicy',
          data: { key: 'securityPolicy', value: "'TLS_1_0'", service: 'API Gateway custom domain', floor: 'TLS 1.0', secure: "'TLS_1_2'" },
          line: 4,
          column: 69,
          suggestions: [
            {
              messageId: 'useSecurePolicy',
              data: { key: 'securityPolicy', secure: "'TLS_1_2'" },
              output: `import { CfnDomainName } from 'aws-cdk-lib/aws-apigateway';
declare const scope: any;
const securityPolicy = 'TLS_1_0';
new CfnDomainName(scope, 'Domain', { domainName: 'api.example.com', securityPolicy: 'TLS_1_2' });`,
            },
          ],
        },
      ],
    },
    {
      code: `import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
declare const scope: any, certificate: any;
new apigwv2.DomainName(scope, 'Domain', { domainName: 'api.example.com', certificate, securityPolicy: apigwv2.SecurityPolicy.TLS_1_0 });`,
      errors: [
        {
          messageId: 'cdkLegacyPolicy',
          data: {
            key: 'securityPolicy',
            value: 'SecurityPolicy.TLS_1_0',
            service: 'API Gateway (HTTP/WebSocket API) custom domain',
            floor: 'TLS 1.0',
            secure: 'SecurityPolicy.TLS_1_2',
          },
          line: 3,
          column: 87,
          suggestions: [
            {
              messageId: 'useSecurePolicy',
              data: { key: 'securityPolicy', secure: 'SecurityPolicy.TLS_1_2' },
              output: `import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
declare const scope: any, certificate: any;
new apigwv2.DomainName(scope, 'Domain', { domainName: 'api.example.com', certificate, securityPolicy: apigwv2.SecurityPolicy.TLS_1_2 });`,
            },
          ],
        },
      ],
    },
    {
      code: `import * as cdk from 'aws-cdk-lib';
const LEGACY_CLIENTS = cdk.aws_opensearchservice.TLSSecurityPolicy.TLS_1_0;
declare const scope: any;
new cdk.aws_opensearchservice.Domain(scope, 'Search', { version: cdk.aws_opensearchservice.EngineVersion.OPENSEARCH_2_11, tlsSecurityPolicy: LEGACY_CLIENTS });`,
      errors: [
        {
          messageId: 'cdkLegacyPolicy',
          data: {
            key: 'tlsSecurityPolicy',
            value: 'TLSSecurityPolicy.TLS_1_0',
            service: 'OpenSearch domain',
            floor: 'TLS 1.0',
            secure: 'TLSSecurityPolicy.TLS_1_2',
          },
          line: 4,
          column: 123,
          suggestions: [
            {
              messageId: 'useSecurePolicy',
              data: { key: 'tlsSecurityPolicy', secure: 'TLSSecurityPolicy.TLS_1_2' },
              output: `import * as cdk from 'aws-cdk-lib';
const LEGACY_CLIENTS = cdk.aws_opensearchservice.TLSSecurityPolicy.TLS_1_0;
declare const scope: any;
new cdk.aws_opensearchservice.Domain(scope, 'Search', { version: cdk.aws_opensearchservice.EngineVersion.OPENSEARCH_2_11, tlsSecurityPolicy: cdk.aws_opensearchservice.TLSSecurityPolicy.TLS_1_2 });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { CfnDomain } from 'aws-cdk-lib/aws-opensearchservice';
declare const scope: any;
new CfnDomain(scope, 'Search', { domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: 'Policy-Min-TLS-1-0-2019-07' } });`,
      errors: [
        {
          messageId: 'cdkLegacyPolicy',
          data: {
            key: 'tlsSecurityPolicy',
            value: "'Policy-Min-TLS-1-0-2019-07'",
            service: 'OpenSearch domain',
            floor: 'TLS 1.0',
            secure: "'Policy-Min-TLS-1-2-2019-07'",
          },
          line: 3,
          column: 79,
          suggestions: [
            {
              messageId: 'useSecurePolicy',
              data: { key: 'tlsSecurityPolicy', secure: "'Policy-Min-TLS-1-2-2019-07'" },
              output: `import { CfnDomain } from 'aws-cdk-lib/aws-opensearchservice';
declare const scope: any;
new CfnDomain(scope, 'Search', { domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' } });`,
            },
          ],
        },
      ],
    },
    {
      code: `import * as opensearch from '@aws-cdk/aws-opensearchservice';
declare const scope: any;
new opensearch.Domain(scope, 'Search', { version: opensearch.EngineVersion.OPENSEARCH_1_0 });`,
      errors: [
        {
          messageId: 'cdkLegacyDefault',
          data: {
            service: 'OpenSearch domain',
            key: 'tlsSecurityPolicy',
            default: '`TLSSecurityPolicy.TLS_1_0` (CDK v1)',
            floor: 'TLS 1.0',
            secure: 'TLSSecurityPolicy.TLS_1_2',
          },
          line: 3,
          column: 5,
          suggestions: [
            {
              messageId: 'addSecurePolicy',
              data: { key: 'tlsSecurityPolicy', secure: 'TLSSecurityPolicy.TLS_1_2' },
              output: `import * as opensearch from '@aws-cdk/aws-opensearchservice';
declare const scope: any;
new opensearch.Domain(scope, 'Search', { version: opensearch.EngineVersion.OPENSEARCH_1_0, tlsSecurityPolicy: opensearch.TLSSecurityPolicy.TLS_1_2 });`,
            },
          ],
        },
      ],
    },
    // The added property goes after the last one's line comment, which stays with its property.
    {
      code: `import { Domain, ElasticsearchVersion } from 'aws-cdk-lib/aws-elasticsearch';
declare const scope: any;
new Domain(scope, 'Search', {
  version: ElasticsearchVersion.V7_10,
  enforceHttps: true, // required by policy
});`,
      errors: [
        {
          messageId: 'cdkLegacyDefault',
          data: {
            service: 'Elasticsearch domain',
            key: 'tlsSecurityPolicy',
            default: '`TLSSecurityPolicy.TLS_1_0`',
            floor: 'TLS 1.0',
            secure: 'TLSSecurityPolicy.TLS_1_2',
          },
          line: 3,
          column: 5,
          suggestions: [
            {
              messageId: 'addSecurePolicy',
              data: { key: 'tlsSecurityPolicy', secure: 'TLSSecurityPolicy.TLS_1_2' },
              output: `import { Domain, ElasticsearchVersion, TLSSecurityPolicy } from 'aws-cdk-lib/aws-elasticsearch';
declare const scope: any;
new Domain(scope, 'Search', {
  version: ElasticsearchVersion.V7_10,
  enforceHttps: true, // required by policy
  tlsSecurityPolicy: TLSSecurityPolicy.TLS_1_2,
});`,
            },
          ],
        },
      ],
    },
    {
      code: `import { Domain, ElasticsearchVersion } from 'aws-cdk-lib/aws-elasticsearch';
declare const scope: any;
new Domain(scope, 'Search', {
  version: ElasticsearchVersion.V7_10,
  enforceHttps: true,
});`,
      errors: [
        {
          messageId: 'cdkLegacyDefault',
          data: {
            service: 'Elasticsearch domain',
            key: 'tlsSecurityPolicy',
            default: '`TLSSecurityPolicy.TLS_1_0`',
            floor: 'TLS 1.0',
            secure: 'TLSSecurityPolicy.TLS_1_2',
          },
          line: 3,
          column: 5,
          suggestions: [
            {
              messageId: 'addSecurePolicy',
              data: { key: 'tlsSecurityPolicy', secure: 'TLSSecurityPolicy.TLS_1_2' },
              output: `import { Domain, ElasticsearchVersion, TLSSecurityPolicy } from 'aws-cdk-lib/aws-elasticsearch';
declare const scope: any;
new Domain(scope, 'Search', {
  version: ElasticsearchVersion.V7_10,
  enforceHttps: true,
  tlsSecurityPolicy: TLSSecurityPolicy.TLS_1_2,
});`,
            },
          ],
        },
      ],
    },
    js({
      code: `const es = require('@aws-cdk/aws-elasticsearch');
module.exports = (scope) => new es.Domain(scope, 'Search', {});`,
      errors: [
        {
          messageId: 'cdkLegacyDefault',
          data: {
            service: 'Elasticsearch domain',
            key: 'tlsSecurityPolicy',
            default: '`TLSSecurityPolicy.TLS_1_0`',
            floor: 'TLS 1.0',
            secure: 'TLSSecurityPolicy.TLS_1_2',
          },
          line: 2,
          column: 33,
          suggestions: [
            {
              messageId: 'addSecurePolicy',
              data: { key: 'tlsSecurityPolicy', secure: 'TLSSecurityPolicy.TLS_1_2' },
              output: `const es = require('@aws-cdk/aws-elasticsearch');
module.exports = (scope) => new es.Domain(scope, 'Search', { tlsSecurityPolicy: es.TLSSecurityPolicy.TLS_1_2 });`,
            },
          ],
        },
      ],
    }),
    {
      code: `import * as es from 'aws-cdk-lib/aws-elasticsearch';
declare const scope: any;
new es.Domain(scope, 'Search', { version: es.ElasticsearchVersion.V7_10, tlsSecurityPolicy: es.TLSSecurityPolicy.TLS_1_0 });
new es.CfnDomain(scope, 'Raw', { domainEndpointOptions: { tlsSecurityPolicy: 'Policy-Min-TLS-1-0-2019-07' } });`,
      errors: [
        {
          messageId: 'cdkLegacyPolicy',
          data: {
            key: 'tlsSecurityPolicy',
            value: 'TLSSecurityPolicy.TLS_1_0',
            service: 'Elasticsearch domain',
            floor: 'TLS 1.0',
            secure: 'TLSSecurityPolicy.TLS_1_2',
          },
          line: 3,
          column: 74,
          suggestions: [
            {
              messageId: 'useSecurePolicy',
              data: { key: 'tlsSecurityPolicy', secure: 'TLSSecurityPolicy.TLS_1_2' },
              output: `import * as es from 'aws-cdk-lib/aws-elasticsearch';
declare const scope: any;
new es.Domain(scope, 'Search', { version: es.ElasticsearchVersion.V7_10, tlsSecurityPolicy: es.TLSSecurityPolicy.TLS_1_2 });
new es.CfnDomain(scope, 'Raw', { domainEndpointOptions: { tlsSecurityPolicy: 'Policy-Min-TLS-1-0-2019-07' } });`,
            },
          ],
        },
        {
          messageId: 'cdkLegacyPolicy',
          data: {
            key: 'tlsSecurityPolicy',
            value: "'Policy-Min-TLS-1-0-2019-07'",
            service: 'Elasticsearch domain',
            floor: 'TLS 1.0',
            secure: "'Policy-Min-TLS-1-2-2019-07'",
          },
          line: 4,
          column: 59,
          suggestions: [
            {
              messageId: 'useSecurePolicy',
              data: { key: 'tlsSecurityPolicy', secure: "'Policy-Min-TLS-1-2-2019-07'" },
              output: `import * as es from 'aws-cdk-lib/aws-elasticsearch';
declare const scope: any;
new es.Domain(scope, 'Search', { version: es.ElasticsearchVersion.V7_10, tlsSecurityPolicy: es.TLSSecurityPolicy.TLS_1_0 });
new es.CfnDomain(scope, 'Raw', { domainEndpointOptions: { tlsSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' } });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { Domain, ElasticsearchVersion } from 'aws-cdk-lib/aws-elasticsearch';
declare const scope: any;
const TLSSecurityPolicy = 'mine';
new Domain(scope, 'Search', { version: ElasticsearchVersion.V7_10 });`,
      errors: [
        {
          messageId: 'cdkLegacyDefault',
          data: {
            service: 'Elasticsearch domain',
            key: 'tlsSecurityPolicy',
            default: '`TLSSecurityPolicy.TLS_1_0`',
            floor: 'TLS 1.0',
            secure: 'TLSSecurityPolicy.TLS_1_2',
          },
          line: 4,
          column: 5,
          suggestions: [],
        },
      ],
    },
    {
      code: `import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
declare const scope: any, origin: cloudfront.IOrigin, certificate: any;
new cloudfront.Distribution(scope, 'Cdn', {
  defaultBehavior: { origin },
  certificate,
  domainNames: ['cdn.example.com'],
  minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_1_2016,
});`,
      errors: [
        {
          messageId: 'cdkLegacyPolicy',
          data: {
            key: 'minimumProtocolVersion',
            value: 'SecurityPolicyProtocol.TLS_V1_1_2016',
            service: 'CloudFront distribution',
            floor: 'TLS 1.1',
            secure: 'SecurityPolicyProtocol.TLS_V1_2_2021',
          },
          line: 7,
          column: 3,
          suggestions: [
            {
              messageId: 'useSecurePolicy',
              data: { key: 'minimumProtocolVersion', secure: 'SecurityPolicyProtocol.TLS_V1_2_2021' },
              output: `import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
declare const scope: any, origin: cloudfront.IOrigin, certificate: any;
new cloudfront.Distribution(scope, 'Cdn', {
  defaultBehavior: { origin },
  certificate,
  domainNames: ['cdn.example.com'],
  minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
});`,
            },
          ],
        },
      ],
    },
    {
      code: `import { CfnDistribution } from 'aws-cdk-lib/aws-cloudfront';
declare const scope: any;
const viewerCertificate = { acmCertificateArn: 'arn:aws:acm:us-east-1:1:certificate/x', sslSupportMethod: 'sni-only', minimumProtocolVersion: 'TLSv1' };
new CfnDistribution(scope, 'Cdn', {
  distributionConfig: { enabled: true, defaultCacheBehavior: { targetOriginId: 'origin', viewerProtocolPolicy: 'redirect-to-https' }, viewerCertificate },
});`,
      errors: [
        {
          messageId: 'cdkLegacyPolicy',
          data: { key: 'minimumProtocolVersion', value: "'TLSv1'", service: 'CloudFront distribution', floor: 'TLS 1.0', secure: "'TLSv1.2_2021'" },
          line: 3,
          column: 119,
          suggestions: [
            {
              messageId: 'useSecurePolicy',
              data: { key: 'minimumProtocolVersion', secure: "'TLSv1.2_2021'" },
              output: `import { CfnDistribution } from 'aws-cdk-lib/aws-cloudfront';
declare const scope: any;
const viewerCertificate = { acmCertificateArn: 'arn:aws:acm:us-east-1:1:certificate/x', sslSupportMethod: 'sni-only', minimumProtocolVersion: 'TLSv1.2_2021' };
new CfnDistribution(scope, 'Cdn', {
  distributionConfig: { enabled: true, defaultCacheBehavior: { targetOriginId: 'origin', viewerProtocolPolicy: 'redirect-to-https' }, viewerCertificate },
});`,
            },
          ],
        },
      ],
    },
    js({
      code: `const { aws_cloudfront: cloudfront } = require('aws-cdk-lib');
exports.viewerCertificate = (certificate) => cloudfront.ViewerCertificate.fromAcmCertificate(certificate);`,
      errors: [
        {
          messageId: 'cdkLegacyDefault',
          data: {
            service: 'CloudFront viewer certificate',
            key: 'securityPolicy',
            default: '(SSLv3 with `SSLMethod.VIP`, TLSv1 with SNI)',
            floor: 'SSL 3.0 or TLS 1.0',
            secure: 'SecurityPolicyProtocol.TLS_V1_2_2021',
          },
          line: 2,
          column: 46,
          suggestions: [
            {
              messageId: 'addSecurePolicy',
              data: { key: 'securityPolicy', secure: 'SecurityPolicyProtocol.TLS_V1_2_2021' },
              output: `const { aws_cloudfront: cloudfront } = require('aws-cdk-lib');
exports.viewerCertificate = (certificate) => cloudfront.ViewerCertificate.fromAcmCertificate(certificate, { securityPolicy: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 });`,
            },
          ],
        },
      ],
    }),
    {
      code: `import { ViewerCertificate, SecurityPolicyProtocol } from 'aws-cdk-lib/aws-cloudfront';
export const a = ViewerCertificate.fromIamCertificate('ASCA1234', { securityPolicy: SecurityPolicyProtocol.SSL_V3 });
export const b = ViewerCertificate.fromIamCertificate('ASCA1234', { aliases: ['cdn.example.com'] });`,
      errors: [
        {
          messageId: 'cdkLegacyPolicy',
          data: {
            key: 'securityPolicy',
            value: 'SecurityPolicyProtocol.SSL_V3',
            service: 'CloudFront viewer certificate',
            floor: 'SSL 3.0',
            secure: 'SecurityPolicyProtocol.TLS_V1_2_2021',
          },
          line: 2,
          column: 69,
          suggestions: [
            {
              messageId: 'useSecurePolicy',
              data: { key: 'securityPolicy', secure: 'SecurityPolicyProtocol.TLS_V1_2_2021' },
              output: `import { ViewerCertificate, SecurityPolicyProtocol } from 'aws-cdk-lib/aws-cloudfront';
export const a = ViewerCertificate.fromIamCertificate('ASCA1234', { securityPolicy: SecurityPolicyProtocol.TLS_V1_2_2021 });
export const b = ViewerCertificate.fromIamCertificate('ASCA1234', { aliases: ['cdn.example.com'] });`,
            },
          ],
        },
        {
          messageId: 'cdkLegacyDefault',
          data: {
            service: 'CloudFront viewer certificate',
            key: 'securityPolicy',
            default: '(SSLv3 with `SSLMethod.VIP`, TLSv1 with SNI)',
            floor: 'SSL 3.0 or TLS 1.0',
            secure: 'SecurityPolicyProtocol.TLS_V1_2_2021',
          },
          line: 3,
          column: 18,
          suggestions: [
            {
              messageId: 'addSecurePolicy',
              data: { key: 'securityPolicy', secure: 'SecurityPolicyProtocol.TLS_V1_2_2021' },
              output: `import { ViewerCertificate, SecurityPolicyProtocol } from 'aws-cdk-lib/aws-cloudfront';
export const a = ViewerCertificate.fromIamCertificate('ASCA1234', { securityPolicy: SecurityPolicyProtocol.SSL_V3 });
export const b = ViewerCertificate.fromIamCertificate('ASCA1234', { aliases: ['cdn.example.com'], securityPolicy: SecurityPolicyProtocol.TLS_V1_2_2021 });`,
            },
          ],
        },
      ],
    },
    {
      // SslPolicy.RECOMMENDED is ELBSecurityPolicy-2016-08 (TLS 1.0-1.2), despite its name; FORWARD_SECRECY likewise.
      code: `import { ApplicationListener, SslPolicy } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
declare const scope: any, loadBalancer: any;
new ApplicationListener(scope, 'A', { loadBalancer, port: 443, sslPolicy: SslPolicy.RECOMMENDED });
new ApplicationListener(scope, 'B', { loadBalancer, port: 443, sslPolicy: SslPolicy.FORWARD_SECRECY });`,
      errors: [
        {
          messageId: 'cdkLegacyPolicy',
          data: { key: 'sslPolicy', value: 'SslPolicy.RECOMMENDED', service: 'load balancer listener', floor: 'TLS 1.0', secure: 'SslPolicy.RECOMMENDED_TLS' },
          line: 3,
          column: 64,
          suggestions: [
            {
              messageId: 'useSecurePolicy',
              data: { key: 'sslPolicy', secure: 'SslPolicy.RECOMMENDED_TLS' },
              output: `import { ApplicationListener, SslPolicy } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
declare const scope: any, loadBalancer: any;
new ApplicationListener(scope, 'A', { loadBalancer, port: 443, sslPolicy: SslPolicy.RECOMMENDED_TLS });
new ApplicationListener(scope, 'B', { loadBalancer, port: 443, sslPolicy: SslPolicy.FORWARD_SECRECY });`,
            },
          ],
        },
        {
          messageId: 'cdkLegacyPolicy',
          data: {
            key: 'sslPolicy',
            value: 'SslPolicy.FORWARD_SECRECY',
            service: 'load balancer listener',
            floor: 'TLS 1.0',
            secure: 'SslPolicy.RECOMMENDED_TLS',
          },
          line: 4,
          column: 64,
          suggestions: [
            {
              messageId: 'useSecurePolicy',
              data: { key: 'sslPolicy', secure: 'SslPolicy.RECOMMENDED_TLS' },
              output: `import { ApplicationListener, SslPolicy } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
declare const scope: any, loadBalancer: any;
new ApplicationListener(scope, 'A', { loadBalancer, port: 443, sslPolicy: SslPolicy.RECOMMENDED });
new ApplicationListener(scope, 'B', { loadBalancer, port: 443, sslPolicy: SslPolicy.RECOMMENDED_TLS });`,
            },
          ],
        },
      ],
    },
    {
      code: `import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
declare const scope: any, loadBalancer: elbv2.ApplicationLoadBalancer, nlb: elbv2.NetworkLoadBalancer;
new elbv2.ApplicationListener(scope, 'Https', { loadBalancer, port: 443, sslPolicy: elbv2.SslPolicy.TLS13_10 });
new elbv2.NetworkListener(scope, 'Tls', { loadBalancer: nlb, port: 443, 'sslPolicy': elbv2.SslPolicy.FORWARD_SECRECY_TLS11 });
loadBalancer.addListener('Legacy', { port: 8443, sslPolicy: elbv2.SslPolicy.TLS11 });`,
      errors: [
        {
          messageId: 'cdkLegacyPolicy',
          data: { key: 'sslPolicy', value: 'SslPolicy.TLS13_10', service: 'load balancer listener', floor: 'TLS 1.0', secure: 'SslPolicy.RECOMMENDED_TLS' },
          line: 3,
          column: 74,
          suggestions: [
            {
              messageId: 'useSecurePolicy',
              data: { key: 'sslPolicy', secure: 'SslPolicy.RECOMMENDED_TLS' },
              output: `import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
declare const scope: any, loadBalancer: elbv2.ApplicationLoadBalancer, nlb: elbv2.NetworkLoadBalancer;
new elbv2.ApplicationListener(scope, 'Https', { loadBalancer, port: 443, sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS });
new elbv2.NetworkListener(scope, 'Tls', { loadBalancer: nlb, port: 443, 'sslPolicy': elbv2.SslPolicy.FORWARD_SECRECY_TLS11 });
loadBalancer.addListener('Legacy', { port: 8443, sslPolicy: elbv2.SslPolicy.TLS11 });`,
            },
          ],
        },
        {
          messageId: 'cdkLegacyPolicy',
          data: {
            key: 'sslPolicy',
            value: 'SslPolicy.FORWARD_SECRECY_TLS11',
            service: 'load balancer listener',
            floor: 'TLS 1.1',
            secure: 'SslPolicy.RECOMMENDED_TLS',
          },
          line: 4,
          column: 73,
          suggestions: [
            {
              messageId: 'useSecurePolicy',
              data: { key: 'sslPolicy', secure: 'SslPolicy.RECOMMENDED_TLS' },
              output: `import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
declare const scope: any, loadBalancer: elbv2.ApplicationLoadBalancer, nlb: elbv2.NetworkLoadBalancer;
new elbv2.ApplicationListener(scope, 'Https', { loadBalancer, port: 443, sslPolicy: elbv2.SslPolicy.TLS13_10 });
new elbv2.NetworkListener(scope, 'Tls', { loadBalancer: nlb, port: 443, 'sslPolicy': elbv2.SslPolicy.RECOMMENDED_TLS });
loadBalancer.addListener('Legacy', { port: 8443, sslPolicy: elbv2.SslPolicy.TLS11 });`,
            },
          ],
        },
        {
          messageId: 'cdkLegacyPolicy',
          data: { key: 'sslPolicy', value: 'SslPolicy.TLS11', service: 'load balancer listener', floor: 'TLS 1.1', secure: 'SslPolicy.RECOMMENDED_TLS' },
          line: 5,
          column: 50,
          suggestions: [
            {
              messageId: 'useSecurePolicy',
              data: { key: 'sslPolicy', secure: 'SslPolicy.RECOMMENDED_TLS' },
              output: `import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
declare const scope: any, loadBalancer: elbv2.ApplicationLoadBalancer, nlb: elbv2.NetworkLoadBalancer;
new elbv2.ApplicationListener(scope, 'Https', { loadBalancer, port: 443, sslPolicy: elbv2.SslPolicy.TLS13_10 });
new elbv2.NetworkListener(scope, 'Tls', { loadBalancer: nlb, port: 443, 'sslPolicy': elbv2.SslPolicy.FORWARD_SECRECY_TLS11 });
loadBalancer.addListener('Legacy', { port: 8443, sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS });`,
            },
          ],
        },
      ],
    },
    js({
      code: `const elbv2 = require('@aws-cdk/aws-elasticloadbalancingv2');
module.exports = (scope, loadBalancer) => {
  new elbv2.CfnListener(scope, 'Raw', { loadBalancerArn: loadBalancer.loadBalancerArn, port: 443, protocol: 'HTTPS', defaultActions: [], sslPolicy: "ELBSecurityPolicy-TLS-1-0-2015-04" });
  return new elbv2.ApplicationListener(scope, 'Https', { loadBalancer, port: 443, sslPolicy: elbv2.SslPolicy.LEGACY });
};`,
      errors: [
        {
          messageId: 'cdkLegacyPolicy',
          data: {
            key: 'sslPolicy',
            value: "'ELBSecurityPolicy-TLS-1-0-2015-04'",
            service: 'load balancer listener',
            floor: 'TLS 1.0',
            secure: "'ELBSecurityPolicy-TLS-1-2-2017-01'",
          },
          line: 3,
          column: 138,
          suggestions: [
            {
              messageId: 'useSecurePolicy',
              data: { key: 'sslPolicy', secure: "'ELBSecurityPolicy-TLS-1-2-2017-01'" },
              output: `const elbv2 = require('@aws-cdk/aws-elasticloadbalancingv2');
module.exports = (scope, loadBalancer) => {
  new elbv2.CfnListener(scope, 'Raw', { loadBalancerArn: loadBalancer.loadBalancerArn, port: 443, protocol: 'HTTPS', defaultActions: [], sslPolicy: "ELBSecurityPolicy-TLS-1-2-2017-01" });
  return new elbv2.ApplicationListener(scope, 'Https', { loadBalancer, port: 443, sslPolicy: elbv2.SslPolicy.LEGACY });
};`,
            },
          ],
        },
        {
          messageId: 'cdkLegacyPolicy',
          data: { key: 'sslPolicy', value: 'SslPolicy.LEGACY', service: 'load balancer listener', floor: 'TLS 1.0', secure: 'SslPolicy.TLS12' },
          line: 4,
          column: 83,
          suggestions: [
            {
              messageId: 'useSecurePolicy',
              data: { key: 'sslPolicy', secure: 'SslPolicy.TLS12' },
              output: `const elbv2 = require('@aws-cdk/aws-elasticloadbalancingv2');
module.exports = (scope, loadBalancer) => {
  new elbv2.CfnListener(scope, 'Raw', { loadBalancerArn: loadBalancer.loadBalancerArn, port: 443, protocol: 'HTTPS', defaultActions: [], sslPolicy: "ELBSecurityPolicy-TLS-1-0-2015-04" });
  return new elbv2.ApplicationListener(scope, 'Https', { loadBalancer, port: 443, sslPolicy: elbv2.SslPolicy.TLS12 });
};`,
            },
          ],
        },
      ],
    }),
  ],
};

export default cases;
