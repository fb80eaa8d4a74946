/**
 * The http-proxy family for `no-unverified-certificate` (src/analysis/catalogue/http-proxies.ts):
 * `secure: false` in http-proxy, http-proxy-middleware (also create-react-app's `src/setupProxy.js`),
 * webpack-dev-server's `devServer.proxy` (object and array forms, Vue CLI) and Vite's `server.proxy` /
 * `preview.proxy`. http-proxy and http-proxy-middleware are installed (TypeScript cases against their
 * types); webpack-dev-server, Vue CLI and Vite are not, so their cases are JavaScript config files.
 */
import type rule from '../../rules/no-unverified-certificate.js';
import type { CasesOf } from '../rule-tester.js';
import { js, validJs } from '../rule-tester.js';
import { alias } from './library-helpers.js';

const HTTP_PROXY = alias('http-proxy', '`secure: false`');
const MIDDLEWARE = alias('http-proxy-middleware', '`secure: false`');
const WDS = alias('webpack-dev-server', '`secure: false`');
const VITE = alias('Vite', '`secure: false`');
const REMOVE = { messageId: 'libraryFix' as const, data: { fix: 'Remove `secure: false` (the proxy then verifies the target).' } };

const cases: CasesOf<typeof rule> = {
  valid: [
    // redbird 1.0.2's shape: `proxy` is a parameter, which nothing in the file proves is an http-proxy server
    // (`.web(req, res, options)` is not proof), so the per-request `secure: !!opts.secure` is not reported.
    `import type { IncomingMessage, ServerResponse } from 'node:http';
export function handle(proxy: { web(a: unknown, b: unknown, c: object): void }, req: IncomingMessage, res: ServerResponse, opts: { secure?: boolean }) {
  proxy.web(req, res, { target: 'https://api.internal', secure: !!opts.secure });
}`,
    // Nor does a parameter typed with another type, or one that is reassigned.
    `import httpProxy from 'http-proxy';
import type { IncomingMessage, ServerResponse } from 'node:http';
interface Forwarder { web(req: IncomingMessage, res: ServerResponse, options: object): void }
export function handle(proxy: Forwarder, req: IncomingMessage, res: ServerResponse) {
  proxy.web(req, res, { target: 'https://api.internal', secure: false });
}
export const server = httpProxy.createProxyServer({});`,
    `import httpProxy from 'http-proxy';
import type { IncomingMessage, ServerResponse } from 'node:http';
declare const other: httpProxy;
export function handle(proxy: httpProxy, req: IncomingMessage, res: ServerResponse) {
  proxy = { web() {} } as unknown as httpProxy;
  proxy.web(req, res, { target: 'https://api.internal', secure: false });
}
export const keep = other;`,
    // Verification on (the default, or written).
    `import httpProxy from 'http-proxy';
export const proxy = httpProxy.createProxyServer({ target: 'https://api.internal', changeOrigin: true });`,
    `import httpProxy from 'http-proxy';
export const proxy = httpProxy.createProxyServer({ target: 'https://api.internal', secure: true });`,
    // A plain http: (or ws:) target: http-proxy sets no rejectUnauthorized, so `secure` does nothing.
    `import httpProxy from 'http-proxy';
export const proxy = httpProxy.createProxyServer({ target: 'http://localhost:3000', secure: false });`,
    `import { createProxyMiddleware } from 'http-proxy-middleware';
export const api = createProxyMiddleware({ target: 'ws://localhost:3001', ws: true, secure: false });`,
    // Only the literal false turns Node's verification off (http-proxy passes the value as rejectUnauthorized).
    `import httpProxy from 'http-proxy';
export const proxy = httpProxy.createProxyServer({ target: 'https://api.internal', secure: 0 as unknown as boolean });`,
    // `secure` is a generic key: other libraries' objects are not http-proxy options.
    `export const cookie = { name: 'sid', secure: false, httpOnly: true };`,
    `import express from 'express';
export const session = { cookie: { secure: false } };
express();`,
    validJs(`const nodemailer = require('nodemailer');
module.exports = nodemailer.createTransport({ host: 'smtp.internal', port: 587, secure: false });`),
    // A `proxy` key outside a dev-server config (an app's own settings object).
    validJs(`module.exports = { settings: { proxy: { '/api': { target: 'https://api.internal', secure: false } } } };`),
    // `server.proxy` exported from a file that is not Vite's config, without defineConfig.
    { code: `export default { server: { proxy: { '/api': { target: 'https://api.internal', secure: false } } } };`, filename: 'app.config.js' },
    // webpack-dev-server entries with an http: target.
    validJs(`module.exports = { devServer: { proxy: { '/api': { target: 'http://localhost:8080', secure: false } } } };`),
    validJs(`module.exports = { devServer: { proxy: [{ context: ['/api'], target: 'http://localhost:8080', secure: false }] } };`),
  ],
  invalid: [
    // `!!opts.secure` is `false` when the caller sets nothing: an insecure default (no literal to rewrite).
    {
      code: `import httpProxy from 'http-proxy';
export function make(opts: { secure?: boolean }) {
  return httpProxy.createProxyServer({ target: 'https://api.internal', secure: !!opts.secure });
}`,
      errors: [
        {
          messageId: 'insecureDefault',
          data: { option: `${HTTP_PROXY.option} (http-proxy)`, origin: '!!opts.secure', effect: `it ${HTTP_PROXY.effect}` },
          suggestions: [],
        },
      ],
    },
    {
      code: `import httpProxy from 'http-proxy';
export const proxy = httpProxy.createProxyServer({ target: 'https://api.internal', secure: false });`,
      errors: [
        {
          messageId: 'proxyOption',
          data: HTTP_PROXY,
          suggestions: [
            {
              ...REMOVE,
              output: `import httpProxy from 'http-proxy';
export const proxy = httpProxy.createProxyServer({ target: 'https://api.internal' });`,
            },
          ],
        },
      ],
    },
    // createServer / createProxy are the same function; a target the file does not show is not known to be http:.
    js({
      code: `const { createProxy } = require('http-proxy');
module.exports = (target) => createProxy({ target, secure: false });`,
      errors: [
        {
          messageId: 'proxyOption',
          data: HTTP_PROXY,
          suggestions: [
            {
              ...REMOVE,
              output: `const { createProxy } = require('http-proxy');
module.exports = (target) => createProxy({ target });`,
            },
          ],
        },
      ],
    }),
    // redbird's shape with a TypeScript type: a parameter typed with http-proxy's exported class is one of its servers.
    {
      code: `import httpProxy from 'http-proxy';
import type { IncomingMessage, ServerResponse } from 'node:http';
export function handle(proxy: httpProxy, req: IncomingMessage, res: ServerResponse, opts: { secure?: boolean }) {
  proxy.web(req, res, { target: 'https://api.internal', secure: !!opts.secure });
}`,
      errors: [
        {
          messageId: 'insecureDefault',
          line: 4,
          data: { option: `${HTTP_PROXY.option} (http-proxy)`, origin: '!!opts.secure', effect: `it ${HTTP_PROXY.effect}` },
          suggestions: [],
        },
      ],
    },
    {
      code: `import httpProxy from 'http-proxy';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
export function upgrade(proxy: httpProxy, req: IncomingMessage, socket: Duplex, head: Buffer) {
  proxy.ws(req, socket, head, { target: 'wss://api.internal', secure: false });
}`,
      errors: [
        {
          messageId: 'proxyOption',
          data: HTTP_PROXY,
          suggestions: [
            {
              ...REMOVE,
              output: `import httpProxy from 'http-proxy';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
export function upgrade(proxy: httpProxy, req: IncomingMessage, socket: Duplex, head: Buffer) {
  proxy.ws(req, socket, head, { target: 'wss://api.internal' });
}`,
            },
          ],
        },
      ],
    },
    // Per-request options of `proxy.web()` / `proxy.ws()` on a server the file made.
    {
      code: `import httpProxy from 'http-proxy';
import type { IncomingMessage, ServerResponse } from 'node:http';
const proxy = httpProxy.createProxyServer({});
export function handle(req: IncomingMessage, res: ServerResponse) {
  proxy.web(req, res, { target: 'https://api.internal', secure: false });
}`,
      errors: [
        {
          messageId: 'proxyOption',
          data: HTTP_PROXY,
          suggestions: [
            {
              ...REMOVE,
              output: `import httpProxy from 'http-proxy';
import type { IncomingMessage, ServerResponse } from 'node:http';
const proxy = httpProxy.createProxyServer({});
export function handle(req: IncomingMessage, res: ServerResponse) {
  proxy.web(req, res, { target: 'https://api.internal' });
}`,
            },
          ],
        },
      ],
    },
    js({
      code: `const httpProxy = require('http-proxy');
const proxy = httpProxy.createProxyServer();
module.exports = (req, socket, head) => proxy.ws(req, socket, head, { target: 'wss://events.internal', secure: false });`,
      errors: [
        {
          messageId: 'proxyOption',
          data: HTTP_PROXY,
          suggestions: [
            {
              ...REMOVE,
              output: `const httpProxy = require('http-proxy');
const proxy = httpProxy.createProxyServer();
module.exports = (req, socket, head) => proxy.ws(req, socket, head, { target: 'wss://events.internal' });`,
            },
          ],
        },
      ],
    }),
    // http-proxy-middleware 3 (also the create-react-app `src/setupProxy.js` shape).
    {
      code: `import { createProxyMiddleware } from 'http-proxy-middleware';
export const api = createProxyMiddleware({ target: 'https://api.internal', changeOrigin: true, secure: false });`,
      errors: [
        {
          messageId: 'proxyOption',
          data: MIDDLEWARE,
          suggestions: [
            {
              ...REMOVE,
              output: `import { createProxyMiddleware } from 'http-proxy-middleware';
export const api = createProxyMiddleware({ target: 'https://api.internal', changeOrigin: true });`,
            },
          ],
        },
      ],
    },
    {
      code: `const { createProxyMiddleware } = require('http-proxy-middleware');
module.exports = function (app) {
  app.use('/api', createProxyMiddleware({ target: process.env.API_URL, changeOrigin: true, secure: false }));
};`,
      filename: 'src/setupProxy.js',
      errors: [
        {
          messageId: 'proxyOption',
          data: MIDDLEWARE,
          suggestions: [
            {
              ...REMOVE,
              output: `const { createProxyMiddleware } = require('http-proxy-middleware');
module.exports = function (app) {
  app.use('/api', createProxyMiddleware({ target: process.env.API_URL, changeOrigin: true }));
};`,
            },
          ],
        },
      ],
    },
    // 1.x/2.x `createProxyMiddleware(context, options)`, 3.x `legacyCreateProxyMiddleware`, 0.x `proxy(context, options)`.
    js({
      code: `const { legacyCreateProxyMiddleware } = require('http-proxy-middleware');
module.exports = (app) => app.use(legacyCreateProxyMiddleware(['/api', '/auth'], { target: 'https://api.internal', secure: false }));`,
      errors: [
        {
          messageId: 'proxyOption',
          data: MIDDLEWARE,
          suggestions: [
            {
              ...REMOVE,
              output: `const { legacyCreateProxyMiddleware } = require('http-proxy-middleware');
module.exports = (app) => app.use(legacyCreateProxyMiddleware(['/api', '/auth'], { target: 'https://api.internal' }));`,
            },
          ],
        },
      ],
    }),
    js({
      code: `const proxy = require('http-proxy-middleware');
const options = { target: 'https://api.internal', secure: false };
module.exports = (app) => app.use(proxy('/api', options));`,
      errors: [
        {
          messageId: 'proxyOption',
          data: MIDDLEWARE,
          suggestions: [
            {
              ...REMOVE,
              output: `const proxy = require('http-proxy-middleware');
const options = { target: 'https://api.internal' };
module.exports = (app) => app.use(proxy('/api', options));`,
            },
          ],
        },
      ],
    }),
    // webpack-dev-server: the object form (v4) keyed by context, and a single entry with a target.
    {
      code: `module.exports = {
  mode: 'development',
  devServer: { proxy: { '/api': { target: 'https://staging.example.com', changeOrigin: true, secure: false } } },
};`,
      filename: 'webpack.config.js',
      errors: [
        {
          messageId: 'proxyOption',
          data: WDS,
          suggestions: [
            {
              ...REMOVE,
              output: `module.exports = {
  mode: 'development',
  devServer: { proxy: { '/api': { target: 'https://staging.example.com', changeOrigin: true } } },
};`,
            },
          ],
        },
      ],
    },
    js({
      code: `module.exports = { devServer: { proxy: { target: 'https://staging.example.com', secure: false } } };`,
      errors: [
        {
          messageId: 'proxyOption',
          data: WDS,
          suggestions: [{ ...REMOVE, output: `module.exports = { devServer: { proxy: { target: 'https://staging.example.com' } } };` }],
        },
      ],
    }),
    // The array form (v5), a function entry, a function config, a proxy table in a variable, and ESM.
    js({
      code: `const proxy = [{ context: ['/api', '/auth'], target: 'https://staging.example.com', secure: false }];
module.exports = (env) => ({ entry: './src', devServer: { port: 3000, proxy } });`,
      errors: [
        {
          messageId: 'proxyOption',
          data: WDS,
          suggestions: [
            {
              ...REMOVE,
              output: `const proxy = [{ context: ['/api', '/auth'], target: 'https://staging.example.com' }];
module.exports = (env) => ({ entry: './src', devServer: { port: 3000, proxy } });`,
            },
          ],
        },
      ],
    }),
    {
      code: `export default { devServer: { proxy: [() => ({ context: ['/api'], target: 'https://staging.example.com', secure: false })] } };`,
      filename: 'webpack.config.mjs',
      errors: [
        {
          messageId: 'proxyOption',
          data: WDS,
          suggestions: [
            { ...REMOVE, output: `export default { devServer: { proxy: [() => ({ context: ['/api'], target: 'https://staging.example.com' })] } };` },
          ],
        },
      ],
    },
    // webpack-dev-server's API and Vue CLI's config helper.
    js({
      code: `const WebpackDevServer = require('webpack-dev-server');
module.exports = (compiler) => new WebpackDevServer({ proxy: [{ context: ['/api'], target: 'https://staging.example.com', secure: false }] }, compiler);`,
      errors: [
        {
          messageId: 'proxyOption',
          data: WDS,
          suggestions: [
            {
              ...REMOVE,
              output: `const WebpackDevServer = require('webpack-dev-server');
module.exports = (compiler) => new WebpackDevServer({ proxy: [{ context: ['/api'], target: 'https://staging.example.com' }] }, compiler);`,
            },
          ],
        },
      ],
    }),
    {
      code: `const { defineConfig } = require('@vue/cli-service');
module.exports = defineConfig({ devServer: { proxy: { '/api': { target: 'https://staging.example.com', secure: false } } } });`,
      filename: 'vue.config.js',
      errors: [
        {
          messageId: 'proxyOption',
          data: WDS,
          suggestions: [
            {
              ...REMOVE,
              output: `const { defineConfig } = require('@vue/cli-service');
module.exports = defineConfig({ devServer: { proxy: { '/api': { target: 'https://staging.example.com' } } } });`,
            },
          ],
        },
      ],
    },
    // Vite: defineConfig (object and function forms), preview.proxy, and a plain export from vite.config.
    {
      code: `import { defineConfig } from 'vite';
export default defineConfig({ server: { proxy: { '/api': { target: 'https://staging.example.com', changeOrigin: true, secure: false } } } });`,
      filename: 'vite.config.js',
      errors: [
        {
          messageId: 'proxyOption',
          data: VITE,
          suggestions: [
            {
              ...REMOVE,
              output: `import { defineConfig } from 'vite';
export default defineConfig({ server: { proxy: { '/api': { target: 'https://staging.example.com', changeOrigin: true } } } });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { defineConfig } from 'vite';
export default defineConfig(({ mode }) => ({ preview: { proxy: { '/api': { target: mode === 'staging' ? 'https://staging.example.com' : 'https://api.example.com', secure: false } } } }));`,
      filename: 'vite.config.mjs',
      errors: [
        {
          messageId: 'proxyOption',
          data: VITE,
          suggestions: [
            {
              ...REMOVE,
              output: `import { defineConfig } from 'vite';
export default defineConfig(({ mode }) => ({ preview: { proxy: { '/api': { target: mode === 'staging' ? 'https://staging.example.com' : 'https://api.example.com' } } } }));`,
            },
          ],
        },
      ],
    },
    {
      code: `export default { server: { proxy: { '/api': { target: 'https://staging.example.com', secure: false } } } };`,
      filename: 'vite.config.js',
      errors: [
        {
          messageId: 'proxyOption',
          data: VITE,
          suggestions: [{ ...REMOVE, output: `export default { server: { proxy: { '/api': { target: 'https://staging.example.com' } } } };` }],
        },
      ],
    },
  ],
};

export default cases;
