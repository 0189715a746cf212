//! CSV with a header row, quoted where needed.

use super::{cell, Column};
use serde_json::Value;
use std::io::{self, Write};

pub fn write(w: &mut dyn Write, rows: &[Value], columns: &[Column]) -> io::Result<()> {
    let mut out = ::csv::Writer::from_writer(w);
    out.write_record(columns.iter().map(|c| c.header))
        .map_err(io::Error::other)?;
    for row in rows {
        out.write_record(columns.iter().map(|c| cell(row, c.field)))
            .map_err(io::Error::other)?;
    }
    out.flush()
}
