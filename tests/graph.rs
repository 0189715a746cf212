//! The citation graph on a small corpus of four letters written for it, indexed through the
//! library: walks (`cites`, `cited-by`), most-cited, related papers, export, and the commands
//! as a user runs them.
//!
//! The letters (dossier 30 000, numbers 1-4, one a year from 2020):
//! - A cites Stcrt. 2019, nr. 100 and Kamerstuk 11 111, nr. 5 (both outside the corpus);
//! - B cites A (footnote, p. 3) and Kamerstuk 11 111, nr. 5;
//! - C cites B twice (body and footnote), A, and an Aanhangsel;
//! - D cites C and Kamerstuk 11 111, nr. 5, and carries its own number in a running header.

use kst::index::IndexReader;
use kst::query::graph::{self, Direction, Graph, Scope};
use std::process::{Command, Output};

const A: &str = "kst-30000-1";
const B: &str = "kst-30000-2";
const C: &str = "kst-30000-3";
const D: &str = "kst-30000-4";
const OUTSIDE: &str = "kst-11111-5";

const LETTERS: &[(&str, &str, &str, &str)] = &[
    (
        A,
        "2020-03-02",
        "Eerste brief over camera's",
        "Het kabinet zal de regels voor camera's herzien. Die regels staan in het besluit (Stcrt. 2019, nr. 100) en zijn eerder toegelicht (Kamerstuk 11 111, nr. 5).\n",
    ),
    (
        B,
        "2021-03-01",
        "Tweede brief over camera's",
        "In mijn vorige brief heb ik de herziening aangekondigd.1 Het kader blijft dat van Kamerstuk 11 111, nr. 5.\n\n1 Kamerstuk 30 000, nr. 1, p. 3.\n",
    ),
    (
        C,
        "2022-03-01",
        "Derde brief over camera's",
        "Zoals gemeld in Kamerstuk 30 000, nr. 2 is de herziening begonnen. De vragen daarover zijn beantwoord.1 De aanleiding staat in de eerste brief.2\n\n1 Aanhangsel Handelingen II 2021/22, nr. 7; zie ook Kamerstuk 30 000, nr. 2.\n2 Kamerstuk 30 000, nr. 1.\n",
    ),
    (
        D,
        "2023-03-01",
        "Vierde brief over camera's",
        "De herziening is afgerond, zie Kamerstuk 30 000, nr. 3 en Kamerstuk 11 111, nr. 5.\n\nTweede Kamer, vergaderjaar 2022–2023, 30 000, nr. 4 2\n\nDe Minister van Justitie en Veiligheid.\n",
    ),
];

/// The four letters, with a manifest, indexed into `dir/ix`.
fn indexed() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let letters = dir.path().join("letters");
    std::fs::create_dir(&letters).expect("mkdir");
    let mut manifest = String::new();
    for (id, date, title, text) in LETTERS {
        std::fs::write(letters.join(format!("{id}.txt")), text).expect("write letter");
        let entry = serde_json::json!({ "file": format!("{id}.txt"), "id": id, "date": date, "title": title, "type": "brief" });
        manifest.push_str(&entry.to_string());
        manifest.push('\n');
    }
    std::fs::write(letters.join("manifest.jsonl"), manifest).expect("write manifest");
    let (inputs, errors) = kst::ingest::discover(&[letters], None);
    assert!(errors.is_empty(), "{errors:?}");
    let limits = kst::ingest::Limits {
        max_file_bytes: 1 << 20,
        pdf_timeout: std::time::Duration::from_secs(10),
        pdf_helper: None,
    };
    let report = kst::pipeline::index_inputs(
        &dir.path().join("ix"),
        &inputs,
        &limits,
        Default::default(),
        1,
        |_| {},
    )
    .expect("index");
    assert_eq!(report.added, 4);
    dir
}

fn reader(dir: &tempfile::TempDir) -> IndexReader {
    IndexReader::open(&dir.path().join("ix")).expect("open index")
}

#[test]
fn cites_shows_dates_titles_pinpoints_and_context() {
    let dir = indexed();
    let r = reader(&dir);
    let steps = graph::walk(&r, B, Direction::Cites, 1).expect("walk");
    let rows = graph::step_rows(&r, &steps).expect("rows");
    let targets: Vec<&str> = rows
        .iter()
        .map(|row| row["target"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        targets,
        [OUTSIDE, A],
        "text order: the body citation, then the footnote"
    );
    let a = &rows[1];
    assert_eq!(a["target_date"], "2020-03-02");
    assert_eq!(a["target_title"], "Eerste brief over camera's");
    assert_eq!(a["pinpoint"], "p. 3");
    assert_eq!(a["footnote"], "1");
    assert_eq!(
        a["context"],
        "In mijn vorige brief heb ik de herziening aangekondigd."
    );
    assert_eq!(a["in_corpus"], true);
    let outside = &rows[0];
    assert_eq!(outside["in_corpus"], false);
    assert_eq!(
        outside["url"],
        "https://zoek.officielebekendmakingen.nl/kst-11111-5.html"
    );
}

#[test]
fn cited_by_follows_the_chain_back() {
    let dir = indexed();
    let r = reader(&dir);
    let steps = graph::walk(&r, A, Direction::CitedBy, 3).expect("walk");
    let hops: Vec<(usize, &str)> = steps
        .iter()
        .map(|s| (s.depth, s.citation.doc.as_str()))
        .collect();
    // B and C cite A (depth 1). Then who cites those: C cites B twice, D cites C (depth 2).
    // C is not expanded again, so the walk ends.
    assert_eq!(hops, [(1, B), (1, C), (2, C), (2, C), (2, D)]);
}

#[test]
fn a_letter_does_not_cite_itself_through_its_running_header() {
    let dir = indexed();
    let r = reader(&dir);
    let steps = graph::walk(&r, D, Direction::Cites, 1).expect("walk");
    let targets: Vec<&str> = steps.iter().map(|s| s.citation.target.as_str()).collect();
    assert_eq!(targets, [C, OUTSIDE]);
}

#[test]
fn most_cited_inside_and_outside_the_corpus() {
    let dir = indexed();
    let g = Graph::load(&reader(&dir)).expect("load graph");
    let top = g.top(3, Scope::All);
    assert_eq!(top[0]["id"], OUTSIDE);
    assert_eq!(top[0]["cited_by"], 3);
    assert_eq!(top[0]["in_corpus"], false);
    let inside = g.top(10, Scope::InCorpus);
    let ids: Vec<&str> = inside
        .iter()
        .map(|r| r["id"].as_str().unwrap_or(""))
        .collect();
    // A is cited by B and C; B by C (twice: one citing paper, two citations); C by D.
    assert_eq!(ids, [A, B, C]);
    assert_eq!(inside[1]["citations"], 2);
    assert_eq!(inside[0]["title"], "Eerste brief over camera's");
    let outside = g.top(10, Scope::Outside);
    assert!(outside.iter().any(|r| r["id"] == "stcrt-2019-100"
        && r["url"] == "https://zoek.officielebekendmakingen.nl/stcrt-2019-100.html"));
    assert!(outside.iter().any(|r| r["id"] == "ah-tk-20212022-7"));
}

#[test]
fn related_papers_by_shared_sources_and_co_citation() {
    let dir = indexed();
    let g = Graph::load(&reader(&dir)).expect("load graph");
    let rel = g.related(B, 10);
    let first = &rel[0];
    // A and B both cite Kamerstuk 11 111, nr. 5 (coupling), and C cites both (co-citation).
    assert_eq!(first["id"], A);
    assert_eq!(first["coupling"], 1);
    assert_eq!(first["cocitation"], 1);
    assert_eq!(first["score"], 2);
    let ids: Vec<&str> = rel.iter().map(|r| r["id"].as_str().unwrap_or("")).collect();
    assert!(
        ids.contains(&D),
        "D shares Kamerstuk 11 111, nr. 5: {ids:?}"
    );
    assert!(!ids.contains(&B), "a paper is not related to itself");
}

#[test]
fn export_around_a_paper_keeps_outside_nodes_with_links() {
    let dir = indexed();
    let g = Graph::load(&reader(&dir)).expect("load graph");
    let v = g.export(Some((D, 1)));
    let nodes: Vec<&str> = v["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| n["id"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(nodes, [OUTSIDE, C, D]);
    let d = v["nodes"]
        .as_array()
        .and_then(|n| n.iter().find(|n| n["id"] == D))
        .expect("D");
    assert_eq!(d["date"], "2023-03-01");
    assert_eq!(d["title"], "Vierde brief over camera's");
    let edges = v["edges"].as_array().expect("edges");
    assert_eq!(edges.len(), 2);
    assert!(edges.iter().all(|e| e["source"] == D && e["target"] != D));
}

fn kst(dir: &tempfile::TempDir, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kst"))
        .arg("--index")
        .arg(dir.path().join("ix"))
        .args(args)
        .output()
        .expect("run kst")
}

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn the_commands_in_every_format() {
    let dir = indexed();

    let o = kst(&dir, &["cites", B, "--format", "jsonl"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let rows: Vec<serde_json::Value> = text(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(rows.len(), 2);

    // A paper named by a citation as written.
    let o = kst(
        &dir,
        &[
            "cited-by",
            "Kamerstukken II 2019/20, 30 000, nr. 1, p. 3",
            "--format",
            "csv",
        ],
    );
    let csv = text(&o);
    assert!(
        csv.starts_with("depth,cited by,date,title,pinpoint,context"),
        "{csv}"
    );
    assert!(csv.contains(B) && csv.contains(C), "{csv}");

    let o = kst(&dir, &["cites", B]);
    assert!(
        text(&o).contains("Eerste brief over camera's"),
        "{}",
        text(&o)
    );

    // Nothing cites D: exit code 1.
    assert_eq!(kst(&dir, &["cited-by", D]).status.code(), Some(1));

    let o = kst(&dir, &["graph"]);
    let dot = text(&o);
    assert!(
        dot.starts_with("digraph kst {") && dot.trim_end().ends_with('}'),
        "{dot}"
    );
    assert!(dot.contains(&format!("\"{B}\" -> \"{A}\"")), "{dot}");
    assert!(
        dot.contains("URL=\"https://zoek.officielebekendmakingen.nl/kst-11111-5.html\""),
        "{dot}"
    );

    let o = kst(
        &dir,
        &[
            "graph", "--format", "graphml", "--around", A, "--depth", "1",
        ],
    );
    let xml = text(&o);
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut nodes, mut edges) = (0, 0);
    loop {
        match reader.read_event().expect("well-formed GraphML") {
            quick_xml::events::Event::Start(e) if e.name().as_ref() == b"node" => nodes += 1,
            quick_xml::events::Event::Start(e) if e.name().as_ref() == b"edge" => edges += 1,
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    // A, what it cites (Stcrt., 11 111-5) and who cites it (B, C), with every edge among them.
    assert_eq!((nodes, edges), (5, 6), "{xml}");

    let o = kst(&dir, &["graph", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json graph");
    assert_eq!(v["nodes"].as_array().map(Vec::len), Some(7));

    let o = kst(&dir, &["graph", "--top", "2", "--format", "json"]);
    let top: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json top");
    assert_eq!(top[0]["id"], OUTSIDE);

    let o = kst(&dir, &["related", B, "--format", "json"]);
    let rel: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json related");
    assert_eq!(rel[0]["id"], A);

    // An unknown paper is an error with a message, not a panic.
    let o = kst(&dir, &["related", "kst-99999-1"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("kst-99999-1"));
}

/// `kst graph --top` counts from the index's columns; it ranks as the whole graph does.
#[test]
fn top_from_the_columns_is_the_top_of_the_graph() {
    use kst::query::graph::{top_from_index, Graph, Scope};
    let dir = indexed();
    let reader = IndexReader::open(&dir.path().join("ix")).expect("open");
    let g = Graph::load(&reader).expect("graph");
    for scope in [Scope::All, Scope::InCorpus, Scope::Outside] {
        for n in [1, 3, 100] {
            let rows = top_from_index(&reader, n, scope).expect("top");
            assert_eq!(rows, g.top(n, scope), "{scope:?} {n}");
        }
    }
    assert!(!g.top(100, Scope::All).is_empty());
}
