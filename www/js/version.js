// The build's version: `cargo xtask dist` writes the hash of the site's files here and
// into sw.js, so the page and its cache always name the same build.
export const BUILD = '__BUILD__';
