//! [`ClauseWriter`]: the one writer of an index. It holds the writer lock
//! (a second writer is told who holds it), adds and deletes plans' clause
//! documents, and commits with a payload: the caller's record of what the
//! commit holds, saved atomically with it, so an interrupted ingest leaves
//! the previous commit and its payload together.

use std::path::Path;

use fangan_model::Document;
use tantivy::{IndexWriter, TantivyDocument, TantivyError, Term};

use super::clause_docs::{clause_documents, ClauseDepartments};
use super::error::{IndexError, Result};
use super::lock::WriterLock;
use super::search_index::SearchIndex;

/// Segments of more clauses than this are not merged again: a segment the
/// writer flushes from a full memory budget is about this size or larger,
/// merging such segments rewrites the whole index for little gain (queries
/// search segments in parallel), and it is what made bulk ingests slow.
/// Segments with many deleted clauses are still compacted.
pub const MERGE_UP_TO_CLAUSES: usize = 50_000;

/// How a [`ClauseWriter`] works.
#[derive(Clone, Debug)]
pub struct WriterOptions {
    /// Indexing threads of the tantivy writer.
    pub threads: usize,
    /// Memory budget of the tantivy writer, in bytes, all threads together
    /// (at least 16 MB a thread is used).
    pub memory: usize,
    /// Segments of more clauses are not merged; 0: no merges at all.
    pub merge_up_to: usize,
    /// Who writes, as the lock file records it (`fangan ingest`).
    pub holder: String,
}

impl Default for WriterOptions {
    fn default() -> Self {
        WriterOptions {
            threads: std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2)
                .clamp(1, 8),
            memory: 512 << 20,
            merge_up_to: MERGE_UP_TO_CLAUSES,
            holder: "fangan".to_string(),
        }
    }
}

impl WriterOptions {
    fn merge_policy(&self) -> Box<dyn tantivy::indexer::MergePolicy> {
        if self.merge_up_to == 0 {
            return Box::new(tantivy::indexer::NoMergePolicy);
        }
        let mut policy = tantivy::indexer::LogMergePolicy::default();
        policy.set_max_docs_before_merge(self.merge_up_to);
        policy.set_del_docs_ratio_before_merge(0.3);
        Box::new(policy)
    }
}

/// The writer of an index: one at a time per folder.
pub struct ClauseWriter<'i> {
    index: &'i SearchIndex,
    writer: IndexWriter,
    _lock: Option<WriterLock>,
}

impl std::fmt::Debug for ClauseWriter<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClauseWriter")
            .field("index", &self.index)
            .finish()
    }
}

impl SearchIndex {
    /// Takes the writer lock (for an index on disk) and opens tantivy's
    /// writer. Fails with [`IndexError::Locked`] when another writer holds
    /// the index and [`IndexError::ReadOnly`] when it was opened read-only.
    pub fn writer(&self, options: &WriterOptions) -> Result<ClauseWriter<'_>> {
        self.writer_with_lock(options, None)
    }

    /// [`SearchIndex::writer`] under a writer lock the caller already
    /// holds (taken with [`WriterLock::acquire`] before reading what the
    /// index holds); `None` takes it here.
    pub fn writer_with_lock(
        &self,
        options: &WriterOptions,
        lock: Option<WriterLock>,
    ) -> Result<ClauseWriter<'_>> {
        if self.is_read_only() {
            return Err(IndexError::ReadOnly {
                path: self.dir().map(Path::to_path_buf).unwrap_or_default(),
            });
        }
        let lock = match (lock, self.dir()) {
            (Some(l), _) => Some(l),
            (None, Some(dir)) => Some(WriterLock::acquire(dir, &options.holder)?),
            (None, None) => None,
        };
        let threads = options.threads.max(1);
        let memory = options.memory.max(threads * (16 << 20));
        let writer: IndexWriter = self
            .index()
            .writer_with_num_threads(threads, memory)
            .map_err(|e| match e {
                TantivyError::LockFailure(..) => IndexError::Locked {
                    path: self.dir().map(Path::to_path_buf).unwrap_or_default(),
                    holder: "another index writer".into(),
                },
                e => IndexError::Tantivy(e),
            })?;
        writer.set_merge_policy(options.merge_policy());
        Ok(ClauseWriter {
            index: self,
            writer,
            _lock: lock,
        })
    }
}

impl ClauseWriter<'_> {
    /// The clause documents of `doc` (to build them on other threads; add
    /// them with [`ClauseWriter::add_documents`]).
    pub fn documents(&self, doc: &Document, depts: &[ClauseDepartments]) -> Vec<TantivyDocument> {
        clause_documents(self.index.fields(), doc, depts)
    }

    /// Adds clause documents built by [`ClauseWriter::documents`].
    pub fn add_documents(&mut self, docs: Vec<TantivyDocument>) -> Result<()> {
        for d in docs {
            self.writer.add_document(d)?;
        }
        Ok(())
    }

    /// Adds every clause of `doc`; returns how many.
    pub fn add_plan(&mut self, doc: &Document, depts: &[ClauseDepartments]) -> Result<usize> {
        let docs = self.documents(doc, depts);
        let n = docs.len();
        self.add_documents(docs)?;
        Ok(n)
    }

    /// Deletes every clause of plan `id` (at the next commit).
    pub fn delete_plan(&mut self, id: &str) {
        let field = self.index.fields().plan;
        self.writer.delete_term(Term::from_field_text(field, id));
    }

    /// Commits what was added and deleted, with `payload` saved with it.
    pub fn commit(&mut self, payload: &str) -> Result<()> {
        let mut prepared = self.writer.prepare_commit()?;
        prepared.set_payload(&SearchIndex::with_header(payload));
        prepared.commit()?;
        self.index.after_commit();
        Ok(())
    }

    /// Waits for merges to end, then makes the last commit visible to this
    /// process's searches.
    pub fn finish(self) -> Result<()> {
        self.writer.wait_merging_threads()?;
        self.index.reload()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use fangan_ingest::corpus::Corpus;
    use fangan_ingest::parse::Parser;
    use fangan_model::Segmenter;

    use super::*;

    /// Eight commits of one plan each; the segments left once merges end.
    fn segments_after_eight_commits(options: &WriterOptions) -> usize {
        let index = SearchIndex::in_ram(Arc::new(Segmenter::new()));
        let seed = Corpus::embedded(&Parser::new()).documents.remove(0);
        for i in 0..8 {
            let mut doc = seed.clone();
            doc.meta.id = format!("copy-{i}");
            let mut w = index.writer(options).unwrap();
            w.add_plan(&doc, &[]).unwrap();
            w.commit("").unwrap();
            w.finish().unwrap();
        }
        assert_eq!(
            index.reader().searcher().num_docs() as usize,
            8 * seed.clauses.len()
        );
        index.index().searchable_segment_ids().unwrap().len()
    }

    #[test]
    fn small_segments_merge_and_full_ones_stay() {
        // one writer thread: one segment per commit
        let merging = WriterOptions {
            threads: 1,
            ..WriterOptions::default()
        };
        assert!(segments_after_eight_commits(&merging) < 8);
        // every one-plan segment counts as full when the bound is lower
        let full = WriterOptions {
            threads: 1,
            merge_up_to: 10,
            ..WriterOptions::default()
        };
        assert_eq!(segments_after_eight_commits(&full), 8);
    }

    #[test]
    fn plans_are_replaced_and_payloads_committed() {
        let index = SearchIndex::in_ram(Arc::new(Segmenter::new()));
        let seeds = Corpus::embedded(&Parser::new()).documents;
        let mut w = index.writer(&WriterOptions::default()).unwrap();
        let mut total = 0;
        for d in &seeds {
            total += w.add_plan(d, &[]).unwrap();
        }
        w.commit("first").unwrap();
        w.delete_plan(&seeds[0].meta.id);
        w.add_plan(&seeds[0], &[]).unwrap();
        w.commit("second").unwrap();
        w.finish().unwrap();
        assert_eq!(index.reader().searcher().num_docs() as usize, total);
        assert_eq!(index.payload().unwrap().as_deref(), Some("second"));
    }
}
