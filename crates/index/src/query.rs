//! The query language: text in, a checked syntax tree out.
//!
//! ```text
//! 专项债 发行            bare words: every word must occur, ranked by BM25
//! "以旧换新"             a quoted phrase: exact match on the folded text
//! A AND B, A B           both (AND is the default)
//! A OR B                 either
//! NOT A, -A              without
//! ( … )                  grouping
//! county:平江 year:2023 level:县 plan:ID section:附件1 kind:tasks lead:发改局
//! support:财政局 dept:住建局
//! year:2023..2025        a range of years (inclusive)
//! ```
//!
//! Only ASCII `"` quotes and ASCII brackets are syntax, so Chinese quotes and
//! full-width brackets inside words are searched as written. A field name is
//! ASCII letters before an ASCII `:`; `牵头单位:` is a word. Every error
//! points at the character where the problem is, and no input panics.

use std::fmt;

/// A field that filters hits (`county:平江`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FilterField {
    /// `county:` county or district, full or short name.
    County,
    /// `city:` prefecture-level city.
    City,
    /// `province:`.
    Province,
    /// `year:` a year or `FROM..TO`.
    Year,
    /// `level:` 县 / 区 / 市.
    Level,
    /// `plan:` plan id.
    Plan,
    /// `section:` a clause path or one of its prefixes (`附件1`, `二`).
    Section,
    /// `kind:` objectives / tasks / mechanism / other.
    Kind,
    /// `lead:` a lead department.
    Lead,
    /// `support:` a supporting department.
    Support,
    /// `dept:` a department in any role.
    Dept,
}

impl FilterField {
    /// Every field, in the order help texts list them.
    pub const ALL: [FilterField; 11] = [
        FilterField::County,
        FilterField::City,
        FilterField::Province,
        FilterField::Year,
        FilterField::Level,
        FilterField::Plan,
        FilterField::Section,
        FilterField::Kind,
        FilterField::Lead,
        FilterField::Support,
        FilterField::Dept,
    ];

    /// The name used in queries.
    pub fn name(&self) -> &'static str {
        match self {
            FilterField::County => "county",
            FilterField::City => "city",
            FilterField::Province => "province",
            FilterField::Year => "year",
            FilterField::Level => "level",
            FilterField::Plan => "plan",
            FilterField::Section => "section",
            FilterField::Kind => "kind",
            FilterField::Lead => "lead",
            FilterField::Support => "support",
            FilterField::Dept => "dept",
        }
    }

    /// The field called `name`, if any.
    pub fn from_name(name: &str) -> Option<FilterField> {
        FilterField::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// A checked filter value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FilterValue {
    /// A term (folded).
    Term(String),
    /// An inclusive range of years.
    Years(u64, u64),
}

/// One filter: a field and a value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filter {
    /// The field.
    pub field: FilterField,
    /// The value.
    pub value: FilterValue,
}

impl Filter {
    /// A filter from a field and a value as typed (`--county 平江`).
    pub fn new(field: FilterField, value: &str) -> Result<Filter, QueryError> {
        check_filter(field, value, 0, value)
    }
}

/// The syntax tree of a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// Bare words (folded): each of their words must occur; ranked.
    Words(String),
    /// A quoted phrase (folded): must occur exactly.
    Phrase(String),
    /// A field filter.
    Filter(Filter),
    /// All of these.
    And(Vec<Node>),
    /// Any of these.
    Or(Vec<Node>),
    /// Not this.
    Not(Box<Node>),
}

impl Node {
    /// The same query with every bare word matched exactly as written: a
    /// phrase, no longer split by jieba (the exact-phrase mode of a search
    /// box).
    pub fn exact(self) -> Node {
        match self {
            Node::Words(w) => Node::Phrase(w),
            Node::And(v) => Node::And(v.into_iter().map(Node::exact).collect()),
            Node::Or(v) => Node::Or(v.into_iter().map(Node::exact).collect()),
            Node::Not(n) => Node::Not(Box::new(n.exact())),
            other => other,
        }
    }

    /// The texts to highlight: phrases and bare words that are not negated.
    pub fn positive_texts(&self) -> Vec<(&str, bool)> {
        let mut out = Vec::new();
        self.collect_positive(&mut out);
        out
    }

    fn collect_positive<'a>(&'a self, out: &mut Vec<(&'a str, bool)>) {
        match self {
            Node::Words(w) => out.push((w, false)),
            Node::Phrase(p) => out.push((p, true)),
            Node::Filter(_) | Node::Not(_) => {}
            Node::And(v) | Node::Or(v) => v.iter().for_each(|n| n.collect_positive(out)),
        }
    }
}

/// A malformed query, with the character offset of the problem.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct QueryError {
    /// The query as typed.
    pub query: String,
    /// Character offset of the problem.
    pub at: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The caret line counts display columns: CJK characters are two wide.
        let pad: usize = self
            .query
            .chars()
            .take(self.at)
            .map(|c| if c.len_utf8() >= 3 { 2 } else { 1 })
            .sum();
        write!(
            f,
            "malformed query: {} (at character {})\n  {}\n  {}^",
            self.message,
            self.at + 1,
            self.query,
            " ".repeat(pad)
        )
    }
}

/// Parses a query.
pub fn parse(query: &str) -> Result<Node, QueryError> {
    let tokens = lex(query)?;
    let mut p = ParserState {
        query,
        tokens,
        at: 0,
    };
    if p.tokens.is_empty() {
        return Err(p.error(0, "the query is empty".into()));
    }
    let node = p.or_expr()?;
    if let Some(t) = p.tokens.get(p.at) {
        let msg = match t.kind {
            Tok::Close => "`)` without a matching `(`".to_string(),
            _ => "unexpected text".to_string(),
        };
        return Err(p.error(t.at, msg));
    }
    Ok(node)
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    Word(String),
    Phrase(String),
    Field(String, String, usize),
    And,
    Or,
    Not,
    Minus,
    Open,
    Close,
}

#[derive(Clone, Debug)]
struct Token {
    kind: Tok,
    at: usize,
}

fn err(query: &str, at: usize, message: impl Into<String>) -> QueryError {
    QueryError {
        query: query.to_string(),
        at,
        message: message.into(),
    }
}

fn lex(query: &str) -> Result<Vec<Token>, QueryError> {
    let chars: Vec<char> = query.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let at = i;
        match c {
            '(' => {
                out.push(Token {
                    kind: Tok::Open,
                    at,
                });
                i += 1;
            }
            ')' => {
                out.push(Token {
                    kind: Tok::Close,
                    at,
                });
                i += 1;
            }
            '"' => {
                let (text, next) = quoted(query, &chars, i)?;
                out.push(Token {
                    kind: Tok::Phrase(text),
                    at,
                });
                i = next;
            }
            '-' if chars.get(i + 1).is_some_and(|n| !n.is_whitespace()) => {
                out.push(Token {
                    kind: Tok::Minus,
                    at,
                });
                i += 1;
            }
            _ => {
                let start = i;
                while i < chars.len()
                    && !chars[i].is_whitespace()
                    && !matches!(chars[i], '(' | ')' | '"')
                {
                    if chars[i] == ':' && is_field_name(&chars[start..i]) {
                        break;
                    }
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                if chars.get(i) == Some(&':') && is_field_name(&chars[start..i]) {
                    i += 1;
                    let value_at = i;
                    let value = if chars.get(i) == Some(&'"') {
                        let (text, next) = quoted(query, &chars, i)?;
                        i = next;
                        text
                    } else {
                        let s = i;
                        while i < chars.len()
                            && !chars[i].is_whitespace()
                            && !matches!(chars[i], '(' | ')')
                        {
                            i += 1;
                        }
                        chars[s..i].iter().collect()
                    };
                    out.push(Token {
                        kind: Tok::Field(word, value, value_at),
                        at,
                    });
                    continue;
                }
                let kind = match word.as_str() {
                    "AND" => Tok::And,
                    "OR" => Tok::Or,
                    "NOT" => Tok::Not,
                    _ => Tok::Word(word),
                };
                out.push(Token { kind, at });
            }
        }
    }
    Ok(out)
}

fn is_field_name(chars: &[char]) -> bool {
    !chars.is_empty() && chars.iter().all(|c| c.is_ascii_alphabetic() || *c == '_')
}

/// Reads a quoted string starting at the `"` at `i`; `\"` and `\\` escape.
fn quoted(query: &str, chars: &[char], i: usize) -> Result<(String, usize), QueryError> {
    let mut text = String::new();
    let mut j = i + 1;
    while j < chars.len() {
        match chars[j] {
            '"' => return Ok((text, j + 1)),
            '\\' if matches!(chars.get(j + 1), Some('"') | Some('\\')) => {
                text.push(chars[j + 1]);
                j += 2;
            }
            c => {
                text.push(c);
                j += 1;
            }
        }
    }
    Err(err(query, i, "this quote is never closed"))
}

struct ParserState<'q> {
    query: &'q str,
    tokens: Vec<Token>,
    at: usize,
}

impl ParserState<'_> {
    fn error(&self, at: usize, message: String) -> QueryError {
        err(self.query, at, message)
    }

    fn end(&self) -> usize {
        self.query.chars().count()
    }

    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.at).map(|t| &t.kind)
    }

    fn or_expr(&mut self) -> Result<Node, QueryError> {
        let mut parts = vec![self.and_expr()?];
        while self.peek() == Some(&Tok::Or) {
            self.at += 1;
            parts.push(self.and_expr()?);
        }
        Ok(if parts.len() == 1 {
            parts.pop().unwrap_or(Node::And(vec![]))
        } else {
            Node::Or(parts)
        })
    }

    fn and_expr(&mut self) -> Result<Node, QueryError> {
        let mut parts = vec![self.unary()?];
        loop {
            match self.peek() {
                None | Some(Tok::Or) | Some(Tok::Close) => break,
                Some(Tok::And) => {
                    self.at += 1;
                    parts.push(self.unary()?);
                }
                Some(_) => parts.push(self.unary()?),
            }
        }
        Ok(if parts.len() == 1 {
            parts.pop().unwrap_or(Node::And(vec![]))
        } else {
            Node::And(parts)
        })
    }

    fn unary(&mut self) -> Result<Node, QueryError> {
        match self.peek() {
            Some(Tok::Not) | Some(Tok::Minus) => {
                self.at += 1;
                Ok(Node::Not(Box::new(self.unary()?)))
            }
            _ => self.primary(),
        }
    }

    fn primary(&mut self) -> Result<Node, QueryError> {
        let Some(token) = self.tokens.get(self.at).cloned() else {
            let what = match self.tokens.last().map(|t| &t.kind) {
                Some(Tok::And) => "AND needs a term on its right",
                Some(Tok::Or) => "OR needs a term on its right",
                Some(Tok::Not) | Some(Tok::Minus) => "NOT needs a term on its right",
                Some(Tok::Open) => "`(` is never closed",
                _ => "a term is missing",
            };
            return Err(self.error(self.end(), what.into()));
        };
        self.at += 1;
        match token.kind {
            Tok::Word(w) => {
                let folded = fangan_model::fold::fold_str(&w);
                if folded.is_empty() {
                    return Err(self.error(token.at, "this word is empty once normalized".into()));
                }
                Ok(Node::Words(folded))
            }
            Tok::Phrase(p) => {
                let folded = fangan_model::fold::fold_str(&p);
                if folded.is_empty() {
                    return Err(self.error(token.at, "the quoted phrase is empty".into()));
                }
                Ok(Node::Phrase(folded))
            }
            Tok::Field(name, value, value_at) => {
                let Some(field) = FilterField::from_name(&name) else {
                    let names: Vec<&str> = FilterField::ALL.iter().map(|f| f.name()).collect();
                    return Err(self.error(
                        token.at,
                        format!(
                            "unknown field `{name}:` (fields: {}; quote text to search for a colon)",
                            names.join(", ")
                        ),
                    ));
                };
                Ok(Node::Filter(check_filter(
                    field, &value, value_at, self.query,
                )?))
            }
            Tok::Open => {
                if self.peek() == Some(&Tok::Close) {
                    return Err(self.error(token.at, "empty brackets".into()));
                }
                let inner = self.or_expr()?;
                if self.peek() != Some(&Tok::Close) {
                    return Err(self.error(token.at, "`(` is never closed".into()));
                }
                self.at += 1;
                Ok(inner)
            }
            Tok::Close => Err(self.error(token.at, "`)` without a matching `(`".into())),
            Tok::And | Tok::Or => Err(self.error(
                token.at,
                format!(
                    "{} needs a term on its left",
                    if token.kind == Tok::And { "AND" } else { "OR" }
                ),
            )),
            Tok::Not | Tok::Minus => Err(self.error(token.at, "NOT needs a term".into())),
        }
    }
}

fn check_filter(
    field: FilterField,
    value: &str,
    at: usize,
    query: &str,
) -> Result<Filter, QueryError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(err(query, at, format!("`{}:` needs a value", field.name())));
    }
    let value = match field {
        FilterField::Year => {
            let year = |s: &str| {
                s.trim()
                    .parse::<u64>()
                    .ok()
                    .filter(|y| (1900..=2200).contains(y))
            };
            let (from, to) = match value.split_once("..") {
                Some((a, b)) => (year(a), year(b)),
                None => (year(value), year(value)),
            };
            match (from, to) {
                (Some(a), Some(b)) if a <= b => FilterValue::Years(a, b),
                _ => {
                    return Err(err(
                        query,
                        at,
                        format!(
                        "`year:` wants a year or FROM..TO (like 2023 or 2023..2025), not {value:?}"
                    ),
                    ))
                }
            }
        }
        FilterField::Kind => {
            let v = value.to_ascii_lowercase();
            if !["objectives", "tasks", "mechanism", "other"].contains(&v.as_str()) {
                return Err(err(
                    query,
                    at,
                    format!("`kind:` is one of objectives, tasks, mechanism, other, not {value:?}"),
                ));
            }
            FilterValue::Term(v)
        }
        FilterField::Plan => FilterValue::Term(value.to_string()),
        _ => FilterValue::Term(fangan_model::fold::fold_str(value)),
    };
    Ok(Filter { field, value })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Node {
        Node::Words(s.into())
    }

    #[test]
    fn bare_words_and_phrases() {
        assert_eq!(parse("专项债").unwrap(), words("专项债"));
        assert_eq!(
            parse("\"迎老乡、回故乡\" 發展").unwrap(),
            Node::And(vec![Node::Phrase("迎老乡、回故乡".into()), words("发展")])
        );
        // Chinese quotes and full-width brackets are text
        assert_eq!(parse("“五好”园区").unwrap(), words("“五好”园区"));
        assert_eq!(parse("（一）").unwrap(), words("(一)"));
    }

    #[test]
    fn exact_mode_makes_every_bare_word_a_phrase() {
        let q = parse("专项债 OR -招商 county:平江").unwrap().exact();
        assert_eq!(
            q,
            Node::Or(vec![
                Node::Phrase("专项债".into()),
                Node::And(vec![
                    Node::Not(Box::new(Node::Phrase("招商".into()))),
                    Node::Filter(Filter::new(FilterField::County, "平江").unwrap()),
                ]),
            ])
        );
    }

    #[test]
    fn operators_and_groups() {
        let q = parse("A OR B -C NOT (D E)").unwrap();
        assert_eq!(
            q,
            Node::Or(vec![
                words("A"),
                Node::And(vec![
                    words("B"),
                    Node::Not(Box::new(words("C"))),
                    Node::Not(Box::new(Node::And(vec![words("D"), words("E")]))),
                ]),
            ])
        );
    }

    #[test]
    fn fields() {
        let q = parse("county:平江 year:2023..2025 kind:Tasks section:\"附件 1\"").unwrap();
        let Node::And(parts) = q else { panic!() };
        assert_eq!(
            parts[0],
            Node::Filter(Filter {
                field: FilterField::County,
                value: FilterValue::Term("平江".into())
            })
        );
        assert_eq!(
            parts[1],
            Node::Filter(Filter {
                field: FilterField::Year,
                value: FilterValue::Years(2023, 2025)
            })
        );
        assert_eq!(
            parts[3],
            Node::Filter(Filter {
                field: FilterField::Section,
                value: FilterValue::Term("附件1".into())
            })
        );
        // a colon after Chinese text is part of the word
        assert_eq!(
            parse("牵头单位:区发改局").unwrap(),
            words("牵头单位:区发改局")
        );
    }

    #[test]
    fn malformed_queries_say_where() {
        for (q, at, needle) in [
            ("", 0, "empty"),
            ("   ", 0, "empty"),
            ("\"专项债", 0, "never closed"),
            ("专项债 AND", 7, "AND needs a term on its right"),
            ("OR 专项债", 0, "OR needs a term on its left"),
            ("(专项债", 0, "never closed"),
            ("专项债)", 3, "without a matching"),
            ("foo:bar", 0, "unknown field"),
            ("year:twenty", 5, "year"),
            ("county:", 7, "needs a value"),
            ("\"\"", 0, "empty"),
            ("()", 0, "empty brackets"),
            ("NOT", 3, "NOT needs"),
            ("kind:foo", 5, "kind"),
        ] {
            let e = parse(q).expect_err(q);
            assert_eq!(e.at, at, "{q:?}: {e}");
            assert!(e.message.contains(needle), "{q:?}: {e}");
            // the message renders with a caret
            assert!(e.to_string().contains('^'));
        }
    }

    #[test]
    fn no_input_panics() {
        let pieces = [
            "\"", "(", ")", "-", "AND", "OR", "NOT", ":", "year:", "a", "专", " ", "\\",
        ];
        // every sequence of up to 4 pieces
        let mut stack = vec![String::new()];
        for _ in 0..4 {
            let mut next = Vec::new();
            for s in &stack {
                for p in pieces {
                    let q = format!("{s}{p}");
                    let _ = parse(&q);
                    next.push(q);
                }
            }
            stack = next;
        }
    }
}
