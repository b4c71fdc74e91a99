//! Reading and writing documents: JSON and YAML plans, progress returns as CSV, JSON or YAML, with
//! the JSON Pointer path and the line and column of every load error.

pub(crate) mod csv;
pub(crate) mod de;
mod document;
pub(crate) mod error;
mod format;
#[cfg(feature = "arrow")]
mod frame;
mod json;
mod location;
mod mapping;
mod node;
mod returns;
mod save;
pub(crate) mod shape;
#[cfg(feature = "spreadsheet")]
mod sheet;
mod source;
mod table;
mod yaml;
#[cfg(not(target_family = "wasm"))]
mod yaml_block;

pub use csv::UPDATE_COLUMNS;

/// Whether bytes are a workbook (a zip archive or an OLE compound file), whatever the build reads.
pub(crate) fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// Reads rollup options from JSON data.
pub(crate) fn options_from_json_value(value: serde_json::Value) -> Result<crate::RollupOptions, LoadError> {
    format::from_json_value(value)
}
pub use error::{nearest as nearest_of, LoadError};
pub use format::{located_from_json, text_to_json_value, Format};
pub use location::{cell_name, Location, PathSegment, Pointer, Position};
pub use mapping::{normalise, Mapping, PercentScale, StatusPreset, StatusWords};
pub use returns::{OnError, ReadNote, ReadNotes, ReadOptions, SetAside, MAX_REPORTED};
pub(crate) use source::Source;
#[cfg(not(target_family = "wasm"))]
pub use yaml::compare_yaml_scanners;

pub(crate) use node::shorten;
