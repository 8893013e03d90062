// The engine: loads the wasm module once and turns its typed-array results into the
// shapes the page renders. It never tokenizes, scores or recounts offsets.

/**
 * @typedef {{kind: 'paragraph'|'heading'|'disclaimer', text: string}
 *          | {kind: 'card', title: string, author: string, teaser: string}} Block
 * @typedef {{name: string, title: string, lede: string|null, cardAuthors: string[],
 *   readonly blocks: Block[], mine?: boolean}} Article
 *   cardAuthors: the authors of its related-article cards; blocks: read from the engine
 *   when first asked (engine.js, `outline`); mine: one of the reader's own articles
 *   (collection.js), not the site's.
 * @typedef {'text'|'title'|'author'|'teaser'} Part
 * @typedef {[number, number, number]} Span
 *   [start, end, how]: half-open [start, end) in UTF-16 code units of a field's text (slice
 *   the string with them directly), and how it matched: 0 the word as typed, 1 another
 *   form of it (stem), 2 a word a few edits away (fuzzy), 3 a word that the word still
 *   being typed begins (prefix).
 * @typedef {{block: number, part: Part, spans: Span[]}} FieldHit
 *   block: index into Article.blocks, or -1 (title) / -2 (lede).
 *   spans: sorted, non-overlapping.
 * @typedef {{block: number, part: Part, range: [number, number], cut: [boolean, boolean],
 *            spans: Span[]}} Snippet
 *   the best excerpt for a result list: `range` of the field's text (UTF-16), whether the
 *   field goes on before and after it, and the marks in it (in the field's offsets).
 * @typedef {{article: number, score: number, matches: number, fields: FieldHit[],
 *            snippet: Snippet|null, title: Span[]}} ArticleHit
 *   fields, snippet and title (the title's marks, read with the snippet: what the list
 *   shows) are read from the engine when first asked; fields hold the first
 *   `MARKS_SHOWN` marks in reading order (fewer than `matches` says when cut).
 * @typedef {{drop: string, without: string, articles: number}} Suggestion
 *   drop: the clause as typed; without: the query without it; articles: what that finds.
 * @typedef {{query: string, articles: number}} Correction
 * @typedef {[string, string, number]} Row
 *   a row of the engine's short lists: two texts and a number (src/wasm/explorer.rs).
 *   query: the query with its misspelt words corrected; articles: what that finds.
 * @typedef {{word: string, as: string}} Respelling
 *   a word no article has (folded), searched as the word a few edits away `as` (folded).
 * @typedef {{query: string, notice: string|null, total: number, highlighting: boolean,
 *            articles: ArticleHit[], suggestions: Suggestion[], didYouMean: Correction|null,
 *            respelled: Respelling[], dropped: boolean, pending: boolean}} Result
 *   dropped: common words were left out of the query (the notice says which).
 *   articles: the matching articles, best first (all of them for an empty query).
 *   pending: not whole: parts of the index or articles it needs are on their way (engine
 *   `onParts`: ask again).
 */

import init, { Explorer, HeadLoader } from '../pkg/article_explorer.js';
import { nextTask, slicer } from './tasks.js';
import { BUILDER_SOURCE, DATA, part, WASM_SOURCE } from './sources.js';
import { plural } from './dom.js';

/** @typedef {import('../pkg/article_explorer.js').Hits} Hits */

const PARTS = /** @type {Part[]} */ (['text', 'title', 'author', 'teaser']);

/**
 * The marks an article is shown with, at most: the first in reading order. Half a million
 * (a phrase's word on a megabyte of it) took a 10 s task to lay out; 10,000 take about
 * 0.2 s, and are more than a reader steps through.
 */
export const MARKS_SHOWN = 10_000;

/** Numbers per row of a ranking (src/wasm/flat.rs). */
const ROW = 3;

/** The bit that marks a chunk's number in `Explorer.wanted()` (src/index/parts.rs). */
const CHUNK = 2 ** 31;

/** A site this small (its data's bytes) is fetched whole at once, and loaded in one go. */
const SMALL = 1 << 20;

/**
 * The next task, between the load's steps — only on a site large enough for a step to
 * take long: on a small one each yield only adds a few ms to the first results.
 */
const breath = () => (DATA.bytes >= SMALL ? nextTask() : undefined);

/** @type {Promise<Engine>|undefined} */
let shared;

/**
 * @typedef {{text: string, name: boolean}} Keyphrase
 *   text: a multi-word name (`name`) or a salient word, as the articles write it.
 * @typedef {{name: string, articles: number}} Author
 *   an author of cards, and how many articles have a card by them.
 * @typedef {{articles: Article[], search: (q: string, typing?: boolean) => Result, buildMs: number,
 *   here: (a: number) => boolean, onParts: (listener: () => void) => void,
 *   nextParts: () => Promise<void>,
 *   keyphrases: () => Keyphrase[], articleKeyphrases: (a: number) => Keyphrase[],
 *   authors: () => Author[]}} Engine
 *   search: the answer (`typing`: the reader is still typing `q`, so its last word also
 *   finds the words it begins, marked `how` 3), `pending` while it waits for parts of the index or articles not
 *   here yet (they are fetched first; `onParts` listeners hear when they have come: ask
 *   again; `nextParts` is when they next do). here: whether article a's text has arrived
 *   (else it is fetched first).
 *   keyphrases and authors: the collection's, computed on the first call and kept.
 */

/**
 * The engine: the module loaded and the index's head read once per page, however many
 * explorers (the page, several <article-explorer> elements) ask for it. It answers from
 * then on; the rest of the index and the articles arrive behind it, what a query or a
 * shown article needs first.
 * @param {(text: string) => void} [onProgress] told how far the load is ("Loading 1,000
 *   articles — 40 %"), a few times, until every part is here
 * @param {string} [query] the query the first view will ask (the URL's): the parts it
 *   needs are asked for as soon as the head is read
 * @returns {Promise<Engine>}
 */
export function loadEngine(onProgress, query) {
  if (onProgress) progress.add(onProgress);
  if (query) hints.push(query);
  shared ??= load();
  return shared;
}

/** The queries the first views will ask. @type {string[]} */
const hints = [];

/**
 * Who hears how far the load is (every explorer of the page), until it is done.
 * @type {Set<(text: string) => void>}
 */
const progress = new Set();

/** @param {string} text */
function report(text) {
  for (const listener of progress) listener(text);
}

/**
 * The bytes of data file `name`: carried by the edition (the single file), or fetched.
 * @param {string} name
 * @param {'high'|'low'} priority
 * @param {(bytes: number) => void} [onBytes] told of each piece of a download as it comes
 * @returns {Promise<Uint8Array>}
 */
async function bytesOf(name, priority, onBytes) {
  const from = part(name);
  if (!(from instanceof URL)) return from;
  const response = await fetch(from, { priority });
  if (!response.ok) throw new Error(`cannot load ${name}: HTTP ${response.status}`);
  if (!onBytes || !response.body) return new Uint8Array(await response.arrayBuffer());
  /** @type {Uint8Array[]} */
  const pieces = [];
  const reader = response.body.getReader();
  // Pieces already downloaded resolve one after another in one task: sliced.
  const pause = slicer();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    pieces.push(value);
    onBytes(value.length);
    await pause();
  }
  await pause();
  const whole = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  pieces.reduce((at, p) => (whole.set(p, at), at + p.length), 0);
  return whole;
}

/**
 * Throws why, as the engine does for a head it cannot use, unless `head` (a head the
 * engine read) is this build's: its checksum, its last eight bytes, is the one the build
 * wrote into DATA.
 * @param {Uint8Array} head
 */
function thisBuilds(head) {
  const sum = Array.from(head.subarray(-8), (b) => b.toString(16).padStart(2, '0')).join('');
  if (DATA.head && sum !== DATA.head) throw 'the index file was built from other articles (it is not this build\'s)';
}

/**
 * The explorer of the index's head `bytes`, read a step at a time (each a few ms, 9.5 MB
 * at 10,000 articles), the page running in between. Throws a string saying why when
 * the head cannot be used.
 * @param {Uint8Array} bytes
 * @returns {Promise<Explorer>}
 */
async function readHead(bytes) {
  // Tasks of their own: the download's end, taking the bytes in (a copy), the steps.
  await breath();
  const reading = new HeadLoader(bytes, DATA.articleBytes);
  try {
    await breath();
    const pause = slicer();
    for (;;) {
      const explorer = reading.step();
      if (explorer) return explorer;
      await pause();
    }
  } finally {
    reading.free();
  }
}

/**
 * The outline (docs/format.md): its numbers and its text, the head's last sections but
 * its checksum — taken from the head's bytes as they are (one decoding of the text, no
 * copy through the wasm: 50 ms at 10,000 articles), or from the engine when it built
 * the index itself.
 * @param {Uint8Array|undefined} head a head the engine read
 * @param {Explorer} explorer
 * @returns {[Uint32Array, string]}
 */
function outlineOf(head, explorer) {
  if (!head) return [explorer.outline(), explorer.outlineText()];
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  // The counts: the outline's numbers and its text's bytes are the 14th and 15th.
  const numbers = view.getUint32(16 + 13 * 4, true);
  const bytes = view.getUint32(16 + 14 * 4, true);
  const textEnd = head.length - 8;
  const textStart = textEnd - bytes;
  const numbersStart = textStart - 4 * numbers;
  const lengths = new Uint32Array(numbers);
  for (let i = 0; i < numbers; i++) lengths[i] = view.getUint32(numbersStart + 4 * i, true);
  return [lengths, new TextDecoder().decode(head.subarray(textStart, textEnd))];
}

/** @returns {Promise<Engine>} */
async function load() {
  // User-timing marks (named `engine:…`): where the load's time goes, for the browser
  // benchmark and DevTools.
  performance.mark('engine:start');
  // The head downloads at once (index.html preloads it), beside the module; a small
  // site's parts with it (waiting for the head to ask for them would cost round trips).
  const parts = new Arrivals();
  if (DATA.bytes < SMALL) {
    for (let k = 0; k < DATA.shards; k++) parts.early(k);
    for (let k = 0; k < DATA.chunks; k++) parts.early(CHUNK + k);
  }
  const head = bytesOf('index/head.bin', 'high', (n) => parts.received(n)).catch(() => new Uint8Array(0));
  await init({ module_or_path: WASM_SOURCE });
  performance.mark('engine:wasm-ready');
  let explorer;
  /** The head's bytes, when it is read: the outline is taken from them as they are. */
  let headBytes;
  try {
    const bytes = await head;
    explorer = await readHead(bytes);
    try {
      thisBuilds(bytes);
    } catch (why) {
      explorer.free();
      throw why;
    }
    headBytes = bytes;
  } catch (why) {
    if (typeof why !== 'string') throw why;
    console.info(`article-explorer: ${why}; indexing the articles in the browser`);
    explorer = await indexHere(parts);
  }
  performance.mark('engine:head');
  // A small site's parts, fetched with the head, are all in before the first view.
  await parts.takeEarly(explorer);
  // The first views' parts first: their queries' shards, then their best articles'.
  parts.explorer = explorer;
  parts.hints = hints;
  parts.followHints();
  parts.start(explorer);
  await breath();
  const [numbers, text] = outlineOf(headBytes, explorer);
  const { articles: shown, forget } = await outline(text, numbers, (n) => {
    const blocks = parts.explorer.blocks(n);
    if (blocks === null) parts.pull();
    return blocks;
  });
  parts.forget = forget;
  performance.mark('engine:outline');
  // The page's first render, in a task of its own.
  await breath();
  /** @type {Keyphrase[]|undefined} */
  let keyphrases;
  /** @type {Author[]|undefined} */
  let authors;
  return {
    articles: shown,
    get buildMs() {
      return parts.explorer?.buildMs ?? 0;
    },
    search: (q, typing = false) => decode(parts.explorer.query(q, typing), (urgent) => parts.pull(urgent)),
    here: (a) => parts.has(a),
    onParts: (listener) => parts.listeners.add(listener),
    nextParts: () => new Promise((resolve) => {
      const once = () => {
        parts.listeners.delete(once);
        resolve(undefined);
      };
      parts.listeners.add(once);
    }),
    keyphrases: () => (keyphrases ??= phrases(parts.explorer.keyphrases())),
    articleKeyphrases: (a) => phrases(parts.explorer.articleKeyphrases(a)),
    authors: () => (authors ??= /** @type {Array<Row>} */ (parts.explorer.authors())
      .map(([name, , n]) => ({ name, articles: n }))),
  };
}

/**
 * Keyphrases from the engine's rows.
 * @param {Array<Row>} rows `[[text, '', name], …]` (src/wasm/explorer.rs; name: 1 or 0)
 * @returns {Keyphrase[]}
 */
export const phrases = (rows) => rows.map(([text, , name]) => ({ text, name: name === 1 }));


/**
 * Gives part `id`'s bytes to `explorer`; throws why when they are not the head's.
 * @param {Explorer} explorer
 * @param {number} id
 * @param {Uint8Array} bytes
 */
function give(explorer, id, bytes) {
  if (id >= CHUNK) explorer.addChunk(id - CHUNK, bytes);
  else explorer.addShards(id, bytes);
}

/** The name of part `id` (`Explorer.wanted()`: a shard's number, or CHUNK + a chunk's). */
const nameOf = (/** @type {number} */ id) => (id >= CHUNK ? `articles/${id - CHUNK}.txt` : `index/${id}.bin`);

/**
 * The shards and chunks arriving behind the head: every one fetched in the background, a
 * few at a time and at low priority (shards first: they answer queries), and those a
 * query or a shown article wants at once, at high priority. Each part is handed to the
 * engine as it comes, in slices (tasks.js); listeners hear when a wanted part has come.
 */
class Arrivals {
  /** Parts fetched at a time in the background: the others stay free for what is wanted. */
  static BACKGROUND = 3;

  /** @type {Explorer} */
  explorer = /** @type {any} */ (undefined);
  /** @type {Set<() => void>} */
  listeners = new Set();
  /** Forgets the articles' blocks read so far (their text may have changed). */
  forget = () => {};
  /** Parts asked for (fetching or here), by id. @type {Set<number>} */
  #asked = new Set();
  /** Parts here, by id. @type {Set<number>} */
  #here = new Set();
  /** The background's next parts, in order. @type {number[]} */
  #queue = [];
  #running = 0;
  /** Parts the view waits for, on their way. */
  #urgent = 0;
  /** Wanted parts not here yet: their arrival is told to the listeners. @type {Set<number>} */
  #awaited = new Set();
  #received = 0;
  #said = '';
  #pause = slicer();
  /** Parts handed to the engine one at a time, in order. */
  #adding = Promise.resolve();

  /** @param {Explorer} explorer */
  start(explorer) {
    this.explorer = explorer;
    for (let k = 0; k < explorer.shards; k++) if (!this.#here.has(k)) this.#queue.push(k);
    for (let k = 0; k < explorer.chunks; k++) if (!this.#here.has(CHUNK + k)) this.#queue.push(CHUNK + k);
    this.#more();
  }

  /** The queries the first views will ask, until their parts are here. @type {string[]} */
  hints = [];

  /**
   * Asks for what the first views' queries need next: their shards, then their best
   * articles' chunks (before the page asks: it renders in between).
   */
  followHints() {
    this.hints = this.hints.filter((q) => {
      const hits = this.explorer.query(q);
      let wanted = this.pull();
      if (!wanted) {
        const best = hits.rows(0, 1);
        wanted = best.length > 0 && !this.has(best[0]);
      }
      hits.free();
      return wanted;
    });
  }

  /** Whether article `a`'s text is here (else its chunk is fetched at once). */
  has(/** @type {number} */ a) {
    if (this.explorer.here(a)) return true;
    this.pull();
    return false;
  }

  /**
   * Fetches at once what the engine's last calls wanted.
   * @param {boolean} [urgent] what the view waits for (at high priority), else what it
   *   shows when it comes (a snippet: at low priority)
   * @returns {boolean} whether they wanted anything (their answer was not whole)
   */
  pull(urgent = true) {
    const wanted = this.explorer.wanted();
    for (const id of wanted) {
      this.#awaited.add(id);
      if (this.#asked.has(id)) continue;
      if (urgent) {
        this.#urgent++;
        this.#fetch(id, 'high').finally(() => {
          this.#urgent--;
          this.#more();
        });
      } else {
        // Next in the background.
        this.#queue.unshift(id);
      }
    }
    if (!urgent) this.#more();
    return wanted.length > 0;
  }

  /**
   * Starts background fetches up to BACKGROUND at a time, none while a part the view
   * waits for is on its way (they would share the connection and the decoding with it).
   */
  #more() {
    if (this.#urgent > 0) return;
    while (this.#running < Arrivals.BACKGROUND && this.#queue.length) {
      const id = /** @type {number} */ (this.#queue.shift());
      if (this.#asked.has(id)) continue;
      this.#running++;
      this.#fetch(id, 'low').finally(() => {
        this.#running--;
        this.#more();
      });
    }
  }

  /** Parts fetched before the head was read, by id. @type {Map<number, Promise<Uint8Array>>} */
  #early = new Map();

  /**
   * Adds the parts fetched before the head was read (a small site) to `explorer`, as they
   * come: the first view then needs nothing more.
   * @param {Explorer} explorer
   */
  async takeEarly(explorer) {
    for (const [id, promise] of this.#early) {
      let bytes;
      try {
        bytes = await promise;
      } catch {
        continue; // fetched again when wanted
      }
      try {
        give(explorer, id, bytes);
      } catch {
        continue; // not the head's: told, and dealt with, when fetched again
      }
      this.#early.delete(id);
      this.added(id);
      this.received(bytes.length);
    }
  }

  /**
   * Fetches part `id` now, before the head is read (a small site).
   * @param {number} id
   */
  early(id) {
    const bytes = bytesOf(nameOf(id), 'high');
    bytes.catch(() => {}); // told when it is awaited (#fetch)
    this.#early.set(id, bytes);
  }

  /**
   * @param {number} id
   * @param {'high'|'low'} priority
   */
  async #fetch(id, priority) {
    this.#asked.add(id);
    let bytes;
    try {
      const early = this.#early.get(id);
      this.#early.delete(id);
      bytes = await (early ?? bytesOf(nameOf(id), priority));
    } catch (error) {
      // Offline without that part, or the server failed: asked again when next wanted.
      this.#asked.delete(id);
      console.info(`article-explorer: ${/** @type {Error} */ (error).message}`);
      return;
    }
    this.#adding = this.#adding.then(() => this.#add(id, bytes));
    await this.#adding;
  }

  /**
   * Hands part `id` to the engine, in a slice of its own.
   * @param {number} id
   * @param {Uint8Array} bytes
   */
  async #add(id, bytes) {
    await this.#pause();
    if (this.#here.has(id)) return;
    try {
      give(this.explorer, id, bytes);
    } catch (why) {
      if (typeof why !== 'string') throw why;
      // Not the head's part (a new build deployed during the load, or damage): the index
      // is built here from the articles instead, and the page asked again.
      console.info(`article-explorer: ${why}; indexing the articles in the browser`);
      this.#queue = [];
      this.#here.clear();
      const rebuilt = await indexHere(this);
      if (rebuilt.length !== this.explorer.length) {
        // Another number of articles: the list shown is not theirs.
        const message = 'The articles changed on the server while they loaded: reload the page.';
        console.error(`article-explorer: ${message}`);
        report(message);
        return;
      }
      this.forget();
      const old = this.explorer;
      this.start(rebuilt);
      old.free();
      this.#tell();
      return;
    }
    this.#here.add(id);
    this.received(bytes.length);
    if (this.#awaited.delete(id)) {
      if (this.hints.length) this.followHints();
      this.#tell();
    }
  }

  /** Tells the listeners that parts have come. */
  #tell() {
    for (const listener of this.listeners) listener();
  }

  /**
   * Counts `n` bytes more of the data come, and says how far the load is, in percent of
   * all the data, until it is whole.
   * @param {number} n
   */
  received(n) {
    this.#received += n;
    if (this.explorer?.complete) {
      report('');
      return;
    }
    // Nothing for a small site: it loads at once.
    if (DATA.bytes < 1e6) return;
    const share = Math.min(99, Math.floor((this.#received / DATA.bytes) * 100));
    const text = `Loading ${plural(DATA.articles, 'article', 'articles')} — ${share} %`;
    if (text !== this.#said) report((this.#said = text));
  }

  /**
   * Marks `id` here (the fallback added it itself).
   * @param {number} id
   */
  added(id) {
    this.#asked.add(id);
    this.#here.add(id);
  }
}

/** Block kinds by their number in the outline (src/wasm/explorer.rs). */
const KINDS = /** @type {const} */ (['paragraph', 'heading', 'card', 'disclaimer']);

/** A piece the outline does not have (an article without a lede). */
const NONE = 0xffffffff;

/** How many articles keep their blocks in JS: the shown one and the snippets on screen. */
const KEPT_BLOCKS = 200;

/**
 * The outline (src/wasm/explorer.rs, `Explorer.outline`: one string and the lengths of its pieces) → Articles,
 * whose blocks cross from the engine when first read (the shown article, a snippet's
 * field), kept for the last KEPT_BLOCKS articles read: the articles' texts stay in the
 * wasm, not all in JS.
 * @param {string} text
 * @param {Uint32Array} lengths
 * @param {(a: number) => Array<[number, string, string, string]>|null} blocksOf
 *   `[[kind, text, author, teaser], …]` of article a, or null while its text has not come
 * @returns {Promise<{articles: Article[], forget: () => void}>} forget: drops the blocks
 *   kept. In slices (tasks.js): 18 ms at 10,000 articles.
 */
export async function outline(text, lengths, blocksOf) {
  const pause = slicer();
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
      const crossed = blocksOf(a);
      // Not here yet (its chunk is on its way): nothing, and nothing kept.
      if (crossed === null) return [];
      found = crossed.map(([kind, text, author, teaser]) => (kind === 2
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
    if (a % 256 === 0) await pause();
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
  return { articles, forget: () => kept.clear() };
}

/**
 * An explorer with an index built here, by the builder module (the same code as `cargo
 * xtask dist`'s), fetched only now, from every chunk of the articles (fetched once more:
 * from the browser's cache, or the edition's bytes).
 * @param {Arrivals} arrivals told which chunks it added
 */
async function indexHere(arrivals) {
  if (!BUILDER_SOURCE) throw new Error('the articles\' index is damaged, and this edition cannot rebuild it');
  const builder = /** @type {typeof import('../pkg/builder.js')} */ (await import(BUILDER_SOURCE.href));
  await builder.default();
  const chunks = await Promise.all(Array.from({ length: DATA.chunks }, (_, k) => bytesOf(`articles/${k}.txt`, 'high')));
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  chunks.reduce((at, c) => (all.set(c, at), at + c.length), 0);
  const [head, shards] = builder.buildIndex(all, Uint32Array.from(chunks, (c) => c.length));
  const explorer = Explorer.fromHead(head, DATA.articleBytes);
  explorer.addShards(0, shards);
  for (let k = 0; k < explorer.shards; k++) arrivals.added(k);
  chunks.forEach((chunk, k) => {
    explorer.addChunk(k, chunk);
    arrivals.added(CHUNK + k);
  });
  return explorer;
}

/**
 * One query's answer (a wasm `Hits` handle) → the Result the page renders. Every row is
 * read at once; an article's highlights (`fields`) only when the page first reads them,
 * so a long list costs what it shows. `pull` fetches what the engine wanted meanwhile and
 * says whether it wanted anything: then the answer is `pending` (not whole).
 * @param {Hits} hits
 * @param {(urgent: boolean) => boolean} pull fetches what the engine wanted (urgent: what
 *   the view waits for, else soon) and says whether it wanted anything
 * @param {number} [first] the number the page gives the engine's first article (its
 *   articles follow others': the reader's own after the site's)
 * @returns {Result}
 */
export function decode(hits, pull, first = 0) {
  const rows = hits.rows(0, hits.length);
  /** @type {ArticleHit[]} */
  const articles = [];
  for (let i = 0; i < rows.length; i += ROW) articles.push(new Hit(hits, pull, rows[i], rows[i + 1], rows[i + 2], first));
  // Not whole: nothing more is asked of it (a correction would look through other terms,
  // and want their parts too).
  const pending = pull(true);
  // Only an empty answer has suggestions: no call into the wasm for the others.
  const empty = !articles.length && !pending;
  const result = {
    query: hits.query,
    notice: hits.notice ?? null,
    total: hits.total,
    highlighting: hits.highlighting,
    dropped: hits.dropped,
    suggestions: empty
      ? /** @type {Array<Row>} */ (hits.suggestions())
        .map(([drop, without, n]) => ({ drop, without, articles: n }))
      : [],
    didYouMean: empty ? correction(hits.didYouMean()) : null,
    respelled: articles.length && !pending
      ? /** @type {Array<Row>} */ (hits.respelled()).map(([word, as]) => ({ word, as }))
      : [],
    articles,
    pending,
  };
  return empty && pull(true) ? { ...result, pending: true } : result;
}

/**
 * An ArticleHit whose highlights are read from the engine when first asked: a class, so
 * that 10,000 of them cost no closures (decoding them took 11 ms at 10,000 articles). What
 * was read while the article's text had not come is not kept.
 * @implements {ArticleHit}
 */
class Hit {
  /** @type {FieldHit[]|undefined} */
  #fields;
  /** @type {{title: Span[], snippet: Snippet|null}|undefined} */
  #listed;

  /** The article's number in the engine (`article` counts from the page's `first`). */
  #own;

  /**
   * @param {Hits} hits
   * @param {(urgent: boolean) => boolean} pull
   * @param {number} article
   * @param {number} matches
   * @param {number} score
   * @param {number} first
   */
  constructor(hits, pull, article, matches, score, first) {
    this.hits = hits;
    this.pull = pull;
    this.#own = article;
    this.article = first + article;
    this.matches = matches;
    this.score = score;
  }

  get fields() {
    if (this.#fields) return this.#fields;
    const fields = decodeFields(this.hits.fields(this.#own, MARKS_SHOWN));
    if (!this.pull(true)) this.#fields = fields;
    return fields;
  }

  /** What the list shows: the title's marks and the best excerpt, read together. */
  get #listing() {
    if (this.#listed) return this.#listed;
    const listing = decodeListing(this.hits.snippet(this.#own));
    // A snippet's article is fetched after what the view itself waits for.
    if (!this.pull(false)) this.#listed = listing;
    return listing;
  }

  get snippet() {
    return this.#listing.snippet;
  }

  get title() {
    return this.#listing.title;
  }
}

/**
 * `[n, start, end, how, …]` the title's marks, then `[block, part, start, end, cut before,
 * cut after, n, start, end, how, …]` the snippet or nothing (src/wasm/explorer.rs `snippet`).
 * @param {Int32Array} f
 * @returns {{title: Span[], snippet: Snippet|null}}
 */
function decodeListing(f) {
  const n = f[0] ?? 0;
  const title = [];
  for (let i = 1; i < 1 + 3 * n; i += 3) title.push(/** @type {Span} */ ([f[i], f[i + 1], f[i + 2]]));
  return { title, snippet: decodeSnippet(f.subarray(1 + 3 * n)) };
}

/**
 * `[block, part, start, end, cut before, cut after, n, start, end, how, …]` (src/wasm/flat.rs)
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
 * `[[query, '', articles]]` or `[]` (src/wasm/explorer.rs) → a Correction, or null.
 * @param {Array<Row>} rows
 * @returns {Correction|null}
 */
function correction(rows) {
  const row = rows[0];
  return row ? { query: row[0], articles: row[2] } : null;
}

/**
 * `[block, part, n, start, end, how, …]…` (src/wasm/flat.rs) → FieldHits.
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
