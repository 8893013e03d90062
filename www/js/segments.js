// Pure helpers for highlighting: no DOM, tested with `node --test` (tests/js/).

/**
 * Splits `text` at the highlight spans into plain and marked pieces, in order.
 * Spans are half-open [start, end) in UTF-16 code units, sorted and non-overlapping
 * (as the engine gives them). Out-of-range or backward spans are clamped, never thrown on.
 * @param {string} text
 * @param {Array<[number, number]>} spans
 * @returns {Array<{text: string, mark: boolean}>} non-empty pieces whose texts join to `text`
 */
export function segments(text, spans) {
  const out = [];
  let at = 0;
  for (const [rawStart, rawEnd] of spans) {
    const start = Math.min(Math.max(rawStart, at), text.length);
    const end = Math.min(Math.max(rawEnd, start), text.length);
    if (start > at) out.push({ text: text.slice(at, start), mark: false });
    if (end > start) out.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
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
 * Reads the view from a location hash: `#q=…&a=…`.
 * @param {string} hash
 * @returns {{q: string, a: string|null}}
 */
export function readHash(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return { q: params.get('q') ?? '', a: params.get('a') };
}

/**
 * Writes the view as a location hash.
 * @param {{q: string, a: string|null}} view
 * @returns {string}
 */
export function writeHash({ q, a }) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (a) params.set('a', a);
  const s = params.toString();
  return s ? `#${s}` : '#';
}
