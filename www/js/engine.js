// The engine: loads the wasm module once and turns its typed-array results into the
// shapes the page renders. It never tokenizes, scores or recounts offsets.

/**
 * @typedef {{kind: 'paragraph'|'heading'|'disclaimer', text: string}
 *          | {kind: 'card', title: string, author: string, teaser: string}} Block
 * @typedef {{name: string, title: string, lede: string|null, cardAuthors: string[],
 *   readonly blocks: Block[]}} Article
 *   cardAuthors: the authors of its related-article cards; blocks: read from the engine
 *   when first asked (engine.js, `outline`).
 * @typedef {'text'|'title'|'author'|'teaser'} Part
 * @typedef {[number, number, number]} Span
 *   [start, end, how]: half-open [start, end) in UTF-16 code units of a field's text (slice
 *   the string with them directly), and how it matched: 0 the word as typed, 1 another
 *   form of it (stem), 2 a word a few edits away (fuzzy).
 * @typedef {{block: number, part: Part, spans: Span[]}} FieldHit
 *   block: index into Article.blocks, or -1 (title) / -2 (lede).
 *   spans: sorted, non-overlapping.
 * @typedef {{block: number, part: Part, range: [number, number], cut: [boolean, boolean],
 *            spans: Span[]}} Snippet
 *   the best excerpt for a result list: `range` of the field's text (UTF-16), whether the
 *   field goes on before and after it, and the marks in it (in the field's offsets).
 * @typedef {{article: number, score: number, matches: number, fields: FieldHit[],
 *            snippet: Snippet|null}} ArticleHit
 *   fields and snippet are read from the engine when first asked.
 * @typedef {{drop: string, without: string, articles: number}} Suggestion
 *   drop: the clause as typed; without: the query without it; articles: what that finds.
 * @typedef {{query: string, articles: number}} Correction
 * @typedef {[string, string, number]} Row
 *   a row of the engine's short lists: two texts and a number (src/wasm.rs).
 *   query: the query with its misspelt words corrected; articles: what that finds.
 * @typedef {{query: string, notice: string|null, total: number, highlighting: boolean,
 *            articles: ArticleHit[], suggestions: Suggestion[], didYouMean: Correction|null}} Result
 *   articles: the matching articles, best first (all of them for an empty query).
 */

import init, { Explorer } from '../pkg/article_explorer.js';
import { ARTICLES_SOURCE, BUILDER_SOURCE, INDEX_SOURCE, WASM_SOURCE } from './sources.js';

/** @typedef {import('../pkg/article_explorer.js').Hits} Hits */

const PARTS = /** @type {Part[]} */ (['text', 'title', 'author', 'teaser']);

/** Numbers per row of a ranking (src/flat.rs). */
const ROW = 3;

/** @type {Promise<Engine>|undefined} */
let shared;

/**
 * @typedef {{text: string, name: boolean}} Keyphrase
 *   text: a multi-word name as written (`name`), or a salient word (folded).
 * @typedef {{name: string, articles: number}} Author
 *   an author of cards, and how many articles have a card by them.
 * @typedef {{articles: Article[], search: (q: string) => Result, buildMs: number,
 *   keyphrases: () => Keyphrase[], articleKeyphrases: (a: number) => Keyphrase[],
 *   authors: () => Author[]}} Engine
 *   keyphrases and authors: the collection's, computed on the first call (tens of ms at
 *   1,000 articles: ask when idle) and kept.
 */

/**
 * The engine: the module loaded and the index read once per page, however many
 * explorers (the page, several <article-explorer> elements) ask for it.
 * @param {(text: string) => void} [onProgress] told how far the load is ("Loading the
 *   articles — 40 %"), a few times, until it is done
 * @returns {Promise<Engine>}
 */
export function loadEngine(onProgress) {
  if (onProgress) progress.add(onProgress);
  shared ??= load().finally(() => progress.clear());
  return shared;
}

/**
 * Who hears how far the load is (every explorer of the page), until it is done.
 * @type {Set<(text: string) => void>}
 */
const progress = new Set();

/** @param {string} text */
function report(text) {
  for (const listener of progress) listener(text);
}

/** @returns {Promise<Engine>} */
async function load() {
  // User-timing marks (named `engine:…`): where the load's time goes, for the browser
  // benchmark and DevTools.
  performance.mark('engine:start');
  const [, bundle, index] = await Promise.all([
    init({ module_or_path: WASM_SOURCE })
      .then(() => performance.mark('engine:wasm-ready')),
    Promise.resolve(ARTICLES_SOURCE instanceof URL ? fetchArticles(ARTICLES_SOURCE) : ARTICLES_SOURCE).then((b) => {
      performance.mark('engine:articles');
      return b;
    }),
    // The index built ahead (docs/format.md); without it the engine builds one.
    INDEX_SOURCE instanceof URL ? fetchIndex(INDEX_SOURCE) : INDEX_SOURCE,
  ]);
  const explorer = open(bundle, index) ?? await indexHere(bundle);
  performance.mark('engine:built');
  const articles = outline(explorer.outline(), (a) => explorer.blocks(a));
  performance.mark('engine:outline');
  // The stem table, once the page has painted and is idle: else the first query that finds
  // a word's other forms builds it (tens of ms at 1,000 articles).
  (globalThis.requestIdleCallback ?? setTimeout)(() => explorer.prepare());
  /** @type {Keyphrase[]|undefined} */
  let keyphrases;
  /** @type {Author[]|undefined} */
  let authors;
  /** @param {Array<Row>} rows `[[text, '', name], …]` (src/wasm.rs; name: 1 or 0) */
  const phrases = (rows) => rows.map(([text, , name]) => ({ text, name: name === 1 }));
  return {
    articles,
    buildMs: explorer.buildMs,
    search: (q) => decode(explorer.query(q)),
    keyphrases: () => (keyphrases ??= phrases(explorer.keyphrases())),
    articleKeyphrases: (a) => phrases(explorer.articleKeyphrases(a)),
    authors: () => (authors ??= /** @type {Array<Row>} */ (explorer.authors())
      .map(([name, , n]) => ({ name, articles: n }))),
  };
}

/** Block kinds by their number in the outline (src/wasm.rs). */
const KINDS = /** @type {const} */ (['paragraph', 'heading', 'card', 'disclaimer']);

/** How many articles keep their blocks in JS: the shown one and the snippets on screen. */
const KEPT_BLOCKS = 200;

/**
 * The outline's arrays (src/wasm.rs: `[name, title, lede, [card author, …]]`) → Articles,
 * whose blocks cross from the engine when first read (the shown article, a snippet's
 * field), kept for the last KEPT_BLOCKS articles read: the articles' texts stay in the
 * wasm, not all in JS.
 * @param {Array<[string, string, string|undefined, string[]]>} rows
 * @param {(a: number) => Array<[number, string, string, string]>} blocksOf
 *   `[[kind, text, author, teaser], …]` of article a
 * @returns {Article[]}
 */
function outline(rows, blocksOf) {
  /** @type {Map<number, Block[]>} most recently read last */
  const kept = new Map();
  /** @param {number} a */
  const blocks = (a) => {
    let found = kept.get(a);
    if (found) {
      kept.delete(a);
    } else {
      found = blocksOf(a).map(([kind, text, author, teaser]) => (kind === 2
        ? { kind: 'card', title: text, author, teaser }
        : { kind: /** @type {'paragraph'|'heading'|'disclaimer'} */ (KINDS[kind] ?? 'paragraph'), text }));
      if (kept.size >= KEPT_BLOCKS) kept.delete(/** @type {number} */ (kept.keys().next().value));
    }
    kept.set(a, found);
    return found;
  };
  return rows.map(([name, title, lede, cardAuthors], a) => ({
    name,
    title,
    lede: lede ?? null,
    cardAuthors,
    get blocks() {
      return blocks(a);
    },
  }));
}

/**
 * The explorer over the articles and their index file, or undefined when the file is
 * missing or not the one for these articles (the reason goes to the console: the reader
 * needs to know nothing, the explorer works either way, only slower to start).
 * @param {Uint8Array} bundle
 * @param {Uint8Array|undefined} index
 */
function open(bundle, index) {
  try {
    return Explorer.load(bundle, index);
  } catch (why) {
    if (typeof why !== 'string') throw why; // not an articles bundle: a real error
    console.info(`article-explorer: ${why}; indexing the articles in the browser`);
    return undefined;
  }
}

/**
 * The explorer over the articles with an index built here, by the builder module (the
 * same code as `cargo xtask dist`'s), fetched only now.
 * @param {Uint8Array} bundle
 */
async function indexHere(bundle) {
  if (!BUILDER_SOURCE) throw new Error('the articles\' index is damaged, and this edition cannot rebuild it');
  const builder = /** @type {typeof import('../pkg/builder.js')} */ (await import(BUILDER_SOURCE.href));
  await builder.default();
  return Explorer.load(bundle, builder.buildIndex(bundle));
}

/**
 * The site's index file, or undefined when it cannot be fetched (the engine then builds
 * the index, and says why).
 * @param {URL} url
 * @returns {Promise<Uint8Array|undefined>}
 */
async function fetchIndex(url) {
  try {
    const response = await fetch(url);
    return response.ok ? new Uint8Array(await response.arrayBuffer()) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The articles bundle of the site (src/bundle.rs), beside the page's files.
 * @param {URL} url
 */
async function fetchArticles(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot load the articles (${url}): HTTP ${response.status}`);
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  // Content-Length counts the bytes on the wire: a percentage only when they are the text.
  const length = Number(response.headers.get('content-length'));
  const total = response.headers.get('content-encoding') || !(length > 0) ? 0 : length;
  /** @type {Uint8Array[]} */
  const chunks = [];
  let received = 0;
  let said = '';
  for (const reader = response.body.getReader(); ;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    // In steps (the status is read out by screen readers): tens of percent, or megabytes.
    const text = total
      ? `Loading the articles — ${Math.min(100, Math.floor((received / total) * 10) * 10)} %`
      : `Loading the articles — ${Math.floor(received / 1e7) * 10} MB`;
    if (text !== said && received > 1e6) report((said = text));
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/**
 * One query's answer (a wasm `Hits` handle) → the Result the page renders. Every row is
 * read at once; an article's highlights (`fields`) only when the page first reads them,
 * so a long list costs what it shows.
 * @param {Hits} hits
 * @returns {Result}
 */
export function decode(hits) {
  const rows = hits.rows(0, hits.length);
  /** @type {ArticleHit[]} */
  const articles = [];
  for (let i = 0; i < rows.length; i += ROW) {
    const article = rows[i];
    /** @type {FieldHit[]|undefined} */
    let fields;
    /** @type {Snippet|null|undefined} */
    let snippet;
    articles.push({
      article,
      matches: rows[i + 1],
      score: rows[i + 2],
      get fields() {
        fields ??= decodeFields(hits.fields(article));
        return fields;
      },
      get snippet() {
        if (snippet === undefined) snippet = decodeSnippet(hits.snippet(article));
        return snippet;
      },
    });
  }
  return {
    query: hits.query,
    notice: hits.notice ?? null,
    total: hits.total,
    highlighting: hits.highlighting,
    // Only an empty answer has suggestions: no call into the wasm for the others.
    suggestions: articles.length
      ? []
      : /** @type {Array<Row>} */ (hits.suggestions())
        .map(([drop, without, n]) => ({ drop, without, articles: n })),
    didYouMean: articles.length ? null : correction(hits.didYouMean()),
    articles,
  };
}

/**
 * `[block, part, start, end, cut before, cut after, n, start, end, how, …]` (src/flat.rs)
 * → a Snippet, or null when empty.
 * @param {Int32Array} f
 * @returns {Snippet|null}
 */
function decodeSnippet(f) {
  if (f.length < 7) return null;
  const spans = [];
  for (let i = 7; i + 2 < f.length; i += 3) spans.push(/** @type {Span} */ ([f[i], f[i + 1], f[i + 2]]));
  return { block: f[0], part: PARTS[f[1]] ?? 'text', range: [f[2], f[3]], cut: [f[4] === 1, f[5] === 1], spans };
}

/**
 * `[[query, '', articles]]` or `[]` (src/wasm.rs) → a Correction, or null.
 * @param {Array<Row>} rows
 * @returns {Correction|null}
 */
function correction(rows) {
  const row = rows[0];
  return row ? { query: row[0], articles: row[2] } : null;
}

/**
 * `[block, part, n, start, end, how, …]…` (src/flat.rs) → FieldHits.
 * @param {Int32Array} f
 * @returns {FieldHit[]}
 */
function decodeFields(f) {
  const fields = [];
  for (let i = 0; i < f.length;) {
    const block = f[i], part = PARTS[f[i + 1]] ?? 'text', n = f[i + 2];
    i += 3;
    const spans = [];
    for (let k = 0; k < n; k++, i += 3) spans.push(/** @type {Span} */ ([f[i], f[i + 1], f[i + 2]]));
    fields.push({ block, part, spans });
  }
  return fields;
}
