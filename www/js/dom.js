// DOM helpers shared by the components. Article text and queries are inserted only as
// text: text nodes, textContent and <mark> elements — never as HTML.

import { segments } from './segments.js';

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

/**
 * Sets a node's text only when it changes (an equal write still costs style and layout).
 * @param {Node} node
 * @param {string} text
 */
export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

/**
 * "1 article", "25,716 matches": the count with thousands separators, and the word.
 * @param {number} n
 * @param {string} one
 * @param {string} many
 */
export const plural = (n, one, many) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** A mark's class, part and tooltip by how its span matched (engine.js `Span`). */
const HOW = [
  null,
  { name: 'stem', title: 'another form of the word' },
  { name: 'fuzzy', title: 'a word spelt like it' },
  { name: 'prefix', title: 'a word it begins (still being typed)' },
];

/**
 * Appends `text` to `parent`, the spans wrapped in <mark> (with class `stem`, `fuzzy` or
 * `prefix` when the span is not the word as typed).
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
