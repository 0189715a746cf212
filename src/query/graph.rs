//! The citation graph: papers are nodes, citations are edges from the citing paper to the
//! cited one. Papers outside the corpus stay in the graph under their canonical id, with a
//! link to their publication page, so a reading list can reach past what was indexed.
//!
//! Two ways in:
//! - [`walk`] follows edges from one paper, one hop at a time, through a [`CitationSource`]:
//!   the index answers each hop with a term query, so `kst cites` on a large index reads only
//!   the records it shows.
//! - [`Graph`] holds every citation in memory for what needs the whole graph: export, the
//!   most-cited papers, co-citation and bibliographic coupling.

use crate::extract::citation::ids;
use crate::index::{IndexReader, RecordKind, RecordQuery};
use crate::record::{Citation, DocumentRecord, Record};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

/// Where citations come from: the index, or a graph in memory.
pub trait CitationSource {
    /// Citations found in paper `id`.
    fn citations_in(&self, id: &str) -> crate::Result<Vec<Citation>>;
    /// Citations of paper `id` in other papers.
    fn citations_of(&self, id: &str) -> crate::Result<Vec<Citation>>;
    /// The indexed paper `id`, if it is one.
    fn document(&self, id: &str) -> crate::Result<Option<DocumentRecord>>;
}

impl CitationSource for IndexReader {
    fn citations_in(&self, id: &str) -> crate::Result<Vec<Citation>> {
        let q = RecordQuery {
            kind: Some(RecordKind::Citation),
            doc: Some(id.to_string()),
            ..Default::default()
        };
        Ok(citations(self.records(&q)?))
    }
    fn citations_of(&self, id: &str) -> crate::Result<Vec<Citation>> {
        let q = RecordQuery {
            kind: Some(RecordKind::Citation),
            target: Some(id.to_string()),
            ..Default::default()
        };
        Ok(citations(self.records(&q)?))
    }
    fn document(&self, id: &str) -> crate::Result<Option<DocumentRecord>> {
        IndexReader::document(self, id)
    }
}

fn citations(records: Vec<Record>) -> Vec<Citation> {
    records
        .into_iter()
        .filter_map(|r| match r {
            Record::Citation(c) => Some(c),
            _ => None,
        })
        .collect()
}

/// Which way to follow edges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// From a paper to the papers it cites.
    Cites,
    /// From a paper to the papers that cite it.
    CitedBy,
}

/// One citation met on a walk, `depth` hops from the start.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub depth: usize,
    pub citation: Citation,
}

/// Follow citations from `start` up to `depth` hops. Every citation on the way is one step
/// (a paper cited twice is two steps, each with its pinpoint and context); a paper is expanded
/// once, so cycles end. Outside-corpus papers have no citations of their own and end a path.
pub fn walk(
    source: &dyn CitationSource,
    start: &str,
    direction: Direction,
    depth: usize,
) -> crate::Result<Vec<Step>> {
    let mut steps = Vec::new();
    let mut seen: HashSet<String> = HashSet::from([start.to_string()]);
    let mut frontier = vec![start.to_string()];
    for level in 1..=depth.max(1) {
        let mut next = Vec::new();
        for id in &frontier {
            let found = match direction {
                Direction::Cites => source.citations_in(id)?,
                Direction::CitedBy => source.citations_of(id)?,
            };
            for c in found {
                let far = match direction {
                    Direction::Cites => &c.target,
                    Direction::CitedBy => &c.doc,
                };
                if seen.insert(far.clone()) {
                    next.push(far.clone());
                }
                steps.push(Step {
                    depth: level,
                    citation: c,
                });
            }
        }
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
    Ok(steps)
}

/// The rows `kst cites` and `kst cited-by` print: per step the citing and cited paper with
/// their dates and titles where known, the pinpoint and the sentence that cites.
pub fn step_rows(source: &dyn CitationSource, steps: &[Step]) -> crate::Result<Vec<Value>> {
    let mut docs: HashMap<String, Option<DocumentRecord>> = HashMap::new();
    let mut rows = Vec::with_capacity(steps.len());
    for s in steps {
        let c = &s.citation;
        for id in [&c.doc, &c.target] {
            if !docs.contains_key(id) {
                docs.insert(id.clone(), source.document(id)?);
            }
        }
        let (from, to) = (
            docs.get(&c.doc).and_then(Option::as_ref),
            docs.get(&c.target).and_then(Option::as_ref),
        );
        rows.push(json!({
            "depth": s.depth,
            "source": c.doc,
            "source_date": from.and_then(|d| d.date.clone()),
            "source_title": from.and_then(|d| d.title.clone()),
            "target": c.target,
            "target_kind": c.target_kind,
            "target_date": to.and_then(|d| d.date.clone()),
            "target_title": to.and_then(|d| d.title.clone()),
            "in_corpus": to.is_some(),
            "url": ids::publication_url(&c.target),
            "pinpoint": c.pinpoint,
            "footnote": c.footnote,
            "context": c.context,
            "raw": c.raw,
        }));
    }
    Ok(rows)
}

/// A paper in the graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub id: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub in_corpus: bool,
    /// `kamerstuk`, `aanhangsel`, … as in citation records; `document` is not used: an
    /// indexed paper takes the kind its id names.
    pub kind: String,
}

/// All citations between papers, one edge per (citing, cited) pair with its occurrences.
#[derive(Debug, Default)]
pub struct Graph {
    nodes: BTreeMap<String, Node>,
    /// (source, target) → the citations that make the edge, in text order.
    edges: BTreeMap<(String, String), Vec<Citation>>,
    out: HashMap<String, BTreeSet<String>>,
    inc: HashMap<String, BTreeSet<String>>,
}

impl Graph {
    /// Build from the indexed papers and their citations. A citation of a paper the corpus
    /// holds points at that paper's node; any other target gets a node of its own.
    pub fn build(documents: &[DocumentRecord], citations: &[Citation]) -> Graph {
        let mut g = Graph::default();
        for d in documents {
            g.nodes.insert(
                d.doc.clone(),
                Node {
                    id: d.doc.clone(),
                    title: d.title.clone(),
                    date: d.date.clone(),
                    in_corpus: true,
                    kind: kind_name(&d.doc),
                },
            );
        }
        for c in citations {
            for id in [&c.doc, &c.target] {
                if !g.nodes.contains_key(id) {
                    g.nodes.insert(
                        id.clone(),
                        Node {
                            id: id.clone(),
                            title: None,
                            date: None,
                            in_corpus: false,
                            kind: kind_name(id),
                        },
                    );
                }
            }
            g.edges
                .entry((c.doc.clone(), c.target.clone()))
                .or_default()
                .push(c.clone());
            g.out
                .entry(c.doc.clone())
                .or_default()
                .insert(c.target.clone());
            g.inc
                .entry(c.target.clone())
                .or_default()
                .insert(c.doc.clone());
        }
        g
    }

    /// Read the whole graph from an index.
    pub fn load(reader: &IndexReader) -> crate::Result<Graph> {
        let documents = reader.documents()?;
        let q = RecordQuery {
            kind: Some(RecordKind::Citation),
            ..Default::default()
        };
        let cites = citations(reader.records(&q)?);
        Ok(Graph::build(&documents, &cites))
    }

    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.get(id)
    }

    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    pub fn edge_count(&self) -> usize {
        self.edges.len()
    }

    /// The graph as JSON nodes and edges (the shape the DOT and GraphML writers take), whole
    /// or, with `around`, the papers within `depth` hops of one paper in either direction.
    pub fn export(&self, around: Option<(&str, usize)>) -> Value {
        let keep: Option<HashSet<&str>> = around.map(|(id, depth)| self.neighbourhood(id, depth));
        let kept = |id: &str| keep.as_ref().is_none_or(|k| k.contains(id));
        let nodes: Vec<Value> = self
            .nodes
            .values()
            .filter(|n| kept(&n.id))
            .map(|n| self.node_json(n))
            .collect();
        let edges: Vec<Value> = self
            .edges
            .iter()
            .filter(|((s, t), _)| kept(s) && kept(t))
            .map(|((s, t), cs)| {
                let pinpoints: BTreeSet<&str> =
                    cs.iter().filter_map(|c| c.pinpoint.as_deref()).collect();
                let date = self.nodes.get(s).and_then(|n| n.date.clone());
                json!({
                    "source": s,
                    "target": t,
                    "weight": cs.len(),
                    "date": date,
                    "pinpoints": pinpoints.into_iter().collect::<Vec<_>>().join("; "),
                })
            })
            .collect();
        json!({ "nodes": nodes, "edges": edges })
    }

    fn node_json(&self, n: &Node) -> Value {
        json!({
            "id": n.id,
            "title": n.title,
            "date": n.date,
            "kind": n.kind,
            "in_corpus": n.in_corpus,
            "cited_by": self.inc.get(&n.id).map_or(0, BTreeSet::len),
            "cites": self.out.get(&n.id).map_or(0, BTreeSet::len),
            "url": ids::publication_url(&n.id),
        })
    }

    /// Papers within `depth` hops of `id`, following edges both ways.
    fn neighbourhood(&self, id: &str, depth: usize) -> HashSet<&str> {
        let mut seen: HashSet<&str> = HashSet::new();
        let Some((start, _)) = self.nodes.get_key_value(id) else {
            return seen;
        };
        seen.insert(start.as_str());
        let mut queue = VecDeque::from([(start.as_str(), 0usize)]);
        while let Some((at, d)) = queue.pop_front() {
            if d == depth {
                continue;
            }
            let next = self
                .out
                .get(at)
                .into_iter()
                .flatten()
                .chain(self.inc.get(at).into_iter().flatten());
            for n in next {
                if seen.insert(n.as_str()) {
                    queue.push_back((n.as_str(), d + 1));
                }
            }
        }
        seen
    }

    /// The most-cited papers, by the number of papers citing them, then by occurrences.
    pub fn top(&self, n: usize, scope: Scope) -> Vec<Value> {
        let mut ranked: Vec<(&Node, usize, usize)> = self
            .nodes
            .values()
            .filter(|node| scope.admits(node.in_corpus))
            .filter_map(|node| {
                let citing = self.inc.get(&node.id)?;
                let occurrences = citing
                    .iter()
                    .map(|s| {
                        self.edges
                            .get(&(s.clone(), node.id.clone()))
                            .map_or(0, Vec::len)
                    })
                    .sum();
                Some((node, citing.len(), occurrences))
            })
            .collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.id.cmp(&b.0.id)));
        ranked
            .into_iter()
            .take(n)
            .enumerate()
            .map(|(i, (node, citing, occurrences))| {
                json!({
                    "rank": i + 1,
                    "id": node.id,
                    "cited_by": citing,
                    "citations": occurrences,
                    "in_corpus": node.in_corpus,
                    "kind": node.kind,
                    "date": node.date,
                    "title": node.title,
                    "url": ids::publication_url(&node.id),
                })
            })
            .collect()
    }

    /// Papers related to `id`, ranked by overlap:
    /// - bibliographic coupling: how many sources both cite ("cite the same sources");
    /// - co-citation: how many papers cite both ("are cited together with it").
    ///
    /// The score is their sum; ties go to the smaller Jaccard distance of the two reference
    /// lists, then the id.
    pub fn related(&self, id: &str, limit: usize) -> Vec<Value> {
        let empty = BTreeSet::new();
        let refs = self.out.get(id).unwrap_or(&empty);
        let citers = self.inc.get(id).unwrap_or(&empty);
        let mut coupling: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for r in refs {
            for other in self.inc.get(r).into_iter().flatten() {
                if other != id {
                    coupling.entry(other).or_default().push(r);
                }
            }
        }
        let mut cocited: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for c in citers {
            for other in self.out.get(c).into_iter().flatten() {
                if other != id {
                    cocited.entry(other).or_default().push(c);
                }
            }
        }
        let candidates: BTreeSet<&str> = coupling.keys().chain(cocited.keys()).copied().collect();
        let mut rows: Vec<(usize, f64, &str)> = candidates
            .into_iter()
            .map(|other| {
                let score = coupling.get(other).map_or(0, Vec::len)
                    + cocited.get(other).map_or(0, Vec::len);
                let theirs = self.out.get(other).unwrap_or(&empty);
                let union = refs.union(theirs).count();
                let jaccard = if union == 0 {
                    0.0
                } else {
                    refs.intersection(theirs).count() as f64 / union as f64
                };
                (score, jaccard, other)
            })
            .collect();
        rows.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(b.2)));
        rows.into_iter()
            .take(limit)
            .map(|(score, jaccard, other)| {
                let node = self.nodes.get(other);
                json!({
                    "id": other,
                    "score": score,
                    "coupling": coupling.get(other).map_or(0, Vec::len),
                    "cocitation": cocited.get(other).map_or(0, Vec::len),
                    "jaccard": (jaccard * 1000.0).round() / 1000.0,
                    "shared_sources": coupling.get(other).cloned().unwrap_or_default(),
                    "cited_together_in": cocited.get(other).cloned().unwrap_or_default(),
                    "in_corpus": node.is_some_and(|n| n.in_corpus),
                    "date": node.and_then(|n| n.date.clone()),
                    "title": node.and_then(|n| n.title.clone()),
                })
            })
            .collect()
    }
}

/// The most-cited papers as [`Graph::top`] ranks them, counted from the index's columns:
/// only the papers shown are read from the store, so it does not load the whole graph.
pub fn top_from_index(reader: &IndexReader, n: usize, scope: Scope) -> crate::Result<Vec<Value>> {
    let counts = crate::query::columns::citation_counts(reader)?;
    let mut ranked: Vec<(&String, usize, usize)> = counts
        .iter()
        .map(|(id, c)| (id, c.citing, c.occurrences))
        .collect();
    // A total order (ids differ), so an unstable sort gives the one ranking.
    ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(b.0)));
    let mut rows = Vec::with_capacity(n.min(ranked.len()));
    // Whether a paper is indexed is asked in rank order, until `n` are admitted: one term
    // lookup each, not a set of every indexed id.
    for (id, citing, occurrences) in ranked {
        if rows.len() == n {
            break;
        }
        let in_corpus = reader.contains(id);
        if !scope.admits(in_corpus) {
            continue;
        }
        let doc = if in_corpus {
            reader.document(id)?
        } else {
            None
        };
        rows.push(json!({
            "rank": rows.len() + 1,
            "id": id,
            "cited_by": citing,
            "citations": occurrences,
            "in_corpus": in_corpus,
            "kind": kind_name(id),
            "date": doc.as_ref().and_then(|d| d.date.clone()),
            "title": doc.as_ref().and_then(|d| d.title.clone()),
            "url": ids::publication_url(id),
        }));
    }
    Ok(rows)
}

/// Which papers `kst graph --top` ranks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    #[default]
    All,
    InCorpus,
    Outside,
}

impl Scope {
    fn admits(&self, in_corpus: bool) -> bool {
        match self {
            Scope::All => true,
            Scope::InCorpus => in_corpus,
            Scope::Outside => !in_corpus,
        }
    }
}

/// The target kind an id names, as text ("kamerstuk", "eu", …).
fn kind_name(id: &str) -> String {
    serde_json::to_value(ids::kind_of_id(id))
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| "other".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{origin_text, Span, TargetKind};

    fn doc(id: &str, date: &str) -> DocumentRecord {
        DocumentRecord {
            doc: id.into(),
            title: Some(format!("Titel {id}")),
            date: Some(date.into()),
            ..Default::default()
        }
    }

    fn cite(from: &str, to: &str) -> Citation {
        Citation {
            doc: from.into(),
            target: to.into(),
            target_kind: TargetKind::Kamerstuk,
            raw: to.into(),
            pinpoint: None,
            in_corpus: false,
            span: Span::new(0, 1),
            footnote: None,
            context: Some(format!("{from} cites {to}")),
            origin: origin_text(),
        }
    }

    /// A paper outside the corpus.
    const X: &str = "kst-99999-9";

    /// a → b → c → a (a cycle), a → X and b → X, d → X twice.
    fn sample() -> Graph {
        let docs = [
            doc("a", "2020-01-01"),
            doc("b", "2021-01-01"),
            doc("c", "2022-01-01"),
            doc("d", "2023-01-01"),
        ];
        let cites = [
            cite("a", "b"),
            cite("b", "c"),
            cite("c", "a"),
            cite("a", X),
            cite("b", X),
            cite("d", X),
            cite("d", X),
        ];
        Graph::build(&docs, &cites)
    }

    impl CitationSource for Graph {
        fn citations_in(&self, id: &str) -> crate::Result<Vec<Citation>> {
            Ok(self
                .edges
                .iter()
                .filter(|((s, _), _)| s == id)
                .flat_map(|(_, cs)| cs.clone())
                .collect())
        }
        fn citations_of(&self, id: &str) -> crate::Result<Vec<Citation>> {
            Ok(self
                .edges
                .iter()
                .filter(|((_, t), _)| t == id)
                .flat_map(|(_, cs)| cs.clone())
                .collect())
        }
        fn document(&self, id: &str) -> crate::Result<Option<DocumentRecord>> {
            Ok(self
                .nodes
                .get(id)
                .filter(|n| n.in_corpus)
                .map(|n| DocumentRecord {
                    title: n.title.clone(),
                    date: n.date.clone(),
                    ..doc(id, "")
                }))
        }
    }

    #[test]
    fn walks_end_in_cycles_and_outside_papers() {
        let g = sample();
        let one: Vec<(usize, String)> = walk(&g, "a", Direction::Cites, 1)
            .unwrap()
            .into_iter()
            .map(|s| (s.depth, s.citation.target))
            .collect();
        assert_eq!(one, [(1, "b".to_string()), (1, X.to_string())]);
        let deep = walk(&g, "a", Direction::Cites, 5).unwrap();
        let targets: Vec<(usize, &str)> = deep
            .iter()
            .map(|s| (s.depth, s.citation.target.as_str()))
            .collect();
        // b's citations at depth 2 (c, x); c's at depth 3 (back to a, which is not expanded again).
        assert_eq!(targets, [(1, "b"), (1, X), (2, "c"), (2, X), (3, "a")]);
        let by = walk(&g, X, Direction::CitedBy, 1).unwrap();
        assert_eq!(by.len(), 4, "a, b, and d twice");
        let by2 = walk(&g, X, Direction::CitedBy, 2).unwrap();
        let depth2: Vec<&str> = by2
            .iter()
            .filter(|s| s.depth == 2)
            .map(|s| s.citation.doc.as_str())
            .collect();
        assert_eq!(depth2, ["c", "a"], "c cites a, a cites b");
    }

    #[test]
    fn step_rows_carry_dates_titles_and_links() {
        let g = sample();
        let steps = walk(&g, "a", Direction::Cites, 1).unwrap();
        let rows = step_rows(&g, &steps).unwrap();
        assert_eq!(rows[0]["target_title"], "Titel b");
        assert_eq!(rows[0]["target_date"], "2021-01-01");
        assert_eq!(rows[0]["in_corpus"], true);
        assert_eq!(rows[1]["in_corpus"], false);
        assert_eq!(
            rows[1]["url"],
            "https://zoek.officielebekendmakingen.nl/kst-99999-9.html"
        );
        assert_eq!(rows[1]["context"], format!("a cites {X}"));
    }

    #[test]
    fn top_counts_citing_papers_then_occurrences() {
        let g = sample();
        let top = g.top(2, Scope::All);
        assert_eq!(top[0]["id"], X);
        assert_eq!(top[0]["cited_by"], 3);
        assert_eq!(top[0]["citations"], 4);
        assert_eq!(top[0]["in_corpus"], false);
        let inside = g.top(10, Scope::InCorpus);
        assert!(inside.iter().all(|r| r["in_corpus"] == true));
        assert_eq!(inside.len(), 3, "a, b and c are cited; d is not");
        assert_eq!(g.top(10, Scope::Outside).len(), 1);
    }

    #[test]
    fn related_by_coupling_and_cocitation() {
        let g = sample();
        // a cites b and x. b and d also cite x (coupling 1 each); d cites only x, so its
        // reference list is closer to a's (Jaccard 1/2 against 1/3) and ranks first.
        let rel = g.related("a", 10);
        let ids: Vec<&str> = rel.iter().map(|r| r["id"].as_str().unwrap_or("")).collect();
        assert_eq!(ids, ["d", "b"]);
        assert_eq!(rel[0]["coupling"], 1);
        assert_eq!(rel[0]["shared_sources"], serde_json::json!([X]));
        // a cites both b and x: they are cited together.
        let rel_b = g.related("b", 10);
        assert!(
            rel_b.iter().any(|r| r["id"] == X && r["cocitation"] == 1),
            "{rel_b:?}"
        );
        assert!(g.related("nobody", 10).is_empty());
    }

    #[test]
    fn export_whole_and_around_a_paper() {
        let g = sample();
        let whole = g.export(None);
        assert_eq!(whole["nodes"].as_array().map(Vec::len), Some(5));
        assert_eq!(whole["edges"].as_array().map(Vec::len), Some(6));
        let around = g.export(Some(("d", 1)));
        let ids: Vec<&str> = around["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["d", X]);
        assert_eq!(around["edges"][0]["weight"], 2);
        assert_eq!(around["edges"][0]["date"], "2023-01-01");
        let around2: Vec<String> = g.export(Some(("d", 2)))["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["id"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(around2, ["a", "b", "d", X]);
    }
}
