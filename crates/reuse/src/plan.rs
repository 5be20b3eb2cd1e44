//! A plan made ready for reuse detection: its folded, place-masked text as
//! 16-bit codes, the way back to the original bytes, its clauses and its
//! fingerprints. The [`crate::Document`] itself is not kept, so a corpus of
//! 1 GB fits in memory at about three bytes per character.

use fangan_model::{fold, Document, Span};

use crate::fingerprint::winnow;
use crate::mask::{code_of, PlaceNames, PLACE};
use crate::offsets::OffsetMap;
use crate::PlanInfo;

/// One clause of a prepared plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClauseRef {
    /// Index in [`Document::clauses`].
    pub id: usize,
    /// Its path (`二/（一）/3`).
    pub path: Box<str>,
    /// Its first character in the compared text.
    pub start: u32,
    /// One past its last character in the compared text.
    pub end: u32,
}

/// A masked place name in the compared text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlaceMark {
    /// The character (a [`PLACE`] code).
    pub at: u32,
    /// Index of the name in [`Plan::place_names`].
    pub name: u16,
}

/// A plan prepared for reuse detection (see [`crate::Reuse::prepare`]).
#[derive(Clone, Debug)]
pub struct Plan {
    /// What is known of the plan.
    pub info: PlanInfo,
    /// Byte length of the original text.
    pub text_len: usize,
    pub(crate) codes: Vec<u16>,
    pub(crate) offsets: OffsetMap,
    pub(crate) clauses: Vec<ClauseRef>,
    pub(crate) places: Vec<PlaceMark>,
    pub(crate) place_names: Vec<Box<str>>,
    pub(crate) fp_pos: Vec<u32>,
    pub(crate) fp_hash: Vec<u64>,
}

impl Plan {
    /// Folds, masks and fingerprints `doc`.
    pub(crate) fn new(
        doc: &Document,
        info: PlanInfo,
        extra_places: &[String],
        ngram: usize,
        window: usize,
    ) -> Plan {
        // 1. the folded text of every clause, mapped to the original bytes
        let mut chars: Vec<char> = Vec::with_capacity(doc.text.len() / 2);
        let mut spans: Vec<Span> = Vec::with_capacity(doc.text.len() / 2);
        let mut clause_starts: Vec<(usize, u32)> = Vec::with_capacity(doc.clauses.len());
        for (id, clause) in doc.clauses.iter().enumerate() {
            clause_starts.push((id, chars.len() as u32));
            let folded = fold::fold(&clause.text);
            for (k, c) in folded.text().chars().enumerate() {
                let in_clause = folded.parent_of_char(k);
                chars.push(c);
                spans.push(clause.map.source_span(in_clause));
            }
        }
        // 2. place names masked
        let mut names = PlaceNames::default();
        for n in info
            .own_places()
            .chain(extra_places.iter().map(String::as_str))
        {
            names.add(n);
        }
        names.learn(&chars);
        let raw: Vec<u16> = chars.iter().map(|&c| code_of(c)).collect();
        drop(chars);
        let found = names.find(&raw);
        let mut codes = Vec::with_capacity(raw.len());
        let mut offsets = OffsetMap::with_capacity(raw.len());
        let mut new_index = Vec::with_capacity(raw.len() + 1);
        let mut places = Vec::with_capacity(found.len());
        let mut place_names: Vec<Box<str>> = Vec::new();
        let mut next = found.iter().peekable();
        let mut i = 0;
        while i < raw.len() {
            new_index.push(codes.len() as u32);
            match next.peek() {
                Some(&&(at, len, name)) if at == i => {
                    next.next();
                    let folded = names.name(name);
                    let k = match place_names.iter().position(|n| &**n == folded) {
                        Some(k) => k,
                        None => {
                            place_names.push(folded.into());
                            place_names.len() - 1
                        }
                    };
                    places.push(PlaceMark {
                        at: codes.len() as u32,
                        name: k.min(u16::MAX as usize) as u16,
                    });
                    let span = Span::new(spans[i].start, spans[i + len - 1].end);
                    codes.push(PLACE);
                    offsets.push(span);
                    for _ in 1..len {
                        new_index.push(codes.len() as u32 - 1);
                    }
                    i += len;
                }
                _ => {
                    codes.push(raw[i]);
                    offsets.push(spans[i]);
                    i += 1;
                }
            }
        }
        new_index.push(codes.len() as u32);
        // 3. clauses in the masked text
        let mut clauses: Vec<ClauseRef> = Vec::with_capacity(clause_starts.len());
        for (k, &(id, start)) in clause_starts.iter().enumerate() {
            let end = clause_starts.get(k + 1).map_or(raw.len() as u32, |c| c.1);
            let (s, e) = (new_index[start as usize], new_index[end as usize]);
            clauses.push(ClauseRef {
                id,
                path: doc.clauses[id].path.as_str().into(),
                start: s,
                end: e.max(s),
            });
        }
        // 4. fingerprints
        let (fp_pos, fp_hash) = winnow(&codes, ngram, window);
        codes.shrink_to_fit();
        offsets.shrink();
        Plan {
            info,
            text_len: doc.text.len(),
            codes,
            offsets,
            clauses,
            places,
            place_names,
            fp_pos,
            fp_hash,
        }
    }

    /// The plan's id.
    pub fn id(&self) -> &str {
        &self.info.id
    }

    /// Number of characters of the compared text.
    pub fn chars(&self) -> usize {
        self.codes.len()
    }

    /// Byte range in the original text of compared characters `from..to`.
    pub fn span(&self, from: usize, to: usize) -> Span {
        self.offsets.range(from, to)
    }

    /// The clauses, in order, with their ranges in the compared text.
    pub fn clauses(&self) -> &[ClauseRef] {
        &self.clauses
    }

    /// Index in [`Plan::clauses`] of the clause holding character `at`.
    pub fn clause_at(&self, at: usize) -> Option<usize> {
        let k = self.clauses.partition_point(|c| (c.start as usize) <= at);
        let k = k.checked_sub(1)?;
        (at < self.clauses[k].end as usize).then_some(k)
    }

    /// The masked place name at character `at`, if it is one.
    pub fn place_at(&self, at: usize) -> Option<&str> {
        let k = self
            .places
            .binary_search_by_key(&(at as u32), |p| p.at)
            .ok()?;
        Some(&self.place_names[self.places[k].name as usize])
    }

    /// Heap bytes held (codes, offsets, fingerprints, clauses).
    pub fn heap_bytes(&self) -> usize {
        self.codes.capacity() * 2
            + self.offsets.heap_bytes()
            + self.fp_pos.capacity() * 4
            + self.fp_hash.capacity() * 8
            + self.places.capacity() * 8
            + self
                .clauses
                .iter()
                .map(|c| c.path.len() + 32)
                .sum::<usize>()
    }
}
