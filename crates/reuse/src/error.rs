//! Errors of the reuse crate: a configuration that cannot be used, a plan
//! description that cannot be read, a graph that cannot be written.

/// What can go wrong while configuring or running a reuse analysis.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An option is outside its range.
    #[error("{name} = {value} is out of range ({expected})")]
    OutOfRange {
        /// The option (`ngram`, `window`…).
        name: &'static str,
        /// The value given.
        value: f64,
        /// The accepted range, in words.
        expected: &'static str,
    },
    /// A plan's description is malformed.
    #[error("plan {plan}: {message}")]
    Plan {
        /// The plan's id.
        plan: String,
        /// What was wrong.
        message: String,
    },
    /// Writing an output failed.
    #[error("writing {what}: {source}")]
    Write {
        /// What was being written (`GraphML`, `GEXF`).
        what: &'static str,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
}

/// Result alias of the reuse crate.
pub type Result<T> = std::result::Result<T, Error>;
