//! `kst refs`: where units of legal instruments are invoked, or how often (`--by`).

use super::{stdout, Cli, EXIT_NOTHING_FOUND, EXIT_OK};
use crate::extract::article::ArticleExtractor;
use crate::output::{self, Column, Format};
use crate::query::refs::{self, GroupBy, RefsRequest};
use crate::record::Unit;
use std::io::Write;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "An instrument is a name or abbreviation from the registry (data/instruments.toml, \
plus $KST_INSTRUMENTS), an id, or an EU act's number. A name whose meaning changed with adoption \
(\"AI-verordening\") covers both the 2021 proposal and Regulation (EU) 2024/1689; name one of them \
(\"conceptverordening\", \"Verordening (EU) 2024/1689\") to get only that text.

Examples:
  kst refs --instrument AVG --article 9
  kst refs --instrument AVG --article 9 --by year
  kst refs --instrument AI-verordening --article 5 --by unit
  kst refs --instrument 'Richtlijn (EU) 2016/680' --format csv
  kst refs --doc kst-26643-1223 --format jsonl
  kst refs --by instrument --from 2021 --to 2022"
)]
pub struct Args {
    /// Only references to this instrument (AVG, Wpg, UAVG, celex:32016R0679, ...).
    #[arg(long)]
    pub instrument: Option<String>,
    /// Only this article, recital or annex number, as written ("9", "4c", "III").
    #[arg(long)]
    pub article: Option<String>,
    /// Only this kind of unit.
    #[arg(long, value_enum)]
    pub unit: Option<UnitArg>,
    /// Only references in this document.
    #[arg(long)]
    pub doc: Option<String>,
    /// Only documents dated on or after (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Only documents dated on or before.
    #[arg(long)]
    pub to: Option<String>,
    /// Count references per year, document, instrument or unit instead of listing them.
    #[arg(long, value_enum)]
    pub by: Option<GroupBy>,
    /// List at most this many references (not applied to counts).
    #[arg(long)]
    pub limit: Option<usize>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum UnitArg {
    Article,
    Recital,
    Annex,
}

const LIST_TABLE: &[Column] = &[
    Column::new("date", "date", 10),
    Column::new("doc", "doc", 18),
    Column::new("instrument", "instrument", 22),
    Column::new("unit", "label", 30),
    Column::new("sentence", "sentence", 100),
];

/// For a document: what a reader needs, with the link.
const LIST_PASTE: &[Column] = &[
    Column::new("date", "date", 10),
    Column::new("doc", "doc", 20),
    Column::new("instrument", "instrument", 30),
    Column::new("unit", "label", 30),
    Column::new("sentence", "sentence", 300),
    Column::new("link", "url", 100),
];

const LIST_FULL: &[Column] = &[
    Column::new("date", "date", 10),
    Column::new("doc", "doc", 20),
    Column::new("instrument", "instrument", 30),
    Column::new("instrument_id", "instrument_id", 20),
    Column::new("unit", "unit", 8),
    Column::new("number", "number", 8),
    Column::new("paragraph", "paragraph", 8),
    Column::new("point", "point", 8),
    Column::new("raw", "raw", 60),
    Column::new("resolved_by", "resolved_by", 10),
    Column::new("url", "url", 80),
    Column::new("sentence", "sentence", 200),
    Column::new("context", "context", 200),
];

pub fn run(cli: &Cli, args: &Args) -> crate::Result<i32> {
    let from = super::date_bound(args.from.as_deref(), false)?;
    let to = super::date_bound(args.to.as_deref(), true)?;
    let extractor = ArticleExtractor::new()?;
    let reader = super::open_index(cli)?;
    let req = RefsRequest {
        instrument: args.instrument.clone(),
        article: args.article.clone(),
        unit: args.unit.map(|u| match u {
            UnitArg::Article => Unit::Article,
            UnitArg::Recital => Unit::Recital,
            UnitArg::Annex => Unit::Annex,
        }),
        doc: args.doc.clone(),
        from,
        to,
    };
    let (mut found, docs) = refs::find(&reader, extractor.registry(), &req)?;
    let mut out = stdout();
    let total = found.len();
    match args.by {
        Some(by) => {
            let rows = refs::counts(&found, &docs, by);
            output::emit(&mut out, args.format, &rows, count_columns(by))?;
        }
        None => {
            if let Some(n) = args.limit {
                found.truncate(n);
            }
            let rows = refs::rows(&found, &docs);
            let columns = match args.format {
                Format::Table => LIST_TABLE,
                Format::Markdown => LIST_PASTE,
                _ => LIST_FULL,
            };
            output::emit(&mut out, args.format, &rows, columns)?;
            if args.format == Format::Table && !cli.quiet {
                writeln!(out, "{} of {} references", found.len(), total)?;
            }
        }
    }
    out.flush()?;
    Ok(if total == 0 {
        EXIT_NOTHING_FOUND
    } else {
        EXIT_OK
    })
}

fn count_columns(by: GroupBy) -> &'static [Column] {
    const YEAR: &[Column] = &[
        Column::new("year", "year", 7),
        Column::new("references", "refs", 10),
        Column::new("documents", "documents", 10),
    ];
    const DOCUMENT: &[Column] = &[
        Column::new("date", "date", 10),
        Column::new("doc", "doc", 20),
        Column::new("references", "refs", 10),
        Column::new("title", "title", 80),
    ];
    const INSTRUMENT: &[Column] = &[
        Column::new("instrument", "instrument", 30),
        Column::new("instrument_id", "instrument_id", 20),
        Column::new("references", "refs", 10),
        Column::new("documents", "documents", 10),
        Column::new("first", "first", 10),
        Column::new("last", "last", 10),
    ];
    const UNIT: &[Column] = &[
        Column::new("instrument", "instrument", 24),
        Column::new("unit", "label", 16),
        Column::new("references", "refs", 10),
        Column::new("documents", "documents", 10),
        Column::new("first", "first", 10),
        Column::new("last", "last", 10),
    ];
    match by {
        GroupBy::Year => YEAR,
        GroupBy::Document => DOCUMENT,
        GroupBy::Instrument => INSTRUMENT,
        GroupBy::Unit => UNIT,
    }
}
