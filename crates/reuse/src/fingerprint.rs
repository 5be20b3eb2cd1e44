//! Fingerprints of a compared text: hashes of its character n-grams,
//! thinned by winnowing (Schleimer, Wilkerson and Aiken 2003).
//!
//! In every window of `w` consecutive n-grams the smallest hash is kept
//! (the rightmost on ties). Two texts that share a run of at least
//! `n + w - 1` characters therefore share at least one fingerprint, while
//! only about `2 / (w + 1)` of the positions are stored. Digits are one
//! character for hashing (`8%` and `10%` seed the same), so a target
//! changed in a copy does not hide it.

/// Multiplier of the polynomial rolling hash (odd).
const BASE: u64 = 0x100_0000_01b3;

/// The hash key of a code: digits are one key.
fn key(c: u16) -> u64 {
    if (u16::from(b'0')..=u16::from(b'9')).contains(&c) {
        u64::from(b'0')
    } else {
        u64::from(c) + 1
    }
}

/// Final mixing of a rolling hash (splitmix64), so that winnowing's
/// minimum is not biased by the characters' codes.
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The hash of every n-gram of `codes`, in order (`codes.len() - n + 1`
/// of them; none when the text is shorter than `n`).
pub fn ngram_hashes(codes: &[u16], n: usize) -> Vec<u64> {
    if n == 0 || codes.len() < n {
        return Vec::new();
    }
    let top = (0..n - 1).fold(1u64, |p, _| p.wrapping_mul(BASE));
    let mut h = 0u64;
    for &c in &codes[..n] {
        h = h.wrapping_mul(BASE).wrapping_add(key(c));
    }
    let mut out = Vec::with_capacity(codes.len() - n + 1);
    out.push(mix(h));
    for i in n..codes.len() {
        h = h
            .wrapping_sub(key(codes[i - n]).wrapping_mul(top))
            .wrapping_mul(BASE)
            .wrapping_add(key(codes[i]));
        out.push(mix(h));
    }
    out
}

/// The winnowed fingerprints of `codes`: positions (first character of
/// the n-gram) and hashes, in text order.
pub fn winnow(codes: &[u16], n: usize, w: usize) -> (Vec<u32>, Vec<u64>) {
    let hashes = ngram_hashes(codes, n);
    let (mut pos, mut out) = (Vec::new(), Vec::new());
    if hashes.is_empty() {
        return (pos, out);
    }
    let w = w.clamp(1, hashes.len());
    let mut min: Option<usize> = None;
    for start in 0..=hashes.len() - w {
        let end = start + w;
        let chosen = match min {
            Some(m) if m >= start => {
                if hashes[end - 1] <= hashes[m] {
                    end - 1
                } else {
                    m
                }
            }
            _ => {
                let mut m = start;
                for k in start + 1..end {
                    if hashes[k] <= hashes[m] {
                        m = k;
                    }
                }
                m
            }
        };
        if min != Some(chosen) {
            pos.push(chosen as u32);
            out.push(hashes[chosen]);
            min = Some(chosen);
        }
    }
    (pos, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(s: &str) -> Vec<u16> {
        s.chars().map(|c| c as u16).collect()
    }

    #[test]
    fn rolling_hash_equals_direct_hash() {
        let c = codes("坚持稳中求进工作总基调完整准确全面贯彻新发展理念");
        let rolled = ngram_hashes(&c, 5);
        for (i, h) in rolled.iter().enumerate() {
            assert_eq!(*h, ngram_hashes(&c[i..i + 5], 5)[0]);
        }
    }

    #[test]
    fn digits_hash_alike() {
        assert_eq!(
            ngram_hashes(&codes("增长8%以上"), 6),
            ngram_hashes(&codes("增长5%以上"), 6)
        );
    }

    #[test]
    fn shared_run_of_n_plus_w_minus_1_shares_a_fingerprint() {
        let (n, w) = (6, 8);
        let shared = "大力发展夜间经济打造夜间消费集聚区";
        assert!(shared.chars().count() >= n + w - 1);
        let a = codes(&format!("推动外贸扩规提质扩大出口{shared}加强安全生产监管"));
        let b = codes(&format!("{shared}全面落实稳经济一揽子政策措施"));
        let (_, ha) = winnow(&a, n, w);
        let (_, hb) = winnow(&b, n, w);
        assert!(ha.iter().any(|h| hb.contains(h)));
        // and winnowing keeps fewer than all positions
        assert!(ha.len() < a.len() - n + 1);
    }

    #[test]
    fn short_texts_have_few_or_no_fingerprints() {
        assert!(winnow(&codes("发展"), 6, 8).0.is_empty());
        assert_eq!(winnow(&codes("推动外贸扩规"), 6, 8).0, [0]);
    }
}
