//! Files → raw documents: which files to read, how to turn their bytes into text, and what a
//! manifest says about them.
//!
//! - [`discover`] walks the paths the user gave (directories recursively) and pairs each file
//!   with its manifest entry.
//! - [`text`] decodes `.txt` bytes (UTF-8, or a detected legacy encoding with a warning).
//! - [`pdf`] gets the text layer of a PDF in a child process with a time limit, because a
//!   malformed PDF can make the PDF library panic or loop.
//! - [`pdf_layout`] reads a PDF's lines with their place on the page, so that running headers,
//!   footers and the colophon are told from the text by place and repetition.
//! - [`manifest`] reads `manifest.jsonl`.
//! - [`xml`] reads the publisher's XML (`officiele-publicatie`) with its metadata record.
//! - [`html`] reads a paper's web page into the same shape as the XML.

pub mod discover;
pub mod html;
pub mod manifest;
pub mod pdf;
pub mod pdf_layout;
pub mod text;
pub mod xml;

use crate::error::{Error, Result};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use discover::{discover, Input};
pub use manifest::ManifestEntry;

/// What a file's text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Txt,
    Pdf,
    Xml,
    Html,
}

impl Format {
    pub fn name(&self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Pdf => "pdf",
            Format::Xml => "xml",
            Format::Html => "html",
        }
    }
}

/// One file, read and decoded.
#[derive(Debug, Clone)]
pub struct RawDocument {
    /// The path as the user gave it (or as found under a directory they gave).
    pub source: PathBuf,
    pub sha256: String,
    pub format: Format,
    pub text: String,
    pub manifest: Option<ManifestEntry>,
    /// Things the user should know that did not stop the file from being read.
    pub warnings: Vec<String>,
    /// The publisher's XML or a web page, read into paragraphs, footnotes and links
    /// (`Format::Xml` and `Format::Html`);
    /// the pipeline builds the normalized text from it instead of from `text`.
    pub official: Option<Box<xml::OfficialXml>>,
}

/// Limits that protect a batch from one bad file.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Files larger than this are refused with a clear message.
    pub max_file_bytes: u64,
    /// Wall-clock time the PDF text extraction of one file may take.
    pub pdf_timeout: Duration,
    /// The program that extracts PDF text in a child process (`kst __pdf-text FILE`); `None`
    /// extracts in this process, in a thread that is abandoned on time-out.
    pub pdf_helper: Option<PathBuf>,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file_bytes: 64 * 1024 * 1024,
            pdf_timeout: Duration::from_secs(60),
            pdf_helper: None,
        }
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Read one input into a raw document.
pub fn read(input: &Input, limits: &Limits) -> Result<RawDocument> {
    let (bytes, sha256) = load(input, limits)?;
    decode(input, bytes, sha256, limits)
}

/// A file's bytes and their SHA-256, refused when too large or empty. The hash comes before
/// any decoding, so a caller can see that a file is indexed already and stop here.
pub fn load(input: &Input, limits: &Limits) -> Result<(Vec<u8>, String)> {
    let path = &input.path;
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.len() > limits.max_file_bytes {
        return Err(Error::unusable(
            path,
            format!(
                "file is {} MB, larger than the limit of {} MB (--max-file-mb)",
                meta.len() / (1024 * 1024),
                limits.max_file_bytes / (1024 * 1024)
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    if bytes.is_empty() {
        return Err(Error::unusable(path, "empty file"));
    }
    let sha256 = sha256_hex(&bytes);
    Ok((bytes, sha256))
}

/// Turn the bytes [`load`]ed from an input into text.
pub fn decode(
    input: &Input,
    bytes: Vec<u8>,
    sha256: String,
    limits: &Limits,
) -> Result<RawDocument> {
    let path = &input.path;
    let format = format_of(path);
    let mut warnings = Vec::new();
    let mut official = None;
    let text = match format {
        Format::Txt => {
            let decoded = text::decode(&bytes).map_err(|reason| Error::unusable(path, reason))?;
            if let Some(w) = decoded.warning {
                warnings.push(w);
            }
            decoded.text
        }
        Format::Pdf => pdf::extract_text(path, &bytes, limits)?,
        Format::Xml => {
            let x = read_official(path, &bytes, &mut warnings)?;
            let text = x.text();
            official = Some(Box::new(x));
            text
        }
        Format::Html => {
            let decoded = text::decode(&bytes).map_err(|reason| Error::unusable(path, reason))?;
            if let Some(w) = decoded.warning {
                warnings.push(w);
            }
            let x = html::parse(&decoded.text).map_err(|reason| Error::unusable(path, reason))?;
            let text = x.text();
            official = Some(Box::new(x));
            text
        }
    };
    if text.trim().is_empty() {
        return Err(Error::unusable(path, "no text in file"));
    }
    Ok(RawDocument {
        source: path.clone(),
        sha256,
        format,
        text,
        manifest: input.manifest.clone(),
        warnings,
        official,
    })
}

/// An official-publication XML with the metadata record beside it, when there is one.
fn read_official(
    path: &Path,
    bytes: &[u8],
    warnings: &mut Vec<String>,
) -> Result<xml::OfficialXml> {
    let mut x = xml::parse(bytes).map_err(|reason| Error::unusable(path, reason))?;
    let record = xml::meta::record_path(path);
    if record.is_file() {
        match std::fs::read(&record)
            .map_err(|e| e.to_string())
            .and_then(|b| xml::meta::read_record(&b))
        {
            Ok(entries) => xml::meta::apply_record(&mut x.meta, &entries),
            Err(reason) => {
                warnings.push(format!("{}: metadata not used: {reason}", record.display()))
            }
        }
    }
    Ok(x)
}

pub fn format_of(path: &Path) -> Format {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("pdf") => Format::Pdf,
        Some("xml") => Format::Xml,
        Some("html" | "htm" | "xhtml") => Format::Html,
        _ => Format::Txt,
    }
}
