//! LEB128 variable-length integers: 7 bits a byte, low bits first, the high bit set on
//! every byte but the last. Posting lists store small deltas, most of them in one byte.
//!
//! Invariant: a `u32` takes 1–5 bytes; exactly one byte of each number has its high bit
//! clear (the last), so the numbers in a run of bytes are its bytes below 0x80.

/// Appends `n` to `out`.
pub fn push(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Reads one number at `*at`, advancing it. A truncated number reads as what it has so
/// far (the index writes whole numbers only; this keeps a bad byte from panicking).
pub fn read(bytes: &[u8], at: &mut usize) -> u32 {
    let mut n: u32 = 0;
    let mut shift = 0u32;
    while let Some(&b) = bytes.get(*at) {
        *at += 1;
        if shift < 32 {
            n |= u32::from(b & 0x7f) << shift;
        }
        if b < 0x80 {
            break;
        }
        shift += 7;
    }
    n
}

/// How many numbers `bytes` holds.
pub fn count(bytes: &[u8]) -> u32 {
    bytes.iter().filter(|&&b| b < 0x80).count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let numbers = [0, 1, 127, 128, 300, 16_383, 16_384, 1 << 21, u32::MAX];
        let mut bytes = Vec::new();
        for n in numbers {
            push(&mut bytes, n);
        }
        assert_eq!(count(&bytes), numbers.len() as u32);
        let mut at = 0;
        let read_back: Vec<u32> = numbers.iter().map(|_| read(&bytes, &mut at)).collect();
        assert_eq!(read_back, numbers);
        assert_eq!(at, bytes.len());
        assert_eq!(bytes.len(), 1 + 1 + 1 + 2 + 2 + 2 + 3 + 4 + 5);
    }

    #[test]
    fn truncated_input_does_not_panic() {
        let mut at = 0;
        assert_eq!(read(&[0x80, 0x81], &mut at), 1 << 7);
        assert_eq!(read(&[], &mut 0), 0);
    }
}
