//! `fangan export`: every clause of the corpus as one JSON line (NDJSON),
//! for Quickwit or OpenSearch when a corpus outgrows one machine. Shape:
//! `fangan_wire::export`; index mappings: `docs/export/`.

use std::io::Write;
use std::process::ExitCode;

use fangan_wire::export::{records, BulkAction, BulkTarget};
use rayon::prelude::*;

use crate::cmd::choice::PlanChoice;
use crate::context::Context;

/// Flags of `fangan export`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  fangan --index ~/plans-index export > clauses.ndjson
  fangan export --bulk opensearch --index-name plans > bulk.ndjson
Mappings for the records: docs/export/quickwit-index.json (Quickwit) and
docs/export/opensearch-index.json (OpenSearch); the README says how to load them.")]
pub struct ExportArgs {
    /// Record format: one JSON object per clause per line.
    #[arg(long, value_enum, default_value = "ndjson")]
    pub format: ExportFormat,
    /// Precede each record with the action line of this engine's bulk API.
    #[arg(long, value_enum)]
    pub bulk: Option<Bulk>,
    /// The index the bulk action lines name.
    #[arg(long, default_value = "fangan", value_name = "NAME")]
    pub index_name: String,
    #[command(flatten)]
    pub choice: PlanChoice,
}

/// Formats of `fangan export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Newline-delimited JSON.
    Ndjson,
}

/// Bulk APIs of `--bulk`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Bulk {
    /// OpenSearch (and Elasticsearch) `_bulk`: an `index` action per record.
    Opensearch,
}

/// Plans turned into lines at once (in parallel), then written in order.
const BATCH: usize = 64;

pub fn run(args: ExportArgs, ctx: &Context) -> anyhow::Result<ExitCode> {
    let catalog = ctx.catalog()?;
    let entries = catalog.select(&args.choice.selection())?;
    let seg = catalog.segmenter()?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for batch in entries.chunks(BATCH) {
        let lines: Vec<anyhow::Result<Vec<u8>>> = batch
            .par_iter()
            .map(|e| {
                let doc = catalog.document(&e.meta.id)?;
                let analysis = catalog.analysis(&e.meta.id)?;
                let mut buf = Vec::new();
                for r in records(e, &doc, &analysis.notes, &analysis.targets, &seg) {
                    if args.bulk == Some(Bulk::Opensearch) {
                        let action = BulkAction {
                            index: BulkTarget {
                                index: &args.index_name,
                                id: &r.id,
                            },
                        };
                        serde_json::to_writer(&mut buf, &action)?;
                        buf.push(b'\n');
                    }
                    serde_json::to_writer(&mut buf, &r)?;
                    buf.push(b'\n');
                }
                Ok(buf)
            })
            .collect();
        for l in lines {
            out.write_all(&l?)?;
        }
    }
    out.flush()?;
    Ok(ctx.exit())
}
