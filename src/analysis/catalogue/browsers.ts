/**
 * Browser automation and desktop: puppeteer, playwright, Electron. These options make the browser
 * accept any certificate. Facts: research/node-tls.md 2.4 (puppeteer-core 24 and playwright-core
 * 1.x types checked; Electron from its docs, not installable here).
 */
import { sink, type CatalogueSection } from './model.js';

const PUPPETEER = ['puppeteer', 'puppeteer-core'];
const PLAYWRIGHT = ['playwright', 'playwright-core', '@playwright/test'];

export const puppeteer: CatalogueSection = {
  packages: PUPPETEER,
  sinks: PUPPETEER.map((module) =>
    sink({
      label: 'puppeteer `launch()`/`connect()` options',
      library: 'puppeteer',
      module,
      exports: [['launch'], ['connect']],
      invoke: 'call',
      argument: 0,
      role: 'client',
    }),
  ),
  aliases: [
    {
      library: 'puppeteer, WebDriver',
      packages: [...PUPPETEER, 'webdriverio', 'selenium-webdriver', '@wdio/types'],
      rule: 'certificate',
      option: '`acceptInsecureCerts: true`',
      match: { kind: 'property', key: 'acceptInsecureCerts', insecure: (v) => v === true },
      effect: 'makes the browser accept any certificate',
      way: 'Remove it; for a test server, trust its CA in the browser profile instead.',
      fix: { kind: 'remove' },
      fixText: 'Remove `acceptInsecureCerts: true`.',
    },
  ],
};

export const playwright: CatalogueSection = {
  packages: PLAYWRIGHT,
  aliases: [
    {
      library: 'playwright, puppeteer < 23',
      packages: [...PLAYWRIGHT, ...PUPPETEER],
      rule: 'certificate',
      option: '`ignoreHTTPSErrors: true`',
      match: { kind: 'property', key: 'ignoreHTTPSErrors', insecure: (v) => v === true },
      effect: 'makes the browser (and the request context) accept any certificate',
      way: 'Remove it; for a test server, trust its CA instead.',
      fix: { kind: 'remove' },
      fixText: 'Remove `ignoreHTTPSErrors: true`.',
      // puppeteer-core 23.0.0 (puppeteer/puppeteer#12756) renamed it; 24.43.1 has no `ignoreHTTPSErrors` anywhere.
      ignoredFrom: { packages: PUPPETEER, version: '23.0.0' },
    },
  ],
};

export const chromiumFlags: CatalogueSection = {
  packages: [],
  aliases: [
    {
      library: 'Chromium flags: puppeteer, playwright, Selenium',
      packages: [...PUPPETEER, ...PLAYWRIGHT, 'selenium-webdriver'],
      rule: 'certificate',
      option: '{value}',
      // Built, not written out: the flags as literals would be reported in this file by the rule itself.
      match: {
        kind: 'argument-flag',
        values: ['ignore-certificate-errors', 'ignore-certificate-errors-spki-list', 'allow-insecure-localhost'].map((f) => `--${f}`),
      },
      effect: "in the browser's launch arguments makes it accept certificates that fail verification",
      way: 'Remove the flag; for a test server, trust its CA instead.',
      fixText: 'Remove the flag.',
    },
  ],
};

export const electron: CatalogueSection = {
  packages: ['electron'],
  aliases: [
    {
      library: 'Electron',
      packages: ['electron'],
      rule: 'certificate',
      option: '`callback(true)` in a `certificate-error` handler',
      // app: (event, webContents, url, error, certificate, callback); webContents: (event, url, error, certificate, callback)
      match: { kind: 'verdict-callback', event: 'certificate-error', from: 4, insecure: true, secure: 'false' },
      effect: 'accepts every certificate that failed verification',
      way: 'Remove the handler, or accept only a pinned certificate fingerprint.',
      fixText: 'Call `callback(false)` (reject the certificate).',
    },
    {
      library: 'Electron',
      packages: ['electron'],
      rule: 'certificate',
      option: '`setCertificateVerifyProc` calling back `0`',
      // (request, callback): 0 accepts (and skips Certificate Transparency), -2 rejects, -3 uses Chromium's verdict.
      match: { kind: 'verdict-callback', name: 'setCertificateVerifyProc', from: 1, insecure: 0, secure: '-3' },
      effect: "accepts every certificate, whatever Chromium's verification found",
      way: "Call back `-3` (use Chromium's verdict) except for the certificates you pin.",
      fixText: "Call back `-3` (use the result of Chromium's verification).",
    },
    {
      library: 'Electron',
      packages: ['electron'],
      rule: 'certificate',
      option: "`appendSwitch('ignore-certificate-errors')`",
      match: { kind: 'method-argument', name: 'appendSwitch', values: ['ignore-certificate-errors'] },
      effect: 'makes Chromium accept any certificate in every window of the app',
      way: 'Remove the switch.',
      fixText: 'Remove this call.',
    },
  ],
};
