// <article-explorer>: the explorer as a custom element for any site.
//
//   <script type="module" src="https://…/article-explorer.js"></script>
//   <article-explorer query="Seoul" theme="auto"></article-explorer>
//
// Attributes: query (the initial query; later changes search), article (the file name of
// the article to open first), compact (the list with snippets only, no article view; read
// once, at start), theme (light | dark | auto, the default: follows the reader's system),
// yours (the reader may add their own articles, kept in this host page's origin; read
// once, at start — a host opts in: its storage, its visitors' files).
// Property `results` (the last result) and method `search(q)`; events `results` (detail:
// {query, total, articles, highlighting}) and `select` (detail: {index, name, title,
// lede}). A shadow root keeps the host's CSS out and this CSS in; theme it with the
// --ae-* custom properties and the parts explorer, bar, input, list, item, article, mark.
// Every instance shares one wasm module and one index, loaded relative to this script's
// own URL (import.meta.url), so it works from any path or origin (cross-origin hosting
// needs `Access-Control-Allow-Origin` on this site's files: see the README).

import { loadEngine } from './js/engine.js';
import { createUi, yoursSection } from './js/ui.js';
import { App } from './js/app.js';
import { combine } from './js/combined.js';
import { keepsAny, offerYours } from './js/yours-door.js';

const STYLESHEET = new URL('./style.css', import.meta.url).href;

/** @typedef {import('./js/engine.js').Result} Result */
/**
 * The events' details.
 * @typedef {{query: string, total: number, articles: number, highlighting: boolean}} ResultsDetail
 * @typedef {{index: number, name: string, title: string, lede: string|null}} SelectDetail
 */

export class ArticleExplorer extends HTMLElement {
  static observedAttributes = ['query', 'theme'];

  /** @type {App|undefined} */
  #app;
  #ui = createUi({ tips: false });
  /** @type {Result|null} */
  #results = null;
  /** @type {string|null} a search() call made before the engine was ready */
  #pending = null;
  #started = false;
  /**
   * Resolves when the explorer has shown its first result (rejects if it cannot load).
   * @type {Promise<ArticleExplorer>}
   */
  ready;
  /** @type {(explorer: ArticleExplorer) => void} */
  #resolveReady = () => {};
  /** @type {(error: unknown) => void} */
  #rejectReady = (_) => {};

  constructor() {
    super();
    this.ready = new Promise((resolve, reject) => {
      this.#resolveReady = resolve;
      this.#rejectReady = reject;
    });
    this.ready.catch(() => {}); // reported in the element; no unhandled rejection
    const shadow = this.attachShadow({ mode: 'open' });
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = STYLESHEET;
    shadow.append(link, this.#ui.root);
  }

  connectedCallback() {
    this.#applyTheme();
    if (this.#started) return;
    this.#started = true;
    const tools = this.#ui.root.querySelector('.tools');
    if (this.hasAttribute('yours') && !this.hasAttribute('compact') && tools) this.#ui.yours = yoursSection(tools);
    loadEngine((text) => {
      if (this.#app) this.#app.progress(text);
      else if (text) this.#ui.status.textContent = text;
    }, this.getAttribute('query') ?? undefined).then((site) => {
      const engine = combine(site);
      const yours = offerYours({ root: this.#ui.root, section: this.#ui.yours, engine });
      this.#app = new App(this.#ui, engine, {
        compact: this.hasAttribute('compact'),
        // A passage's link opens the explorer's own page, beside this script.
        linkBase: new URL('./index.html', import.meta.url).href,
        onResults: (result) => {
          this.#results = result;
          this.dispatchEvent(new CustomEvent('results', {
            bubbles: true,
            detail: {
              query: result.query,
              total: result.total,
              articles: result.articles.length,
              highlighting: result.highlighting,
            },
          }));
        },
        onSelect: (index) => {
          const { name, title, lede } = engine.articles[index];
          this.dispatchEvent(new CustomEvent('select', { bubbles: true, detail: { index, name, title, lede } }));
        },
      });
      return this.#app.start(this.#pending ?? this.getAttribute('query') ?? '', this.getAttribute('article'))
        .then(async () => {
          // The reader's own articles this origin keeps, shown before `ready`.
          if (yours && await keepsAny()) await yours();
          this.#resolveReady(this);
        });
    }).catch((error) => {
      const ui = this.#ui;
      ui.error.hidden = false;
      ui.error.textContent = `The search engine could not be loaded. ${error?.message ?? error}`;
      ui.status.textContent = '';
      ui.input.disabled = true;
      this.#rejectReady(error);
    });
  }

  /**
   * @param {string} name
   * @param {string|null} old
   * @param {string|null} value
   */
  attributeChangedCallback(name, old, value) {
    if (name === 'theme') this.#applyTheme();
    if (name === 'query' && old !== value && this.#app) this.#app.search(value ?? '');
  }

  /**
   * Runs a query, as if typed into this explorer's field.
   * @param {string} query
   */
  search(query) {
    const q = String(query ?? '');
    if (this.#app) this.#app.search(q);
    else this.#pending = q;
  }

  /** The last result (null before the first). */
  get results() {
    return this.#results;
  }

  #applyTheme() {
    const theme = this.getAttribute('theme');
    if (theme === 'light' || theme === 'dark') this.#ui.root.dataset.theme = theme;
    else delete this.#ui.root.dataset.theme;
  }
}

if (!customElements.get('article-explorer')) customElements.define('article-explorer', ArticleExplorer);
