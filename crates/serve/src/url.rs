//! GET URLs: every state of a page is one (a search with its filters and
//! page, a comparison, a department), so it can be bookmarked and shared.
//! [`Params`] reads a query string; [`Link`] writes one.

use std::fmt::Write as _;

/// Percent-encodes `s` for a URL's query value or fragment: everything
/// but ASCII letters, digits and `-_.~` is encoded, as UTF-8 bytes.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Decodes a query-string component (`+` is a space); malformed escapes
/// are kept as written, invalid UTF-8 is replaced.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(v) => {
                        out.push(v);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The parameters of a query string, in order (a key may repeat).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Params(Vec<(String, String)>);

impl Params {
    /// Reads `query` (`a=1&b=%E5%B9%B3`); empty values count as absent.
    pub fn parse(query: Option<&str>) -> Params {
        let mut out = Vec::new();
        for part in query.unwrap_or("").split('&') {
            if part.is_empty() {
                continue;
            }
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            let (k, v) = (decode(k), decode(v));
            if !v.trim().is_empty() {
                out.push((k, v.trim().to_string()));
            }
        }
        Params(out)
    }

    /// The first value of `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The value of `key` as a number, or a message saying it is not one.
    pub fn number(&self, key: &str) -> Result<Option<usize>, String> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v
                .parse::<usize>()
                .map(Some)
                .map_err(|_| format!("参数 {key}={v:?} 不是一个正整数")),
        }
    }
}

/// A URL being built: a path and its parameters.
#[derive(Clone, Debug)]
pub struct Link {
    path: String,
    params: Vec<(String, String)>,
}

impl Link {
    /// A link to `path` with no parameters.
    pub fn new(path: &str) -> Link {
        Link {
            path: path.to_string(),
            params: Vec::new(),
        }
    }

    /// Sets `key` (replacing any value it had); `None` or an empty value
    /// removes it.
    pub fn set(mut self, key: &str, value: Option<&str>) -> Link {
        self.params.retain(|(k, _)| k != key);
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            self.params.push((key.to_string(), v.to_string()));
        }
        self
    }

    /// The URL, escaped for an HTML attribute.
    pub fn href(&self) -> String {
        crate::html::esc(&self.to_string())
    }
}

impl std::fmt::Display for Link {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.path)?;
        for (i, (k, v)) in self.params.iter().enumerate() {
            let sep = if i == 0 { '?' } else { '&' };
            write!(f, "{sep}{}={}", encode(k), encode(v))?;
        }
        Ok(())
    }
}

/// The link to clause `path` of plan `plan` (`/plan/ID#c-PATH`).
pub fn clause_link(plan: &str, path: &str) -> String {
    format!("/plan/{}#c-{}", encode(plan), encode(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_round_trips() {
        let s = "平江县 \"专项债\" & 二/（五）/3#2";
        assert_eq!(decode(&encode(s)), s);
        assert_eq!(decode("a+b%E5%B9%B3"), "a b平");
        // malformed escapes are kept, never a panic
        assert_eq!(decode("%"), "%");
        assert_eq!(decode("%E"), "%E");
        assert_eq!(decode("%zz1"), "%zz1");
        assert_eq!(decode("%FF"), "\u{FFFD}");
    }

    #[test]
    fn params_and_links() {
        let p = Params::parse(Some("q=%E4%B8%93&county=&page=2&page=3&x"));
        assert_eq!(p.get("q"), Some("专"));
        assert_eq!(p.get("county"), None);
        assert_eq!(p.number("page"), Ok(Some(2)));
        assert!(Params::parse(Some("page=-1")).number("page").is_err());
        let l = Link::new("/search")
            .set("q", Some("专项债"))
            .set("county", Some("平江"))
            .set("county", None)
            .set("page", Some("2"));
        assert_eq!(
            l.to_string(),
            "/search?q=%E4%B8%93%E9%A1%B9%E5%80%BA&page=2"
        );
        assert_eq!(
            clause_link("a b", "一/1#2"),
            "/plan/a%20b#c-%E4%B8%80%2F1%232"
        );
    }
}
