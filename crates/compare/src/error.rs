//! Errors of the compare crate: a configuration that cannot be used.

/// What can go wrong while configuring a comparison.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A threshold or weight is outside its range.
    #[error("{name} = {value} is out of range ({expected})")]
    OutOfRange {
        /// The option (`min_score`, `paraphrase`…).
        name: &'static str,
        /// The value given.
        value: f32,
        /// The accepted range, in words.
        expected: &'static str,
    },
    /// Two options contradict each other.
    #[error("inconsistent thresholds: {0}")]
    Inconsistent(String),
}

/// Result alias of the compare crate.
pub type Result<T> = std::result::Result<T, Error>;
