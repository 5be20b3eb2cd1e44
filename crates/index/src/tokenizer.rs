//! The two tokenizers of the index, registered under one name each by
//! [`register_tokenizers`], which is called both when an index is built and
//! when it is opened (tantivy reopens an index with its default tokenizers
//! only).
//!
//! Both read text that is already folded ([`fangan_model::fold`]): the
//! writer and the query builder fold before tokenizing.
//!
//! - [`CharTokenizer`] (`fangan_chars`): at each character position `i`,
//!   the bigram of that character and the next; the last character alone.
//!   Positions are strictly sequential, so a phrase of `n ≥ 2` characters is
//!   a phrase query of its bigrams at offsets `0, 2, 4, …, n-2`, matching
//!   exactly where the folded text contains it, and one character `c` is the
//!   union of the terms starting with `c` (every character starts exactly
//!   one token). One token per character keeps ingest fast.
//! - [`JiebaTokenizer`] (`fangan_jieba`): the adapter from
//!   [`fangan_model::Segmenter`] to tantivy. Precise-mode words get
//!   sequential positions; dictionary words inside a long word are added at
//!   the same position (jieba's search mode), punctuation advances the
//!   position without a token. Offsets are byte offsets.

use std::sync::Arc;

use fangan_model::Segmenter;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use tantivy::Index;

/// Name of the character tokenizer.
pub const CHARS_TOKENIZER: &str = "fangan_chars";
/// Name of the jieba tokenizer.
pub const WORDS_TOKENIZER: &str = "fangan_jieba";

/// Registers both tokenizers on `index` (call it after creating or opening).
pub fn register_tokenizers(index: &Index, segmenter: Arc<Segmenter>) {
    let manager = index.tokenizers();
    manager.register(CHARS_TOKENIZER, CharTokenizer);
    manager.register(WORDS_TOKENIZER, JiebaTokenizer::new(segmenter));
}

/// Overlapping character bigrams (and the last character alone), at
/// character positions.
#[derive(Clone, Copy, Debug, Default)]
pub struct CharTokenizer;

/// Token stream of [`CharTokenizer`].
pub struct CharTokenStream<'a> {
    text: &'a str,
    /// Byte offset of the next character to start a token at.
    next: usize,
    token: Token,
}

impl Tokenizer for CharTokenizer {
    type TokenStream<'a> = CharTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> CharTokenStream<'a> {
        CharTokenStream {
            text,
            next: 0,
            token: Token::default(),
        }
    }
}

impl TokenStream for CharTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let mut rest = self.text[self.next..].chars();
        let Some(first) = rest.next() else {
            return false;
        };
        let start = self.next;
        self.next += first.len_utf8();
        let end = self.next + rest.next().map_or(0, char::len_utf8);
        self.token.position = self.token.position.wrapping_add(1);
        self.token.offset_from = start;
        self.token.offset_to = end;
        self.token.position_length = 1;
        self.token.text.clear();
        self.token.text.push_str(&self.text[start..end]);
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// The jieba adapter: words of [`Segmenter`] as tantivy tokens.
///
/// The word spans of a text are computed up front into a buffer the
/// tokenizer keeps, and the stream fills one reused [`Token`]: indexing
/// allocates nothing per word.
#[derive(Clone)]
pub struct JiebaTokenizer {
    segmenter: Arc<Segmenter>,
    spans: Vec<WordSpan>,
    token: Token,
}

impl JiebaTokenizer {
    /// An adapter over `segmenter` (shared, loaded once).
    pub fn new(segmenter: Arc<Segmenter>) -> JiebaTokenizer {
        JiebaTokenizer {
            segmenter,
            spans: Vec::new(),
            token: Token::default(),
        }
    }
}

/// One word token before it is a [`Token`]: byte range and position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WordSpan {
    /// Byte offset of the word's first character.
    pub start: usize,
    /// Byte offset after the word.
    pub end: usize,
    /// Position (index of the precise-mode word it belongs to).
    pub position: usize,
}

/// Token stream of [`JiebaTokenizer`].
pub struct JiebaTokenStream<'a> {
    text: &'a str,
    spans: std::slice::Iter<'a, WordSpan>,
    token: &'a mut Token,
}

impl Tokenizer for JiebaTokenizer {
    type TokenStream<'a> = JiebaTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> JiebaTokenStream<'a> {
        self.spans.clear();
        word_spans(&self.segmenter, text, &mut self.spans);
        self.token.position = usize::MAX;
        JiebaTokenStream {
            text,
            spans: self.spans.iter(),
            token: &mut self.token,
        }
    }
}

/// Appends to `out` the word tokens of `text`: precise words at sequential
/// positions, their inner dictionary words (2 and 3 characters) at the same
/// position, and nothing for punctuation.
pub fn word_spans(segmenter: &Segmenter, text: &str, out: &mut Vec<WordSpan>) {
    for (position, word) in segmenter.words(text).into_iter().enumerate() {
        if !word.text.chars().any(is_word_char) {
            continue;
        }
        let span = |start: usize, end: usize| WordSpan {
            start: word.span.start + start,
            end: word.span.start + end,
            position,
        };
        // inner words of a word of 3 characters or more
        let mut starts = word.text.char_indices().map(|(i, _)| i);
        let n = word.text.chars().count();
        if n > 2 {
            let bounds: Vec<usize> = starts
                .by_ref()
                .chain(std::iter::once(word.text.len()))
                .collect();
            for len in [2, 3].into_iter().filter(|&len| len < n) {
                for w in bounds.windows(len + 1) {
                    let (a, b) = (w[0], w[len]);
                    if segmenter.has_word(&word.text[a..b]) {
                        out.push(span(a, b));
                    }
                }
            }
        }
        out.push(span(0, word.text.len()));
    }
}

/// The word tokens of `text` (see [`word_spans`]), as owned tokens.
pub fn word_tokens(segmenter: &Segmenter, text: &str) -> Vec<Token> {
    let mut spans = Vec::new();
    word_spans(segmenter, text, &mut spans);
    spans
        .into_iter()
        .map(|s| {
            let mut t = Token {
                offset_from: s.start,
                offset_to: s.end,
                position: s.position,
                position_length: 1,
                ..Token::default()
            };
            push_lower(&mut t.text, &text[s.start..s.end]);
            t
        })
        .collect()
}

/// Letters and digits make a word; CJK ideographs are tested first, as
/// the standard library's table lookup for them is slow.
fn is_word_char(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || c.is_ascii_alphanumeric() || c.is_alphanumeric()
}

/// Appends `word` with ASCII letters lower-cased (the only case folded
/// Chinese text still has) when it has any.
fn push_lower(out: &mut String, word: &str) {
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        out.push_str(&word.to_lowercase());
    } else {
        out.push_str(word);
    }
}

impl TokenStream for JiebaTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(s) = self.spans.next() else {
            return false;
        };
        let t = &mut *self.token;
        t.offset_from = s.start;
        t.offset_to = s.end;
        t.position = s.position;
        t.position_length = 1;
        t.text.clear();
        push_lower(&mut t.text, &self.text[s.start..s.end]);
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect<T: Tokenizer>(mut t: T, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut stream = t.token_stream(text);
        let mut out = Vec::new();
        while let Some(tok) = stream.next() {
            out.push((
                tok.text.clone(),
                tok.position,
                tok.offset_from,
                tok.offset_to,
            ));
        }
        out
    }

    #[test]
    fn chars_are_bigrams_at_sequential_positions() {
        let text = "专项债、";
        let toks = collect(CharTokenizer, text);
        let texts: Vec<&str> = toks.iter().map(|t| t.0.as_str()).collect();
        assert_eq!(texts, ["专项", "项债", "债、", "、"], "{toks:?}");
        let positions: Vec<usize> = toks.iter().map(|t| t.1).collect();
        assert_eq!(positions, [0, 1, 2, 3]);
        assert_eq!(collect(CharTokenizer, "专")[0].0, "专");
        for (t, _, s, e) in &toks {
            assert_eq!(&text[*s..*e], t);
        }
    }

    fn text_of(text: &str, s: usize, e: usize) -> String {
        text[s..e].to_string()
    }

    #[test]
    fn empty_text_has_no_tokens() {
        assert!(collect(CharTokenizer, "").is_empty());
    }

    #[test]
    fn jieba_tokens_slice_back_and_skip_punctuation() {
        let seg = Arc::new(Segmenter::new());
        let text = "推进专项债券发行，县发改局牵头。";
        let toks = collect(JiebaTokenizer::new(seg), text);
        assert!(toks.iter().any(|t| t.0 == "专项债券"), "{toks:?}");
        assert!(toks.iter().any(|t| t.0 == "专项债"), "{toks:?}");
        assert!(!toks.iter().any(|t| t.0 == "，" || t.0 == "。"));
        for (t, _, s, e) in &toks {
            assert_eq!(&text[*s..*e].to_lowercase(), t);
        }
        let toks = collect(JiebaTokenizer::new(Arc::new(Segmenter::new())), "GDP增长");
        assert!(toks.iter().any(|t| t.0 == "gdp"), "{toks:?}");
        for (t, _, s, e) in &toks {
            assert_eq!(&text_of("GDP增长", *s, *e).to_lowercase(), t);
        }
        let positions: Vec<usize> = toks.iter().map(|t| t.1).collect();
        assert!(positions.windows(2).all(|w| w[0] <= w[1]));
    }
}
