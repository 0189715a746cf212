//! `kst search QUERY`: ranked papers with snippets.

use super::{stdout, Cli, EXIT_NOTHING_FOUND, EXIT_OK};
use crate::output::{self, Column, Format};
use crate::query::search::{search, SearchRequest};
use std::io::Write;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Query syntax: words (all must match), \"exact phrases\", OR, NOT / -word, prefix*,
field-free. Words are stemmed and compounds split: gezichtsherkenning also finds
gezichtsherkenningstechnologie, camera finds gezichtsherkenningscamera's.

Examples:
  kst search gezichtsherkenning
  kst search '\"openbare ruimte\" AND verbod' --from 2021 --to 2022
  kst search emotieherkenning --signatory Dekker --format json
  kst search biometrie --fuzzy --limit 3"
)]
pub struct Args {
    /// The query.
    pub query: String,
    /// Only papers dated on or after (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Only papers dated on or before.
    #[arg(long)]
    pub to: Option<String>,
    /// Only papers of this dossier ("32761", "21501-33").
    #[arg(long)]
    pub dossier: Option<String>,
    /// Only papers of this type (brief, motie, antwoord, ...).
    #[arg(long = "type")]
    pub doc_type: Option<String>,
    /// Only papers signed by someone of this name or role.
    #[arg(long)]
    pub signatory: Option<String>,
    /// Also match words one edit away.
    #[arg(long)]
    pub fuzzy: bool,
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

const COLUMNS: &[Column] = &[
    Column::new("id", "doc", 20),
    Column::new("date", "date", 10),
    Column::new("title", "title", 40),
    Column::new("snippet", "snippet", 120),
];

pub fn run(cli: &Cli, args: &Args) -> crate::Result<i32> {
    let from = super::date_bound(args.from.as_deref(), false)?;
    let to = super::date_bound(args.to.as_deref(), true)?;
    let reader = super::open_index(cli)?;
    let req = SearchRequest {
        query: args.query.clone(),
        from,
        to,
        dossier: args.dossier.clone(),
        doc_type: args.doc_type.clone(),
        signatory: args.signatory.clone(),
        limit: args.limit,
        fuzzy: args.fuzzy,
    };
    let result = search(&reader, &req)?;
    let rows: Vec<serde_json::Value> = result
        .hits
        .iter()
        .filter_map(|h| serde_json::to_value(h).ok())
        .collect();
    let mut out = stdout();
    output::emit(&mut out, args.format, &rows, COLUMNS)?;
    if args.format == Format::Table && !cli.quiet {
        writeln!(
            out,
            "{} of {} matching papers",
            result.hits.len(),
            result.total
        )?;
    }
    out.flush()?;
    Ok(if result.total == 0 {
        EXIT_NOTHING_FOUND
    } else {
        EXIT_OK
    })
}
