// The explorer's site as `cargo xtask test` serves it (the project's one CSP), seen
// through a proxy that adds `report-uri` to that policy and keeps the reports: every
// engine then tells its CSP violations from the first byte of the page on — which a
// listener added by the test (after the load, where an engine's automation runs no
// script before the page's) would miss. A page that violates the policy on purpose
// (`/__violation.html`) shows that each engine does report. Likewise each HTML page gets
// `/__watch.js` (WATCH, from the test) first in its head, same-origin as the policy
// allows: the page's errors are kept from its first script on.

import { createServer, request } from 'node:http';

/** Where the reports are sent, and the page that violates the policy. */
const REPORTS = '/__csp-reports';
const VIOLATION = '/__violation.html';

/** The script put first in each HTML page's head. */
const WATCH = '/__watch.js';

/**
 * Starts the proxy in front of `site` (an http://127.0.0.1:PORT/ URL).
 * @param {string} site
 * @param {string} watch the source of the script each page runs first
 * @returns {Promise<{url: string, violation: string, reports: () => string[], clear: () => void, close: () => Promise<void>}>}
 *   url: the proxied site; violation: the page that violates the policy; reports: each
 *   report so far, as "directive blocked-uri (document)"
 */
export async function reportingProxy(site, watch) {
  const upstream = new URL(site);
  /** @type {string[]} */
  let reports = [];
  let policy = '';
  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === REPORTS) {
      let body = '';
      req.on('data', (chunk) => { body += chunk; });
      req.on('end', () => {
        try {
          const r = JSON.parse(body)['csp-report'] ?? {};
          reports.push(`${r['violated-directive'] ?? r['effective-directive']} ${r['blocked-uri']} (${r['document-uri']})`);
        } catch {
          reports.push(`unreadable report: ${body.slice(0, 200)}`);
        }
        res.writeHead(204).end();
      });
      return;
    }
    if (req.url === WATCH) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'content-security-policy': policy }).end(watch);
      return;
    }
    if (req.url === VIOLATION) {
      // The policy the site is served with, and an inline script it forbids.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': policy })
        .end('<!doctype html><title>A violation</title><script>document.title = "ran";</script>');
      return;
    }
    const forward = request({
      host: upstream.hostname, port: upstream.port, path: req.url, method: req.method,
      headers: { ...req.headers, host: upstream.host, 'accept-encoding': 'identity' },
    }, (up) => {
      const headers = { ...up.headers };
      const csp = headers['content-security-policy'];
      if (typeof csp === 'string') {
        policy = `${csp}; report-uri ${REPORTS}`;
        headers['content-security-policy'] = policy;
      }
      if (!String(headers['content-type'] ?? '').startsWith('text/html')) {
        res.writeHead(up.statusCode ?? 502, headers);
        up.pipe(res);
        return;
      }
      const pieces = [];
      up.on('data', (piece) => pieces.push(piece));
      up.on('end', () => {
        const html = Buffer.concat(pieces).toString('utf8').replace(/<head>/i, `<head><script src="${WATCH}"></script>`);
        delete headers['content-length'];
        res.writeHead(up.statusCode ?? 502, headers).end(html);
      });
    });
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  // The site's policy, read once (the violation page uses it).
  await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text());
  return {
    url: `http://127.0.0.1:${port}/`,
    violation: `http://127.0.0.1:${port}${VIOLATION}`,
    reports: () => [...reports],
    clear: () => { reports = []; },
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
