// Pure helpers: text and spans into pieces, collapsing blocks, excerpts, the URL hash, a
// field's text. No DOM; tested with `node --test` (tests/js/).

/**
 * Splits `text` at the highlight spans into plain and marked pieces, in order.
 * Spans are half-open [start, end) in UTF-16 code units, sorted and non-overlapping
 * (as the engine gives them). Out-of-range or backward spans are clamped, never thrown on.
 * @param {string} text
 * @param {Array<[number, number, number?]>} spans `[start, end, how]`: `how` (default 0)
 *   is how the span matched (engine.js `Span`), carried to its piece
 * @returns {Array<{text: string, mark: boolean, how: number}>} non-empty pieces whose texts
 *   join to `text`
 */
export function segments(text, spans) {
  const out = [];
  let at = 0;
  for (const [rawStart, rawEnd, how = 0] of spans) {
    const start = Math.min(Math.max(rawStart, at), text.length);
    const end = Math.min(Math.max(rawEnd, start), text.length);
    if (start > at) out.push({ text: text.slice(at, start), mark: false, how: 0 });
    if (end > start) out.push({ text: text.slice(start, end), mark: true, how });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false, how: 0 });
  return out;
}

/**
 * Groups the indices of blocks to show and hide when only matching blocks are shown.
 * @param {number} count number of blocks
 * @param {Set<number>} matching indices of the blocks with a match
 * @returns {Array<{show: number} | {hide: number[]}>} in order; runs of hidden blocks grouped
 */
export function collapse(count, matching) {
  const out = [];
  let run = [];
  for (let i = 0; i < count; i++) {
    if (matching.has(i)) {
      if (run.length) out.push({ hide: run });
      run = [];
      out.push({ show: i });
    } else {
      run.push(i);
    }
  }
  if (run.length) out.push({ hide: run });
  return out;
}

/**
 * Reads the view from a location hash: `#q=…&a=…&m=…&p=…`.
 * @param {string} hash
 * @returns {{q: string, a: string|null, m: number, p: number}} m: the current match in
 *   the article (1 the first; 0 none said), p: the passage (block) to show (-1 none)
 */
export function readHash(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const int = (/** @type {string} */ key, /** @type {number} */ none) => {
    const text = params.get(key) ?? '';
    return /^\d{1,9}$/.test(text) ? Number(text) : none;
  };
  return { q: params.get('q') ?? '', a: params.get('a'), m: int('m', 0), p: int('p', -1) };
}

/**
 * Writes the view as a location hash.
 * @param {{q: string, a: string|null, m?: number, p?: number}} view m: the current match
 *   (written from the second on: the first is where a view opens), p: a passage
 * @returns {string}
 */
export function writeHash({ q, a, m = 0, p = -1 }) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (a) params.set('a', a);
  if (m > 1) params.set('m', String(m));
  if (p >= 0) params.set('p', String(p));
  const s = params.toString();
  return s ? `#${s}` : '#';
}

/**
 * The text a snippet shows: `range` of `text`, "… " before and " …" after where `cut`
 * says the text goes on, and the spans shifted into it.
 * @param {string} text the field's text
 * @param {{range: [number, number], cut: [boolean, boolean], spans: Array<[number, number, number?]>}} snippet
 * @returns {{text: string, spans: Array<[number, number, number?]>}}
 */
export function snippetText(text, { range: [start, end], cut: [before, after], spans }) {
  const prefix = before ? '… ' : '';
  const shift = prefix.length - start;
  return {
    text: `${prefix}${text.slice(start, end)}${after ? ' …' : ''}`,
    spans: spans.map(([a, b, ...how]) => [a + shift, b + shift, ...how]),
  };
}

/**
 * A window of `text` around its first span: about `radius` UTF-16 units on each side, cut
 * at spaces (never inside a surrogate pair), with "…" where cut; the spans inside it,
 * shifted. Without spans, the start of the text.
 * @param {string} text
 * @param {Array<[number, number]>} spans sorted, as the engine gives them
 * @param {number} [radius]
 * @returns {{text: string, spans: Array<[number, number]>}}
 */
export function excerpt(text, spans, radius = 80) {
  const [first, last] = spans.length ? spans[0] : [0, 0];
  let start = Math.max(0, first - radius);
  let end = Math.min(text.length, last + radius + (spans.length ? 0 : radius));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < first) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > last) end = space;
  }
  /** @param {number} i */
  const isLow = (i) => i > 0 && i < text.length && (text.charCodeAt(i) & 0xfc00) === 0xdc00;
  if (isLow(start)) start++;
  if (isLow(end)) end--;
  const prefix = start > 0 ? '… ' : '';
  const shift = prefix.length - start;
  return {
    text: `${prefix}${text.slice(start, end)}${end < text.length ? ' …' : ''}`,
    spans: spans.filter(([a, b]) => a >= start && b <= end).map(([a, b, ...how]) => [a + shift, b + shift, ...how]),
  };
}

/**
 * The text of one field of an article.
 * @param {import('./engine.js').Article} article
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
