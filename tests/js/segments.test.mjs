// Unit tests of www/js/segments.js: the pure helpers behind highlighting and the URL.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { collapse, readHash, segments, snippetText, writeHash } from '../../www/js/segments.js';

/** The pieces in a compact form: marked ones in brackets. */
const show = (text, spans) => segments(text, spans).map((p) => (p.mark ? `[${p.text}]` : p.text)).join('|');

/** The marked texts only. */
const marked = (text, spans) => checked(text, spans).filter((p) => p.mark).map((p) => p.text);

/** The pieces, after checking the contract: non-empty, and joined they are the text. */
function checked(text, spans) {
  const pieces = segments(text, spans);
  assert.equal(pieces.map((p) => p.text).join(''), text, 'pieces join to the text');
  assert.ok(pieces.every((p) => p.text.length > 0), 'no empty piece');
  return pieces;
}

describe('segments', () => {
  test('no spans: one plain piece; empty text: no piece', () => {
    assert.deepEqual(checked('Seoul and Moscow', []), [{ text: 'Seoul and Moscow', mark: false, how: 0 }]);
    assert.deepEqual(checked('', []), []);
    assert.deepEqual(checked('', [[0, 3]]), []);
  });

  test('a mark in the middle', () => {
    assert.deepEqual(checked('Moscow and Seoul agree', [[11, 16]]), [
      { text: 'Moscow and ', mark: false, how: 0 },
      { text: 'Seoul', mark: true, how: 0 },
      { text: ' agree', mark: false, how: 0 },
    ]);
  });

  test('each mark carries how its span matched', () => {
    const pieces = checked('Seoul and Moscow and Seul', [[0, 5, 0], [10, 16, 1], [21, 25, 2]]);
    assert.deepEqual(pieces.filter((p) => p.mark).map((p) => [p.text, p.how]), [['Seoul', 0], ['Moscow', 1], ['Seul', 2]]);
  });

  test('marks at the start and at the end', () => {
    assert.equal(show('Seoul and Moscow', [[0, 5]]), '[Seoul]| and Moscow');
    assert.equal(show('Seoul and Moscow', [[10, 16]]), 'Seoul and |[Moscow]');
    assert.equal(show('Seoul and Moscow', [[0, 5], [10, 16]]), '[Seoul]| and |[Moscow]');
    assert.equal(show('Seoul', [[0, 5]]), '[Seoul]');
  });

  test('adjacent spans stay separate marks', () => {
    checked('abcdef', [[0, 3], [3, 6]]);
    assert.equal(show('abcdef', [[0, 3], [3, 6]]), '[abc]|[def]');
    assert.equal(show('abcdef', [[1, 2], [2, 4]]), 'a|[b]|[cd]|ef');
  });

  test('out-of-range spans are clamped to the text', () => {
    assert.equal(show('Seoul', [[2, 99]]), 'Se|[oul]');
    assert.equal(show('Seoul', [[-4, 2]]), '[Se]|oul');
    assert.equal(show('Seoul', [[7, 9]]), 'Seoul');
    assert.equal(show('Seoul', [[-9, 99]]), '[Seoul]');
    checked('Seoul', [[2, 99], [120, 130]]);
  });

  test('backward, empty and overlapping spans are clamped, never thrown on', () => {
    assert.deepEqual(marked('Seoul', [[3, 1]]), []);
    assert.deepEqual(marked('Seoul', [[2, 2]]), []);
    assert.equal(show('abcdef', [[1, 4], [2, 5]]), 'a|[bcd]|[e]|f', 'an overlap starts where the previous mark ended');
    assert.equal(show('abcdef', [[3, 5], [0, 2]]), 'abc|[de]|f', 'a span before the previous one is dropped');
    checked('abcdef', [[4, 1], [2, 2], [1, 4], [2, 5], [0, 1], [5, 99]]);
  });

  test('offsets are UTF-16 code units: astral characters and Hangul', () => {
    const text = 'a😀b 서울 c';
    assert.equal(text.length, 9, '😀 is two code units');
    assert.equal(show(text, [[1, 3]]), 'a|[😀]|b 서울 c');
    assert.equal(show(text, [[5, 7]]), 'a😀b |[서울]| c');
    assert.equal(show('𝐒eoul', [[0, 2]]), '[𝐒]|eoul');
    // Spans from the engine never split a surrogate pair, but clamping keeps the text intact anyway.
    checked(text, [[2, 4]]);
  });
});

describe('collapse', () => {
  const set = (...xs) => new Set(xs);

  test('nothing to show, or nothing to hide', () => {
    assert.deepEqual(collapse(0, set()), []);
    assert.deepEqual(collapse(3, set()), [{ hide: [0, 1, 2] }]);
    assert.deepEqual(collapse(3, set(0, 1, 2)), [{ show: 0 }, { show: 1 }, { show: 2 }]);
  });

  test('runs of hidden blocks are grouped, in order', () => {
    assert.deepEqual(collapse(7, set(2, 3, 6)), [
      { hide: [0, 1] }, { show: 2 }, { show: 3 }, { hide: [4, 5] }, { show: 6 },
    ]);
    assert.deepEqual(collapse(4, set(0)), [{ show: 0 }, { hide: [1, 2, 3] }]);
    assert.deepEqual(collapse(3, set(1)), [{ hide: [0] }, { show: 1 }, { hide: [2] }]);
  });

  test('every block appears exactly once', () => {
    const groups = collapse(10, set(1, 4, 5, 9));
    const order = groups.flatMap((g) => ('show' in g ? [g.show] : g.hide));
    assert.deepEqual(order, [...Array(10).keys()]);
  });

  test('indices beyond the count are ignored', () => {
    assert.deepEqual(collapse(2, set(1, 5)), [{ hide: [0] }, { show: 1 }]);
  });
});

describe('readHash and writeHash', () => {
  const roundTrip = (view) => assert.deepEqual(readHash(writeHash(view)), { m: 0, p: -1, ...view }, JSON.stringify(view));

  test('round trips', () => {
    for (const view of [
      { q: 'Seoul', a: null },
      { q: 'Seoul', a: '000-todays-prospects-for-russian-south-korean-relations' },
      { q: '"Moon Jae-in" -Japan', a: null },
      { q: 'a & b = c', a: 'x&y=z' },
      { q: '#hash #q=evil&a=evil', a: '#a' },
      { q: 'cooperat* OR lee\'s', a: null },
      { q: '50% + 1', a: null },
      { q: 'Россия Корея', a: 'статья' },
      { q: '서울 "한국 러시아"', a: '한국' },
      { q: '😀 𝐒eoul', a: null },
      { q: '  spaces  around  ', a: null },
      { q: '<script>alert(1)</script>', a: '<img src=x onerror=alert(1)>' },
      { q: 'Seoul', a: 'x', m: 5, p: -1 },
      { q: 'Seoul', a: 'x', m: 0, p: 12 },
      { q: '', a: 'x', m: 3, p: 0 },
    ]) roundTrip(view);
  });

  test('the current match and the passage: numbers, else none (a link is never an error)', () => {
    // The first match is where a view opens: not written.
    assert.equal(writeHash({ q: 'Seoul', a: null, m: 1 }), '#q=Seoul');
    for (const junk of ['-3', 'abc', '1e99', '2.5', '', '0x10']) {
      assert.deepEqual(readHash(`#q=a&m=${junk}&p=${junk}`), { q: 'a', a: null, m: 0, p: -1 }, junk);
    }
  });

  test('the empty view is a bare #, and reads back empty', () => {
    assert.equal(writeHash({ q: '', a: null }), '#');
    assert.deepEqual(readHash('#'), { q: '', a: null, m: 0, p: -1 });
    assert.deepEqual(readHash(''), { q: '', a: null, m: 0, p: -1 });
    roundTrip({ q: '', a: 'only-an-article' });
  });

  test('the hash has q and a as URL parameters, nothing raw', () => {
    const hash = writeHash({ q: 'a b&c#d', a: 'e' });
    assert.match(hash, /^#q=[^&#\s]+&a=e$/);
    assert.deepEqual([...new URLSearchParams(hash.slice(1))], [['q', 'a b&c#d'], ['a', 'e']]);
  });

  test('reads hand-written and percent-encoded links', () => {
    assert.deepEqual(readHash('#q=%22Moon%20Jae-in%22'), { q: '"Moon Jae-in"', a: null, m: 0, p: -1 });
    assert.deepEqual(readHash('#q=Seoul+Moscow&a=000'), { q: 'Seoul Moscow', a: '000', m: 0, p: -1 });
    assert.deepEqual(readHash('q=Seoul'), { q: 'Seoul', a: null, m: 0, p: -1 }, 'without the #');
    assert.deepEqual(readHash('#a=x&other=1'), { q: '', a: 'x', m: 0, p: -1 });
    assert.deepEqual(readHash('#q=Seoul&a=000&m=5&p=12'), { q: 'Seoul', a: '000', m: 5, p: 12 });
    assert.deepEqual(readHash('#q=%E2%82%AC%20%EC%84%9C%EC%9A%B8'), { q: '€ 서울', a: null, m: 0, p: -1 });
  });
});

describe('snippetText', () => {
  const text = 'Moscow and Seoul are both interested in cooperating more';
  test('the range, "…" where the text goes on, the spans shifted into it', () => {
    const got = snippetText(text, { range: [11, 36], cut: [true, true], spans: [[11, 16, 1]] });
    assert.deepEqual(got, { text: '… Seoul are both interested …', spans: [[2, 7, 1]] });
    assert.equal(got.text.slice(2, 7), 'Seoul');
  });
  test('the whole text: no "…"', () => {
    const got = snippetText(text, { range: [0, text.length], cut: [false, false], spans: [[0, 6, 0], [11, 16, 0]] });
    assert.deepEqual(got, { text, spans: [[0, 6, 0], [11, 16, 0]] });
  });
});
