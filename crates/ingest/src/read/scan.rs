//! Fast byte scans over whole files: the first byte matching a predicate.
//!
//! Reading sits on the path of the corpus-scale ingest benchmark, so the
//! checks every file goes through (NUL bytes, control characters, line
//! endings) must not walk the text a byte at a time with branches. The scan
//! tests 64-byte blocks with a branch-free OR over the predicate (which the
//! compiler turns into SIMD compares) and only looks closer inside a block
//! that has a hit. Predicates should be plain comparisons.

/// Bytes tested together before branching.
const BLOCK: usize = 64;

/// Offset of the first byte at or after `from` for which `hit` holds.
#[inline]
pub fn find_byte(bytes: &[u8], from: usize, hit: impl Fn(u8) -> bool) -> Option<usize> {
    let tail = bytes.get(from..)?;
    let mut base = from;
    for block in tail.chunks(BLOCK) {
        if block.iter().fold(false, |any, &b| any | hit(b)) {
            return block.iter().position(|&b| hit(b)).map(|i| base + i);
        }
        base += block.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_hit_across_blocks() {
        let mut bytes = vec![b'a'; 300];
        assert_eq!(find_byte(&bytes, 0, |b| b == 0), None);
        bytes[130] = 0;
        bytes[200] = 0;
        assert_eq!(find_byte(&bytes, 0, |b| b == 0), Some(130));
        assert_eq!(find_byte(&bytes, 130, |b| b == 0), Some(130));
        assert_eq!(find_byte(&bytes, 131, |b| b == 0), Some(200));
        assert_eq!(find_byte(&bytes, 201, |b| b == 0), None);
        assert_eq!(find_byte(&bytes, 300, |b| b == 0), None);
        assert_eq!(find_byte(&bytes, 999, |b| b == 0), None);
    }
}
