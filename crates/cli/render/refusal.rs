//! The one line that says why a file was refused, naming the file once.

use std::path::Path;

/// `why`, which usually names the file already (`a.txt: empty file (0
/// bytes)`); otherwise `path: why`.
pub fn refusal(path: &Path, why: &str) -> String {
    let shown = path.display().to_string();
    if why.starts_with(&shown) {
        why.to_string()
    } else {
        format!("{shown}: {why}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_file_once() {
        let p = Path::new("/tmp/a.txt");
        assert_eq!(
            refusal(p, "/tmp/a.txt: empty file (0 bytes)"),
            "/tmp/a.txt: empty file (0 bytes)"
        );
        assert_eq!(refusal(p, "bad manifest: x"), "/tmp/a.txt: bad manifest: x");
    }
}
