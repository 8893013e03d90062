// The site's articles and the reader's own (collection.js), searched as one: the engine
// the page's App uses. Each collection has its explorer; a query asks both, and their
// rankings are merged by score. The reader's articles are numbered after the site's,
// in the same `articles` array, changed in place when they change. The collection is
// attached when its code has come (after the first view: yours.js).

import { decode, phrases } from './engine.js';

/**
 * @typedef {import('./engine.js').Engine} Engine
 * @typedef {import('./engine.js').Result} Result
 * @typedef {import('./collection.js').Collection} Collection
 * @typedef {Engine & {onArticles: (listener: () => void) => void,
 *   attach: (collection: Collection) => void}} Combined
 *   onArticles: told when the reader's articles change (added, removed): the articles
 *   from `site.articles.length` on are theirs; attach: searches `collection` too from now on
 */

/**
 * @param {Engine} site
 * @returns {Combined}
 */
export function combine(site) {
  const articles = site.articles;
  const first = articles.length;
  /** @type {Set<() => void>} */
  const listeners = new Set();
  /** @type {Collection|null} */
  let mine = null;
  return {
    ...site,
    articles,
    get buildMs() {
      return site.buildMs;
    },
    search(q, typing = false) {
      const ours = site.search(q, typing);
      if (!mine?.explorer) return ours;
      return merged(ours, decode(mine.explorer.query(q, typing), () => false, first));
    },
    here: (a) => a >= first || site.here(a),
    articleKeyphrases: (a) => (a >= first
      ? phrases(mine?.explorer?.articleKeyphrases(a - first) ?? [])
      : site.articleKeyphrases(a)),
    onArticles: (listener) => listeners.add(listener),
    attach(collection) {
      mine = collection;
      collection.listeners.add(() => {
        articles.length = first;
        for (const article of collection.articles) articles.push(article);
        for (const listener of listeners) listener();
      });
    },
  };
}

/**
 * One answer of two: the articles of both by score (the site's first at a tie), their
 * counts added; what helps with an empty answer, from both.
 * @param {Result} a the site's
 * @param {Result} b the reader's
 * @returns {Result}
 */
export function merged(a, b) {
  const articles = [];
  let i = 0;
  let j = 0;
  while (i < a.articles.length || j < b.articles.length) {
    const x = a.articles[i];
    const y = b.articles[j];
    if (!y || (x && x.score >= y.score)) {
      articles.push(x);
      i++;
    } else {
      articles.push(y);
      j++;
    }
  }
  const empty = articles.length === 0;
  /** @type {Map<string, import('./engine.js').Suggestion>} */
  const suggestions = new Map();
  for (const s of empty ? [...a.suggestions, ...b.suggestions] : []) {
    const known = suggestions.get(s.drop);
    suggestions.set(s.drop, known ? { ...known, articles: known.articles + s.articles } : s);
  }
  const corrected = [a.didYouMean, b.didYouMean].filter((c) => c !== null);
  const didYouMean = empty && corrected.length
    ? corrected.reduce((best, c) => (c.query === best.query
      ? { ...best, articles: best.articles + c.articles }
      : c.articles > best.articles ? c : best))
    : null;
  const respelled = [...a.respelled];
  for (const r of b.respelled) if (!respelled.some((s) => s.word === r.word)) respelled.push(r);
  return {
    ...a,
    notice: a.notice ?? b.notice,
    total: a.total + b.total,
    highlighting: a.highlighting || b.highlighting,
    dropped: a.dropped || b.dropped,
    articles,
    suggestions: [...suggestions.values()],
    didYouMean,
    respelled,
  };
}
