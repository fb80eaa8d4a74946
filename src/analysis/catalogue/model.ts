/**
 * The shape of the library catalogue: data rows, no code paths. A library is added by adding rows
 * (a sink row for each API that takes TLS options, an agent slot for each option that takes an
 * agent or dispatcher, an alias row for each library-specific spelling of "do not verify") plus
 * their tests. The code that reads the rows is in `src/analysis/` (`library-aliases.ts`, `sinks.ts`,
 * `describe-sink.ts`, `closed-apis.ts`); `index.ts` builds the one frozen catalogue from the sections.
 */
import type { Primitive } from '../types.js';
import type { ApiRow, GlobalOptionsRow, SinkRow } from '../sinks.js';
import type { UrlParams } from '../connection-strings.js';

export type { ApiRow, GlobalOptionsRow, SinkRow };

/**
 * Path segments that are not property keys, in destinations and catalogue paths: an element of an
 * array literal (`proxy: [{ … }]`), and the value a function returns (`defineConfig(() => ({ … }))`;
 * in an export path, the result of calling a module function: `['createProxyServer', PATH_RETURN, 'web']`).
 * Catalogue paths may use `PATH_ANY` for one key of any name (a proxy context: `proxy: { '/api': … }`).
 */
export const PATH_ELEMENT = '[]';
export const PATH_RETURN = '()';
export const PATH_ANY = '*';

/** An option that takes an agent or dispatcher: names the library in the message about the agent's own options. */
export interface AgentSlotRow extends ApiRow {
  /** The phrase appended to the agent's label: `used as the axios \`httpsAgent\``. */
  readonly label: string;
}

export type AliasMatch =
  /**
   * `key: <value>` in an object literal (or `obj.key = <value>`), insecure when every possible value
   * satisfies `insecure` and, if `siblings` are given, every sibling condition provably holds; not
   * reported when one of the `inert` conditions provably holds (http-proxy's `secure: false` does
   * nothing for a `target` that is plain `http:`).
   */
  | {
      readonly kind: 'property';
      readonly key: string;
      readonly insecure: (value: Primitive) => boolean;
      readonly siblings?: readonly SiblingCondition[];
      readonly inert?: readonly InertCondition[];
    }
  /**
   * An object literal at `key` that lacks `required: true` (mysql2 `ssl` without `verifyIdentity`).
   * A written `required` counts as missing when every possible value satisfies `insecure`
   * (default: falsy; cassandra-driver: only `undefined`, since any other value replaces its `false` default).
   */
  | { readonly kind: 'missing'; readonly key: string; readonly required: string; readonly insecure?: (value: Primitive) => boolean }
  /** A call of a method with this name (`.disableTLSCerts()`); the name is unique to the library. */
  | { readonly kind: 'method'; readonly name: string }
  /** A method call whose first argument is one of `values` (`appendSwitch('ignore-certificate-errors')`). */
  | { readonly kind: 'method-argument'; readonly name: string; readonly values: readonly string[] }
  /**
   * A callback (a listener of `event`, or the function passed to method `name`) that unconditionally
   * calls its verdict callback (a parameter at or after `from`) with `insecure`.
   */
  | {
      readonly kind: 'verdict-callback';
      readonly event?: string;
      readonly name?: string;
      readonly from: number;
      readonly insecure: Primitive;
      readonly secure: string;
    }
  /**
   * A method call that sets one option by name and value (node-libcurl `curl.setOpt('SSL_VERIFYPEER', false)`).
   * The name is argument 0: a string equal to one of `options` ignoring case, or a member of one of
   * the `constants` tables (`Curl.option.SSL_VERIFYPEER`); the value is argument 1, insecure when every
   * possible value satisfies `insecure`. `secure` gives the replacement value's text for the suggestion.
   */
  | {
      readonly kind: 'method-value';
      readonly name: string;
      readonly options: readonly string[];
      readonly constants?: { readonly module: string; readonly exports: readonly (readonly string[])[] };
      readonly insecure: (value: Primitive) => boolean;
      readonly secure: (values: readonly Primitive[]) => string;
    }
  /**
   * A connection string of `key=value;` pairs (ADO.NET style: `Server=db;TrustServerCertificate=true`),
   * string literal or template. Keys are matched ignoring case and surrounding spaces (the last one
   * written wins); `insecure` receives the key's value and every pair, keys lower-cased, where a value
   * that a template placeholder makes unknown is `undefined`.
   */
  | {
      readonly kind: 'key-value';
      readonly key: string;
      readonly insecure: (value: string, pairs: ReadonlyMap<string, string | undefined>) => boolean;
      readonly secure: string;
    }
  /** A string element of an array literal (a browser's command-line flags: `args: ['--ignore-certificate-errors']`). */
  | { readonly kind: 'argument-flag'; readonly values: readonly string[] }
  /**
   * A connection string `scheme://…?param=value` (string literal or template) whose `param` has a
   * known value; `insecure` also sees the other parameters (unknown ones are `undefined`). The name
   * is matched as written unless `ignoreCase` (mongodb reads URI options in any case; pg, postgres.js
   * and mysql2 read `URLSearchParams`).
   */
  | {
      readonly kind: 'url';
      readonly scheme: RegExp;
      readonly param: string;
      readonly ignoreCase?: boolean;
      readonly insecure: (value: string, params: UrlParams) => boolean;
      readonly secure: string;
    };

/**
 * A condition on another key of the object holding a property alias, for options that only matter
 * in some modes (tedious `trustServerCertificate` is ignored with `encrypt: 'strict'`). `path` is
 * relative to the holding object (`['options', 'encrypt']`); `insecure` receives `undefined` when
 * the key is provably absent. An object whose contents cannot be known fails the condition.
 */
export interface SiblingCondition {
  readonly path: readonly string[];
  readonly insecure: (value: Primitive) => boolean;
}

/**
 * A condition on another key of the object holding a property alias that makes the option do
 * nothing. It holds only when the key is provably there with a known value that satisfies `inert`
 * (an absent or unknown key does not make it inert).
 */
export interface InertCondition {
  readonly path: readonly string[];
  readonly inert: (value: Primitive) => boolean;
}

/**
 * A config file's export that a tool reads: the object holding the option must sit at `path` in the
 * module's export (`module.exports = { devServer: { proxy } }`, `export default { server: { proxy } }`).
 * Paths may use `PATH_ANY`, `PATH_ELEMENT` and `PATH_RETURN` (`src/analysis/options.ts`).
 */
export interface ConfigRow {
  readonly label: string;
  readonly path: readonly string[];
  /** The config file's name, when the export's shape alone does not name the tool (`vite.config.ts`). */
  readonly file?: RegExp;
}

/**
 * Keys of an options object that the library prefers to an alias, so the alias does nothing when
 * one of them is provably set: mongodb takes an option object's `tlsInsecure` over the URI's, and
 * `rejectUnauthorized` over `tlsAllowInvalidCertificates`; postgres.js takes `ssl` in its options
 * over the URL's `sslmode`. Without `at`, the winning keys are in the object holding the alias; with
 * it, the alias (its object or string) goes to one of `at.apis`, and the keys are in argument
 * `at.argument` of the same call, at `at.path` inside it: an options object, or with `source:
 * 'string'` a connection string's parameters (mongodb: the URI's raw `rejectUnauthorized` over the
 * object's `tlsInsecure`).
 */
export interface OverriddenBy {
  readonly keys: readonly string[];
  /** How the library tests the key: `'k' in o` (postgres.js), `!= null` (mongodb), truthy (mysql2). A string's parameter counts when written. */
  readonly when: 'in' | 'non-null' | 'truthy';
  readonly ignoreCase?: boolean;
  readonly at?: { readonly apis: readonly ApiRow[]; readonly argument: number; readonly path: readonly string[]; readonly source?: 'string' };
}

/**
 * A connection string in the same config that the library lets replace the option (pg:
 * `connectionString` is parsed and assigned over the config, so an `sslmode=` there replaces `ssl`).
 * `replaces` sees the string's parameters and must be true only when the replacement is certain.
 */
export interface ReplacedByString {
  /** The config key holding the string. */
  readonly key: string;
  readonly replaces: (params: UrlParams) => boolean;
}

export type AliasFix = { readonly kind: 'remove' } | { readonly kind: 'replace-value'; readonly text: string };

export interface AliasRow {
  /** Display name used in messages: `mongodb`, `postgres.js`, `Electron`. */
  readonly library: string;
  /** npm packages whose type declarations declare the option (type-aware evidence). */
  readonly packages: readonly string[];
  /** The rule that reports it. */
  readonly rule: 'certificate' | 'hostname';
  /** The insecure spelling as shown in the message: `` `tlsInsecure: true` ``; `{value}` is the value as written. */
  readonly option: string;
  readonly match: AliasMatch;
  /**
   * Where the object holding the option must go for it to count (the key is generic, like `ssl`).
   * Omitted when the option is unique to the library: then it is reported wherever it appears
   * (with types: unless the object's type declares the key outside TLS code).
   */
  readonly apis?: readonly ApiRow[];
  /** Like `apis`, for config files: the module's export that the tool reads. A row with either counts when one matches. */
  readonly configs?: readonly ConfigRow[];
  /** What it does: `turns off certificate verification for MongoDB connections`. */
  readonly effect: string;
  /**
   * For a proxy's option (the certificate of the proxied target): what the proxy forwards that an
   * impersonator of the target then reads or alters. The rule then uses its proxy message.
   */
  readonly exposes?: string;
  /** The way out, one sentence. */
  readonly way: string;
  /** Options the library prefers to this alias (it is then not reported). */
  readonly overriddenBy?: readonly OverriddenBy[];
  /** A connection string beside a property alias that replaces it (pg's `connectionString`). */
  readonly replacedBy?: ReplacedByString;
  /** The suggestion (property aliases); other kinds have a fixed suggestion or none. */
  readonly fix?: AliasFix;
  /** The suggestion's text: `` Remove `tlsInsecure: true`. `` */
  readonly fixText?: string;
  /**
   * Packages that stopped reading the option at `version` (puppeteer 23 renamed `ignoreHTTPSErrors`
   * to `acceptInsecureCerts`): a property alias whose object provably goes only to sinks of these
   * packages is not reported when the nearest package.json's ranges for each of them admit only
   * `version` or later (src/rule-kit/dependencies.ts). Anywhere else (Playwright, an unknown
   * destination, a range that admits an older version) it is.
   */
  readonly ignoredFrom?: { readonly packages: readonly string[]; readonly version: string };
}

/**
 * An API whose every argument is documented, with its TLS options only where the catalogue's sink
 * and agent-slot rows say: an object passed to it anywhere else is consumed as non-TLS data (global
 * `fetch`'s init, Node's `tls.connect(port, host, options)` outside the options). Such a destination is
 * known, so an option written there (`rejectUnauthorized: false` in a `fetch` init, a library alias
 * key in a `tls.connect()` bag) turns nothing off.
 */
export type ClosedApiRow = Pick<ApiRow, 'label' | 'module' | 'exports' | 'invoke'>;

// AWS CDK TLS security policies (catalogue/aws-cdk.ts).
export type CdkVersion = 'v1' | 'v2';

/** A construct, static method or instance method that takes props with the policy key. */
export interface CdkApi {
  /** How the message names it: `DomainName`, `ViewerCertificate.fromAcmCertificate()`. */
  readonly label: string;
  /**
   * `new`/`call`: the export path inside the submodule (`['DomainName']`,
   * `['ViewerCertificate', 'fromAcmCertificate']`); the callee must provably be that export.
   * `method`: an instance method name (`addDomainName`): the receiver cannot be proven, so only a
   * value that is itself the CDK enum member counts.
   */
  readonly invoke: 'new' | 'call' | 'method';
  readonly exports: readonly string[];
  /** The argument that holds the props. */
  readonly argument: number;
  /** Where the policy key sits inside the props (`['domainEndpointOptions']` for `CfnDomain`). */
  readonly path: readonly string[];
  /** A level-1 (`Cfn*`) construct: the prop is a plain string (CloudFormation's value). */
  readonly l1?: boolean;
  /** The policy has no effect unless the props also set this key (CloudFront needs a certificate). */
  readonly onlyWith?: string;
  /**
   * The documented default is legacy, and the construct applies it when the key is omitted:
   * omitting the key is reported (in the listed CDK versions).
   */
  readonly legacyDefault?: { readonly versions: readonly CdkVersion[]; readonly text: string; readonly floor: string };
}

export interface CdkPolicyFamily {
  /** The AWS endpoint the policy protects, for messages: `API Gateway custom domain`. */
  readonly service: string;
  /** The CDK submodule: `aws-apigateway` (`aws-cdk-lib/aws-apigateway`, `aws_apigateway`, `@aws-cdk/aws-apigateway`). */
  readonly submodule: string;
  /** Also recognise the CDK v1 package `@aws-cdk/<submodule>`. */
  readonly v1: boolean;
  /** The prop: `securityPolicy`. */
  readonly key: string;
  /** The enum the level-2 constructs take: `SecurityPolicy`. */
  readonly enumName: string;
  /** Enum members that are legacy, with their values (the strings the level-1 constructs take). */
  readonly legacy: Readonly<Record<string, { readonly value: string; readonly floor: string }>>;
  /** The TLS 1.2+ member and value a suggestion writes, per CDK version. */
  readonly secure: Readonly<Record<CdkVersion, { readonly member: string; readonly value: string }>>;
  readonly apis: readonly CdkApi[];
}

/**
 * A deprecated or removed TLS API of Node (Node's deprecation list), by module and export path:
 * `no-legacy-tls-api` reports every reference to it.
 */
export interface LegacyApiRow {
  readonly module: string;
  readonly path: readonly string[];
  /** How messages name it: `tls.createSecurePair()`. */
  readonly name: string;
  /** Node's deprecation code: `DEP0064`. */
  readonly code: string;
  /**
   * What is wrong with it, after the name: "was removed in Node 11". With `removedIn`, only what
   * holds besides the removal (the rule says, for the target range, whether the API still exists).
   */
  readonly why: string;
  readonly replacement: string;
  /** The Node major that removed it, when the target range may still have it (no-legacy-tls-api words the removal per target). */
  readonly removedIn?: number;
  /**
   * The API that replaced it, for feature detection: `modern || legacy` (or `??`) evaluates the
   * legacy API only where `modern` is missing, so on a target whose every version has `modern`
   * (`since`: the Node version that added it) the legacy API is never reached.
   */
  readonly fallbackOf?: { readonly module: string; readonly path: readonly string[]; readonly since: string };
}

/**
 * A client API that takes a connection URL, where a plaintext scheme with a password in the URL
 * (`redis://:secret@cache.example.com`) sends that password in clear (no-plaintext-fallback).
 */
export interface PlaintextUrlRow extends Pick<ApiRow, 'module' | 'exports' | 'invoke'> {
  /** The library, as messages and docs/libraries.md name it: `ioredis`. */
  readonly library: string;
  /** Where the URL is: the argument, and the key when it sits in an options object (`createClient({ url })`). */
  readonly url: { readonly argument: number; readonly key?: string };
  /** Each plaintext scheme the library accepts, with the TLS scheme a suggestion writes (`redis` -> `rediss`). */
  readonly schemes: Readonly<Record<string, string>>;
  /**
   * Option keys, in any object argument of the call, that can turn TLS on whatever the scheme
   * (ioredis `tls`, node-redis `socket`, mqtt `protocol`): a call that has one (or may have one,
   * through an unknown spread) is not reported.
   */
  readonly tlsKeys: readonly string[];
}

/** What the catalogue adds for one library (or one family of APIs). */
/**
 * A Node API that starts a process: `execArgv` when its options' `execArgv` are the new Node
 * process's CLI flags, `shellCommand` when its first argument is a shell command line.
 * `no-insecure-tls-env` reads both.
 */
export interface ProcessApiRow {
  readonly module: string;
  /** The module's export (one path segment). */
  readonly name: string;
  readonly takes: 'execArgv' | 'shellCommand';
}

export interface CatalogueSection {
  readonly sinks?: readonly SinkRow[];
  /** Process-wide option objects (Node's `https.globalAgent.options`). */
  readonly globalOptionObjects?: readonly GlobalOptionsRow[];
  readonly agentSlots?: readonly AgentSlotRow[];
  readonly aliases?: readonly AliasRow[];
  readonly closedApis?: readonly ClosedApiRow[];
  /** AWS CDK constructs whose props choose the TLS policy of an AWS endpoint. */
  readonly cdkPolicies?: readonly CdkPolicyFamily[];
  /** Node's deprecated and removed TLS APIs. */
  readonly legacyApis?: readonly LegacyApiRow[];
  /** Client APIs whose connection URL can carry a password over a plaintext scheme. */
  readonly plaintextUrls?: readonly PlaintextUrlRow[];
  /** Node APIs that start a process with `execArgv` or a shell command line. */
  readonly processApis?: readonly ProcessApiRow[];
  /** Node's internal TLS modules (`_tls_wrap`), whose import `no-legacy-tls-api` reports. */
  readonly internalModules?: readonly string[];
  /**
   * The TLS options of Node's APIs that make up a secure context or its verification (`ca`, `ciphers`,
   * `rejectUnauthorized`...): an option bag setting one by hand is what `prefer-secure-context` reports.
   */
  readonly contextOptions?: readonly string[];
  /** Packages whose type declarations count as TLS-related (type-aware analysis). */
  readonly packages: readonly string[];
}

type Row = Omit<SinkRow, 'path' | 'exports'> & { path?: readonly string[]; exports?: readonly (readonly string[])[] };
/** A sink row with defaults: `path: []`, `exports: [[]]` (the module's default export / the module itself). */
export const sink = (r: Row): SinkRow => ({ path: [], exports: [[]], ...r });
type Slot = Omit<AgentSlotRow, 'path' | 'exports'> & { path?: readonly string[]; exports?: readonly (readonly string[])[] };
export const slot = (r: Slot): AgentSlotRow => ({ path: [], exports: [[]], ...r });

/** The whole catalogue, built once from the sections and frozen, with the indexes the analysis uses. */
export interface Catalogue {
  readonly sections: Readonly<Record<string, CatalogueSection>>;
  /** Every sink row, Node's first, in section order. */
  readonly sinks: readonly SinkRow[];
  readonly sinksByModule: ReadonlyMap<string, readonly SinkRow[]>;
  /** The modules of `sinks`, for `mayReferenceModules` gates. */
  readonly sinkModules: readonly string[];
  readonly globalOptionObjects: readonly GlobalOptionsRow[];
  readonly agentSlots: readonly AgentSlotRow[];
  readonly aliases: readonly AliasRow[];
  readonly closedApis: readonly ClosedApiRow[];
  readonly closedApiModules: readonly string[];
  readonly cdkPolicies: readonly CdkPolicyFamily[];
  /** The property names that choose a CDK policy (`securityPolicy`, `sslPolicy`...). */
  readonly cdkPolicyKeys: ReadonlySet<string>;
  /** Every specifier a file must name before a CDK row can match (`aws-cdk-lib`, its submodules, the v1 packages). */
  readonly cdkModules: readonly string[];
  readonly legacyApis: readonly LegacyApiRow[];
  readonly plaintextUrls: readonly PlaintextUrlRow[];
  /** The modules of `plaintextUrls`, for `mayReferenceModules` gates. */
  readonly plaintextUrlModules: readonly string[];
  readonly processApis: readonly ProcessApiRow[];
  readonly internalModules: readonly string[];
  readonly contextOptions: ReadonlySet<string>;
  /** Packages whose type declarations count as TLS-related (`@types/x` as `x`; `node`, `undici-types` always). */
  readonly tlsPackages: ReadonlySet<string>;
}
