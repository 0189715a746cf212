//! `kst stance --topic T`: the government's positions on a topic, document by document, with
//! what changed between consecutive documents; `--summary` counts them per topic and year.
//!
//! Positions come from the index, or, when paths are given, straight from those files (no
//! index needed). The selection, grouping and diff are the pure functions of
//! [`crate::query::timeline`].

use super::{report, stdout, Cli, InputArgs, EXIT_NOTHING_FOUND, EXIT_OK};
use crate::extract::position::topics::Topics;
use crate::extract::Extractors;
use crate::index::{IndexReader, RecordKind, RecordQuery};
use crate::ingest::discover;
use crate::output::{self, Column, Format};
use crate::pipeline;
use crate::query::{columns, timeline};
use crate::record::{DocumentRecord, Position, Record, Stance};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  kst stance --topic gezichtsherkenning                       the latest 20 letters, grouped
  kst stance --topic gezichtsherkenning --limit 0             every letter
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
    /// At most this many documents, the latest (table: 20 unless given; 0 shows all). The other
    /// formats list every position unless it is given.
    #[arg(long)]
    pub limit: Option<usize>,
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

/// Documents the table shows unless `--limit` says otherwise: the latest, so that a topic
/// with positions in thousands of letters prints a page, not the whole corpus.
const TABLE_LIMIT: usize = 20;

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
    let mut out = stdout();
    if args.paths.is_empty() {
        let reader = super::open_index(cli)?;
        let q = RecordQuery {
            kind: Some(RecordKind::Position),
            topic: topic.clone(),
            stance: args.stance,
            from: from.clone(),
            to: to.clone(),
            ..Default::default()
        };
        let label = topic_label(&topics, topic.as_deref());
        return from_index(&mut out, &reader, &q, args, label.as_deref());
    }
    let (positions, docs) = from_files(args)?;
    let chosen: Vec<&Position> =
        timeline::select(&positions, topic.as_deref(), from.as_deref(), to.as_deref())
            .into_iter()
            .filter(|p| args.stance.is_none_or(|s| p.stance == s))
            .collect();
    if args.summary {
        return write_summary(
            &mut out,
            args.format,
            &timeline::summary(&chosen, topic.as_deref()),
        );
    }
    let mut groups = timeline::group(&chosen, &docs);
    let total = (groups.len(), chosen.len());
    let default_limit = if args.format == Format::Table {
        TABLE_LIMIT
    } else {
        0
    };
    let limit = args.limit.unwrap_or(default_limit);
    if limit > 0 && groups.len() > limit {
        groups.drain(..groups.len() - limit);
    }
    if args.format == Format::Markdown {
        let label = topic_label(&topics, topic.as_deref());
        crate::output::report::write_timeline(
            &mut out,
            label.as_deref(),
            &groups,
            &timeline::changes(&groups),
        )?;
    } else if args.format == Format::Table {
        write_table(&mut out, &groups)?;
        write_hidden(&mut out, &groups, total)?;
    } else {
        let mut rows = output::RowStream::new(&mut out, args.format, COLUMNS);
        for g in &groups {
            for p in &g.positions {
                rows.row(position_row(g, p)?)?;
            }
        }
        rows.finish()?;
    }
    out.flush()?;
    Ok(exit_code(!chosen.is_empty()))
}

/// A position as a row of the export: the record with its paper's title and signatory, its
/// marks and who speaks.
fn position_row(g: &timeline::Group, p: &Position) -> crate::Result<serde_json::Value> {
    let mut v = serde_json::to_value(Record::Position(p.clone())).map_err(std::io::Error::other)?;
    if let Some(o) = v.as_object_mut() {
        o.insert("title".into(), g.title.clone().into());
        o.insert("signatory".into(), g.signatory.clone().into());
        o.insert("marks".into(), timeline::marks(p).into());
        o.insert(
            "speaker".into(),
            timeline::speaker(p, g.signatory.as_deref()).into(),
        );
    }
    Ok(v)
}

/// Every position `q` selects (of the latest `limit` papers when it is not 0), read and written
/// a paper at a time in timeline order: an unfiltered export holds every position of the corpus
/// (860,000 at 100,000 letters), which is never held in memory at once.
fn export_from_index(
    out: &mut impl Write,
    reader: &IndexReader,
    q: &RecordQuery,
    format: Format,
    limit: usize,
) -> crate::Result<i32> {
    let outline = columns::position_documents(reader, q)?;
    let mut rows = output::RowStream::new(out, format, COLUMNS);
    for d in latest(&outline, limit) {
        let (positions, docs) = paper_positions(reader, q, &d.doc)?;
        let chosen: Vec<&Position> = positions.iter().collect();
        for g in timeline::group(&chosen, &docs) {
            for p in &g.positions {
                rows.row(position_row(&g, p)?)?;
            }
        }
    }
    rows.finish()?;
    out.flush()?;
    Ok(exit_code(!outline.is_empty()))
}

/// Positions from the index, each format read the cheapest way: counts and the table's outline
/// from the columns, the rest a paper at a time, so that no answer holds every position.
fn from_index(
    out: &mut impl Write,
    reader: &IndexReader,
    q: &RecordQuery,
    args: &Args,
    label: Option<&str>,
) -> crate::Result<i32> {
    if args.summary {
        // Counted from the index's columns: no stored record is read.
        let rows = columns::stance_summary(reader, q, q.topic.as_deref())?;
        return write_summary(out, args.format, &rows);
    }
    match args.format {
        Format::Table => table_from_index(out, reader, q, args.limit.unwrap_or(TABLE_LIMIT)),
        Format::Jsonl | Format::Json | Format::Csv => {
            export_from_index(out, reader, q, args.format, args.limit.unwrap_or(0))
        }
        Format::Markdown => report_from_index(out, reader, q, label, args.limit.unwrap_or(0)),
        Format::Dot | Format::Graphml => Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "stance writes table, json, jsonl, csv or markdown; dot and graphml are for `kst graph`",
        )
        .into()),
    }
}

/// The latest `limit` papers of a timeline's outline (all of them for 0).
fn latest(outline: &[columns::DocumentCount], limit: usize) -> &[columns::DocumentCount] {
    let skip = if limit > 0 {
        outline.len().saturating_sub(limit)
    } else {
        0
    };
    &outline[skip..]
}

/// The label a report gives a topic id.
fn topic_label(topics: &Topics, topic: Option<&str>) -> Option<String> {
    topic
        .and_then(|t| topics.resolve(t))
        .map(|t| t.label.clone())
}

/// The Markdown timeline report from the index, a paper at a time (as [`export_from_index`]):
/// the head from the index's columns, then each paper with what changed since the one before.
fn report_from_index(
    out: &mut impl Write,
    reader: &IndexReader,
    q: &RecordQuery,
    label: Option<&str>,
    limit: usize,
) -> crate::Result<i32> {
    use crate::output::report;
    let outline = columns::position_documents(reader, q)?;
    let shown = latest(&outline, limit);
    let dates = || shown.iter().filter_map(|d| d.date).map(columns::date_text);
    report::write_timeline_head(
        out,
        label,
        shown.iter().map(columns::DocumentCount::total).sum(),
        shown.len(),
        dates().next().as_deref(),
        dates().next_back().as_deref(),
    )?;
    let mut previous: Option<timeline::Group> = None;
    let mut year = None;
    for d in shown {
        let (positions, docs) = paper_positions(reader, q, &d.doc)?;
        let chosen: Vec<&Position> = positions.iter().collect();
        for g in timeline::group(&chosen, &docs) {
            let change = previous.as_ref().map(|p| (timeline::diff(p, &g), p));
            report::write_timeline_group(
                out,
                &g,
                change.as_ref().map(|(c, p)| (c, *p)),
                &mut year,
            )?;
            previous = Some(g);
        }
    }
    out.flush()?;
    Ok(exit_code(!outline.is_empty()))
}

/// The positions `q` selects in one paper, and the paper.
fn paper_positions(
    reader: &IndexReader,
    q: &RecordQuery,
    doc: &str,
) -> crate::Result<(Vec<Position>, Vec<DocumentRecord>)> {
    let one = RecordQuery {
        doc: Some(doc.to_string()),
        ..q.clone()
    };
    let positions = reader
        .records(&one)?
        .into_iter()
        .filter_map(|r| match r {
            Record::Position(p) => Some(p),
            _ => None,
        })
        .collect();
    Ok((positions, reader.document(doc)?.into_iter().collect()))
}

/// 0 when something was found, 1 (nothing found) otherwise.
fn exit_code(found: bool) -> i32 {
    if found {
        EXIT_OK
    } else {
        EXIT_NOTHING_FOUND
    }
}

fn write_summary(
    out: &mut impl Write,
    format: Format,
    summary: &[timeline::SummaryRow],
) -> crate::Result<i32> {
    let rows: Vec<serde_json::Value> = summary
        .iter()
        .filter_map(|r| serde_json::to_value(r).ok())
        .collect();
    output::emit(out, format, &rows, SUMMARY_COLUMNS)?;
    out.flush()?;
    Ok(exit_code(!rows.is_empty()))
}

/// The table from the index: the documents are counted from the index's columns and only the
/// positions of the documents shown are read, so a topic with positions in nearly every
/// letter of a large corpus still answers at once.
fn table_from_index(
    out: &mut impl Write,
    reader: &IndexReader,
    q: &RecordQuery,
    limit: usize,
) -> crate::Result<i32> {
    let outline = columns::position_documents(reader, q)?;
    let positions_total: usize = outline.iter().map(columns::DocumentCount::total).sum();
    let mut positions = Vec::new();
    let mut docs = Vec::new();
    for d in latest(&outline, limit) {
        let (p, doc) = paper_positions(reader, q, &d.doc)?;
        positions.extend(p);
        docs.extend(doc);
    }
    let chosen: Vec<&Position> = positions.iter().collect();
    let groups = timeline::group(&chosen, &docs);
    write_table(out, &groups)?;
    write_hidden(out, &groups, (outline.len(), positions_total))?;
    out.flush()?;
    Ok(exit_code(!outline.is_empty()))
}

/// Grouped per document: a line with date, id, title and signatory, then its positions.
fn write_table(out: &mut impl Write, groups: &[timeline::Group]) -> crate::Result<()> {
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
        output::emit(out, Format::Table, &rows, GROUP_COLUMNS)?;
    }
    Ok(())
}

/// Says how much of the timeline the table left out, and how to see it.
fn write_hidden(
    out: &mut impl Write,
    shown: &[timeline::Group],
    (documents, positions): (usize, usize),
) -> crate::Result<()> {
    if shown.len() < documents {
        let shown_positions: usize = shown.iter().map(|g| g.positions.len()).sum();
        writeln!(
            out,
            "\n… {} earlier documents with {} positions not shown (the latest {} of {} documents); \
             --limit N shows more (0: all), --from/--to narrow the dates, --format jsonl lists every position",
            documents - shown.len(),
            positions - shown_positions,
            shown.len(),
            documents
        )?;
    }
    Ok(())
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
