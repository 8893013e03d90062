// A built site (what `cargo xtask dist` writes) on the project's one static server,
// xtask/src/serve.rs (`cargo xtask serve --dir`), on 127.0.0.1 and an ephemeral port, as a
// static host serves it: the strict Content-Security-Policy, MIME types, `Cache-Control:
// no-cache`, and a compressed body when the request accepts one. A static host
// precompresses at its highest settings; so does this: the server runs on a copy of the
// site with each file's `NAME.br` (brotli quality 11) and `NAME.gz` (gzip -9) beside it,
// from sizes.mjs, so the bytes on the wire are those of sizes.mjs plus the headers.
// The end-to-end tests use it too, without the precompressed copy.
//
// The server is the xtask binary: `$XTASK` when set (`cargo xtask test` sets it), else
// `cargo run --package xtask`.

import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compress } from './sizes.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Files not precompressed: the single-file edition is not part of the page. */
const UNCOMPRESSED = new Set(['article-explorer.html']);

/**
 * Serves `dir`, precompressed unless told not to. `setEncodings` says which codings the
 * server may use, in preference order (the first one the request's Accept-Encoding
 * allows wins; [] for none), to measure each coding's transfer: it restarts the server on
 * the same port.
 * @param {string} dir
 * @param {{precompress?: boolean}} [options]
 * @returns {Promise<{origin: string, setEncodings: (e: string[]) => Promise<void>, close: () => Promise<void>}>}
 */
export async function serve(dir, { precompress = true } = {}) {
  const site = precompress ? await precompressed(dir) : dir;
  let server = await start(site, 0, ['br', 'gzip']);
  const { port } = server;
  return {
    origin: `http://127.0.0.1:${port}`,
    setEncodings: async (encodings) => {
      await server.stop();
      server = await start(site, port, encodings);
    },
    close: async () => {
      await server.stop();
      if (site !== dir) await rm(site, { recursive: true, force: true });
    },
  };
}

/**
 * Starts the xtask server on `site`; resolves once it listens.
 * @param {string} site
 * @param {number} port 0 for a free one
 * @param {string[]} encodings
 * @returns {Promise<{port: number, stop: () => Promise<void>}>}
 */
function start(site, port, encodings) {
  const args = ['serve', '--dir', site, '--port', String(port), `--encodings=${encodings.join(',')}`];
  const [program, ...prefix] = process.env.XTASK
    ? [process.env.XTASK]
    : ['cargo', 'run', '--quiet', '--package', 'xtask', '--'];
  const child = spawn(program, [...prefix, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let log = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      log += chunk;
      const listening = /serving .* on http:\/\/127\.0\.0\.1:(\d+)\//.exec(log);
      if (listening) {
        resolve({
          port: Number(listening[1]),
          stop: async () => {
            child.kill();
            await exited;
          },
        });
      }
      // Past the start, the server's own lines (a 404, say) go to this process's stderr.
      if (listening) child.stderr.removeAllListeners('data').on('data', (c) => process.stderr.write(c));
    });
    child.once('error', reject);
    exited.then((code) => reject(new Error(`the xtask server exited (${code}) before listening:\n${log}`)));
  });
}

/** A copy of `dir` in the system's temporary folder with every file's .br and .gz beside it. */
async function precompressed(dir) {
  const copy = await mkdtemp(join(tmpdir(), 'article-explorer-site-'));
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const from = join(entry.parentPath ?? entry.path, entry.name);
    const to = join(copy, relative(dir, from));
    await mkdir(dirname(to), { recursive: true });
    await copyFile(from, to);
    if (UNCOMPRESSED.has(relative(dir, from))) continue;
    const { gzip, br } = await compress(await readFile(from));
    await writeFile(`${to}.gz`, gzip);
    await writeFile(`${to}.br`, br);
  }
  return copy;
}
