/**
 * Reverse proxies built on http-proxy, whose `secure: false` turns off verification of the HTTPS
 * target they forward to: http-proxy itself, http-proxy-middleware, and the dev servers that hand
 * their `proxy` entries to them (webpack-dev-server, Vue CLI, Vite). Facts (docs/libraries.md):
 *
 * - http-proxy 1.18.1 `lib/http-proxy/common.js` `setupOutgoing`: when the target's protocol is
 *   `https:` or `wss:`, `outgoing.rejectUnauthorized = typeof options.secure === 'undefined' ? true :
 *   options.secure`, so only `secure: false` turns verification off (`0`, `null` and `''` reach Node,
 *   which verifies unless it gets `false`); a plain `http:` target makes the option do nothing. The
 *   options of `createProxyServer(options)` (also `createServer`, `createProxy`, `new Server`) are the
 *   defaults of every `proxy.web(req, res, options)` / `proxy.ws(req, socket, head, options)`, whose
 *   own options are copied over them (`lib/http-proxy/index.js` `createRightProxy`).
 * - http-proxy-middleware 3.0.11: `createProxyMiddleware(options)` keeps the options and calls
 *   `proxy.web(req, res, { ...options })` on an http-proxy server (`dist/http-proxy-middleware.js`);
 *   `legacyCreateProxyMiddleware(context, options)` maps `context` to `pathFilter` and spreads the
 *   options (`dist/legacy/options-adapter.js`); 1.x/2.x took `createProxyMiddleware(context, options)`
 *   and 0.x exported the function itself (`proxy(context, options)`). A `router` may replace `target`
 *   per request.
 * - webpack-dev-server 4/5 (`lib/Server.js`): every `devServer.proxy` entry goes to
 *   `createProxyMiddleware`; 5 takes an array (entries may be functions returning the entry), 4 also
 *   an object keyed by context (`{ '/api': { target, secure } }`) or one entry with a `target`
 *   (`{ target, secure }`). Vue CLI 5 (`vue.config.js`) passes `devServer` to webpack-dev-server 4.
 * - Vite (`server.proxy` and `preview.proxy`, `Record<context, string | ProxyOptions>`,
 *   `ProxyOptions extends HttpProxy.ServerOptions`): each entry becomes
 *   `httpProxy.createProxyServer(opts)` (Vite's bundled http-proxy; Vite 7's http-proxy-3 keeps the
 *   same `setupOutgoing` test).
 * - create-react-app: `src/setupProxy.js` is user code calling http-proxy-middleware (the rows above).
 *   A string `"proxy"` in package.json makes react-dev-utils' `prepareProxy` pass `secure: false`
 *   itself; that is JSON, not linted code.
 */
import type { ApiRow } from '../sinks.js';
import { PATH_ANY, PATH_ELEMENT, PATH_RETURN, type AliasRow, type CatalogueSection, type ConfigRow, type InertCondition } from './model.js';

const HTTP_PROXY = ['http-proxy'];
const FACTORIES = [['createProxyServer'], ['createServer'], ['createProxy']];

/** A `target` that is a plain `http:` or `ws:` URL: http-proxy sets no `rejectUnauthorized` for it. */
const PLAIN_TARGET: readonly InertCondition[] = [{ path: ['target'], inert: (v) => typeof v === 'string' && /^(?:http|ws):\/\//i.test(v) }];

const HTTP_PROXY_APIS: ApiRow[] = [
  ...HTTP_PROXY.flatMap((module): ApiRow[] => [
    { label: 'http-proxy', module, exports: FACTORIES, invoke: 'call', argument: 0, path: [] },
    { label: 'http-proxy', module, exports: [['Server']], invoke: 'new', argument: 0, path: [] },
    // `proxy.web(req, res, options)`, `proxy.ws(req, socket, head, options)` on a server the file made
    // (a factory's result, `new httpProxy(o)`, a parameter typed `httpProxy`: the module's export is the class).
    {
      label: 'http-proxy',
      module,
      exports: [...FACTORIES.map(([f]) => [f!, PATH_RETURN, 'web']), [PATH_RETURN, 'web']],
      invoke: 'call',
      argument: 2,
      path: [],
    },
    { label: 'http-proxy', module, exports: [...FACTORIES.map(([f]) => [f!, PATH_RETURN, 'ws']), [PATH_RETURN, 'ws']], invoke: 'call', argument: 3, path: [] },
  ]),
];

const MIDDLEWARE = 'http-proxy-middleware';
const MIDDLEWARE_APIS: ApiRow[] = [
  // 1.x-3.x `createProxyMiddleware([context,] options)`, 3.x `legacyCreateProxyMiddleware([context,] options)`, 0.x `proxy([context,] options)`.
  {
    label: MIDDLEWARE,
    module: MIDDLEWARE,
    exports: [['createProxyMiddleware'], ['legacyCreateProxyMiddleware'], []],
    invoke: 'call',
    argument: 'first-object',
    path: [],
  },
];

/** Where a webpack-dev-server `proxy` entry sits below the `proxy` option: the v4 single entry, a context's entry, an array entry, or what an array entry's function returns. */
const PROXY_ENTRIES: readonly (readonly string[])[] = [['proxy'], ['proxy', PATH_ANY], ['proxy', PATH_ELEMENT, PATH_RETURN]];
const under = (prefix: readonly string[], entries = PROXY_ENTRIES): string[][] => entries.map((e) => [...prefix, ...e]);

const WEBPACK_DEV_SERVER = 'webpack-dev-server';
const DEV_SERVER_APIS: ApiRow[] = [
  // v4/v5 `new WebpackDevServer(options, compiler)`; v3 (and v4 with a deprecation) `new WebpackDevServer(compiler, options)`.
  ...[0, 1].flatMap((argument) =>
    under([]).map((path): ApiRow => ({ label: WEBPACK_DEV_SERVER, module: WEBPACK_DEV_SERVER, exports: [[]], invoke: 'new', argument, path })),
  ),
  // Vue CLI's `defineConfig({ devServer })` (vue.config.js).
  ...[[], [PATH_RETURN]].flatMap((fn) =>
    under([...fn, 'devServer']).map((path): ApiRow => ({
      label: 'Vue CLI',
      module: '@vue/cli-service',
      exports: [['defineConfig']],
      invoke: 'call',
      argument: 0,
      path,
    })),
  ),
];
/** `module.exports = { devServer: { proxy } }` (also a function returning it, and a multi-compiler array): webpack's config shape. */
const DEV_SERVER_CONFIGS: ConfigRow[] = [[], [PATH_RETURN], [PATH_ELEMENT], [PATH_RETURN, PATH_ELEMENT]].flatMap((prefix) =>
  under([...prefix, 'devServer']).map((path) => ({ label: 'webpack `devServer.proxy`', path })),
);

const VITE_ENTRIES: readonly (readonly string[])[] = [['proxy', PATH_ANY]];
const VITE_PATHS = [[], [PATH_RETURN]].flatMap((fn) => ['server', 'preview'].flatMap((key) => under([...fn, key], VITE_ENTRIES)));
const VITE_APIS: ApiRow[] = [
  ...VITE_PATHS.map((path): ApiRow => ({ label: 'Vite', module: 'vite', exports: [['defineConfig']], invoke: 'call', argument: 0, path })),
  // The JavaScript API: `createServer({ server: { proxy } })`, `preview({ preview: { proxy } })`.
  ...under(['server'], VITE_ENTRIES).map((path): ApiRow => ({ label: 'Vite', module: 'vite', exports: [['createServer']], invoke: 'call', argument: 0, path })),
  ...under(['preview'], VITE_ENTRIES).map((path): ApiRow => ({ label: 'Vite', module: 'vite', exports: [['preview']], invoke: 'call', argument: 0, path })),
];
/** `export default { server: { proxy } }` without `defineConfig`: only in Vite's own config file. */
const VITE_CONFIGS: ConfigRow[] = VITE_PATHS.map((path) => ({ label: 'Vite `server.proxy`', path, file: /^vite\.config\.[cm]?[jt]s$/ }));

const WAY = 'Remove it; for a target with a private CA, pass that CA as `ca` (http-proxy hands it to the request).';
const FIX_TEXT = 'Remove `secure: false` (the proxy then verifies the target).';
const UNVERIFIED =
  "makes the proxy connect to an HTTPS (or WSS) target with `rejectUnauthorized: false`, which turns off verification of the target's certificate";
const FORWARDED = "every request and response the proxy forwards, with the clients' cookies and credentials";
const DEV_FORWARDED = 'what the browser sends through the dev server (its cookies and tokens) and the API responses the app receives';

const secureFalse = (row: Pick<AliasRow, 'library' | 'packages' | 'effect' | 'exposes'> & Partial<Pick<AliasRow, 'apis' | 'configs'>>): AliasRow => ({
  rule: 'certificate',
  option: '`secure: false`',
  match: { kind: 'property', key: 'secure', insecure: (v) => v === false, inert: PLAIN_TARGET },
  way: WAY,
  fix: { kind: 'remove' },
  fixText: FIX_TEXT,
  ...row,
});

export const httpProxy: CatalogueSection = {
  packages: ['http-proxy', '@types/http-proxy'],
  aliases: [
    secureFalse({ library: 'http-proxy', packages: ['http-proxy', '@types/http-proxy'], apis: HTTP_PROXY_APIS, effect: UNVERIFIED, exposes: FORWARDED }),
  ],
};

export const httpProxyMiddleware: CatalogueSection = {
  packages: [MIDDLEWARE],
  aliases: [
    secureFalse({
      library: MIDDLEWARE,
      packages: [MIDDLEWARE, 'http-proxy', '@types/http-proxy'],
      apis: MIDDLEWARE_APIS,
      effect: `${UNVERIFIED} (it passes the option to http-proxy)`,
      exposes: FORWARDED,
    }),
  ],
};

export const devServerProxies: CatalogueSection = {
  packages: [WEBPACK_DEV_SERVER, '@vue/cli-service', 'vite'],
  aliases: [
    secureFalse({
      library: 'webpack-dev-server',
      packages: [WEBPACK_DEV_SERVER, '@vue/cli-service', 'webpack', MIDDLEWARE, 'http-proxy', '@types/http-proxy'],
      apis: DEV_SERVER_APIS,
      configs: DEV_SERVER_CONFIGS,
      effect:
        'in a `devServer.proxy` entry makes the dev server proxy to the HTTPS target without verifying its certificate (webpack-dev-server hands the entry to http-proxy-middleware, whose http-proxy sets `rejectUnauthorized: false`)',
      exposes: DEV_FORWARDED,
    }),
    secureFalse({
      library: 'Vite',
      packages: ['vite', 'http-proxy', '@types/http-proxy'],
      apis: VITE_APIS,
      configs: VITE_CONFIGS,
      effect:
        'in a `server.proxy` (or `preview.proxy`) entry makes the dev server proxy to the HTTPS target without verifying its certificate (Vite builds the entry into an http-proxy server, which sets `rejectUnauthorized: false`)',
      exposes: DEV_FORWARDED,
    }),
  ],
};
