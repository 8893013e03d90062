// MiniSearch 7: fields title and body, nothing stored (`storeFields` empty).
//
// Query, with the README's search options: words combined with AND (`combineWith`; its
// default is OR), `prefix: true` for the prefix query, `fuzzy: 0.2` (the README's value:
// an edit distance of 0.2 × the word's length) for the misspelling. No phrases: a phrase
// is its words ANDed. MiniSearch returns the matched document terms (`terms`) but no
// positions, so the ranges are the user's scan of the top 10 for those terms
// (highlight.mjs).

import MiniSearch from 'minisearch';
import { scanArticle, scanner } from '../highlight.mjs';
import { packageVersion } from './package-version.mjs';

const version = packageVersion('minisearch');

const options = (q) => ({ combineWith: 'AND', prefix: q.prefix, fuzzy: q.fuzzy ? 0.2 : false });

export default {
  name: 'minisearch',
  version,
  config: 'fields [title, body], storeFields []; combineWith AND, prefix: true for prefix*, fuzzy: 0.2 for the misspelling; no phrases',

  build(articles) {
    const ms = new MiniSearch({ fields: ['title', 'body'], storeFields: [] });
    ms.addAll(articles.map((a) => ({ id: a.id, title: a.title, body: a.body })));
    return { ms, articles };
  },

  query(index, q) {
    const hits = index.ms.search(q.words.join(' '), options(q));
    const top = hits.slice(0, 10).map((h) => ({
      id: h.id,
      ranges: scanArticle(scanner(q, { terms: h.terms }), index.articles[h.id]),
    }));
    return { count: hits.length, top };
  },

  count(index, q) {
    return index.ms.search(q.words.join(' '), options(q)).length;
  },
};
