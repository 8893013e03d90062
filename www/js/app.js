// One explorer's state and behaviour: the search field, the list, the article view and
// match navigation. Parts of their own: the status line and its offers (status.js), the
// chips (chips.js), bringing the current mark into view (reveal.js) and, for the page,
// the URL (address.js). The page and each <article-explorer> element run one App each
// over their own DOM; all share one engine.

import { fieldText, readHash, writeHash } from './segments.js';
import { ArticleList } from './list.js';
import { afterFrame } from './tasks.js';
import { ArticleView } from './render.js';
import { el, plural, setText } from './dom.js';
import { PassageTools } from './passage.js';
import { Chips, toggled } from './chips.js';
import { Address } from './address.js';
import { Reveal } from './reveal.js';
import { Status } from './status.js';

/**
 * @typedef {import('./engine.js').Result} Result
 * @typedef {import('./ui.js').Ui} Ui
 * @typedef {{articles: import('./engine.js').Article[], search: (q: string, typing?: boolean) => Result,
 *   here?: (a: number) => boolean, onParts?: (listener: () => void) => void,
 *   nextParts?: () => Promise<void>,
 *   keyphrases?: () => import('./engine.js').Keyphrase[],
 *   articleKeyphrases?: (a: number) => import('./engine.js').Keyphrase[],
 *   authors?: () => import('./engine.js').Author[],
 *   onArticles?: (listener: () => void) => void}} Engine
 *   onArticles: told when articles were added or removed (the reader's own: combined.js);
 *   the keyphrase and author chips show when the engine gives them; here and onParts
 *   when the engine answers before all its parts have come (a pending answer is asked
 *   again when they have: the view is never shown from a partial one)
 * @typedef {{history?: boolean, compact?: boolean, linkBase?: string,
 *   onResults?: (result: Result) => void,
 *   onSelect?: (index: number) => void}} Options
 *   history: keep the query, article and current match in the URL (#q=…&a=…&m=…) and
 *   follow back/forward; compact: the list with snippets only, no article view;
 *   linkBase: the URL a passage's link starts with (the explorer's page, no hash).
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
    /** @type {Result} until start() runs the first query */
    this.result = { query: '', notice: null, total: 0, highlighting: false, articles: [], suggestions: [], didYouMean: null, respelled: [], dropped: false, pending: false };
    this.selected = -1;
    /** @type {HTMLElement[]} */
    this.marks = [];
    this.current = -1;
    /** The URL, when the explorer is the page's (`options.history`). */
    this.address = options.history
      ? new Address(() => ({ q: ui.input.value, a: engine.articles[this.selected]?.name ?? null, m: this.current + 1 }))
      : null;
    /** The status line and what it offers (status.js). */
    this.status = new Status(ui, (q) => this.replaceQuery(q));
    /** The topics, authors and key phrases. */
    this.chips = new Chips(ui, engine, (clause) => this.replaceQuery(toggled(ui.input.value, clause)));
    /**
     * What the view waits for, while the engine fetches parts it needs: the query and the
     * article name of a search that was not whole (it is run again when they come).
     * @type {{q: string, name: string|null, typing: boolean}|null}
     */
    this.waiting = null;
    /** The article shown before its text came (-1: none): rendered again when it does. */
    this.waitingArticle = -1;
    /** Whether the shown result was asked as typing (its last word open: engine `search`). */
    this.typing = false;
    /** The load's progress, shown while the view waits. */
    this.loadText = '';
    /** Resolves `shown`. @type {() => void} */
    this.settle = () => {};
    engine.onParts?.(() => this.refresh());
    engine.onArticles?.(() => this.articlesChanged());
    /** The name of the article shown (its number may change when articles do). */
    this.shownName = /** @type {string|null} */ (null);
    /**
     * Whether a search may scroll to its match: the page's own explorer always; an embed
     * only once the reader has acted inside it (it never scrolls its host page on load).
     */
    this.engaged = !!options.history;
    for (const type of ['pointerdown', 'keydown', 'input']) {
      ui.root.addEventListener(type, () => { this.engaged = true; }, { capture: true });
    }
    /**
     * The article the reader chose (in the list, by the URL, by stepping to it; -1 none):
     * shown while the query finds it, and kept through a query that finds nothing (a word
     * half typed); a query that finds others changes it away. Else the view follows the
     * best result as the query changes.
     */
    this.choice = -1;
    /** Bringing the current mark into view (reveal.js). */
    this.reveal = new Reveal(/** @type {HTMLElement} */ (ui.root.querySelector('.bar')), () => this.engaged);
    this.list = new ArticleList(ui.list, engine.articles, (i) => {
      this.choice = i;
      this.show(i, 0);
      this.syncUrl('push');
      if (!options.compact) ui.view.focus({ preventScroll: true });
    }, { compact: !!options.compact });
    ui.root.classList.toggle('compact', !!options.compact);
    this.countLine();
    /** The shown article, patched in place while it stays shown. */
    this.articleView = new ArticleView(ui.view);
    /** "Link" and "Cite" on the paragraph the reader is on. */
    this.passages = options.compact ? null : new PassageTools(ui.view, (block) => this.passage(block));
    /**
     * Where the first view opens in its article, once it is shown (the URL's `m` and `p`).
     * @type {{m: number, p: number}|null}
     */
    this.opening = null;

    ui.input.addEventListener('input', () => {
      const mode = this.address?.typed() ?? 'replace';
      this.run(ui.input.value, null, true);
      this.syncUrl(mode);
    });
    ui.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        if (!this.finish()) this.step(e.shiftKey ? -1 : 1);
      }
    });
    ui.prev.addEventListener('click', () => this.step(-1));
    ui.next.addEventListener('click', () => this.step(1));
    ui.toggle.addEventListener('change', () => this.show(this.selected, 0));
    /** Resolves once the first view is whole (start()). */
    this.shown = new Promise((resolve) => { this.settle = () => resolve(undefined); });
    if (!options.compact && engine.keyphrases) {
      // The collection's chips after the first view, once the page is idle (WebKit has
      // no requestIdleCallback: a timer).
      this.shown.then(() => (globalThis.requestIdleCallback ?? setTimeout)(() => this.chips.fillFacets()));
    }
    if (options.history) {
      window.addEventListener('popstate', () => {
        this.address?.left();
        const v = readHash(location.hash);
        ui.input.value = v.q;
        this.opening = { m: v.m, p: v.p };
        this.run(v.q, v.a);
      });
    }
  }

  /**
   * Shows the first view: the query (also in the field) and, if it matches, that article.
   * What the reader typed into the field while the articles were loading wins over
   * `query` (the URL's or the element's): it is their latest word, and is searched now.
   * @param {string} query
   * @param {string|null} article file name
   * @param {{m: number, p: number}} [at] where to open in the article: its match `m` (1
   *   the first) or its passage (block) `p`, as in a shared link
   * @returns {Promise<void>} when the first view is shown whole (the engine may first
   *   fetch the parts of the index and the article it needs)
   */
  start(query, article, at) {
    const typed = this.ui.input.value;
    if (typed !== '' && typed !== query) {
      this.run(typed, null);
      this.syncUrl('replace');
    } else {
      this.ui.input.value = query;
      this.opening = at ?? null;
      this.run(query, article);
    }
    return this.shown;
  }

  /**
   * What a passage's tools copy (passage.js): a link to the shown article's block `block`
   * with the query, and the passage with its citation — its text in quotes, the
   * article's title and the link. (The scraped pages name no article author to cite.)
   * @param {number} block -2 the lede, else the block's index
   * @returns {import('./passage.js').Passage|null}
   */
  passage(block) {
    const article = this.engine.articles[this.selected];
    if (!article) return null;
    const text = fieldText(article, block, 'text');
    const base = this.options.linkBase ?? '';
    const link = base + writeHash({ q: this.ui.input.value, a: article.name, p: block });
    return { link, citation: `“${text}”\n— ${article.title}\n${link}` };
  }

  /**
   * Opens the shown article where a link said (`opening`): at its match `m`, or at its
   * passage `p` (marked as the link's target; its first match, if it has one, current).
   */
  open() {
    const { opening, ui } = this;
    this.opening = null;
    if (!opening) return;
    const block = opening.p >= 0 ? ui.view.querySelector(`[data-block="${opening.p}"]`) : null;
    if (block) {
      block.classList.add('target');
      this.passages?.attach(block);
      const inside = this.marks.findIndex((m) => block.contains(m));
      if (inside >= 0) {
        this.setCurrent(inside);
      } else {
        // No match in it: the passage in view, the next match current without moving there.
        const after = this.marks.findIndex((m) => block.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING);
        this.setCurrent(after, true, false);
        if (this.engaged) block.scrollIntoView({ block: 'center' });
      }
    } else if (opening.m > 1 && opening.m <= this.marks.length) {
      this.setCurrent(opening.m - 1);
    }
  }

  /**
   * The load's progress: shown while the view waits for parts (the status line says the
   * result otherwise).
   * @param {string} text
   */
  progress(text) {
    this.loadText = text;
    if (this.waiting && text) setText(this.ui.status, text);
  }

  /** Parts the view waited for have come: the waiting search runs again, the waiting
   * article is rendered, the list's snippets are filled. */
  refresh() {
    const { waiting } = this;
    if (waiting) {
      // Typed over meanwhile: that search asked for its own parts.
      if (this.ui.input.value === waiting.q) this.run(waiting.q, waiting.name, waiting.typing);
      return;
    }
    if (this.waitingArticle >= 0 && this.waitingArticle === this.selected && this.engine.here?.(this.selected)) {
      this.show(this.selected, 0, false, false);
    }
    this.list.refill();
  }

  /** The masthead's line: how many articles there are (the page only). */
  countLine() {
    const { ui, engine } = this;
    if (!ui.count) return;
    const mine = engine.articles.filter((a) => a.mine).length;
    const site = engine.articles.length - mine;
    const yours = mine ? ` and ${plural(mine, 'of yours', 'of yours')}` : '';
    setText(ui.count, `${plural(site, 'article', 'articles')}${yours}, searched in your browser`);
  }

  /**
   * Articles were added or removed (the reader's own): the list takes them, and the
   * query runs again, keeping the article shown if it is still there.
   */
  articlesChanged() {
    this.countLine();
    this.list.reset();
    // The site's articles keep their numbers; the reader's may move, or be gone.
    const name = this.shownName;
    const at = name === null ? -1 : this.engine.articles.findIndex((a) => a.name === name);
    this.choice = this.choice >= 0 && this.choice === this.selected ? at : -1;
    this.selected = at;
    this.run(this.ui.input.value, null, this.typing);
  }

  /** Tells start() once the view is whole. */
  settleIfWhole() {
    if (!this.waiting && this.waitingArticle < 0) this.settle();
  }

  /**
   * Runs a query as if typed (for the element's search() method).
   * @param {string} query
   */
  search(query) {
    this.ui.input.value = query;
    this.run(query, null);
  }

  /**
   * Enter on a query still being typed: it is run as finished (its last word no longer
   * finds the words it begins). Returns whether that changed the answer: if not, Enter
   * goes on to the next match.
   */
  finish() {
    if (!this.typing || this.waiting) return false;
    const { total, articles } = this.result;
    this.run(this.ui.input.value, null);
    return this.waiting !== null || this.result.total !== total || this.result.articles[0]?.article !== articles[0]?.article;
  }

  /**
   * Runs a query and renders everything; keeps article `name` selected if it matches.
   * @param {string} q
   * @param {string|null} name
   * @param {boolean} [typing] the reader is still typing it: its last word also finds the
   *   words it begins (until a space, or Enter, finishes it)
   */
  run(q, name, typing = false) {
    const { engine, ui } = this;
    const result = engine.search(q, typing);
    if (result.pending) {
      // Not whole: the view stays as it is until the parts it needs have come.
      const keep = name ?? (this.waiting?.q === q ? this.waiting.name : engine.articles[this.selected]?.name ?? null);
      this.waiting = { q, name: keep, typing };
      setText(ui.status, this.loadText || 'Loading…');
      return;
    }
    this.waiting = null;
    this.typing = typing;
    this.result = result;
    const byName = name === null ? -1 : engine.articles.findIndex((a) => a.name === name);
    /** @param {number} i */
    const inResult = (i) => result.articles.some((h) => h.article === i);
    // The article named (the URL's, the element's) if it matches; else the one the reader
    // chose while it matches; else the best.
    const named = inResult(byName);
    const kept = !named && name === null && inResult(this.choice);
    const pick = named ? byName : kept ? this.choice : result.articles[0]?.article ?? -1;
    if (named) this.choice = byName;
    else if (!kept && result.articles.length) this.choice = -1;
    // The article to show is asked for first (the list's snippets after it).
    if (pick >= 0) engine.here?.(pick);
    const hidden = this.list.update(result, q.trim() !== '');
    setText(ui.hiddenCount, hidden ? `${plural(hidden, 'article', 'articles')} hidden (no match)` : '');
    this.announce(q);
    this.show(pick, 0, false, false);
    this.options.onResults?.(result);
    this.settleIfWhole();
  }

  /** @param {string} q */
  replaceQuery(q) {
    this.ui.input.value = q;
    this.run(q, null);
    this.syncUrl('push');
  }

  /** @param {string} q */
  announce(q) {
    this.chips.press(q);
    this.status.say(q, this.result);
  }

  /**
   * Shows article `index` with its mark `at` current (-1: none).
   * @param {number} index
   * @param {number} at
   * @param {boolean} [notify] tell options.onSelect when the article changes
   * @param {boolean} [center] scroll the current mark to the middle now (a move the reader
   *   asked for); otherwise only if it is out of view, after the next frame (a search)
   */
  show(index, at, notify = true, center = true) {
    const { ui, result, engine } = this;
    const changed = index !== this.selected;
    let waitingFor = -1;
    /** @type {import('./engine.js').ArticleHit|undefined} the hit shown, if any */
    let capped;
    this.selected = index;
    this.shownName = engine.articles[index]?.name ?? null;
    this.list.select(index);
    // The current mark of a view patched in place may stay: it is no longer current.
    this.marks[this.current]?.classList.remove('current');
    this.current = -1;
    if (this.options.compact) {
      this.marks = [];
    } else if (index < 0) {
      if (!ui.view.firstElementChild?.classList.contains('empty') || ui.view.childElementCount !== 1) {
        ui.view.replaceChildren(el('p', 'empty', 'No article matches this search.'));
      }
      this.marks = [];
    } else if (engine.here && !engine.here(index)) {
      // Its text is on its way (fetched first): rendered when it comes (refresh).
      waitingFor = index;
      ui.view.replaceChildren(el('p', 'empty', `Loading “${engine.articles[index].title}”…`));
      this.marks = [];
    } else {
      const hit = result.highlighting ? result.articles.find((h) => h.article === index) : undefined;
      const { marks, fresh } = this.articleView.render(engine.articles[index], hit, ui.toggle.checked);
      this.marks = marks;
      if (fresh) this.chips.addArticleChips(index, () => this.selected === index);
      capped = hit;
    }
    this.status.sayCapped(capped);
    this.waitingArticle = waitingFor;
    this.settleIfWhole();
    this.setCurrent(this.marks.length ? at : -1, center);
    // A link's match or passage, once its article is shown (its text may come later).
    if (this.opening && waitingFor < 0) this.open();
    if (notify && changed && index >= 0) this.options.onSelect?.(index);
  }

  /**
   * Moves to the next (+1) or previous (-1) match, across articles in result order.
   * @param {number} direction
   */
  step(direction) {
    const { result } = this;
    if (!result.total || this.options.compact) return;
    const next = this.current + direction;
    if (next >= 0 && next < this.marks.length) {
      this.setCurrent(next);
      this.syncUrl('replace');
      return;
    }
    const order = result.articles.filter((h) => h.matches > 0);
    const here = order.findIndex((h) => h.article === this.selected);
    const target = order[(here + direction + order.length) % order.length];
    this.choice = target.article;
    this.show(target.article, direction > 0 ? 0 : target.matches - 1);
    this.syncUrl('replace');
  }

  /**
   * Makes mark `at` the current one; its paragraph gets the passage tools.
   * @param {number} at
   * @param {boolean} [center] scroll it to the middle now; otherwise only if it is out of
   *   view, once the next frame has been laid out
   * @param {boolean} [scroll] false: do not scroll to it at all
   */
  setCurrent(at, center = true, scroll = true) {
    const { ui, result } = this;
    this.marks[this.current]?.classList.remove('current');
    this.current = at;
    const mark = this.marks[at];
    if (mark) {
      mark.classList.add('current');
      this.passages?.attach(mark);
    }
    if (scroll) {
      this.reveal.to(mark ?? null, center);
    } else {
      this.reveal.stop();
    }
    const before = result.articles.findIndex((h) => h.article === this.selected);
    let offset = 0;
    for (let i = 0; i < before; i++) offset += result.articles[i].matches;
    setText(ui.position, mark ? `${offset + at + 1} of ${result.total}` : `0 of ${result.total}`);
    ui.prev.disabled = ui.next.disabled = !result.total;
  }

  /**
   * The URL follows the view (the page's explorer only): see address.js.
   * @param {'push'|'replace'} mode
   */
  syncUrl(mode) {
    this.address?.sync(mode);
  }
}
