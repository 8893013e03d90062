// The article view: one article laid out as an article (title, lede, paragraphs, cards,
// the disclaimer), its marks patched in place while it stays shown. Text goes in only as
// text (dom.js).

import { collapse as collapseUnits, fieldText } from './segments.js';
import { appendMarked, el, plural } from './dom.js';

/** @typedef {import('./engine.js').Article} Article */
/** @typedef {import('./engine.js').ArticleHit} ArticleHit */
/** @typedef {import('./engine.js').Result} Result */
/** @typedef {import('./engine.js').Span} Span */

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
    p.dataset.block = '-2';
    return [p, field(p, '-2:text', article.lede ?? '')];
  }
  const b = article.blocks[block];
  if (b.kind === 'card') {
    const card = el('aside', 'card');
    // Each landmark named apart: by the card's title.
    card.setAttribute('aria-label', `Related article: ${b.title}`);
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
  // A paragraph is a passage: its tools (passage.js) find its block by this.
  if (b.kind === 'paragraph') node.dataset.block = String(block);
  return [node, field(node, `${block}:text`, b.text)];
}
