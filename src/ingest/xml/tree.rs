//! A small element tree built from quick-xml events.
//!
//! The official format mixes text and markup freely (`<al>… <extref …>Staatsblad 2020, 118</extref>
//! …<noot …>…</noot> …</al>`), and reading it needs look-ahead (a `noot` has its number in a
//! child), so the events are gathered into a tree first. The tree is built with an explicit
//! stack, and nesting deeper than [`MAX_DEPTH`] is flattened into its ancestor, so a hostile
//! file cannot overflow the stack of the recursive readers that walk the tree.

use quick_xml::events::Event;
use quick_xml::Reader;

/// Elements nested deeper than this keep their text but lose their own element.
pub const MAX_DEPTH: usize = 128;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Element(Element),
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Element {
    /// Local name (a namespace prefix is dropped).
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|c| match c {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first descendant (or self) with this name, depth first.
    pub fn find(&self, name: &str) -> Option<&Element> {
        let mut stack = vec![self];
        while let Some(e) = stack.pop() {
            if e.name == name {
                return Some(e);
            }
            stack.extend(e.elements().collect::<Vec<_>>().into_iter().rev());
        }
        None
    }

    /// All descendants (and self) with this name, in document order.
    pub fn find_all<'e>(&'e self, name: &str) -> Vec<&'e Element> {
        let mut out = Vec::new();
        let mut stack = vec![self];
        while let Some(e) = stack.pop() {
            if e.name == name {
                out.push(e);
            }
            stack.extend(e.elements().collect::<Vec<_>>().into_iter().rev());
        }
        out
    }

    /// All text below this element, whitespace collapsed; child elements are separated by a
    /// space (for metadata fields like `<dossiernr>`, not for running text).
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        let mut stack: Vec<&Node> = self.children.iter().rev().collect();
        while let Some(n) = stack.pop() {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => {
                    out.push(' ');
                    stack.extend(e.children.iter().rev());
                }
            }
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

fn local(name: &[u8]) -> String {
    let name = String::from_utf8_lossy(name);
    match name.rsplit_once(':') {
        Some((_, l)) => l.to_string(),
        None => name.into_owned(),
    }
}

fn element_of(e: &quick_xml::events::BytesStart) -> Result<Element, String> {
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| format!("malformed attribute: {err}"))?;
        let value = a
            .unescape_value()
            .map(|v| v.into_owned())
            .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned());
        attrs.push((local(a.key.as_ref()), value));
    }
    Ok(Element {
        name: local(e.name().as_ref()),
        attrs,
        children: Vec::new(),
    })
}

fn push_text(parent: &mut Element, text: &str) {
    if let Some(Node::Text(last)) = parent.children.last_mut() {
        last.push_str(text);
    } else {
        parent.children.push(Node::Text(text.to_string()));
    }
}

/// The text an entity reference stands for: a character reference, one of XML's five
/// predefined entities, or (unknown entity) the reference as written.
fn entity_text(r: &quick_xml::events::BytesRef) -> String {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string();
    }
    let name = String::from_utf8_lossy(r.as_ref()).into_owned();
    match name.as_str() {
        "amp" => "&".into(),
        "lt" => "<".into(),
        "gt" => ">".into(),
        "quot" => "\"".into(),
        "apos" => "'".into(),
        "nbsp" => "\u{a0}".into(),
        _ => format!("&{name};"),
    }
}

/// Parse a whole document into a synthetic root element whose children are the top-level nodes.
pub fn parse(bytes: &[u8]) -> Result<Element, String> {
    let mut reader = Reader::from_reader(bytes);
    reader.config_mut().trim_text(false);
    let mut stack: Vec<Element> = vec![Element {
        name: "#document".into(),
        ..Element::default()
    }];
    // Start tags below MAX_DEPTH that were not given an element of their own.
    let mut flattened = 0usize;
    let mut buf = Vec::new();
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| {
            format!(
                "not well-formed XML at byte {}: {e}",
                reader.error_position()
            )
        })?;
        match event {
            Event::Start(e) => {
                if stack.len() > MAX_DEPTH {
                    flattened += 1;
                } else {
                    stack.push(element_of(&e)?);
                }
            }
            Event::Empty(e) => {
                if stack.len() <= MAX_DEPTH {
                    let el = element_of(&e)?;
                    if let Some(top) = stack.last_mut() {
                        top.children.push(Node::Element(el));
                    }
                }
            }
            Event::End(_) => {
                if flattened > 0 {
                    flattened -= 1;
                } else if stack.len() > 1 {
                    if let Some(done) = stack.pop() {
                        if let Some(top) = stack.last_mut() {
                            top.children.push(Node::Element(done));
                        }
                    }
                }
            }
            Event::Text(t) => {
                let text = t
                    .decode()
                    .map_err(|e| format!("text is not valid UTF-8: {e}"))?;
                if let Some(top) = stack.last_mut() {
                    push_text(top, &text);
                }
            }
            Event::CData(t) => {
                let text = String::from_utf8_lossy(&t).into_owned();
                if let Some(top) = stack.last_mut() {
                    push_text(top, &text);
                }
            }
            Event::GeneralRef(r) => {
                let text = entity_text(&r);
                if let Some(top) = stack.last_mut() {
                    push_text(top, &text);
                }
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
        buf.clear();
    }
    if stack.len() != 1 {
        let open = stack.last().map(|e| e.name.clone()).unwrap_or_default();
        return Err(format!(
            "not well-formed XML: element <{open}> is not closed"
        ));
    }
    stack.pop().ok_or_else(|| "empty XML document".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_content_entities_and_namespaces() {
        let root = parse(b"<?xml version=\"1.0\"?><a xmlns:x=\"u\"><x:b k=\"v&amp;w\">A &amp; B&#233;</x:b> tail<c/></a>").unwrap();
        let a = root.find("a").unwrap();
        let b = a.find("b").unwrap();
        assert_eq!(b.attr("k"), Some("v&w"));
        assert_eq!(b.plain_text(), "A & Bé");
        assert_eq!(a.elements().count(), 2);
    }

    #[test]
    fn malformed_documents_give_a_reason() {
        for bad in [&b"<a><b></a>"[..], b"<a>", b"<a></a></b>"] {
            assert!(parse(bad).is_err(), "{}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn deep_nesting_is_flattened_not_a_stack_overflow() {
        let depth = 100_000;
        let xml = format!("{}tekst{}", "<d>".repeat(depth), "</d>".repeat(depth));
        let root = parse(xml.as_bytes()).unwrap();
        assert_eq!(root.plain_text(), "tekst");
    }
}
