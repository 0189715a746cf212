//! Graphviz DOT for `kst graph --format dot`.
//!
//! The input is the graph as JSON, `{"nodes": [{"id", ...}], "edges": [{"source", "target",
//! ...}]}`, the same value `--format json` prints, so every format shows the same graph. Every
//! scalar field becomes an attribute (Graphviz keeps attributes it does not know, so they
//! survive a round trip through `dot`); `url` becomes Graphviz's `URL`, which SVG output turns
//! into a link; papers outside the corpus are drawn dashed.

use super::graph_items as items;
use serde_json::{Map, Value};
use std::io::{self, Write};

/// Longest title shown in a node's label; the full title stays in the `title` attribute.
const LABEL_TITLE: usize = 48;

pub fn write(w: &mut dyn Write, graph: &Value) -> io::Result<()> {
    writeln!(w, "digraph kst {{")?;
    writeln!(w, "  graph [rankdir=LR];")?;
    writeln!(w, "  node [shape=box, style=rounded, fontsize=10];")?;
    for node in items(graph, "nodes") {
        let Some(id) = node.get("id").and_then(Value::as_str) else {
            continue;
        };
        let mut attrs = vec![("label".to_string(), label(node, id))];
        if node.get("in_corpus") == Some(&Value::Bool(false)) {
            attrs.push(("style".into(), "rounded,dashed".into()));
        }
        attrs.extend(scalars(node, &["id"]));
        writeln!(w, "  {} [{}];", quote(id), attr_list(&attrs))?;
    }
    for edge in items(graph, "edges") {
        let (Some(s), Some(t)) = (
            edge.get("source").and_then(Value::as_str),
            edge.get("target").and_then(Value::as_str),
        ) else {
            continue;
        };
        let attrs = scalars(edge, &["source", "target"]);
        if attrs.is_empty() {
            writeln!(w, "  {} -> {};", quote(s), quote(t))?;
        } else {
            writeln!(w, "  {} -> {} [{}];", quote(s), quote(t), attr_list(&attrs))?;
        }
    }
    writeln!(w, "}}")
}

/// "kst-32761-198\n2021-10-18\nKabinetsreactie op …".
fn label(node: &Map<String, Value>, id: &str) -> String {
    let mut label = id.to_string();
    if let Some(date) = node.get("date").and_then(Value::as_str) {
        label.push('\n');
        label.push_str(date);
    }
    if let Some(title) = node.get("title").and_then(Value::as_str) {
        label.push('\n');
        if title.chars().count() > LABEL_TITLE {
            label.extend(title.chars().take(LABEL_TITLE - 1));
            label.push('…');
        } else {
            label.push_str(title);
        }
    }
    label
}

/// The scalar fields of an object as (name, text), `url` renamed to Graphviz's `URL`.
fn scalars(obj: &Map<String, Value>, skip: &[&str]) -> Vec<(String, String)> {
    obj.iter()
        .filter(|(k, _)| !skip.contains(&k.as_str()))
        .filter_map(|(k, v)| {
            let text = match v {
                Value::String(s) => s.clone(),
                Value::Bool(b) => b.to_string(),
                Value::Number(n) => n.to_string(),
                _ => return None,
            };
            let name = if k == "url" {
                "URL".to_string()
            } else {
                k.clone()
            };
            Some((name, text))
        })
        .collect()
}

fn attr_list(attrs: &[(String, String)]) -> String {
    attrs
        .iter()
        .map(|(k, v)| format!("{}={}", name(k), quote(v)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// An attribute name: bare when it is a DOT identifier, quoted otherwise.
fn name(k: &str) -> String {
    let plain = k.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain {
        k.to_string()
    } else {
        quote(k)
    }
}

/// A DOT double-quoted string: backslash and quote escaped, line breaks as `\n`.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nodes_and_edges_with_attributes() {
        let g = json!({
            "nodes": [
                {"id": "kst-1-2", "date": "2021-10-18", "title": "Een \"titel\"", "in_corpus": true},
                {"id": "kst-3-4", "in_corpus": false, "url": "https://zoek.officielebekendmakingen.nl/kst-3-4.html"}
            ],
            "edges": [{"source": "kst-1-2", "target": "kst-3-4", "weight": 2}]
        });
        let mut out = Vec::new();
        write(&mut out, &g).unwrap();
        let dot = String::from_utf8(out).unwrap();
        assert!(dot.starts_with("digraph kst {"), "{dot}");
        assert!(
            dot.contains(r#""kst-1-2" [label="kst-1-2\n2021-10-18\nEen \"titel\"""#),
            "{dot}"
        );
        assert!(dot.contains(r#"style="rounded,dashed""#), "{dot}");
        assert!(
            dot.contains(r#"URL="https://zoek.officielebekendmakingen.nl/kst-3-4.html""#),
            "{dot}"
        );
        assert!(
            dot.contains(r#""kst-1-2" -> "kst-3-4" [weight="2"];"#),
            "{dot}"
        );
        assert!(dot.trim_end().ends_with('}'));
    }
}
