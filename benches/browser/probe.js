// The in-page probe, installed as an init script (it runs in every document before the
// page's own scripts). It only observes: it never changes the page. Every time is
// performance.now(), i.e. milliseconds since the navigation started (timeOrigin).
//
// "Painted" = the end of the first rendering update after the DOM change: a
// requestAnimationFrame callback runs just before the frame's style, layout and paint;
// a task posted from it at the highest priority runs right after that rendering work on
// the main thread, before the page's own after-the-frame work (see afterPaint). (A second
// requestAnimationFrame would land one frame later, up to 16.7 ms too late, which matters
// against a 16 ms budget.)
//
// window.__bench:
//   load: {marksInDom, marksPainted, marksRaf, ready, marks}   the first view
//   keys: [{key, down, inputStart, handlerEnd, raf, painted, status, marks, articleChanged}]
//   longTasks: [{start, duration}]; events: Event Timing entries ≥ 16 ms

(() => {
  const B = {
    load: { marksInDom: null, marksPainted: null, marksRaf: null, ready: null, marks: 0 },
    keys: [],
    longTasks: [],
    events: [],
    /** The keystroke whose input is being handled. */
    current: null,
  };
  Object.defineProperty(window, '__bench', { value: B, enumerable: false });

  /**
   * Calls back(rafAt, paintedAt) after the next rendering update: a task posted from the
   * frame's requestAnimationFrame callback runs once that frame's rendering is done. It is
   * posted at the highest priority (`scheduler.postTask`, user-blocking; else a
   * MessageChannel message), and callers register their frame callback before the page's
   * own, so the page's after-the-frame work (timers it sets from its own frame callbacks)
   * runs after it, not inside the measurement.
   */
  const afterPaint = (back) => requestAnimationFrame(() => {
    const rafAt = performance.now();
    const done = () => back(rafAt, performance.now());
    const scheduler = /** @type {any} */ (globalThis).scheduler;
    if (scheduler?.postTask) {
      scheduler.postTask(done, { priority: 'user-blocking' });
    } else {
      const channel = new MessageChannel();
      channel.port1.onmessage = done;
      channel.port2.postMessage(0);
    }
  });

  // The first view: marks in #article, and body[data-state=ready].
  const firstView = new MutationObserver(() => {
    if (B.load.ready === null && document.body?.dataset.state === 'ready') B.load.ready = performance.now();
    if (B.load.marksInDom === null) {
      const marks = document.querySelectorAll('#article mark').length;
      if (marks) {
        B.load.marksInDom = performance.now();
        B.load.marks = marks;
        afterPaint((raf, painted) => { B.load.marksRaf = raf; B.load.marksPainted = painted; });
      }
    }
    if (B.load.ready !== null && B.load.marksInDom !== null) firstView.disconnect();
  });
  firstView.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });

  // Keystrokes in the search field (#q, in the light DOM of the page).
  const isField = (e) => e.target instanceof HTMLElement && e.target.id === 'q';
  document.addEventListener('keydown', (e) => {
    if (!isField(e)) return;
    const k = { key: e.key, down: e.timeStamp, inputStart: null, handlerEnd: null, raf: null, painted: null,
      status: null, marks: 0, articleChanged: false };
    B.keys.push(k);
    B.current = k;
  }, true);
  // Capture on window: before any listener of the page (so the frame callback is
  // registered before any the page's handler registers).
  window.addEventListener('input', (e) => {
    const k = B.current;
    if (!isField(e) || !k || k.inputStart !== null) return;
    k.inputStart = performance.now();
    afterPaint((raf, painted) => { k.raf = raf; k.painted = painted; });
  }, true);
  // Bubble on window: after the page's own listener on the field (target phase).
  window.addEventListener('input', (e) => {
    const k = B.current;
    if (!isField(e) || !k || k.handlerEnd !== null) return;
    k.handlerEnd = performance.now();
    k.status = document.getElementById('status')?.textContent ?? null;
    k.marks = document.querySelectorAll('#article mark').length;
    B.current = null;
  }, false);
  // Whether the article view changed on a keystroke (records are delivered after the handler).
  const watchArticle = new MutationObserver(() => {
    const k = B.keys[B.keys.length - 1];
    if (k && k.painted === null) k.articleChanged = true;
  });
  const attach = () => {
    const article = document.getElementById('article');
    if (article) watchArticle.observe(article, { childList: true });
    else requestAnimationFrame(attach);
  };
  attach();

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch { /* no Long Tasks API */ }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const t = /** @type {PerformanceEventTiming} */ (e);
        B.events.push({ name: t.name, start: t.startTime, duration: t.duration,
          processingStart: t.processingStart, processingEnd: t.processingEnd, interactionId: t.interactionId });
      }
    }).observe({ type: 'event', buffered: true, durationThreshold: 16 });
  } catch { /* no Event Timing API */ }
})();
