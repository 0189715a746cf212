//! The stance timeline: positions on a topic, document by document, and what changed between
//! consecutive documents.
//!
//! Pure functions over records, so the logic is tested without an index: the `stance`
//! command reads positions (from the index or straight from files) and hands them here.
//!
//! The diff follows `spec/positions-approach.md`: positions are compared by their normalised
//! target. A position whose (target, stance) the previous document did not hold *appeared*;
//! one the next document no longer holds *disappeared*; a *flip* is the opposite polarity
//! (support ↔ oppose) on the same target in consecutive documents. A narrower or wider
//! target is a change (appeared + disappeared), not a flip.

use crate::record::{DocumentRecord, Position, Stance};
use serde::Serialize;
use std::collections::BTreeMap;

/// Words that carry no meaning for comparing targets.
const STOPWORDS: &[&str] = &[
    "aan", "al", "als", "bij", "dan", "dat", "de", "deze", "die", "dit", "door", "een", "en", "er",
    "geen", "het", "hun", "in", "is", "kan", "kunnen", "met", "naar", "niet", "of", "om", "ook",
    "op", "over", "te", "tot", "uit", "van", "voor", "wel", "wordt", "worden", "zal", "zijn", "zo",
];

/// A document of the timeline with its positions in text order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    pub doc: String,
    pub date: Option<String>,
    pub title: Option<String>,
    /// "Name (role)" of the first signatory.
    pub signatory: Option<String>,
    pub positions: Vec<Position>,
}

/// What changed from one document to the next.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub from_doc: String,
    pub to_doc: String,
    pub appeared: Vec<Position>,
    pub disappeared: Vec<Position>,
    /// (before, after): opposite polarity on the same target.
    pub flipped: Vec<(Position, Position)>,
}

/// One line of `kst stance --summary`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SummaryRow {
    pub topic: String,
    pub year: String,
    pub support: usize,
    pub oppose: usize,
    pub concern: usize,
    pub intent: usize,
    pub total: usize,
}

/// Positions whose topics include `topic` (all when `None`) and whose date lies within
/// `[from, to]` (`YYYY-MM-DD`, inclusive; undated positions only when no bound is given).
pub fn select<'a>(
    positions: &'a [Position],
    topic: Option<&str>,
    from: Option<&str>,
    to: Option<&str>,
) -> Vec<&'a Position> {
    positions
        .iter()
        .filter(|p| topic.is_none_or(|t| p.topics.iter().any(|x| x == t)))
        .filter(|p| match (p.date.as_deref(), from, to) {
            (_, None, None) => true,
            (None, _, _) => false,
            (Some(d), f, t) => f.is_none_or(|f| d >= f) && t.is_none_or(|t| d <= t),
        })
        .collect()
}

/// Group positions per document, in (date, document id) order; positions keep text order.
pub fn group(positions: &[&Position], docs: &[DocumentRecord]) -> Vec<Group> {
    let mut by_doc: BTreeMap<(Option<String>, String), Vec<Position>> = BTreeMap::new();
    for p in positions {
        by_doc
            .entry((p.date.clone(), p.doc.clone()))
            .or_default()
            .push((*p).clone());
    }
    by_doc
        .into_iter()
        .map(|((date, doc), mut positions)| {
            positions.sort_by_key(|p| p.span.start);
            let meta = docs.iter().find(|d| d.doc == doc);
            Group {
                date: date.or_else(|| meta.and_then(|m| m.date.clone())),
                title: meta.and_then(|m| m.title.clone()),
                signatory: meta.and_then(|m| m.signatories.first()).map(|s| {
                    if s.role.is_empty() {
                        s.name.clone()
                    } else {
                        format!("{} ({})", s.name, s.role)
                    }
                }),
                doc,
                positions,
            }
        })
        .collect()
}

/// The comparable form of a target: content words, lower-cased, crudely stemmed, in order.
pub fn normalise_target(target: &str) -> String {
    target
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .map(str::to_lowercase)
        .filter(|w| !w.is_empty() && !STOPWORDS.contains(&w.as_str()))
        .map(|w| stem(&w))
        .collect::<Vec<_>>()
        .join(" ")
}

fn stem(w: &str) -> String {
    let n = w.chars().count();
    for suffix in ["en", "e", "s"] {
        if n > suffix.len() + 3 {
            if let Some(s) = w.strip_suffix(suffix) {
                return s.to_string();
            }
        }
    }
    w.to_string()
}

/// Whether two normalised targets name the same thing: the same content words (order free).
pub fn same_target(a: &str, b: &str) -> bool {
    fn set(s: &str) -> Vec<&str> {
        let mut v: Vec<&str> = s.split_whitespace().collect();
        v.sort_unstable();
        v.dedup();
        v
    }
    let (a, b) = (set(a), set(b));
    !a.is_empty() && a == b
}

/// +1 support, -1 oppose, 0 otherwise (concern and intent have no polarity to flip).
pub fn polarity(s: Stance) -> i8 {
    match s {
        Stance::Support => 1,
        Stance::Oppose => -1,
        Stance::Concern | Stance::Intent => 0,
    }
}

/// What changed from `prev` to `next`.
pub fn diff(prev: &Group, next: &Group) -> Change {
    let key = |p: &Position| normalise_target(&p.target);
    let mut flipped = Vec::new();
    let mut flipped_prev = vec![false; prev.positions.len()];
    let mut flipped_next = vec![false; next.positions.len()];
    for (i, a) in prev.positions.iter().enumerate() {
        for (j, b) in next.positions.iter().enumerate() {
            if !flipped_next[j]
                && polarity(a.stance) * polarity(b.stance) == -1
                && same_target(&key(a), &key(b))
            {
                flipped.push((a.clone(), b.clone()));
                flipped_prev[i] = true;
                flipped_next[j] = true;
                break;
            }
        }
    }
    let held = |p: &Position, other: &[Position]| {
        other
            .iter()
            .any(|o| o.stance == p.stance && same_target(&key(p), &key(o)))
    };
    let appeared = next
        .positions
        .iter()
        .enumerate()
        .filter(|(j, p)| !flipped_next[*j] && !held(p, &prev.positions))
        .map(|(_, p)| p.clone())
        .collect();
    let disappeared = prev
        .positions
        .iter()
        .enumerate()
        .filter(|(i, p)| !flipped_prev[*i] && !held(p, &next.positions))
        .map(|(_, p)| p.clone())
        .collect();
    Change {
        from_doc: prev.doc.clone(),
        to_doc: next.doc.clone(),
        appeared,
        disappeared,
        flipped,
    }
}

/// The changes between each pair of consecutive groups.
pub fn changes(groups: &[Group]) -> Vec<Change> {
    groups.windows(2).map(|w| diff(&w[0], &w[1])).collect()
}

/// Counts per topic and year (a position counts once under each of its topics).
pub fn summary(positions: &[&Position], topic: Option<&str>) -> Vec<SummaryRow> {
    let mut rows: BTreeMap<(String, String), SummaryRow> = BTreeMap::new();
    for p in positions {
        let year = p
            .date
            .as_deref()
            .and_then(|d| d.get(..4))
            .unwrap_or("onbekend")
            .to_string();
        for t in &p.topics {
            if topic.is_some_and(|x| x != t) {
                continue;
            }
            let row = rows
                .entry((t.clone(), year.clone()))
                .or_insert_with(|| SummaryRow {
                    topic: t.clone(),
                    year: year.clone(),
                    ..Default::default()
                });
            match p.stance {
                Stance::Support => row.support += 1,
                Stance::Oppose => row.oppose += 1,
                Stance::Concern => row.concern += 1,
                Stance::Intent => row.intent += 1,
            }
            row.total += 1;
        }
    }
    rows.into_values().collect()
}

/// Who speaks, for display: "ik" and "wij" are the letter's signatory.
pub fn speaker(p: &Position, signatory: Option<&str>) -> String {
    match (p.actor.as_str(), signatory) {
        ("ik" | "wij", Some(s)) => format!("{} ({s})", p.actor),
        _ => p.actor.clone(),
    }
}

/// The marks of a position for display: "H" hedged, "C" conditional.
pub fn marks(p: &Position) -> String {
    let mut m = String::new();
    if p.hedged {
        m.push('H');
    }
    if p.conditional {
        m.push('C');
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Signatory, Span};

    fn pos(
        doc: &str,
        date: &str,
        stance: Stance,
        target: &str,
        topics: &[&str],
        at: usize,
    ) -> Position {
        Position {
            doc: doc.into(),
            actor: "het kabinet".into(),
            stance,
            cue: "cue".into(),
            target: target.into(),
            topics: topics.iter().map(|t| t.to_string()).collect(),
            topic_sources: vec![],
            hedged: false,
            conditional: false,
            sentence: format!("{target}."),
            span: Span::new(at, at + 10),
            date: Some(date.into()),
            rule: "r".into(),
        }
    }

    fn doc(id: &str, date: &str) -> DocumentRecord {
        DocumentRecord {
            doc: id.into(),
            title: Some(format!("Brief {id}")),
            date: Some(date.into()),
            signatories: vec![Signatory {
                name: "S. Dekker".into(),
                role: "Minister voor Rechtsbescherming".into(),
            }],
            ..Default::default()
        }
    }

    fn sample() -> Vec<Position> {
        vec![
            pos(
                "kst-b",
                "2021-10-18",
                Stance::Oppose,
                "de voorgestelde absolute verboden",
                &["gezichtsherkenning", "verbod"],
                50,
            ),
            pos(
                "kst-a",
                "2020-03-13",
                Stance::Intent,
                "onderzoek naar gezichtsherkenning",
                &["gezichtsherkenning"],
                10,
            ),
            pos(
                "kst-b",
                "2021-10-18",
                Stance::Support,
                "strenge regels",
                &["gezichtsherkenning"],
                10,
            ),
            pos(
                "kst-c",
                "2024-10-09",
                Stance::Support,
                "strenge regels",
                &["gezichtsherkenning"],
                5,
            ),
            pos(
                "kst-c",
                "2024-10-09",
                Stance::Support,
                "absolute verboden voorgestelde",
                &["verbod"],
                80,
            ),
            pos(
                "kst-x",
                "2019-01-01",
                Stance::Concern,
                "iets anders",
                &["avg"],
                1,
            ),
        ]
    }

    #[test]
    fn select_filters_on_topic_and_dates() {
        let all = sample();
        assert_eq!(
            select(&all, Some("gezichtsherkenning"), None, None).len(),
            4
        );
        let within = select(
            &all,
            Some("gezichtsherkenning"),
            Some("2021-01-01"),
            Some("2021-12-31"),
        );
        assert_eq!(within.len(), 2);
        assert!(within.iter().all(|p| p.doc == "kst-b"));
        assert_eq!(select(&all, None, Some("2024-01-01"), None).len(), 2);
    }

    #[test]
    fn groups_are_in_date_order_with_positions_in_text_order() {
        let all = sample();
        let chosen = select(&all, Some("gezichtsherkenning"), None, None);
        let groups = group(&chosen, &[doc("kst-b", "2021-10-18")]);
        let ids: Vec<&str> = groups.iter().map(|g| g.doc.as_str()).collect();
        assert_eq!(ids, vec!["kst-a", "kst-b", "kst-c"]);
        assert_eq!(groups[1].positions[0].target, "strenge regels");
        assert_eq!(groups[1].title.as_deref(), Some("Brief kst-b"));
        assert_eq!(
            groups[1].signatory.as_deref(),
            Some("S. Dekker (Minister voor Rechtsbescherming)")
        );
        assert_eq!(groups[0].title, None);
    }

    #[test]
    fn a_flip_is_opposite_polarity_on_the_same_target() {
        let all = sample();
        let chosen: Vec<&Position> = all
            .iter()
            .filter(|p| p.doc == "kst-b" || p.doc == "kst-c")
            .collect();
        let groups = group(&chosen, &[]);
        let change = diff(&groups[0], &groups[1]);
        assert_eq!(change.flipped.len(), 1, "{change:?}");
        assert_eq!(change.flipped[0].0.stance, Stance::Oppose);
        assert_eq!(change.flipped[0].1.stance, Stance::Support);
        // "strenge regels" is held in both: neither appeared nor disappeared.
        assert!(change.appeared.is_empty(), "{:?}", change.appeared);
        assert!(change.disappeared.is_empty(), "{:?}", change.disappeared);
    }

    #[test]
    fn a_narrower_target_is_a_change_not_a_flip() {
        let a = Group {
            doc: "a".into(),
            date: None,
            title: None,
            signatory: None,
            positions: vec![pos(
                "a",
                "2021-01-01",
                Stance::Oppose,
                "absolute verboden",
                &[],
                1,
            )],
        };
        let b = Group {
            doc: "b".into(),
            date: None,
            title: None,
            signatory: None,
            positions: vec![pos(
                "b",
                "2022-01-01",
                Stance::Support,
                "absolute verboden op emotieherkenning",
                &[],
                1,
            )],
        };
        let c = diff(&a, &b);
        assert!(c.flipped.is_empty());
        assert_eq!(c.appeared.len(), 1);
        assert_eq!(c.disappeared.len(), 1);
    }

    #[test]
    fn targets_compare_without_function_words_and_plural_endings() {
        assert_eq!(
            normalise_target("van het invoeren van de voorgestelde verboden"),
            normalise_target("invoeren voorgestelde verbod")
        );
        assert!(same_target(
            &normalise_target("strenge regels"),
            &normalise_target("de strenge regel")
        ));
        assert!(!same_target("", ""));
    }

    #[test]
    fn summary_counts_per_topic_and_year() {
        let all = sample();
        let chosen: Vec<&Position> = all.iter().collect();
        let rows = summary(&chosen, None);
        let fr2021 = rows
            .iter()
            .find(|r| r.topic == "gezichtsherkenning" && r.year == "2021")
            .expect("row");
        assert_eq!(
            (
                fr2021.support,
                fr2021.oppose,
                fr2021.concern,
                fr2021.intent,
                fr2021.total
            ),
            (1, 1, 0, 0, 2)
        );
        let verbod2024 = rows
            .iter()
            .find(|r| r.topic == "verbod" && r.year == "2024")
            .expect("row");
        assert_eq!(verbod2024.support, 1);
        assert_eq!(summary(&chosen, Some("avg")).len(), 1);
    }

    #[test]
    fn ik_is_the_signatory() {
        let mut p = pos("a", "2024-01-01", Stance::Intent, "x", &[], 1);
        assert_eq!(speaker(&p, Some("T.H.D. Struycken")), "het kabinet");
        p.actor = "ik".into();
        assert_eq!(
            speaker(&p, Some("T.H.D. Struycken")),
            "ik (T.H.D. Struycken)"
        );
        assert_eq!(speaker(&p, None), "ik");
    }

    #[test]
    fn changes_pair_consecutive_documents() {
        let all = sample();
        let chosen = select(&all, Some("gezichtsherkenning"), None, None);
        let groups = group(&chosen, &[]);
        let ch = changes(&groups);
        assert_eq!(ch.len(), 2);
        assert_eq!(
            (ch[0].from_doc.as_str(), ch[0].to_doc.as_str()),
            ("kst-a", "kst-b")
        );
        assert_eq!(ch[0].disappeared.len(), 1);
        assert_eq!(ch[0].appeared.len(), 2);
    }
}
