// Fuse.js 7: fuzzy search (Bitap), configured as its docs say for document search across
// a title and a body: token search (`useTokenSearch`: each query word fuzzy-matched on its
// own, BM25-like ranking) with `tokenMatch: 'all'` ("use 'all' for filtering"), keys
// title and body, `includeMatches` (character ranges for highlighting) and
// `ignoreLocation` (a match anywhere in a long text counts).
//
// `threshold` stays at its default, 0.6 (0 = exact, 1 = anything): a word matches any
// text holding something within that fraction of edits — so Fuse finds far more than the
// words, and its count shows it. It has no phrases (a phrase is its words) and no prefix
// operator (a prefix matches as a fuzzy substring anyway).
//
// The ranges are Fuse's own `matches[].indices` (end inclusive → half-open).

import Fuse from 'fuse.js';
import { packageVersion } from './package-version.mjs';

const version = packageVersion('fuse.js');

const FIELD = { title: 0, body: 1 };

export default {
  name: 'fuse',
  version,
  config: 'keys [title, body], useTokenSearch, tokenMatch "all", includeMatches, ignoreLocation, threshold 0.6 (default)',

  build(articles) {
    const fuse = new Fuse(articles.map((a) => ({ title: a.title, body: a.body })), {
      keys: ['title', 'body'],
      useTokenSearch: true,
      tokenMatch: 'all',
      includeMatches: true,
      ignoreLocation: true,
    });
    return { fuse };
  },

  query(index, q) {
    const hits = index.fuse.search(q.words.join(' '), { limit: 10 });
    const top = hits.map((h) => ({
      id: h.refIndex,
      ranges: (h.matches ?? []).flatMap((m) => m.indices.map(([s, e]) => [s, e + 1, FIELD[m.key]])),
    }));
    return { count: hits.length, top };
  },

  count(index, q) {
    return index.fuse.search(q.words.join(' ')).length;
  },
};
