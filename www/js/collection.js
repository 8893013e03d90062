// The reader's own articles: added in the page (files, a folder, a bundle, pasted
// text), indexed off the main thread by the builder (collection-worker.js), kept on this
// device (store.js) and searched by an explorer of their own beside the site's
// (combined.js). What is shown is what is stored: a change is written first, and only
// then shown; a write that fails changes nothing.

import { HeadLoader } from '../pkg/article_explorer.js';
import { outline } from './engine.js';
import { slicer } from './tasks.js';
import { keepStored, StorageError, Store } from './store.js';

/**
 * @typedef {import('../pkg/article_explorer.js').Explorer} Explorer
 * @typedef {import('./engine.js').Article} Article
 * @typedef {import('./store.js').Stored} Stored
 * @typedef {{name: string, bytes: Uint8Array}} NamedBytes
 * @typedef {{name: string, why: string}} Refusal
 * @typedef {{added: number, refused: Refusal[], failed: string|null}} Outcome
 *   added: articles added (or replaced); refused: files that are not articles, each with
 *   why; failed: why the rest was not added (the device would not keep them), or null
 */

/** Articles built and shown at once in the first step of a large add: searchable soon. */
const FIRST_STEP = 50;

/** @param {number} n */
const count = (n) => n.toLocaleString('en');

/**
 * The worker that runs the builder, started when first needed.
 */
class Builder {
  /** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void}>} */
  #waiting = new Map();
  #next = 0;

  /**
   * @param {URL} script the worker's module
   * @param {URL|Uint8Array} wasm the builder's wasm
   */
  constructor(script, wasm) {
    this.worker = new Worker(script, { type: 'module' });
    this.worker.addEventListener('message', (event) => {
      const { id, ok, error, ...reply } = event.data;
      const waiting = this.#waiting.get(id);
      this.#waiting.delete(id);
      if (ok) waiting?.resolve(reply);
      else waiting?.reject(new Error(error));
    });
    this.worker.addEventListener('error', (event) => {
      for (const { reject } of this.#waiting.values()) reject(new Error(`the indexing worker failed: ${event.message}`));
      this.#waiting.clear();
    });
    this.ready = this.ask({ op: 'init', wasm: wasm instanceof URL ? wasm.href : wasm });
  }

  /**
   * @param {Record<string, any>} request
   * @returns {Promise<any>}
   */
  ask(request) {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...request });
    });
  }
}

export class Collection {
  /** The explorer of the reader's articles (null: none). @type {Explorer|null} */
  explorer = null;
  /** Its articles, in its order. @type {Article[]} */
  articles = [];
  /** What the "Your articles" list shows, in the articles' order. @type {Array<{name: string, bytes: number}>} */
  list = [];
  /** Told when the articles change (added, removed). @type {Set<() => void>} */
  listeners = new Set();
  /** Told how far an add is ("Adding 1,000 articles — 420 done"; '' when done). @type {Set<(text: string) => void>} */
  progress = new Set();
  /** Whether the articles are kept on this device (false: for this visit only). */
  kept = false;
  /** The stored collection (null: none). @type {Stored|null} */
  #stored = null;
  /** @type {Builder|null} */
  #builder = null;
  /** Changes run one after another. */
  #queue = Promise.resolve();

  /** This device's store (null: it keeps none), once `restore` has opened it. @type {Store|null} */
  store = null;

  /**
   * @param {{worker: URL, wasm: URL|Uint8Array}} builder where the builder comes from:
   *   the worker's script and the builder's wasm
   */
  constructor(builder) {
    this.source = builder;
  }

  /**
   * Opens this device's store and shows the collection it keeps (none where it keeps
   * none: then `kept` is false). Run once, before any change.
   */
  async restore() {
    const store = await Store.open();
    this.store = store;
    this.kept = !!store;
    const stored = await store?.read().catch(() => null);
    if (!stored?.list.length) {
      for (const listener of this.listeners) listener();
      return;
    }
    try {
      await this.#show(stored);
    } catch {
      // Built by another version of the explorer: indexed again from its articles.
      const built = await (await this.#worker()).ask({ op: 'remove', chunks: stored.chunks, names: [] });
      /** @type {Stored} */
      const next = { head: built.head, shards: built.shards, chunks: built.chunks, list: built.list };
      await store?.write(next).catch(() => {});
      await this.#show(next);
    }
  }

  /** @returns {Promise<Builder>} */
  async #worker() {
    this.#builder ??= new Builder(this.source.worker, this.source.wasm);
    await this.#builder.ready;
    return this.#builder;
  }

  /**
   * The names already here among `names`.
   * @param {string[]} names
   */
  present(names) {
    const here = new Set(this.list.map((a) => a.name));
    return names.filter((n) => here.has(n));
  }

  /**
   * Adds files: each article file, or a bundle's articles. Files of a name already here
   * replace those when `replace` says so, else are left out. Large adds are built and
   * shown in steps (the first FIRST_STEP articles, then twice as many each time), so
   * the articles added so far are searched while the rest is indexed.
   * @param {NamedBytes[]} files
   * @param {(names: string[]) => Promise<boolean>} replace asked, with the names already
   *   here, whether to replace them
   * @returns {Promise<Outcome>}
   */
  add(files, replace) {
    const run = this.#queue.then(() => this.#add(files, replace));
    this.#queue = run.then(() => {}, () => {});
    return run;
  }

  /**
   * @param {NamedBytes[]} files
   * @param {(names: string[]) => Promise<boolean>} replace
   * @returns {Promise<Outcome>}
   */
  async #add(files, replace) {
    const builder = await this.#worker();
    const expanded = await builder.ask({ op: 'expand', files });
    /** @type {Refusal[]} */
    const refused = expanded.refused;
    /** @type {NamedBytes[]} */
    let incoming = expanded.files;
    // The same name twice in one add: the later file.
    const last = new Map(incoming.map((f) => [f.name, f]));
    incoming = [...last.values()];
    const clashes = this.present(incoming.map((f) => f.name));
    if (clashes.length && !(await replace(clashes))) {
      const clash = new Set(clashes);
      incoming = incoming.filter((f) => !clash.has(f.name));
    }
    if (this.store) keepStored();
    let added = 0;
    let step = FIRST_STEP;
    const total = incoming.length;
    try {
      while (incoming.length) {
        const batch = incoming.splice(0, step);
        step *= 2;
        if (total > FIRST_STEP) this.#say(`Adding ${count(total)} articles — ${count(added)} done`);
        const built = await builder.ask({ op: 'build', chunks: this.#stored?.chunks ?? [], files: batch });
        for (const r of built.refused) refused.push(r);
        /** @type {Stored} */
        const next = { head: built.head, shards: built.shards, chunks: built.chunks, list: built.list };
        await this.store?.write(next);
        await this.#show(next);
        added += batch.length - built.refused.length;
      }
    } catch (error) {
      this.#say('');
      if (!(error instanceof StorageError)) throw error;
      const left = total - added;
      const kept = this.list.length;
      const before = kept ? `; the ${kept === 1 ? 'article' : `${count(kept)} articles`} kept before ${kept === 1 ? 'is' : 'are'} still here` : '';
      return { added, refused, failed: `${error.message}: ${count(left)} ${left === 1 ? 'article was' : 'articles were'} not added${before}.` };
    }
    this.#say('');
    return { added, refused, failed: null };
  }

  /**
   * Removes the articles named (all of them: `null`).
   * @param {string[]|null} names
   * @returns {Promise<string|null>} why they could not be removed, or null
   */
  remove(names) {
    const run = this.#queue.then(async () => {
      try {
        if (!names || names.length >= this.list.length) {
          await this.store?.write(null);
          await this.#show(null);
          return null;
        }
        const built = await (await this.#worker()).ask({ op: 'remove', chunks: this.#stored?.chunks ?? [], names });
        /** @type {Stored} */
        const next = { head: built.head, shards: built.shards, chunks: built.chunks, list: built.list };
        await this.store?.write(next);
        await this.#show(next);
        return null;
      } catch (error) {
        if (error instanceof StorageError) return error.message;
        throw error;
      }
    });
    this.#queue = run.then(() => {}, () => {});
    return run;
  }

  /**
   * The collection as one bundle (the CLI's format: `article-explorer search QUERY
   * FILE` reads it, and the page adds it back).
   * @returns {Promise<Blob>}
   */
  async exported() {
    const { bundle } = await (await this.#worker()).ask({ op: 'export', chunks: this.#stored?.chunks ?? [] });
    return new Blob([bundle], { type: 'text/plain' });
  }

  /** @param {string} text */
  #say(text) {
    for (const listener of this.progress) listener(text);
  }

  /**
   * Shows `stored` (null: nothing): its explorer, read a slice at a time, replaces the
   * one shown; listeners hear of it.
   * @param {Stored|null} stored
   */
  async #show(stored) {
    const explorer = stored?.list.length ? await explorerOf(stored) : null;
    let articles = /** @type {Article[]} */ ([]);
    if (explorer) {
      const { articles: read } = await outline(explorer.outlineText(), explorer.outline(), (a) => explorer.blocks(a));
      for (const article of read) article.mine = true;
      articles = read;
    }
    const old = this.explorer;
    this.explorer = explorer;
    this.articles = articles;
    this.list = stored?.list ?? [];
    this.#stored = stored;
    old?.free();
    for (const listener of this.listeners) listener();
  }
}

/**
 * The explorer of a collection's data files, its head read a step at a time and its
 * parts given one slice each: the page runs in between.
 * @param {Stored} stored
 * @returns {Promise<Explorer>}
 */
async function explorerOf(stored) {
  const pause = slicer();
  const bytes = stored.chunks.reduce((n, c) => n + c.length, 0);
  const reading = new HeadLoader(stored.head, bytes);
  let explorer;
  try {
    for (;;) {
      explorer = reading.step();
      if (explorer) break;
      await pause();
    }
  } finally {
    reading.free();
  }
  explorer.setMine();
  await pause();
  explorer.addShards(0, stored.shards);
  for (let k = 0; k < stored.chunks.length; k++) {
    await pause();
    explorer.addChunk(k, stored.chunks[k]);
  }
  return explorer;
}

export { StorageError };
