// The reader's own articles: added in the page (files, a folder, a bundle, pasted
// text), indexed and kept on this device off the main thread (collection-worker.js: the
// builder's wasm and the store), and searched by an explorer of their own beside the
// site's (combined.js). What is shown is what is stored: a change is written first, and
// only then shown; a write that fails changes nothing.

import { HeadLoader } from '../pkg/article_explorer.js';
import { outline } from './engine.js';
import { nextTask, slicer } from './tasks.js';
import { StorageError } from './store.js';

/**
 * @typedef {import('../pkg/article_explorer.js').Explorer} Explorer
 * @typedef {import('./engine.js').Article} Article
 * @typedef {import('./store.js').Stored} Stored
 * @typedef {{name: string, bytes: Uint8Array}} NamedBytes
 * @typedef {{name: string, file: Blob}} NamedFile a file the reader added, not read yet
 * @typedef {{name: string, why: string}} Refusal
 * @typedef {{added: number, refused: Refusal[], failed: string|null}} Outcome
 *   added: articles added (or replaced); refused: files that are not articles, each with
 *   why; failed: why the rest was not added (the device would not keep them), or null
 */

/** Articles built and shown at once in the first step of a large add: searchable soon. */
const FIRST_STEP = 50;

/** Files handed to the worker in one message. */
const HANDED = 64;

/** @param {number} n */
const count = (n) => n.toLocaleString('en');

/**
 * The collection's worker, as the page talks to it: requests and their answers.
 */
class Keeper {
  /** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void}>} */
  #waiting = new Map();
  #next = 0;

  /** @param {URL} script the worker's script */
  constructor(script) {
    this.worker = started(script);
    this.worker.then((worker) => worker.addEventListener('message', (event) => {
      const { id, ok, error, full, ...reply } = event.data;
      const waiting = this.#waiting.get(id);
      this.#waiting.delete(id);
      if (ok) waiting?.resolve(reply);
      else waiting?.reject(full ? new StorageError(error, true) : new Error(error));
    }));
    this.worker.then((worker) => worker.addEventListener('error', (event) => this.#fail(event.message)), (error) => this.#fail(error?.message ?? error));
  }

  /** @param {string} why */
  #fail(why) {
    for (const { reject } of this.#waiting.values()) reject(new Error(`the worker of your articles failed: ${why}`));
    this.#waiting.clear();
  }

  /**
   * @param {Record<string, any>} request
   * @param {NamedBytes[]} [moved] files whose bytes move to the worker (not copied)
   * @returns {Promise<any>}
   */
  ask(request, moved = []) {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.worker.then((worker) => worker.postMessage({ id, ...request }, { transfer: moved.map((f) => f.bytes.buffer) }), reject);
    });
  }
}

/**
 * The worker running `script`. Classic, not a module: Chromium starts no module worker
 * from a blob: URL in a file:// page (the single file's). From another origin (an
 * element on a host page) a worker cannot be started by URL: its code is fetched (as
 * the element's modules are, under CORS) and started from a blob: URL.
 * @param {URL} script
 * @returns {Promise<Worker>}
 */
async function started(script) {
  if (script.protocol === 'blob:' || script.origin === location.origin) return new Worker(script);
  const response = await fetch(script);
  if (!response.ok) throw new Error(`cannot load ${script}: HTTP ${response.status}`);
  return new Worker(URL.createObjectURL(new Blob([await response.text()], { type: 'text/javascript' })));
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
  /** The worker that keeps them. */
  #worker;
  /** Changes run one after another. */
  #queue = Promise.resolve();
  /** The collection this device keeps, once the worker has read it. @type {Promise<Stored|null>} */
  #opened;

  /**
   * Starts the worker, which opens this device's store.
   * @param {{worker: URL, wasm: URL|Promise<Uint8Array>}} builder where the worker's
   *   script and the builder's wasm come from
   */
  constructor(builder) {
    this.#worker = new Keeper(builder.worker);
    this.#opened = Promise.resolve(builder.wasm)
      .then((wasm) => this.#worker.ask({ op: 'open', wasm: wasm instanceof URL ? wasm.href : wasm }))
      .then(({ kept, stored }) => {
        this.kept = kept;
        return stored;
      });
  }

  /**
   * Shows the collection this device keeps (none where it keeps none: then `kept` is
   * false). Run once, before any change.
   */
  async restore() {
    const stored = await this.#opened.catch(() => null);
    if (!stored) {
      for (const listener of this.listeners) listener();
      return;
    }
    try {
      await this.#show(stored);
    } catch {
      // Built by another version of the explorer: indexed again from its articles.
      const { stored: rebuilt } = await this.#worker.ask({ op: 'remove', names: [] });
      await this.#show(rebuilt);
    }
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
   * @param {NamedFile[]} files
   * @param {(names: string[]) => Promise<boolean>} replace asked, with the names already
   *   here, whether to replace them
   * @returns {Promise<Outcome>}
   */
  add(files, replace) {
    return this.#then(() => this.#add(files, replace));
  }

  /**
   * Runs `change` after the changes asked before it.
   * @template T
   * @param {() => Promise<T>} change
   * @returns {Promise<T>}
   */
  #then(change) {
    const run = this.#queue.then(change);
    this.#queue = run.then(() => {}, () => {});
    return run;
  }

  /**
   * @param {NamedFile[]} files
   * @param {(names: string[]) => Promise<boolean>} replace
   * @returns {Promise<Outcome>}
   */
  async #add(files, replace) {
    await this.#opened;
    // Read and handed over a slice at a time, the reads side by side and the bytes moved,
    // not copied. (Posting File objects for the worker to read cost ~0.15 ms each — 1,000
    // in one message made a 154 ms task — and WebKit's worker cannot read a file:// page's.)
    /** @type {Refusal[]} */
    const refused = [];
    /** @type {NamedBytes[]} */
    const read = [];
    for (let i = 0; i < files.length; i += HANDED) {
      if (i > 0) await nextTask();
      const slice = files.slice(i, i + HANDED);
      const bytes = await Promise.all(slice.map((f) => f.file.arrayBuffer()));
      /** @type {NamedBytes[]} */
      const given = slice.map((f, k) => ({ name: f.name, bytes: new Uint8Array(bytes[k]) }));
      const expanded = await this.#worker.ask({ op: 'expand', files: given }, given);
      read.push(...expanded.files);
      refused.push(...expanded.refused);
    }
    // The same name twice in one add: the later file.
    /** @type {NamedBytes[]} */
    let incoming = [...new Map(read.map((f) => [f.name, f])).values()];
    const clashes = this.present(incoming.map((f) => f.name));
    if (clashes.length && !(await replace(clashes))) {
      const clash = new Set(clashes);
      incoming = incoming.filter((f) => !clash.has(f.name));
    }
    if (this.kept) keepStored();
    let added = 0;
    let step = FIRST_STEP;
    const total = incoming.length;
    try {
      while (incoming.length) {
        const batch = incoming.splice(0, step);
        step *= 2;
        if (total > FIRST_STEP) this.#say(`Adding ${count(total)} articles — ${count(added)} done`);
        const built = await this.#worker.ask({ op: 'add', files: batch }, batch);
        for (const r of built.refused) refused.push(r);
        await this.#show(built.stored);
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
    return this.#then(async () => {
      try {
        const { stored } = await this.#worker.ask({ op: 'remove', names });
        await this.#show(stored);
        return null;
      } catch (error) {
        if (error instanceof StorageError) return error.message;
        throw error;
      }
    });
  }

  /**
   * The collection as one bundle (the CLI's format: `article-explorer search QUERY
   * FILE` reads it, and the page adds it back).
   * @returns {Promise<Blob>}
   */
  async exported() {
    const { bundle } = await this.#worker.ask({ op: 'export' });
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
    const explorer = stored ? await explorerOf(stored) : null;
    let articles = /** @type {Article[]} */ ([]);
    if (explorer) {
      const { articles: read } = await outline(explorer.outlineText(), explorer.outline(), (a) => explorer.blocks(a));
      for (const article of read) {
        article.mine = true;
        // Apart from the site's names (the URL's `a=`), whatever the file was called.
        article.name = `mine/${article.name}`;
      }
      articles = read;
    }
    const old = this.explorer;
    this.explorer = explorer;
    this.articles = articles;
    this.list = stored?.list ?? [];
    old?.free();
    for (const listener of this.listeners) listener();
  }
}

/**
 * Asks the browser to keep this origin's storage under storage pressure (it may ask
 * the reader, or decide alone).
 */
function keepStored() {
  navigator.storage?.persist?.().catch(() => {});
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

