// The counts the page says: with thousands separators, and the word for one or many.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plural } from '../../www/js/dom.js';

test('counts read as words: one, many, and thousands separated', () => {
  for (const [n, said] of [
    [0, '0 matches'],
    [1, '1 match'],
    [2, '2 matches'],
    [999, '999 matches'],
    [25716, '25,716 matches'],
    [1234567, '1,234,567 matches'],
  ]) {
    assert.equal(plural(/** @type {number} */ (n), 'match', 'matches'), said);
  }
});
