// End-to-end: offline use. After one visit the service worker serves the whole build from
// its cache, so the explorer works with no network and says so; a new deployment installs
// beside the old build and waits until the reader reloads into it, and every page load is
// one build whole — never the new JS with the old wasm (README, "Offline").

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { serve } from '../../benches/browser/serve.mjs';
import { env, eventually, openPage, useBrowser } from './browser.mjs';
import { articlesIn, occurrences, readView, typeQuery } from './explorer.mjs';

const SITE = env('E2E_URL');
const browser = useBrowser();

const SEED = articlesIn('seeds').find((a) => a.name.startsWith('000-'));
assert.ok(SEED, 'seeds/000-*.txt exists');
const SEOUL = occurrences(SEED, 'Seoul');
assert.equal(SEOUL.length, 8, 'the seed has 8 occurrences of Seoul');

/** The version `cargo xtask dist` stamped into a built site (its service worker's). */
function versionOf(dist) {
  const source = readFileSync(join(dist, 'sw.js'), 'utf8');
  const version = /\bVERSION\s*=\s*["']([0-9a-f]{16})["']/.exec(source)?.[1];
  assert.ok(version, `${dist}/sw.js names its build`);
  return version;
}

/** The two builds of the run: each version with the titles of the corpus compiled into its wasm. */
const titles = (folder) => articlesIn(folder).map((a) => a.lines[0]).sort();
const OLD = { build: versionOf(env('E2E_DIST')), titles: titles('seeds') };
const NEW = { build: versionOf(env('E2E_XSS_DIST')), titles: titles('tests/fixtures/xss') };
assert.notEqual(OLD.build, NEW.build, 'the two builds have different versions');
assert.notDeepEqual(OLD.titles, NEW.titles, 'the two builds have different corpora');

/** Waits until the service worker controls the page (it claims it on activation). */
const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null);

/** Waits until the page, loaded or reloaded, has left body[data-state=loading]; asserts it is ready. */
async function settled(page) {
  await page.waitForSelector('body:not([data-state="loading"])', { state: 'attached' });
  assert.equal(await page.getAttribute('body', 'data-state'), 'ready');
}

/** The build and corpus the page shows: its body[data-build] (JS) and its list (wasm). */
async function shown(page) {
  const view = await readView(page);
  return { build: await page.getAttribute('body', 'data-build'), titles: view.items.map((i) => i.title).sort() };
}

test('after one visit the explorer works offline, and says so while offline', async (t) => {
  const { page, problems } = await openPage(t, browser(), SITE);
  await controlled(page);
  assert.equal(await page.isVisible('.offline'), false, 'online: no offline badge');

  const context = page.context();
  await context.setOffline(true);
  const responses = [];
  page.on('response', (r) => responses.push(r));
  await page.reload();
  await settled(page);
  assert.ok(responses.length > 0);
  const notFromWorker = responses.filter((r) => !r.fromServiceWorker()).map((r) => r.url());
  assert.deepEqual(notFromWorker, [], 'offline, every file comes from the service worker');
  assert.deepEqual(await shown(page), OLD, 'the whole build, wasm included');

  await typeQuery(page, 'Seoul');
  const view = await readView(page);
  assert.deepEqual(view.marks, SEOUL);
  assert.equal(view.status, `${SEOUL.length} matches in 1 article`);
  assert.ok(await page.isVisible('#notices .offline'), 'offline: the badge shows');
  assert.match((await page.textContent('.offline')) ?? '', /^Offline/);

  await context.setOffline(false);
  await eventually(() => page.isVisible('.offline'), false, 'back online: the badge hides');
  assert.deepEqual(problems, [], 'console errors/warnings, page errors or failed requests');

  // The worker's own network is off too (so the reload above was the cache's doing): a file
  // it does not keep cannot be fetched through it.
  await context.setOffline(true);
  await eventually(() => page.isVisible('.offline'), true, 'offline again: the badge shows again');
  const probe = await page.evaluate(() => fetch('./not-kept-by-the-worker.txt').then((r) => `HTTP ${r.status}`, () => 'failed'));
  assert.equal(probe, 'failed');
});

test('control: without an earlier visit, the explorer does not load offline', async (t) => {
  const context = await browser().newContext({ offline: true });
  t.after(() => context.close());
  const page = await context.newPage();
  await assert.rejects(page.goto(SITE), /ERR_INTERNET_DISCONNECTED/);
});

test('a new deployment waits for the reader to reload, and each load is one build whole', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'article-explorer-deploy-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  deploy(env('E2E_DIST'), dir);
  const base = await serveUntilEnd(t, dir);

  /** Every load of the page as it became ready: what its JS and its wasm say. */
  const loads = [];
  const { page, problems } = await openPage(t, browser(), base, {
    setup: async (context) => {
      await context.exposeBinding('__e2eLoaded', (_, load) => loads.push(load));
      await context.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (document.body?.dataset.state === 'loading') return;
          observer.disconnect();
          const titles = [...document.querySelectorAll('#list .item-title')].map((e) => e.textContent).sort();
          window.__e2eLoaded({ state: document.body.dataset.state, build: document.body.dataset.build, titles });
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
      });
    },
  });
  assert.deepEqual(await shown(page), OLD, 'the first visit');
  await controlled(page);

  deploy(env('E2E_XSS_DIST'), dir);
  await page.reload();
  await settled(page);
  assert.deepEqual(await shown(page), OLD, 'reloaded after the deployment: still the old build, whole');
  const notice = page.locator('#notices .update');
  await notice.waitFor({ timeout: 20_000 });
  assert.match((await notice.textContent()) ?? '', /^A newer version of the explorer is ready\./);
  assert.deepEqual(await shown(page), OLD, 'the notice up: still the old build');

  // The worker takes over on the click; the page reloads on controllerchange.
  await Promise.all([page.waitForEvent('load', { timeout: 15_000 }), notice.locator('button.reload').click()]);
  await settled(page);
  assert.deepEqual(await shown(page), NEW, 'reloaded into the new build, whole');
  await typeQuery(page, 'Seoul');
  assert.ok((await readView(page)).marks.length > 0, 'the new build searches');

  assert.deepEqual(await page.evaluate(() => caches.keys()), [`article-explorer-${NEW.build}`], 'only the new build is kept');
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null), null, 'no worker waits');
  assert.equal(await page.locator('#notices .update').count(), 0, 'no update notice in the new build');

  const expected = [OLD, OLD, NEW].map((b) => ({ state: 'ready', ...b }));
  assert.deepEqual(loads, expected, 'each load, as it became ready: first visit, reload, update');
  assert.deepEqual(problems, [], 'console errors/warnings, page errors or failed requests');
});

// Another tab's update activates the worker this tab's notice refers to: its button must
// still reload (it once posted 'skip-waiting' to an already active worker and did nothing).
test('another tab still on the old build: its update button, clicked after the first tab updated, reloads it', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'article-explorer-deploy-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  deploy(env('E2E_DIST'), dir);
  const base = await serveUntilEnd(t, dir);
  const { page: first } = await openPage(t, browser(), base);
  await controlled(first);
  const second = await first.context().newPage();
  await second.goto(base);
  await settled(second);

  deploy(env('E2E_XSS_DIST'), dir);
  await first.reload();
  await settled(first);
  await first.locator('#notices .update button.reload').waitFor({ timeout: 20_000 });
  await second.locator('#notices .update button.reload').waitFor({ timeout: 20_000 });
  await Promise.all([first.waitForEvent('load', { timeout: 15_000 }), first.click('#notices .update button.reload')]);
  await settled(first);
  assert.deepEqual(await shown(first), NEW, 'the first tab updated');

  assert.deepEqual(await shown(second), OLD, 'the second tab is still the old build, whole');
  await Promise.all([second.waitForEvent('load', { timeout: 5_000 }), second.click('#notices .update button.reload')]);
  await settled(second);
  assert.deepEqual(await shown(second), NEW, 'the second tab reloaded into the new build');
});

/** Replaces the contents of `dir` by those of the built site `from` (a deployment). */
function deploy(from, dir) {
  for (const entry of readdirSync(dir)) rmSync(join(dir, entry), { recursive: true, force: true });
  cpSync(from, dir, { recursive: true });
}

/**
 * Serves `dir` on the project's server (`cargo xtask serve --dir`) until test `t` ends.
 * It reads each file when asked for, so a deployment shows on the next request.
 * @returns {Promise<string>} the base URL, ending in /
 */
async function serveUntilEnd(t, dir) {
  const server = await serve(dir, { precompress: false });
  t.after(() => server.close());
  return `${server.origin}/`;
}
