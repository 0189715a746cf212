//! Raw text of a paper → clean prose with structure: [`NormDoc`].
//!
//! The letters reach kst as text taken from print PDFs: lines wrapped at the page width,
//! words hyphenated across lines, page furniture (page numbers, letterhead blocks, running
//! headers), footnotes printed at the foot of each page in the middle of a sentence, and
//! footnote markers glued to words ("verordening2", "ruimte».1"). Normalization undoes that
//! in named steps, each in its own file:
//!
//! 1. [`chars`]: line endings, control characters, ligatures, emphasis markup.
//! 2. [`furniture`]: lines that belong to the page, not the text.
//! 3. [`footnotes`]: footnote blocks lifted out of the body, each with its number.
//! 4. [`blocks`]: body lines joined into paragraphs and headings, hyphenation undone.
//! 5. [`markers`]: footnote markers detached from the words they are glued to.
//! 6. [`sentences`]: sentence boundaries that respect Dutch abbreviations.
//!
//! The normalized text is built fresh from these parts: body blocks separated by blank lines,
//! then the footnotes, one per line, as `"{marker} {text}"`. Every offset kst reports points
//! into this text. Invariant: every span in a [`NormDoc`] lies on char boundaries of `text`.

pub mod blocks;
pub mod chars;
pub mod fidelity;
pub mod footnotes;
pub mod furniture;
pub mod markers;
pub mod note_lines;
pub mod sentences;

use crate::record::Span;

/// What kind of body block a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    /// A section heading ("Appreciatie op hoofdlijnen", "4. Verbied biometrische ...").
    Heading,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index into [`NormDoc::blocks`] for body sentences.
    pub block: Option<usize>,
    /// Index into [`NormDoc::footnotes`] for sentences of a footnote.
    pub footnote: Option<usize>,
    /// Footnote markers this sentence carries, in order ("1", "24").
    pub markers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Footnote {
    /// The marker as printed ("1", "24").
    pub marker: String,
    /// The footnote's text, without its number.
    pub span: Span,
    /// The body sentence that carries this footnote's marker, when one was found.
    pub sentence: Option<usize>,
}

/// A document's normalized text and its structure.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NormDoc {
    pub text: String,
    /// Body blocks in reading order. `text[..body_end]` holds exactly these.
    pub blocks: Vec<Block>,
    pub body_end: usize,
    pub footnotes: Vec<Footnote>,
    /// Body sentences first, then footnote sentences; each list in text order.
    pub sentences: Vec<Sentence>,
}

impl NormDoc {
    /// The body text, without footnotes.
    pub fn body(&self) -> &str {
        &self.text[..self.body_end]
    }

    /// The sentence that contains byte `offset`.
    pub fn sentence_at(&self, offset: usize) -> Option<&Sentence> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        // Body and footnote sentences are each sorted and the footnotes follow the body,
        // so the whole list is sorted by offset.
        self.sentences.get(i).filter(|s| s.span.contains(offset))
    }

    /// Index of the body block that contains `offset`.
    pub fn block_at(&self, offset: usize) -> Option<usize> {
        let i = self.blocks.partition_point(|b| b.span.end <= offset);
        (i < self.blocks.len() && self.blocks[i].span.contains(offset)).then_some(i)
    }

    /// The footnote whose text contains `offset`.
    pub fn footnote_at(&self, offset: usize) -> Option<&Footnote> {
        self.footnotes
            .iter()
            .find(|f| f.span.start <= offset && offset <= f.span.end)
    }

    /// The nearest heading at or before body block `block`.
    pub fn heading_before(&self, block: usize) -> Option<&Block> {
        self.blocks[..=block.min(self.blocks.len().saturating_sub(1))]
            .iter()
            .rev()
            .find(|b| b.kind == BlockKind::Heading)
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The body sentence that carries `footnote`'s marker, as text.
    pub fn footnote_context(&self, footnote: &Footnote) -> Option<&str> {
        footnote
            .sentence
            .and_then(|i| self.sentences.get(i))
            .map(|s| self.slice(s.span))
    }
}

/// Normalize the raw text of one paper.
pub fn normalize(raw: &str) -> NormDoc {
    let cleaned = chars::clean(raw);
    let cleaned = note_lines::rejoin(&cleaned);
    let lines: Vec<&str> = cleaned.lines().collect();
    let furniture = furniture::detect(&lines);
    let split = footnotes::split(&lines, &furniture);
    let raw_blocks = blocks::assemble(&split.body);
    assemble(raw_blocks, split.footnotes)
}

/// Normalize text that already comes in paragraphs (the publisher's XML): no furniture,
/// no footnote blocks to find, no line wrapping to undo.
pub fn from_paragraphs(
    paragraphs: Vec<(BlockKind, String)>,
    notes: Vec<(String, String)>,
) -> NormDoc {
    let raw_blocks = paragraphs
        .into_iter()
        .map(|(kind, text)| blocks::RawBlock {
            kind,
            text: chars::clean(&text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        })
        .filter(|b| !b.text.is_empty())
        .collect();
    let notes = notes
        .into_iter()
        .map(|(marker, text)| footnotes::RawFootnote {
            marker,
            text: chars::clean(&text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        })
        .collect();
    assemble(raw_blocks, notes)
}

/// Detach markers, lay out the final text, find sentences and tie footnotes to them.
fn assemble(raw_blocks: Vec<blocks::RawBlock>, raw_notes: Vec<footnotes::RawFootnote>) -> NormDoc {
    let known: Vec<String> = raw_notes.iter().map(|f| f.marker.clone()).collect();
    let mut detacher = markers::Detacher::new(&known)
        .with_printed(
            raw_blocks
                .iter()
                .filter(|b| b.kind == BlockKind::Paragraph)
                .map(|b| b.text.as_str()),
        )
        .with_notes(
            raw_notes
                .iter()
                .map(|f| (f.marker.as_str(), f.text.as_str())),
        );
    let mut doc = NormDoc::default();
    let mut body_markers: Vec<(usize, String)> = Vec::new();

    for raw in raw_blocks {
        let (clean, found) = match raw.kind {
            BlockKind::Paragraph => detacher.detach(&raw.text),
            BlockKind::Heading => (raw.text.clone(), Vec::new()),
        };
        let clean = clean.trim_end();
        if clean.is_empty() {
            continue;
        }
        if !doc.text.is_empty() {
            doc.text.push_str("\n\n");
        }
        let start = doc.text.len();
        doc.text.push_str(clean);
        let end = doc.text.len();
        body_markers.extend(found.into_iter().map(|(at, m)| (start + at, m)));
        let block = doc.blocks.len();
        doc.blocks.push(Block {
            kind: raw.kind,
            span: Span::new(start, end),
        });
        for s in sentences::split(clean) {
            doc.sentences.push(Sentence {
                span: Span::new(start + s.start, start + s.end),
                block: Some(block),
                footnote: None,
                markers: Vec::new(),
            });
        }
    }
    doc.body_end = doc.text.len();

    // A marker belongs to the sentence it ends or stands in: the first sentence whose end
    // is at or after the marker's place.
    for (at, marker) in body_markers {
        let i = doc.sentences.partition_point(|s| s.span.end < at);
        if let Some(s) = doc.sentences.get_mut(i) {
            s.markers.push(marker);
        } else if let Some(s) = doc.sentences.last_mut() {
            s.markers.push(marker);
        }
    }

    let body_sentences = doc.sentences.len();
    for note in raw_notes {
        let text = note.text.trim();
        if text.is_empty() {
            continue;
        }
        doc.text.push_str(if doc.text.is_empty() {
            ""
        } else if doc.footnotes.is_empty() {
            "\n\n"
        } else {
            "\n"
        });
        doc.text.push_str(&note.marker);
        doc.text.push(' ');
        let start = doc.text.len();
        doc.text.push_str(text);
        let end = doc.text.len();
        let carrier = doc.sentences[..body_sentences]
            .iter()
            .position(|s| s.markers.contains(&note.marker));
        let index = doc.footnotes.len();
        doc.footnotes.push(Footnote {
            marker: note.marker,
            span: Span::new(start, end),
            sentence: carrier,
        });
        for s in sentences::split(text) {
            doc.sentences.push(Sentence {
                span: Span::new(start + s.start, start + s.end),
                block: None,
                footnote: Some(index),
                markers: Vec::new(),
            });
        }
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE_BREAK: &str = concat!(
        "Het kabinet deelt de zorgen van de toezichthouders over het verwerken van \n",
        "biometrische gegevens (waaronder biometrische gegevens, zoals \n",
        "\n",
        "1 Europse privacywaakhond wil verbod op elke vorm van gezichtsherkenning \n",
        "| De Volkskrant\n",
        "\n",
        "2 Kamerstukken II 2021/22, 32761, nr. 198, p. 4.\n",
        " bij de inzet van gezichtsherkenning) in beginsel verboden is.1 Het kabinet \n",
        "is evenwel van mening dat er ruimte moet blijven voor geïntrodu-\n",
        "ceerde uitzonderingen.2 \n",
    );

    #[test]
    fn a_sentence_broken_by_a_footnote_block_is_joined_again() {
        let doc = normalize(PAGE_BREAK);
        let body = doc.body();
        assert!(
            body.contains("zoals bij de inzet van gezichtsherkenning) in beginsel verboden is."),
            "{body}"
        );
        assert!(!body.contains("Volkskrant"), "{body}");
        assert!(body.contains("geïntroduceerde uitzonderingen."), "{body}");
        assert_eq!(doc.footnotes.len(), 2);
        assert_eq!(doc.footnotes[0].marker, "1");
        assert!(doc
            .slice(doc.footnotes[0].span)
            .starts_with("Europse privacywaakhond"));
        assert!(doc
            .slice(doc.footnotes[0].span)
            .ends_with("| De Volkskrant"));
    }

    #[test]
    fn a_word_broken_before_notes_gathered_under_their_numbers_is_joined_again() {
        // pdftotext's column of note numbers above the notes' texts, the page's footer and
        // number, then the body going on: one sentence, the notes lifted out.
        let t = "Wie niet weet of hij een perceel volgend jaar nog gebruikt, heeft weinig reden om te investeren. Het kabinet maakt\nzich daarnaast zorgen over de gevolgen voor jonge boeren, die voor hun\nbedrijfs-\n\n1\n2\n\nKamerstuk 27 924, nr. 84.\nKamerstuk 27 924, nr. 86.\n\nkst-27924-92\nISSN 0921 - 7371\n’s-Gravenhage 2025\n\nTweede Kamer, vergaderjaar 2024–2025, 27 924, nr. 92\n\n1\n\nopvolging of uitbreiding op kortlopende pacht zijn aangewezen.\n";
        let doc = normalize(t);
        let body = doc.body();
        assert!(
            body.contains("jonge boeren, die voor hun bedrijfsopvolging of uitbreiding"),
            "{body}"
        );
        assert!(!body.contains("nr. 84"), "{body}");
        assert_eq!(doc.footnotes.len(), 2);
        assert!(doc.slice(doc.footnotes[1].span).contains("nr. 86"));
    }

    #[test]
    fn footnotes_are_tied_to_the_sentence_that_carries_their_marker() {
        let doc = normalize(PAGE_BREAK);
        let ctx = doc.footnote_context(&doc.footnotes[0]).unwrap();
        assert!(ctx.starts_with("Het kabinet deelt de zorgen"), "{ctx}");
        assert!(ctx.ends_with("in beginsel verboden is."), "{ctx}");
        let ctx2 = doc.footnote_context(&doc.footnotes[1]).unwrap();
        assert!(ctx2.starts_with("Het kabinet is evenwel"), "{ctx2}");
    }

    #[test]
    fn bracketed_markers_of_text_copied_from_a_web_page_are_footnotes() {
        let t = "Aan de Voorzitter van de Tweede Kamer\n\nIn mijn brief heb ik de evaluatie aangekondigd.[1] Het kabinet deelt de zorgen van de Raad.[2]\n\nDe minister,\n\nJ. Jansen\n\n[1] Kamerstuk 26 643, nr. 1100.\n[2] Kamerstuk 35 925 VI, nr. 12.\n";
        let doc = normalize(t);
        assert_eq!(doc.footnotes.len(), 2);
        let ctx = doc.footnote_context(&doc.footnotes[1]).unwrap();
        assert_eq!(ctx, "Het kabinet deelt de zorgen van de Raad.");
        assert!(!doc.body().contains("[1]"), "{}", doc.text);
        // A bracketed number that is no note of the letter stays as written.
        let doc = normalize("Aan de Voorzitter\n\nZie de lijst [3] hieronder.\n");
        assert!(doc.text.contains("[3]"), "{}", doc.text);
    }

    #[test]
    fn notes_of_the_publication_site_copied_as_text_are_footnotes() {
        // The site's note pop-ups copied with the page: close button and title, number, note.
        let t = "Aan de Voorzitter van de Tweede Kamer\n\nOok ga ik in op de toezegging van 29 januari 2025.1\n\nIn 2024 zijn 1.142 rapporten opgemaakt.2 Ik ben niet tevreden.\n\nDe Minister,\n\nJ. Jansen\n\nX Noot\n1\n\nKamerstuk 28 286, nr. 1365.\n\nX Noot\n2\n\nNVWA, Jaarverslag 2024 (Kamerstuk 28 286, nr. 1327).\n";
        let doc = normalize(t);
        assert_eq!(doc.footnotes.len(), 2, "{}", doc.text);
        let ctx = doc.footnote_context(&doc.footnotes[1]).unwrap();
        assert_eq!(ctx, "In 2024 zijn 1.142 rapporten opgemaakt.");
        assert!(!doc.body().contains("Noot"), "{}", doc.body());
        assert!(doc.body().contains("29 januari 2025."), "{}", doc.body());
        // "Noot" without the next number after it is the letter's own word.
        let doc = normalize("Aan de Voorzitter\n\nNoot\n\n3 De maatregelen.\n");
        assert!(doc.footnotes.is_empty(), "{:?}", doc.footnotes);
    }

    #[test]
    fn spans_lie_on_char_boundaries() {
        let doc = normalize(PAGE_BREAK);
        for s in &doc.sentences {
            assert!(
                doc.text.is_char_boundary(s.span.start) && doc.text.is_char_boundary(s.span.end)
            );
        }
        for f in &doc.footnotes {
            assert!(
                doc.text.is_char_boundary(f.span.start) && doc.text.is_char_boundary(f.span.end)
            );
        }
    }

    #[test]
    fn sentence_and_footnote_lookup_by_offset() {
        let doc = normalize(PAGE_BREAK);
        let at = doc.text.find("198").unwrap();
        let f = doc.footnote_at(at).unwrap();
        assert_eq!(f.marker, "2");
        let s = doc.sentence_at(doc.text.find("evenwel").unwrap()).unwrap();
        assert!(doc.slice(s.span).contains("ruimte moet blijven"));
    }
}
