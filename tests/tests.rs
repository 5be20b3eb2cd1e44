//! The CLI tests: one integration binary, one module per topic, each running
//! the real `fangan` binary (see `util.rs`).

mod corpus;
mod diff;
mod export;
mod reuse;
mod search;
mod show;
mod targets;
mod util;
