//! `kst refs`: where units of legal instruments are invoked, and how often.
//!
//! The index stores every `article_ref` record with its instrument id and number as filter
//! fields; this module turns what a researcher types ("AVG", "Wpg", "Richtlijn (EU) 2016/680",
//! "celex:32016R0679") into ids through the instrument registry, reads the records, and lays
//! them out as rows (one per reference, with the document's date and title and the sentence)
//! or as counts per year, document, instrument or unit.

use crate::error::{Error, Result};
use crate::extract::article::registry::{celex_at, Registry};
use crate::index::{IndexReader, RecordKind, RecordQuery};
use crate::record::{ArticleRef, DocumentRecord, Record, Unit};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashMap};

/// How to count references.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GroupBy {
    /// References and documents per year of the document date.
    Year,
    /// References per document.
    Document,
    /// References and documents per instrument.
    Instrument,
    /// References per unit (instrument + article/recital/annex), with first and last date.
    Unit,
}

#[derive(Debug, Clone, Default)]
pub struct RefsRequest {
    /// What the user typed after `--instrument`.
    pub instrument: Option<String>,
    pub article: Option<String>,
    pub unit: Option<Unit>,
    pub doc: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// The instrument ids a name, abbreviation, key, id or EU act number stands for. A name whose
/// meaning changed with the date ("AI-verordening") stands for both texts.
pub fn instrument_ids(registry: &Registry, input: &str) -> Result<Vec<String>> {
    let input = input.trim();
    let unknown = || {
        Error::Query {
        query: input.to_string(),
        reason: "not an instrument kst knows: use a name or abbreviation from data/instruments.toml (AVG, Wpg, UAVG, ...), \
                 an id (celex:32016R0679, bwb:BWBR0022463) or an EU act's number (Richtlijn (EU) 2016/680)"
            .to_string(),
    }
    };
    if input.starts_with("celex:") || input.starts_with("bwb:") {
        return Ok(vec![input.to_string()]);
    }
    // The entry's key, short name or any name or abbreviation, in any case ("gdpr", "wpg").
    let wanted = input.to_lowercase();
    let mut entries: Vec<usize> = Vec::new();
    for (i, inst) in registry.instruments().iter().enumerate() {
        let by_name = inst.names.iter().find(|(n, _)| n.to_lowercase() == wanted);
        if inst.key == wanted || inst.short.to_lowercase() == wanted || by_name.is_some() {
            entries.push(i);
            let dated = by_name.is_some_and(|(_, d)| *d)
                || inst
                    .names
                    .iter()
                    .any(|(n, d)| *d && n.to_lowercase() == inst.short.to_lowercase());
            if let (true, Some(draft)) = (dated, inst.draft) {
                entries.push(draft);
            }
        }
    }
    // A family of books (the BW) stands for all its books.
    let mut ids: Vec<String> = Vec::new();
    for e in entries {
        let inst = registry.get(e);
        ids.extend(inst.id.clone());
        ids.extend(
            inst.books
                .iter()
                .filter_map(|(_, b)| registry.get(*b).id.clone()),
        );
    }
    if ids.is_empty() {
        if let Some((end, celex, _)) = celex_at(input, 0) {
            if end == input.len() {
                ids.push(format!("celex:{celex}"));
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(id.clone()));
    if ids.is_empty() {
        Err(unknown())
    } else {
        Ok(ids)
    }
}

/// Read the references the request asks for, in (date, document, position) order, with the
/// documents they were found in.
pub fn find(
    reader: &IndexReader,
    registry: &Registry,
    req: &RefsRequest,
) -> Result<(Vec<ArticleRef>, HashMap<String, DocumentRecord>)> {
    // An instrument the registry does not know may still be named in the records ("MiFIR",
    // "Wet kinderopvang"): then match the records' names; if none has it, the registry's
    // error says what the user can type.
    let (ids, by_name): (Vec<Option<String>>, Option<String>) = match &req.instrument {
        Some(name) => match instrument_ids(registry, name) {
            Ok(ids) => (ids.into_iter().map(Some).collect(), None),
            Err(e) => {
                let unknown = RefsRequest {
                    instrument: None,
                    ..req.clone()
                };
                let (mut all, _) = find(reader, registry, &unknown)?;
                all.retain(|a| {
                    a.instrument
                        .as_deref()
                        .is_some_and(|n| n.eq_ignore_ascii_case(name.trim()))
                });
                if all.is_empty() {
                    return Err(e);
                }
                (vec![None], Some(name.trim().to_string()))
            }
        },
        None => (vec![None], None),
    };
    let mut refs: Vec<ArticleRef> = Vec::new();
    for id in ids {
        let q = RecordQuery {
            kind: Some(RecordKind::ArticleRef),
            doc: req.doc.clone(),
            instrument: id,
            article: req.article.clone(),
            from: req.from.clone(),
            to: req.to.clone(),
            ..Default::default()
        };
        refs.extend(reader.records(&q)?.into_iter().filter_map(|r| match r {
            Record::ArticleRef(a) => Some(a),
            _ => None,
        }));
    }
    refs.retain(|a| req.unit.is_none_or(|u| a.unit == u));
    if let Some(name) = &by_name {
        refs.retain(|a| {
            a.instrument
                .as_deref()
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        });
    }
    let mut docs: HashMap<String, DocumentRecord> = HashMap::new();
    for a in &refs {
        if !docs.contains_key(&a.doc) {
            if let Some(d) = reader.document(&a.doc)? {
                docs.insert(a.doc.clone(), d);
            }
        }
    }
    sort(&mut refs, &docs);
    Ok((refs, docs))
}

fn sort(refs: &mut [ArticleRef], docs: &HashMap<String, DocumentRecord>) {
    let date = |a: &ArticleRef| {
        docs.get(&a.doc)
            .and_then(|d| d.date.clone())
            .unwrap_or_default()
    };
    refs.sort_by(|a, b| (date(a), &a.doc, a.span.start).cmp(&(date(b), &b.doc, b.span.start)));
}

/// "artikel 9, lid 2, onder a", "overweging 4", "bijlage III, onder 6".
pub fn unit_label(a: &ArticleRef) -> String {
    let head = match a.unit {
        Unit::Article => "artikel",
        Unit::Recital => "overweging",
        Unit::Annex => "bijlage",
    };
    let mut s = format!("{head} {}", a.number);
    if let Some(p) = &a.paragraph {
        s.push_str(&format!(", lid {p}"));
    }
    if let Some(p) = &a.point {
        s.push_str(&format!(", onder {p}"));
    }
    if let Some(p) = &a.subpoint {
        s.push_str(&format!(", onder {p}"));
    }
    s
}

/// One row per reference: the record of the contract with the document's date and title and a
/// readable unit label added.
pub fn rows(refs: &[ArticleRef], docs: &HashMap<String, DocumentRecord>) -> Vec<Value> {
    refs.iter()
        .filter_map(|a| {
            let mut v = serde_json::to_value(Record::ArticleRef(a.clone())).ok()?;
            let obj = v.as_object_mut()?;
            let d = docs.get(&a.doc);
            obj.insert("date".into(), json!(d.and_then(|d| d.date.clone())));
            obj.insert("title".into(), json!(d.and_then(|d| d.title.clone())));
            obj.insert("label".into(), json!(unit_label(a)));
            Some(v)
        })
        .collect()
}

/// Counts of references grouped `by`, in the group's natural order.
pub fn counts(
    refs: &[ArticleRef],
    docs: &HashMap<String, DocumentRecord>,
    by: GroupBy,
) -> Vec<Value> {
    let date = |a: &ArticleRef| docs.get(&a.doc).and_then(|d| d.date.clone());
    let instrument = |a: &ArticleRef| {
        a.instrument
            .clone()
            .or_else(|| a.instrument_id.clone())
            .unwrap_or_else(|| "(unresolved)".to_string())
    };
    #[derive(Default)]
    struct Group {
        refs: usize,
        docs: Vec<String>,
        first: Option<String>,
        last: Option<String>,
        extra: Map<String, Value>,
    }
    let mut groups: BTreeMap<(String, String), Group> = BTreeMap::new();
    for a in refs {
        let d = date(a);
        let key = match by {
            GroupBy::Year => (
                d.as_deref()
                    .and_then(|d| d.get(..4))
                    .unwrap_or("unknown")
                    .to_string(),
                String::new(),
            ),
            GroupBy::Document => (d.clone().unwrap_or_default(), a.doc.clone()),
            GroupBy::Instrument => (instrument(a), a.instrument_id.clone().unwrap_or_default()),
            GroupBy::Unit => (instrument(a), unit_sort_key(a)),
        };
        let g = groups.entry(key).or_default();
        g.refs += 1;
        if !g.docs.contains(&a.doc) {
            g.docs.push(a.doc.clone());
        }
        if let Some(d) = d {
            if g.first.as_ref().is_none_or(|f| d < *f) {
                g.first = Some(d.clone());
            }
            if g.last.as_ref().is_none_or(|l| d > *l) {
                g.last = Some(d);
            }
        }
        if g.extra.is_empty() {
            match by {
                GroupBy::Document => {
                    g.extra.insert("doc".into(), json!(a.doc));
                    g.extra.insert(
                        "title".into(),
                        json!(docs.get(&a.doc).and_then(|d| d.title.clone())),
                    );
                }
                GroupBy::Instrument => {
                    g.extra.insert("instrument".into(), json!(instrument(a)));
                    g.extra
                        .insert("instrument_id".into(), json!(a.instrument_id));
                }
                GroupBy::Unit => {
                    g.extra.insert("instrument".into(), json!(instrument(a)));
                    g.extra
                        .insert("instrument_id".into(), json!(a.instrument_id));
                    g.extra.insert("unit".into(), json!(a.unit));
                    g.extra.insert("number".into(), json!(a.number));
                    let head = unit_label(&ArticleRef {
                        paragraph: None,
                        point: None,
                        subpoint: None,
                        ..a.clone()
                    });
                    g.extra.insert("label".into(), json!(head));
                }
                GroupBy::Year => {}
            }
        }
    }
    groups
        .into_iter()
        .map(|((k, _), g)| {
            let mut row = g.extra;
            if by == GroupBy::Year {
                row.insert("year".into(), json!(k));
            }
            if by == GroupBy::Document {
                row.insert("date".into(), json!(g.first));
            }
            row.insert("refs".into(), json!(g.refs));
            row.insert("documents".into(), json!(g.docs.len()));
            row.insert("first".into(), json!(g.first));
            row.insert("last".into(), json!(g.last));
            Value::Object(row)
        })
        .collect()
}

/// Units in a readable order: articles by number (9 before 10), then recitals, then annexes.
fn unit_sort_key(a: &ArticleRef) -> String {
    let rank = match a.unit {
        Unit::Article => 0,
        Unit::Recital => 1,
        Unit::Annex => 2,
    };
    let digits: String = a
        .number
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    format!("{rank}{:>8}{}", digits, a.number)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Span;

    fn r(
        doc: &str,
        id: Option<&str>,
        name: &str,
        number: &str,
        paragraph: Option<&str>,
    ) -> ArticleRef {
        ArticleRef {
            doc: doc.into(),
            instrument_id: id.map(str::to_string),
            instrument: Some(name.into()),
            unit: Unit::Article,
            number: number.into(),
            paragraph: paragraph.map(str::to_string),
            point: None,
            subpoint: None,
            raw: format!("artikel {number}"),
            span: Span::new(0, 10),
            url: None,
            resolved_by: "explicit".into(),
            origin: "text".into(),
            sentence: Some(format!("Zie artikel {number}.")),
            context: None,
        }
    }

    fn doc(id: &str, date: &str) -> (String, DocumentRecord) {
        (
            id.into(),
            DocumentRecord {
                doc: id.into(),
                title: Some(format!("Brief {id}")),
                date: Some(date.into()),
                ..Default::default()
            },
        )
    }

    #[test]
    fn names_abbreviations_and_numbers_become_ids() {
        let reg = Registry::bundled().unwrap();
        assert_eq!(
            instrument_ids(&reg, "AVG").unwrap(),
            vec!["celex:32016R0679"]
        );
        assert_eq!(
            instrument_ids(&reg, "gdpr").unwrap(),
            vec!["celex:32016R0679"]
        );
        assert_eq!(
            instrument_ids(&reg, "Wet politiegegevens").unwrap(),
            vec!["bwb:BWBR0022463"]
        );
        assert_eq!(
            instrument_ids(&reg, "wpg").unwrap(),
            vec!["bwb:BWBR0022463"]
        );
        assert_eq!(
            instrument_ids(&reg, "Richtlijn (EU) 2019/1937").unwrap(),
            vec!["celex:32019L1937"]
        );
        assert_eq!(
            instrument_ids(&reg, "AI-verordening").unwrap(),
            vec!["celex:32024R1689", "celex:52021PC0206"]
        );
        assert_eq!(
            instrument_ids(&reg, "conceptverordening").unwrap(),
            vec!["celex:52021PC0206"]
        );
        // One id per book the registry lists: Boeken 1-8 and 10.
        assert_eq!(instrument_ids(&reg, "BW").unwrap().len(), 9);
        assert!(instrument_ids(&reg, "Wet op de proeven").is_err());
    }

    #[test]
    fn counts_per_year_document_and_unit() {
        let docs: HashMap<_, _> = [doc("kst-1-1", "2020-03-13"), doc("kst-2-2", "2021-10-18")]
            .into_iter()
            .collect();
        let refs = vec![
            r("kst-1-1", Some("celex:32016R0679"), "AVG", "9", Some("1")),
            r("kst-1-1", Some("celex:32016R0679"), "AVG", "9", Some("2")),
            r("kst-2-2", Some("celex:32016R0679"), "AVG", "10", None),
            r("kst-2-2", Some("celex:32016R0679"), "AVG", "9", None),
        ];
        let years = counts(&refs, &docs, GroupBy::Year);
        assert_eq!(years.len(), 2);
        assert_eq!(years[0]["year"], "2020");
        assert_eq!(years[0]["refs"], 2);
        assert_eq!(years[1]["documents"], 1);
        let per_doc = counts(&refs, &docs, GroupBy::Document);
        assert_eq!(per_doc[1]["doc"], "kst-2-2");
        assert_eq!(per_doc[1]["title"], "Brief kst-2-2");
        let units = counts(&refs, &docs, GroupBy::Unit);
        assert_eq!(units[0]["label"], "artikel 9");
        assert_eq!(units[0]["refs"], 3);
        assert_eq!(units[0]["first"], "2020-03-13");
        assert_eq!(units[0]["last"], "2021-10-18");
        assert_eq!(units[1]["label"], "artikel 10");
    }

    #[test]
    fn rows_are_records_with_date_title_and_label() {
        let docs: HashMap<_, _> = [doc("kst-1-1", "2020-03-13")].into_iter().collect();
        let mut a = r("kst-1-1", Some("celex:32016R0679"), "AVG", "9", Some("2"));
        a.point = Some("a".into());
        let rows = rows(&[a], &docs);
        assert_eq!(rows[0]["kind"], "article_ref");
        assert_eq!(rows[0]["date"], "2020-03-13");
        assert_eq!(rows[0]["label"], "artikel 9, lid 2, onder a");
        assert_eq!(rows[0]["sentence"], "Zie artikel 9.");
    }
}
