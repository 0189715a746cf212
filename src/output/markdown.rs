//! Markdown tables (reports with more structure, such as the stance timeline, build on these).

use super::{cell, Column};
use serde_json::Value;
use std::io::{self, Write};

/// Escape a value for a Markdown table cell.
pub fn escape(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

pub fn write_table(w: &mut dyn Write, rows: &[Value], columns: &[Column]) -> io::Result<()> {
    writeln!(
        w,
        "| {} |",
        columns
            .iter()
            .map(|c| c.header)
            .collect::<Vec<_>>()
            .join(" | ")
    )?;
    writeln!(w, "|{}", columns.iter().map(|_| "---|").collect::<String>())?;
    for row in rows {
        writeln!(
            w,
            "| {} |",
            columns
                .iter()
                .map(|c| escape(&cell(row, c.field)))
                .collect::<Vec<_>>()
                .join(" | ")
        )?;
    }
    Ok(())
}
