//! Where a plan or a set of returns was read from: the text, kept so that findings about any
//! value can be given a line and column long after loading.

use std::fmt;
use std::sync::{Arc, OnceLock};

use super::location::{positions_at, PathSegment, Pointer, Position};
use super::node::{Node, Value};
use super::{csv, json, yaml, Format};

/// The source text a value was loaded from, if it was loaded from text. Cheap to clone.
///
/// It never makes two values different: `==` on plans and updates ignores it.
#[derive(Clone, Default)]
pub struct Source(Option<Arc<Inner>>);

struct Inner {
    text: String,
    format: Format,
    /// The document tree, parsed again on first use.
    tree: OnceLock<Option<Node<'static>>>,
    /// For returns read from a workbook's cells (or a data frame): where each return is.
    cells: Option<CellMap>,
    /// The shape of the value as loaded (see [`super::shape`]); positions are given only while
    /// the value keeps it.
    shape: u64,
}

/// Where the returns read from a table of cells are: the sheet and row of each return, and the
/// field each column of each sheet is read as.
#[derive(Debug, Clone, Default)]
pub(crate) struct CellMap {
    /// Per sheet: its name (empty for a data frame) and the field of each column (`""` when
    /// read past).
    pub sheets: Vec<(String, Vec<String>)>,
    /// Per return: its sheet (an index into `sheets`) and row (from 1 on a sheet).
    pub rows: Vec<(usize, usize)>,
}

impl Source {
    /// A source for `text` in `format` (the text as parsed: without a byte-order mark).
    pub(crate) fn new(text: &str, format: Format) -> Self {
        Source(Some(Arc::new(Inner { text: text.to_owned(), format, tree: OnceLock::new(), cells: None, shape: 0 })))
    }

    /// A source that takes `text` (as parsed: without a byte-order mark) without copying it.
    pub(crate) fn from_string(text: String, format: Format) -> Self {
        Source(Some(Arc::new(Inner { text, format, tree: OnceLock::new(), cells: None, shape: 0 })))
    }

    /// A source for returns read from cells: positions are the rows and columns of the sheets.
    #[cfg_attr(not(any(feature = "spreadsheet", feature = "arrow")), allow(dead_code))]
    pub(crate) fn from_cells(cells: CellMap) -> Self {
        Source(Some(Arc::new(Inner {
            text: String::new(),
            format: Format::Csv,
            tree: OnceLock::new(),
            cells: Some(cells),
            shape: 0,
        })))
    }

    /// The source, recording the shape of the value loaded from it.
    pub(crate) fn with_shape(mut self, shape: u64) -> Self {
        if let Some(inner) = self.0.as_mut().and_then(Arc::get_mut) {
            inner.shape = shape;
        }
        self
    }

    /// The source, if the value it was loaded into still has the shape it had then (`shape`
    /// computes the value's shape now; it is not computed when there is no source); else the
    /// empty source, which gives no positions.
    pub(crate) fn if_shape(&self, shape: impl FnOnce() -> u64) -> &Source {
        static NONE: Source = Source(None);
        match &self.0 {
            Some(inner) if inner.shape == shape() => self,
            _ => &NONE,
        }
    }

    /// The sheet of the value at `pointer`, for returns read from a workbook.
    pub fn sheet(&self, pointer: &Pointer) -> Option<&str> {
        let cells = self.0.as_ref()?.cells.as_ref()?;
        let Some(PathSegment::Index(index)) = pointer.segments().first() else { return None };
        let (sheet, _) = cells.rows.get(*index)?;
        cells.sheets.get(*sheet).map(|(name, _)| name.as_str()).filter(|name| !name.is_empty())
    }

    /// The row and column of the value at `pointer` in its sheet (the row's first cell for a
    /// field the row does not write).
    fn cell_position(cells: &CellMap, pointer: &Pointer) -> Option<Position> {
        let Some(PathSegment::Index(index)) = pointer.segments().first() else { return None };
        let (sheet, row) = cells.rows.get(*index)?;
        let (name, columns) = cells.sheets.get(*sheet)?;
        if name.is_empty() {
            return None;
        }
        let column = match pointer.segments().get(1) {
            Some(PathSegment::Key(key)) => columns.iter().position(|field| field == key).map_or(1, |c| c + 1),
            _ => 1,
        };
        Some(Position { line: *row, column })
    }

    /// Whether there is source text.
    pub fn is_text(&self) -> bool {
        self.0.is_some()
    }

    /// The line and column of the value at `pointer`; when the document does not write that
    /// value (a default, an inherited date), the position of the nearest enclosing value that it
    /// does write.
    pub fn position(&self, pointer: &Pointer) -> Option<Position> {
        self.positions(std::slice::from_ref(pointer)).pop().flatten()
    }

    /// The positions of many values at once (see [`position`](Source::position)), in one pass
    /// over the text.
    pub fn positions(&self, pointers: &[Pointer]) -> Vec<Option<Position>> {
        let Some(inner) = self.0.as_ref() else { return vec![None; pointers.len()] };
        if let Some(cells) = &inner.cells {
            return pointers.iter().map(|pointer| Self::cell_position(cells, pointer)).collect();
        }
        let offsets: Vec<Option<usize>> = pointers.iter().map(|pointer| self.offset(pointer)).collect();
        let known: Vec<usize> = offsets.iter().flatten().copied().collect();
        let mut positions = positions_at(&inner.text, &known).into_iter();
        offsets.iter().map(|offset| offset.and_then(|_| positions.next())).collect()
    }

    /// The byte offset of the value at `pointer`, or of its nearest written ancestor.
    fn offset(&self, pointer: &Pointer) -> Option<usize> {
        let inner = self.0.as_ref()?;
        if inner.cells.is_some() {
            return None;
        }
        let tree = inner.tree.get_or_init(|| match inner.format {
            Format::Json => json::parse(&inner.text).ok().map(Node::into_owned),
            Format::Yaml => yaml::parse(&inner.text).ok().map(Node::into_owned),
            Format::Csv => csv::rows(&inner.text).ok().map(|rows| Node { value: Value::List(rows), offset: Some(0) }),
        });
        let mut node = tree.as_ref()?;
        let mut offset = node.offset;
        for segment in pointer.segments() {
            let next = match (&node.value, segment) {
                (Value::Map(entries), PathSegment::Key(key)) => {
                    entries.iter().find(|e| &e.key == key).map(|e| &e.value)
                }
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
}

impl PartialEq for Source {
    /// Where a value came from does not make it a different value.
    fn eq(&self, _: &Source) -> bool {
        true
    }
}

impl fmt::Debug for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Some(inner) if inner.cells.is_some() => f.write_str("Source(cells)"),
            Some(inner) => write!(f, "Source({:?}, {} bytes)", inner.format, inner.text.len()),
            None => f.write_str("Source(none)"),
        }
    }
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
