// Shared helpers of the end-to-end tests (not a test file): one Chromium per test file,
// one context per test, and every console error or warning, uncaught exception, failed
// request and dialog of the page collected so that tests can assert there were none.

import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

/** Flags verified in /work/shared/TOOLCHAIN.md: root needs --no-sandbox; no network at start. */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * A required environment variable (set by `cargo xtask test`). Missing is a failure, not
 * a skip, so that a misconfigured run cannot pass silently.
 * @param {string} name
 */
export function env(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests with \`cargo xtask test\``);
  return value;
}

/**
 * Launches one browser for the current test file (before/after hooks).
 * @returns {() => import('playwright-core').Browser} the browser, once the hook has run
 */
export function useBrowser() {
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  before(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
  });
  after(() => browser?.close());
  return () => {
    if (!browser) throw new Error('the browser is not launched (useBrowser() must be called at the top level)');
    return browser;
  };
}

/**
 * Opens `url` in a new context that closes when test `t` ends, and waits until the page
 * has left body[data-state=loading]; asserts it reached `state`.
 * @param {import('node:test').TestContext} t
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {object} [options]
 * @param {string} [options.state] the body[data-state] expected after loading
 * @param {(context: import('playwright-core').BrowserContext) => Promise<void>} [options.setup]
 *   runs before the page is opened (routes, …)
 * @param {import('playwright-core').BrowserContextOptions} [options.context]
 * @returns {Promise<{page: import('playwright-core').Page, problems: string[], dialogs: string[]}>}
 *   problems: console errors and warnings, page errors, failed requests and HTTP errors;
 *   dialogs: every alert/confirm/prompt/beforeunload (each dismissed)
 */
export async function openPage(t, browser, url, { state = 'ready', setup, context: options } = {}) {
  const context = await browser.newContext(options);
  t.after(() => context.close());
  if (setup) await setup(context);
  const page = await context.newPage();
  const { problems, dialogs } = watchPage(page);
  await page.goto(url);
  await page.waitForSelector('body:not([data-state="loading"])', { state: 'attached' });
  assert.equal(await page.getAttribute('body', 'data-state'), state, 'body[data-state] after loading');
  return { page, problems, dialogs };
}

/**
 * Collects, from now on, what a page must not do (for pages that are not the explorer
 * page itself, such as host pages; openPage does this too).
 * @param {import('playwright-core').Page} page
 * @returns {{problems: string[], dialogs: string[]}} as openPage's, filled as they happen
 */
export function watchPage(page) {
  const problems = [];
  const dialogs = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') {
      problems.push(`console.${m.type()}: ${m.text()} (${m.location().url})`);
    }
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => {
    // ERR_ABORTED: cancelled by the browser itself, e.g. the favicon fetch that Chromium
    // starts on every URL change, superseded by the next change or a reload.
    const error = r.failure()?.errorText;
    if (error !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} (${error})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  return { problems, dialogs };
}

/**
 * Records every `securitypolicyviolation` in every frame of every page of `context` from
 * now on (a listener installed before any script of the page runs). Call before opening
 * pages.
 * @param {import('playwright-core').BrowserContext} context
 * @returns {Promise<string[]>} filled as violations happen: "directive blocked-uri (frame URL)"
 */
export async function recordCspViolations(context) {
  /** @type {string[]} */
  const violations = [];
  await context.exposeBinding('__e2eCspViolation', ({ frame }, v) => {
    violations.push(`${v.directive} ${v.blocked} at ${v.source}:${v.line} (${frame.url()})`);
  });
  await context.addInitScript(() => {
    addEventListener('securitypolicyviolation', (e) => {
      const v = { directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber };
      (window.__cspViolations ??= []).push(v);
      window.__e2eCspViolation?.(v);
    }, true);
  });
  return violations;
}

/**
 * Polls `read` until its value deep-equals `expected`; on timeout fails with the last value.
 * For state that settles asynchronously (smooth scrolling, history navigation).
 * @template T
 * @param {() => Promise<T>} read
 * @param {T} expected
 * @param {string} [message]
 */
export async function eventually(read, expected, message, timeout = 5000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const actual = await read();
    try {
      assert.deepEqual(actual, expected, message);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
