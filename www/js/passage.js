// A passage's tools: "Link" (copy a link to this passage) and "Cite" (copy it with its
// citation) on the paragraph the reader is on — the one with the current match, or the
// one the pointer last rested on. One pair of buttons, moved there: two tab stops, not two
// per paragraph. Their labels are CSS-generated (style.css), so a paragraph's text stays
// its text (copying a selection, reading textContent).

import { el } from './dom.js';

/**
 * @typedef {{link: string, citation: string}} Passage what the tools copy for one block
 */

export class PassageTools {
  /**
   * @param {HTMLElement} view the article view: its paragraphs carry `data-block`
   * @param {(block: number) => Passage|null} describe what to copy for a block (-2 the
   *   lede), if anything
   */
  constructor(view, describe) {
    this.describe = describe;
    this.tools = el('span', 'passage-tools');
    this.tools.setAttribute('role', 'group');
    this.tools.setAttribute('aria-label', 'This passage');
    /** Says what was copied (or that it could not be), for a screen reader too. */
    this.said = el('span', 'passage-said');
    this.said.setAttribute('role', 'status');
    this.tools.append(
      this.button('link', 'Copy a link to this passage', (p) => p.link),
      this.button('cite', 'Copy this passage with its citation', (p) => p.citation),
      this.said,
    );
    view.addEventListener('pointerover', (event) => {
      const target = /** @type {Element|null} */ (event.target);
      if (target?.closest?.('.passage-tools')) return;
      this.attach(target);
    });
  }

  /**
   * @param {string} name
   * @param {string} label
   * @param {(p: Passage) => string} what
   */
  button(name, label, what) {
    const b = el('button', `passage-${name}`);
    b.type = 'button';
    b.setAttribute('aria-label', label);
    b.title = label;
    b.addEventListener('click', async () => {
      const block = /** @type {HTMLElement|null} */ (this.tools.parentElement);
      const passage = block && this.describe(Number(block.dataset.block));
      if (!passage) return;
      let done = true;
      try {
        await navigator.clipboard.writeText(what(passage));
      } catch {
        done = false;
      }
      this.said.textContent = done ? (name === 'link' ? 'Link copied' : 'Copied with its citation') : 'Could not copy';
      setTimeout(() => { this.said.textContent = ''; }, 2500);
    });
    return b;
  }

  /**
   * Puts the tools on the paragraph that holds `node` (nothing else has them).
   * @param {Node|null|undefined} node
   */
  attach(node) {
    const element = node instanceof Element ? node : node?.parentElement;
    const block = element?.closest('[data-block]');
    if (block && this.tools.parentElement !== block) {
      this.said.textContent = '';
      block.append(this.tools);
    }
  }
}
