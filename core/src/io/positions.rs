//! The positions of values in the text a document was read from: [`Source::position`] and
//! [`Source::positions`], which read the text again (the source keeps only the text): JSON (and
//! YAML, in native builds) in one pass that notes only the wanted offsets (`offsets.rs`; not in
//! the size build of the wasm, where it would add 2.8 KB gzipped: BENCHMARKS.md, "Loaders"); CSV,
//! and what that pass leaves (JSON in the size build, YAML in the wasm or with aliases), into a
//! located tree.

use super::node::{Node, Value};
#[cfg(any(not(target_family = "wasm"), feature = "fast-readers"))]
use super::offsets::json_offsets;
#[cfg(not(target_family = "wasm"))]
use super::offsets::yaml_offsets;
use super::{csv, json, yaml};
use crate::document::{positions_at, Format, PathSegment, Pointer, Position, Source};

impl Source {
    /// The line and column of the value at `pointer`; when the document does not write that
    /// value (a default, an inherited date), the position of the nearest enclosing value that it
    /// does write.
    pub fn position(&self, pointer: &Pointer) -> Option<Position> {
        self.positions(std::slice::from_ref(pointer)).pop().flatten()
    }

    /// The positions of many values at once (see [`position`](Source::position)), from one
    /// reading of the text.
    pub fn positions(&self, pointers: &[Pointer]) -> Vec<Option<Position>> {
        if pointers.is_empty() {
            return Vec::new();
        }
        if let Some(cells) = self.cells() {
            return pointers.iter().map(|pointer| Source::cell_position(cells, pointer)).collect();
        }
        let Some((text, format)) = self.text() else { return vec![None; pointers.len()] };
        positions_in_text(text, format, pointers)
    }
}

/// The positions of the values at `pointers` in `text` (see [`Source::positions`]).
pub(crate) fn positions_in_text(text: &str, format: Format, pointers: &[Pointer]) -> Vec<Option<Position>> {
    let offsets = match format {
        #[cfg(any(not(target_family = "wasm"), feature = "fast-readers"))]
        Format::Json => json_offsets(text, pointers),
        #[cfg(not(target_family = "wasm"))]
        Format::Yaml => yaml_offsets(text, pointers).unwrap_or_else(|| tree_offsets(text, format, pointers)),
        _ => tree_offsets(text, format, pointers),
    };
    let known: Vec<usize> = offsets.iter().flatten().copied().collect();
    let mut positions = positions_at(text, &known).into_iter();
    offsets.iter().map(|offset| offset.and_then(|_| positions.next())).collect()
}

/// The offsets of the values at `pointers` (or of their nearest written ancestors) from a located
/// tree of the whole text, for YAML and CSV (and JSON in the size build of the wasm).
fn tree_offsets(text: &str, format: Format, pointers: &[Pointer]) -> Vec<Option<usize>> {
    let tree = match format {
        Format::Json => json::parse(text).ok(),
        Format::Yaml => yaml::parse(text).ok(),
        Format::Csv => csv::rows(text).ok().map(|rows| Node { value: Value::List(rows), offset: Some(0) }),
    };
    let Some(tree) = tree else { return vec![None; pointers.len()] };
    pointers.iter().map(|pointer| offset(&tree, pointer)).collect()
}

/// The byte offset of the value at `pointer` in `tree`, or of its nearest written ancestor.
pub(super) fn offset(tree: &Node<'_>, pointer: &Pointer) -> Option<usize> {
    let mut node = tree;
    let mut offset = node.offset;
    for segment in pointer.segments() {
        let next = match (&node.value, segment) {
            (Value::Map(entries), PathSegment::Key(key)) => entries.iter().find(|e| &e.key == key).map(|e| &e.value),
            (Value::List(items), PathSegment::Index(index)) => items.get(*index),
            _ => None,
        };
        match next {
            Some(child) => {
                node = child;
                offset = child.offset.or(offset);
            }
            None => break,
        }
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_of_written_values_and_of_their_nearest_written_ancestor() {
        let text = "id: a\nitems:\n  - id: x\n    title: X\n";
        let source = Source::new(text, Format::Yaml);
        assert_eq!(source.position(&Pointer::parse("/items/0/title")), Some(Position { line: 4, column: 12 }));
        assert_eq!(source.position(&Pointer::parse("/items/0/due")), Some(Position { line: 3, column: 5 }));
        assert_eq!(Source::default().position(&Pointer::parse("/items")), None);
    }

    #[test]
    fn csv_positions_are_those_of_cells() {
        let source = Source::new("item,date\na,2020-01-01\nb,2020-02-30\n", Format::Csv);
        assert_eq!(source.position(&Pointer::parse("/1/date")), Some(Position { line: 3, column: 3 }));
    }
}
