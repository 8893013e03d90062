// The engine: loads the wasm module once and turns its typed-array results into the
// shapes the page renders. It never tokenizes, scores or recounts offsets.

/**
 * @typedef {{kind: 'paragraph'|'heading'|'disclaimer', text: string}
 *          | {kind: 'card', title: string, author: string, teaser: string}} Block
 * @typedef {{name: string, title: string, lede: string|null, blocks: Block[]}} Article
 * @typedef {'text'|'title'|'author'|'teaser'} Part
 * @typedef {[number, number, number]} Span
 *   [start, end, how]: half-open [start, end) in UTF-16 code units of a field's text (slice
 *   the string with them directly), and how it matched: 0 the word as typed, 1 another
 *   form of it (stem), 2 a word a few edits away (fuzzy).
 * @typedef {{block: number, part: Part, spans: Span[]}} FieldHit
 *   block: index into Article.blocks, or -1 (title) / -2 (lede).
 *   spans: sorted, non-overlapping.
 * @typedef {{article: number, score: number, matches: number, fields: FieldHit[]}} ArticleHit
 * @typedef {{drop: string, without: string, articles: number}} Suggestion
 *   drop: the clause as typed; without: the query without it; articles: what that finds.
 * @typedef {{query: string, articles: number}} Correction
 *   query: the query with its misspelt words corrected; articles: what that finds.
 * @typedef {{query: string, notice: string|null, total: number, highlighting: boolean,
 *            articles: ArticleHit[], suggestions: Suggestion[], didYouMean: Correction|null}} Result
 *   articles: the matching articles, best first (all of them for an empty query).
 */

import init, { Explorer } from '../pkg/article_explorer.js';
import { ARTICLES_SOURCE, WASM_SOURCE } from './sources.js';

const PARTS = /** @type {Part[]} */ (['text', 'title', 'author', 'teaser']);

/** Numbers per row of a ranking (src/flat.rs). */
const ROW = 3;

/** @type {Promise<Engine>|undefined} */
let shared;

/**
 * @typedef {{articles: Article[], search: (q: string) => Result, buildMs: number}} Engine
 */

/**
 * The engine: the module loaded and the index built once per page, however many
 * explorers (the page, several <article-explorer> elements) ask for it.
 * @returns {Promise<Engine>}
 */
export function loadEngine() {
  shared ??= load();
  return shared;
}

async function load() {
  // User-timing marks (named `engine:…`): where the load's time goes, for the browser
  // benchmark and DevTools.
  performance.mark('engine:start');
  const [, bundle] = await Promise.all([
    init(WASM_SOURCE === undefined ? undefined : { module_or_path: WASM_SOURCE })
      .then(() => performance.mark('engine:wasm-ready')),
    Promise.resolve(ARTICLES_SOURCE ?? fetchArticles()).then((b) => {
      performance.mark('engine:articles');
      return b;
    }),
  ]);
  const explorer = Explorer.fromBundle(bundle);
  performance.mark('engine:built');
  const articles = outline(explorer.outline());
  performance.mark('engine:outline');
  // The stem table, once the page has painted and is idle: else the first query that finds
  // a word's other forms builds it (tens of ms at 1,000 articles).
  (globalThis.requestIdleCallback ?? setTimeout)(() => explorer.prepare());
  return {
    articles,
    buildMs: explorer.buildMs,
    search: (q) => decode(explorer.query(q)),
  };
}

/** Block kinds by their number in the outline (src/wasm.rs). */
const KINDS = /** @type {const} */ (['paragraph', 'heading', 'card', 'disclaimer']);

/**
 * The outline's arrays (src/wasm.rs: `[name, title, lede, [[kind, text, author, teaser]]]`)
 * → Articles.
 * @returns {Article[]}
 */
function outline(rows) {
  return rows.map(([name, title, lede, blocks]) => ({
    name,
    title,
    lede: lede ?? null,
    blocks: blocks.map(([kind, text, author, teaser]) => (kind === 2
      ? { kind: 'card', title: text, author, teaser }
      : { kind: KINDS[kind] ?? 'paragraph', text })),
  }));
}

/** The articles bundle of the site (src/bundle.rs), beside the page's files. */
async function fetchArticles() {
  const url = new URL('../articles.txt', import.meta.url);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot load the articles (${url}): HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * One query's answer (a wasm `Hits` handle) → the Result the page renders. Every row is
 * read at once; an article's highlights (`fields`) only when the page first reads them,
 * so a long list costs what it shows.
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
    articles.push({
      article,
      matches: rows[i + 1],
      score: rows[i + 2],
      get fields() {
        fields ??= decodeFields(hits.fields(article));
        return fields;
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
      : hits.suggestions().map(([drop, without, n]) => ({ drop, without, articles: n })),
    didYouMean: articles.length ? null : correction(hits.didYouMean()),
    articles,
  };
}

/** `[query, articles]` (src/wasm.rs) → a Correction, or null. */
function correction(pair) {
  return pair ? { query: pair[0], articles: pair[1] } : null;
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
