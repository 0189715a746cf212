//! Questions asked of the index: full-text search, one document, the citation graph, legal
//! references and the stance timeline.

pub mod columns;
pub mod graph;
pub mod refs;
pub mod search;
pub mod show;
pub mod timeline;
