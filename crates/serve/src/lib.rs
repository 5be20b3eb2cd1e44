//! fangan's local web application (`fangan serve`): the corpus of the
//! command line in a browser, for researchers who do not use a terminal.
//!
//! One binary, no build step, nothing fetched from elsewhere: the pages are
//! rendered on the server ([`pages`]), the stylesheet and the few lines of
//! script are embedded ([`app`]). Every state is a GET URL, so a search, a
//! plan's clause or a comparison can be bookmarked and shared.
//!
//! - `/search`: the query language of `fangan search`, hits with exact
//!   highlights in context, facets that narrow, matches per year, pages,
//!   JSON and CSV exports;
//! - `/plan/ID`: a plan's metadata, outline, clauses, notes and targets;
//! - `/compare?a=ID&b=ID`: two plans side by side, clause by clause;
//! - `/leads`: departments ranked by the notes naming them, and their
//!   clauses;
//! - `/targets`: headline indicators × plans;
//! - `/`: the plans of the corpus and the files refused.
//!
//! The server reads the index folder as every command does, without a
//! lock, and opens the catalog again when another process commits to it
//! ([`Corpus`]). All document text is escaped ([`html::esc`]) and a
//! Content-Security-Policy forbids scripts other than its own.
//!
//! ```no_run
//! use fangan_serve::{Corpus, CorpusSource, Server};
//!
//! let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
//! let server = Server::start(listener, Corpus::new(CorpusSource::Seeds))?;
//! println!("open {}", server.url());
//! server.wait()?;
//! # Ok::<(), fangan_serve::Error>(())
//! ```
#![deny(missing_docs)]

mod answer;
pub mod app;
mod corpus;
mod error;
mod facets;
pub mod html;
mod kwic;
pub mod pages;
mod search;
mod server;
pub mod url;

pub use answer::Answer;
pub use corpus::{Corpus, CorpusSource, Loaded, SampleRarity};
pub use error::{Error, Result};
pub use facets::{Facet, FacetValue, Facets};
pub use kwic::kwic;
pub use search::{Mode, SearchState, EXPORT_LIMIT, PAGE_SIZE};
pub use server::Server;
