//! Where a plan or a set of returns was read from: the text, kept so that findings about any
//! value can be given a line and column long after loading.

use std::fmt;
use std::sync::Arc;

use super::{Format, PathSegment, Pointer, Position};

/// The source text a value was loaded from, if it was loaded from text. Cheap to clone.
///
/// It never makes two values different: `==` on plans and updates ignores it.
#[derive(Clone, Default)]
pub struct Source(Option<Arc<Inner>>);

struct Inner {
    text: String,
    format: Format,
    /// For returns read from a workbook's cells (or a data frame): where each return is.
    cells: Option<CellMap>,
    /// The shape of the value as loaded (see `model/shape.rs`); positions are given only while
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
        Source(Some(Arc::new(Inner { text: text.to_owned(), format, cells: None, shape: 0 })))
    }

    /// A source that takes `text` (as parsed: without a byte-order mark) without copying it.
    pub(crate) fn from_string(text: String, format: Format) -> Self {
        Source(Some(Arc::new(Inner { text, format, cells: None, shape: 0 })))
    }

    /// A source for returns read from cells: positions are the rows and columns of the sheets.
    #[cfg_attr(not(any(feature = "spreadsheet", feature = "arrow")), allow(dead_code))]
    pub(crate) fn from_cells(cells: CellMap) -> Self {
        Source(Some(Arc::new(Inner { text: String::new(), format: Format::Csv, cells: Some(cells), shape: 0 })))
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
    pub(crate) fn cell_position(cells: &CellMap, pointer: &Pointer) -> Option<Position> {
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

    /// The text and its format, when the source is text (not cells).
    pub(crate) fn text(&self) -> Option<(&str, Format)> {
        self.0.as_ref().filter(|inner| inner.cells.is_none()).map(|inner| (inner.text.as_str(), inner.format))
    }

    /// Where the returns read from cells are, when the source is cells.
    pub(crate) fn cells(&self) -> Option<&CellMap> {
        self.0.as_ref()?.cells.as_ref()
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
