//! Questions asked of the index: full-text search, one document, the citation graph, legal
//! references and the stance timeline.

pub mod search;
pub mod show;
pub mod timeline;
