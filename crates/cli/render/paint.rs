//! Terminal colours: ANSI styles applied only when colour is on (a terminal,
//! no `NO_COLOR`, or `--color always`).

/// A terminal style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Bold,
    Dim,
    /// Clause paths.
    Path,
    /// Highlighted matches.
    Match,
    /// Removed text in a diff.
    Removed,
    /// Inserted text in a diff.
    Inserted,
}

impl Style {
    fn code(self) -> &'static str {
        match self {
            Style::Bold => "1",
            Style::Dim => "2",
            Style::Path => "36",
            Style::Match => "1;31",
            Style::Removed => "31",
            Style::Inserted => "32",
        }
    }
}

/// `text` in `style` when `color` is on, else `text` unchanged.
pub fn paint(text: &str, style: Style, color: bool) -> String {
    if color {
        format!("\x1b[{}m{text}\x1b[0m", style.code())
    } else {
        text.to_string()
    }
}
