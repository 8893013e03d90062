// Lunr 2: fields title and body, the standard pipeline (trimmer, English stopwords,
// Porter stemmer), positions kept (`metadataWhitelist: ['position']`, its documented way
// to get highlight positions).
//
// Query in Lunr's syntax: every word required (`+word`), `word*` for the prefix,
// `word~N` for the misspelling with N the oracle's edit distance (truth.mjs). No phrases:
// a phrase is its words, all required. Its trimmer strips non-ASCII letters from the
// ends of every token, so without the lunr-languages plugin a Cyrillic or Hangul word is
// never indexed: those queries find nothing (its count shows it).
//
// The ranges are Lunr's own positions ([start, length] per field).

import lunr from 'lunr';
import { allowedEdits, fold } from '../truth.mjs';
import { packageVersion } from './package-version.mjs';

const version = packageVersion('lunr');

const FIELD = { title: 0, body: 1 };

function text(q) {
  return q.words.map((w) => {
    if (q.prefix) return `+${w}*`;
    if (q.fuzzy) return `+${w}~${allowedEdits(fold(w))}`;
    return `+${w}`;
  }).join(' ');
}

export default {
  name: 'lunr',
  version,
  config: "ref id, fields [title, body], standard pipeline, metadataWhitelist ['position']; +word (AND), word*, word~2; no phrases",

  build(articles) {
    const idx = lunr(function () {
      this.ref('id');
      this.field('title');
      this.field('body');
      this.metadataWhitelist = ['position'];
      for (const a of articles) this.add({ id: String(a.id), title: a.title, body: a.body });
    });
    return { idx };
  },

  query(index, q) {
    const hits = index.idx.search(text(q));
    const top = hits.slice(0, 10).map((h) => {
      const ranges = [];
      for (const fields of Object.values(h.matchData.metadata)) {
        for (const [field, meta] of Object.entries(fields)) {
          for (const [s, n] of meta.position ?? []) ranges.push([s, s + n, FIELD[field]]);
        }
      }
      return { id: Number(h.ref), ranges };
    });
    return { count: hits.length, top };
  },

  count(index, q) {
    return index.idx.search(text(q)).length;
  },
};
