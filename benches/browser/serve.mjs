// A static server for one built site (what `cargo xtask dist` writes), on 127.0.0.1 and an
// ephemeral port, as a static host would serve it: the page's strict Content-Security-
// Policy, correct MIME types, `Cache-Control: no-cache`, and a compressed body when the
// request accepts one. Bodies are compressed once, at the highest settings a static host
// precompresses with (gzip -9, brotli quality 11), so the bytes on the wire are those of
// sizes.mjs plus the headers.

import { createServer } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { compress } from './sizes.mjs';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** Files compressed on first request instead of at start. */
const LAZY = new Set(['/article-explorer.html']);

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
};

/** Every file under `dir`, as site paths ("/js/app.js"). */
async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath ?? entry.path, entry.name);
    out.push('/' + relative(dir, full).split(sep).join('/'));
  }
  return out.sort();
}

/**
 * Serves `dir`. `encodings` says which codings the server may use, in preference order
 * (the first one the request's Accept-Encoding allows wins); changeable between pages to
 * measure each coding's transfer.
 * @param {string} dir
 * @returns {Promise<{origin: string, log: Array<object>, setEncodings: (e: string[]) => void,
 *   close: () => Promise<void>}>}
 *   log: one entry per response {path, status, encoding, bytes (body on the wire), acceptEncoding}
 */
export async function serve(dir) {
  /** @type {Map<string, {type: string, identity: Buffer, gzip?: Buffer, br?: Buffer}>} */
  const site = new Map();
  for (const path of await files(dir)) {
    const identity = await readFile(join(dir, path));
    // The single-file edition is not part of the page; it is compressed only if asked for.
    const compressed = LAZY.has(path) ? {} : await compress(identity);
    site.set(path, { type: MIME[extname(path)] ?? 'application/octet-stream', identity, ...compressed });
  }
  let encodings = ['br', 'gzip'];
  const log = [];

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let path = decodeURIComponent(url.pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = site.get(path);
    const base = {
      'Content-Security-Policy': CSP,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    };
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(file ? 405 : 404, { ...base, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(file ? 'method not allowed' : 'not found');
      log.push({ path, status: file ? 405 : 404, encoding: 'identity', bytes: 0 });
      return;
    }
    const accept = String(req.headers['accept-encoding'] ?? '');
    const accepted = new Set(accept.split(',').map((s) => s.trim().split(';')[0]).filter(Boolean));
    const encoding = encodings.find((e) => accepted.has(e)) ?? 'identity';
    if (encoding !== 'identity' && !file[encoding]) Object.assign(file, await compress(file.identity));
    const body = /** @type {Buffer} */ (file[encoding]);
    const headers = { ...base, 'Content-Type': file.type, 'Content-Length': String(body.length), Vary: 'Accept-Encoding' };
    if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    log.push({ path, status: 200, encoding, bytes: body.length, acceptEncoding: accept });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    setEncodings: (e) => { encodings = e; },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve(undefined));
    }),
  };
}
