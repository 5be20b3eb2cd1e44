//! The CLI tests: one integration binary, one module per topic, each running
//! the real `fangan` binary (see `util.rs`).

mod corpus;
mod diff;
mod export;
mod reuse;
mod search;
#[cfg(feature = "serve")]
mod serve;
mod show;
mod targets;
mod util;
