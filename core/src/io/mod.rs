//! Reading and writing documents: JSON and YAML plans, progress returns as CSV, JSON or YAML, with
//! the JSON Pointer path and the line and column of every load error.

pub(crate) mod csv;
pub(crate) mod de;
mod document;
mod error;
mod format;
mod json;
mod location;
mod node;
mod save;
mod source;
mod yaml;
#[cfg(not(target_family = "wasm"))]
mod yaml_block;

pub use csv::UPDATE_COLUMNS;

/// Reads rollup options from JSON data.
pub(crate) fn options_from_json_value(value: serde_json::Value) -> Result<crate::RollupOptions, LoadError> {
    format::from_json_value(value)
}
pub use error::{edit_distance, nearest as nearest_of, LoadError};
pub use format::{located_from_json, text_to_json_value, Format};
pub use location::{position_at, positions_at, Location, PathSegment, Pointer, Position};
pub use source::Source;
#[cfg(not(target_family = "wasm"))]
pub use yaml::compare_yaml_scanners;

pub(crate) use node::shorten;
