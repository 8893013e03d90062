// The installed version of an npm package (read from its package.json, which not every
// package exports).

import fs from 'node:fs';

export function packageVersion(name) {
  const file = new URL(`../../../node_modules/${name}/package.json`, import.meta.url);
  return JSON.parse(fs.readFileSync(file, 'utf8')).version;
}
