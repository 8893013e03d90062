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
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(undefined);
    channel.port2.postMessage(null);
  });
}
