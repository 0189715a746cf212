//! The stance timeline as a Markdown report a journalist can paste: per year the documents
//! with their positions, and between consecutive documents what appeared, what disappeared
//! and where a stance on the same target flipped.

use super::markdown::escape;
use crate::query::timeline::{marks, speaker, Change, Group};
use crate::record::Position;
use std::io::{self, Write};

/// Write the report. `topic` is the label the report is about (or `None` for all topics).
pub fn write_timeline(
    w: &mut dyn Write,
    topic: Option<&str>,
    groups: &[Group],
    changes: &[Change],
) -> io::Result<()> {
    let n: usize = groups.iter().map(|g| g.positions.len()).sum();
    let first = groups.iter().find_map(|g| g.date.clone());
    let last = groups.iter().rev().find_map(|g| g.date.clone());
    write_timeline_head(w, topic, n, groups.len(), first.as_deref(), last.as_deref())?;
    let mut year = None;
    for (i, g) in groups.iter().enumerate() {
        let since = i
            .checked_sub(1)
            .and_then(|p| Some((changes.get(p)?, groups.get(p)?)));
        write_timeline_group(w, g, since, &mut year)?;
    }
    Ok(())
}

/// The head of the report: what it is about and how much it holds (`positions` in
/// `documents`, dated `first` to `last`).
pub fn write_timeline_head(
    w: &mut dyn Write,
    topic: Option<&str>,
    positions: usize,
    documents: usize,
    first: Option<&str>,
    last: Option<&str>,
) -> io::Result<()> {
    match topic {
        Some(t) => writeln!(w, "# Government positions on {t}")?,
        None => writeln!(w, "# Government positions")?,
    }
    writeln!(w)?;
    writeln!(
        w,
        "{positions} positions in {documents} documents, {} to {}. Marks: **H** hedged (\"in beginsel\", \"in principe\"), **C** conditional (\"indien\", \"wanneer\", \"mits\"). `rule` names the rule of `data/stance.toml` that read the sentence.",
        first.unwrap_or_default(),
        last.unwrap_or_default()
    )
}

/// One document of the report, after the change since the document before it (`since`: the
/// change and that document); `year` is the year whose heading was written last, so that a
/// report can be written a document at a time.
pub fn write_timeline_group(
    w: &mut dyn Write,
    g: &Group,
    since: Option<(&Change, &Group)>,
    year: &mut Option<String>,
) -> io::Result<()> {
    let y = g
        .date
        .as_deref()
        .and_then(|d| d.get(..4))
        .unwrap_or("undated")
        .to_string();
    if year.as_deref() != Some(y.as_str()) {
        writeln!(w, "\n## {y}")?;
        *year = Some(y);
    }
    writeln!(
        w,
        "\n### {} · {}",
        g.date.as_deref().unwrap_or("undated"),
        g.doc
    )?;
    let mut about = Vec::new();
    if let Some(t) = &g.title {
        about.push(format!("*{}*", escape(t)));
    }
    if let Some(s) = &g.signatory {
        about.push(escape(s));
    }
    if !about.is_empty() {
        writeln!(w, "\n{}", about.join(" · "))?;
    }
    if let Some((c, prev)) = since {
        write_change(w, c, Some(prev))?;
    }
    writeln!(w, "\n| stance | marks | actor | cue | sentence | rule |")?;
    writeln!(w, "|---|---|---|---|---|---|")?;
    for p in &g.positions {
        writeln!(
            w,
            "| {} | {} | {} | {} | {} | `{}` |",
            p.stance.as_str(),
            marks(p),
            escape(&speaker(p, g.signatory.as_deref())),
            escape(&p.cue),
            escape(&p.sentence),
            escape(&p.rule)
        )?;
    }
    Ok(())
}

fn short(p: &Position) -> String {
    let m = marks(p);
    let m = if m.is_empty() {
        String::new()
    } else {
        format!(" [{m}]")
    };
    format!(
        "{}{m}: \"{}\" ({})",
        p.stance.as_str(),
        escape(&p.cue),
        escape(&p.target)
    )
}

fn write_change(w: &mut dyn Write, c: &Change, prev: Option<&Group>) -> io::Result<()> {
    let since = prev
        .map(|g| format!("{} ({})", g.doc, g.date.as_deref().unwrap_or("undated")))
        .unwrap_or_else(|| c.from_doc.clone());
    writeln!(w, "\n**Changes since {since}**")?;
    writeln!(w)?;
    if c.appeared.is_empty() && c.disappeared.is_empty() && c.flipped.is_empty() {
        writeln!(w, "- no change")?;
    }
    for (a, b) in &c.flipped {
        writeln!(
            w,
            "- flipped {} → {} on \"{}\": \"{}\" → \"{}\"",
            a.stance.as_str(),
            b.stance.as_str(),
            escape(&b.target),
            escape(&a.cue),
            escape(&b.cue)
        )?;
    }
    for p in &c.appeared {
        writeln!(w, "- new: {}", short(p))?;
    }
    for p in &c.disappeared {
        writeln!(w, "- no longer said: {}", short(p))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::timeline::{changes, group};
    use crate::record::{Span, Stance};

    fn pos(doc: &str, date: &str, stance: Stance, cue: &str, target: &str) -> Position {
        Position {
            doc: doc.into(),
            actor: "het kabinet".into(),
            stance,
            cue: cue.into(),
            target: target.into(),
            topics: vec!["gezichtsherkenning".into()],
            topic_sources: vec![],
            hedged: stance == Stance::Support,
            conditional: false,
            sentence: format!("Het kabinet | {cue} {target}."),
            span: Span::new(0, 10),
            date: Some(date.into()),
            rule: "support.voorstander".into(),
        }
    }

    #[test]
    fn the_report_has_years_documents_changes_and_escaped_cells() {
        let all = [
            pos(
                "kst-a",
                "2020-03-13",
                Stance::Intent,
                "laat onderzoek doen",
                "gezichtsherkenning",
            ),
            pos(
                "kst-b",
                "2021-10-18",
                Stance::Oppose,
                "geen voorstander",
                "absolute verboden",
            ),
            pos(
                "kst-c",
                "2024-10-09",
                Stance::Support,
                "acht … passend",
                "absolute verboden",
            ),
        ];
        let chosen: Vec<&Position> = all.iter().collect();
        let groups = group(&chosen, &[]);
        let ch = changes(&groups);
        let mut out = Vec::new();
        write_timeline(&mut out, Some("gezichtsherkenning"), &groups, &ch).unwrap();
        let md = String::from_utf8(out).unwrap();
        assert!(
            md.starts_with("# Government positions on gezichtsherkenning"),
            "{md}"
        );
        for needle in [
            "## 2020",
            "## 2021",
            "## 2024",
            "### 2021-10-18 · kst-b",
            "**Changes since kst-a (2020-03-13)**",
            "- new: oppose: \"geen voorstander\"",
            "- no longer said: intent",
            "- flipped oppose → support on \"absolute verboden\"",
            "Het kabinet \\| geen voorstander",
            "| support | H |",
        ] {
            assert!(md.contains(needle), "missing {needle:?} in\n{md}");
        }
    }
}
