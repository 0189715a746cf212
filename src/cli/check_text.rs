//! `kst check-text PDF XML`: how faithfully kst reads a paper, measured against the
//! publisher's own text of it.
//!
//! Both files go through kst's ingestion and normalization exactly as `kst index` reads them,
//! and the two normalized texts are compared word by word ([`crate::normalize::fidelity`]):
//! recall (share of the reference's words that kst's text has, in place) and precision (share
//! of kst's words that are the reference's), then each place where they differ. A user can run
//! it on any pair to see whether a PDF's text is good enough, and CI runs it on the fixture pair.

use super::{stdout, Cli, InputArgs, EXIT_NOTHING_FOUND, EXIT_OK};
use crate::ingest::{self, Input};
use crate::normalize::fidelity;
use crate::output::{self, Column, Format};
use serde_json::json;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  kst check-text kst-32545-143.pdf kst-32545-143.xml\n  kst check-text paper.pdf paper.xml --runs 0 --min-recall 0.97 --min-precision 0.95\n\n\
Exit code 1 when the text falls below --min-recall or --min-precision."
)]
pub struct Args {
    /// The file whose text is checked (a PDF; a .txt or .xml works too).
    pub candidate: PathBuf,
    /// The reference text: the publisher's XML of the same paper (or any file kst reads).
    pub reference: PathBuf,
    /// Show at most this many places where the texts differ.
    #[arg(long, default_value_t = 30)]
    pub runs: usize,
    /// Exit with code 1 when word recall is below this.
    #[arg(long)]
    pub min_recall: Option<f64>,
    /// Exit with code 1 when word precision is below this.
    #[arg(long)]
    pub min_precision: Option<f64>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    #[command(flatten)]
    pub input: InputArgs,
}

const SUMMARY: &[Column] = &[
    Column::new("measure", "measure", 20),
    Column::new("value", "value", 72),
];
const RUNS: &[Column] = &[
    Column::new("at word", "at", 8),
    Column::new("only in reference", "missing", 50),
    Column::new("only in checked text", "extra", 50),
];

fn text_of(path: &std::path::Path, limits: &ingest::Limits) -> crate::Result<String> {
    let raw = ingest::read(
        &Input {
            path: path.to_path_buf(),
            manifest: None,
        },
        limits,
    )?;
    Ok(crate::pipeline::normalized(&raw).text)
}

pub fn run(cli: &Cli, args: &Args) -> crate::Result<i32> {
    let _ = cli;
    let limits = super::limits(args.input.max_file_mb, args.input.pdf_timeout);
    let candidate = text_of(&args.candidate, &limits)?;
    let reference = text_of(&args.reference, &limits)?;
    let f = fidelity::compare(&reference, &candidate);

    let runs: Vec<serde_json::Value> = f
        .runs
        .iter()
        .take(args.runs)
        .map(|r| json!({"at": r.reference_at, "missing": r.missing.join(" "), "extra": r.extra.join(" ")}))
        .collect();
    let mut out = stdout();
    match args.format {
        Format::Json | Format::Jsonl => {
            let row = json!({
                "candidate": args.candidate.display().to_string(),
                "reference": args.reference.display().to_string(),
                "recall": f.recall,
                "precision": f.precision,
                "reference_words": f.reference_words,
                "candidate_words": f.candidate_words,
                "matched": f.matched,
                "differences": f.runs.len(),
                "runs": runs,
            });
            output::emit(&mut out, args.format, &[row], &[])?;
        }
        _ => {
            let summary = [
                ("checked text", args.candidate.display().to_string()),
                ("reference", args.reference.display().to_string()),
                (
                    "word recall",
                    format!(
                        "{:.3} ({} of {} reference words)",
                        f.recall, f.matched, f.reference_words
                    ),
                ),
                (
                    "word precision",
                    format!(
                        "{:.3} ({} of {} words)",
                        f.precision, f.matched, f.candidate_words
                    ),
                ),
                (
                    "differences",
                    format!("{} places (showing {})", f.runs.len(), runs.len()),
                ),
            ]
            .map(|(m, v)| json!({"measure": m, "value": v}));
            output::emit(&mut out, args.format, &summary, SUMMARY)?;
            if !runs.is_empty() {
                writeln!(out)?;
                output::emit(&mut out, args.format, &runs, RUNS)?;
            }
        }
    }
    out.flush()?;
    let below = args.min_recall.is_some_and(|m| f.recall < m)
        || args.min_precision.is_some_and(|m| f.precision < m);
    Ok(if below { EXIT_NOTHING_FOUND } else { EXIT_OK })
}
