// "Your articles": adding the reader's own articles (a file picker, a folder, a drop on
// the explorer, pasted text), the list of them with their sizes, removing them, and the
// export. The work is the collection's (collection.js); this is its face. Names and texts
// are shown as text only.

import { el, plural, setText } from './dom.js';
import { Collection } from './collection.js';

/**
 * @typedef {import('./collection.js').NamedFile} NamedFile
 * @typedef {import('./collection.js').Outcome} Outcome
 */

/** @param {number} bytes */
const size = (bytes) => (bytes < 1000 ? `${bytes} B` : bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`);

/**
 * A file's name for a pasted article: its first line, cut and made safe as a name.
 * @param {string} text
 */
export function pastedName(text) {
  const line = text.split(/\r\n|\r|\n/).map((l) => l.trim()).find((l) => l !== '') ?? 'Pasted article';
  const name = line.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80).trim();
  return `${name || 'Pasted article'}.txt`;
}

/**
 * Whether a file found in a folder is an article to add: a text file, not a hidden one.
 * @param {string} path
 */
const isArticleFile = (path) => /\.txt$/i.test(path) && !path.split('/').some((part) => part.startsWith('.'));

/**
 * The files of a drop: each file, and a folder's `.txt` files (walked). A file is taken
 * as the drop gave it, not through its entry (WebKit gives no path to a file made in
 * the page).
 * @param {import('./yours-door.js').Dropped} items
 * @returns {Promise<File[]>}
 */
async function dropped(items) {
  /** @type {File[]} */
  const files = [];
  /** @param {FileSystemEntry} entry */
  const walk = async (entry) => {
    if (entry.isFile) {
      const file = await new Promise((resolve, reject) => /** @type {FileSystemFileEntry} */ (entry).file(resolve, reject));
      const path = entry.fullPath.replace(/^\//, '');
      // A folder's text files, by their path in it.
      if (isArticleFile(path)) files.push(named(file, path));
    } else if (entry.isDirectory) {
      const reader = /** @type {FileSystemDirectoryEntry} */ (entry).createReader();
      for (;;) {
        const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
        if (!batch.length) break;
        for (const inner of batch) await walk(inner);
      }
    }
  };
  for (const { file, entry } of items) {
    if (entry?.isDirectory) await walk(entry);
    else if (file) files.push(file);
  }
  return files;
}

/** The path a file was found at (in a folder), kept beside it. @type {WeakMap<File, string>} */
const paths = new WeakMap();

/**
 * @param {File} file
 * @param {string} path
 */
function named(file, path) {
  paths.set(file, path);
  return file;
}

/**
 * Files with their names: a folder's by their path in it. (Their bytes are read in the
 * collection's worker, off the main thread.)
 * @param {File[]} files
 * @returns {NamedFile[]}
 */
const withNames = (files) => files.map((file) => ({ name: paths.get(file) || file.webkitRelativePath || file.name, file }));

/**
 * The reader's own articles in an explorer: "Your articles" filled, the collection this
 * device keeps shown and searched with the site's from now on.
 * @param {{section: HTMLDetailsElement, engine: import('./combined.js').Combined,
 *   builder: {worker: URL, wasm: URL|Promise<Uint8Array>}}} where
 * @returns {Promise<{collection: Collection, drop: (d: import('./yours-door.js').Dropped) => void}>}
 *   once the kept collection is shown; drop: adds a drop's files (yours-door.js)
 */
export async function openYours({ section, engine, builder }) {
  const collection = new Collection(builder);
  engine.attach(collection);
  const drop = mountYours({ section, collection });
  await collection.restore().catch((error) => console.info(`article-explorer: your articles could not be read: ${error}`));
  return { collection, drop };
}

/**
 * Fills "Your articles", `section` (its summary there already).
 * @param {{section: HTMLDetailsElement, collection: Collection}} where
 * @returns {(d: import('./yours-door.js').Dropped) => void} adds a drop's files
 */
export function mountYours({ section, collection }) {
  const summary = section.querySelector('summary') ?? el('summary');
  const about = el('p', 'yours-about', 'Add your own articles to search them with these: text files in this site\'s format (a title line, then the text), a folder of them, or a bundle. ');
  const where = el('span');
  about.append(where);

  const files = /** @type {HTMLInputElement} */ (el('input'));
  Object.assign(files, { type: 'file', multiple: true, accept: '.txt,text/plain', id: 'add-files', className: 'visually-hidden' });
  const filesLabel = el('label', 'button', 'Add files…');
  filesLabel.htmlFor = 'add-files';
  const folder = /** @type {HTMLInputElement} */ (el('input'));
  Object.assign(folder, { type: 'file', id: 'add-folder', className: 'visually-hidden' });
  folder.setAttribute('webkitdirectory', '');
  const folderLabel = el('label', 'button', 'Add a folder…');
  folderLabel.htmlFor = 'add-folder';
  const pasteButton = el('button', undefined, 'Paste an article…');
  pasteButton.type = 'button';
  const exportButton = el('button', 'export', 'Export');
  exportButton.type = 'button';
  exportButton.title = 'Save your articles as one file, to add in another browser or search with the command line';
  const removeAll = el('button', 'remove-all', 'Remove all');
  removeAll.type = 'button';
  const actions = el('div', 'yours-actions');
  actions.append(files, filesLabel);
  if ('webkitdirectory' in folder) actions.append(folder, folderLabel);
  actions.append(pasteButton, exportButton, removeAll);

  const paste = el('form', 'paste');
  paste.hidden = true;
  const pasteLabel = el('label', undefined, 'The article: its title on the first line, then its text');
  const textarea = el('textarea');
  textarea.id = 'paste-text';
  textarea.rows = 8;
  pasteLabel.htmlFor = 'paste-text';
  const addPasted = el('button', undefined, 'Add it');
  addPasted.type = 'submit';
  const cancel = el('button', undefined, 'Cancel');
  cancel.type = 'button';
  paste.append(pasteLabel, textarea, addPasted, cancel);

  const progress = el('p', 'yours-progress');
  progress.setAttribute('role', 'status');
  progress.setAttribute('aria-live', 'polite');
  const outcome = el('div', 'yours-outcome');
  outcome.setAttribute('role', 'alert');
  const count = el('p', 'yours-count');
  const list = el('ul', 'yours-list');

  const dialog = el('dialog', 'replace');
  const question = el('p');
  const replaceButton = el('button', undefined, 'Replace them');
  replaceButton.value = 'replace';
  const keepButton = el('button', undefined, 'Keep the ones here');
  keepButton.value = 'keep';
  const dialogForm = el('form');
  dialogForm.method = 'dialog';
  dialogForm.append(question, replaceButton, keepButton);
  dialog.append(dialogForm);

  section.replaceChildren(summary, about, actions, paste, progress, outcome, count, list, dialog);

  /**
   * Asks whether files of names already here replace them.
   * @param {string[]} names
   * @returns {Promise<boolean>}
   */
  const replace = (names) => new Promise((resolve) => {
    const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? `, and ${names.length - 5} more` : '');
    setText(question, `${names.length === 1 ? 'An article' : `${names.length} articles`} of the same name ${names.length === 1 ? 'is' : 'are'} already here: ${shown}. Replace ${names.length === 1 ? 'it' : 'them'}?`);
    dialog.returnValue = '';
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'replace'), { once: true });
    dialog.showModal();
  });

  /**
   * Says how an add went: what was added, each file refused and why, and why the rest
   * was not (the device would not keep it).
   * @param {Outcome} result
   */
  const tell = (result) => {
    outcome.replaceChildren();
    const lines = [];
    if (result.added) lines.push(el('p', 'added', `Added ${plural(result.added, 'article', 'articles')}.`));
    if (result.refused.length) {
      lines.push(el('p', undefined, `Not added, as ${result.refused.length === 1 ? 'it is not an article' : 'they are not articles'}:`));
      const refusedList = el('ul', 'refused');
      for (const r of result.refused) refusedList.append(el('li', undefined, `${r.name}: ${r.why}`));
      lines.push(refusedList);
    }
    if (result.failed) lines.push(el('p', 'failed', result.failed));
    outcome.append(...lines);
  };

  /**
   * Adds files, then says how it went.
   * @param {Promise<NamedFile[]>|NamedFile[]} reading
   */
  const add = async (reading) => {
    section.open = true;
    try {
      const named = await reading;
      if (!named.length) return;
      tell(await collection.add(named, replace));
    } catch (error) {
      outcome.replaceChildren(el('p', 'failed', `The articles could not be added: ${/** @type {Error} */ (error)?.message ?? error}`));
    }
  };

  files.addEventListener('change', () => {
    const chosen = Array.from(files.files ?? []);
    files.value = '';
    add(withNames(chosen));
  });
  folder.addEventListener('change', () => {
    const chosen = Array.from(folder.files ?? []).filter((f) => isArticleFile(f.webkitRelativePath || f.name));
    folder.value = '';
    add(withNames(chosen));
  });
  pasteButton.addEventListener('click', () => {
    paste.hidden = false;
    textarea.focus();
  });
  cancel.addEventListener('click', () => {
    paste.hidden = true;
    textarea.value = '';
  });
  paste.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = textarea.value;
    if (!text.trim()) return;
    paste.hidden = true;
    textarea.value = '';
    add([{ name: pastedName(text), file: new Blob([text], { type: 'text/plain' }) }]);
  });
  exportButton.addEventListener('click', async () => {
    const blob = await collection.exported();
    const link = el('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'my-articles.txt';
    link.hidden = true;
    section.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  });
  removeAll.addEventListener('click', async () => {
    const why = await collection.remove(null);
    outcome.replaceChildren(...(why ? [el('p', 'failed', why)] : []));
  });

  collection.progress.add((text) => setText(progress, text));
  const show = () => {
    setText(where, collection.kept
      ? 'They stay on this device and are never sent anywhere.'
      : 'This browser gives the page no storage: they are kept for this visit only.');
    const n = collection.list.length;
    setText(summary, n ? `Your articles (${n.toLocaleString('en')})` : 'Your articles');
    const bytes = collection.list.reduce((sum, a) => sum + a.bytes, 0);
    setText(count, n ? `${plural(n, 'article', 'articles')}, ${size(bytes)}${collection.kept ? ', kept on this device' : ''}.` : 'None yet.');
    exportButton.disabled = removeAll.disabled = n === 0;
    list.replaceChildren(...collection.list.map(({ name, bytes: b }) => {
      const item = el('li');
      const remove = el('button', 'remove', 'Remove');
      remove.type = 'button';
      remove.setAttribute('aria-label', `Remove ${name}`);
      remove.addEventListener('click', async () => {
        const why = await collection.remove([name]);
        outcome.replaceChildren(...(why ? [el('p', 'failed', why)] : []));
      });
      item.append(el('span', 'name', name), el('span', 'size', size(b)), remove);
      return item;
    }));
  };
  collection.listeners.add(show);
  show();
  // A drop anywhere on the explorer adds its files (a folder's text files).
  return (d) => add(dropped(d).then(withNames));
}
