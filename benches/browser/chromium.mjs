// How the benchmark launches Chromium: as tests/e2e/browser.mjs does (flags verified in
// ../shared/TOOLCHAIN.md: root needs --no-sandbox; nothing reaches the network at start).

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
