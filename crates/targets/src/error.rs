//! Errors of the targets crate: the only fallible step is reading an
//! indicator table.

/// What went wrong while building an [`crate::Extractor`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The indicator table is not valid TOML of the expected shape.
    #[error("indicator table {origin}: {source}")]
    Indicators {
        /// Where the table came from (`data/indicators.toml` or a caller's name).
        origin: String,
        /// The TOML error, with its line and column.
        #[source]
        source: toml::de::Error,
    },
    /// Two canonical indicators claim the same written variant.
    #[error(
        "indicator table {origin}: variant `{variant}` belongs to both `{first}` and `{second}`"
    )]
    DuplicateVariant {
        /// Where the table came from.
        origin: String,
        /// The variant written twice.
        variant: String,
        /// The first canonical name claiming it.
        first: String,
        /// The second canonical name claiming it.
        second: String,
    },
}

/// Result alias of this crate.
pub type Result<T> = std::result::Result<T, Error>;
