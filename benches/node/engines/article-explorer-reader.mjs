// article-explorer asked as a reader types: bare words, which also find their other forms
// (stems) and, for a word no article has, the words a few edits away (docs/query.md). Its
// counts may exceed the oracle's (truth.mjs counts the word as typed) by design; the
// adapter is article-explorer.mjs's.

import { adapter, asReader } from './article-explorer.mjs';

export default adapter('article-explorer-reader', asReader,
  'bare words as a reader types them (other forms and spelling correction included), ANDed; "phrase"; prefix*; word~ for the misspelling');
