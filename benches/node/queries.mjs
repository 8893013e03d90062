// The query mix, chosen from the corpus itself, deterministically (same corpus → same
// queries): nine classes, one query each. Latin-script choices are plain a–z words that
// are not English stopwords; ties go to the alphabetically first.
//
//   common      the word in the most articles (4+ letters)
//   rare        a word in 3 articles (else 2, else 1), 6+ letters
//   two         two words, both required: the second most widespread word and the word
//               whose article count is nearest a quarter of the corpus
//   phrase      two adjacent words (in one line) found as a phrase in 2–50 % of the
//               articles (at least 2), chosen where the words ANDed find the most more
//               articles than the phrase — so that phrase support shows
//   prefix      the 5-letter prefix, itself no word, shared by the most distinct words of
//               7+ letters (at least 3), e.g. `inter*`
//   misspelling the most widespread word of 8+ letters with its middle letter replaced by
//               the first letter that makes a word found in no article
//   cyrillic    the Cyrillic word (5+ letters) in the most articles
//   hangul      the Hangul word (2+ syllables) in the most articles
//   absent      a made-up word that no article has, nor any word starting with it
//
// Each query: {cls, words (as typed in the corpus, lowercase), phrase, prefix, fuzzy,
// text (article-explorer's syntax, docs/query.md)}. Adapters translate the rest into
// their engine's own syntax.

export const CLASSES = ['common', 'rare', 'two', 'phrase', 'prefix', 'misspelling', 'cyrillic', 'hangul', 'absent'];

/** The rules above, for the JSON. */
export const RULES = {
  latin: 'plain a–z words, not English stopwords; ties to the alphabetically first',
  common: 'the word in the most articles (4+ letters)',
  rare: 'a word in 3 articles (else 2, else 1), 6+ letters',
  two: 'the second most widespread word AND the word whose article count is nearest a quarter of the corpus',
  phrase: 'two adjacent words found as a phrase in 2–50 % of the articles (at least 2), where the words ANDed find the most more articles than the phrase',
  prefix: 'the 5-letter prefix, itself no word, shared by the most distinct words of 7+ letters (at least 3)',
  misspelling: 'the most widespread word of 8+ letters, its middle letter replaced by the first letter making a word found in no article',
  cyrillic: 'the Cyrillic word (5+ letters) in the most articles',
  hangul: 'the Hangul word (2+ syllables) in the most articles',
  absent: 'a made-up word that no article has, nor any word starting with it',
};

// English stopwords (Lunr's list, which is also the usual one).
const STOP = new Set(('a able about across after all almost also am among an and any are as at be because been but by '
  + 'can cannot could dear did do does either else ever every for from get got had has have he her hers him his how '
  + 'however i if in into is it its just least let like likely may me might most must my neither no nor not of off '
  + 'often on only or other our own rather said say says she should since so some than that the their them then there '
  + 'these they this tis to too twas us wants was we were what when where which while who whom why will with would '
  + 'yet you your').split(' '));

const LATIN = /^[a-z]+$/;
const CYRILLIC = /^\p{Script=Cyrillic}+$/u;
const HANGUL = /^\p{Script=Hangul}+$/u;

const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * @param {{docs: string[][][], surface: Map<string, string>}} analysis (truth.mjs)
 * @returns {{queries: object[], skipped: {cls: string, why: string}[]}}
 */
export function chooseQueries(analysis) {
  const n = analysis.docs.length;
  // Word → the articles that have it.
  const docsOf = new Map();
  analysis.docs.forEach((lines, id) => {
    for (const ws of lines) for (const w of ws) {
      let s = docsOf.get(w);
      if (!s) docsOf.set(w, (s = new Set()));
      s.add(id);
    }
  });
  const df = (w) => docsOf.get(w)?.size ?? 0;
  const used = new Set();
  const content = (w) => LATIN.test(w) && !STOP.has(w) && !used.has(w);
  const words = [...docsOf.keys()].sort(byName);
  /** The best word by `key` (higher first) among those passing `ok`. */
  const best = (ok, key) => {
    let top, topKey = -Infinity;
    for (const w of words) if (ok(w) && key(w) > topKey) { top = w; topKey = key(w); }
    return top;
  };
  const say = (w) => analysis.surface.get(w) ?? w;
  const queries = [];
  const skipped = [];
  const add = (cls, ws, opts = {}) => {
    if (ws.some((w) => w === undefined)) { skipped.push({ cls, why: opts.why ?? 'no word fits' }); return; }
    ws.forEach((w) => used.add(w));
    const typed = ws.map((w) => opts.raw ? w : say(w));
    const text = opts.phrase ? `"${typed.join(' ')}"` : opts.prefix ? `${typed[0]}*` : typed.join(' ');
    queries.push({ cls, words: typed, phrase: !!opts.phrase, prefix: !!opts.prefix, fuzzy: !!opts.fuzzy, text });
  };

  add('common', [best((w) => content(w) && w.length >= 4, df)]);

  let rare;
  for (const k of [3, 2, 1]) {
    rare ??= best((w) => content(w) && w.length >= 6 && df(w) === k, () => 0);
  }
  add('rare', [rare]);

  const first = best((w) => content(w) && w.length >= 4, df);
  used.add(first);
  const second = best((w) => content(w) && w.length >= 4, (w) => -Math.abs(df(w) - n / 4));
  used.delete(first);
  add('two', [first, second]);

  add('phrase', choosePhrase(analysis, docsOf, content), { phrase: true });

  add('prefix', [choosePrefix(words, docsOf, content)], { prefix: true, raw: true });

  const long = best((w) => content(w) && w.length >= 8, df);
  let misspelt;
  if (long) {
    const mid = Math.floor(long.length / 2);
    for (const c of 'abcdefghijklmnopqrstuvwxyz') {
      const cand = long.slice(0, mid) + c + long.slice(mid + 1);
      if (c !== long[mid] && !docsOf.has(cand) && !docsOf.has(`${cand}'s`)) { misspelt = cand; break; }
    }
  }
  add('misspelling', [misspelt], { fuzzy: true, raw: true });

  add('cyrillic', [best((w) => CYRILLIC.test(w) && [...w].length >= 5, df)], { why: 'no Cyrillic word of 5+ letters in the corpus' });
  add('hangul', [best((w) => HANGUL.test(w) && [...w].length >= 2, df)], { why: 'no Hangul word of 2+ syllables in the corpus' });

  let absent = 'zqxwvjk';
  while (words.some((w) => w.startsWith(absent))) absent += 'q';
  add('absent', [absent], { raw: true });

  return { queries, skipped };
}

function choosePhrase(analysis, docsOf, content) {
  const n = analysis.docs.length;
  const phraseDocs = new Map();
  analysis.docs.forEach((lines, id) => {
    for (const ws of lines) for (let i = 0; i + 1 < ws.length; i++) {
      const [a, b] = [ws[i], ws[i + 1]];
      if (a === b || a.length < 3 || b.length < 3 || !content(a) || !content(b)) continue;
      const key = `${a} ${b}`;
      let s = phraseDocs.get(key);
      if (!s) phraseDocs.set(key, (s = new Set()));
      s.add(id);
    }
  });
  const lo = Math.max(2, Math.ceil(0.02 * n));
  const hi = Math.max(lo, Math.floor(0.5 * n));
  let top, topKey;
  for (const key of [...phraseDocs.keys()].sort(byName)) {
    const p = phraseDocs.get(key).size;
    if (p < lo || p > hi) continue;
    const [a, b] = key.split(' ');
    const [sa, sb] = [docsOf.get(a), docsOf.get(b)];
    let both = 0;
    for (const id of sa.size < sb.size ? sa : sb) if ((sa.size < sb.size ? sb : sa).has(id)) both++;
    const k = [both - p, p];
    if (!top || k[0] > topKey[0] || (k[0] === topKey[0] && k[1] > topKey[1])) { top = key; topKey = k; }
  }
  return top ? top.split(' ') : [undefined];
}

function choosePrefix(words, docsOf, content) {
  const forms = new Map();
  for (const w of words) {
    if (!content(w) || w.length < 7) continue;
    const p = w.slice(0, 5);
    if (!forms.has(p)) forms.set(p, []);
    forms.get(p).push(w);
  }
  let top, topKey;
  for (const p of [...forms.keys()].sort(byName)) {
    const ws = forms.get(p);
    if (ws.length < 3 || docsOf.has(p)) continue;
    const arts = new Set(ws.flatMap((w) => [...docsOf.get(w)]));
    const k = [ws.length, arts.size];
    if (!top || k[0] > topKey[0] || (k[0] === topKey[0] && k[1] > topKey[1])) { top = p; topKey = k; }
  }
  return top;
}
