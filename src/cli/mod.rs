//! The command line: clap structs hold what the user typed; one function per subcommand does
//! the work through the library and hands its rows to [`crate::output`].
//!
//! Exit codes: 0 success; 1 the query found nothing; 2 an error stopped the command;
//! 3 the command finished but skipped some inputs (each named on standard error).

mod check_text;
mod extract;
mod graph;
mod index;
mod refs;
mod search;
mod show;
mod stance;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

pub const EXIT_OK: i32 = 0;
pub const EXIT_NOTHING_FOUND: i32 = 1;
pub const EXIT_ERROR: i32 = 2;
pub const EXIT_SKIPPED: i32 = 3;

const AFTER_HELP: &str = "\
Examples:
  kst index                          index the bundled corpus/ into index/
  kst search gezichtsherkenning      ranked letters with snippets
  kst search '\"openbare ruimte\"' --from 2021 --format json
  kst show kst-32761-198 --text      metadata and the normalized text
  kst extract corpus --format jsonl  records of the contract, without indexing
  kst check-text paper.pdf paper.xml word recall/precision of the PDF text against the XML

Exit codes: 0 ok, 1 nothing found, 2 error, 3 some inputs skipped.";

#[derive(Debug, Parser)]
#[command(name = "kst", version, about = "Index Dutch parliamentary papers and extract what they say: \
the papers they cite, the legal articles they invoke, the positions the government takes.", after_help = AFTER_HELP)]
pub struct Cli {
    /// Index directory.
    #[arg(long, global = true, env = "KST_INDEX", default_value = "index")]
    pub index: PathBuf,

    /// Print no progress bars or notes (errors are still printed).
    #[arg(long, short, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add papers (.txt, .pdf, .xml; directories recursively) to the index.
    Index(index::Args),
    /// Full-text search with Dutch stemming and compound splitting.
    Search(search::Args),
    /// One document: metadata, references and, with --text, its normalized text.
    Show(show::Args),
    /// Where legal articles are invoked (by instrument, article, date), or counts of them.
    Refs(refs::Args),
    /// Ingest and extract without indexing; prints the records of the contract.
    Extract(extract::Args),
    /// Government positions on a topic over time, with what changed between letters.
    Stance(stance::Args),
    /// The papers a paper cites, with dates, titles, pinpoints and the citing sentences.
    #[command(after_help = graph::CITES_HELP)]
    Cites(graph::WalkArgs),
    /// The papers that cite a paper (in the corpus or not).
    #[command(after_help = graph::CITED_BY_HELP)]
    CitedBy(graph::WalkArgs),
    /// The citation graph as DOT, GraphML or JSON, or the most-cited papers (--top).
    Graph(graph::GraphArgs),
    /// Papers that cite the same sources or are cited together (co-citation, coupling).
    Related(graph::RelatedArgs),
    /// Word recall and precision of a file's text (a PDF) against the publisher's XML.
    CheckText(check_text::Args),
    /// Extract the text of one PDF (used internally to contain crashes of the PDF library).
    #[command(name = "__pdf-text", hide = true)]
    PdfText { path: PathBuf },
}

/// Parse the command line, run, and return the exit code.
pub fn main() -> i32 {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Index(a) => index::run(&cli, a),
        Command::Search(a) => search::run(&cli, a),
        Command::Show(a) => show::run(&cli, a),
        Command::Refs(a) => refs::run(&cli, a),
        Command::Extract(a) => extract::run(&cli, a),
        Command::Stance(a) => stance::run(&cli, a),
        Command::Cites(a) => graph::run_cites(&cli, a),
        Command::CitedBy(a) => graph::run_cited_by(&cli, a),
        Command::Graph(a) => graph::run_graph(&cli, a),
        Command::Related(a) => graph::run_related(&cli, a),
        Command::CheckText(a) => check_text::run(&cli, a),
        Command::PdfText { path } => pdf_text(path),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return EXIT_OK;
            }
            eprintln!("kst: {e}");
            EXIT_ERROR
        }
    }
}

fn is_broken_pipe(e: &crate::Error) -> bool {
    matches!(e, crate::Error::Output(io) if io.kind() == std::io::ErrorKind::BrokenPipe)
}

fn pdf_text(path: &std::path::Path) -> crate::Result<i32> {
    use std::io::Write;
    let bytes = std::fs::read(path).map_err(|e| crate::Error::io(path, e))?;
    match crate::ingest::pdf::extract_in_process(&bytes) {
        Ok(text) => {
            std::io::stdout().write_all(text.as_bytes())?;
            Ok(EXIT_OK)
        }
        Err(reason) => {
            // The parent names the file; the child says only what went wrong.
            eprintln!("{reason}");
            Ok(EXIT_ERROR)
        }
    }
}

/// Ingestion limits for commands that read files, with PDF extraction in a child process.
pub(crate) fn limits(max_file_mb: u64, pdf_timeout_s: u64) -> crate::ingest::Limits {
    crate::ingest::Limits {
        max_file_bytes: max_file_mb * 1024 * 1024,
        pdf_timeout: std::time::Duration::from_secs(pdf_timeout_s),
        pdf_helper: std::env::current_exe().ok(),
    }
}

/// Options shared by commands that read files.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// A manifest.jsonl to use for every file (default: manifest.jsonl in each directory).
    #[arg(long)]
    pub manifest: Option<PathBuf>,
    /// Refuse files larger than this many megabytes.
    #[arg(long, default_value_t = 64)]
    pub max_file_mb: u64,
    /// Give up on a PDF whose text takes longer than this many seconds.
    #[arg(long, default_value_t = 60)]
    pub pdf_timeout: u64,
}

/// Print a per-file problem as one line, the way every batch command does.
pub(crate) fn report(e: &crate::Error) {
    eprintln!("kst: {e}");
}

pub(crate) fn stdout() -> std::io::BufWriter<std::io::StdoutLock<'static>> {
    std::io::BufWriter::new(std::io::stdout().lock())
}

/// A progress bar on standard error when it is a terminal (hidden otherwise or with --quiet).
pub(crate) fn progress_bar(cli: &Cli, len: u64, what: &str) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if cli.quiet || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len);
    let style = indicatif::ProgressStyle::with_template(
        "{prefix} [{bar:30}] {pos}/{len} {elapsed} eta {eta} {wide_msg}",
    )
    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
    .progress_chars("=> ");
    bar.set_style(style);
    bar.set_prefix(what.to_string());
    bar
}

/// A `--from`/`--to` value as an ISO date, or a usage error naming the value.
pub(crate) fn date_bound(value: Option<&str>, end: bool) -> crate::Result<Option<String>> {
    match value {
        None => Ok(None),
        Some(v) => crate::extract::dates::parse_bound(v, end)
            .map(Some)
            .ok_or_else(|| crate::Error::Query {
                query: v.to_string(),
                reason: "not a date: use YYYY, YYYY-MM or YYYY-MM-DD".to_string(),
            }),
    }
}

/// Open the index for a query command. When the default index does not exist yet and the
/// bundled `corpus/` is here, build it first, so that a fresh clone answers its first query.
pub(crate) fn open_index(cli: &Cli) -> crate::Result<crate::index::IndexReader> {
    let default = PathBuf::from("index");
    let corpus = PathBuf::from("corpus");
    if !crate::index::exists(&cli.index) && cli.index == default && corpus.is_dir() {
        if !cli.quiet {
            eprintln!("kst: no index yet; indexing the bundled corpus/ into index/ first");
        }
        let (inputs, errors) = crate::ingest::discover(std::slice::from_ref(&corpus), None);
        errors.iter().for_each(report);
        let r = crate::pipeline::index_inputs(
            &cli.index,
            &inputs,
            &limits(64, 60),
            Default::default(),
            2,
            |_| {},
        )?;
        r.skipped.iter().for_each(report);
    }
    crate::index::IndexReader::open(&cli.index)
}
