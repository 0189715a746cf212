//! The one seam between commands and the terminal: commands build rows (serializable values)
//! and hand them, with a column list, to [`emit`]; one file per format writes them.

pub mod csv;
pub mod dot;
pub mod graphml;
pub mod json;
pub mod markdown;
pub mod report;
pub mod stream;
pub mod table;

pub use stream::RowStream;

use serde_json::Value;
use std::io::{self, Write};

/// Output formats a command may offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for reading in a terminal.
    Table,
    /// One JSON array.
    Json,
    /// One JSON object a line (the record contract).
    Jsonl,
    /// Comma-separated values with a header row.
    Csv,
    /// A Markdown table or report, to paste into a document.
    Markdown,
    /// Graphviz DOT (graph commands).
    Dot,
    /// GraphML for Gephi and yEd (graph commands).
    Graphml,
}

/// A column of a table or CSV: its header and the field of each row it shows.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub header: &'static str,
    /// A top-level field name, or a JSON pointer ("/signatories/0/name").
    pub field: &'static str,
    /// Widest the column may be in a table; longer values are cut with "…".
    pub max_width: usize,
}

impl Column {
    pub const fn new(header: &'static str, field: &'static str, max_width: usize) -> Column {
        Column {
            header,
            field,
            max_width,
        }
    }
}

/// A row's value for a column, as display text.
pub fn cell(row: &Value, field: &str) -> String {
    let v = if field.starts_with('/') {
        row.pointer(field)
    } else {
        row.get(field)
    };
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| match i {
                Value::String(s) => s.clone(),
                Value::Object(o) => o
                    .get("name")
                    .and_then(Value::as_str)
                    .map(str::to_string)
                    .unwrap_or_else(|| i.to_string()),
                other => other.to_string(),
            })
            .collect::<Vec<_>>()
            .join("; "),
        Some(other) => other.to_string(),
    }
}

/// Write rows in a row-oriented format. Graph formats are written by the graph command.
pub fn emit(
    w: &mut dyn Write,
    format: Format,
    rows: &[Value],
    columns: &[Column],
) -> io::Result<()> {
    match format {
        Format::Table => table::write(w, rows, columns),
        Format::Json => json::write_array(w, rows),
        Format::Jsonl => json::write_lines(w, rows),
        Format::Csv => csv::write(w, rows, columns),
        Format::Markdown => markdown::write_table(w, rows, columns),
        Format::Dot | Format::Graphml => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "dot and graphml are for `kst graph`",
        )),
    }
}

/// The objects of a graph's `nodes` or `edges` list, for the graph formats.
pub(crate) fn graph_items<'v>(
    graph: &'v serde_json::Value,
    key: &str,
) -> impl Iterator<Item = &'v serde_json::Map<String, serde_json::Value>> {
    graph
        .get(key)
        .and_then(serde_json::Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(serde_json::Value::as_object)
}
