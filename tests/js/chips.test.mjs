// The chips' clauses (www/js/chips.js): a chip toggles its clause in the query, as a
// reader would type it — added at the end, or taken out where it stands alone.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasClause, toggled } from '../../www/js/chips.js';

test('a clause is held only standing alone', () => {
  for (const [q, clause, held] of [
    ['"Moon Jae-in" Seoul', '"Moon Jae-in"', true],
    ['Seoul "Moon Jae-in"', '"Moon Jae-in"', true],
    ['"Moon Jae-in Park"', '"Moon Jae-in"', false],
    ['author:"Lee" Seoul', 'author:"Lee"', true],
    ['author:"Lee Jae-Young"', 'author:"Lee"', false],
    ['', '"Russia"', false],
  ]) assert.equal(hasClause(q, clause), held, `${q} / ${clause}`);
});

test('toggling adds a clause at the end and takes it out again', () => {
  for (const [q, clause, after] of [
    ['Seoul', '"Russia"', 'Seoul "Russia"'],
    ['  Seoul  ', '"Russia"', 'Seoul "Russia"'],
    ['', 'author:"Lee"', 'author:"Lee"'],
    ['Seoul "Russia" Moscow', '"Russia"', 'Seoul Moscow'],
    ['"Russia"', '"Russia"', ''],
    ['"Russian" army', '"Russia"', '"Russian" army "Russia"'],
  ]) assert.equal(toggled(q, clause), after, `${q} / ${clause}`);
  // Twice is where it started (single-spaced).
  assert.equal(toggled(toggled('Seoul', '"Russia"'), '"Russia"'), 'Seoul');
});
