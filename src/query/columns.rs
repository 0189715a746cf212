//! Counting over the index's fast-field columns, without reading stored documents.
//!
//! `kst stance --summary`, the document list of `kst stance --topic` and `kst graph --top`
//! look at every position or citation in the index; reading and parsing each record's stored
//! JSON made them take seconds at 20,000 letters. The columns they need (`id`, `target`,
//! `topic`, `stance`, `date_int`) are fast fields, read here segment by segment: each
//! segment numbers its own distinct values (ordinals), so counts are kept per ordinal and
//! turned into text once per distinct value.

use crate::error::Result;
use crate::index::{IndexReader, RecordKind, RecordQuery};
use crate::query::timeline::SummaryRow;
use crate::record::Stance;
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, HashMap};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, SegmentReader};

/// A string column of a segment; a segment without any value for it has none.
fn str_column(reader: &IndexReader, seg: &SegmentReader, field: &str) -> Result<Option<StrColumn>> {
    seg.fast_fields().str(field).map_err(|e| reader.err(e))
}

/// The texts of these ordinals of a column, in one pass over its dictionary (looking each up
/// on its own decompresses a dictionary block per value).
fn texts(
    reader: &IndexReader,
    col: &StrColumn,
    ords: impl IntoIterator<Item = u64>,
) -> Result<HashMap<u64, String>> {
    let mut ords: Vec<u64> = ords.into_iter().collect();
    ords.sort_unstable();
    ords.dedup();
    let found = sorted_texts(reader, col, &ords)?;
    Ok(ords.into_iter().zip(found).collect())
}

/// [`texts`] of ordinals given sorted and without repeats, in their order.
fn sorted_texts(reader: &IndexReader, col: &StrColumn, ords: &[u64]) -> Result<Vec<String>> {
    let mut found = Vec::with_capacity(ords.len());
    col.dictionary()
        .sorted_ords_to_term_cb(ords, |bytes| {
            found.push(String::from_utf8_lossy(bytes).into_owned())
        })
        .map_err(|e| reader.err(e))?;
    Ok(found)
}

/// The stance each ordinal of a segment's `stance` column names.
fn stances(reader: &IndexReader, col: &StrColumn) -> Result<Vec<Option<Stance>>> {
    let names = texts(reader, col, 0..col.num_terms() as u64)?;
    Ok((0..col.num_terms() as u64)
        .map(|ord| match names.get(&ord).map(String::as_str) {
            Some("support") => Some(Stance::Support),
            Some("oppose") => Some(Stance::Oppose),
            Some("concern") => Some(Stance::Concern),
            Some("intent") => Some(Stance::Intent),
            _ => None,
        })
        .collect())
}

fn stance_slot(s: Stance) -> usize {
    match s {
        Stance::Support => 0,
        Stance::Oppose => 1,
        Stance::Concern => 2,
        Stance::Intent => 3,
    }
}

/// `YYYYMMDD` → `YYYY-MM-DD`.
pub fn date_text(n: u64) -> String {
    format!("{:04}-{:02}-{:02}", n / 10_000, n / 100 % 100, n % 100)
}

/// The positions `q` selects, per segment with their columns.
struct PositionColumns {
    segment: u32,
    docs: Vec<DocId>,
    stance: Option<StrColumn>,
    stances: Vec<Option<Stance>>,
    date: tantivy::columnar::Column<u64>,
}

fn position_columns(reader: &IndexReader, q: &RecordQuery) -> Result<Vec<PositionColumns>> {
    let q = RecordQuery {
        kind: Some(RecordKind::Position),
        limit: None,
        ..q.clone()
    };
    let mut out = Vec::new();
    for (segment, docs) in reader.matching(&reader.record_query(&q))? {
        if docs.is_empty() {
            continue;
        }
        let seg = reader.searcher().segment_reader(segment);
        let stance = str_column(reader, seg, "stance")?;
        let stances = match &stance {
            Some(col) => stances(reader, col)?,
            None => Vec::new(),
        };
        let date = seg
            .fast_fields()
            .u64("date_int")
            .map_err(|e| reader.err(e))?;
        out.push(PositionColumns {
            segment,
            docs,
            stance,
            stances,
            date,
        });
    }
    Ok(out)
}

impl PositionColumns {
    fn stance(&self, doc: DocId) -> Option<Stance> {
        let col = self.stance.as_ref()?;
        let ord = col.term_ords(doc).next()?;
        self.stances.get(ord as usize).copied().flatten()
    }
}

/// `kst stance --summary` over the index: counts per topic and year of the positions `q`
/// selects (a position counts once under each of its topics, or only under `topic`).
pub fn stance_summary(
    reader: &IndexReader,
    q: &RecordQuery,
    topic: Option<&str>,
) -> Result<Vec<SummaryRow>> {
    let mut rows: BTreeMap<(String, String), SummaryRow> = BTreeMap::new();
    for part in position_columns(reader, q)? {
        let seg = reader.searcher().segment_reader(part.segment);
        let Some(topics) = str_column(reader, seg, "topic")? else {
            continue;
        };
        // (topic ordinal, year or 0) → support, oppose, concern, intent.
        // An Fx map: SipHash over these small keys was most of `--summary` (profiled).
        let mut counts: FxHashMap<(u64, u64), [usize; 4]> = FxHashMap::default();
        for &doc in &part.docs {
            let Some(stance) = part.stance(doc) else {
                continue;
            };
            let year = part.date.first(doc).map_or(0, |d| d / 10_000);
            for t in topics.term_ords(doc) {
                counts.entry((t, year)).or_default()[stance_slot(stance)] += 1;
            }
        }
        let names = texts(reader, &topics, counts.keys().map(|(t, _)| *t))?;
        for ((t, year), c) in counts {
            let Some(name) = names.get(&t) else { continue };
            if topic.is_some_and(|x| x != name) {
                continue;
            }
            let year = if year == 0 {
                "onbekend".to_string()
            } else {
                format!("{year:04}")
            };
            let row = rows
                .entry((name.clone(), year.clone()))
                .or_insert_with(|| SummaryRow {
                    topic: name.clone(),
                    year,
                    ..Default::default()
                });
            row.support += c[0];
            row.oppose += c[1];
            row.concern += c[2];
            row.intent += c[3];
            row.total += c.iter().sum::<usize>();
        }
    }
    Ok(rows.into_values().collect())
}

/// A document of a stance timeline, counted from the columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentCount {
    pub doc: String,
    /// `YYYYMMDD` of the document.
    pub date: Option<u64>,
    /// support, oppose, concern, intent.
    pub stances: [usize; 4],
}

impl DocumentCount {
    pub fn total(&self) -> usize {
        self.stances.iter().sum()
    }
}

/// The documents holding the positions `q` selects, with counts per stance, in (date,
/// document id) order: the timeline's outline, for showing part of it.
pub fn position_documents(reader: &IndexReader, q: &RecordQuery) -> Result<Vec<DocumentCount>> {
    let mut by_doc: FxHashMap<String, DocumentCount> = FxHashMap::default();
    for part in position_columns(reader, q)? {
        let seg = reader.searcher().segment_reader(part.segment);
        let Some(ids) = str_column(reader, seg, "id")? else {
            continue;
        };
        // Indexed by the segment's id ordinal: ordinals are dense, and a topic touches most papers.
        let mut counts: Vec<Option<(Option<u64>, [usize; 4])>> = vec![None; ids.num_terms()];
        for &doc in &part.docs {
            let (Some(stance), Some(id)) = (part.stance(doc), ids.term_ords(doc).next()) else {
                continue;
            };
            if let Some(slot) = counts.get_mut(id as usize) {
                let entry = slot.get_or_insert((part.date.first(doc), [0; 4]));
                entry.1[stance_slot(stance)] += 1;
            }
        }
        let used = counts
            .iter()
            .enumerate()
            .filter(|(_, c)| c.is_some())
            .map(|(ord, _)| ord as u64);
        let names = texts(reader, &ids, used)?;
        for (id, count) in counts.into_iter().enumerate() {
            let (Some((date, stances)), Some(doc)) = (count, names.get(&(id as u64))) else {
                continue;
            };
            let entry = by_doc.entry(doc.clone()).or_insert(DocumentCount {
                doc: doc.clone(),
                date,
                stances: [0; 4],
            });
            for (a, b) in entry.stances.iter_mut().zip(stances) {
                *a += b;
            }
        }
    }
    let mut out: Vec<DocumentCount> = by_doc.into_values().collect();
    out.sort_by(|a, b| (a.date, &a.doc).cmp(&(b.date, &b.doc)));
    Ok(out)
}

/// How often a paper is cited: by how many papers, and how many times in all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CitedCount {
    pub citing: usize,
    pub occurrences: usize,
}

/// Every cited paper with its counts: what `kst graph --top` ranks. The writer adds a paper
/// with its records as one batch, which tantivy puts in one segment (and merges keep together),
/// so the papers citing a target are counted per segment on ordinals and the counts summed
/// over segments by the target's text.
pub fn citation_counts(reader: &IndexReader) -> Result<FxHashMap<String, CitedCount>> {
    let mut counts: FxHashMap<String, CitedCount> = FxHashMap::default();
    let q = RecordQuery {
        kind: Some(RecordKind::Citation),
        ..Default::default()
    };
    for (segment, docs) in reader.matching(&reader.record_query(&q))? {
        if docs.is_empty() {
            continue;
        }
        let seg = reader.searcher().segment_reader(segment);
        let (Some(ids), Some(targets)) = (
            str_column(reader, seg, "id")?,
            str_column(reader, seg, "target")?,
        ) else {
            continue;
        };
        // (target, citing paper) per citation, sorted: runs of a target, within them runs of
        // a citing paper. Sorting beats hashing here (profiled: hashing was most of `--top`).
        let mut pairs: Vec<(u64, u64)> = docs
            .iter()
            .filter_map(|&doc| Some((targets.term_ords(doc).next()?, ids.term_ords(doc).next()?)))
            .collect();
        pairs.sort_unstable();
        let mut local: Vec<(u64, CitedCount)> = Vec::new();
        for (i, &(t, s)) in pairs.iter().enumerate() {
            let new_citer = i == 0 || pairs[i - 1] != (t, s);
            match local.last_mut() {
                Some((last, c)) if *last == t => {
                    c.occurrences += 1;
                    c.citing += usize::from(new_citer);
                }
                _ => local.push((
                    t,
                    CitedCount {
                        citing: 1,
                        occurrences: 1,
                    },
                )),
            }
        }
        // `local` is in ordinal order, one entry per target: its texts come in that order.
        let ords: Vec<u64> = local.iter().map(|(t, _)| *t).collect();
        let names = sorted_texts(reader, &targets, &ords)?;
        counts.reserve(local.len());
        for ((_, c), name) in local.into_iter().zip(names) {
            let total = counts.entry(name).or_default();
            total.citing += c.citing;
            total.occurrences += c.occurrences;
        }
    }
    Ok(counts)
}
