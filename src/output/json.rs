//! JSON and JSON Lines.

use serde_json::Value;
use std::io::{self, Write};

pub fn write_lines(w: &mut dyn Write, rows: &[Value]) -> io::Result<()> {
    for row in rows {
        serde_json::to_writer(&mut *w, row)?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

pub fn write_array(w: &mut dyn Write, rows: &[Value]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, rows)?;
    w.write_all(b"\n")
}
