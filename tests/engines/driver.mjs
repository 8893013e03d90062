// One small driver layer over the three browser engines readers use, so that a test is
// written once and runs in each: Chromium (Debian's, through playwright-core), Firefox ESR
// (WebDriver BiDi, through puppeteer-core) and WebKitGTK's MiniBrowser (Safari's engine,
// WebKitWebDriver through selenium-webdriver, under Xvfb). ../shared/TOOLCHAIN.md says how
// each was verified here.
//
// A page is driven by what every engine's automation offers: navigation, scripts run in
// the page (functions, their source sent), real key presses and clicks on an element found
// by a script (shadow roots included). What one engine's automation cannot do is `null`
// in its `can` (each with the reason), and the tests that need it skip that engine, saying
// why.

import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { Builder, Key } from 'selenium-webdriver';

/** The engines, by the name the tests use. */
export const ENGINES = /** @type {const} */ (['chromium', 'firefox', 'webkit']);

/**
 * @typedef {(...args: any[]) => any} PageFunction a function run in the page: only its
 *   source is sent, so it uses nothing from the test's scope but its arguments (JSON
 *   values, or page functions)
 * @typedef {{
 *   engine: string,
 *   goto: (url: string) => Promise<void>,
 *   reload: () => Promise<void>,
 *   run: (fn: PageFunction, ...args: any[]) => Promise<any>,
 *   type: (find: PageFunction, text: string) => Promise<void>,
 *   press: (find: PageFunction, key: 'Enter') => Promise<void>,
 *   click: (find: PageFunction) => Promise<void>,
 *   offline: ((on: boolean) => Promise<void>)|string,
 * }} Page
 *   run: the function's result (JSON), awaited in the page; type, press, click: real input
 *   on the element `find` returns; offline: takes the page off the network (and back),
 *   or why this engine's automation cannot
 * @typedef {{
 *   engine: string,
 *   page: () => Promise<Page>,
 *   close: () => Promise<void>,
 * }} Browser
 */

/**
 * The expression that calls `fn` in the page with `args`: each a value (JSON) or a page
 * function (its source), for `evaluate(source)`, which each driver has.
 * @param {PageFunction} fn
 * @param {any[]} args
 */
const call = (fn, args) => `(${fn})(${args.map((a) => (typeof a === 'function' ? `(${a})` : JSON.stringify(a))).join(', ')})`;

/** A free TCP port on the loopback address. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Chromium through playwright-core (the flags of tests/e2e/browser.mjs). */
async function launchChromium() {
  const { CHROMIUM_ARGS } = await import('../e2e/browser.mjs');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    engine: 'chromium',
    async page() {
      const context = await browser.newContext();
      const page = await context.newPage();
      return {
        engine: 'chromium',
        goto: async (url) => { await page.goto(url); },
        reload: async () => { await page.reload(); },
        run: (fn, ...args) => page.evaluate(call(fn, args)),
        type: async (find, text) => (await page.evaluateHandle(call(find, []))).asElement()?.type(text),
        press: async (find, key) => (await page.evaluateHandle(call(find, []))).asElement()?.press(key),
        click: async (find) => (await page.evaluateHandle(call(find, []))).asElement()?.click(),
        offline: (on) => context.setOffline(on),
      };
    },
    close: () => browser.close(),
  };
}

/** Firefox ESR over WebDriver BiDi, through puppeteer-core. */
async function launchFirefox() {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr', headless: true });
  return {
    engine: 'firefox',
    async page() {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      /** @param {PageFunction} find */
      const element = async (find) => {
        const handle = (await page.evaluateHandle(call(find, []))).asElement();
        if (!handle) throw new Error(`no element: ${find}`);
        return /** @type {import('puppeteer-core').ElementHandle<Element>} */ (handle);
      };
      return {
        engine: 'firefox',
        goto: async (url) => { await page.goto(url); },
        reload: async () => { await page.reload(); },
        run: (fn, ...args) => page.evaluate(call(fn, args)),
        type: async (find, text) => (await element(find)).type(text),
        press: async (find, key) => (await element(find)).press(key),
        click: async (find) => (await element(find)).click(),
        offline: (on) => page.setOfflineMode(on),
      };
    },
    close: () => browser.close(),
  };
}

/** WebKitGTK's MiniBrowser through WebKitWebDriver (needs an X display: Xvfb). */
async function launchWebKit() {
  const binary = execFileSync('dpkg', ['-L', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' })
    .split('\n').find((line) => line.endsWith('/MiniBrowser'));
  if (!binary) throw new Error('MiniBrowser is missing (Debian: libwebkit2gtk-4.1-0)');
  const port = await freePort();
  const server = spawn('WebKitWebDriver', [`--port=${port}`], { stdio: 'ignore' });
  // The driver listens once started.
  for (let i = 0; i < 50; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/status`).then((r) => r.ok, () => false);
    if (up) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  /** The session open (WebKitWebDriver keeps one at a time). @type {import('selenium-webdriver').WebDriver|null} */
  let session = null;
  const caps = { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary, args: ['--automation'] } };
  return {
    engine: 'webkit',
    async page() {
      // One session a page (the one before it ends: WebKitWebDriver keeps one at a time):
      // its own browser process, so its storage and cache its own.
      await session?.quit().catch(() => {});
      const driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(caps).build();
      session = driver;
      /** @param {PageFunction} find */
      const element = (find) => driver.executeScript(`return ${call(find, [])}`);
      return {
        engine: 'webkit',
        goto: (url) => driver.get(url),
        reload: () => driver.navigate().refresh(),
        run: (fn, ...args) => driver.executeAsyncScript(
          `const done = arguments[arguments.length - 1];
           Promise.resolve(${call(fn, args)}).then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ error: String(e) }));`,
        ).then((/** @type {any} */ r) => {
          if (r && 'error' in r) throw new Error(r.error);
          return r?.ok;
        }),
        type: async (find, text) => /** @type {import('selenium-webdriver').WebElement} */ (await element(find)).sendKeys(text),
        press: async (find, key) => /** @type {import('selenium-webdriver').WebElement} */ (await element(find)).sendKeys(key === 'Enter' ? Key.ENTER : key),
        click: async (find) => /** @type {import('selenium-webdriver').WebElement} */ (await element(find)).click(),
        offline: 'WebKitWebDriver (W3C WebDriver classic) has no network emulation',
      };
    },
    async close() {
      await session?.quit().catch(() => {});
      server.kill();
    },
  };
}

/**
 * Launches `engine`.
 * @param {typeof ENGINES[number]} engine
 * @returns {Promise<Browser>}
 */
export function launch(engine) {
  if (engine === 'chromium') return launchChromium();
  if (engine === 'firefox') return launchFirefox();
  return launchWebKit();
}

/**
 * Runs `fn` in the page until it returns something truthy (then that), for `ms`.
 * @param {Page} page
 * @param {PageFunction} fn
 * @param {string} what said when it never does
 * @param {any[]} [args]
 * @param {number} [ms]
 */
export async function until(page, fn, what, args = [], ms = 20_000) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    last = await page.run(fn, ...args);
    if (last) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${page.engine}: ${what} (last: ${JSON.stringify(last)})`);
}
