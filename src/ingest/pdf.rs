//! The text layer of a PDF.
//!
//! The PDF library can panic, loop or exhaust memory on malformed files, so the CLI extracts
//! each PDF in a child process (`kst __pdf-text FILE`) that is killed when it exceeds its time
//! limit. Where no helper program is configured (library use, unit tests), extraction runs in
//! a thread of this process: panics are caught, and on time-out the thread is abandoned.

use super::Limits;
use crate::error::{Error, Result};
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use wait_timeout::ChildExt;

/// Text of a PDF with fewer letters than this per page is treated as having no text layer.
const MIN_LETTERS_PER_PAGE: usize = 20;

/// Extract the text of one PDF under the given limits.
pub fn extract_text(path: &Path, bytes: &[u8], limits: &Limits) -> Result<String> {
    if !bytes.starts_with(b"%PDF")
        && !bytes[..bytes.len().min(1024)]
            .windows(4)
            .any(|w| w == b"%PDF")
    {
        return Err(Error::unusable(path, "not a PDF file (no %PDF header)"));
    }
    let text = match &limits.pdf_helper {
        Some(helper) => in_child(helper, path, limits)?,
        None => in_thread(path, bytes.to_vec(), limits)?,
    };
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let pages = count_pages(bytes).max(1);
    if letters < MIN_LETTERS_PER_PAGE * pages.min(3) {
        return Err(Error::unusable(path, "no text layer (needs OCR)"));
    }
    Ok(text)
}

/// What the child process runs: the text of the pages without their running furniture (see
/// [`super::pdf_layout`]), catching the library's panics.
pub fn extract_in_process(bytes: &[u8]) -> std::result::Result<String, String> {
    let owned = bytes.to_vec();
    let result = std::panic::catch_unwind(move || {
        super::pdf_layout::pages(&owned).map(|pages| super::pdf_layout::text(&pages))
    });
    match result {
        Ok(result) => result,
        Err(_) => Err("cannot read PDF: the PDF library crashed on this file".to_string()),
    }
}

fn in_child(helper: &Path, path: &Path, limits: &Limits) -> Result<String> {
    let mut child = Command::new(helper)
        .arg("__pdf-text")
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            Error::unusable(
                path,
                format!("cannot start PDF helper {}: {e}", helper.display()),
            )
        })?;
    let mut stdout = child
        .stdout
        .take()
        .ok_or_else(|| Error::unusable(path, "PDF helper has no output"))?;
    let mut stderr = child
        .stderr
        .take()
        .ok_or_else(|| Error::unusable(path, "PDF helper has no output"))?;
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stdout.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = String::new();
        let _ = stderr.read_to_string(&mut buf);
        buf
    });
    let status = child
        .wait_timeout(limits.pdf_timeout)
        .map_err(|e| Error::io(path, e))?;
    let Some(status) = status else {
        let _ = child.kill();
        let _ = child.wait();
        return Err(Error::unusable(
            path,
            format!(
                "PDF text extraction took longer than {} s; skipped",
                limits.pdf_timeout.as_secs()
            ),
        ));
    };
    let out = out_reader.join().unwrap_or_default();
    let err = err_reader.join().unwrap_or_default();
    if !status.success() {
        let reason = err
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("the PDF library failed on this file")
            .to_string();
        return Err(Error::unusable(
            path,
            reason.trim_start_matches("kst: ").to_string(),
        ));
    }
    Ok(String::from_utf8_lossy(&out).into_owned())
}

fn in_thread(path: &Path, bytes: Vec<u8>, limits: &Limits) -> Result<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(extract_in_process(&bytes));
    });
    match rx.recv_timeout(limits.pdf_timeout) {
        Ok(Ok(text)) => Ok(text),
        Ok(Err(reason)) => Err(Error::unusable(path, reason)),
        Err(_) => Err(Error::unusable(
            path,
            format!(
                "PDF text extraction took longer than {} s; skipped",
                limits.pdf_timeout.as_secs()
            ),
        )),
    }
}

/// A cheap page count: the number of page objects in the file.
fn count_pages(bytes: &[u8]) -> usize {
    let needle = b"/Type/Page";
    let spaced = b"/Type /Page";
    let count = |n: &[u8]| bytes.windows(n.len()).filter(|w| *w == n).count();
    // "/Type/Pages" also matches; subtract the page-tree nodes.
    let all = count(needle) + count(spaced);
    let trees = count(b"/Type/Pages") + count(b"/Type /Pages");
    all.saturating_sub(trees)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn limits() -> Limits {
        Limits {
            pdf_timeout: Duration::from_secs(30),
            ..Limits::default()
        }
    }

    #[test]
    fn not_a_pdf_is_refused_with_a_reason() {
        let e = extract_text(Path::new("x.pdf"), b"hello world", &limits()).unwrap_err();
        assert!(e.to_string().contains("not a PDF"), "{e}");
    }

    #[test]
    fn truncated_pdf_gives_an_error_not_a_panic() {
        let full = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/pdf/kst-32545-143.pdf"
        ))
        .unwrap();
        let cut = &full[..full.len() / 3];
        let r = extract_text(Path::new("cut.pdf"), cut, &limits());
        assert!(r.is_err() || r.unwrap().len() < 100_000);
    }
}
