// The page: wires the search field, the list, the article view, match navigation and the
// URL (#q=…&a=…) together. State lives here; rendering is in render.js.

import { loadEngine } from './engine.js';
import { readHash, writeHash } from './segments.js';
import { ArticleList, renderArticle, el, plural } from './render.js';

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const input = /** @type {HTMLInputElement} */ ($('q'));
const status = $('status');
const suggest = $('suggest');
const hiddenCount = $('hidden-count');
const view = $('article');
const toggle = /** @type {HTMLInputElement} */ ($('only-matching'));
const position = $('position');
const prevButton = /** @type {HTMLButtonElement} */ ($('prev'));
const nextButton = /** @type {HTMLButtonElement} */ ($('next'));

/** A typing burst is one history entry: a new entry after this long without input. */
const HISTORY_PAUSE_MS = 1000;

let engine;
let list;
/** @type {import('./engine.js').Result} */
let result;
let selected = -1;
/** @type {HTMLElement[]} */
let marks = [];
let current = -1;
/** When the field last changed; the first search after loading always pushes. */
let lastInput = -Infinity;

async function boot() {
  try {
    engine = await loadEngine();
  } catch (error) {
    document.body.dataset.state = 'error';
    const box = $('error');
    box.hidden = false;
    box.textContent = `The search engine could not be loaded, so the articles cannot be shown. ${error?.message ?? error}`;
    input.disabled = true;
    return;
  }
  list = new ArticleList(/** @type {HTMLOListElement} */ ($('list')), engine.articles, (i) => {
    show(i, 0);
    syncUrl('push');
    view.focus({ preventScroll: true });
  });
  const start = readHash(location.hash);
  input.value = start.q;
  run(start.q, start.a);
  input.addEventListener('input', () => {
    const now = performance.now();
    const mode = now - lastInput > HISTORY_PAUSE_MS ? 'push' : 'replace';
    lastInput = now;
    run(input.value, null);
    syncUrl(mode);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      step(e.shiftKey ? -1 : 1);
    }
  });
  prevButton.addEventListener('click', () => step(-1));
  nextButton.addEventListener('click', () => step(1));
  toggle.addEventListener('change', () => show(selected, 0));
  window.addEventListener('popstate', () => {
    const v = readHash(location.hash);
    input.value = v.q;
    run(v.q, v.a);
  });
  document.body.dataset.state = 'ready';
}

/** Runs a query and renders everything; keeps article `name` selected if it matches. */
function run(q, name) {
  result = engine.search(q);
  const active = q.trim() !== '';
  const hidden = list.update(result, active);
  hiddenCount.textContent = hidden ? `${plural(hidden, 'article', 'articles')} hidden (no match)` : '';
  const byName = name === null ? -1 : engine.articles.findIndex((a) => a.name === name);
  const inResult = (i) => result.articles.some((h) => h.article === i);
  const pick = inResult(byName) ? byName
    : inResult(selected) && name === null ? selected
    : result.articles[0]?.article ?? -1;
  announce(q);
  show(pick, 0);
}

function announce(q) {
  suggest.replaceChildren();
  const n = result.articles.length;
  let text;
  if (!q.trim() || !result.highlighting) {
    text = `${plural(n, 'article', 'articles')}`;
  } else if (result.total === 0) {
    text = 'No matches.';
    for (const s of result.suggestions) {
      const b = el('button', 'suggestion', `Drop ${s.drop} (${plural(s.articles, 'article', 'articles')})`);
      b.type = 'button';
      b.addEventListener('click', () => {
        input.value = s.without;
        run(input.value, null);
        syncUrl('push');
      });
      suggest.append(b);
    }
    if (!result.suggestions.length) text = `No matches: no article has ${q.trim()}.`;
  } else {
    text = `${plural(result.total, 'match', 'matches')} in ${plural(n, 'article', 'articles')}`;
  }
  if (result.notice) text += ` ${result.notice}`;
  status.textContent = text;
}

/** Shows article `index` with its mark `at` current (-1: none). */
function show(index, at) {
  selected = index;
  list.select(index);
  if (index < 0) {
    view.replaceChildren(el('p', 'empty', 'No article matches this search.'));
    marks = [];
  } else {
    const hit = result.highlighting ? result.articles.find((h) => h.article === index) : undefined;
    marks = renderArticle(view, engine.articles[index], hit, toggle.checked);
  }
  setCurrent(marks.length ? at : -1);
}

/** Moves to the next (+1) or previous (-1) match, across articles in result order. */
function step(direction) {
  if (!result.total) return;
  const next = current + direction;
  if (next >= 0 && next < marks.length) {
    setCurrent(next);
    return;
  }
  const order = result.articles.filter((h) => h.matches > 0);
  const here = order.findIndex((h) => h.article === selected);
  const target = order[(here + direction + order.length) % order.length];
  show(target.article, direction > 0 ? 0 : target.matches - 1);
  syncUrl('replace');
}

function setCurrent(at) {
  marks[current]?.classList.remove('current');
  current = at;
  const mark = marks[at];
  if (mark) {
    mark.classList.add('current');
    mark.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
  }
  const offset = result.articles
    .slice(0, Math.max(0, result.articles.findIndex((h) => h.article === selected)))
    .reduce((sum, h) => sum + h.matches, 0);
  position.textContent = mark ? `${offset + at + 1} of ${result.total}` : `0 of ${result.total}`;
  prevButton.disabled = nextButton.disabled = !result.total;
}

function reducedMotion() {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function syncUrl(mode) {
  const hash = writeHash({ q: input.value, a: engine.articles[selected]?.name ?? null });
  if (hash === (location.hash || '#')) return;
  if (mode === 'push') history.pushState(null, '', hash);
  else history.replaceState(null, '', hash);
}

boot();
