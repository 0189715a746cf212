//! `kst index [PATH...]`: add papers to the index.

use super::{report, Cli, InputArgs, EXIT_OK, EXIT_SKIPPED};
use crate::index::WriterOptions;
use crate::ingest::discover;
use crate::pipeline;
use std::path::PathBuf;
use std::time::Instant;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  kst index                      the bundled corpus/\n  kst index ~/papers --index ~/kst-index\n  kst index new-letter.pdf       add or replace one paper\n\nRe-indexing an unchanged file changes nothing; a changed file replaces its old version;\nthe same text under two names is indexed once. Work is committed every --commit-every papers,\nso an interrupted run keeps what it committed; run it again to finish."
)]
pub struct Args {
    /// Files or directories to index.
    #[arg(default_value = "corpus")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
    /// Memory budget of the index writer in MB.
    #[arg(long, default_value_t = 256)]
    pub memory_mb: usize,
    /// Worker threads for reading and extraction (default: the number of cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Commit after this many papers.
    #[arg(long, default_value_t = 2000)]
    pub commit_every: usize,
    /// Delete the existing index first and build it anew (after a kst upgrade).
    #[arg(long)]
    pub rebuild: bool,
}

pub fn run(cli: &Cli, args: &Args) -> crate::Result<i32> {
    let started = Instant::now();
    if args.rebuild {
        crate::index::remove(&cli.index)?;
    }
    let (inputs, errors) = discover(&args.paths, args.input.manifest.as_deref());
    errors.iter().for_each(report);
    let limits = super::limits(args.input.max_file_mb, args.input.pdf_timeout);
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()));
    let options = WriterOptions {
        memory_mb: args.memory_mb,
        threads: 0,
        commit_every: args.commit_every.max(1),
    };
    let bar = super::progress_bar(cli, inputs.len() as u64, "indexing");
    let result = pipeline::index_inputs(&cli.index, &inputs, &limits, options, threads, |input| {
        bar.set_message(
            input
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        );
        bar.inc(1);
    });
    bar.finish_and_clear();
    let r = result?;
    for w in &r.warnings {
        eprintln!("kst: {w}");
    }
    for e in &r.skipped {
        report(e);
    }
    if !cli.quiet {
        for (path, of) in &r.duplicates {
            eprintln!("kst: {path}: same text as {of}, indexed once");
        }
        for (path, of) in &r.alternatives {
            eprintln!("kst: {path}: another file of {of}, whose better text is indexed");
        }
        eprintln!(
            "kst: {} added, {} replaced, {} unchanged, {} duplicate, {} other files of a paper, {} skipped in {:.1} s → {}",
            r.added,
            r.replaced,
            r.unchanged,
            r.duplicates.len(),
            r.alternatives.len(),
            r.skipped.len() + errors.len(),
            started.elapsed().as_secs_f64(),
            cli.index.display()
        );
    }
    Ok(if r.skipped.is_empty() && errors.is_empty() {
        EXIT_OK
    } else {
        EXIT_SKIPPED
    })
}
