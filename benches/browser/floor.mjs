// The floor under "navigation → first results": how soon this machine's Chromium paints a
// static page with no script at all, in the same harness (server, flags, fresh context)
// as run.mjs. Whatever the explorer does, its first results cannot come before this.
//
//   node benches/browser/floor.mjs [--runs N]

import { parseArgs } from 'node:util';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './serve.mjs';
import { openContext } from './measure.mjs';
import { launchChromium } from './chromium.mjs';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '9' } } });
const runs = Number(args.runs);
const dir = await mkdtemp(join(tmpdir(), 'article-explorer-floor-'));
await writeFile(join(dir, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8">'
  + '<title>Static</title></head><body><h1>A static page</h1><p>No script, no stylesheet.</p></body></html>\n');
const server = await serve(dir);
const browser = await launchChromium();
const fcps = [];
try {
  for (let run = 0; run <= runs; run++) {
    const { context, page } = await openContext(browser);
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    await page.waitForFunction(() => performance.getEntriesByType('paint').some((p) => p.name === 'first-contentful-paint'));
    const fcp = await page.evaluate(() => performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint').startTime);
    if (run > 0) fcps.push(fcp); // the first is a warm-up
    await context.close();
  }
} finally {
  await browser.close();
  server.close?.();
  await rm(dir, { recursive: true, force: true });
}
fcps.sort((a, b) => a - b);
const median = fcps[Math.floor(fcps.length / 2)];
console.log(`static page, navigation → first contentful paint: median ${median.toFixed(0)} ms `
  + `(min ${fcps[0].toFixed(0)}, max ${fcps.at(-1).toFixed(0)}; ${fcps.length} runs)`);
process.exit(0);
