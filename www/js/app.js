// One explorer's state and behaviour: the search field, the list, the article view, match
// navigation and (for the page) the URL. The page and each <article-explorer> element
// run one App each over their own DOM; all share one engine.

import { readHash, writeHash } from './segments.js';
import { ArticleList, renderArticle, el, plural } from './render.js';

/** A typing burst is one history entry: a new entry after this long without input. */
const HISTORY_PAUSE_MS = 1000;

/**
 * @typedef {import('./engine.js').Result} Result
 * @typedef {import('./ui.js').Ui} Ui
 * @typedef {{articles: import('./engine.js').Article[], search: (q: string) => Result}} Engine
 * @typedef {{history?: boolean, compact?: boolean,
 *   onResults?: (result: Result) => void,
 *   onSelect?: (index: number) => void}} Options
 *   history: keep the query and article in the URL (#q=…&a=…) and follow back/forward;
 *   compact: the list with snippets only, no article view.
 */

export class App {
  /**
   * @param {Ui} ui
   * @param {Engine} engine
   * @param {Options} [options]
   */
  constructor(ui, engine, options = {}) {
    this.ui = ui;
    this.engine = engine;
    this.options = options;
    /** @type {Result} */
    this.result = engine.search('');
    this.selected = -1;
    /** @type {HTMLElement[]} */
    this.marks = [];
    this.current = -1;
    /** When the field last changed; the first search after loading always pushes. */
    this.lastInput = -Infinity;
    this.list = new ArticleList(ui.list, engine.articles, (i) => {
      this.show(i, 0);
      this.syncUrl('push');
      if (!options.compact) ui.view.focus({ preventScroll: true });
    }, { compact: !!options.compact });
    ui.root.classList.toggle('compact', !!options.compact);

    ui.input.addEventListener('input', () => {
      const now = performance.now();
      const mode = now - this.lastInput > HISTORY_PAUSE_MS ? 'push' : 'replace';
      this.lastInput = now;
      this.run(ui.input.value, null);
      this.syncUrl(mode);
    });
    ui.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        this.step(e.shiftKey ? -1 : 1);
      }
    });
    ui.prev.addEventListener('click', () => this.step(-1));
    ui.next.addEventListener('click', () => this.step(1));
    ui.toggle.addEventListener('change', () => this.show(this.selected, 0));
    if (options.history) {
      window.addEventListener('popstate', () => {
        const v = readHash(location.hash);
        ui.input.value = v.q;
        this.run(v.q, v.a);
      });
    }
  }

  /**
   * Shows the first view: the query (also in the field) and, if it matches, that article.
   * @param {string} query
   * @param {string|null} article file name
   */
  start(query, article) {
    this.ui.input.value = query;
    this.run(query, article);
  }

  /** Runs a query as if typed (for the element's search() method). */
  search(query) {
    this.ui.input.value = query;
    this.run(query, null);
  }

  /** Runs a query and renders everything; keeps article `name` selected if it matches. */
  run(q, name) {
    const { engine, ui } = this;
    const result = engine.search(q);
    this.result = result;
    const active = q.trim() !== '';
    const hidden = this.list.update(result, active, engine.articles);
    ui.hiddenCount.textContent = hidden ? `${plural(hidden, 'article', 'articles')} hidden (no match)` : '';
    const byName = name === null ? -1 : engine.articles.findIndex((a) => a.name === name);
    const inResult = (i) => result.articles.some((h) => h.article === i);
    const pick = inResult(byName) ? byName
      : inResult(this.selected) && name === null ? this.selected
      : result.articles[0]?.article ?? -1;
    this.announce(q);
    this.show(pick, 0, false);
    this.options.onResults?.(result);
  }

  announce(q) {
    const { ui, result } = this;
    ui.suggest.replaceChildren();
    const n = result.articles.length;
    let text;
    if (!q.trim() || !result.highlighting) {
      text = plural(n, 'article', 'articles');
    } else if (result.total === 0) {
      text = 'No matches.';
      for (const s of result.suggestions) {
        const b = el('button', 'suggestion', `Drop ${s.drop} (${plural(s.articles, 'article', 'articles')})`);
        b.type = 'button';
        b.addEventListener('click', () => {
          ui.input.value = s.without;
          this.run(s.without, null);
          this.syncUrl('push');
        });
        ui.suggest.append(b);
      }
      if (!result.suggestions.length) text = `No matches: no article has ${q.trim()}.`;
    } else {
      text = `${plural(result.total, 'match', 'matches')} in ${plural(n, 'article', 'articles')}`;
    }
    if (result.notice) text += ` ${result.notice}`;
    ui.status.textContent = text;
  }

  /** Shows article `index` with its mark `at` current (-1: none). */
  show(index, at, notify = true) {
    const { ui, result, engine } = this;
    const changed = index !== this.selected;
    this.selected = index;
    this.list.select(index);
    if (this.options.compact) {
      this.marks = [];
    } else if (index < 0) {
      ui.view.replaceChildren(el('p', 'empty', 'No article matches this search.'));
      this.marks = [];
    } else {
      const hit = result.highlighting ? result.articles.find((h) => h.article === index) : undefined;
      this.marks = renderArticle(ui.view, engine.articles[index], hit, ui.toggle.checked);
    }
    this.setCurrent(this.marks.length ? at : -1);
    if (notify && changed && index >= 0) this.options.onSelect?.(index);
  }

  /** Moves to the next (+1) or previous (-1) match, across articles in result order. */
  step(direction) {
    const { result } = this;
    if (!result.total || this.options.compact) return;
    const next = this.current + direction;
    if (next >= 0 && next < this.marks.length) {
      this.setCurrent(next);
      return;
    }
    const order = result.articles.filter((h) => h.matches > 0);
    const here = order.findIndex((h) => h.article === this.selected);
    const target = order[(here + direction + order.length) % order.length];
    this.show(target.article, direction > 0 ? 0 : target.matches - 1);
    this.syncUrl('replace');
  }

  setCurrent(at) {
    const { ui, result } = this;
    this.marks[this.current]?.classList.remove('current');
    this.current = at;
    const mark = this.marks[at];
    if (mark) {
      mark.classList.add('current');
      const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      mark.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
    }
    const before = result.articles.findIndex((h) => h.article === this.selected);
    const offset = result.articles.slice(0, Math.max(0, before)).reduce((sum, h) => sum + h.matches, 0);
    ui.position.textContent = mark ? `${offset + at + 1} of ${result.total}` : `0 of ${result.total}`;
    ui.prev.disabled = ui.next.disabled = !result.total;
  }

  /** The URL follows the view (page only). */
  syncUrl(mode) {
    if (!this.options.history) return;
    const hash = writeHash({ q: this.ui.input.value, a: this.engine.articles[this.selected]?.name ?? null });
    if (hash === (location.hash || '#')) return;
    if (mode === 'push') history.pushState(null, '', hash);
    else history.replaceState(null, '', hash);
  }
}
