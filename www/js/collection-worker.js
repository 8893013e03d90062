// The reader's collection, off the page's main thread: its store (store.js, IndexedDB),
// and the builder edition of the wasm (src/wasm/builder.rs) — the parser and the index
// build the site's articles go through. The page (collection.js) asks, one request at a
// time, and shows what it is answered; every copy of the articles' bytes and every
// write happens here.
//
// - `{op: 'open', wasm}` → `{kept, stored}`: the builder's wasm (a URL, or its bytes:
//   loaded when first needed), and the collection this device keeps (null: none; `kept`:
//   whether it keeps any);
// - `{op: 'expand', files: [{name, bytes}]}` → `{files, refused: [{name, why}]}`: a
//   bundle (`articles.txt`, an export) becomes its articles; one that is not is refused;
// - `{op: 'add', files}` → `{stored, refused}`: the collection with `files` added (one of
//   a name already there replaces it), each parsed (one that is not an article is
//   refused, with the reason), as a site's data files — written, then answered;
// - `{op: 'remove', names}` → `{stored}`: without the articles named (null: all);
// - `{op: 'export'}` → `{bundle}`: the collection as one bundle.
//
// Every answer is `{id, ok: true, …}` or `{id, ok: false, error, full}` (full: the write
// went over the storage quota, and the collection is as it was).

import init, { buildCollection, filesOf, writeBundle } from '../pkg/builder.js';
import { StorageError, Store } from './store.js';

/**
 * @typedef {{name: string, bytes: Uint8Array}} NamedBytes
 * @typedef {import('./store.js').Stored} Stored
 */

/** The builder's wasm, as the page said. @type {string|Uint8Array|undefined} */
let wasm;
/** @type {Promise<unknown>|undefined} */
let loaded;
/** This device's store (null: it keeps none). @type {Store|null} */
let store = null;
/** The collection as stored (null: none). @type {Stored|null} */
let current = null;

/** Loads the builder once. */
const builder = () => (loaded ??= init({ module_or_path: wasm }));

/**
 * The files end to end, for the wasm: their names, their bytes, their lengths.
 * @param {NamedBytes[]} files
 * @returns {[string[], Uint8Array, Uint32Array]}
 */
function packed(files) {
  const all = new Uint8Array(files.reduce((n, f) => n + f.bytes.length, 0));
  files.reduce((at, f) => (all.set(f.bytes, at), at + f.bytes.length), 0);
  return [files.map((f) => f.name), all, Uint32Array.from(files, (f) => f.bytes.length)];
}

/**
 * The collection's articles, from its chunks (each a bundle).
 * @returns {NamedBytes[]}
 */
const articles = () => (current?.chunks ?? []).flatMap((chunk) => /** @type {Array<[string, Uint8Array]>} */ (filesOf('', chunk))
  .map(([name, bytes]) => ({ name, bytes })));

/**
 * Builds `files` in order as the collection, writes it, and makes it the current one;
 * an empty one is removed. Throws a StorageError when the store would not take it (the
 * stored one is then as it was).
 * @param {NamedBytes[]} files
 * @returns {Promise<{stored: Stored|null, refused: Array<{name: string, why: string}>}>}
 */
async function replaceWith(files) {
  if (!files.length) {
    await store?.write(null);
    current = null;
    return { stored: null, refused: [] };
  }
  const [head, shards, all, lengths, refused] = buildCollection(...packed(files));
  /** @type {Uint8Array[]} */
  const chunks = [];
  let at = 0;
  for (const length of /** @type {Uint32Array} */ (lengths)) {
    chunks.push(all.slice(at, at + length));
    at += length;
  }
  const out = new Set(/** @type {Array<[string, string]>} */ (refused).map(([name]) => name));
  const list = files.filter((f) => !out.has(f.name)).map((f) => ({ name: f.name, bytes: f.bytes.length }));
  /** @type {Stored|null} */
  const next = list.length ? { head, shards, chunks, list } : null;
  await store?.write(next);
  current = next;
  return {
    stored: next,
    refused: /** @type {Array<[string, string]>} */ (refused).map(([name, why]) => ({ name, why })),
  };
}

/** @param {any} request */
async function answer(request) {
  switch (request.op) {
    case 'open': {
      wasm = request.wasm;
      store = await Store.open();
      current = (await store?.read().catch(() => null)) ?? null;
      return { kept: !!store, stored: current };
    }
    case 'expand': {
      await builder();
      /** @type {NamedBytes[]} */
      const files = [];
      const refused = [];
      for (const { name, bytes } of /** @type {NamedBytes[]} */ (request.files)) {
        try {
          for (const [inner, b] of /** @type {Array<[string, Uint8Array]>} */ (filesOf(name, bytes))) files.push({ name: inner, bytes: b });
        } catch (error) {
          refused.push({ name, why: String(/** @type {Error} */ (error)?.message ?? error) });
        }
      }
      return { files, refused };
    }
    case 'add': {
      await builder();
      const added = /** @type {NamedBytes[]} */ (request.files);
      const names = new Set(added.map((f) => f.name));
      return replaceWith([...articles().filter((f) => !names.has(f.name)), ...added]);
    }
    case 'remove': {
      if (request.names === null) return replaceWith([]);
      await builder();
      const names = new Set(/** @type {string[]} */ (request.names));
      return replaceWith(articles().filter((f) => !names.has(f.name)));
    }
    case 'export': {
      await builder();
      return { bundle: writeBundle(...packed(articles())) };
    }
    default:
      throw new Error(`unknown request ${request.op}`);
  }
}

globalThis.addEventListener('message', async (event) => {
  const request = /** @type {MessageEvent} */ (event).data;
  try {
    const reply = /** @type {Record<string, any>} */ (await answer(request));
    // What the page keeps is copied (the worker keeps the collection too); what only
    // the page needs moves to it.
    /** @type {ArrayBuffer[]} */
    const moved = [];
    if (request.op === 'expand') for (const f of reply.files ?? []) moved.push(f.bytes.buffer);
    if (request.op === 'export') moved.push(reply.bundle.buffer);
    globalThis.postMessage({ id: request.id, ok: true, ...reply }, { transfer: moved });
  } catch (error) {
    globalThis.postMessage({
      id: request.id,
      ok: false,
      error: String(/** @type {Error} */ (error)?.message ?? error),
      full: error instanceof StorageError && error.full,
    });
  }
});
