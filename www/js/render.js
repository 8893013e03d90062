// DOM rendering. Article text and queries are inserted only as text: text nodes,
// textContent and <mark> elements — never as HTML.

import { segments, collapse as collapseUnits, excerpt, snippetText } from './segments.js';

/** @typedef {import('./engine.js').Article} Article */
/** @typedef {import('./engine.js').ArticleHit} ArticleHit */
/** @typedef {import('./engine.js').Result} Result */
/** @typedef {import('./engine.js').Span} Span */

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} [className]
 * @param {string} [text]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A mark's class, part and tooltip by how its span matched (engine.js `Span`). */
const HOW = [
  null,
  { name: 'stem', title: 'another form of the word' },
  { name: 'fuzzy', title: 'a word spelt like it' },
];

/**
 * Appends `text` to `parent`, the spans wrapped in <mark> (with class `stem` or `fuzzy`
 * when the span is not the word as typed).
 * @param {HTMLElement} parent
 * @param {string} text
 * @param {Array<[number, number, number?]>|undefined} spans
 * @returns {HTMLElement[]} the marks, in order
 */
export function appendMarked(parent, text, spans) {
  const marks = [];
  for (const piece of segments(text, spans ?? [])) {
    if (piece.mark) {
      const how = HOW[piece.how];
      const mark = el('mark', how?.name, piece.text);
      mark.setAttribute('part', how ? `mark mark-${how.name}` : 'mark');
      if (how) mark.title = how.title;
      parent.append(mark);
      marks.push(mark);
    } else {
      parent.append(document.createTextNode(piece.text));
    }
  }
  return marks;
}

/**
 * @param {number} n
 * @param {string} one
 * @param {string} many
 */
const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/**
 * Runs `task` once the next frame has been rendered: a timer set from that frame's
 * callback, so the work a keystroke can wait for is not in the frame that shows it.
 * @param {() => void} task
 */
export function afterFrame(task) {
  requestAnimationFrame(() => setTimeout(task, 0));
}

/**
 * One article's view in `container`, patched in place while the same article stays shown:
 * a new query rewrites only the fields whose highlights changed (a field's text is laid
 * out again only when its marks move; rebuilding the whole article cost a layout of all
 * its text on every keystroke). Collapsed views ("only matching paragraphs") and a new
 * article are rendered whole.
 */
export class ArticleView {
  /** @param {HTMLElement} container */
  constructor(container) {
    this.container = container;
    /** @type {{article: Article, first: Element|null, fields: Field[]}|null} what is shown */
    this.shown = null;
  }

  /**
   * Shows `article` with `hit`'s highlights.
   * @param {Article} article
   * @param {ArticleHit|undefined} hit its matches, if the query highlights anything
   * @param {boolean} onlyMatching collapse the blocks without a match
   * @returns {{marks: HTMLElement[], fresh: boolean}} every <mark> in reading order, and
   *   whether the article was rendered anew (else patched)
   */
  render(article, hit, onlyMatching) {
    const spans = spanMap(hit);
    const { shown } = this;
    // Patched only while the container still shows it (its title is still the first
    // child: the app writes "no article matches" into the same container).
    if (shown && !onlyMatching && shown.article === article && this.container.firstElementChild === shown.first) {
      const marks = [];
      for (const field of shown.fields) {
        const next = spans.get(field.key);
        const signature = signatureOf(next);
        if (signature !== field.signature) {
          field.node.replaceChildren();
          field.marks = appendMarked(field.node, field.text, next);
          field.signature = signature;
        }
        marks.push(...field.marks);
      }
      return { marks, fresh: false };
    }
    /** @type {Field[]} */
    const fields = [];
    const marks = renderArticle(this.container, article, spans, onlyMatching && !!hit, fields);
    this.shown = onlyMatching ? null : { article, first: this.container.firstElementChild, fields };
    return { marks, fresh: true };
  }
}

/**
 * One rendered field: its key (`block:part`), element, text, the highlights it shows (as a
 * string) and their marks.
 * @typedef {{key: string, node: HTMLElement, text: string, signature: string, marks: HTMLElement[]}} Field
 */

/**
 * A field's spans as a string: equal strings, equal highlights.
 * @param {Span[]|undefined} spans
 */
const signatureOf = (spans) => String(spans ?? '');

/**
 * A hit's spans by field key (`block:part`).
 * @param {ArticleHit|undefined} hit
 */
function spanMap(hit) {
  /** @type {Map<string, Span[]>} */
  const spans = new Map();
  for (const f of hit?.fields ?? []) spans.set(`${f.block}:${f.part}`, f.spans);
  return spans;
}

/**
 * Renders one article into `container`, each field it writes recorded in `fields`.
 * @param {HTMLElement} container
 * @param {Article} article
 * @param {Map<string, Array<[number, number, number]>>} spans its highlights by field
 * @param {boolean} collapse collapse the blocks without a match (when some match)
 * @param {Field[]} fields
 * @returns {HTMLElement[]} every <mark>, in reading order
 */
function renderArticle(container, article, spans, collapse, fields) {
  container.replaceChildren();
  const marks = [];
  /**
   * @param {HTMLElement} node
   * @param {string} key
   * @param {string} text
   */
  const field = (node, key, text) => {
    const own = appendMarked(node, text, spans.get(key));
    fields.push({ key, node, text, signature: signatureOf(spans.get(key)), marks: own });
    return own;
  };

  const title = el('h1', 'title');
  marks.push(...field(title, '-1:text', article.title));
  container.append(title);

  // The units below the title: the lede (block -2) and every block.
  /** @type {number[]} */
  const units = [];
  if (article.lede !== null) units.push(-2);
  article.blocks.forEach((_, i) => units.push(i));
  /** @type {Set<number>} */
  const matching = new Set();
  units.forEach((block, i) => {
    for (const part of ['text', 'title', 'author', 'teaser']) {
      if (spans.has(`${block}:${part}`)) matching.add(i);
    }
  });

  /** @param {number} i */
  const render = (i) => {
    const [node, unitMarks] = renderUnit(article, units[i], field);
    marks.push(...unitMarks);
    return node;
  };
  const groups = collapse && matching.size
    ? collapseUnits(units.length, matching)
    : units.map((_, i) => ({ show: i }));
  for (const group of groups) {
    if ('show' in group) {
      container.append(render(group.show));
    } else {
      // Hidden units have no match, so expanding adds no mark.
      const gap = el('button', 'gap', `${plural(group.hide.length, 'paragraph', 'paragraphs')} hidden`);
      gap.type = 'button';
      gap.title = 'Show them';
      gap.addEventListener('click', () => {
        const nodes = group.hide.map((i) => renderUnit(article, units[i], (node, _key, text) => appendMarked(node, text, []))[0]);
        gap.replaceWith(...nodes);
      });
      container.append(gap);
    }
  }
  return marks;
}

/**
 * One unit: the lede or a block, its fields written by `field(node, key, text)` (which
 * returns their marks). @returns {[HTMLElement, HTMLElement[]]}
 * @param {Article} article
 * @param {number} block -2 the lede, else the block's index
 * @param {(node: HTMLElement, key: string, text: string) => HTMLElement[]} field
 */
function renderUnit(article, block, field) {
  if (block === -2) {
    const p = el('p', 'lede');
    return [p, field(p, '-2:text', article.lede ?? '')];
  }
  const b = article.blocks[block];
  if (b.kind === 'card') {
    const card = el('aside', 'card');
    card.setAttribute('aria-label', 'Related article');
    const marks = [];
    for (const [part, tag] of /** @type {Array<['title'|'author'|'teaser', 'p']>} */ ([['title', 'p'], ['author', 'p'], ['teaser', 'p']])) {
      const node = el(tag, `card-${part}`);
      marks.push(...field(node, `${block}:${part}`, b[part]));
      card.append(node);
    }
    return [card, marks];
  }
  const tag = b.kind === 'heading' ? 'h2' : 'p';
  const node = el(tag, b.kind);
  return [node, field(node, `${block}:text`, b.text)];
}

/**
 * The text of one field of an article.
 * @param {Article} article
 * @param {number} block -1 title, -2 lede, else the block's index
 * @param {import('./engine.js').Part} part
 */
export function fieldText(article, block, part) {
  if (block === -1) return article.title;
  if (block === -2) return article.lede ?? '';
  const b = article.blocks[block];
  // A card has no `text` part (undefined, so '').
  return (b?.kind === 'card' ? /** @type {Partial<Record<import('./engine.js').Part, string>>} */ (b)[part] : b?.text) ?? '';
}

/**
 * Sets `node`'s text only when it differs from what was rendered last (`slot[key]`): an
 * unchanged item costs a comparison, not a DOM write (and no style or layout work).
 * @param {Slot} slot
 * @param {'titleText'|'metaText'|'countText'} key
 * @param {HTMLElement} node
 * @param {string} text
 */
function setSlotText(slot, key, node, text) {
  if (slot[key] === text) return;
  slot[key] = text;
  // A lone text child is rewritten in place: ~5× cheaper than replacing it (textContent).
  const only = node.firstChild;
  if (text && only !== null && only === node.lastChild && only.nodeType === Node.TEXT_NODE) {
    /** @type {Text} */ (only).data = text;
  } else {
    node.textContent = text;
  }
}

/**
 * The line under an item's title: its cards' authors.
 * @param {Article} article
 */
function metaText(article) {
  const authors = article.cardAuthors;
  return authors.length
    ? `${plural(authors.length, 'related article', 'related articles')}: ${authors.join(', ')}`
    : '';
}

/**
 * One item of the list and what it shows.
 * @typedef {{li: HTMLLIElement, button: HTMLButtonElement, title: HTMLSpanElement,
 *   meta: HTMLSpanElement, count: HTMLSpanElement, snippet: HTMLParagraphElement,
 *   article: number, titleText: string, metaText: string, countText: string,
 *   countLabel: string|null, pending: {a: number, hit: ArticleHit, highlighting: boolean}|null}} Slot
 */

/** Items rewritten at once when none is known to be on screen (a screenful and more). */
const FIRST_ITEMS = 40;
/** Items rewritten at once past the last one on screen. */
const MORE_ITEMS = 10;
/** The longest stretch of deferred item work in one task, ms. */
const SLICE_MS = 4;
/** The first items write their snippets at once (the top of the list, on screen before
 * content-visibility has said so); the others when they come on screen. */
const EAGER_SNIPPETS = 12;

/**
 * The list of articles: one item per article, built once, then filled per query. Item k
 * (a slot) shows the k-th article of the result, then the articles not in it in corpus
 * order (hidden while a query is active), so a query never moves a DOM node: it rewrites
 * only the items whose article, count or visibility changed (each slot keeps what it
 * shows). A search rewrites at once the items up to a little past the last one on screen
 * (known from content-visibility's state events), and hides at once the items after them
 * that it hides; the rest of their work (texts, counts, showing them) is done after the
 * frame, a few ms at a time. An item left for later is either hidden or, when the items
 * before it are all shown, below the screen. Items off-screen skip style and layout
 * (content-visibility in style.css).
 */
export class ArticleList {
  /**
   * @param {HTMLOListElement} root
   * @param {Article[]} articles
   * @param {(index: number) => void} onSelect
   * @param {{compact?: boolean}} [options] compact: an item without a match to show shows
   *   the start of its lede (the list is all there is)
   */
  constructor(root, articles, onSelect, { compact = false } = {}) {
    this.root = root;
    this.compact = compact;
    this.articles = articles;
    /** The slot showing each article (as planned: deferred slots included). */
    this.slotOf = Int32Array.from(articles, (_, i) => i);
    /** Whether each slot is rendered (on screen or near it), from content-visibility. */
    this.onScreen = new Uint8Array(articles.length);
    /** The article marked current (aria-current), and its slot. */
    this.selected = -1;
    this.selectedSlot = -1;
    /**
     * What every slot should show: its article and hit, hidden or not; `done` slots
     * show it. @type {{articles: Int32Array, hits: Array<import('./engine.js').ArticleHit|null>,
     *   shown: number, active: boolean, result: Result|null, done: number}}
     */
    this.plan = { articles: this.slotOf.slice(), hits: [], shown: articles.length, active: false, result: null, done: articles.length };
    this.generation = 0;
    /** @type {string[]} each article's meta line, once made */
    this.metaTexts = [];
    this.slots = articles.map((article, i) => {
      const li = el('li', 'item');
      li.setAttribute('part', 'item');
      const button = el('button', 'pick');
      button.type = 'button';
      const meta = (this.metaTexts[i] = metaText(article));
      const title = el('span', 'item-title', article.title);
      const metaNode = el('span', 'item-meta', meta);
      const count = el('span', 'count');
      button.append(title, metaNode, count);
      li.append(button);
      // Each item's best excerpt (the engine's snippet) while a query highlights.
      const snippet = el('p', 'snippet');
      li.append(snippet);
      /** @type {Slot} */
      const slot = {
        li, button, title, meta: metaNode, count, snippet,
        /** What the slot shows: its article, and the texts last written. */
        article: i, titleText: article.title, metaText: meta, countText: '', countLabel: null,
        /** A snippet to write when the item comes on screen. */
        pending: null,
      };
      button.addEventListener('click', () => onSelect(slot.article));
      li.addEventListener('contentvisibilityautostatechange', (e) => {
        this.onScreen[i] = /** @type {ContentVisibilityAutoStateChangeEvent} */ (e).skipped ? 0 : 1;
        const { pending } = slot;
        if (this.onScreen[i] && pending) {
          slot.pending = null;
          this.fillSnippet(slot, pending.a, pending.hit, pending.highlighting);
        }
      });
      return slot;
    });
    root.replaceChildren(...this.slots.map((s) => s.li));
  }

  /**
   * Shows the result's articles in its order with their counts; hides the others.
   * @param {Result} result
   * @param {boolean} active whether a query is active (hiding applies)
   * @returns {number} how many articles are hidden
   */
  update(result, active) {
    const { slots, slotOf, onScreen } = this;
    const n = slots.length;
    // A focused item keeps the focus on its article, wherever that goes.
    const focusRoot = /** @type {Document|ShadowRoot} */ (this.root.getRootNode());
    const focusedSlot = slots.findIndex((s) => s.button === focusRoot.activeElement);
    const focusedArticle = focusedSlot >= 0 ? slots[focusedSlot].article : -1;

    /** @type {ArticleList['plan']} */
    const plan = { articles: new Int32Array(n), hits: [], shown: result.articles.length, active, result, done: 0 };
    const inResult = new Uint8Array(n);
    let k = 0;
    for (const hit of result.articles) {
      inResult[hit.article] = 1;
      plan.hits.push(hit);
      plan.articles[k++] = hit.article;
    }
    for (let a = 0; a < n; a++) if (!inResult[a]) plan.articles[k++] = a;
    for (let s = 0; s < n; s++) slotOf[plan.articles[s]] = s;
    this.plan = plan;
    this.generation++;

    let last = -1;
    for (let s = n - 1; s >= 0; s--) if (onScreen[s] && !slots[s].li.hidden) { last = s; break; }
    const now = Math.min(n, Math.max(FIRST_ITEMS, last + 1 + MORE_ITEMS));
    this.apply(now);
    for (let s = now; s < n; s++) {
      if (active && s >= plan.shown && !slots[s].li.hidden) slots[s].li.hidden = true;
    }
    if (now < n) this.defer();

    if (this.selected >= 0 && slotOf[this.selected] !== this.selectedSlot) this.select(this.selected);
    const to = focusedArticle >= 0 ? slotOf[focusedArticle] : -1;
    if (to >= 0 && to !== focusedSlot && to < plan.done && !slots[to].li.hidden) {
      slots[to].button.focus({ preventScroll: true });
    }
    return active ? n - plan.shown : 0;
  }

  /**
   * Brings the slots up to `end` in line with the plan.
   * @param {number} end
   */
  apply(end) {
    const { plan } = this;
    for (let s = plan.done; s < end; s++) {
      const hide = plan.active && s >= plan.shown;
      this.fill(s, plan.articles[s], plan.hits[s] ?? null, /** @type {Result} */ (plan.result));
      if (this.slots[s].li.hidden !== hide) this.slots[s].li.hidden = hide;
    }
    plan.done = Math.max(plan.done, end);
  }

  /** Brings the remaining slots in line after the next frame, a slice at a time. */
  defer() {
    const generation = this.generation;
    const slice = () => {
      if (generation !== this.generation) return;
      const until = performance.now() + SLICE_MS;
      const n = this.slots.length;
      while (this.plan.done < n && performance.now() < until) this.apply(Math.min(n, this.plan.done + 50));
      if (this.plan.done < n) setTimeout(slice, 0);
    };
    afterFrame(slice);
  }

  /**
   * Slot `s` shows article `a`: with its hit (count, snippet), or none (not in the result).
   * @param {number} s
   * @param {number} a
   * @param {import('./engine.js').ArticleHit|null} hit
   * @param {Result} result
   */
  fill(s, a, hit, result) {
    const { articles } = this;
    const slot = this.slots[s];
    if (slot.article !== a) {
      slot.article = a;
      setSlotText(slot, 'titleText', slot.title, articles[a].title);
      setSlotText(slot, 'metaText', slot.meta, this.metaTexts[a] ??= metaText(articles[a]));
      if (!hit && slot.snippet.firstChild) slot.snippet.replaceChildren();
    }
    const counted = hit !== null && result.highlighting;
    setSlotText(slot, 'countText', slot.count, counted ? String(hit.matches) : '');
    const label = counted ? plural(hit.matches, 'match', 'matches') : '';
    if (slot.countLabel !== label) {
      slot.countLabel = label;
      slot.count.setAttribute('aria-label', label);
    }
    // The snippet: now if the item is on screen (or among the first), else when it comes
    // near (each one asks the engine for the article's matches: a thousand of them per
    // keystroke cost ~20 ms).
    slot.pending = null;
    if (!hit) return;
    if (this.onScreen[s] || s < EAGER_SNIPPETS) {
      this.fillSnippet(slot, a, hit, result.highlighting);
    } else {
      if (slot.snippet.firstChild) slot.snippet.replaceChildren();
      slot.pending = { a, hit, highlighting: result.highlighting };
    }
  }

  /**
   * Writes article `a`'s snippet (its best excerpt, or in compact mode its lede) into the slot.
   * @param {Slot} slot
   * @param {number} a
   * @param {ArticleHit} hit
   * @param {boolean} highlighting
   */
  fillSnippet(slot, a, hit, highlighting) {
    const article = this.articles[a];
    const snippet = highlighting ? hit.snippet : null;
    const shown = snippet
      ? snippetText(fieldText(article, snippet.block, snippet.part), snippet)
      : this.compact ? excerpt(article.lede ?? fieldText(article, 0, 'text'), []) : null;
    if (shown) {
      slot.snippet.replaceChildren();
      appendMarked(slot.snippet, shown.text, shown.spans);
    } else if (slot.snippet.firstChild) {
      slot.snippet.replaceChildren();
    }
  }

  /**
   * Marks article `index` as the one shown.
   * @param {number} index
   */
  select(index) {
    const slot = index >= 0 ? this.slotOf[index] : -1;
    if (slot === this.selectedSlot && index === this.selected) return;
    this.slots[this.selectedSlot]?.button.removeAttribute('aria-current');
    this.slots[slot]?.button.setAttribute('aria-current', 'true');
    this.selected = index;
    this.selectedSlot = slot;
  }
}

export { plural };
