//! FNV-1a, 32 bits: the hash of the engine's sorted-hash tables (the stem table, the
//! one-edit keys). Short keys, not chosen to collide; each table checks its hits or only
//! asks a slower search.

/// FNV-1a of the concatenated `parts`.
pub fn fnv1a(parts: &[&[u8]]) -> u32 {
    parts
        .iter()
        .flat_map(|p| p.iter())
        .fold(0x811c_9dc5, |h, &b| {
            (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
        })
}

#[cfg(test)]
mod tests {
    use super::fnv1a;

    #[test]
    fn known_values_and_parts() {
        assert_eq!(fnv1a(&[]), 0x811c_9dc5);
        assert_eq!(fnv1a(&[b"a"]), 0xe40c_292c);
        assert_eq!(fnv1a(&[b"foobar"]), 0xbf9c_f968);
        assert_eq!(fnv1a(&[b"foo", b"bar"]), fnv1a(&[b"foobar"]));
    }
}
