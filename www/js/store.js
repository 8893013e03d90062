// The reader's own articles on this device: one IndexedDB record per origin, written
// whole in one transaction, so what is stored is always one whole collection — a write
// that fails (the quota exceeded) leaves the one before it intact. Nothing is sent
// anywhere. Used in the collection's worker (collection-worker.js), off the main thread.

/** The IndexedDB database the reader's articles are kept in. */
export const DB = 'article-explorer';

const STORE = 'collection';
const KEY = 'mine';

/**
 * The collection as stored: its articles as a site's data files (docs/format.md: the
 * index's head and shards, the articles in chunks, each a bundle, so the chunks are the
 * articles' texts byte for byte) and what the "Your articles" list shows.
 * @typedef {{head: Uint8Array, shards: Uint8Array, chunks: Uint8Array[],
 *   list: Array<{name: string, bytes: number}>}} Stored
 */

/**
 * Why the device would not keep a write: the quota exceeded, or no storage at all.
 */
export class StorageError extends Error {
  /**
   * @param {string} message
   * @param {boolean} full the quota was exceeded
   */
  constructor(message, full) {
    super(message);
    this.full = full;
  }
}

/** @param {IDBRequest|IDBTransaction} request @returns {Promise<any>} */
const done = (request) => new Promise((resolve, reject) => {
  if (request instanceof IDBTransaction) {
    request.oncomplete = () => resolve(undefined);
    request.onabort = request.onerror = () => reject(request.error ?? new Error('the write was aborted'));
  } else {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  }
});

/**
 * The error a failed write is told as.
 * @param {unknown} error
 */
function storageError(error) {
  const name = /** @type {{name?: string}} */ (error)?.name;
  if (name === 'QuotaExceededError') {
    return new StorageError('This device has no room left for them (the browser\'s storage quota is used up)', true);
  }
  return new StorageError(`This device would not keep them (${/** @type {Error} */ (error)?.message ?? error})`, false);
}

export class Store {
  /** @param {IDBDatabase} db */
  constructor(db) {
    this.db = db;
  }

  /**
   * This origin's store, or null where the browser gives the page none (IndexedDB
   * missing or refused, as in some private windows).
   * @returns {Promise<Store|null>}
   */
  static async open() {
    if (typeof indexedDB === 'undefined') return null;
    try {
      const request = indexedDB.open(DB, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      return new Store(await done(request));
    } catch {
      return null;
    }
  }

  /**
   * The stored collection, or null.
   * @returns {Promise<Stored|null>}
   */
  async read() {
    const request = this.db.transaction(STORE, 'readonly').objectStore(STORE).get(KEY);
    const value = await done(request);
    return value ?? null;
  }

  /**
   * Replaces the stored collection whole (null: removes it). Throws a StorageError,
   * and then the collection stored before is still there, as it was.
   * @param {Stored|null} collection
   */
  async write(collection) {
    try {
      const transaction = this.db.transaction(STORE, 'readwrite');
      const store = transaction.objectStore(STORE);
      if (collection) store.put(collection, KEY);
      else store.delete(KEY);
      await done(transaction);
    } catch (error) {
      throw storageError(error);
    }
  }
}
