// Bringing the current mark into view. A move the reader asks for (Enter, the arrows, a
// link's match) scrolls at once, then is checked after the frame and corrected, a few
// times at most: the paragraphs it passed were laid out at estimated heights
// (content-visibility) and a long list keeps its items in place as they are measured, so
// a smooth scroll, whose target is computed once, ended off target. A search only follows
// its match, smoothly and once (the reader may be scrolling), and only when the frame
// with the new highlights shows it not wholly in view: an IntersectionObserver's first
// report comes after that frame, so a search never forces a layout.

/** How many times a move the reader asked for is checked and corrected. */
const CORRECTIONS = 3;

export class Reveal {
  /**
   * @param {HTMLElement} bar the search bar: sticky in narrow layouts, where it may cover
   *   the mark
   * @param {() => boolean} engaged whether the explorer may scroll (an embed only once
   *   the reader has acted inside it: it never scrolls its host page on load)
   */
  constructor(bar, engaged) {
    this.bar = bar;
    this.engaged = engaged;
    /** The mark being brought into view. @type {HTMLElement|null} */
    this.mark = null;
    /** How many more times a far mark's landing may be checked and corrected. */
    this.corrections = 0;
    this.watcher = new IntersectionObserver((entries) => this.check(entries), { threshold: 1 });
  }

  /**
   * `mark` is the current one now: scrolled to at once (`now`, a move the reader asked
   * for), or followed after the frame if it is not wholly in view (a search).
   * @param {HTMLElement|null} mark
   * @param {boolean} now
   */
  to(mark, now) {
    this.watcher.disconnect();
    this.mark = mark;
    this.corrections = CORRECTIONS;
    if (!mark) return;
    if (now) {
      this.scroll(mark, true);
    } else {
      this.watch(mark);
    }
  }

  /** Forgets the mark: nothing is scrolled to. */
  stop() {
    this.watcher.disconnect();
    this.mark = null;
  }

  /** @param {HTMLElement} mark */
  watch(mark) {
    this.watcher.observe(mark);
    this.watcher.observe(this.bar);
  }

  /**
   * Scrolls `mark` to the middle of its scrolling box; a move the reader asked for
   * (`precise`) at once, and checked after the frame.
   * @param {HTMLElement} mark
   * @param {boolean} precise
   */
  scroll(mark, precise) {
    if (!this.engaged()) return;
    const smooth = !precise && !matchMedia('(prefers-reduced-motion: reduce)').matches;
    mark.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'instant' });
    if (precise && this.corrections-- > 0) this.watch(mark);
  }

  /**
   * The observer's first report on the mark and the bar, after a frame: scrolls to the
   * mark when it is not wholly visible (clipped by a scrolling pane or the viewport, or
   * under the bar where the bar is sticky). Nothing here reads layout.
   * @param {IntersectionObserverEntry[]} entries
   */
  check(entries) {
    const { mark } = this;
    const entry = entries.findLast((e) => e.target === mark);
    const bar = entries.findLast((e) => e.target === this.bar)?.boundingClientRect;
    this.watcher.disconnect();
    if (!entry || !mark) return;
    const box = entry.boundingClientRect;
    const underBar = bar !== undefined && box.top < bar.bottom && box.bottom > bar.top;
    // Checking a move the reader asked for (corrections were taken), or a search's match.
    if (entry.intersectionRatio < 1 || underBar) this.scroll(mark, this.corrections < CORRECTIONS);
  }
}
