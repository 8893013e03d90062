// End-to-end: every page of the site works under the strict Content-Security-Policy that
// the server sends (README, "Content-Security-Policy"): loaded, used — searches, the
// toggle, match navigation, history — with no securitypolicyviolation and nothing logged.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { env, recordCspViolations, useBrowser, watchPage } from './browser.mjs';
import { typeQuery } from './explorer.mjs';

const SITE = env('E2E_URL');
/** The project's one policy (xtask/src/serve.rs), as `cargo xtask test` passes it. */
const CSP = env('E2E_CSP');
const browser = useBrowser();

/**
 * Opens SITE + `path` in a new context for test `t`, recording CSP violations (from before
 * any script runs), console problems, dialogs, and the CSP header of every document
 * (pages and frames) loaded.
 */
async function openStrict(t, path) {
  const context = await browser().newContext();
  t.after(() => context.close());
  const violations = await recordCspViolations(context);
  const page = await context.newPage();
  const { problems, dialogs } = watchPage(page);
  /** @type {Array<{url: string, csp: string|null, fromServiceWorker: boolean}>} */
  const documents = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'document') {
      documents.push({ url: r.url(), csp: r.headers()['content-security-policy'] ?? null, fromServiceWorker: r.fromServiceWorker() });
    }
  });
  await page.goto(SITE + path);
  return { page, violations, problems, dialogs, documents };
}

/** Waits until the explorer page in `frame` has loaded; asserts it is ready. */
async function ready(frame) {
  await frame.waitForSelector('body:not([data-state="loading"])', { state: 'attached' });
  assert.equal(await frame.getAttribute('body', 'data-state'), 'ready');
}

/** Asserts the session saw no violation and logged nothing, and every document had the CSP header. */
function assertClean({ violations, problems, dialogs, documents }, documentCount) {
  assert.equal(documents.length, documentCount, `documents: ${documents.map((d) => d.url)}`);
  for (const d of documents) assert.equal(d.csp, CSP, `the CSP header of ${d.url}`);
  assert.deepEqual(violations, [], 'securitypolicyviolation events');
  assert.deepEqual(problems, [], 'console errors/warnings, page errors or failed requests');
  assert.deepEqual(dialogs, []);
}

test('index.html under the strict CSP: loaded, used, and reloaded from the service worker', async (t) => {
  const session = await openStrict(t, 'index.html');
  const { page } = session;
  await ready(page);
  await page.click('details.more > summary');
  for (const query of ['Seoul', '"Moon Jae-in"', '-Japan', 'cooperat*', 'toloraya OR lee', 'in:card Seoul']) await typeQuery(page, query);
  await typeQuery(page, 'Seoul Absentword');
  await page.click('#suggest button.suggestion');
  assert.equal(await page.inputValue('#q'), 'Seoul');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Enter');
  await page.click('#next');
  await page.click('#prev');
  await page.check('#only-matching');
  await page.locator('#article button.gap').first().click();
  await page.uncheck('#only-matching');
  await page.locator('#list button.pick').first().click();
  await page.goBack();
  await page.goForward();
  await page.goto(`${SITE}index.html#q=Moscow`); // a deep link: same document, new hash
  await page.waitForFunction(() => /** @type {HTMLInputElement} */ (document.querySelector('#q')).value === 'Moscow');
  assert.ok(await page.locator('#article mark').count() > 0);

  // Once the worker controls the page, the page it serves carries the same policy.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.reload();
  await ready(page);
  await typeQuery(page, 'Seoul');
  assert.equal(await page.locator('#article mark').count(), 8);
  assert.deepEqual(session.documents.map((d) => d.fromServiceWorker), [false, true], 'the reload came from the worker');
  assertClean(session, 2);
});

test('index.html?embed=1 under the strict CSP: loaded and used', async (t) => {
  const session = await openStrict(t, 'index.html?embed=1#q=Seoul');
  const { page } = session;
  await ready(page);
  assert.equal(await page.locator('#article mark').count(), 8);
  await page.keyboard.press('Enter');
  await page.check('#only-matching');
  await page.locator('#article button.gap').first().click();
  await typeQuery(page, 'Moscow');
  await page.click('#next');
  await typeQuery(page, 'Seoul Absentword');
  await page.click('#suggest button.suggestion');
  assertClean(session, 1);
});

test('demo.html under the strict CSP: the element and the iframe, loaded and used', async (t) => {
  const session = await openStrict(t, 'demo.html');
  const { page } = session;
  const element = page.locator('#element-demo');
  await page.evaluate(() => customElements.whenDefined('article-explorer').then(() => /** @type {any} */ (document.querySelector('#element-demo')).ready).then(() => true));
  assert.equal(await element.locator('#article mark').count(), 8, 'the element searched Seoul');
  await element.locator('#q').fill('Moscow');
  await element.locator('#next').click();
  await element.locator('#only-matching').check();
  await element.locator('#list button.pick').first().click();

  const frame = page.frames().find((f) => f.url().startsWith(`${SITE}index.html?embed=1`));
  assert.ok(frame, 'the iframe');
  await ready(frame);
  await typeQuery(/** @type {any} */ (frame), 'Seoul');
  await frame.check('#only-matching');
  await frame.click('#next');
  assert.equal(await frame.locator('#article mark').count(), 8);
  assertClean(session, 2);
});

test('control: violations are seen, in the page, a shadow root and a frame, as events and in the console', async (t) => {
  const session = await openStrict(t, 'demo.html');
  const { page, violations, problems } = session;
  await page.evaluate(() => customElements.whenDefined('article-explorer').then(() => /** @type {any} */ (document.querySelector('#element-demo')).ready).then(() => true));
  const frame = page.frames().find((f) => f.url().startsWith(`${SITE}index.html?embed=1`));
  assert.ok(frame, 'the iframe');
  await ready(frame);
  /** Appends an inline <style> and an inline <script> to `parent`; whether the script ran. */
  const inject = (parent) => {
    const style = document.createElement('style');
    style.textContent = 'p { background: red; }';
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    parent.append(style, script);
    return /** @type {any} */ (window).__inlineRan ?? false;
  };
  assert.equal(await page.evaluate(`(${inject})(document.head)`), false, 'page: the inline script was blocked');
  assert.equal(await page.evaluate(`(${inject})(document.querySelector('#element-demo').shadowRoot)`), false, 'shadow root: blocked');
  assert.equal(await frame.evaluate(`(${inject})(document.body)`), false, 'frame: blocked');
  const seen = async (f) => f.evaluate(() => /** @type {any} */ (window).__cspViolations?.length ?? 0);
  await page.waitForFunction(() => /** @type {any} */ (window).__cspViolations?.length >= 4);
  await frame.waitForFunction(() => /** @type {any} */ (window).__cspViolations?.length >= 2);
  assert.deepEqual([await seen(page), await seen(frame)], [4, 2], 'each frame records its own');
  assert.deepEqual(violations.map((v) => v.split(' ')[0]).sort(),
    ['script-src-elem', 'script-src-elem', 'script-src-elem', 'style-src-elem', 'style-src-elem', 'style-src-elem'], 'reported to the test');
  assert.equal(problems.filter((p) => p.includes('Content Security Policy')).length, 6, `problems: ${problems}`);
});
