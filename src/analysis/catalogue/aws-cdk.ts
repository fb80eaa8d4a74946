/**
 * AWS CDK TLS security policies: which construct props choose the TLS policy of an AWS endpoint,
 * which policy values accept TLS 1.0/1.1 (or SSL 3.0) clients, the TLS 1.2 value to move to, and
 * where the documented default is itself legacy. Data, not code: `src/analysis/cdk.ts` reads it through `catalogue().cdkPolicies`.
 *
 * Facts are from the packages' own declarations (aws-cdk-lib 2.276.0 and the CDK v1 packages
 * `@aws-cdk/*` 1.203.0, the last v1 release): the enum member values, the `@default` of each prop,
 * and the construct code that applies the default. CDK v2 submodules are reached as
 * `aws-cdk-lib/<submodule>` or as the `aws_<submodule>` namespace of `aws-cdk-lib`; v1 as
 * `@aws-cdk/<submodule>` (only where the v1 package was checked: `v1: true`).
 */

import type { CatalogueSection, CdkApi, CdkPolicyFamily } from './model.js';

const TLS10 = 'TLS 1.0';
const TLS11 = 'TLS 1.1';

/** `api(...)` with the usual constructor shape `new X(scope, id, props)`. */
const construct = (label: string, extra: Partial<CdkApi> = {}): CdkApi => ({ label, invoke: 'new', exports: [label], argument: 2, path: [], ...extra });

// aws-apigateway/lib/domain-name.d.ts: enum SecurityPolicy { TLS_1_0 = "TLS_1_0", TLS_1_2 = "TLS_1_2", ... (TLS 1.3
// policies) }; DomainNameOptions.securityPolicy `@default SecurityPolicy.TLS_1_2` (v2). The v1 package documents
// `@default SecurityPolicy.TLS_1_0`, but both versions pass `props.securityPolicy` through unchanged (domain-name.js),
// so the template and the service default are the same: the older v1 note is not used for an omission report.
const apiGateway: CdkPolicyFamily = {
  service: 'API Gateway custom domain',
  submodule: 'aws-apigateway',
  v1: true,
  key: 'securityPolicy',
  enumName: 'SecurityPolicy',
  legacy: { TLS_1_0: { value: 'TLS_1_0', floor: TLS10 } },
  secure: { v1: { member: 'TLS_1_2', value: 'TLS_1_2' }, v2: { member: 'TLS_1_2', value: 'TLS_1_2' } },
  apis: [
    construct('DomainName'),
    construct('CfnDomainName', { l1: true }),
    construct('CfnDomainNameV2', { l1: true }),
    // RestApi and friends: `domainName: DomainNameOptions` (restapi.d.ts).
    ...['RestApi', 'SpecRestApi', 'LambdaRestApi', 'StepFunctionsRestApi'].map((c) => construct(c, { path: ['domainName'] })),
    { label: 'addDomainName()', invoke: 'method', exports: ['addDomainName'], argument: 1, path: [] },
  ],
};

// aws-apigatewayv2/lib/common/domain-name.d.ts: enum SecurityPolicy { TLS_1_0 = "TLS_1_0", TLS_1_2 = "TLS_1_2" };
// EndpointOptions.securityPolicy `@default SecurityPolicy.TLS_1_2`. (v1's apigatewayv2 was not checked.)
const apiGatewayV2: CdkPolicyFamily = {
  service: 'API Gateway (HTTP/WebSocket API) custom domain',
  submodule: 'aws-apigatewayv2',
  v1: false,
  key: 'securityPolicy',
  enumName: 'SecurityPolicy',
  legacy: { TLS_1_0: { value: 'TLS_1_0', floor: TLS10 } },
  secure: { v1: { member: 'TLS_1_2', value: 'TLS_1_2' }, v2: { member: 'TLS_1_2', value: 'TLS_1_2' } },
  apis: [construct('DomainName'), { label: 'addEndpoint()', invoke: 'method', exports: ['addEndpoint'], argument: 0, path: [] }],
};

// aws-opensearchservice/lib/domain.d.ts: enum TLSSecurityPolicy { TLS_1_0 = "Policy-Min-TLS-1-0-2019-07",
// TLS_1_2 = "Policy-Min-TLS-1-2-2019-07", TLS_1_2_PFS = "Policy-Min-TLS-1-2-PFS-2023-10" }; DomainProps.tlsSecurityPolicy
// `@default - TLSSecurityPolicy.TLS_1_2` in v2 (domain.js: `props.tlsSecurityPolicy ?? TLSSecurityPolicy.TLS_1_2`), but
// `@default - TLSSecurityPolicy.TLS_1_0` in v1 (domain.js: `props.tlsSecurityPolicy ?? TLSSecurityPolicy.TLS_1_0`).
// CfnDomain.DomainEndpointOptionsProperty.tlsSecurityPolicy: a string, no documented default.
const openSearch: CdkPolicyFamily = {
  service: 'OpenSearch domain',
  submodule: 'aws-opensearchservice',
  v1: true,
  key: 'tlsSecurityPolicy',
  enumName: 'TLSSecurityPolicy',
  legacy: { TLS_1_0: { value: 'Policy-Min-TLS-1-0-2019-07', floor: TLS10 } },
  secure: { v1: { member: 'TLS_1_2', value: 'Policy-Min-TLS-1-2-2019-07' }, v2: { member: 'TLS_1_2', value: 'Policy-Min-TLS-1-2-2019-07' } },
  apis: [
    construct('Domain', { legacyDefault: { versions: ['v1'], text: '`TLSSecurityPolicy.TLS_1_0` (CDK v1)', floor: TLS10 } }),
    construct('CfnDomain', { l1: true, path: ['domainEndpointOptions'] }),
  ],
};

// aws-elasticsearch/lib/domain.d.ts (v1 and v2): enum TLSSecurityPolicy { TLS_1_0 = "Policy-Min-TLS-1-0-2019-07",
// TLS_1_2 = "Policy-Min-TLS-1-2-2019-07" }; DomainProps.tlsSecurityPolicy `@default - TLSSecurityPolicy.TLS_1_0`
// (domain.js: `props.tlsSecurityPolicy ?? TLSSecurityPolicy.TLS_1_0`, always written to domainEndpointOptions).
const elasticsearch: CdkPolicyFamily = {
  service: 'Elasticsearch domain',
  submodule: 'aws-elasticsearch',
  v1: true,
  key: 'tlsSecurityPolicy',
  enumName: 'TLSSecurityPolicy',
  legacy: { TLS_1_0: { value: 'Policy-Min-TLS-1-0-2019-07', floor: TLS10 } },
  secure: { v1: { member: 'TLS_1_2', value: 'Policy-Min-TLS-1-2-2019-07' }, v2: { member: 'TLS_1_2', value: 'Policy-Min-TLS-1-2-2019-07' } },
  apis: [
    construct('Domain', { legacyDefault: { versions: ['v1', 'v2'], text: '`TLSSecurityPolicy.TLS_1_0`', floor: TLS10 } }),
    construct('CfnDomain', { l1: true, path: ['domainEndpointOptions'] }),
  ],
};

// aws-cloudfront/lib/distribution.d.ts: enum SecurityPolicyProtocol { SSL_V3 = "SSLv3", TLS_V1 = "TLSv1",
// TLS_V1_2016 = "TLSv1_2016", TLS_V1_1_2016 = "TLSv1.1_2016", TLS_V1_2_2018 = "TLSv1.2_2018", TLS_V1_2_2019,
// TLS_V1_2_2021 = "TLSv1.2_2021", TLS_V1_2_2025, TLS_V1_3_2025 } (v1 ends at TLS_V1_2_2021).
// DistributionProps.minimumProtocolVersion `@default - SecurityPolicyProtocol.TLS_V1_2_2021 if the ... feature flag is
// set; otherwise, SecurityPolicyProtocol.TLS_V1_2_2019`, and it has no effect without `certificate` (distribution.js
// warns "Ignoring 'minimumProtocolVersion'"). CfnDistribution.ViewerCertificateProperty.minimumProtocolVersion: a
// string, no documented default.
const SECURITY_POLICY_PROTOCOL_LEGACY = {
  SSL_V3: { value: 'SSLv3', floor: 'SSL 3.0' },
  TLS_V1: { value: 'TLSv1', floor: TLS10 },
  TLS_V1_2016: { value: 'TLSv1_2016', floor: TLS10 },
  TLS_V1_1_2016: { value: 'TLSv1.1_2016', floor: TLS11 },
};
const CLOUDFRONT_SECURE = { v1: { member: 'TLS_V1_2_2021', value: 'TLSv1.2_2021' }, v2: { member: 'TLS_V1_2_2021', value: 'TLSv1.2_2021' } };
const cloudFront: CdkPolicyFamily = {
  service: 'CloudFront distribution',
  submodule: 'aws-cloudfront',
  v1: true,
  key: 'minimumProtocolVersion',
  enumName: 'SecurityPolicyProtocol',
  legacy: SECURITY_POLICY_PROTOCOL_LEGACY,
  secure: CLOUDFRONT_SECURE,
  apis: [construct('Distribution', { onlyWith: 'certificate' }), construct('CfnDistribution', { l1: true, path: ['distributionConfig', 'viewerCertificate'] })],
};

// aws-cloudfront/lib/web-distribution.d.ts (v1 and v2): ViewerCertificateOptions.securityPolicy
// `@default - SSLv3 if sslMethod VIP, TLSv1 if sslMethod SNI`; fromAcmCertificate/fromIamCertificate pass
// `options.securityPolicy` through as `minimumProtocolVersion` (web-distribution.js), so omitting it leaves that default.
const DEFAULT_VIEWER = { versions: ['v1', 'v2'] as const, text: '(SSLv3 with `SSLMethod.VIP`, TLSv1 with SNI)', floor: 'SSL 3.0 or TLS 1.0' };
const cloudFrontViewerCertificate: CdkPolicyFamily = {
  service: 'CloudFront viewer certificate',
  submodule: 'aws-cloudfront',
  v1: true,
  key: 'securityPolicy',
  enumName: 'SecurityPolicyProtocol',
  legacy: SECURITY_POLICY_PROTOCOL_LEGACY,
  secure: CLOUDFRONT_SECURE,
  apis: [
    {
      label: 'ViewerCertificate.fromAcmCertificate()',
      invoke: 'call',
      exports: ['ViewerCertificate', 'fromAcmCertificate'],
      argument: 1,
      path: [],
      legacyDefault: DEFAULT_VIEWER,
    },
    {
      label: 'ViewerCertificate.fromIamCertificate()',
      invoke: 'call',
      exports: ['ViewerCertificate', 'fromIamCertificate'],
      argument: 1,
      path: [],
      legacyDefault: DEFAULT_VIEWER,
    },
  ],
};

// aws-elasticloadbalancingv2/lib/shared/enums.d.ts: enum SslPolicy. Legacy: the members whose documentation or
// policy name says they accept TLS 1.0 or 1.1 (v2 descriptions quoted): TLS13_10 "TLS1.0 through 1.3",
// TLS13_11 "TLS1.1 through 1.3", TLS13_10_PQ "TLS 1.0 through 1.3", FIPS_TLS13_11, FIPS_TLS13_10, FIPS_TLS13_10_PQ,
// FORWARD_SECRECY_TLS11 "with TLS1.1 and 1.2", TLS11 "TLS1.1 and 1.2", LEGACY "ELBSecurityPolicy-TLS-1-0-2015-04".
// Also RECOMMENDED ("ELBSecurityPolicy-2016-08", the policy AWS's ELB guide names as the default of CLI/CloudFormation/
// CDK listeners) and FORWARD_SECRECY ("ELBSecurityPolicy-FS-2018-06"): the package does not state their versions;
// ELB's policy tables do (TLS 1.0-1.2 for both), and teams move off 2016-08 precisely to drop TLS 1.0/1.1 (e.g.
// zalando-incubator/kubernetes-on-aws#4628, aquasecurity/defsec#1239). sslPolicy `@default - The current predefined security policy`
// (not named): no omission report. v1 has the same values for the members it has; its newest TLS 1.2 member is TLS12.
const elbv2: CdkPolicyFamily = {
  service: 'load balancer listener',
  submodule: 'aws-elasticloadbalancingv2',
  v1: true,
  key: 'sslPolicy',
  enumName: 'SslPolicy',
  legacy: {
    TLS13_10: { value: 'ELBSecurityPolicy-TLS13-1-0-2021-06', floor: TLS10 },
    TLS13_11: { value: 'ELBSecurityPolicy-TLS13-1-1-2021-06', floor: TLS11 },
    TLS13_10_PQ: { value: 'ELBSecurityPolicy-TLS13-1-0-PQ-2025-09', floor: TLS10 },
    FIPS_TLS13_11: { value: 'ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04', floor: TLS11 },
    FIPS_TLS13_10: { value: 'ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04', floor: TLS10 },
    FIPS_TLS13_10_PQ: { value: 'ELBSecurityPolicy-TLS13-1-0-FIPS-PQ-2025-09', floor: TLS10 },
    FORWARD_SECRECY_TLS11: { value: 'ELBSecurityPolicy-FS-1-1-2019-08', floor: TLS11 },
    TLS11: { value: 'ELBSecurityPolicy-TLS-1-1-2017-01', floor: TLS11 },
    LEGACY: { value: 'ELBSecurityPolicy-TLS-1-0-2015-04', floor: TLS10 },
    RECOMMENDED: { value: 'ELBSecurityPolicy-2016-08', floor: TLS10 },
    FORWARD_SECRECY: { value: 'ELBSecurityPolicy-FS-2018-06', floor: TLS10 },
  },
  secure: {
    v1: { member: 'TLS12', value: 'ELBSecurityPolicy-TLS-1-2-2017-01' },
    v2: { member: 'RECOMMENDED_TLS', value: 'ELBSecurityPolicy-TLS13-1-2-2021-06' },
  },
  apis: [
    construct('ApplicationListener'),
    construct('NetworkListener'),
    construct('CfnListener', { l1: true }),
    { label: 'addListener()', invoke: 'method', exports: ['addListener'], argument: 1, path: [] },
  ],
};

export const awsCdk: CatalogueSection = {
  packages: [],
  cdkPolicies: [apiGateway, apiGatewayV2, openSearch, elasticsearch, cloudFront, cloudFrontViewerCertificate, elbv2],
};
