//! Reading and writing documents: JSON and YAML plans, progress returns as CSV, JSON or YAML, with
//! the JSON Pointer path and the line and column of every load error.

pub(crate) mod csv;
pub(crate) mod de;
pub(crate) mod format;
#[cfg(feature = "arrow")]
mod frame;
mod json;
mod load;
mod mapping;
mod node;
#[cfg(any(not(target_family = "wasm"), feature = "fast-readers"))]
mod offsets;
mod positions;
pub(crate) use positions::positions_in_text;
mod returns;
mod save;
#[cfg(feature = "spreadsheet")]
mod sheet;
mod table;
mod yaml;
#[cfg(any(not(target_family = "wasm"), feature = "fast-readers"))]
mod yaml_block;
// Native builds only: in the speed build of the wasm it cost 55 KB gzipped (a second
// deserializer of every model type), for YAML plans that pages seldom read (BENCHMARKS.md, "YAML
// read straight into the model").
#[cfg(not(target_family = "wasm"))]
mod yaml_de;

pub use csv::UPDATE_COLUMNS;

/// Whether bytes are a workbook (a zip archive or an OLE compound file), whatever the build reads.
pub(crate) fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

pub use crate::document::{
    cell_name, Format, LoadError, Location, PathSegment, PercentScale, Pointer, Position, ReadNote, ReadNotes, SetAside,
};
pub use crate::text::nearest as nearest_of;
pub(crate) use format::from_json_value;
pub use format::{located_from_json, located_from_yaml, text_to_json_value};
pub use mapping::{normalise, Mapping, StatusPreset, StatusWords};
pub use returns::{OnError, ReadOptions, MAX_REPORTED};
#[cfg(any(not(target_family = "wasm"), feature = "fast-readers"))]
pub use yaml::compare_yaml_scanners;
#[cfg(not(target_family = "wasm"))]
pub use yaml_de::straight_from_yaml;
