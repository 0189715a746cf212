//! The citation forms of `data/citation_forms.toml`, read and compiled once.
//!
//! A form is the head of one way of citing a paper ("Kamerstukken II 2021/22, 32761, nr. 198"
//! up to the first number) plus the name of the reader that turns the head into ids. Keeping
//! the heads as data lets a new spelling ("Kst.", "Aanh. Hand.") be added with an example and
//! no code; what cannot be a regular expression without look-around (where a list of numbers
//! ends) lives in [`super::read`].

use crate::record::TargetKind;
use regex::Regex;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The bundled data file, and the name errors give it.
pub const SOURCE: &str = include_str!("../../../data/citation_forms.toml");
pub const SOURCE_PATH: &str = "data/citation_forms.toml";

/// How the captures of a head become ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reader {
    /// `dossier`, `first` or `letter`, `chamber`: `kst-…` or `dossier-…`.
    Kamerstuk,
    /// `vj`, `first`, `chamber`: `ah-tk-…`.
    Aanhangsel,
    /// `vj`, `first` (the sitting), `chamber`, then items: `h-tk-…`.
    Handelingen,
    /// `year`, `first`, and the form's `id` template: `stcrt-…`, `stb-…`.
    Numbered,
    /// `celex`.
    Celex,
    /// `series`, `year`, `first`: a Commission document as its CELEX number.
    Com,
    /// `zaak`: written questions, `kv-tk-…`.
    Zaak,
    /// `id`: an id taken from a link to the publication platform.
    Url,
    /// `first`: a paper of the citing paper's own dossier ("het amendement op stuk nr. 28").
    OwnDossier,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    pieces: BTreeMap<String, String>,
    form: Vec<RawForm>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawForm {
    name: String,
    reader: Reader,
    target_kind: TargetKind,
    #[serde(default)]
    literals: Vec<String>,
    #[serde(default)]
    lookback: usize,
    pattern: String,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    dossier_only: bool,
    #[serde(default)]
    header_prone: bool,
    #[serde(default)]
    needs_word: Option<String>,
    #[serde(default)]
    echo: bool,
    #[serde(default)]
    examples: Vec<Example>,
}

/// One example of a form: a text and the ids it must yield, in order.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub text: String,
    pub ids: Vec<String>,
}

/// A compiled citation form.
#[derive(Debug)]
pub struct Form {
    pub name: String,
    pub reader: Reader,
    pub target_kind: TargetKind,
    pub literals: Vec<String>,
    pub lookback: usize,
    pub regex: Regex,
    pub id_template: Option<String>,
    pub dossier_only: bool,
    pub header_prone: bool,
    pub needs_word: Option<String>,
    pub echo: bool,
    pub examples: Vec<Example>,
}

/// Read and compile the bundled forms.
pub fn load() -> crate::Result<Vec<Form>> {
    parse(SOURCE, SOURCE_PATH)
}

/// Read and compile forms from `source`; errors name `path` and the line of the entry.
pub fn parse(source: &str, path: &str) -> crate::Result<Vec<Form>> {
    let file: File = toml::from_str(source).map_err(|e| {
        let line = e.span().map(|s| line_of(source, s.start)).unwrap_or(0);
        data_error(path, line, e.message().to_string())
    })?;
    let mut forms = Vec::with_capacity(file.form.len());
    for raw in file.form {
        let line = line_of_name(source, &raw.name);
        let fail =
            |reason: String| data_error(path, line, format!("form {:?}: {reason}", raw.name));
        if forms.iter().any(|f: &Form| f.name == raw.name) {
            return Err(fail("the name is used twice".into()));
        }
        let pattern = expand(&raw.pattern, &file.pieces).map_err(&fail)?;
        let regex = Regex::new(&pattern).map_err(|e| fail(format!("bad pattern: {e}")))?;
        check_groups(&raw, &regex).map_err(&fail)?;
        forms.push(Form {
            name: raw.name,
            reader: raw.reader,
            target_kind: raw.target_kind,
            literals: raw
                .literals
                .iter()
                .map(|l| l.to_ascii_lowercase())
                .collect(),
            lookback: raw.lookback,
            regex,
            id_template: raw.id,
            dossier_only: raw.dossier_only,
            header_prone: raw.header_prone,
            needs_word: raw.needs_word.map(|w| w.to_lowercase()),
            echo: raw.echo,
            examples: raw.examples,
        });
    }
    Ok(forms)
}

/// Replace `{piece}` with the piece as a named group and `{~piece}` with it unnamed, then
/// apply [`line_local`].
fn expand(pattern: &str, pieces: &BTreeMap<String, String>) -> Result<String, String> {
    let mut out = String::with_capacity(pattern.len() * 4);
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}');
        let name = close.map(|c| &after[..c]);
        // `{2}`, `{1,4}`: a repetition, not a piece.
        match name {
            Some(n) if !n.is_empty() && !n.starts_with(|c: char| c.is_ascii_digit()) => {
                let (bare, key) = match n.strip_prefix('~') {
                    Some(k) => (true, k),
                    None => (false, n),
                };
                let piece = pieces
                    .get(key)
                    .ok_or_else(|| format!("unknown piece {{{n}}}"))?;
                if bare {
                    out.push_str(&format!("(?:{piece})"));
                } else {
                    out.push_str(&format!("(?P<{key}>{piece})"));
                }
                rest = &after[n.len() + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Ok(line_local(&out))
}

/// Rewrite a pattern for the normalized text:
/// - `\s` does not match a line break. In the normalized text a line break only ever ends a
///   paragraph, a heading or a footnote, and a citation never runs across one (an XML header's
///   "Kamerstukken" above its "32 545 Wet- en regelgeving …" is not a citation).
/// - `\b` and `\d` are ASCII. Every token a citation is made of is ASCII, and a Unicode `\b`
///   would send the regex engine to its slow path on the first non-ASCII letter.
pub(super) fn line_local(pattern: &str) -> String {
    pattern
        .replace(r"\s", r"[^\S\n]")
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\d", "[0-9]")
}

/// Each reader needs certain named groups; a form without them could never yield an id.
fn check_groups(raw: &RawForm, regex: &Regex) -> Result<(), String> {
    let needed: &[&str] = match raw.reader {
        Reader::Kamerstuk => &["dossier"],
        Reader::Aanhangsel => &["vj", "first"],
        Reader::Handelingen => &["vj", "first"],
        Reader::Numbered => &["year", "first"],
        Reader::Celex => &["celex"],
        Reader::Com => &["series", "year", "first"],
        Reader::Zaak => &["zaak"],
        Reader::Url => &["id"],
        Reader::OwnDossier => &["first"],
    };
    let names: Vec<&str> = regex.capture_names().flatten().collect();
    for n in needed {
        if !names.contains(n) {
            return Err(format!("reader {:?} needs a group named {n}", raw.reader));
        }
    }
    if raw.reader == Reader::Numbered && raw.id.is_none() {
        return Err("reader numbered needs an id template".into());
    }
    if raw.examples.is_empty() {
        return Err("a form needs at least one example".into());
    }
    Ok(())
}

fn data_error(path: &str, line: usize, reason: String) -> crate::Error {
    crate::Error::Data {
        path: PathBuf::from(path),
        line,
        reason,
    }
}

fn line_of(source: &str, offset: usize) -> usize {
    source
        .get(..offset)
        .unwrap_or(source)
        .lines()
        .count()
        .max(1)
}

/// The line of `name = "…"` for a form, so an error points at its entry.
fn line_of_name(source: &str, name: &str) -> usize {
    let needle = format!("name = \"{name}\"");
    source
        .find(&needle)
        .map(|at| line_of(source, at + 1))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_forms_compile() {
        let forms = load().expect("bundled forms load");
        assert!(forms.len() >= 10);
    }

    #[test]
    fn every_example_contains_a_literal_of_its_form() {
        // The prefilter runs a form only near its literals: an example without one would be
        // a form the extractor can never reach.
        for f in load().expect("bundled forms load") {
            for ex in &f.examples {
                let lower = ex.text.to_ascii_lowercase();
                assert!(
                    f.literals.is_empty() || f.literals.iter().any(|l| lower.contains(l.as_str())),
                    "form {}: example {:?} has none of {:?}",
                    f.name,
                    ex.text,
                    f.literals
                );
            }
        }
    }

    #[test]
    fn pieces_expand_named_and_unnamed() {
        let mut pieces = BTreeMap::new();
        pieces.insert("n".to_string(), r"\d{2}".to_string());
        let p = expand(r"{n}/{~n}\b\s", &pieces).unwrap();
        assert_eq!(p, r"(?P<n>[0-9]{2})/(?:[0-9]{2})(?-u:\b)[^\S\n]");
        assert!(expand("{nope}", &pieces).is_err());
    }

    #[test]
    fn a_bad_entry_is_a_data_error_naming_its_line() {
        let src = "[pieces]\n\n[[form]]\nname = \"broken\"\nreader = \"celex\"\ntarget_kind = \"eu\"\npattern = '(?P<celex>['\nexamples = [{ text = \"x\", ids = [] }]\n";
        match parse(src, "t.toml") {
            Err(crate::Error::Data { line, reason, .. }) => {
                assert_eq!(line, 4, "{reason}");
                assert!(reason.contains("broken"), "{reason}");
            }
            other => panic!("expected a data error, got {other:?}"),
        }
        let src = "[pieces]\n[[form]]\nname = 3\n";
        assert!(matches!(
            parse(src, "t.toml"),
            Err(crate::Error::Data { line: 3, .. })
        ));
    }
}
