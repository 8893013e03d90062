// DOM rendering. Article text and queries are inserted only as text: text nodes,
// textContent and <mark> elements — never as HTML.

import { segments, collapse, excerpt } from './segments.js';

/** @typedef {import('./engine.js').Article} Article */
/** @typedef {import('./engine.js').ArticleHit} ArticleHit */
/** @typedef {import('./engine.js').Result} Result */

/**
 * @param {string} tag
 * @param {string} [className]
 * @param {string} [text]
 */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Appends `text` to `parent`, the spans wrapped in <mark>.
 * @returns {HTMLElement[]} the marks, in order
 */
export function appendMarked(parent, text, spans) {
  const marks = [];
  for (const piece of segments(text, spans ?? [])) {
    if (piece.mark) {
      const mark = el('mark', undefined, piece.text);
      mark.setAttribute('part', 'mark');
      parent.append(mark);
      marks.push(mark);
    } else {
      parent.append(document.createTextNode(piece.text));
    }
  }
  return marks;
}

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/**
 * Renders one article into `container`.
 * @param {HTMLElement} container
 * @param {Article} article
 * @param {ArticleHit|undefined} hit its matches, if the query highlights anything
 * @param {boolean} onlyMatching collapse the blocks without a match
 * @returns {HTMLElement[]} every <mark>, in reading order
 */
export function renderArticle(container, article, hit, onlyMatching) {
  container.replaceChildren();
  /** @type {Map<string, Array<[number, number]>>} */
  const spans = new Map();
  for (const f of hit?.fields ?? []) spans.set(`${f.block}:${f.part}`, f.spans);
  const marks = [];

  const title = el('h1', 'title');
  marks.push(...appendMarked(title, article.title, spans.get('-1:text')));
  container.append(title);

  // The units below the title: the lede (block -2) and every block.
  const units = [];
  if (article.lede !== null) units.push(-2);
  article.blocks.forEach((_, i) => units.push(i));
  const matching = new Set();
  units.forEach((block, i) => {
    for (const part of ['text', 'title', 'author', 'teaser']) {
      if (spans.has(`${block}:${part}`)) matching.add(i);
    }
  });

  const render = (i) => {
    const [node, unitMarks] = renderUnit(article, units[i], spans);
    marks.push(...unitMarks);
    return node;
  };
  const groups = onlyMatching && hit && matching.size
    ? collapse(units.length, matching)
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
        const nodes = group.hide.map((i) => renderUnit(article, units[i], spans)[0]);
        gap.replaceWith(...nodes);
      });
      container.append(gap);
    }
  }
  return marks;
}

/** One unit: the lede or a block. @returns {[HTMLElement, HTMLElement[]]} */
function renderUnit(article, block, spans) {
  if (block === -2) {
    const p = el('p', 'lede');
    return [p, appendMarked(p, article.lede ?? '', spans.get('-2:text'))];
  }
  const b = article.blocks[block];
  const key = (part) => spans.get(`${block}:${part}`);
  if (b.kind === 'card') {
    const card = el('aside', 'card');
    card.setAttribute('aria-label', 'Related article');
    const marks = [];
    for (const [part, tag] of [['title', 'p'], ['author', 'p'], ['teaser', 'p']]) {
      const node = el(tag, `card-${part}`);
      marks.push(...appendMarked(node, b[part], key(part)));
      card.append(node);
    }
    return [card, marks];
  }
  const tag = b.kind === 'heading' ? 'h2' : 'p';
  const node = el(tag, b.kind);
  return [node, appendMarked(node, b.text, key('text'))];
}

/**
 * The text of one field of an article.
 * @param {Article} article
 * @param {number} block -1 title, -2 lede, else the block's index
 * @param {string} part
 */
export function fieldText(article, block, part) {
  if (block === -1) return article.title;
  if (block === -2) return article.lede ?? '';
  const b = article.blocks[block];
  return (b?.kind === 'card' ? b[part] : b?.text) ?? '';
}

/** The list of articles: built once, then counted, hidden and ordered per query. */
export class ArticleList {
  /**
   * @param {HTMLOListElement} root
   * @param {Article[]} articles
   * @param {(index: number) => void} onSelect
   * @param {{compact?: boolean}} [options] compact: each item shows a snippet of its best match
   */
  constructor(root, articles, onSelect, { compact = false } = {}) {
    this.root = root;
    this.compact = compact;
    this.items = articles.map((article, i) => {
      const li = el('li', 'item');
      li.setAttribute('part', 'item');
      const button = el('button', 'pick');
      button.type = 'button';
      const title = el('span', 'item-title', article.title);
      const count = el('span', 'count');
      const cards = article.blocks.filter((b) => b.kind === 'card');
      const meta = el('span', 'item-meta', cards.length
        ? `${plural(cards.length, 'related article', 'related articles')}: ${cards.map((c) => c.author).join(', ')}`
        : '');
      button.append(title, meta, count);
      button.addEventListener('click', () => onSelect(i));
      li.append(button);
      const snippet = compact ? el('p', 'snippet') : null;
      if (snippet) li.append(snippet);
      return { li, button, count, snippet };
    });
  }

  /**
   * Shows the result's articles in its order with their counts; hides the others.
   * @param {Result} result
   * @param {boolean} active whether a query is active (hiding applies)
   * @param {Article[]} articles
   * @returns {number} how many articles are hidden
   */
  update(result, active, articles) {
    const shown = new Set();
    const order = [];
    for (const hit of result.articles) {
      shown.add(hit.article);
      const item = this.items[hit.article];
      order.push(item.li);
      item.count.textContent = result.highlighting ? String(hit.matches) : '';
      item.count.setAttribute('aria-label', result.highlighting ? plural(hit.matches, 'match', 'matches') : '');
      if (item.snippet) {
        const article = articles[hit.article];
        const field = result.highlighting ? hit.fields[0] : undefined;
        const text = field ? fieldText(article, field.block, field.part) : article.lede ?? fieldText(article, 0, 'text');
        const cut = excerpt(text, field?.spans ?? []);
        item.snippet.replaceChildren();
        appendMarked(item.snippet, cut.text, cut.spans);
      }
    }
    let hidden = 0;
    this.items.forEach((item, i) => {
      item.li.hidden = active && !shown.has(i);
      if (item.li.hidden) hidden++;
      if (!shown.has(i)) order.push(item.li);
    });
    this.root.replaceChildren(...order);
    return hidden;
  }

  /** Marks article `index` as the one shown. */
  select(index) {
    this.items.forEach((item, i) => {
      if (i === index) item.button.setAttribute('aria-current', 'true');
      else item.button.removeAttribute('aria-current');
    });
  }
}

export { plural };
