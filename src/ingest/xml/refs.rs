//! The publisher's links (`extref`) as records: citations of papers and references to
//! articles of laws, with `origin: "markup"`.
//!
//! The `doc` attribute names the target in one of a few forms: a publication id
//! (`kst-32545-143`, `stb-2020-118`, `ah-tk-20202021-3235`), a platform URL ending in one, a
//! BWB "juriconnect" reference (`jci1.3:c:BWBR0011468&artikel=8&lid=2`), a wetten.overheid.nl
//! URL, or an EUR-Lex URL with a CELEX number. Links to anything else (an ordinary web page)
//! are not papers and give no record. Where the text rules already found the same reference
//! at the same place, the text record stands and the markup one is not added twice.

use super::MarkupLink;
use crate::normalize::NormDoc;
use crate::record::{ArticleRef, Citation, Record, Span, TargetKind, Unit};
use regex::Regex;
use std::sync::LazyLock;

/// What a link points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Paper {
        id: String,
        kind: TargetKind,
    },
    Article {
        bwb: String,
        number: String,
        paragraph: Option<String>,
        point: Option<String>,
        url: String,
    },
}

static PUBLICATION_ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(kst|ah-tk|ah-ek|h-tk|h-ek|kv-tk|kv-ek|stb|stcrt|blg|trb|gmb|prb|wsb|bgr)-[0-9A-Za-z-]+$").expect("valid regex")
});
static CELEX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)CELEX(?::|%3A)([0-9A-Z()]+)").expect("valid regex"));
static BWB: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(BWBR\d{7})").expect("valid regex"));
static JCI_PARAM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[&?](artikel|lid|onderdeel|sub)=([^&#]+)").expect("valid regex"));
static URL_ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)Artikel([0-9]+[a-z]*)").expect("valid regex"));

/// Lower-case the series prefix of a publication id ("KST-", "Ah-Tk-") but keep the rest as
/// written: a roman chapter or letter number ("kst-36600-VII-1", "kst-32813-AO", "kv-tk-2024Z16676").
fn canonical_id(id: &str) -> String {
    let mut in_prefix = true;
    id.split('-')
        .map(|part| {
            in_prefix &= part.chars().all(|c| c.is_ascii_alphabetic());
            if in_prefix {
                part.to_ascii_lowercase()
            } else {
                part.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// Classify the `doc` attribute of a link.
pub fn target(doc: &str) -> Option<Target> {
    let doc = doc.trim();
    if let Some(bwb) = BWB.captures(doc).map(|c| c[1].to_string()) {
        let param = |name: &str| {
            JCI_PARAM
                .captures_iter(doc)
                .find(|c| c[1].eq_ignore_ascii_case(name))
                .map(|c| c[2].trim().to_string())
        };
        let number =
            param("artikel").or_else(|| URL_ARTICLE.captures(doc).map(|c| c[1].to_string()))?;
        let url = if doc.starts_with("http") {
            doc.to_string()
        } else {
            format!("https://wetten.overheid.nl/{doc}")
        };
        return Some(Target::Article {
            bwb,
            number,
            paragraph: param("lid"),
            point: param("onderdeel").or_else(|| param("sub")),
            url,
        });
    }
    if let Some(c) = CELEX.captures(doc) {
        return Some(Target::Paper {
            id: format!("celex:{}", &c[1]),
            kind: TargetKind::Eu,
        });
    }
    let last = if doc.starts_with("http") {
        if !doc.contains("officielebekendmakingen.nl") && !doc.contains("overheid.nl") {
            return None;
        }
        let path = doc.split(['?', '#']).next().unwrap_or("");
        let seg = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
        seg.trim_end_matches(".html")
            .trim_end_matches(".pdf")
            .trim_end_matches(".xml")
            .to_string()
    } else {
        doc.to_string()
    };
    if PUBLICATION_ID.is_match(&last) {
        let id = canonical_id(&last);
        let kind = crate::extract::citation::ids::kind_of_id(&id);
        return Some(Target::Paper { id, kind });
    }
    None
}

/// Where the link's words stand in the normalized text: in its footnote, or in the body at or
/// after the previous link.
fn locate(norm: &NormDoc, link: &MarkupLink, cursor: &mut usize) -> Option<Span> {
    if link.text.is_empty() {
        return None;
    }
    if let Some(marker) = &link.footnote {
        let note = norm.footnotes.iter().find(|f| f.marker == *marker)?;
        let at = norm.slice(note.span).find(&link.text)?;
        return Some(Span::new(
            note.span.start + at,
            note.span.start + at + link.text.len(),
        ));
    }
    let body = norm.body();
    let from = (*cursor).min(body.len());
    let at = body
        .get(from..)
        .and_then(|rest| rest.find(&link.text))
        .map(|i| i + from)
        .or_else(|| body.find(&link.text))?;
    *cursor = at + link.text.len();
    Some(Span::new(at, at + link.text.len()))
}

/// Records for the links of one document.
pub fn records(links: &[MarkupLink], doc: &str, norm: &NormDoc) -> Vec<Record> {
    let mut out = Vec::new();
    let mut cursor = 0;
    for link in links {
        let Some(target) = target(&link.doc) else {
            continue;
        };
        let Some(span) = locate(norm, link, &mut cursor) else {
            continue;
        };
        let footnote = link.footnote.clone();
        let context = footnote
            .as_ref()
            .and_then(|m| norm.footnotes.iter().find(|f| f.marker == *m))
            .and_then(|f| norm.footnote_context(f))
            .map(str::to_string);
        match target {
            Target::Paper { id, kind } => out.push(Record::Citation(Citation {
                doc: doc.to_string(),
                target: id,
                target_kind: kind,
                raw: link.text.clone(),
                pinpoint: None,
                in_corpus: false,
                span,
                footnote,
                context,
                origin: "markup".to_string(),
            })),
            Target::Article {
                bwb,
                number,
                paragraph,
                point,
                url,
            } => out.push(Record::ArticleRef(ArticleRef {
                doc: doc.to_string(),
                instrument_id: Some(format!("bwb:{bwb}")),
                instrument: None,
                unit: Unit::Article,
                number,
                paragraph,
                point,
                subpoint: None,
                raw: link.text.clone(),
                span,
                url: Some(url),
                resolved_by: "markup".to_string(),
                origin: "markup".to_string(),
                sentence: None,
                context: None,
            })),
        }
    }
    out
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// Add the markup records the text rules did not find at the same place.
pub fn merge(records: &mut Vec<Record>, markup: Vec<Record>) {
    for m in markup {
        // The publisher's link knows the instrument: a text record of the same article at the
        // same place takes its id (the text rules may have left it null or guessed from
        // context) instead of standing beside a duplicate.
        if let Record::ArticleRef(k) = &m {
            let mut found = false;
            for r in records.iter_mut() {
                if let Record::ArticleRef(t) = r {
                    if t.number == k.number && overlaps(t.span, k.span) {
                        found = true;
                        if t.instrument_id != k.instrument_id {
                            t.instrument_id = k.instrument_id.clone();
                            t.url = k.url.clone();
                            t.resolved_by = k.resolved_by.clone();
                        }
                    }
                }
            }
            if !found {
                records.push(m);
            }
            continue;
        }
        let known = records.iter().any(|r| match (r, &m) {
            (Record::Citation(t), Record::Citation(k)) => {
                t.target == k.target && overlaps(t.span, k.span)
            }
            _ => false,
        });
        if !known {
            records.push(m);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_markup_link_gives_its_id_to_the_text_record_at_its_place() {
        let r = |id: Option<&str>, by: &str, start: usize| {
            Record::ArticleRef(ArticleRef {
                doc: "d".into(),
                instrument_id: id.map(str::to_string),
                instrument: None,
                unit: Unit::Article,
                number: "4:24".into(),
                paragraph: Some("1".into()),
                point: None,
                subpoint: None,
                raw: "artikel 4:24".into(),
                span: Span::new(start, start + 12),
                url: None,
                resolved_by: by.into(),
                origin: "text".into(),
                sentence: None,
                context: None,
            })
        };
        let mut records = vec![r(None, "explicit", 10)];
        merge(
            &mut records,
            vec![
                r(Some("bwb:BWBR0020368"), "markup", 10),
                r(Some("bwb:BWBR0020368"), "markup", 90),
            ],
        );
        assert_eq!(records.len(), 2, "{records:?}");
        let Record::ArticleRef(first) = &records[0] else {
            panic!()
        };
        assert_eq!(first.instrument_id.as_deref(), Some("bwb:BWBR0020368"));
        assert_eq!(first.resolved_by, "markup");
    }

    #[test]
    fn link_targets_in_their_forms() {
        let paper = |id: &str, kind| {
            Some(Target::Paper {
                id: id.to_string(),
                kind,
            })
        };
        let cases: Vec<(&str, Option<Target>)> = vec![
            (
                "stb-2020-118",
                paper("stb-2020-118", TargetKind::Staatsblad),
            ),
            (
                "kst-32545-143",
                paper("kst-32545-143", TargetKind::Kamerstuk),
            ),
            (
                "kst-36600-VII-1",
                paper("kst-36600-VII-1", TargetKind::Kamerstuk),
            ),
            (
                "ah-tk-20202021-3235",
                paper("ah-tk-20202021-3235", TargetKind::Aanhangsel),
            ),
            (
                "h-tk-20182019-97-36",
                paper("h-tk-20182019-97-36", TargetKind::Handelingen),
            ),
            (
                "stcrt-2019-64418",
                paper("stcrt-2019-64418", TargetKind::Staatscourant),
            ),
            (
                "https://zoek.officielebekendmakingen.nl/kst-32761-198.html",
                paper("kst-32761-198", TargetKind::Kamerstuk),
            ),
            (
                "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679",
                paper("celex:32016R0679", TargetKind::Eu),
            ),
            (
                "jci1.3:c:BWBR0011468&artikel=8&lid=2",
                Some(Target::Article {
                    bwb: "BWBR0011468".into(),
                    number: "8".into(),
                    paragraph: Some("2".into()),
                    point: None,
                    url: "https://wetten.overheid.nl/jci1.3:c:BWBR0011468&artikel=8&lid=2".into(),
                }),
            ),
            // Near misses: a law without an article, an ordinary web page.
            ("BWBR0011468", None),
            ("https://www.rijksoverheid.nl/documenten/rapporten", None),
        ];
        for (doc, expected) in cases {
            assert_eq!(target(doc), expected, "{doc}");
        }
    }
}
