// Offline use: the service worker that keeps the site in a versioned cache, the notice
// that a newer version is ready, and a quiet "offline" badge.

import { el } from './dom.js';

/**
 * Registers ./sw.js (http and https only: file:// has no service worker) and shows in
 * `notices` a "newer version" notice with a reload button when one is waiting.
 * @param {HTMLElement} notices
 */
export async function registerWorker(notices) {
  if (!('serviceWorker' in navigator) || !location.protocol.startsWith('http')) return;
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading) location.reload();
  });
  const registration = await navigator.serviceWorker.register('./sw.js');
  /** @param {ServiceWorker|null} worker */
  const offer = (worker) => {
    if (!worker || !navigator.serviceWorker.controller || notices.querySelector('.update')) return;
    const box = el('p', 'update', 'A newer version of the explorer is ready. ');
    const button = el('button', 'reload', 'Reload to use it');
    button.type = 'button';
    button.addEventListener('click', () => {
      if (worker.state === 'installed') {
        // Still waiting: tell it to take over; the page reloads on controllerchange.
        reloading = true;
        worker.postMessage('skip-waiting');
      } else {
        // Another tab already let it take over (or a newer one replaced it): this tab
        // still runs the old build, whole, from memory; a reload loads the current one.
        location.reload();
      }
    });
    box.append(button);
    notices.append(box);
  };
  offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed') offer(worker);
    });
  });
}

/**
 * Shows a quiet badge in `notices` while the browser is offline.
 * @param {HTMLElement} notices
 */
export function watchConnection(notices) {
  const badge = el('p', 'offline', 'Offline: searching the copy saved on this device.');
  badge.hidden = navigator.onLine;
  notices.append(badge);
  addEventListener('online', () => { badge.hidden = true; });
  addEventListener('offline', () => { badge.hidden = false; });
}
