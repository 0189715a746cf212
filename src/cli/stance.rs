//! `kst stance --topic T`: the government's positions on a topic, document by document, with
//! what changed between consecutive documents; `--summary` counts them per topic and year.
//!
//! Positions come from the index, or, when paths are given, straight from those files (no
//! index needed). The selection, grouping and diff are the pure functions of
//! [`crate::query::timeline`].

use super::{report, stdout, Cli, InputArgs, EXIT_NOTHING_FOUND, EXIT_OK};
use crate::extract::position::topics::Topics;
use crate::extract::Extractors;
use crate::index::{RecordKind, RecordQuery};
use crate::ingest::discover;
use crate::output::{self, Column, Format};
use crate::pipeline;
use crate::query::timeline;
use crate::record::{DocumentRecord, Position, Record, Stance};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  kst stance --topic gezichtsherkenning                       the timeline, grouped per letter
  kst stance --topic gezichtsherkenning --from 2020 --to 2024 --format markdown > timeline.md
  kst stance --topic biometrie --stance oppose --format csv   a term of a topic works too
  kst stance --summary                                        counts per topic and year
  kst stance corpus --topic vergunningplicht                  straight from files, no index

Marks: H hedged (\"in beginsel\"), C conditional (\"indien\", \"wanneer\"). Topics and their
terms are in data/topics.toml; the rules that read each sentence in data/stance.toml.")]
pub struct Args {
    /// Read these files or directories instead of the index.
    pub paths: Vec<PathBuf>,
    /// A topic id, label or term (see data/topics.toml); all topics when left out.
    #[arg(long)]
    pub topic: Option<String>,
    /// Only documents dated on or after (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Only documents dated on or before.
    #[arg(long)]
    pub to: Option<String>,
    /// Only positions of this stance: support, oppose, concern or intent.
    #[arg(long, value_parser = parse_stance)]
    pub stance: Option<Stance>,
    /// Counts of support, oppose, concern and intent per topic and year.
    #[arg(long)]
    pub summary: bool,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    #[command(flatten)]
    pub input: InputArgs,
}

fn parse_stance(s: &str) -> Result<Stance, String> {
    match s.to_lowercase().as_str() {
        "support" => Ok(Stance::Support),
        "oppose" => Ok(Stance::Oppose),
        "concern" => Ok(Stance::Concern),
        "intent" => Ok(Stance::Intent),
        other => Err(format!("{other:?}: use support, oppose, concern or intent")),
    }
}

const COLUMNS: &[Column] = &[
    Column::new("date", "date", 10),
    Column::new("doc", "doc", 16),
    Column::new("stance", "stance", 7),
    Column::new("marks", "marks", 5),
    Column::new("cue", "cue", 34),
    Column::new("sentence", "sentence", 110),
];

const GROUP_COLUMNS: &[Column] = &[
    Column::new("stance", "stance", 7),
    Column::new("marks", "marks", 5),
    Column::new("cue", "cue", 36),
    Column::new("sentence", "sentence", 120),
];

const SUMMARY_COLUMNS: &[Column] = &[
    Column::new("topic", "topic", 26),
    Column::new("year", "year", 8),
    Column::new("support", "support", 7),
    Column::new("oppose", "oppose", 6),
    Column::new("concern", "concern", 7),
    Column::new("intent", "intent", 6),
    Column::new("total", "total", 5),
];

pub fn run(cli: &Cli, args: &Args) -> crate::Result<i32> {
    let from = super::date_bound(args.from.as_deref(), false)?;
    let to = super::date_bound(args.to.as_deref(), true)?;
    let topics = Topics::bundled()?;
    let topic =
        match &args.topic {
            None => None,
            Some(t) => Some(topics.resolve(t).map(|x| x.id.clone()).ok_or_else(|| {
                crate::Error::Query {
                    query: t.clone(),
                    reason: format!(
                        "unknown topic; known: {}",
                        topics
                            .topics
                            .iter()
                            .map(|x| x.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                }
            })?),
        };
    let (positions, docs) = if args.paths.is_empty() {
        from_index(cli, topic.as_deref(), from.as_deref(), to.as_deref())?
    } else {
        from_files(args)?
    };
    let chosen: Vec<&Position> =
        timeline::select(&positions, topic.as_deref(), from.as_deref(), to.as_deref())
            .into_iter()
            .filter(|p| args.stance.is_none_or(|s| p.stance == s))
            .collect();
    let mut out = stdout();
    if args.summary {
        let rows: Vec<serde_json::Value> = timeline::summary(&chosen, topic.as_deref())
            .iter()
            .filter_map(|r| serde_json::to_value(r).ok())
            .collect();
        output::emit(&mut out, args.format, &rows, SUMMARY_COLUMNS)?;
        out.flush()?;
        return Ok(if rows.is_empty() {
            EXIT_NOTHING_FOUND
        } else {
            EXIT_OK
        });
    }
    let groups = timeline::group(&chosen, &docs);
    if args.format == Format::Markdown {
        let label = topic
            .as_deref()
            .and_then(|t| topics.resolve(t))
            .map(|t| t.label.clone());
        crate::output::report::write_timeline(
            &mut out,
            label.as_deref(),
            &groups,
            &timeline::changes(&groups),
        )?;
    } else if args.format == Format::Table {
        // Grouped per document: a line with date, id, title and signatory, then its positions.
        for (i, g) in groups.iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            let title = g.title.as_deref().unwrap_or("");
            let signatory = g
                .signatory
                .as_deref()
                .map(|s| format!(" — {s}"))
                .unwrap_or_default();
            writeln!(
                out,
                "{}  {}  {title}{signatory}",
                g.date.as_deref().unwrap_or("undated"),
                g.doc
            )?;
            let rows: Vec<serde_json::Value> = g
                .positions
                .iter()
                .map(|p| {
                    serde_json::json!({
                        "stance": p.stance.as_str(),
                        "marks": timeline::marks(p),
                        "cue": p.cue,
                        "sentence": p.sentence,
                    })
                })
                .collect();
            output::emit(&mut out, args.format, &rows, GROUP_COLUMNS)?;
        }
    } else {
        let mut rows = Vec::new();
        for g in &groups {
            for p in &g.positions {
                let mut v = serde_json::to_value(Record::Position(p.clone()))
                    .map_err(std::io::Error::other)?;
                if let Some(o) = v.as_object_mut() {
                    o.insert("title".into(), g.title.clone().into());
                    o.insert("signatory".into(), g.signatory.clone().into());
                    o.insert("marks".into(), timeline::marks(p).into());
                    o.insert(
                        "speaker".into(),
                        timeline::speaker(p, g.signatory.as_deref()).into(),
                    );
                }
                rows.push(v);
            }
        }
        output::emit(&mut out, args.format, &rows, COLUMNS)?;
    }
    out.flush()?;
    Ok(if chosen.is_empty() {
        EXIT_NOTHING_FOUND
    } else {
        EXIT_OK
    })
}

fn from_index(
    cli: &Cli,
    topic: Option<&str>,
    from: Option<&str>,
    to: Option<&str>,
) -> crate::Result<(Vec<Position>, Vec<DocumentRecord>)> {
    let reader = super::open_index(cli)?;
    let q = RecordQuery {
        kind: Some(RecordKind::Position),
        topic: topic.map(str::to_string),
        from: from.map(str::to_string),
        to: to.map(str::to_string),
        ..Default::default()
    };
    let positions = reader
        .records(&q)?
        .into_iter()
        .filter_map(|r| match r {
            Record::Position(p) => Some(p),
            _ => None,
        })
        .collect();
    Ok((positions, reader.documents()?))
}

fn from_files(args: &Args) -> crate::Result<(Vec<Position>, Vec<DocumentRecord>)> {
    let extractors = Extractors::new()?;
    let limits = super::limits(args.input.max_file_mb, args.input.pdf_timeout);
    let (inputs, errors) = discover(&args.paths, args.input.manifest.as_deref());
    errors.iter().for_each(report);
    let mut positions = Vec::new();
    let mut docs = Vec::new();
    for input in &inputs {
        match pipeline::process_input(input, &limits, &extractors) {
            Ok(p) => {
                positions.extend(p.records.into_iter().filter_map(|r| match r {
                    Record::Position(p) => Some(p),
                    _ => None,
                }));
                docs.push(p.document);
            }
            Err(e) => report(&e),
        }
    }
    Ok((positions, docs))
}
