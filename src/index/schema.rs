//! The index schema: one tantivy document per paper (`kind = document`) and one per record
//! (`citation`, `article_ref`, `position`), all carrying the paper's id in `id`, so that
//! deleting a paper's id removes the paper and every record found in it in one operation.

use super::analyzer::{PARTS, WORDS};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, TEXT,
};
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::IndexSettings;

/// Bumped when the schema changes; an index of another version is refused with a message.
pub const SCHEMA_VERSION: u32 = 3;

#[derive(Clone, Debug)]
pub struct Fields {
    pub id: Field,
    pub kind: Field,
    pub title: Field,
    pub body: Field,
    pub parts: Field,
    pub date: Field,
    pub date_int: Field,
    pub dossier: Field,
    pub doc_type: Field,
    pub signatory: Field,
    pub sha256: Field,
    pub source: Field,
    pub json: Field,
    pub target: Field,
    pub instrument: Field,
    pub article: Field,
    pub topic: Field,
    pub stance: Field,
}

pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let words = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(WORDS)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let parts = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(PARTS)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    // Exact-value fields are only ever filtered on, never ranked: no field norms (they took
    // a byte per field per tantivy document, 11 MB at 20,000 letters).
    let key = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("raw")
            .set_index_option(IndexRecordOption::Basic)
            .set_fieldnorms(false),
    );
    let fields = Fields {
        id: b.add_text_field("id", key.clone() | STORED | FAST),
        kind: b.add_text_field("kind", key.clone() | STORED),
        title: b.add_text_field("title", words.clone() | STORED),
        body: b.add_text_field("body", words | STORED),
        parts: b.add_text_field("parts", parts),
        date: b.add_text_field("date", key.clone() | STORED),
        date_int: b.add_u64_field("date_int", INDEXED | FAST),
        dossier: b.add_text_field("dossier", key.clone()),
        doc_type: b.add_text_field("type", key.clone()),
        signatory: b.add_text_field("signatory", TEXT),
        sha256: b.add_text_field("sha256", key.clone()),
        source: b.add_text_field("source", key.clone()),
        json: b.add_text_field("json", STORED),
        target: b.add_text_field("target", key.clone() | FAST),
        instrument: b.add_text_field("instrument", key.clone()),
        article: b.add_text_field("article", key.clone()),
        topic: b.add_text_field("topic", key.clone() | FAST),
        stance: b.add_text_field("stance", key | FAST),
    };
    (b.build(), fields)
}

/// zstd level of the document store.
const DOCSTORE_ZSTD_LEVEL: i32 = 1;
/// Bytes per compressed block of the document store.
const DOCSTORE_BLOCK: usize = 32_768;

/// How the document store is compressed: zstd, not tantivy's default lz4. At 21,000 letters
/// the store took 269 MB with lz4 and 186 MB with zstd 3; with compact records and zstd 6 it
/// takes 162 MB, which brings the index under the size of the text it holds (0.95x). zstd 6
/// was then 10% of `kst index`'s CPU (profiled); zstd 1 on blocks of 32 KB instead of 16 KB
/// (a block then holds a letter and its records, or two) gives a smaller store still (3,000
/// letters: 23.1 MB at level 6 / 16 KB, 22.2 MB at level 1 / 32 KB) for 3.5% less CPU. The
/// price: reading one stored document decompresses a block (about twice lz4's time), which
/// is why the commands that look at every record count from fast fields instead.
pub fn settings() -> IndexSettings {
    IndexSettings {
        docstore_compression: Compressor::Zstd(ZstdCompressor {
            compression_level: Some(DOCSTORE_ZSTD_LEVEL),
        }),
        docstore_blocksize: DOCSTORE_BLOCK,
        ..IndexSettings::default()
    }
}

/// `YYYY-MM-DD` → `YYYYMMDD` as a number, for range filters.
pub fn date_number(date: &str) -> Option<u64> {
    let digits: String = date.chars().filter(char::is_ascii_digit).collect();
    (digits.len() == 8).then(|| digits.parse().ok()).flatten()
}
