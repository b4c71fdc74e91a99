//! Where something is in a document: a JSON Pointer path and, for text input, a line and column.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One step of a [`Pointer`]: an object key or a list index.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum PathSegment {
    /// A list index, counted from 0.
    Index(usize),
    /// An object key.
    Key(String),
}

impl From<usize> for PathSegment {
    fn from(index: usize) -> Self {
        PathSegment::Index(index)
    }
}

impl From<&str> for PathSegment {
    fn from(key: &str) -> Self {
        PathSegment::Key(key.to_owned())
    }
}

/// A JSON Pointer (RFC 6901) into a document, such as `/items/0/children/2/due`.
///
/// The empty pointer is the whole document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Pointer(pub Vec<PathSegment>);

impl Pointer {
    /// The pointer to the whole document.
    pub fn root() -> Self {
        Pointer(Vec::new())
    }

    /// Parses an RFC 6901 pointer such as `/items/0/title`. Segments made only of digits become
    /// list indexes.
    pub fn parse(text: &str) -> Self {
        if text.is_empty() {
            return Pointer::root();
        }
        let segments = text
            .trim_start_matches('/')
            .split('/')
            .map(|raw| {
                let key = raw.replace("~1", "/").replace("~0", "~");
                match key.parse::<usize>() {
                    Ok(index) if !key.starts_with('+') => PathSegment::Index(index),
                    _ => PathSegment::Key(key),
                }
            })
            .collect();
        Pointer(segments)
    }

    /// This pointer with one more segment.
    pub fn join(&self, segment: impl Into<PathSegment>) -> Self {
        let mut segments = self.0.clone();
        segments.push(segment.into());
        Pointer(segments)
    }

    /// The segments, outermost first.
    pub fn segments(&self) -> &[PathSegment] {
        &self.0
    }

    /// Whether this is the pointer to the whole document.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// The pointer as words for a message: the pointer itself (its middle elided past 80
    /// characters), or "the top level" for the root.
    pub fn describe(&self) -> String {
        if self.is_root() {
            return "the top level".to_owned();
        }
        let text = self.to_string();
        let chars: Vec<char> = text.chars().collect();
        if chars.len() <= 80 {
            return text;
        }
        let head: String = chars[..40].iter().collect();
        let tail: String = chars[chars.len() - 36..].iter().collect();
        format!("{head}...{tail}")
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for segment in &self.0 {
            match segment {
                PathSegment::Index(index) => write!(f, "/{index}")?,
                PathSegment::Key(key) => write!(f, "/{}", key.replace('~', "~0").replace('/', "~1"))?,
            }
        }
        Ok(())
    }
}

/// A place in source text: 1-based line and column (the column counts characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Position {
    /// Line number, from 1.
    pub line: usize,
    /// Column number in characters, from 1.
    pub column: usize,
}

/// Where a problem is: the JSON Pointer path, and the source position when the document came
/// from text, or the sheet and cell when it came from a workbook.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Location {
    /// JSON Pointer into the document.
    pub path: Pointer,
    /// Line and column in the source text, when there was source text; for a workbook, the row
    /// and column of the cell (both from 1).
    pub position: Option<Position>,
    /// The sheet of a workbook the cell is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<Box<str>>,
}

impl Location {
    /// A location with a path and an optional position.
    pub fn new(path: Pointer, position: Option<Position>) -> Self {
        Location { path, position, sheet: None }
    }

    /// A cell of a workbook's sheet: `row` and `column` from 1.
    pub fn cell(path: Pointer, sheet: &str, row: usize, column: usize) -> Self {
        Location { path, position: Some(Position { line: row, column }), sheet: Some(sheet.into()) }
    }

    /// The cell reference in a workbook, such as `Q2!C14`; `None` outside workbooks.
    pub fn cell_reference(&self) -> Option<String> {
        let (sheet, position) = (self.sheet.as_ref()?, self.position?);
        Some(format!("{}!{}", sheet_name(sheet), cell_name(position.line, position.column)))
    }

    /// The place as words for a message: the cell (`sheet Q2, cell C14`) in a workbook, else the
    /// path (see [`Pointer::describe`]).
    pub fn describe(&self) -> String {
        match (&self.sheet, self.position) {
            (Some(sheet), Some(position)) => {
                format!("sheet `{sheet}`, cell {}", cell_name(position.line, position.column))
            }
            _ => self.path.describe(),
        }
    }

    /// The line, from 1, if known.
    pub fn line(&self) -> Option<usize> {
        self.position.map(|p| p.line)
    }

    /// The column, from 1, if known.
    pub fn column(&self) -> Option<usize> {
        self.position.map(|p| p.column)
    }
}

/// A cell's name in A1 style: column letters then the row, `C14`.
pub fn cell_name(row: usize, column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{row}", String::from_utf8_lossy(&letters))
}

/// A sheet name as a spreadsheet writes it in a reference: quoted when it holds anything but
/// ASCII letters, digits and `_` (`'Q2 returns'`; quoting a name that needs none is still valid,
/// and an ASCII test keeps the Unicode tables out of the wasm).
fn sheet_name(sheet: &str) -> String {
    if !sheet.is_empty() && sheet.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        sheet.to_owned()
    } else {
        format!("'{}'", sheet.replace('\'', "''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_spreadsheets_name_them() {
        assert_eq!(cell_name(14, 3), "C14");
        assert_eq!(cell_name(1, 26), "Z1");
        assert_eq!(cell_name(2, 27), "AA2");
        assert_eq!(cell_name(9, 703), "AAA9");
        let location = Location::cell(Pointer::root().join(3).join("percent"), "Q2 returns", 5, 4);
        assert_eq!(location.cell_reference().as_deref(), Some("'Q2 returns'!D5"));
        assert_eq!(location.describe(), "sheet `Q2 returns`, cell D5");
    }

    #[test]
    fn pointer_round_trips_through_text() {
        let pointer = Pointer::root().join("items").join(0).join("a/b~c");
        assert_eq!(pointer.to_string(), "/items/0/a~1b~0c");
        assert_eq!(Pointer::parse(&pointer.to_string()), pointer);
        assert_eq!(Pointer::parse(""), Pointer::root());
        assert_eq!(Pointer::root().describe(), "the top level");
    }
}

/// The line and column (in characters) of a byte offset in `text`. An offset past the end gives
/// the position just after the last character.
pub(crate) fn position_at(text: &str, offset: usize) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    Position { line, column }
}

/// The positions of many byte offsets in one pass over `text` (in the order of `offsets`).
pub(crate) fn positions_at(text: &str, offsets: &[usize]) -> Vec<Position> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut out = vec![Position { line: 1, column: 1 }; offsets.len()];
    let (mut at, mut line, mut column) = (0usize, 1usize, 1usize);
    for i in order {
        let mut target = offsets[i].min(text.len());
        while !text.is_char_boundary(target) {
            target -= 1;
        }
        if target > at {
            let segment = &text[at..target];
            match segment.rfind('\n') {
                None => column += segment.chars().count(),
                Some(last) => {
                    line += segment.bytes().filter(|&b| b == b'\n').count();
                    column = 1 + segment[last + 1..].chars().count();
                }
            }
            at = target;
        }
        out[i] = Position { line, column };
    }
    out
}

#[cfg(test)]
mod position_tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_character_columns() {
        let text = "ab\ncé d\n";
        assert_eq!(position_at(text, 0), Position { line: 1, column: 1 });
        assert_eq!(position_at(text, 3), Position { line: 2, column: 1 });
        assert_eq!(position_at(text, 6), Position { line: 2, column: 3 });
        assert_eq!(position_at(text, 100), Position { line: 3, column: 1 });
        let many = positions_at(text, &[6, 0, 100, 3, 6]);
        let one_by_one: Vec<Position> = [6, 0, 100, 3, 6].iter().map(|&o| position_at(text, o)).collect();
        assert_eq!(many, one_by_one);
    }
}
