// The worker that indexes the reader's own articles, off the page's main thread: the
// builder edition of the wasm (src/wasm/builder.rs) — the parser and the index build the
// site's articles go through. Asked by collection.js, one request at a time:
//
// - `{op: 'init', wasm}`: loads the builder from `wasm` (a URL, or its bytes);
// - `{op: 'expand', files: [{name, bytes}]}` → `{files: [{name, bytes}], refused:
//   [{name, why}]}`: a bundle (`articles.txt`, an exported collection) becomes its
//   articles; a bundle that is not one is refused;
// - `{op: 'build', chunks, files}` → `{head, shards, chunks, names, refused}`: the
//   articles of the stored chunks, then `files` (a file of the same name replaces the
//   one there), each parsed (one that is not an article is refused, with the reason), as
//   a site's data files;
// - `{op: 'remove', chunks, names}` → as `build`, without the articles named;
// - `{op: 'export', chunks}` → `{bundle}`: the articles of the chunks as one bundle.
//
// Every answer is `{id, ok: true, …}` or `{id, ok: false, error}`.

import init, { buildCollection, filesOf, writeBundle } from '../pkg/builder.js';

/** @typedef {{name: string, bytes: Uint8Array}} File_ */

/**
 * The files end to end, for the wasm: their names, their bytes, their lengths.
 * @param {File_[]} files
 * @returns {[string[], Uint8Array, Uint32Array]}
 */
function packed(files) {
  const all = new Uint8Array(files.reduce((n, f) => n + f.bytes.length, 0));
  files.reduce((at, f) => (all.set(f.bytes, at), at + f.bytes.length), 0);
  return [files.map((f) => f.name), all, Uint32Array.from(files, (f) => f.bytes.length)];
}

/**
 * The articles of stored chunks (each a bundle).
 * @param {Uint8Array[]} chunks
 * @returns {File_[]}
 */
const articlesOf = (chunks) => chunks.flatMap((chunk) => /** @type {Array<[string, Uint8Array]>} */ (filesOf('', chunk))
  .map(([name, bytes]) => ({ name, bytes })));

/**
 * A collection's data files, built from `files` in order.
 * @param {File_[]} files
 */
function build(files) {
  const [head, shards, all, lengths, refused] = buildCollection(...packed(files));
  /** @type {Uint8Array[]} */
  const chunks = [];
  let at = 0;
  for (const length of /** @type {Uint32Array} */ (lengths)) {
    chunks.push(all.slice(at, at + length));
    at += length;
  }
  const out = new Set(/** @type {Array<[string, string]>} */ (refused).map(([name]) => name));
  return {
    head,
    shards,
    chunks,
    list: files.filter((f) => !out.has(f.name)).map((f) => ({ name: f.name, bytes: f.bytes.length })),
    refused: /** @type {Array<[string, string]>} */ (refused).map(([name, why]) => ({ name, why })),
  };
}

/** @param {any} request */
async function answer(request) {
  switch (request.op) {
    case 'init':
      await init({ module_or_path: request.wasm });
      return {};
    case 'expand': {
      /** @type {File_[]} */
      const files = [];
      const refused = [];
      for (const { name, bytes } of /** @type {File_[]} */ (request.files)) {
        try {
          for (const [inner, b] of /** @type {Array<[string, Uint8Array]>} */ (filesOf(name, bytes))) files.push({ name: inner, bytes: b });
        } catch (error) {
          refused.push({ name, why: String(/** @type {Error} */ (error)?.message ?? error) });
        }
      }
      return { files, refused };
    }
    case 'build': {
      const added = /** @type {File_[]} */ (request.files);
      const names = new Set(added.map((f) => f.name));
      const kept = articlesOf(request.chunks).filter((f) => !names.has(f.name));
      return build([...kept, ...added]);
    }
    case 'remove': {
      const names = new Set(/** @type {string[]} */ (request.names));
      return build(articlesOf(request.chunks).filter((f) => !names.has(f.name)));
    }
    case 'export': {
      const bundle = writeBundle(...packed(articlesOf(request.chunks)));
      return { bundle };
    }
    default:
      throw new Error(`unknown request ${request.op}`);
  }
}

globalThis.addEventListener('message', async (event) => {
  const request = /** @type {MessageEvent} */ (event).data;
  try {
    const reply = await answer(request);
    // The bytes move to the page, not copied (each array has a buffer of its own).
    /** @type {Set<ArrayBuffer>} */
    const buffers = new Set();
    /** @param {unknown} v */
    const take = (v) => { if (v instanceof Uint8Array) buffers.add(/** @type {ArrayBuffer} */ (v.buffer)); };
    for (const value of Object.values(reply)) {
      take(value);
      if (Array.isArray(value)) for (const v of value) take(v?.bytes ?? v);
    }
    globalThis.postMessage({ id: request.id, ok: true, ...reply }, { transfer: [...buffers] });
  } catch (error) {
    globalThis.postMessage({ id: request.id, ok: false, error: String(/** @type {Error} */ (error)?.message ?? error) });
  }
});
