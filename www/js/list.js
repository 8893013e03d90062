// The result list, virtualized: a list of 10,000 articles costs what one of tens does.
// Only the items near the screen exist in the DOM; the others are space. Text is inserted
// only as text (render.js).

import { appendMarked, el, plural } from './dom.js';
import { excerpt, fieldText, snippetText } from './segments.js';

/** @typedef {import('./engine.js').Article} Article */
/** @typedef {import('./engine.js').ArticleHit} ArticleHit */
/** @typedef {import('./engine.js').Result} Result */

/** How far above and below the visible part of the list items are kept, px. */
const OVERSCAN = 600;
/** How many steps an IntersectionObserver tells the visible part of a framed list in. */
const STEPS = 1000;
/** An item's height until one has been measured, px (updated to the measured mean). */
const FIRST_ESTIMATE = 72;

/**
 * One item of the list and what it shows.
 * @typedef {{li: HTMLLIElement, button: HTMLButtonElement, title: HTMLSpanElement,
 *   meta: HTMLSpanElement, count: HTMLSpanElement, snippet: HTMLParagraphElement,
 *   article: number, filled: number, texts: {title: string, meta: string, count: string}}} Slot
 *   filled: the list's generation it was filled for (its position is its key in `#slots`).
 */

/**
 * The list of articles: the result's articles in its order (every article for an empty
 * query). Items are laid out absolutely at their offsets in an <ol> as tall as all of them;
 * only those within OVERSCAN px of the visible part of the list (and the one with the
 * focus) are rendered. Each item's height is measured when rendered (ResizeObserver) and
 * estimated (the mean so far) until then; when a measurement moves the items on screen,
 * the scroll position is corrected so that what the reader looks at stays put.
 *
 * Invariants: `offsets[p]` is the sum of the heights of positions before p (measured or
 * estimated), `offsets[size]` the list's height; every rendered slot is at a position
 * < size and shows `order[at]`, filled for the current generation; rendered slots are the
 * list's children in position order (so Tab goes through them in order).
 */
export class ArticleList {
  #root; #articles; #onSelect; #compact; #generation;
  #measured; #stale; #slots; #focused; #selected; #view; #frame; #framed;
  #resizes; #onScroll;
  // Sized for the articles by #lay().
  #order = new Int32Array(0);
  #positionOf = new Int32Array(0);
  #heights = new Float64Array(0);
  #offsets = new Float64Array(1);
  #size = 0;
  /** @type {Array<ArticleHit|undefined>} the hit at each position */
  #hits = [];
  /** @type {Result|null} */
  #result = null;
  /** @type {Slot[]} slots not in use */
  #pool = [];
  /** @type {Array<Element|Window>} what scrolls the list: its scrolling ancestors and the window */
  #scrollers = [];

  /**
   * @param {HTMLOListElement} root
   * @param {Article[]} articles
   * @param {(index: number) => void} onSelect
   * @param {{compact?: boolean}} [options] compact: an item without a match to show shows
   *   the start of its lede (the list is all there is)
   */
  constructor(root, articles, onSelect, { compact = false } = {}) {
    this.#root = root;
    this.#articles = articles;
    this.#onSelect = onSelect;
    this.#compact = compact;
    this.#lay();
    this.#generation = 0;
    this.#measured = { sum: 0, count: 0 };
    this.#stale = true;
    /** @type {Map<number, Slot>} rendered slots by position */
    this.#slots = new Map();
    /** The article whose item has the focus (-1: none). */
    this.#focused = -1;
    /** The article marked current (aria-current). */
    this.#selected = -1;
    /** The visible part of the list, in its own coordinates, as last seen. */
    this.#view = { top: 0, bottom: typeof innerHeight === 'number' ? innerHeight : 800 };
    this.#frame = 0;
    root.classList.add('virtual');
    root.addEventListener('focusin', (e) => {
      for (const slot of this.#slots.values()) if (slot.button === e.target) this.#focused = slot.article;
    });
    root.addEventListener('focusout', (e) => {
      const to = /** @type {FocusEvent} */ (e).relatedTarget;
      if (!(to instanceof Node && root.contains(to))) this.#focused = -1;
    });
    // In the iframe mode (frame.js) the frame is as tall as its content and the host
    // page scrolls it, unseen from here but for an IntersectionObserver, whose implicit
    // root is the top-level viewport: it tells the visible part of the list in STEPS steps.
    this.#framed = window.parent !== window;
    if (this.#framed) {
      const threshold = Array.from({ length: STEPS + 1 }, (_, i) => i / STEPS);
      new IntersectionObserver(([e]) => {
        if (!e?.isIntersecting) return;
        const top = e.boundingClientRect.top;
        this.#view = { top: e.intersectionRect.top - top, bottom: e.intersectionRect.bottom - top };
        this.#render();
      }, { threshold }).observe(root);
    }
    this.#resizes = new ResizeObserver((entries) => this.#measure(entries));
    this.#onScroll = () => this.#schedule();
    // A new width changes every item's height (measured heights are forgotten) and may
    // change what scrolls the list (the layout's breakpoint); its own height changes with
    // every measurement and changes neither.
    let width = -1;
    new ResizeObserver(([entry]) => {
      const w = Math.round(entry.contentRect.width);
      if (w !== width) {
        if (width >= 0) {
          this.#heights.fill(0);
          this.#stale = true;
        }
        width = w;
        this.#watchScrollers();
      }
      this.#schedule();
    }).observe(root);
    this.#render();
  }

  /**
   * Shows the result's articles in its order with their counts.
   * @param {Result} result
   * @param {boolean} active whether a query is active (only its articles are listed)
   * @returns {number} how many articles are not listed
   */
  update(result, active) {
    const n = this.#articles.length;
    const listed = new Uint8Array(n);
    let k = 0;
    this.#hits = [];
    for (const hit of result.articles) {
      listed[hit.article] = 1;
      this.#hits.push(hit);
      this.#order[k++] = hit.article;
    }
    this.#size = active ? k : n;
    for (let a = 0; a < n && k < n; a++) if (!listed[a]) this.#order[k++] = a;
    for (let p = 0; p < n; p++) this.#positionOf[this.#order[p]] = p;
    this.#result = result;
    this.#generation++;
    // What each position holds has changed: so may its height.
    this.#heights.fill(0);
    this.#stale = true;
    this.#render();
    return n - this.#size;
  }

  /**
   * Takes the articles anew after some were added or removed (the array given to the
   * constructor, changed in place): every position as in the articles' order, until the
   * next `update`.
   */
  reset() {
    const n = this.#lay();
    this.#hits = [];
    this.#result = null;
    if (this.#selected >= n) this.#selected = -1;
    if (this.#focused >= n) this.#focused = -1;
    for (const [at, slot] of this.#slots) this.#free(at, slot);
    this.#generation++;
    this.#stale = true;
    this.#render();
  }

  /**
   * Every article at its own position, none measured: the list's arrays, sized for the
   * articles there are. Returns how many.
   */
  #lay() {
    const n = this.#articles.length;
    /** The articles in list order: the result's, then (not shown while a query is active) the rest. */
    this.#order = Int32Array.from(this.#articles, (_, i) => i);
    /** Each article's position (≥ size: not listed). */
    this.#positionOf = Int32Array.from(this.#articles, (_, i) => i);
    /** Each position's measured height (0: not measured). */
    this.#heights = new Float64Array(n);
    this.#offsets = new Float64Array(n + 1);
    /** How many positions are shown. */
    this.#size = n;
    return n;
  }

  /** Fills the rendered items again (their snippets' articles may have come since). */
  refill() {
    this.#generation++;
    this.#render();
  }

  /**
   * Marks article `index` as the one shown.
   * @param {number} index
   */
  select(index) {
    if (index === this.#selected) return;
    this.#selected = index;
    for (const slot of this.#slots.values()) this.#markSelected(slot);
  }

  /** @param {Slot} slot */
  #markSelected(slot) {
    if (slot.article === this.#selected) slot.button.setAttribute('aria-current', 'true');
    else slot.button.removeAttribute('aria-current');
  }

  /** Renders the items near the screen at the next frame. */
  #schedule() {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#see();
      this.#render();
    });
  }

  /** Reads where the visible part of the list is (a layout, when one is due). */
  #see() {
    if (!this.#root.isConnected || this.#framed) return;
    const box = this.#root.getBoundingClientRect();
    let top = 0;
    let bottom = innerHeight;
    for (const s of this.#scrollers) {
      if (s instanceof Element) {
        const r = s.getBoundingClientRect();
        top = Math.max(top, r.top);
        bottom = Math.min(bottom, r.bottom);
      }
    }
    this.#view = { top: top - box.top, bottom: Math.max(top, bottom) - box.top };
  }

  /** Listens to whatever scrolls the list: its scrolling ancestors (across shadow roots) and the window. */
  #watchScrollers() {
    for (const s of this.#scrollers) s.removeEventListener('scroll', this.#onScroll);
    /** @type {Array<Element|Window>} */
    const found = [window];
    for (let node = parentOf(this.#root); node; node = parentOf(node)) {
      const { overflowY } = getComputedStyle(node);
      if (overflowY === 'auto' || overflowY === 'scroll') found.push(node);
    }
    this.#scrollers = found;
    for (const s of found) s.addEventListener('scroll', this.#onScroll, { passive: true });
  }

  /** Recomputes the offsets from the heights when they changed. */
  #layout() {
    if (!this.#stale) return;
    this.#stale = false;
    const heights = this.#heights, offsets = this.#offsets, size = this.#size;
    const estimate = this.#measured.count ? this.#measured.sum / this.#measured.count : FIRST_ESTIMATE;
    let at = 0;
    for (let p = 0; p < size; p++) {
      offsets[p] = at;
      at += heights[p] || estimate;
    }
    offsets[size] = at;
    this.#root.style.height = `${Math.ceil(at)}px`;
  }

  /**
   * The first position whose item ends below `y`.
   * @param {number} y
   */
  #positionAt(y) {
    const offsets = this.#offsets, size = this.#size;
    let lo = 0;
    let hi = size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (offsets[mid + 1] <= y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Renders the items within OVERSCAN of the visible part, and the focused one; frees the others. */
  #render() {
    this.#layout();
    let { top, bottom } = this.#view;
    // A list wholly below (or above) the screen has ready the items that will come into
    // view first: a screenful at its start (or end).
    const height = this.#offsets[this.#size];
    if (bottom < 0) [top, bottom] = [0, bottom - top];
    else if (top > height) [top, bottom] = [height - (bottom - top), height];
    // Framed, the view is known a step at a time: items cover a step more.
    const margin = this.#framed ? OVERSCAN + height / STEPS : OVERSCAN;
    const first = this.#positionAt(Math.max(0, top - margin));
    const end = Math.min(this.#size, this.#positionAt(Math.max(0, bottom + margin)) + 1);
    // The item with the focus stays rendered, wherever its article now is; its element
    // moves with it.
    const pinned = this.#focused;
    const pinAt = pinned >= 0 && this.#positionOf[pinned] < this.#size ? this.#positionOf[pinned] : -1;
    const holder = pinned >= 0 ? [...this.#slots].find(([, s]) => s.article === pinned) : undefined;
    if (holder && holder[0] !== pinAt) {
      this.#slots.delete(holder[0]);
      const other = pinAt >= 0 ? this.#slots.get(pinAt) : undefined;
      if (other) this.#free(pinAt, other);
      if (pinAt >= 0) {
        this.#slots.set(pinAt, holder[1]);
      } else {
        this.#free(holder[0], holder[1]);
      }
    }
    for (const [at, slot] of this.#slots) {
      if ((at < first || at >= end) && at !== pinAt) this.#free(at, slot);
    }
    /** @type {Slot|undefined} the slot after the one being placed, in position order */
    let next;
    if (pinAt >= end) next = this.#place(pinAt, undefined);
    for (let at = end - 1; at >= first; at--) next = this.#place(at, next);
    if (pinAt >= 0 && pinAt < first) this.#place(pinAt, next);
    // Moving an element in the DOM drops its focus: given back, without scrolling.
    const slot = pinAt >= 0 ? this.#slots.get(pinAt) : undefined;
    if (slot && /** @type {Document|ShadowRoot} */ (this.#root.getRootNode()).activeElement !== slot.button) slot.button.focus({ preventScroll: true });
  }

  /**
   * Makes sure position `at` is rendered, filled and placed before `next`.
   * @param {number} at
   * @param {Slot|undefined} next
   * @returns {Slot}
   */
  #place(at, next) {
    let slot = this.#slots.get(at);
    if (!slot) {
      slot = this.#pool.pop() ?? this.#make();
      slot.filled = -1;
      this.#slots.set(at, slot);
    }
    if (slot.filled !== this.#generation || slot.article !== this.#order[at]) this.#fill(slot, at);
    slot.li.style.top = `${this.#offsets[at]}px`;
    const before = next?.li ?? null;
    if (slot.li.parentNode !== this.#root || slot.li.nextSibling !== before) this.#root.insertBefore(slot.li, before);
    return slot;
  }

  /**
   * Frees the slot at `at` for reuse.
   * @param {number} at
   * @param {Slot} slot
   */
  #free(at, slot) {
    this.#slots.delete(at);
    this.#resizes.unobserve(slot.li);
    slot.li.remove();
    this.#pool.push(slot);
  }

  /** @returns {Slot} */
  #make() {
    const li = el('li', 'item');
    li.setAttribute('part', 'item');
    const button = el('button', 'pick');
    button.type = 'button';
    const title = el('span', 'item-title');
    const meta = el('span', 'item-meta');
    const count = el('span', 'count');
    button.append(title, meta, count);
    // Each item's best excerpt (the engine's snippet) while a query highlights.
    const snippet = el('p', 'snippet');
    li.append(button, snippet);
    /** @type {Slot} */
    const slot = { li, button, title, meta, count, snippet, article: -1, filled: -1, texts: { title: '', meta: '', count: '' } };
    button.addEventListener('click', () => this.#onSelect(slot.article));
    return slot;
  }

  /**
   * Fills `slot` with what position `at` shows: its article, count and snippet.
   * @param {Slot} slot
   * @param {number} at
   */
  #fill(slot, at) {
    const a = this.#order[at];
    const article = this.#articles[a];
    const hit = this.#hits[at];
    const result = this.#result;
    const counted = !!hit && !!result?.highlighting;
    slot.article = a;
    slot.filled = this.#generation;
    // The title with its marks while a query highlights (the engine's, read with the
    // snippet), else as plain text.
    const marked = counted ? hit.title : [];
    const titleKey = marked.length ? `${article.title}\u0000${marked}` : article.title;
    if (slot.texts.title !== titleKey) {
      slot.texts.title = titleKey;
      slot.title.replaceChildren();
      appendMarked(slot.title, article.title, marked);
    }
    setText(slot, 'meta', slot.meta, metaText(article));
    setText(slot, 'count', slot.count, counted ? String(hit.matches) : '');
    if (counted) slot.count.setAttribute('aria-label', plural(hit.matches, 'match', 'matches'));
    else slot.count.removeAttribute('aria-label');
    slot.li.setAttribute('aria-posinset', String(at + 1));
    slot.li.setAttribute('aria-setsize', String(this.#size));
    this.#markSelected(slot);
    const snippet = hit && result?.highlighting ? hit.snippet : null;
    const shown = snippet
      ? snippetText(fieldText(article, snippet.block, snippet.part), snippet)
      : this.#compact ? excerpt(article.lede ?? fieldText(article, 0, 'text'), []) : null;
    slot.snippet.replaceChildren();
    if (shown) appendMarked(slot.snippet, shown.text, shown.spans);
    // Observed anew, so that its height is reported even when it did not change.
    this.#resizes.unobserve(slot.li);
    this.#resizes.observe(slot.li);
  }

  /**
   * Takes the heights of rendered items; moves the items and keeps what is on screen in place.
   * @param {ResizeObserverEntry[]} entries
   */
  #measure(entries) {
    const heights = this.#heights;
    let changed = false;
    for (const entry of entries) {
      const li = /** @type {HTMLElement} */ (entry.target);
      let at = -1;
      for (const [p, slot] of this.#slots) if (slot.li === li) { at = p; break; }
      if (at < 0 || at >= this.#size) continue;
      const h = entry.borderBoxSize?.[0]?.blockSize ?? li.offsetHeight;
      if (h <= 0 || h === heights[at]) continue;
      if (!heights[at]) {
        this.#measured.sum += h;
        this.#measured.count++;
      }
      heights[at] = h;
      changed = true;
    }
    if (!changed) return;
    // The item at the top of the visible part stays where it is on screen.
    const anchor = this.#positionAt(Math.max(0, this.#view.top));
    const was = this.#offsets[anchor];
    this.#stale = true;
    this.#layout();
    const shift = this.#offsets[anchor] - was;
    if (shift && this.#view.top > 0) this.#scrollBy(shift);
    this.#render();
    this.#schedule();
  }

  /**
   * Scrolls what scrolls the list by `dy` px.
   * @param {number} dy
   */
  #scrollBy(dy) {
    const scroller = this.#scrollers.find((s) => s instanceof Element && s.scrollHeight > s.clientHeight);
    // Instant: the page's scroll-behavior may be smooth, and a correction is no movement.
    (scroller instanceof Element ? scroller : window).scrollBy({ top: dy, behavior: 'instant' });
    this.#view = { top: this.#view.top + dy, bottom: this.#view.bottom + dy };
  }
}

/**
 * The node above `node`, across shadow roots (null at the document).
 * @param {Node} node
 * @returns {Element|null}
 */
function parentOf(node) {
  const parent = node.parentNode;
  if (parent instanceof ShadowRoot) return parent.host;
  return parent instanceof Element ? parent : null;
}

/**
 * Sets `node`'s text only when it differs from what was rendered last: an unchanged item
 * costs a comparison, not a DOM write.
 * @param {Slot} slot
 * @param {'title'|'meta'|'count'} key
 * @param {HTMLElement} node
 * @param {string} text
 */
function setText(slot, key, node, text) {
  if (slot.texts[key] === text) return;
  slot.texts[key] = text;
  node.textContent = text;
}

/**
 * The line under an item's title: its cards' authors.
 * @param {Article} article
 */
function metaText(article) {
  const authors = article.cardAuthors;
  const related = authors.length
    ? `${plural(authors.length, 'related article', 'related articles')}: ${authors.join(', ')}`
    : '';
  // The reader's own articles say so (their file's name: they may have no other line).
  if (article.mine) return related ? `Yours: ${fileName(article)} · ${related}` : `Yours: ${fileName(article)}`;
  return related;
}

/**
 * The file name an article of the reader's was added as.
 * @param {Article} article
 */
export const fileName = (article) => article.name.replace(/^mine\//, '');
