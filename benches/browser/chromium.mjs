// How the benchmarks launch Chromium: as tests/e2e/browser.mjs does (flags verified in
// ../shared/TOOLCHAIN.md: root needs --no-sandbox; nothing reaches the network at start).

import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Debian's Chromium (or $CHROMIUM), headless with CHROMIUM_ARGS. */
export function launchChromium() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}
