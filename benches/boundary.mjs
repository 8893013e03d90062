// Which shape should a query's result cross the wasm boundary in: typed arrays
// (Explorer.search + decode) or serde-wasm-bindgen objects (Explorer.searchSerde)?
// Measured in headless Chromium on the built site:
//   cargo xtask dist && python3 -m http.server 8124 --bind 127.0.0.1 --directory dist &
//   BENCH_URL=http://127.0.0.1:8124/ node benches/boundary.mjs
import { chromium } from 'playwright-core';

const url = process.env.BENCH_URL ?? 'http://127.0.0.1:8124/';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
await page.goto(url);
await page.waitForSelector('body[data-state=ready]', { state: 'attached' });
const rows = await page.evaluate(async () => {
  const wasm = await import('./pkg/article_explorer.js');
  const { decode } = await import('./js/engine.js');
  await wasm.default();
  const seed = new wasm.Explorer().outline()[0];
  const text = [seed.title, '', seed.lede, '', ...seed.blocks.map((b) =>
    b.kind === 'card' ? `${b.title}\n${b.author}\n${b.teaser}` : b.text)].join('\n\n');
  const out = [];
  for (const copies of [1, 100]) {
    const names = Array.from({ length: copies }, (_, i) => `a${i}.txt`);
    const explorer = wasm.Explorer.fromTexts(names, names.map(() => text));
    for (const q of ['Seoul', 'the', '"Republic of Korea"', 'cooperat*']) {
      // performance.now() is coarse (100 µs) here: time batches, take the median batch.
      const time = (f) => {
        for (let i = 0; i < 20; i++) f();
        const samples = [];
        for (let batch = 0; batch < 15; batch++) {
          const t = performance.now();
          for (let i = 0; i < 40; i++) f();
          samples.push((performance.now() - t) / 40);
        }
        samples.sort((a, b) => a - b);
        return samples[7] * 1000;
      };
      const typed = time(() => decode(explorer.search(q)));
      const serde = time(() => explorer.searchSerde(q));
      const spans = explorer.search(q).spans.length / 2;
      out.push({ copies, q, spans, typed_us: Math.round(typed), serde_us: Math.round(serde), ratio: +(serde / typed).toFixed(2) });
    }
    explorer.free();
  }
  return out;
});
console.table(rows);
await browser.close();
