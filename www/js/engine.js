// The engine: loads the wasm module once and turns its typed-array results into the
// shapes the page renders. It never tokenizes, scores or recounts offsets.

/**
 * @typedef {{kind: 'paragraph'|'heading'|'disclaimer', text: string}
 *          | {kind: 'card', title: string, author: string, teaser: string}} Block
 * @typedef {{name: string, title: string, lede: string|null, blocks: Block[]}} Article
 * @typedef {'text'|'title'|'author'|'teaser'} Part
 * @typedef {{block: number, part: Part, spans: Array<[number, number]>}} FieldHit
 *   block: index into Article.blocks, or -1 (title) / -2 (lede).
 *   spans: half-open [start, end) in UTF-16 code units of that field's text, sorted,
 *   non-overlapping; slice the string with them directly.
 * @typedef {{article: number, score: number, matches: number, fields: FieldHit[]}} ArticleHit
 * @typedef {{drop: string, without: string, articles: number}} Suggestion
 *   drop: the clause as typed; without: the query without it; articles: what that finds.
 * @typedef {{query: string, notice: string|null, total: number, highlighting: boolean,
 *            articles: ArticleHit[], suggestions: Suggestion[]}} Result
 *   articles: the matching articles, best first (all of them for an empty query).
 */

import init, { Explorer } from '../pkg/article_explorer.js';
import { ARTICLES_SOURCE, WASM_SOURCE } from './sources.js';

const PARTS = /** @type {Part[]} */ (['text', 'title', 'author', 'teaser']);

/** Strides of the typed arrays (src/flat.rs). */
const ARTICLE = 4, FIELD = 4, SPAN = 2;

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
  const [, bundle] = await Promise.all([
    init(WASM_SOURCE === undefined ? undefined : { module_or_path: WASM_SOURCE }),
    ARTICLES_SOURCE ?? fetchArticles(),
  ]);
  const explorer = Explorer.fromBundle(bundle);
  /** @type {Article[]} */
  const articles = explorer.outline();
  return {
    articles,
    buildMs: explorer.buildMs,
    search: (q) => decode(explorer.search(q)),
  };
}

/** The articles bundle of the site (src/bundle.rs), beside the page's files. */
async function fetchArticles() {
  const url = new URL('../articles.txt', import.meta.url);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot load the articles (${url}): HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * The typed arrays of one result → plain objects.
 * @returns {Result}
 */
export function decode(raw) {
  const { articles: a, scores, fields: f, spans: s } = raw;
  /** @type {ArticleHit[]} */
  const hits = [];
  for (let i = 0; i < a.length; i += ARTICLE) {
    const fields = [];
    for (let j = a[i + 2], end = j + a[i + 3]; j < end; j++) {
      const at = j * FIELD;
      const spans = [];
      for (let k = f[at + 2], stop = k + f[at + 3]; k < stop; k++) {
        spans.push(/** @type {[number, number]} */ ([s[k * SPAN], s[k * SPAN + 1]]));
      }
      fields.push({ block: f[at], part: PARTS[f[at + 1]] ?? 'text', spans });
    }
    hits.push({ article: a[i], score: scores[i / ARTICLE], matches: a[i + 1], fields });
  }
  return {
    query: raw.query,
    notice: raw.notice,
    total: raw.total,
    highlighting: raw.highlighting,
    suggestions: raw.suggestions,
    articles: hits,
  };
}
