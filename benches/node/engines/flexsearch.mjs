// FlexSearch 0.8: a Document index over the fields title and body.
//
// Configured as its README recommends for relevance on phrases: tokenize "strict" with
// the context index (`context: true`; "only the tokenizer strict is supported by the
// context index"). The context index pairs each word with its neighbours (depth 1), and
// a query of several words is answered from those pairs: the words must stand next to
// each other — a phrase is found (in either order), two words apart in an article are not
// (its count shows it). "strict" indexes whole words only, so a prefix query (`inter`)
// finds only the word itself; no typo tolerance. flexsearch-forward.mjs is the other
// recommended setting (tokenize "forward", for partial words).
//
// Query: the words, `merge: true` (one entry per document across fields; a document
// matches when one field has all the words), `limit` 10 for the timed query and the
// corpus size for the count. FlexSearch returns no positions (its `highlight` option
// needs the documents stored and returns marked-up strings), so the ranges are the
// user's scan of the top 10 (highlight.mjs).

import { Document } from 'flexsearch';
import { scanArticle, scanner } from '../highlight.mjs';
import { packageVersion } from './package-version.mjs';

const version = packageVersion('flexsearch');

/** An adapter for one FlexSearch configuration. */
export function flexsearch(name, options, describe, { prefixes = false } = {}) {
  return {
    name,
    version,
    config: describe,

    build(articles) {
      const doc = new Document({ ...options, document: { id: 'id', index: ['title', 'body'] } });
      for (const a of articles) doc.add({ id: a.id, title: a.title, body: a.body });
      return { doc, articles };
    },

    query(index, q) {
      const hits = index.doc.search(q.words.join(' '), { limit: 10, merge: true });
      const re = scanner(q, { prefixes });
      const top = hits.map((h) => ({ id: h.id, ranges: scanArticle(re, index.articles[h.id]) }));
      return { count: hits.length, top };
    },

    count(index, q) {
      return index.doc.search(q.words.join(' '), { limit: index.articles.length, merge: true }).length;
    },
  };
}

export default flexsearch('flexsearch', { tokenize: 'strict', context: true },
  'Document {title, body}, tokenize "strict", context: true (phrase proximity); merge: true; no prefix, no typo tolerance');
