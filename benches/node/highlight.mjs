// What a user adds to an engine that returns no match positions: after getting the top
// articles, scan their text for the query's words — a case-insensitive, Unicode-aware,
// whole-word regular expression — and take the matches as highlight ranges. Its cost is
// part of that engine's query time.
//
// Ranges are [start, end, field]: half-open UTF-16 offsets into that field's text.

const WORD = '[\\p{L}\\p{M}\\p{N}_]';
const GAP = '[^\\p{L}\\p{M}\\p{N}_]+';
const POSSESSIVE = "(?:['’]s)?";

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The regular expression for a query (queries.mjs) — or for the terms an engine says it
 * matched (MiniSearch's `terms`), each then a whole word.
 * `prefixes`: every query word also matches as a prefix (for an engine that indexes
 * prefixes, such as FlexSearch with tokenize "forward").
 * @param {{words: string[], phrase?: boolean, prefix?: boolean}} q
 * @param {{terms?: string[], prefixes?: boolean}=} how
 */
export function scanner(q, { terms, prefixes } = {}) {
  let body;
  if (terms) body = terms.map((t) => escape(t) + POSSESSIVE).join('|');
  else if (q.prefix || prefixes) body = q.words.map((w) => `${escape(w)}${WORD}*`).join(q.phrase ? GAP : '|');
  else if (q.phrase) body = q.words.map(escape).join(GAP) + POSSESSIVE;
  else body = q.words.map((w) => escape(w) + POSSESSIVE).join('|');
  return new RegExp(`(?<!${WORD})(?:${body})(?!${WORD})`, 'giu');
}

/** The ranges of `re` in `text`, tagged with `field`; appended to `out`. */
export function scan(re, text, field, out = []) {
  re.lastIndex = 0;
  for (let m; (m = re.exec(text)) !== null;) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    out.push([m.index, m.index + m[0].length, field]);
  }
  return out;
}

/** Title and body ranges of one article. */
export function scanArticle(re, article) {
  const out = scan(re, article.title, 0);
  return scan(re, article.body, 1, out);
}
