//! Validated options shared by every command.

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::args::{ColorChoice, GlobalArgs};

/// What every command needs to know about where it runs.
#[derive(Debug, Clone)]
pub struct Context {
    /// Folder of plans, if one was named or `./seeds` exists.
    pub corpus: Option<PathBuf>,
    /// Folder of the search index.
    pub index: PathBuf,
    /// Whether terminal output is coloured.
    pub color: bool,
    /// Whether stderr is a terminal (progress bars).
    pub progress: bool,
}

impl Context {
    pub fn from_args(args: &GlobalArgs) -> anyhow::Result<Context> {
        let corpus = match &args.corpus {
            Some(dir) => {
                anyhow::ensure!(dir.is_dir(), "{}: no such folder of plans", dir.display());
                Some(dir.clone())
            }
            None => Some(PathBuf::from("seeds")).filter(|d| d.is_dir()),
        };
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => !no_color && std::io::stdout().is_terminal(),
        };
        Ok(Context {
            corpus,
            index: args.index.clone().unwrap_or_else(|| PathBuf::from("index")),
            color,
            progress: std::io::stderr().is_terminal(),
        })
    }
}

impl Context {
    /// Reads the corpus (the `--corpus` folder, `./seeds`, or the seeds
    /// built into the binary), reporting refused files on stderr.
    pub fn load_corpus(&self) -> anyhow::Result<fangan_ingest::corpus::Corpus> {
        let parser = fangan_ingest::parse::Parser::new();
        let dir = self.corpus.clone().ok_or_else(|| {
            anyhow::anyhow!("no corpus: pass --corpus DIR or run where ./seeds exists")
        })?;
        let corpus = fangan_ingest::corpus::Corpus::load_dir(&dir, &parser)?;
        for (path, err) in &corpus.refused {
            eprintln!(
                "fangan: skipped {}",
                crate::render::refusal(path, &err.to_string())
            );
        }
        Ok(corpus)
    }

    /// One plan by id, county name or file path.
    pub fn load_plan(&self, key: &str) -> anyhow::Result<fangan_model::Document> {
        let path = std::path::Path::new(key);
        if path.is_file() {
            let parser = fangan_ingest::parse::Parser::new();
            return Ok(fangan_ingest::corpus::load_file(path, &parser)?);
        }
        let corpus = self.load_corpus()?;
        Ok(pick(&corpus, key, None)?.clone())
    }
}

/// The one plan of `corpus` that `key` names (an id, or a county: `平江`,
/// `平江县`), of `year` when a year is given (an id needs none).
pub fn pick<'c>(
    corpus: &'c fangan_ingest::corpus::Corpus,
    key: &str,
    year: Option<u16>,
) -> anyhow::Result<&'c fangan_model::Document> {
    let found: Vec<&fangan_model::Document> = corpus
        .find(key)
        .into_iter()
        .filter(|d| d.meta.id == key || year.is_none() || d.meta.year == year)
        .collect();
    match found.as_slice() {
        [one] => Ok(one),
        [] => anyhow::bail!("no plan {key:?}: name an id from `fangan list`, a county, or a file"),
        many => anyhow::bail!(
            "{key:?} names {} plans ({}): give the id{}",
            many.len(),
            many.iter()
                .map(|d| d.meta.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            if year.is_none() { " or a year" } else { "" }
        ),
    }
}
