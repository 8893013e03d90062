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

import init, { Explorer, Loader } from '../pkg/article_explorer.js';
import { nextTask, slicer } from './tasks.js';
import { ARTICLES_SOURCE, BUILDER_SOURCE, INDEX_SOURCE, SIZES, WASM_SOURCE } from './sources.js';

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
  // The files start downloading at once (index.html preloads them); the module first.
  const articles = source(ARTICLES_SOURCE);
  // Without its index file the articles are indexed here (finish, indexHere).
  const index = source(INDEX_SOURCE).catch(() => undefined);
  await init({ module_or_path: WASM_SOURCE });
  performance.mark('engine:wasm-ready');
  const [a, i] = await Promise.all([articles, index]);
  // A compressed download does not tell its file's size: the build's sizes stand in.
  const loader = new Loader(a.size || SIZES.articles, i ? i.size || SIZES.index : 0);
  // Both files fed to the engine piece by piece as they arrive: the load's work spread
  // over the download, in tasks that yield to the page (each piece a few ms).
  let received = 0;
  await Promise.all([
    pump(a, (chunk) => {
      loader.push(chunk);
      received += chunk.length;
      reportDownload(received, a.size || SIZES.articles);
    }),
    i && pump(i, (chunk) => loader.pushIndex(chunk)),
  ]);
  performance.mark('engine:articles');
  const explorer = finish(loader) ?? await indexHere();
  performance.mark('engine:built');
  // Reading the index, the outline and the explorer's first render each take tens of ms
  // at 10,000 articles: each in a task of its own.
  await nextTask();
  const lengths = explorer.outline();
  const shown = outline(explorer.outlineText(), lengths, (n) => explorer.blocks(n));
  performance.mark('engine:outline');
  await nextTask();
  /** @type {Keyphrase[]|undefined} */
  let keyphrases;
  /** @type {Author[]|undefined} */
  let authors;
  /** @param {Array<Row>} rows `[[text, '', name], …]` (src/wasm.rs; name: 1 or 0) */
  const phrases = (rows) => rows.map(([text, , name]) => ({ text, name: name === 1 }));
  return {
    articles: shown,
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

/** A piece the outline does not have (an article without a lede). */
const NONE = 0xffffffff;

/** How many articles keep their blocks in JS: the shown one and the snippets on screen. */
const KEPT_BLOCKS = 200;

/**
 * The outline (src/wasm.rs, `Explorer.outline`: one string and the lengths of its pieces) → Articles,
 * whose blocks cross from the engine when first read (the shown article, a snippet's
 * field), kept for the last KEPT_BLOCKS articles read: the articles' texts stay in the
 * wasm, not all in JS.
 * @param {string} text
 * @param {Uint32Array} lengths
 * @param {(a: number) => Array<[number, string, string, string]>} blocksOf
 *   `[[kind, text, author, teaser], …]` of article a
 * @returns {Article[]}
 */
function outline(text, lengths, blocksOf) {
  let at = 0;
  let i = 0;
  /** The next piece of the text, of the next length (NONE: no piece). */
  const piece = () => {
    const length = lengths[i++];
    if (length === NONE) return null;
    at += length;
    return text.slice(at - length, at);
  };
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
  /** @type {Article[]} */
  const articles = [];
  while (i < lengths.length) {
    const a = articles.length;
    const name = piece() ?? '';
    const title = piece() ?? '';
    const lede = piece();
    /** @type {string[]} */
    const cardAuthors = [];
    for (let n = lengths[i++]; n > 0; n--) cardAuthors.push(piece() ?? '');
    articles.push({
      name,
      title,
      lede,
      cardAuthors,
      get blocks() {
        return blocks(a);
      },
    });
  }
  return articles;
}

/**
 * The explorer, once every byte is in; or undefined when the index file is missing or
 * not the one for these articles (the reason goes to the console: the reader needs to
 * know nothing, the explorer works either way, only slower to start).
 * @param {Loader} loader
 */
function finish(loader) {
  try {
    return loader.finish();
  } catch (why) {
    if (typeof why !== 'string') throw why; // not an articles bundle: a real error
    console.info(`article-explorer: ${why}; indexing the articles in the browser`);
    return undefined;
  }
}

/**
 * The explorer over the articles with an index built here, by the builder module (the
 * same code as `cargo xtask dist`'s), fetched only now, as are the articles once more
 * (from the browser's cache: the load above kept none of their bytes in JavaScript).
 */
async function indexHere() {
  if (!BUILDER_SOURCE) throw new Error('the articles\' index is damaged, and this edition cannot rebuild it');
  const builder = /** @type {typeof import('../pkg/builder.js')} */ (await import(BUILDER_SOURCE.href));
  await builder.default();
  /** @type {Uint8Array[]} */
  const chunks = [];
  await pump(await source(ARTICLES_SOURCE), (chunk) => { chunks.push(chunk); });
  const bundle = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  chunks.reduce((at, c) => (bundle.set(c, at), at + c.length), 0);
  return Explorer.load(bundle, builder.buildIndex(bundle));
}

/**
 * A file to feed the engine: bytes the edition carries, or a download. `size`: its bytes
 * when known (a response not compressed), else 0.
 * @typedef {{size: number, chunks: AsyncIterable<Uint8Array>|Iterable<Uint8Array>}} Source
 */

/** Bytes fed to the engine at a time: a download's large chunks are cut to it. */
const PIECE = 1 << 20;

/**
 * Opens a source: the pieces the edition carries (the single file), or a URL fetched (an
 * error when it cannot be).
 * @param {URL|Source} from
 * @returns {Promise<Source>}
 */
async function source(from) {
  if (!(from instanceof URL)) return from;
  const response = await fetch(from);
  const body = response.body;
  if (!response.ok || !body) throw new Error(`cannot load ${from}: HTTP ${response.status}`);
  // Content-Length counts the bytes on the wire: a size only when they are the file's.
  const length = Number(response.headers.get('content-length'));
  const size = response.headers.get('content-encoding') || !(length > 0) ? 0 : length;
  const reader = body.getReader();
  return {
    size,
    chunks: {
      async* [Symbol.asyncIterator]() {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          yield value;
        }
      },
    },
  };
}

/**
 * Feeds a source's pieces to `take`, in slices (tasks.js): pieces already downloaded arrive
 * as microtasks, which would otherwise run back to back in one long task.
 * @param {Source} source
 * @param {(chunk: Uint8Array) => void} take
 */
async function pump(source, take) {
  const pause = slicer();
  for await (const chunk of source.chunks) {
    // A download that was faster than the engine arrives in large chunks: a piece at a time.
    for (let at = 0; at < chunk.length; at += PIECE) {
      take(chunk.length <= PIECE ? chunk : chunk.subarray(at, at + PIECE));
      await pause();
    }
  }
}

/** What the download has come to, in steps (the status is read out by screen readers). */
let said = '';

/**
 * Reports the articles' download: tens of percent of `size`, or megabytes when the size
 * is unknown; nothing for the first megabyte (a small site loads at once).
 * @param {number} received
 * @param {number} size
 */
function reportDownload(received, size) {
  if (received < 1e6) return;
  const text = size
    ? `Loading the articles — ${Math.min(100, Math.floor((received / size) * 10) * 10)} %`
    : `Loading the articles — ${Math.floor(received / 1e7) * 10} MB`;
  if (text !== said) report((said = text));
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
  for (let i = 0; i < rows.length; i += ROW) articles.push(new Hit(hits, rows[i], rows[i + 1], rows[i + 2]));
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
 * An ArticleHit whose highlights are read from the engine when first asked: a class, so
 * that 10,000 of them cost no closures (decoding them took 11 ms at 10,000 articles).
 * @implements {ArticleHit}
 */
class Hit {
  /** @type {FieldHit[]|undefined} */
  #fields;
  /** @type {Snippet|null|undefined} */
  #snippet;

  /**
   * @param {Hits} hits
   * @param {number} article
   * @param {number} matches
   * @param {number} score
   */
  constructor(hits, article, matches, score) {
    this.hits = hits;
    this.article = article;
    this.matches = matches;
    this.score = score;
  }

  get fields() {
    return (this.#fields ??= decodeFields(this.hits.fields(this.article)));
  }

  get snippet() {
    if (this.#snippet === undefined) this.#snippet = decodeSnippet(this.hits.snippet(this.article));
    return this.#snippet;
  }
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
