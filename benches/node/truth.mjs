// The brute-force oracle: how many articles each query should find, by scanning every
// word of every article. No index, no cleverness — slow and obviously right.
//
// Words: `Intl.Segmenter(undefined, {granularity: 'word'})`, the segments that are
// `isWordLike` (UAX #29, as article-explorer tokenises), per line: docs/format.md makes
// every line its own field, and a phrase does not run from one field into the next.
// Each word is folded: lowercased; typographic apostrophes (’ ‘ ʼ) → '; canonical
// decomposition with the combining marks dropped — only after a Latin, Greek or Cyrillic
// letter, and not the breve of й (both as article-explorer folds, docs/query.md); then
// recomposed (NFC).
//
// A query's words are folded the same way, and an article matches
//   term        — when it has the word, or the word + "'s" (a possessive);
//   two terms   — when it matches both terms (anywhere in the article);
//   phrase      — when the words occur consecutively (each by the term rule) in one line;
//   prefix      — when it has a word starting with the prefix;
//   misspelling — when it has a word within Levenshtein distance (no transpositions)
//                 1 of the query word if that has 4–7 letters, 2 if 8 or more (0 below 4);
//   absent      — (a made-up word) by the term rule, which finds nothing.
// The count is the number of matching articles.

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** The definitions above, for the JSON. */
export const DEFINITIONS = {
  words: "Intl.Segmenter word segments with isWordLike, per line (a line is a field)",
  fold: "lowercase; ’ ‘ ʼ → '; NFD, combining marks dropped after Latin/Greek/Cyrillic letters (not the breve of й); NFC",
  term: "the article has the word or the word + 's",
  two: 'the article matches both terms',
  phrase: 'the words consecutive (each by the term rule) within one line',
  prefix: 'the article has a word starting with the prefix',
  misspelling: 'the article has a word within Levenshtein distance 1 (query word of 4–7 letters) or 2 (8+ letters)',
  absent: 'term rule (finds nothing)',
  count: 'number of matching articles',
};

const MARK = /\p{M}/u;
const FOLDABLE = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;

/** Folds one word (see the header). */
export function fold(word) {
  const decomposed = word.toLowerCase().replace(/[’‘ʼ]/g, "'").normalize('NFD');
  let out = '';
  let base = '';
  for (const ch of decomposed) {
    if (MARK.test(ch)) {
      const keep = !FOLDABLE.test(base) || (ch === '\u0306' && (base === 'и' || base === 'И'));
      if (keep) out += ch;
      continue;
    }
    base = ch;
    out += ch;
  }
  return out.normalize('NFC');
}

/** The word-like segments of a line, as typed. */
export function segmentWords(line) {
  const out = [];
  for (const s of segmenter.segment(line)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/**
 * Every article as lines of folded words, and each folded word's first spelling as typed
 * (lowercased, for the queries).
 * @param {import('./corpus.mjs').Article[]} articles
 */
export function analyse(articles) {
  const surface = new Map();
  const docs = articles.map((a) =>
    a.text.split(/\r\n|\r|\n/).map((line) =>
      segmentWords(line).map((w) => {
        const f = fold(w);
        if (!surface.has(f)) surface.set(f, w.toLowerCase().replace(/[’‘ʼ]/g, "'").normalize('NFC'));
        return f;
      })).filter((l) => l.length > 0));
  return { docs, surface };
}

/** Levenshtein distance of two arrays of code points, or `limit + 1` once it must exceed `limit`. */
export function levenshtein(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** Edit distance allowed for a misspelt word of this many letters. */
export function allowedEdits(word) {
  const n = [...word].length;
  return n >= 8 ? 2 : n >= 4 ? 1 : 0;
}

/**
 * The matcher of one query word: `(foldedWord) → boolean`.
 * @param {{words: string[], prefix?: boolean, fuzzy?: boolean}} q
 */
function wordMatcher(word, q) {
  const t = fold(word);
  if (q.prefix) return (w) => w.startsWith(t);
  if (q.fuzzy) {
    const limit = allowedEdits(t);
    const target = [...t];
    const seen = new Map();
    return (w) => {
      let hit = seen.get(w);
      if (hit === undefined) seen.set(w, (hit = levenshtein([...w], target, limit) <= limit));
      return hit;
    };
  }
  const possessive = `${t}'s`;
  return (w) => w === t || w === possessive;
}

/**
 * The number of articles a query should find (and which, for diagnosis).
 * @param {{docs: string[][][]}} analysis
 * @param {{words: string[], phrase?: boolean, prefix?: boolean, fuzzy?: boolean}} q
 * @returns {{count: number, ids: number[]}}
 */
export function truth(analysis, q) {
  const matchers = q.words.map((w) => wordMatcher(w, q));
  const ids = [];
  analysis.docs.forEach((lines, id) => {
    const ok = q.phrase
      ? lines.some((ws) => ws.some((_, i) => i + matchers.length <= ws.length
        && matchers.every((m, k) => m(ws[i + k]))))
      : matchers.every((m) => lines.some((ws) => ws.some(m)));
    if (ok) ids.push(id);
  });
  return { count: ids.length, ids };
}
