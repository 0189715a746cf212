//! `kst extract PATH... --format jsonl`: the records of the contract, without an index.

use super::{report, stdout, Cli, InputArgs, EXIT_OK, EXIT_SKIPPED};
use crate::extract::Extractors;
use crate::ingest::discover;
use crate::output::{self, Column, Format};
use crate::pipeline::{self, Processed};
use crate::record::Record;
use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  kst extract corpus --format jsonl > records.jsonl\n  kst extract letter.pdf --kind citation --format csv"
)]
pub struct Args {
    /// Files or directories to read.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: Format,
    /// Only records of these kinds (document, citation, article_ref, position).
    #[arg(long, value_delimiter = ',')]
    pub kind: Vec<String>,
    #[command(flatten)]
    pub input: InputArgs,
}

const COLUMNS: &[Column] = &[
    Column::new("kind", "kind", 11),
    Column::new("doc", "doc", 18),
    Column::new("what", "target", 24),
    Column::new("raw", "raw", 60),
];

pub fn run(cli: &Cli, args: &Args) -> crate::Result<i32> {
    let _ = cli;
    let extractors = Extractors::new()?;
    let limits = super::limits(args.input.max_file_mb, args.input.pdf_timeout);
    let (inputs, errors) = discover(&args.paths, args.input.manifest.as_deref());
    let mut skipped = errors.len();
    errors.iter().for_each(report);

    let mut done: Vec<Processed> = Vec::new();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    pipeline::run_batch(
        &inputs,
        &limits,
        &extractors,
        threads,
        |input, result| match result {
            Ok(p) => {
                for w in &p.warnings {
                    eprintln!("kst: {}: {w}", input.path.display());
                }
                done.push(p);
            }
            Err(e) => {
                report(&e);
                skipped += 1;
            }
        },
        |_| {},
    );
    // Files of one paper given under different names still become one document.
    let done = pipeline::merge_same_paper(done);
    let ids: HashSet<String> = done.iter().map(|p| p.document.doc.clone()).collect();
    let mut rows = Vec::new();
    for mut p in done {
        pipeline::mark_in_corpus(&mut p.records, &ids);
        let all = std::iter::once(Record::Document(p.document)).chain(p.records);
        for r in all {
            let v = serde_json::to_value(&r).map_err(std::io::Error::other)?;
            let kind = v.get("kind").and_then(|k| k.as_str()).unwrap_or("");
            if args.kind.is_empty() || args.kind.iter().any(|k| k == kind) {
                rows.push(v);
            }
        }
    }
    let mut out = stdout();
    output::emit(&mut out, args.format, &rows, COLUMNS)?;
    out.flush()?;
    Ok(if skipped > 0 { EXIT_SKIPPED } else { EXIT_OK })
}
