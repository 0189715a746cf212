//! Papers as web pages: the HTML edition of officielebekendmakingen.nl, a parliament or
//! ministry page, a saved copy from a browser.
//!
//! Why not read HTML as text: the tags would be indexed as words, footnote numbers run into
//! the words they follow, and a page's menus and footer would read as part of the paper. The
//! page already marks what a PDF makes kst guess — paragraphs, headings, footnotes and links —
//! so this reader turns it into the same shape as the publisher's XML ([`OfficialXml`]): body
//! blocks with footnote places marked `^{N}`, the footnotes apart, and the links, which become
//! citation and article records where they point at a paper or a law.
//!
//! What is read as what:
//! - the paper's text is the first of `#broodtekst`, `.stuk`, `<main>`, `<article>`,
//!   `[role=main]`, `#content`, else `<body>`; scripts, styles, forms and navigation are left out;
//! - `<h1>`..`<h6>` are headings; `<p>`, `<li>`, `<div>`, table cells and the like are blocks;
//! - footnotes are the entries of an element whose class or id names notes (`noot`, `noten`,
//!   `voetnoot`, `footnote`, `endnote`); an entry's number is its marker element, its leading
//!   number or its place in an `<ol>`;
//! - a footnote's place in the text is a `<sup>` or an in-page link (`href="#…"`) whose text is
//!   the number of one of those footnotes (so `m<sup>2</sup>` stays "m2");
//! - `<meta name=… scheme=… content=…>` is read as the platform's metadata record (the same
//!   names as `*.metadata.xml`: `DC.identifier`, `DCTERMS.issued`, `OVERHEIDop.dossiernummer`).

use super::xml::{meta, MarkupLink, OfficialXml};
use crate::normalize::BlockKind;
use scraper::{ElementRef, Html, Node, Selector};
use std::collections::HashSet;

/// Elements that hold no text of the paper.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "form", "button", "select",
    "textarea", "svg", "iframe", "object", "img", "input", "label",
];

/// Parts of a page around the paper; left out when they are not inside the paper's element.
const CHROME: &[&str] = &["header", "footer", "aside"];

/// Elements that are one block each (text inside them is one paragraph).
const BLOCKS: &[&str] = &[
    "p",
    "li",
    "dt",
    "dd",
    "td",
    "th",
    "caption",
    "blockquote",
    "pre",
    "address",
    "figcaption",
];

/// Where the paper's text is on a page, most specific first.
const CONTENT: &[&str] = &[
    "#broodtekst",
    ".stuk",
    "main",
    "article",
    "[role=main]",
    "#content",
    "body",
];

/// A page title without the site's name after it ("Kamerstuk 32761, nr. 300 | Overheid.nl",
/// "Motie ... - Tweede Kamer der Staten-Generaal"): the last part after a bar or a spaced dash
/// when it names a site or the Kamer.
fn without_site_name(title: &str) -> &str {
    let Some((head, tail)) = title
        .rsplit_once(" | ")
        .or_else(|| title.rsplit_once(" - "))
    else {
        return title;
    };
    let tail = tail.trim().to_lowercase();
    let site = tail.ends_with(".nl")
        || tail.starts_with("tweede kamer")
        || tail.starts_with("eerste kamer")
        || tail.starts_with("rijksoverheid")
        || tail.starts_with("overheid");
    if site && !head.trim().is_empty() {
        head.trim_end()
    } else {
        title
    }
}

/// Read a page. Errors say why it is not a paper.
pub fn parse(text: &str) -> Result<OfficialXml, String> {
    let page = Html::parse_document(text);
    let mut meta = meta::XmlMeta::default();
    meta::apply_record(&mut meta, &meta_entries(&page));
    if meta.title.is_none() {
        meta.title = select_first(&page, "title")
            .map(|t| without_site_name(&squeeze(&t.text().collect::<String>())).to_string())
            .filter(|t| !t.is_empty());
    }
    let root = CONTENT
        .iter()
        .find_map(|css| select_first(&page, css))
        .unwrap_or_else(|| page.root_element());
    let mut walker = Walker::default();
    // Footnotes may stand outside the element that holds the text (a list after `<main>`).
    walker.collect_notes(page.root_element());
    walker.linked_markers = page
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .any(|e| e.value().name() == "a" && marker_shape(e).is_some());
    walker.container(root, true);
    if walker.paragraphs.is_empty() {
        return Err("no text in the page".to_string());
    }
    Ok(OfficialXml {
        meta,
        paragraphs: walker.paragraphs,
        notes: walker.notes,
        links: walker.links,
    })
}

fn select_first<'a>(page: &'a Html, css: &str) -> Option<ElementRef<'a>> {
    let selector = Selector::parse(css).ok()?;
    page.select(&selector).next()
}

/// `<meta>` tags as (name, scheme, content), the shape of the platform's metadata record.
fn meta_entries(page: &Html) -> Vec<(String, String, String)> {
    let Ok(selector) = Selector::parse("meta") else {
        return Vec::new();
    };
    page.select(&selector)
        .filter_map(|m| {
            let el = m.value();
            let name = el.attr("name").or_else(|| el.attr("property"))?;
            let content = el.attr("content")?;
            Some((
                name.to_string(),
                el.attr("scheme").unwrap_or("").to_string(),
                squeeze(content),
            ))
        })
        .collect()
}

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Class and id words of an element, lower-cased.
fn names(el: ElementRef) -> Vec<String> {
    let v = el.value();
    v.classes()
        .chain(v.id())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// An element that holds footnotes (or is one): `div.noot`, `ol.footnotes`, `#voetnoten`.
/// "nootnum" / "noteref" name a marker, not a note.
fn is_note_container(el: ElementRef) -> bool {
    names(el).iter().any(|n| {
        let marker = n.contains("nootnum") || n.contains("ref") || n.contains("num");
        !marker
            && (n.contains("footnote")
                || n.contains("voetno")
                || n.contains("endnote")
                || n == "noot"
                || n == "noten"
                || n == "notes"
                || n.starts_with("noot-")
                || n.starts_with("noten-"))
    })
}

/// The text of an element if it is a footnote number: 1-3 digits (or superscript digits), bare
/// or in brackets as web pages and word processors print them ("[1]").
fn number_text(el: ElementRef) -> Option<String> {
    let text: String = el.text().collect();
    let text = text.trim();
    let text = text
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .unwrap_or(text);
    let digits = crate::normalize::footnotes::superscript_to_ascii(text);
    let plain = text
        .chars()
        .all(|c| c.is_ascii_digit() || "⁰¹²³⁴⁵⁶⁷⁸⁹".contains(c));
    (plain && (1..=3).contains(&digits.len())).then_some(digits)
}

/// Could this element mark a footnote's place (or number a footnote)?
fn marker_shape(el: ElementRef) -> Option<String> {
    let v = el.value();
    let shaped = match v.name() {
        "sup" => true,
        // A link to the note, or the note's own anchor named as a number
        // (`<a class="nootnum" name="d17e307">1</a>` heads the note it names).
        "a" => {
            v.attr("href").is_some_and(|h| h.starts_with('#'))
                || names(el)
                    .iter()
                    .any(|n| n.contains("nootnum") || n.contains("noteref"))
        }
        "span" => names(el)
            .iter()
            .any(|n| n.contains("nootnum") || n.contains("noteref")),
        _ => false,
    };
    if shaped {
        number_text(el)
    } else {
        None
    }
}

#[derive(Default)]
struct Walker {
    paragraphs: Vec<(BlockKind, String)>,
    notes: Vec<(String, String)>,
    links: Vec<MarkupLink>,
    markers: HashSet<String>,
    /// Whether the page marks footnote places with in-page links; then a bare `<sup>` is not
    /// one (it is an exponent: "m<sup>2</sup>").
    linked_markers: bool,
    /// The marker of the footnote being read, while reading one.
    in_note: Option<String>,
}

impl Walker {
    /// First pass: the footnotes, so that the body knows which numbers are footnote places.
    fn collect_notes(&mut self, el: ElementRef) {
        for child in el.children().filter_map(ElementRef::wrap) {
            if SKIP.contains(&child.value().name()) {
                continue;
            }
            if is_note_container(child) {
                self.read_notes(child);
            } else {
                self.collect_notes(child);
            }
        }
    }

    /// The entries of a footnote container, each with its number.
    fn read_notes(&mut self, el: ElementRef) {
        // `<dl class="noot"><dt><sup>1</sup></dt><dd><p>Kamerstuk …</p></dd></dl>`: each term is
        // a note's number, the description after it the note.
        if el.value().name() == "dl" {
            let mut number: Option<String> = None;
            for child in el.children().filter_map(ElementRef::wrap) {
                match child.value().name() {
                    "dt" => number = number_text(child),
                    "dd" => self.read_note(child, number.take()),
                    _ => {}
                }
            }
            return;
        }
        let ordered = el.value().name() == "ol";
        let entries: Vec<ElementRef> = el
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|c| matches!(c.value().name(), "li" | "div" | "p" | "dd" | "tr" | "aside"))
            .collect();
        // A container of one note (`<div class="noot"><span class="nootnum">1</span><p>…`)
        // or of several entries (`<ol class="footnotes"><li>…`).
        let marked = el
            .children()
            .filter_map(ElementRef::wrap)
            .any(|c| marker_shape(c).is_some());
        if marked || el.children().filter_map(ElementRef::wrap).next().is_none() {
            self.read_note(el, None);
            return;
        }
        if entries.is_empty() {
            // `<section class="footnotes"><ol><li>…`: the entries are one level down.
            for child in el.children().filter_map(ElementRef::wrap) {
                self.read_notes(child);
            }
            return;
        }
        for (i, entry) in entries.into_iter().enumerate() {
            let fallback = ordered.then(|| (i + 1).to_string());
            self.read_note(entry, fallback);
        }
    }

    /// One footnote: its number (marker element, leading number, or list place) and its text.
    fn read_note(&mut self, el: ElementRef, fallback: Option<String>) {
        let marker_el = el
            .descendants()
            .filter_map(ElementRef::wrap)
            .find(|c| marker_shape(*c).is_some());
        let mut run = String::new();
        let outer = self.in_note.take();
        let mut marker = marker_el.and_then(marker_shape);
        self.in_note = marker.clone().or_else(|| fallback.clone());
        self.inline_children(el, &mut run, marker_el);
        self.in_note = outer;
        let mut text = squeeze(&run);
        if marker.is_none() {
            // "3 Kamerstuk 26 643, nr. 641", "3. Kamerstuk …" or "[3] Kamerstuk …"
            let bracketed = text.starts_with('[');
            let body = if bracketed { &text[1..] } else { &text[..] };
            let digits: String = body.chars().take_while(char::is_ascii_digit).collect();
            let closed = !bracketed || body[digits.len()..].starts_with(']');
            if (1..=3).contains(&digits.len()) && closed {
                let skip = digits.len() + 2 * usize::from(bracketed);
                let rest = text[skip..].trim_start_matches(['.', ')']);
                if rest.starts_with(char::is_whitespace) {
                    text = rest.trim().to_string();
                    marker = Some(digits);
                }
            }
        }
        let Some(marker) = marker.or(fallback) else {
            // A paragraph that continues the previous footnote.
            if let Some(last) = self.notes.last_mut() {
                if !text.is_empty() {
                    last.1.push(' ');
                    last.1.push_str(&text);
                }
            }
            return;
        };
        self.markers.insert(marker.clone());
        self.notes.push((marker, text));
    }

    fn flush(&mut self, run: &mut String, kind: BlockKind) {
        let text = squeeze(run);
        run.clear();
        if !text.is_empty() {
            self.paragraphs.push((kind, text));
        }
    }

    /// An element that holds blocks; text directly inside it forms blocks of its own.
    fn container(&mut self, el: ElementRef, top: bool) {
        let mut run = String::new();
        for child in el.children() {
            match child.value() {
                Node::Text(t) => run.push_str(t),
                Node::Element(_) => {
                    let Some(c) = ElementRef::wrap(child) else {
                        continue;
                    };
                    let name = c.value().name();
                    if SKIP.contains(&name) || (top && CHROME.contains(&name)) {
                        continue;
                    }
                    if is_note_container(c) {
                        continue; // read in the first pass
                    }
                    if name == "br" {
                        self.flush(&mut run, BlockKind::Paragraph);
                        continue;
                    }
                    let heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
                    if heading || BLOCKS.contains(&name) {
                        self.flush(&mut run, BlockKind::Paragraph);
                        if has_block_child(c) {
                            self.container(c, false);
                        } else {
                            let mut own = String::new();
                            self.inline_children(c, &mut own, None);
                            let kind = if heading {
                                BlockKind::Heading
                            } else {
                                BlockKind::Paragraph
                            };
                            self.flush(&mut own, kind);
                        }
                    } else if is_inline(name) {
                        self.inline(c, &mut run, None);
                    } else {
                        self.flush(&mut run, BlockKind::Paragraph);
                        self.container(c, false);
                    }
                }
                _ => {}
            }
        }
        self.flush(&mut run, BlockKind::Paragraph);
    }

    fn inline_children(&mut self, el: ElementRef, run: &mut String, skip: Option<ElementRef>) {
        for child in el.children() {
            if skip.is_some() && ElementRef::wrap(child) == skip {
                continue;
            }
            match child.value() {
                Node::Text(t) => run.push_str(t),
                Node::Element(_) => {
                    if let Some(c) = ElementRef::wrap(child) {
                        self.inline(c, run, skip);
                    }
                }
                _ => {}
            }
        }
    }

    /// An element inside a block: its text joins the block.
    fn inline(&mut self, el: ElementRef, run: &mut String, skip: Option<ElementRef>) {
        let name = el.value().name();
        if SKIP.contains(&name) {
            return;
        }
        if name == "br" {
            run.push(' ');
            return;
        }
        if self.in_note.is_none() {
            if let Some(n) = marker_shape(el).filter(|n| self.markers.contains(n)) {
                let bare = name == "sup";
                if !bare || (!self.linked_markers && !after_unit(run)) {
                    run.push_str(&format!("^{{{n}}}"));
                    return;
                }
            }
        }
        let tight = is_inline(name);
        if !tight {
            run.push(' ');
        }
        let start = run.len();
        self.inline_children(el, run, skip);
        if name == "a" {
            if let Some(href) = el.value().attr("href").map(str::trim) {
                if !href.is_empty() && !href.starts_with('#') {
                    let text = squeeze(&crate::normalize::chars::clean(&run[start..]));
                    self.links.push(MarkupLink {
                        doc: href.to_string(),
                        soort: "URL".to_string(),
                        text,
                        footnote: self.in_note.clone(),
                    });
                }
            }
        }
        if !tight {
            run.push(' ');
        }
    }
}

/// Does the text end in a unit that takes an exponent ("200 m", "5 km")?
fn after_unit(run: &str) -> bool {
    let word: String = run
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    matches!(word.as_str(), "m" | "cm" | "mm" | "km" | "dm" | "µm")
}

/// Inline elements: part of the words around them, no space added.
fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "bdo"
            | "cite"
            | "code"
            | "data"
            | "dfn"
            | "em"
            | "font"
            | "i"
            | "kbd"
            | "mark"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "u"
            | "var"
            | "wbr"
    )
}

/// Does a block hold blocks of its own (`<li><p>…</p><p>…</p></li>`)?
fn has_block_child(el: ElementRef) -> bool {
    el.children().filter_map(ElementRef::wrap).any(|c| {
        let n = c.value().name();
        BLOCKS.contains(&n) || matches!(n, "div" | "ul" | "ol" | "table" | "section")
    })
}

#[cfg(test)]
mod tests {
    use super::without_site_name;

    #[test]
    fn a_page_title_loses_the_site_name_only() {
        assert_eq!(
            without_site_name("Kamerstuk 32761, nr. 300 | Overheid.nl"),
            "Kamerstuk 32761, nr. 300"
        );
        assert_eq!(
            without_site_name("Motie over gezichtsherkenning - Tweede Kamer der Staten-Generaal"),
            "Motie over gezichtsherkenning"
        );
        // A dash inside the title itself stays.
        assert_eq!(
            without_site_name("Reactie op het rapport - deel 2"),
            "Reactie op het rapport - deel 2"
        );
    }
}
