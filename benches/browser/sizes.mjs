// Download sizes of a built site, computed from its files: raw, gzip -9 and brotli
// quality 11 (Node's zlib), for the engine (pkg/*.js + pkg/*.wasm), the corpus
// (articles.txt) and the first visit (every file index.html loads but the articles, and
// the service worker). Each file is compressed on its own, as a server sends it. The
// project's one measure of compressed size: the benchmarks and the size budget
// (tests/e2e/size.test.mjs) use it.
//
//   node benches/browser/sizes.mjs dist    # the first visit's files, raw and gzip -9

import { promisify } from 'node:util';
import { brotliCompress, gzip, constants } from 'node:zlib';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Compressed bodies, kept by content hash (brotli q11 of 16 MB takes ~50 s on 2 cores). */
const CACHE = join(tmpdir(), 'article-explorer-browser-bench');

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * gzip -9 and brotli q11 of `bytes`, from the cache in the system's temporary folder when
 * the same bytes were compressed before.
 * @param {Buffer} bytes
 * @returns {Promise<{gzip: Buffer, br: Buffer}>}
 */
export async function compress(bytes) {
  const key = createHash('sha256').update(bytes).digest('hex');
  const cached = await Promise.all([readFile(join(CACHE, `${key}.gz`)), readFile(join(CACHE, `${key}.br`))])
    .catch(() => null);
  if (cached) return { gzip: cached[0], br: cached[1] };
  const fresh = await compressNow(bytes);
  await mkdir(CACHE, { recursive: true });
  for (const [ext, body] of [['gz', fresh.gzip], ['br', fresh.br]]) {
    const tmp = join(CACHE, `${key}.${ext}.${process.pid}`);
    await writeFile(tmp, body);
    await rename(tmp, join(CACHE, `${key}.${ext}`));
  }
  return fresh;
}

/** @param {Buffer} bytes */
async function compressNow(bytes) {
  const [gz, br] = await Promise.all([
    gzipAsync(bytes, { level: 9 }),
    brotliAsync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_GENERIC,
      },
    }),
  ]);
  return { gzip: gz, br };
}

/**
 * @param {string[]} paths
 * @returns {Promise<{raw: number, gzip: number, br: number, files: Record<string, {raw: number, gzip: number, br: number}>}>}
 */
async function sizeOf(paths) {
  const total = { raw: 0, gzip: 0, br: 0, files: {} };
  for (const path of paths) {
    const bytes = await readFile(path);
    const c = await compress(bytes);
    const s = { raw: bytes.length, gzip: c.gzip.length, br: c.br.length };
    total.files[path] = s;
    total.raw += s.raw;
    total.gzip += s.gzip;
    total.br += s.br;
  }
  return total;
}

/**
 * Whether `file` (relative to the site) is one of the corpus's: the data files, the
 * articles in chunks and their index's head and shards (docs/format.md), which grow with
 * the archive.
 * @param {string} file
 */
export const isData = (file) => /^(articles\.txt|index\.bin|index\/(head|\d+)\.bin|articles\/\d+\.txt)$/.test(file);

/** The site's data files, relative to `dir` (an older build's bundle and index file too). @param {string} dir */
async function dataFiles(dir) {
  const list = async (sub) => (await readdir(join(dir, sub)).catch(() => [])).map((f) => `${sub}/${f}`);
  const old = (await readdir(dir)).filter((f) => f === 'articles.txt' || f === 'index.bin');
  return [...old, ...await list('index'), ...await list('articles')].filter(isData).sort();
}

/**
 * The files the first visit of `dir`/index.html downloads besides the articles and their
 * index, as paths
 * relative to `dir`: what its `<script src>` and `<link href>` name (stylesheet, icon,
 * preloads), and the service worker the page registers (js/offline.js).
 * @param {string} dir
 * @returns {Promise<string[]>}
 */
export async function firstVisitFiles(dir) {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const named = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"#?]+)"/g)].map((m) => m[1]);
  return ['index.html', ...named.filter((f) => !isData(f)), 'sw.js'];
}

/**
 * The engine, corpus and first-visit sizes of the site in `dir`.
 * @param {string} dir
 */
export async function siteSizes(dir) {
  const pkg = (await readdir(join(dir, 'pkg')))
    .filter((f) => f.endsWith('.js') || f.endsWith('.wasm'))
    .sort()
    .map((f) => join(dir, 'pkg', f));
  const engine = await sizeOf(pkg);
  const corpus = await sizeOf((await dataFiles(dir)).map((f) => join(dir, f)));
  const firstVisit = await sizeOf((await firstVisitFiles(dir)).map((f) => join(dir, f)));
  const rel = (s) => ({ ...s, files: Object.fromEntries(Object.entries(s.files).map(([k, v]) => [k.slice(dir.length + 1), v])) });
  return { engine: rel(engine), corpus: rel(corpus), firstVisit: rel(firstVisit) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? 'dist';
  const { firstVisit } = await siteSizes(dir);
  for (const [file, s] of Object.entries(firstVisit.files)) console.log(`${file.padEnd(32)} ${String(s.raw).padStart(8)} ${String(s.gzip).padStart(8)}`);
  console.log(`${'first visit (raw, gzip -9)'.padEnd(32)} ${String(firstVisit.raw).padStart(8)} ${String(firstVisit.gzip).padStart(8)}`);
}
