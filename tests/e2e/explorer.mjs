// The explorer page's contract as the end-to-end tests read it (not a test file): the
// articles on disk, the search field, and the visible state of the page in one snapshot.

import { readdirSync, readFileSync } from 'node:fs';

/**
 * The articles of a folder in file-name order (the order the build embeds them), each with
 * its non-blank trimmed lines: every line is one visible text (docs/format.md), line 0 the
 * title.
 * @param {string} folder relative to the repository root
 * @returns {Array<{name: string, lines: string[]}>}
 */
export function articlesIn(folder) {
  const dir = new URL(`../../${folder}/`, import.meta.url);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => ({
      name: file.replace(/\.txt$/, ''),
      lines: readFileSync(new URL(file, dir), 'utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r\n|\r|\n/)
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    }));
}

/** "1 article", "2 articles": the page's wording. */
export const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/**
 * Types `query` key by key into the search field (each key runs a search), after
 * clearing it.
 * @param {import('playwright-core').Page} page
 */
export async function typeQuery(page, query) {
  await page.fill('#q', '');
  await page.locator('#q').pressSequentially(query);
}

/**
 * Everything a test asserts on, read in one evaluation.
 * @param {import('playwright-core').Page} page
 */
export function readView(page) {
  return page.evaluate(() => {
    const text = (selector) => document.querySelector(selector)?.textContent ?? null;
    const marks = [...document.querySelectorAll('#article mark')];
    return {
      state: document.body.dataset.state,
      query: /** @type {HTMLInputElement} */ (document.querySelector('#q')).value,
      status: text('#status'),
      position: text('#position'),
      hiddenCount: text('#hidden-count'),
      suggestions: [...document.querySelectorAll('#suggest button.suggestion')].map((b) => b.textContent),
      /** The list's rendered items (it is virtual: those near the screen), in order. */
      items: [...document.querySelectorAll('#list li.item')].map((li) => ({
        title: li.querySelector('.item-title')?.textContent,
        count: li.querySelector('.count')?.textContent,
      })),
      /** How many articles the list holds (each item's aria-setsize). */
      listed: Number(document.querySelector('#list li.item')?.getAttribute('aria-setsize') ?? 0),
      marks: marks.map((m) => m.textContent),
      current: marks.flatMap((m, i) => (m.classList.contains('current') ? [i] : [])),
      /** The article's keyphrase chips. */
      chips: [...document.querySelectorAll('#article .article-chips button.chip')].map((b) => b.textContent),
      /** The article's top-level nodes, its chips aside: "h1.title", "button.gap: 2 paragraphs hidden", … */
      blocks: [...document.querySelectorAll('#article > :not(.article-chips)')].map((n) => ({
        kind: `${n.localName}.${n.className}`,
        text: n.textContent,
        marks: n.querySelectorAll('mark').length,
      })),
    };
  });
}

/**
 * Where the current match is: "visible" when inside the viewport and below the sticky
 * header, otherwise a description for the failure message.
 * @param {import('playwright-core').Page} page
 */
export async function currentMarkPlacement(page) {
  const box = await page.locator('#article mark.current').boundingBox();
  const header = await page.locator('.bar').boundingBox();
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  if (!box || !header) return `no box (mark ${JSON.stringify(box)}, header ${JSON.stringify(header)})`;
  const top = Math.max(0, header.y + header.height);
  const inside = box.x >= 0 && box.x + box.width <= width && box.y >= top && box.y + box.height <= height;
  return inside ? 'visible' : `mark at ${JSON.stringify(box)}, visible area y ${top}–${height}, x 0–${width}`;
}

/**
 * A word's occurrences in an article's visible texts, in reading order, as the engine
 * highlights them: the word and its continuations, possessive included ("Seoul's").
 * @param {{lines: string[]}} article from articlesIn
 * @param {string} word letters only
 */
export function occurrences(article, word) {
  return article.lines.flatMap((line) => line.match(new RegExp(`\\b${word}\\w*(?:['’]s)?`, 'g')) ?? []);
}

/**
 * Waits until the reader's articles this device keeps are shown, then opens "Your
 * articles" (which brings in its code) and waits until it can add.
 * @param {import('playwright-core').Page} page
 */
export async function openYours(page) {
  await page.waitForSelector('body[data-yours="ready"]', { state: 'attached' });
  await page.click('#yours > summary');
  await page.waitForSelector('#add-files', { state: 'attached' });
}

/**
 * Adds `files` by the picker of "Your articles" (open) and waits until one is added.
 * @param {import('playwright-core').Page} page
 * @param {Array<{name: string, mimeType: string, buffer: Buffer}>} files
 */
export async function addByPicker(page, files) {
  await page.setInputFiles('#add-files', files);
  await page.waitForSelector('.yours-outcome p.added');
}

/** A small article of the reader's and an empty file, for the tests of "Your articles". */
export const NOTE_AND_EMPTY = [
  { name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('A note\n\nZanzibarian trade grew.\n') },
  { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
];
