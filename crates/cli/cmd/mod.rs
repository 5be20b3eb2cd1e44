//! One module per command: its clap flags, their validation, and the glue
//! that calls the libraries and a renderer.

pub mod choice;
pub mod diff;
pub mod export;
pub mod ingest;
pub mod leads;
pub mod list;
pub mod reuse;
pub mod search;
#[cfg(feature = "serve")]
pub mod serve;
pub mod show;
pub mod similar;
pub mod targets;
