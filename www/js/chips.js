// The chips: the collection's topics and the cards' authors in the search bar, and the
// shown article's key phrases under its title. A chip is a clause: a click adds it to the
// query, or takes it out when the query holds it (pressed).

import { afterFrame } from './tasks.js';
import { el } from './dom.js';

/** Authors shown as chips at first; the others behind "N more". */
const TOP_AUTHORS = 12;

/**
 * Whether query `q` holds `clause` exactly as a chip writes it, standing alone (what
 * `toggled` takes out again).
 * @param {string} q
 * @param {string} clause
 */
export function hasClause(q, clause) {
  return ` ${q} `.includes(` ${clause} `);
}

/**
 * `q` with `clause` added, or taken out when it holds it.
 * @param {string} q
 * @param {string} clause
 */
export function toggled(q, clause) {
  return hasClause(q, clause)
    ? q.split(clause).join(' ').replace(/\s+/g, ' ').trim()
    : `${q.trim()} ${clause}`.trim();
}

/**
 * @typedef {{keyphrases?: () => import('./engine.js').Keyphrase[],
 *   articleKeyphrases?: (a: number) => import('./engine.js').Keyphrase[],
 *   authors?: () => import('./engine.js').Author[]}} ChipSource
 *   what the engine gives (each optional: no chips without it)
 */

export class Chips {
  /**
   * @param {import('./ui.js').Ui} ui
   * @param {ChipSource} engine
   * @param {(clause: string) => void} onClause a chip pressed: its clause toggled
   */
  constructor(ui, engine, onClause) {
    this.ui = ui;
    this.engine = engine;
    this.onClause = onClause;
    /** Each article's keyphrases as written, once asked. @type {Map<number, string[]>} */
    this.keyphrases = new Map();
  }

  /** The collection's keyphrase chips and the authors facet, in the search bar. */
  fillFacets() {
    const { engine, ui } = this;
    const topics = (engine.keyphrases?.() ?? []).map((k) => k.text);
    const authors = engine.authors?.() ?? [];
    const rows = [];
    if (topics.length) rows.push(this.row('Topics', topics.map((text) => this.phraseChip(text))));
    if (authors.length) {
      /** @param {import('./engine.js').Author} a */
      const chip = (a) => {
        const clause = `author:"${a.name}"`;
        const button = el('button', 'chip', `${a.name} (${a.articles})`);
        button.type = 'button';
        button.title = `Only articles with a card by ${a.name}`;
        button.dataset.clause = clause;
        button.addEventListener('click', () => this.onClause(clause));
        return button;
      };
      // The most frequent authors; the rest (hundreds in a large collection) when asked.
      // The authors of the related-article cards, not of the articles: named so.
      const row = this.row('Cards by', authors.slice(0, TOP_AUTHORS).map(chip));
      const rest = authors.slice(TOP_AUTHORS);
      if (rest.length) {
        const more = el('details', 'more-authors');
        more.append(el('summary', undefined, `${rest.length} more`));
        more.addEventListener('toggle', () => {
          if (more.open && more.childElementCount === 1) {
            more.append(...rest.map(chip));
            this.press(ui.input.value);
          }
        });
        row.append(more);
      }
      rows.push(row);
    }
    ui.facets.replaceChildren(...rows);
    this.press(ui.input.value);
  }

  /**
   * A row of chips with its label.
   * @param {string} label
   * @param {HTMLElement[]} chips
   */
  row(label, chips) {
    const row = el('div', 'chips');
    row.setAttribute('role', 'group');
    row.setAttribute('aria-label', label);
    row.append(el('span', 'chips-label', `${label}:`), ...chips);
    return row;
  }

  /**
   * A keyphrase's chip: a click adds it to the query as a phrase.
   * @param {string} text the keyphrase as the articles write it (the engine's)
   */
  phraseChip(text) {
    const chip = el('button', 'chip', text);
    chip.type = 'button';
    chip.title = `Search "${text}"`;
    const clause = `"${text}"`;
    chip.dataset.clause = clause;
    chip.setAttribute('aria-pressed', String(hasClause(this.ui.input.value, clause)));
    chip.addEventListener('click', () => this.onClause(clause));
    return chip;
  }

  /**
   * Marks the chips (keyphrases, card authors) whose clause the query holds: each toggles it.
   * @param {string} q
   */
  press(q) {
    for (const chip of this.ui.root.querySelectorAll('button.chip[data-clause]')) {
      const on = String(hasClause(q, /** @type {HTMLElement} */ (chip).dataset.clause ?? ''));
      if (chip.getAttribute('aria-pressed') !== on) chip.setAttribute('aria-pressed', on);
    }
  }

  /**
   * The shown article's keyphrase chips, under its title: after the frame that shows the
   * article (an article's keyphrases cost a pass over its text, 1–3 ms for a long one,
   * which a keystroke need not wait for), unless they are known already.
   * @param {number} index
   * @param {() => boolean} stillShown whether the article is still the one shown
   */
  addArticleChips(index, stillShown) {
    const { engine, ui } = this;
    const of = engine.articleKeyphrases;
    if (!of) return;
    const view = ui.view.firstElementChild;
    /** @param {string[]} texts */
    const add = (texts) => {
      if (!texts.length || ui.view.firstElementChild !== view || !stillShown()) return;
      const row = this.row('Key phrases', texts.map((text) => this.phraseChip(text)));
      row.classList.add('article-chips');
      view?.after(row);
    };
    const known = this.keyphrases.get(index);
    if (known) {
      add(known);
      return;
    }
    afterFrame(() => {
      if (ui.view.firstElementChild !== view) return;
      let texts = this.keyphrases.get(index);
      if (!texts) {
        texts = of(index).map((k) => k.text);
        this.keyphrases.set(index, texts);
      }
      add(texts);
    });
  }
}
