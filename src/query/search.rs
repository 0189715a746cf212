//! Full-text search: a query in tantivy's syntax (words, "phrases", AND/OR/NOT, prefix*),
//! over the Dutch-analyzed text and the compound parts, filtered by date, dossier, type and
//! signatory, ranked by BM25 with exact words weighing more than compound parts.

use crate::error::{Error, Result};
use crate::index::IndexReader;
use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, RegexQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::snippet::{Snippet, SnippetGenerator};
use tantivy::{TantivyDocument, Term};

/// How much more an exact word counts than the same word found inside a compound.
const BODY_BOOST: f32 = 2.0;
const TITLE_BOOST: f32 = 1.5;
const SNIPPET_CHARS: usize = 220;

#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    pub query: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub dossier: Option<String>,
    pub doc_type: Option<String>,
    pub signatory: Option<String>,
    pub limit: usize,
    /// Match words within one edit of the query's words.
    pub fuzzy: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub doc: String,
    pub score: f32,
    pub date: Option<String>,
    pub title: Option<String>,
    /// The best passage, with matches between `**`.
    pub snippet: String,
    /// Byte ranges of the matches in the normalized text.
    pub highlights: Vec<[usize; 2]>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchResult {
    pub total: usize,
    pub hits: Vec<Hit>,
}

pub fn search(reader: &IndexReader, req: &SearchRequest) -> Result<SearchResult> {
    let f = reader.fields();
    let mut parser = QueryParser::new(
        reader.index().schema(),
        vec![f.body, f.parts, f.title],
        crate::index::query_tokenizers(),
    );
    parser.set_conjunction_by_default();
    parser.set_field_boost(f.body, BODY_BOOST);
    parser.set_field_boost(f.title, TITLE_BOOST);
    if req.fuzzy {
        parser.set_field_fuzzy(f.body, false, 1, true);
        parser.set_field_fuzzy(f.title, false, 1, true);
    }
    let (rest, prefixes) = split_prefix_terms(&req.query);
    let query_error = |e: &dyn std::fmt::Display| Error::Query {
        query: req.query.clone(),
        reason: e.to_string(),
    };
    let mut text_clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if !rest.trim().is_empty() {
        let parsed = parser.parse_query(&rest).map_err(|e| query_error(&e))?;
        text_clauses.push((Occur::Must, parsed));
    }
    for prefix in &prefixes {
        // Stems are not prefixes of each other's words, so a prefix is matched against the
        // folded start of the indexed terms, in the text and in compound parts.
        let pattern = format!("{}.*", regex_escape(&crate::index::analyzer::fold(prefix)));
        let mut fields: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for field in [f.body, f.parts, f.title] {
            let q = RegexQuery::from_pattern(&pattern, field).map_err(|e| query_error(&e))?;
            fields.push((Occur::Should, Box::new(q)));
        }
        text_clauses.push((Occur::Must, Box::new(BooleanQuery::new(fields))));
    }
    let text_query: Box<dyn Query> = match text_clauses.len() {
        0 => return Err(query_error(&"the query has no words")),
        1 => text_clauses.remove(0).1,
        _ => Box::new(BooleanQuery::new(text_clauses)),
    };

    let term = |field, value: &str| -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, value),
            IndexRecordOption::Basic,
        ))
    };
    // Only papers hold text (records have no body, parts or title), so the text query
    // selects papers without a `kind` clause to intersect with.
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text_query.box_clone())];
    if let Some(range) = reader.date_filter(req.from.as_deref(), req.to.as_deref()) {
        clauses.push((Occur::Must, range));
    }
    if let Some(d) = &req.dossier {
        clauses.push((Occur::Must, term(f.dossier, &d.replace(' ', ""))));
    }
    if let Some(t) = &req.doc_type {
        clauses.push((Occur::Must, term(f.doc_type, &t.to_lowercase())));
    }
    if let Some(s) = &req.signatory {
        for word in s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            clauses.push((Occur::Must, term(f.signatory, &word.to_lowercase())));
        }
    }
    let query = BooleanQuery::new(clauses);
    let searcher = reader.searcher();
    let (top, total) = searcher
        .search(
            &query,
            &(
                TopDocs::with_limit(req.limit.max(1)).order_by_score(),
                tantivy::collector::Count,
            ),
        )
        .map_err(|e| reader.err(e))?;

    let mut body_snippets =
        SnippetGenerator::create(searcher, &*text_query, f.body).map_err(|e| reader.err(e))?;
    body_snippets.set_max_num_chars(SNIPPET_CHARS);
    let mut part_snippets =
        SnippetGenerator::create(searcher, &*text_query, f.parts).map_err(|e| reader.err(e))?;
    part_snippets.set_max_num_chars(SNIPPET_CHARS);

    let mut hits = Vec::with_capacity(top.len());
    for (score, addr) in top {
        let doc: TantivyDocument = searcher.doc(addr).map_err(|e| reader.err(e))?;
        let get = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let text = get(f.body).unwrap_or_default();
        let mut snippet = body_snippets.snippet(&text);
        if snippet.highlighted().is_empty() {
            let from_parts = part_snippets.snippet(&text);
            if !from_parts.highlighted().is_empty() {
                snippet = from_parts;
            }
        }
        let (snippet_text, highlights) = render(&snippet, &text);
        hits.push(Hit {
            doc: get(f.id).unwrap_or_default(),
            score,
            date: get(f.date),
            title: get(f.title),
            snippet: snippet_text,
            highlights,
        });
    }
    Ok(SearchResult { total, hits })
}

/// The snippet's fragment with matches marked `**…**`, and the matches' ranges in `text`.
fn render(snippet: &Snippet, text: &str) -> (String, Vec<[usize; 2]>) {
    let fragment = snippet.fragment();
    let offset = snippet.fragment_range().start;
    if fragment.is_empty() {
        let start: String = text.chars().take(SNIPPET_CHARS).collect();
        return (
            start.split_whitespace().collect::<Vec<_>>().join(" "),
            Vec::new(),
        );
    }
    let mut out = String::with_capacity(fragment.len() + 16);
    let mut at = 0;
    let mut ranges = Vec::new();
    for r in snippet.highlighted() {
        if r.start < at || r.end > fragment.len() {
            continue;
        }
        out.push_str(&fragment[at..r.start]);
        out.push_str("**");
        out.push_str(&fragment[r.clone()]);
        out.push_str("**");
        at = r.end;
        ranges.push([offset + r.start, offset + r.end]);
    }
    out.push_str(&fragment[at..]);
    (out.split_whitespace().collect::<Vec<_>>().join(" "), ranges)
}

/// Take the `word*` terms out of a query (outside phrases): tantivy's parser reads a single
/// starred word as the word itself, and kst's terms are stems, so prefixes need their own query.
fn split_prefix_terms(query: &str) -> (String, Vec<String>) {
    let mut rest = String::with_capacity(query.len());
    let mut prefixes = Vec::new();
    let mut in_phrase = false;
    for piece in query.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end();
        let quotes = word.matches('"').count();
        let is_prefix = !in_phrase
            && quotes == 0
            && word.len() > 1
            && word.ends_with('*')
            && word[..word.len() - 1].chars().all(char::is_alphanumeric);
        if is_prefix {
            prefixes.push(word[..word.len() - 1].to_string());
        } else {
            rest.push_str(piece);
        }
        if quotes % 2 == 1 {
            in_phrase = !in_phrase;
        }
    }
    (rest, prefixes)
}

fn regex_escape(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            if c.is_alphanumeric() {
                vec![c]
            } else {
                vec!['\\', c]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::split_prefix_terms;

    #[test]
    fn prefix_terms_are_taken_out_of_the_query_but_not_out_of_phrases() {
        let (rest, p) = split_prefix_terms("gezicht* \"openbare ruim*\" AND verbod");
        assert_eq!(p, vec!["gezicht".to_string()]);
        assert_eq!(rest, "\"openbare ruim*\" AND verbod");
    }
}
