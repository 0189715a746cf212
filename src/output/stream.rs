//! Rows written as they come, for exports too large to hold (every position of a corpus):
//! the same bytes [`super::emit`] writes for the whole list at once.
//!
//! JSON Lines and CSV need nothing of later rows; a JSON array is opened before the first
//! row and closed by [`RowStream::finish`]. A table or Markdown table sizes its columns to
//! every row, so those rows are collected and written at the end.

use super::{cell, emit, Column, Format};
use serde_json::Value;
use std::io::{self, Write};

pub struct RowStream<'w> {
    w: &'w mut dyn Write,
    format: Format,
    columns: &'static [Column],
    written: usize,
    /// Rows of the formats that are written at the end.
    held: Vec<Value>,
}

impl<'w> RowStream<'w> {
    pub fn new(w: &'w mut dyn Write, format: Format, columns: &'static [Column]) -> Self {
        RowStream {
            w,
            format,
            columns,
            written: 0,
            held: Vec::new(),
        }
    }

    /// Rows given so far.
    pub fn count(&self) -> usize {
        self.written + self.held.len()
    }

    pub fn row(&mut self, row: Value) -> io::Result<()> {
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut *self.w, &row)?;
                self.w.write_all(b"\n")?;
            }
            Format::Csv => {
                let mut out = ::csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(&mut *self.w);
                if self.written == 0 {
                    out.write_record(self.columns.iter().map(|c| c.header))
                        .map_err(io::Error::other)?;
                }
                out.write_record(self.columns.iter().map(|c| cell(&row, c.field)))
                    .map_err(io::Error::other)?;
                out.flush()?;
            }
            Format::Json => {
                // serde_json's pretty array, an element at a time: each element indented by
                // two spaces (strings never hold a raw line break, so lines are safe to indent).
                let text = serde_json::to_string_pretty(&row)?;
                self.w
                    .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
                for (i, line) in text.lines().enumerate() {
                    if i > 0 {
                        self.w.write_all(b"\n")?;
                    }
                    self.w.write_all(b"  ")?;
                    self.w.write_all(line.as_bytes())?;
                }
            }
            _ => {
                self.held.push(row);
                return Ok(());
            }
        }
        self.written += 1;
        Ok(())
    }

    /// Close the output: the end of a JSON array, the collected rows of a table.
    pub fn finish(self) -> io::Result<()> {
        match self.format {
            Format::Jsonl => Ok(()),
            Format::Json if self.written > 0 => self.w.write_all(b"\n]\n"),
            Format::Csv if self.written > 0 => Ok(()),
            // Nothing streamed: the whole-list writer gives the empty forms ("[]", a header).
            _ => emit(self.w, self.format, &self.held, self.columns),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const COLS: &[Column] = &[
        Column::new("doc", "doc", 10),
        Column::new("sentence", "sentence", 40),
    ];

    fn rows() -> Vec<Value> {
        vec![
            json!({"doc": "kst-1-2", "sentence": "Het kabinet steunt dit, \"zeker\".", "n": [1, {"a": null}]}),
            json!({"doc": "kst-3-4", "sentence": "Regel één\nregel twee", "n": []}),
        ]
    }

    fn streamed(format: Format, rows: &[Value]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut s = RowStream::new(&mut out, format, COLS);
        for r in rows {
            s.row(r.clone()).expect("row");
        }
        s.finish().expect("finish");
        out
    }

    fn whole(format: Format, rows: &[Value]) -> Vec<u8> {
        let mut out = Vec::new();
        emit(&mut out, format, rows, COLS).expect("emit");
        out
    }

    #[test]
    fn streamed_rows_are_the_bytes_of_the_whole_list() {
        for format in [
            Format::Jsonl,
            Format::Json,
            Format::Csv,
            Format::Table,
            Format::Markdown,
        ] {
            for n in 0..=2 {
                let rows = &rows()[..n];
                assert_eq!(
                    String::from_utf8_lossy(&streamed(format, rows)),
                    String::from_utf8_lossy(&whole(format, rows)),
                    "{format:?} with {n} rows"
                );
            }
        }
    }
}
