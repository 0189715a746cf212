//! The text of a PDF read page by page with the place of every line, so that page furniture
//! can be told from text by where it stands and how it repeats.
//!
//! Print PDFs put a running header or footer on every page ("Tweede Kamer, vergaderjaar
//! 2020–2021, 32 545, nr. 143   3"), page numbers, and on the last page the colophon
//! ("kst-32545-143 ISSN 0921 - 7371 ’s-Gravenhage 2021"). A text-only view cannot tell these
//! from the paper's own lines, and repeated text alone is no sign: a decision list repeats
//! "Besluit: Voor kennisgeving aangenomen." under every item. So a line is furniture when it
//! stands in the page's top or bottom margin band *and* either recurs in that band on several
//! pages with its digits ignored (page numbers, dates change) or has the printed form of
//! furniture (see [`crate::normalize::furniture`]).
//!
//! Lines are built in content-stream order, the order the producer drew them, which keeps a
//! side column (a ministry letterhead) apart from the body; a gap wider than usual between
//! lines becomes a blank line, so paragraphs survive for the normalizer.

use crate::normalize::furniture;
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
use std::collections::HashMap;

/// The share of the page height at the top and at the bottom where furniture stands.
const MARGIN_BAND: f64 = 0.11;
/// A horizontal gap wider than this many font sizes splits a row into separate lines.
const COLUMN_GAP: f64 = 3.0;
/// A line ending more than this share of the text block's width before its right edge is short.
const SHORT_LINE: f64 = 0.25;
/// How many lines at each end of a page can be furniture.
const EDGE_LINES: usize = 5;
/// A line recurring (digits ignored) in the margin band on at least this share of the pages
/// (and on two pages at least) is running furniture.
const RECURRENCE_SHARE: f64 = 0.5;
/// Running furniture stands apart from the text block: at least this many of its font sizes
/// from the nearest line outside the margin band. A body line that happens to open or close
/// the text block sits closer.
const ISOLATION: f64 = 2.5;

/// One line of text on a page. `y` is the baseline measured from the top of the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    pub x: f64,
    /// Where the line's last glyph ends.
    pub x_end: f64,
    pub y: f64,
    pub size: f64,
    /// Blank space above this line, in multiples of its font size (large at a paragraph break).
    pub gap_above: f64,
    /// The line continues the row of the line before it after a wide horizontal gap (a
    /// colophon at the left and a footer at the right of one baseline are two lines).
    pub same_row: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    pub height: f64,
    pub lines: Vec<Line>,
}

/// Collects glyphs into lines, page by page.
#[derive(Default)]
struct Collector {
    pages: Vec<Page>,
    height: f64,
    /// The line being built, with the x where its last glyph ended.
    current: Option<(Line, f64)>,
    new_word: bool,
}

impl Collector {
    fn finish_line(&mut self) {
        if let Some((line, _)) = self.current.take() {
            if !line.text.trim().is_empty() {
                if let Some(page) = self.pages.last_mut() {
                    page.lines.push(line);
                }
            }
        }
    }
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.finish_line();
        self.height = (media_box.ury - media_box.lly).abs();
        self.pages.push(Page {
            height: self.height,
            lines: Vec::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        self.finish_line();
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        // The glyph's origin in page space, y turned to run down from the top.
        let x = trm.m31;
        let y = self.height - trm.m32;
        let vx = font_size * trm.m11 + font_size * trm.m21;
        let vy = font_size * trm.m12 + font_size * trm.m22;
        let size = (vx * vy).abs().sqrt().max(1.0);
        let advance = width * size;
        let (starts_line, same_row) = match &self.current {
            None => (true, false),
            Some((line, end)) => {
                let dy = (y - line.y).abs();
                let new_row = dy > size * 1.5 || (x < *end && dy > size * 0.5);
                let far = !new_row && x > *end + size * COLUMN_GAP;
                (new_row || far, far)
            }
        };
        if starts_line {
            self.finish_line();
            // Measured from the last line kept: producers draw blank lines as runs of spaces,
            // which are dropped, and the gap they leave is the paragraph break.
            let previous = self.pages.last().and_then(|p| p.lines.last()).map(|l| l.y);
            let gap_above = if same_row {
                0.0
            } else {
                previous
                    .map(|py| ((y - py).abs() / size - 1.0).max(0.0))
                    .unwrap_or(0.0)
            };
            self.current = Some((
                Line {
                    text: String::new(),
                    x,
                    x_end: x,
                    y,
                    size,
                    gap_above,
                    same_row,
                },
                x,
            ));
        }
        if let Some((line, end)) = self.current.as_mut() {
            if !line.text.is_empty()
                && self.new_word
                && x > *end + size * 0.1
                && !line.text.ends_with(' ')
            {
                line.text.push(' ');
            }
            line.text.push_str(text);
            *end = x + advance;
            if !text.trim().is_empty() {
                line.x_end = *end;
            }
        }
        self.new_word = false;
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.new_word = true;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// The pages of a PDF with their lines. Runs the PDF library: call it where its panics are
/// contained (the `__pdf-text` child process or a caught thread).
pub fn pages(bytes: &[u8]) -> Result<Vec<Page>, String> {
    let mut doc =
        pdf_extract::Document::load_mem(bytes).map_err(|e| format!("cannot read PDF: {e}"))?;
    if doc.is_encrypted() {
        doc.decrypt("")
            .map_err(|e| format!("cannot read PDF: encrypted ({e})"))?;
    }
    let mut collector = Collector::default();
    pdf_extract::output_doc(&doc, &mut collector).map_err(|e| format!("cannot read PDF: {e:?}"))?;
    collector.finish_line();
    Ok(collector.pages)
}

/// A line's text with its digits ignored, for recognising running furniture across pages.
fn shape(text: &str) -> String {
    let masked: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                '#'
            } else {
                c.to_lowercase().next().unwrap_or(c)
            }
        })
        .collect();
    let squeezed: String = masked.split_whitespace().collect::<Vec<_>>().join(" ");
    // "#" runs of any length are one number.
    let mut out = String::with_capacity(squeezed.len());
    for c in squeezed.chars() {
        if !(c == '#' && out.ends_with('#')) {
            out.push(c);
        }
    }
    out
}

/// Indices of the lines of `page` that stand in its margin band: among the first or last few
/// lines by height, and within the band at the top or bottom.
fn margin_lines(page: &Page) -> Vec<usize> {
    let mut order: Vec<usize> = (0..page.lines.len()).collect();
    order.sort_by(|&a, &b| page.lines[a].y.total_cmp(&page.lines[b].y));
    let band = page.height * MARGIN_BAND;
    let top = order
        .iter()
        .take(EDGE_LINES)
        .copied()
        .filter(|&i| page.lines[i].y <= band);
    let bottom = order
        .iter()
        .rev()
        .take(EDGE_LINES)
        .copied()
        .filter(|&i| page.lines[i].y >= page.height - band);
    let mut out: Vec<usize> = top.chain(bottom).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether line `i` stands apart from the page's lines outside the margin band.
fn isolated(page: &Page, i: usize) -> bool {
    let band = page.height * MARGIN_BAND;
    let line = &page.lines[i];
    page.lines
        .iter()
        .filter(|o| o.y > band && o.y < page.height - band)
        .map(|o| (o.y - line.y).abs())
        .fold(f64::INFINITY, f64::min)
        >= ISOLATION * line.size
}

/// Which lines of each page are furniture.
pub fn furniture(pages: &[Page]) -> Vec<Vec<bool>> {
    let margins: Vec<Vec<usize>> = pages.iter().map(margin_lines).collect();
    let mut seen_on: HashMap<String, usize> = HashMap::new();
    for (page, lines) in pages.iter().zip(&margins) {
        let mut shapes: Vec<String> = lines.iter().map(|&i| shape(&page.lines[i].text)).collect();
        shapes.sort();
        shapes.dedup();
        for s in shapes {
            *seen_on.entry(s).or_default() += 1;
        }
    }
    let needed = ((pages.len() as f64) * RECURRENCE_SHARE).ceil().max(2.0) as usize;
    pages
        .iter()
        .zip(&margins)
        .map(|(page, lines)| {
            let mut marks = vec![false; page.lines.len()];
            for &i in lines {
                let text = page.lines[i].text.as_str();
                let recurs =
                    seen_on.get(&shape(text)).is_some_and(|&n| n >= needed) && isolated(page, i);
                if recurs || furniture::detect(&[text]).first().copied().unwrap_or(false) {
                    marks[i] = true;
                }
            }
            marks
        })
        .collect()
}

/// The usual blank space between the lines of a paragraph in this document (the median gap),
/// and from it the gap that marks a paragraph break. Producers differ: official prints leave
/// 0.2 font sizes between lines, Word letters 0.3 to 0.8.
fn paragraph_gap(pages: &[Page]) -> f64 {
    let mut gaps: Vec<f64> = pages
        .iter()
        .flat_map(|p| p.lines.iter())
        .filter(|l| !l.same_row && l.gap_above > 0.0 && l.gap_above < 3.0)
        .map(|l| l.gap_above)
        .collect();
    if gaps.is_empty() {
        return 0.8;
    }
    gaps.sort_by(f64::total_cmp);
    let median = gaps[gaps.len() / 2];
    (median * 1.6).max(median + 0.4)
}

/// The text of the pages without their furniture: lines in drawing order, a blank line where
/// the gap between lines is wider than line spacing, a blank line between pages and a single
/// leading space on the first line of each page after the first.
pub fn text(pages: &[Page]) -> String {
    let marks = furniture(pages);
    let break_gap = paragraph_gap(pages);
    let mut out = String::new();
    for (page, marks) in pages.iter().zip(&marks) {
        let kept = || {
            page.lines
                .iter()
                .zip(marks)
                .filter(|(_, f)| !**f)
                .map(|(l, _)| l)
        };
        let left = kept().map(|l| l.x).fold(f64::INFINITY, f64::min);
        let right = kept().map(|l| l.x_end).fold(f64::NEG_INFINITY, f64::max);
        // A line that stops well short of the text block's right edge ends a paragraph or is a
        // heading: the next line starts a block even without extra space above it.
        let short = |l: &Line| l.x_end < right - (right - left) * SHORT_LINE;
        let mut first = true;
        let mut previous: Option<&Line> = None;
        for (line, &furniture) in page.lines.iter().zip(marks) {
            if furniture {
                continue;
            }
            let after_short = previous.is_some_and(&short);
            previous = Some(line);
            if !out.is_empty() {
                // A page's first line starts with one space: the normalizer's sign that the
                // footnote block at the foot of the previous page is over.
                out.push_str(if first {
                    "\n\n "
                } else if line.same_row {
                    " "
                } else if line.gap_above > break_gap || after_short {
                    "\n\n"
                } else {
                    "\n"
                });
            }
            out.push_str(line.text.trim_end());
            first = false;
        }
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, y: f64) -> Line {
        Line {
            text: text.to_string(),
            x: 70.0,
            x_end: 300.0,
            y,
            size: 10.0,
            gap_above: 0.3,
            same_row: false,
        }
    }

    fn page(lines: &[(&str, f64)]) -> Page {
        Page {
            height: 842.0,
            lines: lines.iter().map(|(t, y)| line(t, *y)).collect(),
        }
    }

    #[test]
    fn digits_are_ignored_in_a_line_shape() {
        assert_eq!(
            shape("Tweede Kamer, vergaderjaar 2020–2021, 32 545, nr. 143   3"),
            "tweede kamer, vergaderjaar #–#, # #, nr. # #"
        );
    }

    #[test]
    fn a_running_header_recurring_in_the_margin_is_furniture_and_a_repeated_body_line_is_not() {
        // A decision list whose pages open with the same decision line, right above the next
        // item, under a running header that stands apart.
        let list_page = |n: u32| {
            page(&[
                (
                    &format!("Besluitenlijst commissie Financiën, 8 maart 2011   {n}"),
                    40.0,
                ),
                ("Besluit: Voor kennisgeving aangenomen.", 85.0),
                (&format!("Agendapunt {n}"), 105.0),
                ("Besluit: Voor kennisgeving aangenomen.", 125.0),
            ])
        };
        let pages = vec![list_page(1), list_page(2), list_page(3)];
        let marks = furniture(&pages);
        assert_eq!(marks, vec![vec![true, false, false, false]; 3]);
    }

    #[test]
    fn a_one_page_print_loses_its_footer_and_colophon_by_their_form() {
        // The lines of Kamerstuk 32 545, nr. 143 as the PDF draws them (A4, 842 pt high); the
        // colophon's last line and the running footer share one baseline.
        let pages = vec![page(&[
            ("Tweede Kamer der Staten-Generaal 2", 79.5),
            ("en gaat over tot de orde van de dag.", 559.5),
            ("kst-32545-143", 760.4),
            ("ISSN 0921 - 7371", 766.9),
            ("’s-Gravenhage 2021", 773.3),
            (
                "Tweede Kamer, vergaderjaar 2020–2021, 32 545, nr. 143",
                773.3,
            ),
        ])];
        assert_eq!(
            furniture(&pages),
            vec![vec![false, false, true, true, true, true]]
        );
    }

    #[test]
    fn furniture_forms_outside_the_margin_band_are_text() {
        // A paper quoting a colophon in its prose keeps the line.
        let pages = vec![page(&[
            ("Inleiding", 120.0),
            ("kst-32545-143", 400.0),
            ("Slot", 560.0),
        ])];
        assert_eq!(furniture(&pages), vec![vec![false, false, false]]);
    }

    #[test]
    fn paragraphs_and_page_starts_in_the_text() {
        let mut p1 = page(&[
            ("Eerste regel van een alinea die doorloopt tot", 100.0),
            ("de rechterkant.", 112.0),
            ("Nieuwe alinea.", 140.0),
        ]);
        p1.lines[0].x_end = 520.0;
        p1.lines[1].x_end = 150.0;
        p1.lines[2].gap_above = 1.5;
        let p2 = page(&[
            ("verder op de volgende pagina.", 100.0),
            ("Pagina 2 van 2", 810.0),
        ]);
        let text = text(&[p1, p2]);
        assert_eq!(text, "Eerste regel van een alinea die doorloopt tot\nde rechterkant.\n\nNieuwe alinea.\n\n verder op de volgende pagina.\n");
    }
}
