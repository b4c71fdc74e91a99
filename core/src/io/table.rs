//! The one way a table becomes returns (`docs/returns.md`). CSV text, a workbook's sheets and a
//! data frame's columns each hand their header and rows of typed cells to a [`TableReader`],
//! which maps the columns and words, reads each row through the same deserializer as JSON and
//! YAML returns, and gathers every problem with its place: so every input path gives the same
//! returns for the same data, or the same error.

use std::borrow::Cow;

use chrono::NaiveDateTime;

use super::de::from_node;
use super::mapping::{fraction_to_percent, normalise};
use super::node::{Entry, Node, Value};
use super::returns::{OnError, ReadOptions, MAX_REPORTED};
use super::UPDATE_COLUMNS;
use crate::document::CellMap;
use crate::document::LoadError;
use crate::document::PercentScale;
use crate::document::{position_at, Location, Pointer, Position};
use crate::document::{ReadNote, ReadNotes, SetAside};
use crate::model::{Date, Timestamp, Update};
use crate::text::nearest;
use crate::text::shorten;

/// A cell as a table holds it. (CSV has text only: the typed cells come from workbooks and
/// data frames.)
#[cfg_attr(not(all(feature = "spreadsheet", feature = "arrow")), allow(dead_code))]
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell<'a> {
    /// Nothing.
    Empty,
    /// Text, as written (trimmed by the reader, which counts what it trims).
    Text(Cow<'a, str>),
    /// A number.
    Number(f64),
    /// A boolean.
    Bool(bool),
    /// A date and time without a zone (a workbook's date cells).
    DateTime(NaiveDateTime),
    /// A date.
    Date(Date),
    /// An instant (a data frame's zoned timestamps).
    Instant(Timestamp),
    /// A spreadsheet's error value, such as `#DIV/0!`.
    Error(String),
}

/// Where a cell is.
#[cfg_attr(not(all(feature = "spreadsheet", feature = "arrow")), allow(dead_code))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// A byte offset in CSV text.
    Offset(usize),
    /// A cell of CSV text: the offset of its record and its index in it (the cell's own offset
    /// is found only when a message needs it).
    Field { record: usize, index: usize },
    /// A cell of the current sheet, row and column from 1.
    Cell { row: usize, column: usize },
    /// A data frame's row (from 0) and column (from 0).
    Frame { row: usize, column: usize },
}

/// What a table's column is read as.
#[derive(Debug, Clone, PartialEq)]
enum Column {
    /// A column of the format, or an `x-` column.
    Field(String),
    /// Read past: declared `ignore`, or no header.
    Ignored { unnamed: bool },
}

/// Reads returns from a table, one row at a time, gathering every problem.
#[derive(Debug)]
pub(crate) struct TableReader<'t> {
    options: &'t ReadOptions,
    /// CSV text, for the positions of offsets.
    text: Option<&'t str>,
    /// The sheet being read, for the places of its cells.
    sheet: Option<String>,
    headers: Vec<String>,
    columns: Vec<Column>,
    updates: Vec<Update>,
    cells: Option<CellMap>,
    /// Rows read that are returns or problems (blank and summary rows are not counted).
    index: usize,
    problems: Vec<LoadError>,
    total_problems: usize,
    set_aside: Vec<SetAside>,
    blank: (usize, Option<Location>),
    trimmed: (usize, Option<Location>),
    notes: Vec<ReadNote>,
}

/// Words that make a row a total or summary row when they stand in its item column (or its
/// first cell) and the row has no item id.
const SUMMARY_WORDS: [&str; 8] = ["total", "totals", "grandtotal", "subtotal", "sum", "average", "mean", "overall"];

impl<'t> TableReader<'t> {
    /// A reader of CSV text (whose places are byte offsets) or of cells (`text` `None`).
    pub fn new(options: &'t ReadOptions, text: Option<&'t str>) -> Self {
        TableReader {
            options,
            text,
            sheet: None,
            headers: Vec::new(),
            columns: Vec::new(),
            updates: Vec::new(),
            cells: if text.is_none() { Some(CellMap::default()) } else { None },
            index: 0,
            problems: Vec::new(),
            total_problems: 0,
            set_aside: Vec::new(),
            blank: (0, None),
            trimmed: (0, None),
            notes: Vec::new(),
        }
    }

    /// Starts a sheet of a workbook: its cells are named on it.
    #[cfg_attr(not(feature = "spreadsheet"), allow(dead_code))]
    pub fn start_sheet(&mut self, name: &str) {
        self.sheet = Some(name.to_owned());
        if let Some(cells) = self.cells.as_mut() {
            cells.sheets.push((name.to_owned(), Vec::new()));
        }
    }

    /// The location of a place, with `path`.
    pub fn locate(&self, path: Pointer, place: Place) -> Location {
        match place {
            Place::Offset(offset) => Location::new(path, self.text.map(|text| position_at(text, offset))),
            Place::Field { record, index } => Location::new(
                path,
                self.text.map(|text| position_at(text, super::csv::field_offset(text, record, index))),
            ),
            Place::Cell { row, column } => match &self.sheet {
                Some(sheet) => Location::cell(path, sheet, row, column),
                None => Location::new(path, Some(Position { line: row, column })),
            },
            Place::Frame { .. } => Location::new(path, None),
        }
    }

    /// Reads the header: every column mapped, or every unknown column reported at once.
    pub fn header(&mut self, cells: &[(Cell<'_>, Place)], place: Place) -> Result<(), LoadError> {
        if let Err(message) = self.options.mapping.check() {
            return Err(LoadError::InvalidValue { message, location: Location::new(Pointer::root(), None) });
        }
        self.headers.clear();
        self.columns.clear();
        let mut problems = Vec::new();
        for (cell, cell_place) in cells {
            let name = cell_text(cell);
            let name = name.trim();
            self.headers.push(name.to_owned());
            let column = if name.is_empty() {
                Column::Ignored { unnamed: true }
            } else {
                match self.options.mapping.column(name) {
                    Some("") => Column::Ignored { unnamed: false },
                    Some(field) => Column::Field(field.to_owned()),
                    None if name.starts_with("x-") => Column::Field(name.to_owned()),
                    None => {
                        problems.push(LoadError::UnknownColumn {
                            column: name.to_owned(),
                            suggestion: nearest(&normalise(name), UPDATE_COLUMNS),
                            location: self.locate(Pointer::root(), *cell_place),
                        });
                        Column::Ignored { unnamed: false }
                    }
                }
            };
            if let Column::Field(field) = &column {
                if self.columns.iter().any(|c| c == &column) {
                    problems.push(LoadError::DuplicateKey {
                        key: field.clone(),
                        location: self.locate(Pointer::root(), *cell_place),
                    });
                }
            }
            self.columns.push(column);
        }
        if self.columns.is_empty() {
            return Err(LoadError::syntax(
                "there is no header row (it names the columns, at least `item` and `date`)",
                Pointer::root(),
                self.locate(Pointer::root(), place).position,
            ));
        }
        for required in ["item", "date"] {
            if !self.columns.iter().any(|c| matches!(c, Column::Field(f) if f == required)) {
                problems.push(LoadError::MissingField {
                    field: required.to_owned(),
                    location: self.locate(Pointer::root(), place),
                });
            }
        }
        if let Some(cells) = self.cells.as_mut() {
            let fields = self.columns.iter().map(|c| match c {
                Column::Field(f) => f.clone(),
                Column::Ignored { .. } => String::new(),
            });
            match cells.sheets.last_mut() {
                Some((_, columns)) => columns.extend(fields),
                None => cells.sheets.push((String::new(), fields.collect())),
            }
        }
        match problems.len() {
            0 => Ok(()),
            1 => Err(problems.remove(0)),
            total => Err(LoadError::Several { errors: problems, total }),
        }
    }

    /// Reads one row. `place` is the row's start (its first cell).
    pub fn row(&mut self, cells: &[(Cell<'_>, Place)], place: Place) {
        if cells.iter().all(|(cell, _)| is_blank(cell)) {
            self.blank.0 += 1;
            if self.blank.1.is_none() {
                self.blank.1 = Some(self.locate(Pointer::root(), place));
            }
            return;
        }
        if let Some(word) = self.summary_word(cells) {
            let location = self.locate(Pointer::root(), place);
            self.notes.push(ReadNote {
                code: crate::DiagnosticCode::SummaryRowSkipped,
                message: format!(
                    "A row that reads `{word}` and names no item was skipped at {}: a total is not a return.",
                    row_words(&location)
                ),
                location,
                hint: Some(
                    "delete total and summary rows from returns; the rollup adds up the returns itself".to_owned(),
                ),
            });
            return;
        }
        // The columns are taken out for the row, so that its entries borrow their names.
        let columns = std::mem::take(&mut self.columns);
        let problems = self.read_row(&columns, cells, place);
        self.columns = columns;
        let Some(problems) = problems else {
            self.index += 1;
            return;
        };
        self.total_problems += problems.len();
        let path = Pointer::root().join(self.index);
        if self.options.on_error == OnError::Collect {
            let cells_text = self
                .headers
                .iter()
                .zip(cells.iter())
                .filter(|(_, (cell, _))| !is_blank(cell))
                .map(|(header, (cell, _))| (header.clone(), cell_text(cell).into_owned()))
                .collect();
            self.set_aside.push(SetAside { location: self.locate(path, place), cells: cells_text, errors: problems });
        } else {
            let room = MAX_REPORTED.saturating_sub(self.problems.len());
            self.problems.extend(problems.into_iter().take(room));
        }
        self.index += 1;
    }

    /// Reads a row's cells into a return; `None` when it is one, else its problems.
    fn read_row(&mut self, columns: &[Column], cells: &[(Cell<'_>, Place)], place: Place) -> Option<Vec<LoadError>> {
        let path = Pointer::root().join(self.index);
        let mut entries = Vec::with_capacity(cells.len());
        let mut problems = Vec::new();
        let mut fields: Vec<(&str, Place)> = Vec::with_capacity(cells.len());
        for (position, (cell, cell_place)) in cells.iter().enumerate() {
            match columns.get(position).unwrap_or(&Column::Ignored { unnamed: true }) {
                Column::Ignored { unnamed: true } if !is_blank(cell) => problems.push(LoadError::InvalidValue {
                    message: format!(
                        "`{}` is in a column without a header (name the column or delete it; pandas writes its \
                         index as one unless given `index=False`)",
                        shorten(&cell_text(cell))
                    ),
                    location: self.locate(path.clone(), *cell_place),
                }),
                Column::Ignored { .. } => {}
                Column::Field(field) => match self.value(field, cell, *cell_place) {
                    Ok(None) => {}
                    Ok(Some(value)) => {
                        fields.push((field.as_str(), *cell_place));
                        entries.push(Entry {
                            key: Cow::Borrowed(field.as_str()),
                            key_offset: None,
                            value: Node { value, offset: None },
                        });
                    }
                    Err(message) => problems.push(LoadError::InvalidValue {
                        message,
                        location: self.locate(path.join(field.as_str()), *cell_place),
                    }),
                },
            }
        }
        if !problems.is_empty() {
            return Some(problems);
        }
        match from_node::<Update>(&Node { value: Value::Map(entries), offset: None }, None) {
            Ok(update) => {
                if let Some(cells) = self.cells.as_mut() {
                    match place {
                        Place::Cell { row, .. } => cells.rows.push((cells.sheets.len().saturating_sub(1), row)),
                        Place::Frame { row, .. } => cells.rows.push((0, row)),
                        Place::Offset(_) | Place::Field { .. } => {}
                    }
                }
                self.updates.push(update);
                None
            }
            Err(mut error) => {
                // The deserializer knows the field; the table knows the cell.
                let own = error.location().map(|l| l.path.clone()).unwrap_or_default();
                let cell_place = match own.segments().first() {
                    Some(super::PathSegment::Key(key)) => fields.iter().find(|(f, _)| f == key).map(|(_, p)| *p),
                    _ => None,
                }
                .unwrap_or(place);
                let mut full = path;
                full.0.extend(own.0);
                let location = self.locate(full, cell_place);
                if let Some(target) = error.location_mut() {
                    *target = location;
                }
                Some(vec![error])
            }
        }
    }

    /// The summary word of a total row: a row with no item id whose item cell or first cell is
    /// `Total`, `Sum`, `Average` and the like.
    fn summary_word(&self, cells: &[(Cell<'_>, Place)]) -> Option<String> {
        let item = self.columns.iter().position(|c| matches!(c, Column::Field(f) if f == "item"));
        let text = |i: usize| match cells.get(i) {
            Some((Cell::Text(text), _)) => text.trim(),
            _ => "",
        };
        let item_text = item.map(text).unwrap_or("");
        [item_text, text(0)]
            .into_iter()
            .find(|word| is_summary_word(word))
            .filter(|word| item_text.is_empty() || item_text == *word)
            .map(str::to_owned)
    }

    /// A cell as the value of `field`, or why it cannot be one; `None` for an empty cell.
    fn value<'c>(&mut self, field: &str, cell: &'c Cell<'_>, place: Place) -> Result<Option<Value<'c>>, String> {
        let text = match cell {
            Cell::Empty => return Ok(None),
            Cell::Error(error) => return Err(format!("the cell holds the spreadsheet error `{error}`")),
            Cell::Text(raw) => {
                let trimmed = raw.trim();
                if trimmed.len() != raw.len() && !trimmed.is_empty() {
                    self.trimmed.0 += 1;
                    if self.trimmed.1.is_none() {
                        self.trimmed.1 = Some(self.locate(Pointer::root().join(self.index).join(field), place));
                    }
                }
                if trimmed.is_empty() {
                    return Ok(None);
                }
                Some(trimmed)
            }
            _ => None,
        };
        let scale = self.options.mapping.percent_scale;
        match (field, cell, text) {
            ("percent" | "value", _, Some(text)) => {
                let (number, written_as_percent) = match text.strip_suffix('%') {
                    Some(number) if field == "percent" => (number.trim(), true),
                    _ => (text, false),
                };
                match number.parse::<f64>() {
                    Ok(n) if n.is_finite() => {
                        let n = if field == "percent" && scale == PercentScale::Fraction && !written_as_percent {
                            fraction_to_percent(n)
                        } else {
                            n
                        };
                        Ok(Some(super::node::float(n)))
                    }
                    Ok(_) => Err(format!("`{}` is not a finite number", shorten(text))),
                    Err(_) => Ok(Some(Value::String(Cow::Borrowed(text)))),
                }
            }
            ("percent" | "value", Cell::Number(n), None) => {
                if !n.is_finite() {
                    return Err(format!("`{n}` is not a finite number"));
                }
                let n =
                    if field == "percent" && scale == PercentScale::Fraction { fraction_to_percent(*n) } else { *n };
                Ok(Some(super::node::float(n)))
            }
            ("status", _, Some(text)) => match self.options.mapping.status_word(text) {
                Some(status) => Ok(Some(Value::String(Cow::Borrowed(status_name(status))))),
                None => {
                    let words = self.options.mapping.status_vocabulary();
                    let near = nearest(text, words.iter().map(String::as_str))
                        .map(|n| format!("; did you mean `{n}`?"))
                        .unwrap_or_default();
                    Err(format!(
                        "`{}` is not a status: one of {}{near}{}",
                        shorten(text),
                        words.iter().map(|w| format!("`{w}`")).collect::<Vec<_>>().join(", "),
                        if self.options.mapping.status.is_none() {
                            " (map other words with the mapping's `status`, such as the preset `rag`)"
                        } else {
                            ""
                        }
                    ))
                }
            },
            ("adopted", Cell::Bool(b), None) => Ok(Some(Value::Bool(*b))),
            ("adopted", _, Some(text)) => match normalise(text).as_str() {
                "true" | "yes" | "y" => Ok(Some(Value::Bool(true))),
                "false" | "no" | "n" => Ok(Some(Value::Bool(false))),
                _ => Ok(Some(Value::String(Cow::Borrowed(text)))),
            },
            ("date", _, None) => date_of(cell).map(|d| Some(Value::String(Cow::Owned(d.to_string())))),
            ("recorded", _, None) => timestamp_of(cell).map(|t| Some(Value::String(Cow::Owned(t.to_string())))),
            ("item" | "member", Cell::Number(_) | Cell::Bool(_), None) => Err(format!(
                "the {field} id is the number `{}`; ids are text (format the column as text)",
                cell_text(cell)
            )),
            (_, _, Some(text)) => Ok(Some(Value::String(Cow::Borrowed(text)))),
            (_, other, None) => Ok(Some(Value::String(Cow::Owned(cell_text(other).into_owned())))),
        }
    }

    /// The returns read, with what was noted, or every problem ([`OnError::Raise`]).
    pub fn finish(mut self) -> Result<(Vec<Update>, ReadNotes, Option<CellMap>), LoadError> {
        if self.options.on_error == OnError::Raise && !self.problems.is_empty() {
            return Err(match self.problems.len() {
                1 if self.total_problems == 1 => self.problems.remove(0),
                _ => LoadError::Several { errors: self.problems, total: self.total_problems },
            });
        }
        let mut notes = Vec::new();
        if let (count, Some(location)) = self.blank {
            notes.push(ReadNote {
                code: crate::DiagnosticCode::BlankRowsSkipped,
                message: format!(
                    "{count} blank row{} skipped (the first at {}).",
                    if count == 1 { " was" } else { "s were" },
                    row_words(&location)
                ),
                location,
                hint: None,
            });
        }
        notes.append(&mut self.notes);
        if let (count, Some(location)) = self.trimmed {
            notes.push(ReadNote {
                code: crate::DiagnosticCode::CellsTrimmed,
                message: format!(
                    "{count} cell{} spaces before or after the text, which were removed (the first at {}).",
                    if count == 1 { " had" } else { "s had" },
                    cell_words(&location)
                ),
                location,
                hint: None,
            });
        }
        let read = ReadNotes { percent_scale: self.options.mapping.percent_scale, notes, set_aside: self.set_aside };
        Ok((self.updates, read, self.cells))
    }
}

/// Whether a cell's text is a summary word (`Total`, `Grand total:`), compared as headers are,
/// without allocating (every row is checked).
fn is_summary_word(text: &str) -> bool {
    let text = text.trim_end_matches(':').trim_end();
    // Every summary word ends in one of these letters; item ids seldom do, so most rows stop here.
    let last = text.bytes().last().map(|b| b.to_ascii_lowercase());
    matches!(last, Some(b'l' | b's' | b'm' | b'e' | b'n'))
        && text.len() <= 16
        && SUMMARY_WORDS.iter().any(|word| super::mapping::is_word(text, word))
}

/// A row's place in words: the cell, the line, or the row of a data frame.
fn row_words(location: &Location) -> String {
    match (&location.sheet, location.position) {
        (Some(_), _) => location.describe(),
        (None, Some(position)) => format!("line {}", position.line),
        (None, None) => match location.path.segments().first() {
            Some(super::PathSegment::Index(row)) => format!("row {row}"),
            _ => "the top".to_owned(),
        },
    }
}

/// A cell's place in words: the cell, the line and column, or the path.
fn cell_words(location: &Location) -> String {
    match (&location.sheet, location.position) {
        (None, Some(position)) => format!("line {}, column {}", position.line, position.column),
        _ => location.describe(),
    }
}

/// Whether a cell holds nothing (or only spaces).
fn is_blank(cell: &Cell<'_>) -> bool {
    match cell {
        Cell::Empty => true,
        Cell::Text(text) => text.trim().is_empty(),
        _ => false,
    }
}

/// A cell as text, for headers, messages and cells set aside.
pub(crate) fn cell_text<'c>(cell: &'c Cell<'_>) -> Cow<'c, str> {
    match cell {
        Cell::Empty => Cow::Borrowed(""),
        Cell::Text(text) => Cow::Borrowed(text),
        Cell::Number(n) => Cow::Owned(n.to_string()),
        Cell::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
        Cell::DateTime(dt) => Cow::Owned(dt.to_string()),
        Cell::Date(date) => Cow::Owned(date.to_string()),
        Cell::Instant(t) => Cow::Owned(t.to_string()),
        Cell::Error(e) => Cow::Borrowed(e),
    }
}

/// The status's word in the format.
fn status_name(status: crate::model::UpdateStatus) -> &'static str {
    use crate::model::UpdateStatus as S;
    match status {
        S::NotStarted => "not_started",
        S::OnTrack => "on_track",
        S::AtRisk => "at_risk",
        S::OffTrack => "off_track",
        S::Done => "done",
    }
}

/// The first day a workbook's serial numbers count from (serial 1 is 1900-01-01; Excel's
/// phantom 29 February 1900 makes serials from 61 on count from 1899-12-30).
fn excel_epoch() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default()
}

/// A workbook's serial number (days since the epoch, with the time as the fraction) as a date
/// and time; `None` outside the years 1900 to 9999.
fn from_serial(serial: f64) -> Option<NaiveDateTime> {
    if !(61.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let days = serial.floor();
    let millis = ((serial - days) * 86_400_000.0).round() as i64;
    let date = excel_epoch().checked_add_days(chrono::Days::new(days as u64))?;
    date.and_hms_opt(0, 0, 0).map(|midnight| midnight + chrono::Duration::milliseconds(millis))
}

/// The date of a typed cell in the `date` column: a date, a date-time at midnight, a serial
/// number of a whole day.
fn date_of(cell: &Cell<'_>) -> Result<Date, String> {
    let at_midnight = |dt: NaiveDateTime| {
        if dt.time() == chrono::NaiveTime::MIN {
            Ok(Date(dt.date()))
        } else {
            Err(format!(
                "the date of a return is a day, but the cell holds the time `{dt}`; when it was entered goes in `recorded`"
            ))
        }
    };
    match cell {
        Cell::Date(date) => Ok(*date),
        Cell::DateTime(dt) => at_midnight(*dt),
        Cell::Instant(t) => at_midnight(t.0.naive_local()),
        Cell::Number(n) => match from_serial(*n) {
            Some(dt) => at_midnight(dt),
            None => Err(format!("expected a date, found the number `{n}`")),
        },
        other => Err(format!("expected a date, found `{}`", cell_text(other))),
    }
}

/// The instant of a typed cell in the `recorded` column: a zoned instant as it is; a date-time
/// without a zone (or a serial number) as UTC, as the format reads text without an offset.
fn timestamp_of(cell: &Cell<'_>) -> Result<Timestamp, String> {
    use chrono::TimeZone;
    let utc = |dt: NaiveDateTime| Timestamp(chrono::Utc.from_utc_datetime(&dt).fixed_offset());
    match cell {
        Cell::Instant(t) => Ok(*t),
        Cell::DateTime(dt) => Ok(utc(*dt)),
        Cell::Date(date) => Ok(Timestamp::start_of(*date)),
        Cell::Number(n) => {
            from_serial(*n).map(utc).ok_or_else(|| format!("expected a date-time, found the number `{n}`"))
        }
        other => Err(format!("expected a date-time, found `{}`", cell_text(other))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Cell<'_> {
        Cell::Text(Cow::Borrowed(s))
    }

    fn cells<'a>(row: usize, values: Vec<Cell<'a>>) -> Vec<(Cell<'a>, Place)> {
        values.into_iter().enumerate().map(|(i, c)| (c, Place::Cell { row, column: i + 1 })).collect()
    }

    #[test]
    fn serial_numbers_and_date_cells_are_dates() {
        assert_eq!(date_of(&Cell::Number(44196.0)).map(|d| d.to_string()).as_deref(), Ok("2020-12-31"));
        let noon = from_serial(44196.5).expect("in range");
        assert_eq!(noon.to_string(), "2020-12-31 12:00:00");
        assert!(date_of(&Cell::DateTime(noon)).expect_err("a time").contains("`recorded`"));
        assert_eq!(timestamp_of(&Cell::DateTime(noon)).map(|t| t.to_string()).as_deref(), Ok("2020-12-31T12:00:00Z"));
    }

    #[test]
    fn every_bad_row_is_reported_with_its_cell() {
        let options = ReadOptions::default();
        let mut reader = TableReader::new(&options, None);
        reader.start_sheet("Q2");
        reader
            .header(&cells(1, vec![text("Item ID"), text("Date"), text("Percent")]), Place::Cell { row: 1, column: 1 })
            .expect("known columns");
        reader.row(&cells(2, vec![text("a"), Cell::Number(44196.0), text("lots")]), Place::Cell { row: 2, column: 1 });
        reader.row(&cells(3, vec![text(""), Cell::Empty, Cell::Empty]), Place::Cell { row: 3, column: 1 });
        reader
            .row(&cells(4, vec![text("b"), text("2020-12-31"), Cell::Number(40.0)]), Place::Cell { row: 4, column: 1 });
        reader.row(
            &cells(5, vec![text("c"), text("soon"), Cell::Error("#N/A".into())]),
            Place::Cell { row: 5, column: 1 },
        );
        let error = reader.finish().expect_err("two bad rows");
        let places: Vec<_> = error.errors().iter().map(|e| e.location().and_then(Location::cell_reference)).collect();
        assert_eq!(places, [Some("Q2!C2".to_owned()), Some("Q2!C5".to_owned())]);
        assert!(error.to_string().starts_with("2 problems in the returns; the first: expected a number"), "{error}");
    }

    #[test]
    fn blank_and_total_rows_are_skipped_and_noted() {
        let options = ReadOptions { on_error: OnError::Collect, ..ReadOptions::default() };
        let mut reader = TableReader::new(&options, None);
        reader.start_sheet("Q1");
        reader
            .header(&cells(1, vec![text("item"), text("date"), text("percent")]), Place::Cell { row: 1, column: 1 })
            .expect("ok");
        reader.row(
            &cells(2, vec![text("a "), text("2020-06-30"), Cell::Number(10.0)]),
            Place::Cell { row: 2, column: 1 },
        );
        reader.row(&cells(3, vec![Cell::Empty, Cell::Empty, Cell::Empty]), Place::Cell { row: 3, column: 1 });
        reader.row(&cells(4, vec![text("Total"), Cell::Empty, Cell::Number(10.0)]), Place::Cell { row: 4, column: 1 });
        reader
            .row(&cells(5, vec![text("b"), text("2020-06-31"), Cell::Number(10.0)]), Place::Cell { row: 5, column: 1 });
        let (updates, notes, _) = reader.finish().expect("collected");
        assert_eq!(updates.len(), 1);
        assert_eq!(updates[0].item, "a");
        let codes: Vec<_> = notes.notes.iter().map(|n| n.code.as_str()).collect();
        assert_eq!(codes, ["blank_rows_skipped", "summary_row_skipped", "cells_trimmed"]);
        assert_eq!(notes.set_aside.len(), 1);
        assert_eq!(notes.set_aside[0].location.cell_reference().as_deref(), Some("Q1!A5"));
    }

    #[test]
    fn unknown_columns_are_all_named_in_the_sheets_words() {
        let options = ReadOptions::default();
        let mut reader = TableReader::new(&options, None);
        reader.start_sheet("Q2");
        let error = reader
            .header(
                &cells(1, vec![text("Item"), text("Date"), text("Borough"), text("Precent")]),
                Place::Cell { row: 1, column: 1 },
            )
            .expect_err("unknown");
        let messages: Vec<String> = error.errors().iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "unknown column `Borough` in the header (sheet `Q2`, cell C1)",
                "unknown column `Precent` in the header (sheet `Q2`, cell D1), did you mean `percent`?"
            ]
        );
        assert_eq!(error.code(), "unknown_field");
    }
}
