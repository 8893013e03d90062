// The status line and what it offers under it: the count of matches and articles, the
// query's notices, "Did you mean …?", the "Drop …" suggestions, "Showing results for …",
// "Search it as a phrase", and the note when an article marks fewer matches than it has.

import { writeHash } from './segments.js';
import { el, plural, setText } from './dom.js';

export class Status {
  /**
   * @param {import('./ui.js').Ui} ui
   * @param {(q: string) => void} ask a query the reader picked from what is offered
   */
  constructor(ui, ask) {
    this.ui = ui;
    this.ask = ask;
  }

  /**
   * Says what `result` found for `q`, and offers what may find more.
   * @param {string} q
   * @param {import('./engine.js').Result} result
   */
  say(q, result) {
    const { ui } = this;
    if (ui.suggest.firstChild) ui.suggest.replaceChildren();
    const n = result.articles.length;
    let text;
    if (!q.trim() || !result.highlighting) {
      text = plural(n, 'article', 'articles');
    } else if (result.total === 0) {
      text = 'No matches.';
      const fix = result.didYouMean;
      // "Did you mean …?": the corrected query as a link.
      if (fix) this.offer('Did you mean ', fix.query, `? (${plural(fix.articles, 'article', 'articles')})`);
      for (const s of result.suggestions) {
        const b = el('button', 'suggestion', `Drop ${s.drop} (${plural(s.articles, 'article', 'articles')})`);
        b.type = 'button';
        b.addEventListener('click', () => this.ask(s.without));
        ui.suggest.append(b);
      }
      if (!result.suggestions.length && !fix) text = `No matches: no article has ${q.trim()}.`;
    } else {
      text = `${plural(result.total, 'match', 'matches')} in ${plural(n, 'article', 'articles')}`;
      if (result.respelled.length) this.sayRespelled(q, result.respelled);
    }
    // Common words left out (the notice says which): the words as one phrase, a click away.
    if (result.dropped && /^[\p{L}\p{N}\s'’-]+$/u.test(q.trim())) this.offer('Search it as a phrase: ', `"${q.trim()}"`);
    if (result.notice) text += ` ${result.notice}`;
    setText(ui.status, text);
  }

  /**
   * "Showing results for vladivostok — search instead for Vladivostk": the words no article
   * has that were searched as the words a few edits away, and a link to the query with
   * them as typed (quoted).
   * @param {string} q
   * @param {import('./engine.js').Result['respelled']} respelled
   */
  sayRespelled(q, respelled) {
    let shown = q;
    let asTyped = q;
    for (const { word, as } of respelled) {
      // The word as the reader wrote it: its letters, any case (the engine's is folded).
      const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const written = new RegExp(`(?<![\\p{L}\\p{N}"])${escaped}(?![\\p{L}\\p{N}"])`, 'iu');
      shown = shown.replace(written, as);
      asTyped = asTyped.replace(written, (w) => `"${w}"`);
    }
    const line = this.offer('Showing results for ', asTyped);
    line.insertBefore(el('strong', undefined, shown), line.lastChild);
    line.insertBefore(document.createTextNode(' — search instead for '), line.lastChild);
  }

  /**
   * A line under the status with a link to another query (the page's deep-link form):
   * `before`, the query, `after`.
   * @param {string} before
   * @param {string} q
   * @param {string} [after]
   * @returns {HTMLElement} the line
   */
  offer(before, q, after = '') {
    const link = el('a', 'did-you-mean', q);
    link.href = writeHash({ q, a: null });
    link.addEventListener('click', (event) => {
      event.preventDefault();
      this.ask(q);
    });
    const line = el('p', 'did-you-mean-line', before);
    line.append(link);
    if (after) line.append(after);
    this.ui.suggest.append(line);
    return line;
  }

  /**
   * A note when the article shown has more matches than it marks (engine.js
   * `MARKS_SHOWN`, the first in reading order); none otherwise.
   * @param {import('./engine.js').ArticleHit|undefined} hit
   */
  sayCapped(hit) {
    const { notices } = this.ui;
    let note = notices.querySelector('.capped');
    const marked = hit ? hit.fields.reduce((n, f) => n + f.spans.length, 0) : 0;
    if (!hit || marked >= hit.matches) {
      note?.remove();
      return;
    }
    if (!note) {
      note = el('p', 'capped');
      notices.append(note);
    }
    setText(note, `Marked: the first ${marked.toLocaleString('en')} of this article's ${hit.matches.toLocaleString('en')} matches.`);
  }
}
