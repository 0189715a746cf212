//! References to units of legal instruments. (Stub: the article issue fills this in.)

use super::Doc;
use crate::record::ArticleRef;

pub struct ArticleExtractor {}

impl ArticleExtractor {
    pub fn new() -> crate::Result<ArticleExtractor> {
        Ok(ArticleExtractor {})
    }

    pub fn extract(&self, _doc: &Doc) -> Vec<ArticleRef> {
        Vec::new()
    }
}
