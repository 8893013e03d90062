// Orama 3: `create` with the schema {title: 'string', body: 'string'}, `insertMultiple`,
// `search` (full-text mode) over both properties.
//
// Query options from its docs: `threshold: 0` (only documents with all the words; the
// default 1 returns documents with any of them) and `tolerance` (Levenshtein distance)
// for the misspelling, set to the oracle's edit distance (truth.mjs). Words match by
// prefix (its default: `korea` finds `korean`); `exact: true` is not used because it
// keeps only documents whose original text contains the term *case-sensitively* (so
// `korea` would miss `Korea`; its source says so). No phrases: a phrase is its words. The
// default tokenizer (English) splits on every letter outside a–z and a few accented
// ones, so Cyrillic and Hangul words are never indexed (its count shows it); a
// `language` option exists but one database has one language.
//
// Ranges: @orama/highlight, the package its docs name for highlighting (the match-
// highlight plugin is deprecated in its favour), on the top 10 documents' title and
// body (its positions' `end` is inclusive → half-open).

import { create, insertMultiple, search } from '@orama/orama';
import { Highlight } from '@orama/highlight';
import { allowedEdits, fold } from '../truth.mjs';
import { packageVersion } from './package-version.mjs';

const version = `${packageVersion('@orama/orama')} + @orama/highlight ${packageVersion('@orama/highlight')}`;

function params(q, limit) {
  const p = { term: q.words.join(' '), properties: ['title', 'body'], threshold: 0, limit };
  if (q.fuzzy) p.tolerance = allowedEdits(fold(q.words[0]));
  return p;
}

const sync = (r) => {
  if (r instanceof Promise) throw new Error('orama search returned a promise');
  return r;
};

export default {
  name: 'orama',
  version,
  config: 'schema {title, body}; threshold 0 (AND); words match by prefix (default); tolerance 2 for the misspelling; no phrases',

  async build(articles) {
    const db = create({ schema: { title: 'string', body: 'string' } });
    await insertMultiple(db, articles.map((a) => ({ id: String(a.id), title: a.title, body: a.body })));
    return { db, articles, highlight: new Highlight() };
  },

  query(index, q) {
    const res = sync(search(index.db, params(q, 10)));
    const term = q.words.join(' ');
    const top = res.hits.map((h) => {
      const ranges = [];
      for (const [field, text] of [[0, h.document.title], [1, h.document.body]]) {
        for (const p of index.highlight.highlight(text, term).positions) ranges.push([p.start, p.end + 1, field]);
      }
      return { id: Number(h.id), ranges };
    });
    return { count: res.count, top };
  },

  count(index, q) {
    return sync(search(index.db, params(q, index.articles.length))).hits.length;
  },
};
