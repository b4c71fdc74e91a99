//! Document formats, and reading any model type from text, a file or a JSON value.

use std::path::Path;

use serde::de::DeserializeOwned;

use super::de::from_node;
use super::node::{Node, Value};
use super::{json, yaml};
use crate::document::LoadError;
use crate::document::{position_at, without_bom, Format, Location, Pointer};

/// Reads a file as UTF-8 text (a leading byte-order mark is dropped). Invalid UTF-8 is an
/// [`LoadError::Encoding`] error at the first bad byte.
pub(crate) fn read_text_file(path: &Path) -> Result<String, LoadError> {
    let bytes = std::fs::read(path).map_err(|reason| LoadError::Io { file: path.to_path_buf(), reason })?;
    text_from_bytes(bytes)
}

/// Bytes as UTF-8 text; invalid UTF-8 is an [`LoadError::Encoding`] error at the first bad byte,
/// and UTF-16 text (with or without its byte-order mark) an error that says so at the start.
pub(crate) fn text_from_bytes(bytes: Vec<u8>) -> Result<String, LoadError> {
    if let Some(kind) = utf16_kind(&bytes) {
        return Err(LoadError::Encoding {
            message: format!("the file is UTF-16 text ({kind}), not UTF-8; save it as UTF-8"),
            location: Location::new(Pointer::root(), Some(position_at("", 0))),
        });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(error) => {
            let valid = error.utf8_error().valid_up_to();
            let bytes = error.into_bytes();
            let before = String::from_utf8_lossy(&bytes[..valid]);
            Err(LoadError::Encoding {
                message: format!("the file is not UTF-8 text (bad byte 0x{:02x}); save it as UTF-8", bytes[valid]),
                location: Location::new(Pointer::root(), Some(position_at(&before, valid))),
            })
        }
    }
}

/// Whether the bytes are UTF-16 text, and which byte order: a UTF-16 byte-order mark, or a first
/// character that is ASCII with a NUL byte beside it (as `{` or `w` are in UTF-16).
fn utf16_kind(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, ..] => Some("little-endian"),
        [0xFE, 0xFF, ..] => Some("big-endian"),
        [first, 0, ..] if first.is_ascii() && *first != 0 => Some("little-endian, without a byte-order mark"),
        [0, second, ..] if second.is_ascii() && *second != 0 => Some("big-endian, without a byte-order mark"),
        _ => None,
    }
}

/// Parses text in a tree format (JSON or YAML) into a node tree.
pub(crate) fn parse_tree(text: &str, format: Format) -> Result<Node<'_>, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::syntax("the document is empty", Pointer::root(), Some(position_at(text, 0))));
    }
    match format {
        Format::Json => json::parse(text),
        Format::Yaml | Format::Csv => yaml::parse(text),
    }
}

/// Reads a model value from JSON or YAML text (from which the caller has dropped a byte-order
/// mark: one, so that positions count in the text the source keeps).
pub(crate) fn from_text<T: DeserializeOwned>(text: &str, format: Format) -> Result<T, LoadError> {
    // Not in the size build of the wasm (feature `fast-readers` off): a second deserializer for
    // every model type costs ~40 KB gzipped there. YAML's is in native builds only (`mod.rs`).
    #[cfg(any(not(target_family = "wasm"), feature = "fast-readers"))]
    {
        let straight = match format {
            Format::Json => straight_from_json(text),
            #[cfg(not(target_family = "wasm"))]
            Format::Yaml => super::yaml_de::straight_from_yaml(text),
            _ => None,
        };
        if let Some(value) = straight {
            return Ok(value);
        }
    }
    located(text, format)
}

/// The located path: the tree of values with their offsets, then the model.
fn located<T: DeserializeOwned>(text: &str, format: Format) -> Result<T, LoadError> {
    let node = parse_tree(text, format)?;
    from_node(&node, Some(text))
}

/// The fast path for JSON: `serde_json` reads the text straight into the model, without the
/// tree of located values. It cannot differ from the located path:
///
/// - any failure (syntax, an unknown or duplicate key, a wrong type, a number out of range,
///   nesting deeper than `serde_json`'s 128 levels, so any item deeper than
///   [`MAX_ITEM_DEPTH`](crate::MAX_ITEM_DEPTH)) falls back to the located path, which gives
///   the error with its path, line and column;
/// - `x-` keys need nothing of their own: the model's `Deserialize` gathers them in any format
///   (`docs/format.md#extensions`);
/// - negative zero, which `serde_json` keeps, is made zero by the model's own deserialization
///   (`crate::model::number`), as the located readers make it.
///
/// Both paths give the same value: `core/tests/json_fast_path.rs` checks it on every fixture
/// and example.
#[cfg(any(not(target_family = "wasm"), feature = "fast-readers"))]
pub(crate) fn straight_from_json<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_str(text).ok()
}

/// The fast path for a JSON file, read as a stream (no text kept): as
/// [`straight_from_json`], `None` on any failure (a file that cannot be opened or read
/// included), for the caller to read the file whole and give the located error. A byte-order
/// mark is skipped, as [`without_bom`] skips it.
#[cfg(any(not(target_family = "wasm"), feature = "fast-readers"))]
pub(crate) fn straight_from_json_file<T: DeserializeOwned>(path: &Path) -> Option<T> {
    use std::io::BufRead;
    let file = std::fs::File::open(path).ok()?;
    let mut reader = std::io::BufReader::with_capacity(1 << 16, file);
    if reader.fill_buf().ok()?.starts_with("\u{feff}".as_bytes()) {
        reader.consume("\u{feff}".len());
    }
    serde_json::from_reader(reader).ok()
}

/// The located path alone (no fast path): for tests that compare the two.
#[doc(hidden)]
pub fn located_from_json<T: DeserializeOwned>(text: &str) -> Result<T, LoadError> {
    located(without_bom(text), Format::Json)
}

/// The located path alone for YAML (no fast path): for tests that compare the two.
#[doc(hidden)]
pub fn located_from_yaml<T: DeserializeOwned>(text: &str) -> Result<T, LoadError> {
    located(without_bom(text), Format::Yaml)
}

/// Reads a model value from a JSON value (no positions).
pub(crate) fn from_json_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, LoadError> {
    from_node(&Node::from_json(value), None)
}

/// Converts a node tree into a JSON value, resolving plain YAML scalars.
pub(crate) fn node_to_json(node: &Node) -> serde_json::Value {
    use super::node::{resolve_plain, Resolved};
    match &node.value {
        Value::Null => serde_json::Value::Null,
        Value::Bool(b) => serde_json::Value::Bool(*b),
        Value::Integer(i) => serde_json::Value::from(*i),
        Value::Float(f) => serde_json::Number::from_f64(*f).map_or(serde_json::Value::Null, serde_json::Value::Number),
        Value::String(s) => serde_json::Value::String(s.to_string()),
        Value::Plain(s) => match resolve_plain(s) {
            Resolved::Null => serde_json::Value::Null,
            Resolved::Bool(b) => serde_json::Value::Bool(b),
            Resolved::Integer(i) => serde_json::Value::from(i),
            Resolved::Float(f) => {
                serde_json::Number::from_f64(f).map_or(serde_json::Value::Null, serde_json::Value::Number)
            }
            Resolved::String(s) => serde_json::Value::String(s.to_owned()),
        },
        Value::List(items) => serde_json::Value::Array(items.iter().map(node_to_json).collect()),
        Value::Map(entries) => {
            serde_json::Value::Object(entries.iter().map(|e| (e.key.to_string(), node_to_json(&e.value))).collect())
        }
    }
}

/// Reads JSON or YAML text into a plain JSON value (as the document says, not yet typed). Used to
/// check documents against the JSON Schema (in tests; not part of the API).
#[doc(hidden)]
pub fn text_to_json_value(text: &str, format: Format) -> Result<serde_json::Value, LoadError> {
    let text = without_bom(text);
    parse_tree(text, format).map(|node| node_to_json(&node))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_is_named_and_other_bad_bytes_are_located() {
        for (bytes, kind) in [
            (&b"\xff\xfew\0o\0"[..], "(little-endian)"),
            (&b"\xfe\xff\0w\0o"[..], "(big-endian)"),
            (&b"{\0\"\0"[..], "(little-endian, without a byte-order mark)"),
            (&b"\0{\0\""[..], "(big-endian, without a byte-order mark)"),
        ] {
            let error = text_from_bytes(bytes.to_vec()).expect_err("UTF-16");
            assert_eq!(error.code(), "encoding_error");
            assert_eq!(error.to_string(), format!("the file is UTF-16 text {kind}, not UTF-8; save it as UTF-8"));
            assert_eq!((error.line(), error.column()), (Some(1), Some(1)));
        }
        let error = text_from_bytes(b"a: 1\nb: caf\xe9\n".to_vec()).expect_err("Latin-1");
        assert_eq!((error.line(), error.column()), (Some(2), Some(7)));
        assert_eq!(text_from_bytes(b"{}".to_vec()).ok().as_deref(), Some("{}"));
    }

    #[test]
    fn one_byte_order_mark_is_dropped_not_two() {
        assert_eq!(Format::sniff("\u{feff}  {}"), Format::Json);
        let error = crate::Plan::from_json_str("\u{feff}\u{feff}{}").expect_err("a second mark");
        assert_eq!(error.to_string(), "invalid JSON: expected a value, found the invisible character U+FEFF");
        assert_eq!(error.column(), Some(1));
    }
}
