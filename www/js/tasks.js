// When the page's work runs: after the frame that shows a change, or in the next task, so
// that no task blocks the page for long.

/**
 * Runs `task` once the next frame has been rendered: a timer set from that frame's
 * callback, so the work a keystroke can wait for is not in the frame that shows it.
 * @param {() => void} task
 */
export function afterFrame(task) {
  requestAnimationFrame(() => setTimeout(task, 0));
}

/** A promise of the next task: the page renders and handles input in between. */
export function nextTask() {
  const scheduler = /** @type {{yield?: () => Promise<void>}|undefined} */ (/** @type {any} */ (globalThis).scheduler);
  // WebKit has no scheduler.yield: a message to itself.
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(undefined);
    channel.port2.postMessage(null);
  });
}

/** The longest a sliced piece of work runs before it lets the page run (ms). */
const SLICE_MS = 12;

/**
 * A pause for work cut into slices: `await pause()` between its steps yields to the page
 * (nextTask) once SLICE_MS have passed since it last did.
 * @returns {() => Promise<void>}
 */
export function slicer() {
  let until = performance.now() + SLICE_MS;
  return async () => {
    if (performance.now() < until) return;
    await nextTask();
    until = performance.now() + SLICE_MS;
  };
}
