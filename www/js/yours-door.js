// What the first load carries of "Your articles": whether this device keeps any of the
// reader's own articles, and what brings in the rest of their code (yours.js, a chunk of
// its own) — opening the section, or a drop of files on the explorer. A reader who never
// adds any never downloads it.

import { BUILDER_WASM_SOURCE, WORKER_SOURCE } from './sources.js';
import { DB } from './store.js';

/**
 * Whether this device may keep articles of the reader's: their database exists (or the
 * browser cannot tell without opening it, which would create it).
 * @returns {Promise<boolean>}
 */
export async function keepsAny() {
  if (typeof indexedDB === 'undefined') return false;
  if (!indexedDB.databases) return true;
  try {
    return (await indexedDB.databases()).some((d) => d.name === DB);
  } catch {
    return true;
  }
}

/**
 * A drop's files, taken while its event runs (its DataTransfer is unreadable after):
 * each file with its entry (a folder's, to walk it; null where the browser gives none).
 * @typedef {Array<{file: File|null, entry: FileSystemEntry|null}>} Dropped
 * @param {DataTransfer} data
 * @returns {Dropped}
 */
function taken(data) {
  const items = Array.from(data.items ?? []).filter((item) => item.kind === 'file');
  if (!items.length) return Array.from(data.files, (file) => ({ file, entry: null }));
  return items.map((item) => ({ file: item.getAsFile(), entry: item.webkitGetAsEntry?.() ?? null }));
}

/**
 * Brings in the rest when the reader opens "Your articles" or drops files on the
 * explorer (`root`); a drop is then added.
 * @param {HTMLElement} root
 * @param {HTMLDetailsElement} section
 * @param {() => Promise<{drop: (dropped: Dropped) => void}|null>} open
 */
export function watchYours(root, section, open) {
  section.addEventListener('toggle', () => {
    if (section.open) open();
  });
  const carriesFiles = (/** @type {DragEvent} */ e) => !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');
  root.addEventListener('dragover', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    root.classList.add('dropping');
  });
  root.addEventListener('dragleave', (e) => {
    if (!root.contains(/** @type {Node|null} */ (e.relatedTarget))) root.classList.remove('dropping');
  });
  root.addEventListener('drop', (e) => {
    root.classList.remove('dropping');
    if (!carriesFiles(e) || !e.dataTransfer) return;
    e.preventDefault();
    const dropped = taken(e.dataTransfer);
    open().then((yours) => yours?.drop(dropped));
  });
}

/**
 * The reader's own articles in an explorer, where the edition can index them: "Your
 * articles" (`section`) filled, and the collection searched with the site's, once the
 * reader opens it or drops files on `root` — or at once, when `now` says so (this device
 * keeps some, or the view asks for one of them).
 * @param {{root: HTMLElement, section: HTMLDetailsElement|null,
 *   engine: import('./combined.js').Combined}} where
 * @returns {(() => Promise<unknown>)|null} brings it all in (null: the edition cannot)
 */
export function offerYours({ root, section, engine }) {
  if (!WORKER_SOURCE || !BUILDER_WASM_SOURCE || !section) return null;
  const builder = { worker: WORKER_SOURCE, wasm: BUILDER_WASM_SOURCE() };
  /** @type {ReturnType<typeof import('./yours.js').openYours>|undefined} */
  let opened;
  const open = () => (opened ??= import('./yours.js').then(({ openYours }) => openYours({ section, engine, builder })));
  watchYours(root, section, open);
  return open;
}
