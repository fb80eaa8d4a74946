/**
 * puppeteer >= 23 and `ignoreHTTPSErrors` (renamed `acceptInsecureCerts` in puppeteer-core 23.0.0,
 * puppeteer/puppeteer#12756; 24.43.1 reads no `ignoreHTTPSErrors`): the key does nothing when its
 * object provably goes only to puppeteer's `launch()`/`connect()` and the nearest package.json's
 * ranges for that package admit only 23 or later (src/rule-kit/dependencies.ts). The fixtures:
 * fixtures/dependencies/puppeteer-24 (`puppeteer: ^24.37.5`, `puppeteer-core: >=23.0.0`) and
 * fixtures/dependencies/puppeteer-22 (`puppeteer` `^24.0.0` in dependencies but `>=22.0.0` as a peer).
 */
import type rule from '../../rules/no-unverified-certificate.js';
import type { CasesOf } from '../rule-tester.js';
import { alias } from './library-helpers.js';

const AT_24 = 'fixtures/dependencies/puppeteer-24/launch.ts';
const AT_22 = 'fixtures/dependencies/puppeteer-22/launch.ts';
const IGNORE = alias(`playwright, puppeteer < 23`, `\`ignoreHTTPSErrors: true\``);
const ACCEPT = alias(`puppeteer, WebDriver`, `\`acceptInsecureCerts: true\``);
const REMOVE_IGNORE = { messageId: 'libraryFix' as const, data: { fix: `Remove \`ignoreHTTPSErrors: true\`.` } };

const cases: CasesOf<typeof rule> = {
  valid: [
    // The object goes only to puppeteer 24's `launch()` / `connect()`: the key is ignored.
    {
      code: `import puppeteer from 'puppeteer';
export const browser = await puppeteer.launch({ headless: true, ignoreHTTPSErrors: true });`,
      filename: AT_24,
    },
    {
      code: `import puppeteer from 'puppeteer';
const options = { browserWSEndpoint: 'ws://127.0.0.1:9222', ignoreHTTPSErrors: true };
export const browser = await puppeteer.connect(options);`,
      filename: AT_24,
    },
    {
      code: `import puppeteer from 'puppeteer-core';
export const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', ignoreHTTPSErrors: true });`,
      filename: AT_24,
    },
  ],
  invalid: [
    // With `acceptInsecureCerts: true` beside it, that key is the one reported.
    {
      code: `import puppeteer from 'puppeteer';
export const browser = await puppeteer.launch({ ignoreHTTPSErrors: true, acceptInsecureCerts: true });`,
      filename: AT_24,
      errors: [
        {
          messageId: 'libraryOption',
          data: ACCEPT,
          line: 2,
          column: 74,
          suggestions: [
            {
              messageId: 'libraryFix',
              data: { fix: `Remove \`acceptInsecureCerts: true\`.` },
              output: `import puppeteer from 'puppeteer';
export const browser = await puppeteer.launch({ ignoreHTTPSErrors: true });`,
            },
          ],
        },
      ],
    },
    // A range that admits puppeteer 22 (here the peer range): the key may still be read.
    {
      code: `import puppeteer from 'puppeteer';
export const browser = await puppeteer.launch({ ignoreHTTPSErrors: true });`,
      filename: AT_22,
      errors: [
        {
          messageId: 'libraryOption',
          data: IGNORE,
          line: 2,
          suggestions: [
            {
              ...REMOVE_IGNORE,
              output: `import puppeteer from 'puppeteer';
export const browser = await puppeteer.launch({});`,
            },
          ],
        },
      ],
    },
    // An object whose destination the file does not show (pa11y 9.1.1's exported defaults): it may reach Playwright.
    {
      code: `import puppeteer from 'puppeteer';
export const defaults = { chromeLaunchConfig: { ignoreHTTPSErrors: true } };
export const launch = () => puppeteer.launch();`,
      filename: AT_24,
      errors: [
        {
          messageId: 'libraryOption',
          data: IGNORE,
          line: 2,
          suggestions: [
            {
              ...REMOVE_IGNORE,
              output: `import puppeteer from 'puppeteer';
export const defaults = { chromeLaunchConfig: {} };
export const launch = () => puppeteer.launch();`,
            },
          ],
        },
      ],
    },
    // Playwright reads the key at any version, whatever puppeteer's range.
    {
      code: `import { chromium } from 'playwright-core';
const browser = await chromium.launch();
export const context = await browser.newContext({ ignoreHTTPSErrors: true });`,
      filename: AT_24,
      errors: [
        {
          messageId: 'libraryOption',
          data: IGNORE,
          line: 3,
          suggestions: [
            {
              ...REMOVE_IGNORE,
              output: `import { chromium } from 'playwright-core';
const browser = await chromium.launch();
export const context = await browser.newContext({});`,
            },
          ],
        },
      ],
    },
  ],
};

export default cases;
