//! Sorting, in the few shapes the engine needs, instead of core's sorts.
//!
//! Core's `sort_unstable` and `select_nth_unstable` are fast and general, and each
//! element type instantiates a pattern-defeating quicksort, a heapsort fallback, small
//! sorts and a median of medians: 13 kB of the wasm for the three instances the engine
//! had (u64 keys, u64 selection, terms), measured with twiggy. Nearly everything the
//! engine sorts is a `u64` key (a term and a position, a score and an article, a start
//! and an end), which a radix sort orders in a few linear passes with little code; the
//! terms of the index, sorted once per build, take a merge sort.

/// Slices up to this long are insertion-sorted (no buffer, no passes).
const SMALL: usize = 24;

/// Sorts `keys` ascending: nothing to do when they are sorted already, else a
/// least-significant-byte radix sort, skipping the bytes that
/// every key shares (term and position keys use 4 or 5 of their 8).
pub fn sort_u64(keys: &mut [u64]) {
    let n = keys.len();
    // Often they come sorted (a merge of sorted lists): one comparison per key.
    if keys.is_sorted() {
        return;
    }
    if n <= SMALL {
        insertion_sort(keys);
        return;
    }
    let mut counts = [[0usize; 256]; 8];
    for &key in keys.iter() {
        for (byte, count) in counts.iter_mut().enumerate() {
            if let Some(c) = count.get_mut(digit(key, byte)) {
                *c += 1;
            }
        }
    }
    let mut buffer = vec![0u64; n];
    // Whether the keys are in `buffer` (after an odd number of passes).
    let mut in_buffer = false;
    for (byte, count) in counts.iter_mut().enumerate() {
        if count.contains(&n) {
            continue; // every key has the same digit here
        }
        let mut sum = 0;
        for c in count.iter_mut() {
            let here = *c;
            *c = sum;
            sum += here;
        }
        let (from, to): (&[u64], &mut [u64]) = if in_buffer {
            (&buffer, keys)
        } else {
            (keys, &mut buffer)
        };
        for &key in from {
            if let Some(at) = count.get_mut(digit(key, byte)) {
                if let Some(slot) = to.get_mut(*at) {
                    *slot = key;
                }
                *at += 1;
            }
        }
        in_buffer = !in_buffer;
    }
    if in_buffer {
        keys.copy_from_slice(&buffer);
    }
}

/// Byte `byte` (0 = least significant) of `key`.
fn digit(key: u64, byte: usize) -> usize {
    ((key >> (8 * byte)) & 0xff) as usize
}

/// Sorts a short slice in place.
fn insertion_sort(keys: &mut [u64]) {
    for i in 1..keys.len() {
        let mut j = i;
        while j > 0 {
            match (keys.get(j - 1), keys.get(j)) {
                (Some(a), Some(b)) if a > b => keys.swap(j - 1, j),
                _ => break,
            }
            j -= 1;
        }
    }
}

/// Moves the `k` smallest of `keys` to its front, sorted; the rest follow in no order.
/// The best ten of a thousand scores, without sorting the thousand.
pub fn select_smallest(keys: &mut [u64], k: usize) {
    let k = k.min(keys.len());
    if k == 0 {
        return;
    }
    // A large share: sorting everything is as cheap.
    if k.saturating_mul(16) >= keys.len() {
        sort_u64(keys);
        return;
    }
    // The k smallest so far, sorted; each key is compared with the largest of them first.
    let mut best: Vec<u64> = Vec::with_capacity(k + 1);
    for &key in keys.iter() {
        if best.len() == k && best.last().is_some_and(|&worst| key >= worst) {
            continue;
        }
        let at = best.partition_point(|&b| b < key);
        best.insert(at, key);
        best.truncate(k);
    }
    let Some(&worst) = best.last() else {
        return;
    };
    // The rest after the k, in their order (the keys are distinct or equal ones are
    // interchangeable: a key above the k-th goes after them).
    let mut write = k;
    let mut rest = Vec::with_capacity(keys.len() - k);
    let mut ties = best.iter().filter(|&&b| b == worst).count();
    for &key in keys.iter() {
        if key > worst {
            rest.push(key);
        } else if key == worst {
            // Equal keys beyond those among the k belong to the rest.
            if ties > 0 {
                ties -= 1;
            } else {
                rest.push(key);
            }
        }
    }
    if let Some(front) = keys.get_mut(..k) {
        front.copy_from_slice(&best);
    }
    for key in rest {
        if let Some(slot) = keys.get_mut(write) {
            *slot = key;
        }
        write += 1;
    }
}

/// Sorts `items` by `less` (a stable, bottom-up merge sort): for the few sorts that are
/// not of `u64` keys (indices into something else, by its order). One instance for every
/// order (`dyn`): each instance was 2–3 kB of the wasm.
pub fn sort_by(items: &mut [u32], less: &dyn Fn(&u32, &u32) -> bool) {
    let n = items.len();
    let mut from: Vec<u32> = items.to_vec();
    let mut to: Vec<u32> = items.to_vec();
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            for slot in to.get_mut(start..end).unwrap_or(&mut []) {
                let take_right = match (from.get(i), from.get(j)) {
                    (Some(a), Some(b)) if i < mid && j < end => less(b, a),
                    _ => i >= mid,
                };
                let pick = if take_right { j } else { i };
                if let Some(&x) = from.get(pick) {
                    *slot = x;
                }
                if take_right {
                    j += 1;
                } else {
                    i += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    items.copy_from_slice(&from);
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::{select_smallest, sort_by, sort_u64};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        /// The same order as core's sort, for keys of every spread.
        #[test]
        fn sorts_as_core(mut keys in prop::collection::vec(any::<u64>(), 0..300), shift in 0u32..64) {
            for k in &mut keys { *k >>= shift; }
            let mut expected = keys.clone();
            expected.sort_unstable();
            sort_u64(&mut keys);
            prop_assert_eq!(keys, expected);
        }

        /// The k smallest first, sorted, and the same keys overall.
        #[test]
        fn selects_the_smallest(keys in prop::collection::vec(0u64..50, 0..400), k in 0usize..40) {
            let mut sorted = keys.clone();
            sorted.sort_unstable();
            let mut got = keys.clone();
            select_smallest(&mut got, k);
            let k = k.min(keys.len());
            prop_assert_eq!(&got[..k], &sorted[..k]);
            let mut all = got.clone();
            all.sort_unstable();
            prop_assert_eq!(all, sorted);
        }

        /// A stable sort: equal keys keep their order.
        #[test]
        fn merge_sort_is_stable(items in prop::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut expected = items.clone();
            expected.sort_by_key(|x| x.0);
            let mut order: Vec<u32> = (0..items.len() as u32).collect();
            sort_by(&mut order, &|a, b| items[*a as usize].0 < items[*b as usize].0);
            let got: Vec<(u8, u16)> = order.iter().map(|&i| items[i as usize]).collect();
            prop_assert_eq!(got, expected);
        }
    }
}
