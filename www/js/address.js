// The page's address: the URL's hash follows the view (`#q=…&a=…&m=…`, segments.js
// `writeHash`). A new entry is written at once; a replacement after the next frame, and
// only the latest of those asked for meanwhile: `history.replaceState` costs the page
// 1–8 ms at 1,000 articles (far more than on an empty page), which a keystroke's frame
// need not wait for. A typing burst is one entry.

import { writeHash } from './segments.js';
import { afterFrame } from './tasks.js';

/** A typing burst is one history entry: a new entry after this long without input. */
const HISTORY_PAUSE_MS = 1000;

export class Address {
  /**
   * @param {() => {q: string, a: string|null, m: number}} view what the URL should say
   */
  constructor(view) {
    this.view = view;
    /** When the field last changed; the first search after loading always pushes. */
    this.lastInput = -Infinity;
    /** @type {string|null} a URL hash `sync` will write after the frame */
    this.pending = null;
  }

  /**
   * How a change of the field is written: a new entry after a pause, else a replacement.
   * @returns {'push'|'replace'}
   */
  typed() {
    const now = performance.now();
    const mode = now - this.lastInput > HISTORY_PAUSE_MS ? 'push' : 'replace';
    this.lastInput = now;
    return mode;
  }

  /**
   * Writes the view into the URL: a new entry (`push`), or a replacement after the frame.
   * @param {'push'|'replace'} mode
   */
  sync(mode) {
    const hash = writeHash(this.view());
    if (mode === 'push') {
      // A replacement still pending belongs to the entry before this one.
      this.flush();
      if (hash !== (location.hash || '#')) history.pushState(null, '', hash);
      return;
    }
    const scheduled = this.pending !== null;
    this.pending = hash;
    if (!scheduled) afterFrame(() => this.flush());
  }

  /** Writes the replacement `sync` left for after the frame, if any. */
  flush() {
    const hash = this.pending;
    this.pending = null;
    if (hash !== null && hash !== (location.hash || '#')) history.replaceState(null, '', hash);
  }

  /** Back or forward: a replacement not yet written was for the entry just left. */
  left() {
    this.pending = null;
  }
}
