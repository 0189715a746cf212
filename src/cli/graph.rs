//! The citation-graph commands: `kst cites`, `kst cited-by`, `kst graph` and `kst related`.
//! They share how a paper is named on the command line (an id, or a citation as written) and
//! the graph module; each builds rows or a graph value and hands it to `output`.

use super::{stdout, Cli, EXIT_NOTHING_FOUND, EXIT_OK};
use crate::extract::citation::CitationExtractor;
use crate::extract::Doc;
use crate::output::{self, Column, Format};
use crate::query::graph::{self, Direction, Graph, Scope};
use serde_json::Value;
use std::io::Write;

/// `kst cites` and `kst cited-by` (each command's examples are on its variant in `cli`).
#[derive(Debug, clap::Args)]
pub struct WalkArgs {
    /// The paper: an id (kst-32761-198) or a citation as written ("Kamerstuk 32 761, nr. 198").
    pub id: String,
    /// Follow citations this many hops (2: also the papers one hop further).
    #[arg(long, default_value_t = 1)]
    pub depth: usize,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

/// Examples of `kst cites`.
pub const CITES_HELP: &str = "A paper is named by its id or by a citation as written.

Examples:
  kst cites kst-26643-1223
  kst cites kst-26643-1223 --depth 2 --format json
  kst cites 'Kamerstukken II 2021/22, 32761, nr. 198' --format csv";

/// Examples of `kst cited-by`.
pub const CITED_BY_HELP: &str =
    "A paper is named by its id or by a citation as written; papers outside the
corpus work too (who cites Stcrt. 2019, 64418?).

Examples:
  kst cited-by kst-32761-198
  kst cited-by 'Kamerstuk 32 761, nr. 198' --depth 2
  kst cited-by stcrt-2019-64418 --format jsonl";

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Without --top, prints the graph: papers as nodes (id, date, title, kind,
in_corpus, url), citations as edges (weight = occurrences). DOT opens in Graphviz
(`dot -Tsvg`), GraphML in Gephi and yEd.

Examples:
  kst graph > citations.dot && dot -Tsvg citations.dot > citations.svg
  kst graph --format graphml > citations.graphml
  kst graph --around kst-32761-198 --depth 2 --format json
  kst graph --top 20
  kst graph --top 20 --scope outside --format csv"
)]
pub struct GraphArgs {
    /// Only the papers within --depth hops (either direction) of this paper.
    #[arg(long)]
    pub around: Option<String>,
    #[arg(long, default_value_t = 1)]
    pub depth: usize,
    /// Instead of the graph, the N most-cited papers (by citing papers, then occurrences).
    #[arg(long)]
    pub top: Option<usize>,
    /// With --top: rank all papers, only indexed ones, or only papers outside the corpus.
    #[arg(long, value_enum, default_value = "all")]
    pub scope: ScopeArg,
    /// dot, graphml or json for the graph (default dot); table, json, jsonl or csv for --top
    /// (default table). table and csv list the edges of the graph.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ScopeArg {
    All,
    Corpus,
    Outside,
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Related papers cite the same sources (bibliographic coupling) or are cited
together with the paper (co-citation); the score is the sum of both overlaps.

Examples:
  kst related kst-26643-672
  kst related kst-32761-198 --limit 5 --format json"
)]
pub struct RelatedArgs {
    /// The paper: an id or a citation as written.
    pub id: String,
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

const CITES_COLUMNS: &[Column] = &[
    Column::new("depth", "depth", 5),
    Column::new("cites", "target", 22),
    Column::new("date", "target_date", 10),
    Column::new("title", "target_title", 36),
    Column::new("pinpoint", "pinpoint", 10),
    Column::new("context", "context", 90),
    Column::new("url", "url", 70),
];

const CITED_BY_COLUMNS: &[Column] = &[
    Column::new("depth", "depth", 5),
    Column::new("cited by", "source", 22),
    Column::new("date", "source_date", 10),
    Column::new("title", "source_title", 36),
    Column::new("pinpoint", "pinpoint", 10),
    Column::new("context", "context", 90),
];

const TOP_COLUMNS: &[Column] = &[
    Column::new("rank", "rank", 4),
    Column::new("id", "id", 24),
    Column::new("cited by", "cited_by", 8),
    Column::new("citations", "citations", 9),
    Column::new("in corpus", "in_corpus", 9),
    Column::new("date", "date", 10),
    Column::new("title", "title", 40),
    Column::new("url", "url", 70),
];

const EDGE_COLUMNS: &[Column] = &[
    Column::new("source", "source", 24),
    Column::new("target", "target", 24),
    Column::new("weight", "weight", 6),
    Column::new("date", "date", 10),
    Column::new("pinpoints", "pinpoints", 30),
];

const RELATED_COLUMNS: &[Column] = &[
    Column::new("id", "id", 24),
    Column::new("score", "score", 5),
    Column::new("coupling", "coupling", 8),
    Column::new("cocitation", "cocitation", 10),
    Column::new("date", "date", 10),
    Column::new("title", "title", 40),
    Column::new("shared sources", "shared_sources", 60),
];

pub fn run_cites(cli: &Cli, args: &WalkArgs) -> crate::Result<i32> {
    walk(
        cli,
        &args.id,
        Direction::Cites,
        args.depth,
        args.format,
        CITES_COLUMNS,
    )
}

pub fn run_cited_by(cli: &Cli, args: &WalkArgs) -> crate::Result<i32> {
    walk(
        cli,
        &args.id,
        Direction::CitedBy,
        args.depth,
        args.format,
        CITED_BY_COLUMNS,
    )
}

fn walk(
    cli: &Cli,
    id: &str,
    direction: Direction,
    depth: usize,
    format: Format,
    columns: &[Column],
) -> crate::Result<i32> {
    let id = paper_id(id)?;
    let reader = super::open_index(cli)?;
    let steps = graph::walk(&reader, &id, direction, depth)?;
    if steps.is_empty() && !cli.quiet {
        let what = match direction {
            Direction::Cites => match reader.document(&id)? {
                Some(_) => format!("{id} cites no paper"),
                None => format!("{id} is not in the index"),
            },
            Direction::CitedBy => format!("no indexed paper cites {id}"),
        };
        eprintln!("kst: {what}");
    }
    let rows = graph::step_rows(&reader, &steps)?;
    emit(format, &rows, columns)?;
    Ok(if rows.is_empty() {
        EXIT_NOTHING_FOUND
    } else {
        EXIT_OK
    })
}

pub fn run_graph(cli: &Cli, args: &GraphArgs) -> crate::Result<i32> {
    let reader = super::open_index(cli)?;
    if let Some(n) = args.top {
        let scope = match args.scope {
            ScopeArg::All => Scope::All,
            ScopeArg::Corpus => Scope::InCorpus,
            ScopeArg::Outside => Scope::Outside,
        };
        let rows = graph::top_from_index(&reader, n, scope)?;
        emit(args.format.unwrap_or(Format::Table), &rows, TOP_COLUMNS)?;
        return Ok(if rows.is_empty() {
            EXIT_NOTHING_FOUND
        } else {
            EXIT_OK
        });
    }
    let g = Graph::load(&reader)?;
    let around = match &args.around {
        Some(a) => {
            let id = paper_id(a)?;
            if g.node(&id).is_none() {
                return Err(crate::Error::NotFound(format!(
                    "{id} is neither indexed nor cited"
                )));
            }
            Some(id)
        }
        None => None,
    };
    let value = g.export(around.as_deref().map(|id| (id, args.depth)));
    let mut out = stdout();
    match args.format.unwrap_or(Format::Dot) {
        Format::Dot => output::dot::write(&mut out, &value)?,
        Format::Graphml => output::graphml::write(&mut out, &value)?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &value).map_err(std::io::Error::other)?;
            writeln!(out)?;
        }
        Format::Jsonl => {
            // One line per node, then per edge, each saying which it is.
            let mut rows = Vec::new();
            for (key, kind) in [("nodes", "node"), ("edges", "edge")] {
                for item in value
                    .get(key)
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    let mut item = item.clone();
                    if let Some(obj) = item.as_object_mut() {
                        obj.insert("type".into(), Value::from(kind));
                    }
                    rows.push(item);
                }
            }
            output::emit(&mut out, Format::Jsonl, &rows, &[])?;
        }
        other => {
            let edges: Vec<Value> = value
                .get("edges")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            output::emit(&mut out, other, &edges, EDGE_COLUMNS)?;
        }
    }
    out.flush()?;
    let empty = value
        .get("nodes")
        .and_then(Value::as_array)
        .is_none_or(Vec::is_empty);
    Ok(if empty { EXIT_NOTHING_FOUND } else { EXIT_OK })
}

pub fn run_related(cli: &Cli, args: &RelatedArgs) -> crate::Result<i32> {
    let id = paper_id(&args.id)?;
    let reader = super::open_index(cli)?;
    let g = Graph::load(&reader)?;
    if g.node(&id).is_none() {
        return Err(crate::Error::NotFound(format!(
            "{id} is neither indexed nor cited"
        )));
    }
    let rows = g.related(&id, args.limit);
    emit(args.format, &rows, RELATED_COLUMNS)?;
    Ok(if rows.is_empty() {
        EXIT_NOTHING_FOUND
    } else {
        EXIT_OK
    })
}

fn emit(format: Format, rows: &[Value], columns: &[Column]) -> crate::Result<()> {
    let mut out = stdout();
    output::emit(&mut out, format, rows, columns)?;
    out.flush()?;
    Ok(())
}

/// A paper as the user named it: an id as it is, a citation as written turned into its id
/// ("Kamerstuk 32 761, nr. 198" → kst-32761-198).
fn paper_id(arg: &str) -> crate::Result<String> {
    let arg = arg.trim();
    if !arg.contains(char::is_whitespace) {
        return Ok(arg.to_string());
    }
    let extractor = CitationExtractor::new()?;
    let norm = crate::normalize::normalize(arg);
    let found = extractor.extract(&Doc {
        id: "",
        date: None,
        norm: &norm,
    });
    match found.as_slice() {
        [one] => Ok(one.target.clone()),
        [] => Err(crate::Error::Query {
            query: arg.to_string(),
            reason: "neither an id nor a citation kst can read".into(),
        }),
        _ => Err(crate::Error::Query {
            query: arg.to_string(),
            reason: "names more than one paper; give one".into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn papers_by_id_or_by_citation() {
        assert_eq!(paper_id("kst-32761-198").unwrap(), "kst-32761-198");
        assert_eq!(
            paper_id("Kamerstukken II 2021/22, 32761, nr. 198, p. 4").unwrap(),
            "kst-32761-198"
        );
        assert_eq!(
            paper_id("Stcrt. 2019, nr. 64418").unwrap(),
            "stcrt-2019-64418"
        );
        assert!(paper_id("de brief van gisteren").is_err());
        assert!(paper_id("Kamerstuk 26 643, nrs. 529 en 601").is_err());
    }
}
