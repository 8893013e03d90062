// Ported from rust-stemmers 1.2.0 (https://github.com/CurrySoftware/rust-stemmers),
// src/snowball/snowball_env.rs and src/snowball/among.rs; the crate is licensed
// MIT/BSD-3-Clause, and its LICENSE file reads:
//
// MIT License
//
// Copyright (c) 2017 Jakob Demler
//
// Permission is hereby granted, free of charge, to any person obtaining a copy
// of this software and associated documentation files (the "Software"), to deal
// in the Software without restriction, including without limitation the rights
// to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
// copies of the Software, and to permit persons to whom the Software is
// furnished to do so, subject to the following conditions:
//
// The above copyright notice and this permission notice shall be included in all
// copies or substantial portions of the Software.
//
// THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
// IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
// FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
// AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
// LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
// OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
// SOFTWARE.

//! The Snowball runtime the generated stemmers (`english.rs`, `russian.rs`) run on: the
//! word being stemmed, its cursor and limits, and the matching and replacing they call.
//!
//! Changed from the crate: no string is indexed or split (`.get` instead, falling back to
//! no match or an empty part), so no panic — nor core's panic messages for string slicing —
//! is linked; the cursor loops stop at the string's ends; `slice_to` (unused) is gone. On
//! the states the algorithms produce (the cursor, limits, `bra` and `ket` on char
//! boundaries, within the string) every result is the crate's, byte for byte: the
//! fallbacks are never taken there.

use std::borrow::Cow;

/// An entry of a generated `among` table: the string, the index of the longest entry it
/// extends (or -1), the result, and an optional routine that must also succeed.
pub struct Among<T: 'static>(pub &'static str, pub i32, pub i32, pub Option<Routine<T>>);

/// A routine of an `among` entry (none in English or Russian).
pub type Routine<T> = &'static (dyn Fn(&mut SnowballEnv, &mut T) -> bool + Sync);

/// The state of one word being stemmed.
#[derive(Debug, Clone)]
pub struct SnowballEnv<'a> {
    pub current: Cow<'a, str>,
    pub cursor: usize,
    pub limit: usize,
    pub limit_backward: usize,
    pub bra: usize,
    pub ket: usize,
}

/// Whether `ch` (a code point minus the grouping's minimum) is set in the grouping's
/// bitfield `chars`; a bit past its end is not.
fn in_set(chars: &[u8], ch: u32) -> bool {
    chars
        .get((ch >> 3) as usize)
        .is_some_and(|byte| byte & (0x1 << (ch & 0x7)) != 0)
}

impl<'a> SnowballEnv<'a> {
    pub fn create(value: &'a str) -> Self {
        let len = value.len();
        SnowballEnv {
            current: Cow::from(value),
            cursor: 0,
            limit: len,
            limit_backward: 0,
            bra: 0,
            ket: len,
        }
    }

    pub fn get_current(self) -> Cow<'a, str> {
        self.current
    }

    fn replace_s(&mut self, bra: usize, ket: usize, s: &str) -> i32 {
        let adjustment = s.len() as i32 - (ket as i32 - bra as i32);
        let mut result = String::with_capacity(self.current.len());
        result.push_str(self.current.get(..bra).unwrap_or(""));
        result.push_str(s);
        result.push_str(self.current.get(ket..).unwrap_or(""));
        // ... not very nice...
        let new_lim = self.limit as i32 + adjustment;
        self.limit = new_lim as usize;
        if self.cursor >= ket {
            let new_cur = self.cursor as i32 + adjustment;
            self.cursor = new_cur as usize;
        } else if self.cursor > bra {
            self.cursor = bra
        }
        self.current = Cow::from(result);
        adjustment
    }

    /// Check if s is after cursor.
    /// If so, move cursor to the end of s
    pub fn eq_s(&mut self, s: &str) -> bool {
        if self.cursor >= self.limit {
            return false;
        }
        if self
            .current
            .get(self.cursor..)
            .is_some_and(|rest| rest.starts_with(s))
        {
            self.cursor += s.len();
            while self.cursor < self.current.len() && !self.current.is_char_boundary(self.cursor) {
                self.cursor += 1;
            }
            true
        } else {
            false
        }
    }

    /// Check if 's' is before cursor
    /// If so, move cursor to the beginning of s
    pub fn eq_s_b(&mut self, s: &str) -> bool {
        // Not before the backward limit; `get` is None off a char boundary.
        let Some(start) = self.cursor.checked_sub(s.len()) else {
            return false;
        };
        if start < self.limit_backward
            || !self
                .current
                .get(start..)
                .is_some_and(|rest| rest.starts_with(s))
        {
            false
        } else {
            self.cursor = start;
            true
        }
    }

    /// Replace string between `bra` and `ket` with s
    pub fn slice_from(&mut self, s: &str) -> bool {
        let (bra, ket) = (self.bra, self.ket);
        self.replace_s(bra, ket, s);
        true
    }

    /// Move cursor to next charater
    pub fn next_char(&mut self) {
        self.cursor += 1;
        while self.cursor < self.current.len() && !self.current.is_char_boundary(self.cursor) {
            self.cursor += 1;
        }
    }

    /// Move cursor to previous character
    pub fn previous_char(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
        while self.cursor > 0 && !self.current.is_char_boundary(self.cursor) {
            self.cursor -= 1;
        }
    }

    pub fn byte_index_for_hop(&self, mut delta: i32) -> i32 {
        if delta > 0 {
            let mut res = self.cursor;
            while delta > 0 {
                res += 1;
                delta -= 1;
                while res <= self.current.len() && !self.current.is_char_boundary(res) {
                    res += 1;
                }
            }
            res as i32
        } else if delta < 0 {
            let mut res: i32 = self.cursor as i32;
            while delta < 0 {
                res -= 1;
                delta += 1;
                while res >= 0 && !self.current.is_char_boundary(res as usize) {
                    res -= 1;
                }
            }
            res
        } else {
            self.cursor as i32
        }
    }

    /// The char at the cursor, if any.
    fn char_at_cursor(&self) -> Option<char> {
        self.current.get(self.cursor..)?.chars().next()
    }

    // A grouping is represented by a minimum code point, a maximum code point,
    // and a bitfield of which code points in that range are in the grouping.
    // For example, in english.sbl, valid_LI is 'cdeghkmnrt'.
    // The minimum and maximum code points are 99 and 116,
    // so every time one of these grouping functions is called for g_valid_LI,
    // min must be 99 and max must be 116. There are 18 code points within that
    // range (inclusive) so the grouping is represented with 18 bits, plus 6 bits of padding:
    //
    // cdefghij klmnopqr st
    // 11101100 10110001 01000000
    //
    // The first bit is the least significant.
    // Those three bytes become &[0b00110111, 0b10001101, 0b00000010],
    // which is &[55, 141, 2], which is how g_valid_LI is defined in english.rs.
    /// Check if the char the cursor points to is in the grouping
    pub fn in_grouping(&mut self, chars: &[u8], min: u32, max: u32) -> bool {
        if self.cursor >= self.limit {
            return false;
        }
        if let Some(chr) = self.char_at_cursor() {
            let mut ch = chr as u32; //codepoint as integer
            if ch > max || ch < min {
                return false;
            }
            ch -= min;
            if !in_set(chars, ch) {
                return false;
            }
            self.next_char();
            return true;
        }
        false
    }

    pub fn in_grouping_b(&mut self, chars: &[u8], min: u32, max: u32) -> bool {
        if self.cursor <= self.limit_backward {
            return false;
        }
        self.previous_char();
        if let Some(chr) = self.char_at_cursor() {
            let mut ch = chr as u32; //codepoint as integer
            self.next_char();
            if ch > max || ch < min {
                return false;
            }
            ch -= min;
            if !in_set(chars, ch) {
                return false;
            }
            self.previous_char();
            return true;
        }
        false
    }

    pub fn out_grouping(&mut self, chars: &[u8], min: u32, max: u32) -> bool {
        if self.cursor >= self.limit {
            return false;
        }
        if let Some(chr) = self.char_at_cursor() {
            let mut ch = chr as u32; //codepoint as integer
            if ch > max || ch < min {
                self.next_char();
                return true;
            }
            ch -= min;
            if !in_set(chars, ch) {
                self.next_char();
                return true;
            }
        }
        false
    }

    pub fn out_grouping_b(&mut self, chars: &[u8], min: u32, max: u32) -> bool {
        if self.cursor <= self.limit_backward {
            return false;
        }
        self.previous_char();
        if let Some(chr) = self.char_at_cursor() {
            let mut ch = chr as u32; //codepoint as integer
            self.next_char();
            if ch > max || ch < min {
                self.previous_char();
                return true;
            }
            ch -= min;
            if !in_set(chars, ch) {
                self.previous_char();
                return true;
            }
        }
        false
    }

    /// Helper function that removes the string slice between `bra` and `ket`
    pub fn slice_del(&mut self) -> bool {
        self.slice_from("")
    }

    pub fn insert(&mut self, bra: usize, ket: usize, s: &str) {
        let adjustment = self.replace_s(bra, ket, s);
        if bra <= self.bra {
            self.bra = (self.bra as i32 + adjustment) as usize;
        }
        if bra <= self.ket {
            self.ket = (self.ket as i32 + adjustment) as usize;
        }
    }

    // `common` advances with `lvar`, the range bound it started from.
    #[allow(clippy::mut_range_bound)]
    pub fn find_among<T>(&mut self, amongs: &[Among<T>], context: &mut T) -> i32 {
        use std::cmp::min;
        let mut i: i32 = 0;
        let mut j: i32 = amongs.len() as i32;

        let c = self.cursor;
        let l = self.limit;

        let mut common_i = 0;
        let mut common_j = 0;

        let mut first_key_inspected = false;
        loop {
            let k = i + ((j - i) >> 1);
            let mut diff: i32 = 0;
            let mut common = min(common_i, common_j);
            let Some(w) = amongs.get(k as usize) else {
                return 0;
            };
            for lvar in common..w.0.len() {
                if c + common == l {
                    diff = -1;
                    break;
                }
                let (Some(&x), Some(&y)) = (
                    self.current.as_bytes().get(c + common),
                    w.0.as_bytes().get(lvar),
                ) else {
                    diff = -1;
                    break;
                };
                diff = x as i32 - y as i32;
                if diff != 0 {
                    break;
                }
                common += 1;
            }
            if diff < 0 {
                j = k;
                common_j = common;
            } else {
                i = k;
                common_i = common;
            }
            if j - i <= 1 {
                if i > 0 {
                    break;
                }
                if j == i {
                    break;
                }
                if first_key_inspected {
                    break;
                }
                first_key_inspected = true;
            }
        }

        loop {
            let Some(w) = amongs.get(i as usize) else {
                return 0;
            };
            if common_i >= w.0.len() {
                self.cursor = c + w.0.len();
                if let Some(method) = w.3 {
                    let res = method(self, context);
                    self.cursor = c + w.0.len();
                    if res {
                        return w.2;
                    }
                } else {
                    return w.2;
                }
            }
            i = w.1;
            if i < 0 {
                return 0;
            }
        }
    }

    pub fn find_among_b<T>(&mut self, amongs: &[Among<T>], context: &mut T) -> i32 {
        let mut i: i32 = 0;
        let mut j: i32 = amongs.len() as i32;

        let c = self.cursor;
        let lb = self.limit_backward;

        let mut common_i = 0;
        let mut common_j = 0;

        let mut first_key_inspected = false;

        loop {
            let k = i + ((j - i) >> 1);
            let mut diff: i32 = 0;
            let mut common = if common_i < common_j {
                common_i
            } else {
                common_j
            };
            let Some(w) = amongs.get(k as usize) else {
                return 0;
            };
            for lvar in (0..w.0.len().saturating_sub(common)).rev() {
                if c.checked_sub(common) == Some(lb) {
                    diff = -1;
                    break;
                }
                let before = c.checked_sub(common + 1);
                let (Some(&x), Some(&y)) = (
                    before.and_then(|b| self.current.as_bytes().get(b)),
                    w.0.as_bytes().get(lvar),
                ) else {
                    diff = -1;
                    break;
                };
                diff = x as i32 - y as i32;
                if diff != 0 {
                    break;
                }
                common += 1;
            }
            if diff < 0 {
                j = k;
                common_j = common;
            } else {
                i = k;
                common_i = common;
            }
            if j - i <= 1 {
                if i > 0 {
                    break;
                }
                if j == i {
                    break;
                }
                if first_key_inspected {
                    break;
                }
                first_key_inspected = true;
            }
        }
        loop {
            let Some(w) = amongs.get(i as usize) else {
                return 0;
            };
            if common_i >= w.0.len() {
                self.cursor = c.saturating_sub(w.0.len());
                if let Some(method) = w.3 {
                    let res = method(self, context);
                    self.cursor = c.saturating_sub(w.0.len());
                    if res {
                        return w.2;
                    }
                } else {
                    return w.2;
                }
            }
            i = w.1;
            if i < 0 {
                return 0;
            }
        }
    }
}
