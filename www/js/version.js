// The build's version: `cargo xtask dist` writes the hash of the site's files in place of
// this 16-character stand-in (as long as the hash, so source maps stay exact) and into
// sw.js, so the page and its cache always name the same build.
export const BUILD = '__build_hash16__';
