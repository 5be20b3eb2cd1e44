//! Word segmentation: jieba-rs with fangan's policy dictionary.
//!
//! Build one [`Segmenter`] per process (loading the dictionary takes a
//! while) and share it by reference or `Arc`. Word spans are byte ranges
//! into the segmented text: jieba-rs reports both character and byte
//! offsets, and only the byte offsets leave this module.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use jieba_rs::Jieba;

use crate::{Error, Result, Span};

/// The project dictionary of policy terms and department names, shipped in
/// the repository (`crates/model/dict/fangan.dict.txt`).
pub const PROJECT_DICT: &str = include_str!("../dict/fangan.dict.txt");

/// One segmented word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as it appears in the input.
    pub text: &'a str,
    /// Its byte range in the input.
    pub span: Span,
}

/// A jieba segmenter loaded with the default dictionary, the project
/// dictionary and any user dictionaries.
pub struct Segmenter {
    jieba: Jieba,
    hmm: bool,
}

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segmenter").field("hmm", &self.hmm).finish()
    }
}

/// Configures a [`Segmenter`].
#[derive(Clone, Debug)]
pub struct SegmenterBuilder {
    user_dicts: Vec<PathBuf>,
    hmm: bool,
}

impl Default for SegmenterBuilder {
    fn default() -> Self {
        SegmenterBuilder {
            user_dicts: Vec::new(),
            hmm: true,
        }
    }
}

impl SegmenterBuilder {
    /// Adds a user dictionary file (`word [freq] [tag]` per line).
    pub fn user_dict(&mut self, path: impl AsRef<Path>) -> &mut Self {
        self.user_dicts.push(path.as_ref().to_path_buf());
        self
    }

    /// Whether jieba's HMM guesses words missing from the dictionaries
    /// (default on).
    pub fn hmm(&mut self, yes: bool) -> &mut Self {
        self.hmm = yes;
        self
    }

    /// Loads the dictionaries.
    pub fn build(&self) -> Result<Segmenter> {
        let mut jieba = Jieba::new();
        load_entries(&mut jieba, PROJECT_DICT, Path::new("<project dictionary>"))?;
        for path in &self.user_dicts {
            let text = std::fs::read_to_string(path).map_err(|source| Error::Dictionary {
                path: path.clone(),
                source,
            })?;
            load_entries(&mut jieba, &text, path)?;
        }
        Ok(Segmenter {
            jieba,
            hmm: self.hmm,
        })
    }
}

fn load_entries(jieba: &mut Jieba, text: &str, path: &Path) -> Result<()> {
    for (n, line) in text.as_bytes().lines().enumerate() {
        let line = line.map_err(|source| Error::Dictionary {
            path: path.to_path_buf(),
            source,
        })?;
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split_whitespace();
        let word = parts.next().unwrap_or_default();
        let freq = match parts.next() {
            None => None,
            Some(f) => Some(f.parse::<usize>().map_err(|_| Error::DictionaryEntry {
                path: path.to_path_buf(),
                line: n + 1,
                entry: line.to_string(),
            })?),
        };
        let tag = parts.next();
        jieba.add_word(word, freq, tag);
    }
    Ok(())
}

impl Segmenter {
    /// A segmenter with the default and project dictionaries.
    pub fn new() -> Segmenter {
        SegmenterBuilder::default()
            .build()
            .expect("the embedded project dictionary is well-formed")
    }

    /// A builder, to add user dictionaries.
    pub fn builder() -> SegmenterBuilder {
        SegmenterBuilder::default()
    }

    /// Precise segmentation: each character belongs to exactly one word.
    pub fn words<'a>(&self, text: &'a str) -> Vec<Word<'a>> {
        self.jieba
            .cut(text, self.hmm)
            .into_iter()
            .map(|t| Word {
                text: t.word,
                span: Span::new(t.byte_start, t.byte_end),
            })
            .collect()
    }

    /// Search segmentation: long words are also split into the shorter
    /// dictionary words they contain (overlapping spans).
    pub fn search_words<'a>(&self, text: &'a str) -> Vec<Word<'a>> {
        self.jieba
            .cut_for_search(text, self.hmm)
            .into_iter()
            .map(|t| Word {
                text: t.word,
                span: Span::new(t.byte_start, t.byte_end),
            })
            .collect()
    }

    /// True when `word` is in a dictionary.
    pub fn has_word(&self, word: &str) -> bool {
        self.jieba.has_word(word)
    }
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_bytes_that_slice_back_to_the_word() {
        let seg = Segmenter::new();
        let text = "县发改局牵头，推进专项债券发行。";
        let words = seg.words(text);
        assert!(!words.is_empty());
        for w in &words {
            assert_eq!(w.span.slice(text), w.text);
        }
        let joined: String = words.iter().map(|w| w.text).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn project_dictionary_keeps_department_names_whole() {
        let seg = Segmenter::new();
        let words: Vec<&str> = seg.words("商务粮食局牵头").iter().map(|w| w.text).collect();
        assert!(words.contains(&"商务粮食局"), "{words:?}");
    }

    #[test]
    fn search_words_overlap_inside_long_words() {
        let seg = Segmenter::new();
        let text = "专项债券";
        for w in seg.search_words(text) {
            assert_eq!(w.span.slice(text), w.text);
        }
    }
}
