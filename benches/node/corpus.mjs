// The corpus: every `*.txt` of a directory, in file-name order (corpus order, as
// docs/format.md and build.rs order the seeds), read as UTF-8.
//
// Each article keeps its whole text (what article-explorer parses) and a simple split
// for the other engines, which index two fields: title = the first non-blank line
// (trimmed), body = everything after that line.

import fs from 'node:fs';
import path from 'node:path';

/**
 * @typedef {{id: number, name: string, text: string, title: string, body: string}} Article
 * @typedef {{dir: string, articles: Article[], bytes: number}} Corpus
 */

/** @returns {Corpus} */
export function readCorpus(dir) {
  const names = fs.readdirSync(dir).filter((n) => n.endsWith('.txt')).sort();
  if (names.length === 0) throw new Error(`${dir}: no *.txt articles`);
  let bytes = 0;
  const articles = names.map((name, id) => {
    const raw = fs.readFileSync(path.join(dir, name));
    bytes += raw.length;
    const text = raw.toString('utf8').replace(/^\uFEFF/, '');
    return { id, name, text, ...split(text) };
  });
  return { dir, articles, bytes };
}

/** Title = the first non-blank line; body = the rest of the text after it. */
function split(text) {
  const lines = text.split(/\r\n|\r|\n/);
  const at = lines.findIndex((l) => l.trim() !== '');
  if (at < 0) return { title: '', body: '' };
  return { title: lines[at].trim(), body: lines.slice(at + 1).join('\n') };
}
