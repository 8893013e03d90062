// End-to-end: the index built ahead (index/head.bin and its shards, docs/format.md). The
// page reads it as it is; when the head is missing, truncated, corrupt or another
// build's, or a shard is not the head's, the page fetches the builder module, indexes the
// articles itself, says why in the console (console.info, nothing alarming for the
// reader), and answers exactly as with the files.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { env, openPage, useBrowser } from './browser.mjs';
import { readView, typeQuery } from './explorer.mjs';

const SITE = env('E2E_URL');
const INDEX = readFileSync(join(env('E2E_DIST'), 'index/head.bin'));
const OTHER = readFileSync(join(env('E2E_XSS_DIST'), 'index/head.bin'));
const SHARD = readFileSync(join(env('E2E_DIST'), 'index/0.bin'));
const browser = useBrowser();

/** Queries of every kind the engine answers, each with something to show. */
const QUERIES = ['Seoul', '"Moon Jae-in"', 'sanction', 'Vladivostk', 'cooperat*', 'title:Korean', 'zzzqx'];

/** How a file of the index is served in each case, and what the console must say (null: nothing). */
const CASES = [
  { name: 'the prebuilt index', file: 'index/head.bin', body: null, says: null },
  { name: 'no index file', file: 'index/head.bin', body: 'missing', says: /there is no index file/ },
  { name: 'a truncated index', file: 'index/head.bin', body: INDEX.subarray(0, INDEX.length >> 1), says: /truncated|corrupt/ },
  { name: 'a corrupt index', file: 'index/head.bin', body: flipped(INDEX), says: /corrupt/ },
  { name: "another corpus's index", file: 'index/head.bin', body: OTHER, says: /built from other articles/ },
  { name: 'a corrupt shard', file: 'index/0.bin', body: flipped(SHARD), says: /shard 0 of the index: it is not the head's/ },
];

/** `bytes` with one byte in the middle changed. */
function flipped(bytes) {
  const copy = Buffer.from(bytes);
  copy[copy.length >> 1] ^= 0x10;
  return copy;
}

/** Opens the site with `file` served as `body` says; returns what a reader sees of QUERIES. */
async function answers(t, { file, body }) {
  /** @type {string[]} */
  const info = [];
  /** @type {string[]} */
  const requested = [];
  const { page, problems } = await openPage(t, browser(), SITE, {
    setup: async (context) => {
      // The page's requests, not the service worker's precaching of every file.
      context.on('request', (r) => { if (r.serviceWorker() === null) requested.push(new URL(r.url()).pathname); });
      context.on('console', (m) => { if (m.type() === 'info') info.push(m.text()); });
      if (body === null) return;
      await context.route(`**/${file}`, (route) => (body === 'missing'
        ? route.fulfill({ status: 404, body: 'not found' })
        : route.fulfill({ status: 200, contentType: 'application/octet-stream', body })));
    },
  });
  const views = [];
  for (const q of QUERIES) {
    await typeQuery(page, q);
    // A refused part is rebuilt in the browser: until then a query waits ("Loading…").
    await page.waitForFunction(() => !/^Loading/.test(document.querySelector('#status')?.textContent ?? ''));
    const { status, marks, items, suggestions, position } = await readView(page);
    views.push({ q, status, marks, items, suggestions, position });
  }
  // A missing file is a 404 the browser itself reports; nothing else may show.
  const url = new URL(file, SITE).href;
  const expected404 = body === 'missing' ? [
    `HTTP 404: ${url}`,
    `console.error: Failed to load resource: the server responded with a status of 404 (Not Found) (${url})`,
  ] : [];
  assert.deepEqual(problems, expected404, 'console errors/warnings, page errors or failed requests');
  return { views, info, builder: requested.includes('/pkg/builder.js') };
}

test('without a usable index file the page indexes the articles itself and answers the same', async (t) => {
  const prebuilt = await answers(t, CASES[0]);
  assert.equal(prebuilt.builder, false, 'with the prebuilt index the builder is never fetched');
  assert.deepEqual(prebuilt.info, [], 'nothing to say');
  assert.ok(prebuilt.views.some((v) => v.marks.length > 0), 'the queries find something');
  for (const c of CASES.slice(1)) {
    await t.test(c.name, async (t) => {
      const got = await answers(t, c);
      assert.equal(got.builder, true, 'the builder module is fetched');
      assert.equal(got.info.length, 1, `one console line says why: ${got.info.join(' | ')}`);
      assert.match(got.info[0], c.says);
      assert.deepEqual(got.views, prebuilt.views, 'the same answers as with the prebuilt index');
    });
  }
});
