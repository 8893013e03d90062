// FlexSearch 0.8 with tokenize "forward": the README's setting for partial words ("match"
// preset) — every word is indexed with its prefixes, so any query word also finds the
// words it begins (`korea` finds `korean`). No context index (it needs "strict").
// Otherwise as flexsearch.mjs; the user's highlight scan then also takes prefixes.

import { flexsearch } from './flexsearch.mjs';

export default flexsearch('flexsearch-forward', { tokenize: 'forward' },
  'Document {title, body}, tokenize "forward" (prefix matching of every word); merge: true', { prefixes: true });
