//! Character-level clean-up: line endings, invisible characters, ligatures and the emphasis
//! markup of exported text ("*Kamerstukken II 2021/22*"), so later steps see plain lines.

/// Clean one raw text. Keeps line structure; never changes visible words.
pub fn clean(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    // Runs of ordinary characters are copied as slices; only the characters below are
    // replaced (most letters have none of them, or a few).
    let mut copied = 0;
    let mut chars = raw.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let replacement = match c {
            '\r' => {
                if chars.peek().map(|&(_, n)| n) != Some('\n') {
                    "\n"
                } else {
                    ""
                }
            }
            '\n' => continue,
            '\t' => " ",
            // Non-breaking and other exotic spaces become plain spaces.
            '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2009}' | '\u{200a}' | '\u{3000}' => " ",
            // Non-breaking and figure hyphens and the minus sign print as a hyphen
            // ("36 410‑XVI" with U+2011 is the dossier "36 410-XVI").
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2212}' => "-",
            // Soft hyphens, zero-width characters and the byte-order mark are invisible in print.
            '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => "",
            '\u{fb00}' => "ff",
            '\u{fb01}' => "fi",
            '\u{fb02}' => "fl",
            '\u{fb03}' => "ffi",
            '\u{fb04}' => "ffl",
            // A form feed starts a page: it ends the line before it, where pdftotext glued the
            // next page's first line to the last one ("... Aanhangsel 2\u{c}niet aanvaardbaar").
            '\u{c}' => {
                if i == 0 || raw[..i].ends_with(['\n', '\r']) {
                    ""
                } else {
                    "\n"
                }
            }
            c if c.is_control() => "",
            _ => continue,
        };
        out.push_str(&raw[copied..i]);
        out.push_str(replacement);
        copied = i + c.len_utf8();
    }
    out.push_str(&raw[copied..]);
    strip_emphasis(&out)
}

/// Remove Markdown-style emphasis asterisks that wrap words ("*ex ante*" → "ex ante"),
/// leaving lone asterisks (footnote stars, arithmetic) alone.
fn strip_emphasis(text: &str) -> String {
    if !text.contains('*') {
        return text.to_string();
    }
    let bytes = text.as_bytes();
    let mut keep = vec![true; bytes.len()];
    for (line_start, line) in line_starts(text) {
        let stars: Vec<usize> = line
            .match_indices('*')
            .map(|(i, _)| line_start + i)
            .collect();
        let mut open: Option<usize> = None;
        for &i in &stars {
            let before = text[..i].chars().next_back();
            let after = text[i + 1..].chars().next();
            let opens = after.is_some_and(|c| !c.is_whitespace() && c != '*')
                && before.is_none_or(|c| c.is_whitespace() || "([«“‘\"'".contains(c));
            let closes = before.is_some_and(|c| !c.is_whitespace() && c != '*');
            match open {
                Some(o) if closes => {
                    keep[o] = false;
                    keep[i] = false;
                    open = None;
                }
                _ if opens => open = Some(i),
                _ => {}
            }
        }
    }
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if c != '*' || keep[i] {
            out.push(c);
        }
    }
    out
}

fn line_starts(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    text.split('\n').map(move |l| {
        let start = pos;
        pos += l.len() + 1;
        (start, l)
    })
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn line_endings_and_invisible_characters() {
        assert_eq!(clean("a\r\nb\rc\u{ad}d\u{a0}e\u{feff}"), "a\nb\ncd e");
        assert_eq!(clean("36\u{a0}410\u{2011}XVI"), "36 410-XVI");
        assert_eq!(clean("\u{fb01}nanci\u{eb}le"), "financiële");
        assert_eq!(clean("a\tb\u{7}c\u{fb04}\r"), "a bcffl\n");
    }

    #[test]
    fn a_form_feed_ends_the_line_before_it() {
        // pdftotext glues a page's first line to the footer before it, or starts it anew.
        assert_eq!(
            clean("Aanhangsel        2\u{c}niet aanvaardbaar"),
            "Aanhangsel        2\nniet aanvaardbaar"
        );
        assert_eq!(clean("einde\n\u{c}begin"), "einde\nbegin");
        assert_eq!(
            clean("einde\r\n\u{c}begin\r\u{c}rest"),
            "einde\nbegin\nrest"
        );
    }

    #[test]
    fn emphasis_is_removed_but_lone_stars_stay() {
        assert_eq!(
            clean("¹ *Kamerstukken II 2021/22*, 26 643, nr. 1171."),
            "¹ Kamerstukken II 2021/22, 26 643, nr. 1171."
        );
        assert_eq!(
            clean("grotendeels *ex ante*, dus"),
            "grotendeels ex ante, dus"
        );
        assert_eq!(clean("3 * 4 = 12 en a*"), "3 * 4 = 12 en a*");
    }
}
