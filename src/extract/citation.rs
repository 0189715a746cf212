//! Citations of other papers. (Stub: the citation issue fills this in.)

use super::Doc;
use crate::record::Citation;

pub struct CitationExtractor {}

impl CitationExtractor {
    pub fn new() -> CitationExtractor {
        CitationExtractor {}
    }

    pub fn extract(&self, _doc: &Doc) -> Vec<Citation> {
        Vec::new()
    }
}

impl Default for CitationExtractor {
    fn default() -> Self {
        Self::new()
    }
}
