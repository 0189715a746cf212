//! GraphML for `kst graph --format graphml`: opens in Gephi, yEd and Cytoscape as it is.
//!
//! The input is the same JSON graph the DOT writer takes (`{"nodes": [...], "edges": [...]}`).
//! Every scalar field becomes a declared `<key>` with a type inferred from its values (boolean,
//! long, double, else string), so Gephi shows dates, titles and weights as typed columns; the
//! `label` key (title, else id) is what Gephi shows on a node.

use super::graph_items as items;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::io::{self, Write};

pub fn write(w: &mut dyn Write, graph: &Value) -> io::Result<()> {
    let nodes: Vec<&Map<String, Value>> = items(graph, "nodes").collect();
    let edges: Vec<&Map<String, Value>> = items(graph, "edges").collect();
    let node_keys = keys(&nodes, &["id"]);
    let edge_keys = keys(&edges, &["source", "target"]);

    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    writeln!(
        w,
        r#"  <key id="label" for="node" attr.name="label" attr.type="string"/>"#
    )?;
    for (name, ty) in &node_keys {
        writeln!(
            w,
            r#"  <key id="n_{0}" for="node" attr.name="{0}" attr.type="{1}"/>"#,
            escape(name),
            ty
        )?;
    }
    for (name, ty) in &edge_keys {
        writeln!(
            w,
            r#"  <key id="e_{0}" for="edge" attr.name="{0}" attr.type="{1}"/>"#,
            escape(name),
            ty
        )?;
    }
    writeln!(w, r#"  <graph id="kst" edgedefault="directed">"#)?;
    for node in &nodes {
        let Some(id) = node.get("id").and_then(Value::as_str) else {
            continue;
        };
        writeln!(w, r#"    <node id="{}">"#, escape(id))?;
        let label = node.get("title").and_then(Value::as_str).unwrap_or(id);
        writeln!(w, r#"      <data key="label">{}</data>"#, escape(label))?;
        for (name, value) in scalars(node, &node_keys) {
            writeln!(
                w,
                r#"      <data key="n_{}">{}</data>"#,
                escape(name),
                escape(&value)
            )?;
        }
        writeln!(w, "    </node>")?;
    }
    for (i, edge) in edges.iter().enumerate() {
        let (Some(s), Some(t)) = (
            edge.get("source").and_then(Value::as_str),
            edge.get("target").and_then(Value::as_str),
        ) else {
            continue;
        };
        writeln!(
            w,
            r#"    <edge id="e{i}" source="{}" target="{}">"#,
            escape(s),
            escape(t)
        )?;
        for (name, value) in scalars(edge, &edge_keys) {
            writeln!(
                w,
                r#"      <data key="e_{}">{}</data>"#,
                escape(name),
                escape(&value)
            )?;
        }
        writeln!(w, "    </edge>")?;
    }
    writeln!(w, "  </graph>")?;
    writeln!(w, "</graphml>")
}

/// The scalar fields of all objects with the GraphML type that fits every value they take.
fn keys(objs: &[&Map<String, Value>], skip: &[&str]) -> BTreeMap<String, &'static str> {
    let mut types: BTreeMap<String, &'static str> = BTreeMap::new();
    for obj in objs {
        for (k, v) in obj.iter() {
            if skip.contains(&k.as_str()) {
                continue;
            }
            let ty = match v {
                Value::Bool(_) => "boolean",
                Value::Number(n) if n.is_i64() || n.is_u64() => "long",
                Value::Number(_) => "double",
                Value::String(_) => "string",
                _ => continue,
            };
            let merged = match types.get(k.as_str()) {
                None => ty,
                Some(&old) if old == ty => ty,
                Some(&"long") | Some(&"double") if ty == "long" || ty == "double" => "double",
                Some(_) => "string",
            };
            types.insert(k.clone(), merged);
        }
    }
    types
}

fn scalars<'m>(
    obj: &'m Map<String, Value>,
    keys: &'m BTreeMap<String, &'static str>,
) -> impl Iterator<Item = (&'m str, String)> {
    keys.keys().filter_map(move |k| {
        let text = match obj.get(k)? {
            Value::String(s) => s.clone(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => n.to_string(),
            _ => return None,
        };
        Some((k.as_str(), text))
    })
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 does not allow at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn typed_keys_nodes_and_edges() {
        let g = json!({
            "nodes": [
                {"id": "kst-1-2", "date": "2021-10-18", "title": "A & B", "in_corpus": true, "cited_by": 3},
                {"id": "kst-3-4", "in_corpus": false}
            ],
            "edges": [{"source": "kst-1-2", "target": "kst-3-4", "weight": 2}]
        });
        let mut out = Vec::new();
        write(&mut out, &g).unwrap();
        let xml = String::from_utf8(out).unwrap();
        assert!(
            xml.contains(
                r#"<key id="n_in_corpus" for="node" attr.name="in_corpus" attr.type="boolean"/>"#
            ),
            "{xml}"
        );
        assert!(
            xml.contains(
                r#"<key id="n_cited_by" for="node" attr.name="cited_by" attr.type="long"/>"#
            ),
            "{xml}"
        );
        assert!(
            xml.contains(r#"<data key="label">A &amp; B</data>"#),
            "{xml}"
        );
        assert!(xml.contains(r#"<data key="label">kst-3-4</data>"#), "{xml}");
        assert!(
            xml.contains(r#"<edge id="e0" source="kst-1-2" target="kst-3-4">"#),
            "{xml}"
        );
        assert!(xml.contains(r#"<data key="e_weight">2</data>"#), "{xml}");
        // Well-formed: every element that opens is closed.
        assert_eq!(
            xml.matches("<node ").count(),
            xml.matches("</node>").count()
        );
        assert!(xml.trim_end().ends_with("</graphml>"));
    }
}
