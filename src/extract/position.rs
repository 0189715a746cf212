//! Government positions. (Stub: the position issue fills this in.)

use super::Doc;
use crate::record::Position;

pub struct PositionExtractor {}

impl PositionExtractor {
    pub fn new() -> crate::Result<PositionExtractor> {
        Ok(PositionExtractor {})
    }

    pub fn extract(&self, _doc: &Doc) -> Vec<Position> {
        Vec::new()
    }
}
