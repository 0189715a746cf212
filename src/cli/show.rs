//! `kst show ID|FILE`: one document's metadata and records, and with `--text` its normalized text.

use super::{stdout, Cli, EXIT_OK};
use crate::extract::Extractors;
use crate::ingest::{discover, Input};
use crate::output::{self, Format};
use crate::pipeline;
use crate::record::Record;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  kst show kst-32761-198\n  kst show kst-32761-198 --text\n  kst show corpus/kst-32761-198.txt --format json"
)]
pub struct Args {
    /// A document id in the index, or a file to read without the index.
    pub id: String,
    /// Print the normalized text (the text every offset points into).
    #[arg(long)]
    pub text: bool,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

pub fn run(cli: &Cli, args: &Args) -> crate::Result<i32> {
    let path = PathBuf::from(&args.id);
    let (document, records, text) = if path.is_file() {
        let (inputs, _) = discover(std::slice::from_ref(&path), None);
        let input = inputs.into_iter().next().unwrap_or(Input {
            path: path.clone(),
            manifest: None,
        });
        let p = pipeline::process_input(&input, &super::limits(64, 60), &Extractors::new()?)?;
        (p.document, p.records, p.norm.text)
    } else {
        let reader = super::open_index(cli)?;
        let stored = crate::query::show::load(&reader, &args.id)?;
        (stored.document, stored.records, stored.text)
    };
    let mut out = stdout();
    if args.text {
        out.write_all(text.as_bytes())?;
        out.write_all(b"\n")?;
        out.flush()?;
        return Ok(EXIT_OK);
    }
    match args.format {
        Format::Json | Format::Jsonl => {
            let mut rows =
                vec![serde_json::to_value(Record::Document(document))
                    .map_err(std::io::Error::other)?];
            for r in records {
                rows.push(serde_json::to_value(r).map_err(std::io::Error::other)?);
            }
            output::emit(&mut out, args.format, &rows, &[])?;
        }
        _ => write_summary(&mut out, &document, &records)?,
    }
    out.flush()?;
    Ok(EXIT_OK)
}

fn write_summary(
    w: &mut dyn Write,
    d: &crate::record::DocumentRecord,
    records: &[Record],
) -> std::io::Result<()> {
    writeln!(w, "id          {}", d.doc)?;
    writeln!(w, "title       {}", d.title.as_deref().unwrap_or("-"))?;
    let source = d
        .date_source
        .map(|s| {
            format!(
                " ({})",
                serde_json::to_value(s)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            )
        })
        .unwrap_or_default();
    writeln!(
        w,
        "date        {}{}",
        d.date.as_deref().unwrap_or("-"),
        source
    )?;
    writeln!(w, "type        {}", d.doc_type.as_deref().unwrap_or("-"))?;
    writeln!(w, "dossier     {}", d.dossier.join(", "))?;
    writeln!(w, "number      {}", d.number.as_deref().unwrap_or("-"))?;
    for s in &d.signatories {
        writeln!(w, "signatory   {} ({})", s.name, s.role)?;
    }
    writeln!(w, "source      {} [{}]", d.source, d.text_source)?;
    for alt in &d.alternative_sources {
        writeln!(w, "also        {alt}")?;
    }
    writeln!(w, "sha256      {}", d.sha256)?;
    let cites: Vec<_> = records
        .iter()
        .filter_map(|r| {
            if let Record::Citation(c) = r {
                Some(c)
            } else {
                None
            }
        })
        .collect();
    if !cites.is_empty() {
        writeln!(w, "\ncites ({})", cites.len())?;
        for c in cites {
            writeln!(
                w,
                "  {:<22} {}{}",
                c.target,
                c.raw,
                c.pinpoint
                    .as_deref()
                    .map(|p| format!(" [{p}]"))
                    .unwrap_or_default()
            )?;
        }
    }
    let refs: Vec<_> = records
        .iter()
        .filter_map(|r| {
            if let Record::ArticleRef(a) = r {
                Some(a)
            } else {
                None
            }
        })
        .collect();
    if !refs.is_empty() {
        writeln!(w, "\nlegal references ({})", refs.len())?;
        for a in refs {
            writeln!(w, "  {:<40} {}", a.raw, a.url.as_deref().unwrap_or(""))?;
        }
    }
    let positions: Vec<_> = records
        .iter()
        .filter_map(|r| {
            if let Record::Position(p) = r {
                Some(p)
            } else {
                None
            }
        })
        .collect();
    if !positions.is_empty() {
        writeln!(w, "\npositions ({})", positions.len())?;
        for p in positions {
            writeln!(w, "  {:<8} {}", p.stance.as_str(), p.sentence)?;
        }
    }
    Ok(())
}
