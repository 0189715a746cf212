//! Aligned columns for the terminal; long values are cut to the column's width with "…".

use super::{cell, Column};
use serde_json::Value;
use std::io::{self, Write};

fn fit(s: &str, width: usize) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= width {
        one_line
    } else {
        let mut cut: String = one_line.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

pub fn write(w: &mut dyn Write, rows: &[Value], columns: &[Column]) -> io::Result<()> {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            columns
                .iter()
                .map(|c| fit(&cell(r, c.field), c.max_width))
                .collect()
        })
        .collect();
    let widths: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            cells
                .iter()
                .map(|r| r[i].chars().count())
                .chain([c.header.len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |w: &mut dyn Write, values: &[String]| -> io::Result<()> {
        let last = values.len().saturating_sub(1);
        for (i, v) in values.iter().enumerate() {
            if i == last {
                writeln!(w, "{v}")?;
            } else {
                write!(
                    w,
                    "{v}{}  ",
                    " ".repeat(widths[i].saturating_sub(v.chars().count()))
                )?;
            }
        }
        Ok(())
    };
    line(
        w,
        &columns
            .iter()
            .map(|c| c.header.to_uppercase())
            .collect::<Vec<_>>(),
    )?;
    for r in &cells {
        line(w, r)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn columns_align_and_long_values_are_cut() {
        let rows = vec![
            json!({"id": "kst-32761-198", "title": "Kabinetsreactie op het bericht"}),
            json!({"id": "kst-1-2", "title": null}),
        ];
        let cols = [
            Column::new("id", "id", 20),
            Column::new("title", "title", 10),
        ];
        let mut out = Vec::new();
        write(&mut out, &rows, &cols).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert_eq!(
            s,
            "ID             TITLE\nkst-32761-198  Kabinetsr…\nkst-1-2        \n"
        );
    }
}
