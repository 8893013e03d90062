// The explorer's DOM, built in one place for the page and the embeddable element alike
// (ids are unique within a document or a shadow root). Static texts only: article text
// and queries never go through here.

import { el } from './dom.js';

/**
 * @typedef {{root: HTMLElement, input: HTMLInputElement, status: HTMLElement,
 *   suggest: HTMLElement, facets: HTMLElement, hiddenCount: HTMLElement, list: HTMLOListElement,
 *   view: HTMLElement, toggle: HTMLInputElement, position: HTMLElement,
 *   prev: HTMLButtonElement, next: HTMLButtonElement, error: HTMLElement,
 *   notices: HTMLElement, count: HTMLElement|null, yours: HTMLDetailsElement|null}} Ui
 *   count: the masthead's "N articles" (the page only); yours: "Your articles", filled
 *   when its code comes (yours.js; null where the explorer has none)
 */

/**
 * Builds the explorer: a masthead (the page only: what this is, how many articles), the
 * search bar (the field and the match navigation, then the status: all a phone keeps on
 * screen, so it stays small), a row with "Matching paragraphs only" and the folded
 * topics, authors and tips, then the article list and the article view.
 * @param {{tips?: boolean, page?: boolean, yours?: boolean}} [options] page: the page's
 *   own explorer (its heading and main landmark), not an element on a host page; tips:
 *   show the search tips; yours: the reader's own articles, in a section of the tools
 * @returns {Ui}
 */
export function createUi({ tips = true, page = false, yours: withYours = false } = {}) {
  const root = el('div', 'ae');
  root.setAttribute('part', 'explorer');
  // The page's own heading and what it holds (an element on a host page has the host's).
  let count = null;
  const head = [];
  if (page) {
    const masthead = el('header', 'masthead');
    count = el('p', 'count-line', '');
    masthead.append(el('h1', undefined, document.title), count);
    head.push(masthead);
  }

  // The search landmark: the field, the match navigation and the status (sticky).
  const bar = el('div', 'bar');
  bar.setAttribute('role', 'search');
  bar.setAttribute('part', 'bar');
  const search = el('div', 'search');
  const label = el('label', 'visually-hidden', 'Search articles');
  label.htmlFor = 'q';
  const input = /** @type {HTMLInputElement} */ (el('input'));
  Object.assign(input, { id: 'q', type: 'search', autocomplete: 'off', spellcheck: false });
  input.setAttribute('enterkeyhint', 'search');
  input.setAttribute('part', 'input');
  input.placeholder = 'Search: Seoul, "Moon Jae-in", -Japan';
  input.setAttribute('aria-describedby', 'status');

  const nav = el('div', 'nav');
  nav.setAttribute('role', 'group');
  nav.setAttribute('aria-label', 'Go through the matches');
  const prev = /** @type {HTMLButtonElement} */ (el('button', undefined, '\u2191'));
  Object.assign(prev, { id: 'prev', type: 'button', disabled: true });
  prev.setAttribute('aria-label', 'Previous match (Shift+Enter)');
  const position = el('span', undefined, '0 of 0');
  position.id = 'position';
  // Said when it changes: where the reader is in the matches ("2 of 8").
  position.setAttribute('aria-live', 'polite');
  position.setAttribute('aria-atomic', 'true');
  const next = /** @type {HTMLButtonElement} */ (el('button', undefined, '\u2193'));
  Object.assign(next, { id: 'next', type: 'button', disabled: true });
  next.setAttribute('aria-label', 'Next match (Enter)');
  nav.append(prev, position, next);
  search.append(label, input, nav);

  const status = el('p', undefined, 'Loading the articles…');
  Object.assign(status, { id: 'status' });
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  bar.append(search, status);

  const suggest = el('div');
  suggest.id = 'suggest';
  const notices = el('div', 'notices');
  notices.id = 'notices';

  const toggleLabel = el('label', 'toggle');
  const toggle = /** @type {HTMLInputElement} */ (el('input'));
  Object.assign(toggle, { type: 'checkbox', id: 'only-matching' });
  toggleLabel.append(toggle, ' Matching paragraphs only');
  // The collection's keyphrases and authors (filled when the page is idle: app.js) and
  // the tips, folded: the first view is the field and the articles.
  const more = el('details', 'more');
  more.append(el('summary', undefined, tips ? 'Topics, authors and search tips' : 'Topics and authors'));
  const facets = el('div', 'facets');
  facets.id = 'facets';
  more.append(facets);
  if (tips) more.append(searchTips());
  const tools = el('div', 'tools');
  tools.append(toggleLabel, more);
  // Its place kept from the first view: the code that fills it comes after (yours.js).
  const yours = withYours ? yoursSection(tools) : null;

  const error = el('div');
  error.id = 'error';
  error.setAttribute('role', 'alert');
  error.hidden = true;

  // The page's main landmark (an element on a host page is in the host's).
  const main = el(page ? 'main' : 'div', 'panes');
  const listPane = el('nav', 'list-pane');
  listPane.setAttribute('aria-label', 'Articles');
  listPane.setAttribute('part', 'list');
  const hiddenCount = el('p');
  hiddenCount.id = 'hidden-count';
  const list = /** @type {HTMLOListElement} */ (el('ol'));
  list.id = 'list';
  listPane.append(hiddenCount, list);
  const view = el('article');
  view.id = 'article';
  view.tabIndex = -1;
  view.setAttribute('part', 'article');
  main.append(listPane, view);

  // What the search offers besides: corrections, notices, the folded chips and tips.
  const options = el('section', 'options');
  options.setAttribute('aria-label', 'Search options');
  options.append(suggest, notices, tools);
  root.append(...head, bar, options, error, main);
  return { root, input, status, suggest, facets, hiddenCount, list, view, toggle, position, prev, next, error, notices, count, yours };
}

/**
 * "Your articles", its summary only, at the end of `tools` (the explorer's `.tools`).
 * @param {Element} tools
 * @returns {HTMLDetailsElement}
 */
export function yoursSection(tools) {
  const yours = el('details', 'yours');
  yours.id = 'yours';
  yours.append(el('summary', 'yours-summary', 'Your articles'));
  tools.append(yours);
  return yours;
}

function searchTips() {
  const p = el('p', 'tips');
  /** @param {string} text */
  const code = (text) => el('code', undefined, text);
  p.append(
    code('seoul moscow'), ' both words · ', code('"moon jae-in"'), ' exact phrase · ',
    code('-japan'), ' without · ', code('toloraya OR lee'), ' either · ',
    code('cooperat*'), ' prefix · ', code('title:'), ' ', code('author:'), ' ',
    code('in:card'), ' (title, lede, paragraph, heading, card, disclaimer), ',
    code('in:mine'), ' your own articles. ',
    'The word being typed also finds the words it begins; Enter finishes it. ',
    'Enter and Shift+Enter go through the matches, / goes to the field.',
  );
  return p;
}
