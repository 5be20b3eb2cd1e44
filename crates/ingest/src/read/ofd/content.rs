//! One OFD page's `Content.xml` → its characters with their positions.
//!
//! Every `TextCode` inside a `TextObject` (at any depth of layers and page
//! blocks) gives characters: the first at (`X`, `Y`) from the object's
//! `Boundary` origin (through its `CTM` when it has one), each next one
//! `DeltaX` further right (`g 3 5.2` repeats 5.2 three times; missing
//! advances repeat the last one, or the font `Size`). Positions are in
//! millimetres, `y` growing downwards, at the baseline.

use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

/// A character placed on the page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Glyph {
    /// Left edge, mm from the page's left.
    pub x: f64,
    /// Baseline, mm from the page's top.
    pub y: f64,
    /// Font size in mm (about the width of a Han character).
    pub size: f64,
    /// The character.
    pub c: char,
}

/// The placement of the `TextObject` being read.
#[derive(Clone, Copy, Debug)]
struct Object {
    origin: (f64, f64),
    ctm: [f64; 6],
    size: f64,
}

/// The `TextCode` being read.
struct Code {
    x: f64,
    y: f64,
    deltas: Vec<f64>,
    chars: usize,
}

/// The characters of a page, in document order. `Err` is the byte offset
/// where the XML is malformed.
pub fn glyphs(xml: &str) -> Result<Vec<Glyph>, u64> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut object: Option<Object> = None;
    let mut code: Option<Code> = None;
    // Where the previous TextCode ended: a TextCode without X/Y goes on.
    let mut pen = (0.0, 0.0);
    loop {
        let event = reader.read_event().map_err(|_| reader.error_position())?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "TextObject" => object = Some(text_object(&e)),
                "TextCode" if object.is_some() => {
                    let x = number(&e, "X").unwrap_or(pen.0);
                    let y = number(&e, "Y").unwrap_or(pen.1);
                    let deltas = attr(&e, "DeltaX").map(|d| deltas(&d)).unwrap_or_default();
                    code = Some(Code {
                        x,
                        y,
                        deltas,
                        chars: 0,
                    });
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "TextObject" => object = None,
                "TextCode" => {
                    if let (Some(c), Some(o)) = (code.take(), object) {
                        pen = (c.x + advance(&c, c.chars, o.size), c.y);
                    }
                }
                _ => {}
            },
            Event::Text(t) => push_text(&mut out, &t.xml10_content(), &mut code, object),
            Event::CData(t) => push_text(&mut out, &t, &mut code, object),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    _ => quick_xml::escape::resolve_predefined_entity(&r).map(str::to_string),
                };
                if let Some(s) = resolved {
                    push_text(&mut out, &s, &mut code, object);
                }
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// Places the characters of `text` (part of the current `TextCode`).
fn push_text(out: &mut Vec<Glyph>, text: &str, code: &mut Option<Code>, object: Option<Object>) {
    let (Some(code), Some(o)) = (code.as_mut(), object) else {
        return;
    };
    for c in text.chars() {
        if c == '\n' || c == '\r' {
            continue;
        }
        let dx = advance(code, code.chars, o.size);
        let (x, y) = o.place(code.x + dx, code.y);
        out.push(Glyph {
            x,
            y,
            size: o.scaled_size(),
            c,
        });
        code.chars += 1;
    }
}

/// Distance from the code's first character to its `n`-th.
fn advance(code: &Code, n: usize, size: f64) -> f64 {
    let last = code.deltas.last().copied().unwrap_or(size);
    (0..n)
        .map(|i| code.deltas.get(i).copied().unwrap_or(last))
        .sum()
}

impl Object {
    fn place(&self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.ctm;
        (
            self.origin.0 + a * x + c * y + e,
            self.origin.1 + b * x + d * y + f,
        )
    }

    fn scaled_size(&self) -> f64 {
        let [a, b, c, d, ..] = self.ctm;
        let scale = (a * d - b * c).abs().sqrt();
        let scale = if scale.is_finite() && scale > 0.0 {
            scale
        } else {
            1.0
        };
        self.size * scale
    }
}

fn text_object(e: &BytesStart<'_>) -> Object {
    let boundary = attr(e, "Boundary").map(|b| numbers(&b)).unwrap_or_default();
    let ctm = attr(e, "CTM")
        .map(|m| numbers(&m))
        .filter(|m| m.len() == 6)
        .map_or([1.0, 0.0, 0.0, 1.0, 0.0, 0.0], |m| {
            [m[0], m[1], m[2], m[3], m[4], m[5]]
        });
    let size = number(e, "Size").filter(|s| *s > 0.0).unwrap_or(3.5);
    Object {
        origin: (
            boundary.first().copied().unwrap_or(0.0),
            boundary.get(1).copied().unwrap_or(0.0),
        ),
        ctm,
        size,
    }
}

/// The value of attribute `key` (by local name), unescaped.
pub fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .map(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| a.value.to_string())
        })
}

fn number(e: &BytesStart<'_>, key: &str) -> Option<f64> {
    attr(e, key)
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|v| v.is_finite())
}

/// Space-separated finite numbers.
fn numbers(s: &str) -> Vec<f64> {
    s.split_whitespace()
        .filter_map(|n| n.parse::<f64>().ok())
        .filter(|v| v.is_finite())
        .collect()
}

/// A `DeltaX` list with its `g count value` groups expanded (at most a
/// few thousand advances).
fn deltas(s: &str) -> Vec<f64> {
    const MAX: usize = 100_000;
    let mut out = Vec::new();
    let mut words = s.split_whitespace();
    while let Some(w) = words.next() {
        if out.len() >= MAX {
            break;
        }
        if w == "g" {
            let count = words
                .next()
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or(0);
            let value = words
                .next()
                .and_then(|n| n.parse::<f64>().ok())
                .unwrap_or(0.0);
            let room = MAX - out.len();
            out.extend(std::iter::repeat_n(value, count.min(room)));
        } else if let Ok(v) = w.parse::<f64>() {
            out.push(v);
        }
    }
    out.retain(|v| v.is_finite());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delta_groups_expand() {
        assert_eq!(deltas("g 3 5.2 1 g 2 0.5"), [5.2, 5.2, 5.2, 1.0, 0.5, 0.5]);
        assert_eq!(deltas("g 999999999999 1").len(), 100_000);
        assert!(deltas("x y").is_empty());
    }

    #[test]
    fn characters_are_placed_from_boundary_code_and_deltas() {
        let xml = r#"<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="1">
<ofd:TextObject ID="2" Boundary="20 30 100 8" Font="3" Size="5">
<ofd:TextCode X="0" Y="5" DeltaX="g 2 5">一、目</ofd:TextCode><ofd:TextCode>标&amp;</ofd:TextCode>
</ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>"#;
        let g = glyphs(xml).unwrap();
        let shown: Vec<(f64, f64, char)> = g.iter().map(|g| (g.x, g.y, g.c)).collect();
        assert_eq!(
            shown,
            [
                (20.0, 35.0, '一'),
                (25.0, 35.0, '、'),
                (30.0, 35.0, '目'),
                (35.0, 35.0, '标'),
                (40.0, 35.0, '&')
            ]
        );
        assert!(glyphs("<a><TextObject><TextCode>x</a>").is_err());
    }
}
