//! Progress returns as CSV: a header row naming the columns (any order), one return per row.
//! Empty cells are absent values; lines starting with `#` are comments; cells are trimmed.

use super::node::{Entry, Node, Value};
use super::returns::ReadOptions;
use super::table::{Cell, Place, TableReader};
use crate::document::LoadError;
use crate::document::Source;
use crate::document::{position_at, Location, Pointer};
use crate::model::Updates;

/// The columns an updates CSV may have (plus `x-` columns, kept as text).
pub const UPDATE_COLUMNS: [&str; 9] =
    ["item", "date", "member", "status", "percent", "value", "note", "recorded", "adopted"];

/// Reads progress returns from CSV text, one row at a time (no tree of every row is kept), through
/// the one table reader: the mapping's columns and words, every bad row reported.
pub(crate) fn read_updates(text: &str, options: &ReadOptions) -> Result<Updates, LoadError> {
    let text = crate::document::without_bom(text);
    let mut table = TableReader::new(options, Some(text));
    let mut reader = csv_reader(text, false, csv::Trim::None);
    let mut record = csv::StringRecord::new();
    let header_offset = header_offset(text);
    if !reader.read_record(&mut record).map_err(|e| csv_error(text, &e))? {
        return Err(LoadError::syntax(
            "invalid CSV: there is no header row (it names the columns, at least `item` and `date`)",
            Pointer::root(),
            Some(position_at(text, header_offset)),
        ));
    }
    let header: Vec<(Cell<'_>, Place)> = record
        .iter()
        .enumerate()
        .map(|(index, name)| {
            (Cell::Text(name.to_owned().into()), Place::Offset(field_offset(text, header_offset, index)))
        })
        .collect();
    table.header(&header, Place::Offset(header_offset))?;
    let mut last_offset = header_offset;
    let mut count: usize = 0;
    loop {
        let more = reader.read_record(&mut record).map_err(|e| csv_error(text, &e))?;
        if !more {
            break;
        }
        let record_offset = record.position().map_or(0, |p| p.byte() as usize);
        let cells: Vec<(Cell<'_>, Place)> = record
            .iter()
            .enumerate()
            .map(|(index, cell)| {
                let place = Place::Field { record: record_offset, index };
                (if cell.is_empty() { Cell::Empty } else { Cell::Text(cell.into()) }, place)
            })
            .collect();
        table.row(&cells, Place::Offset(record_offset));
        last_offset = record_offset;
        count += 1;
    }
    // The reader ends a quoted cell that never closes at the end of the text, which would
    // silently swallow every row after it.
    if let Some(opening) = unclosed_quote(text, if count == 0 { header_offset } else { last_offset }) {
        let row = count.saturating_sub(1);
        return Err(LoadError::syntax(
            "invalid CSV: a quoted cell is never closed (a `\"` is missing), so it runs to the end of the file",
            if count == 0 { Pointer::root() } else { Pointer::root().join(row) },
            Some(position_at(text, opening)),
        ));
    }
    let (updates, read, _) = table.finish()?;
    let mut updates = Updates::with_source(updates, Source::new(text, super::Format::Csv));
    updates.read = read;
    Ok(updates)
}

/// Reads CSV text (without a byte-order mark) into one node per row: a map from column to cell,
/// with numbers and booleans typed by column and the offset of every cell.
pub(crate) fn rows(text: &str) -> Result<Vec<Node<'static>>, LoadError> {
    let mut rows = Vec::new();
    read_rows(text, |_, row| rows.push(row))?;
    Ok(rows)
}

/// The CSV reader of returns: `#` comments, every row as long as the header.
fn csv_reader(text: &str, has_headers: bool, trim: csv::Trim) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(has_headers)
        .comment(Some(b'#'))
        .trim(trim)
        .flexible(false)
        .from_reader(text.as_bytes())
}

/// Reads CSV text (without a byte-order mark) and hands each row to `each` with its index, as a
/// node: a map from column (as the default mapping names it) to cell, with numbers and booleans
/// typed by column and the offset of every cell. For the positions of findings in loaded returns.
fn read_rows(text: &str, mut each: impl FnMut(usize, Node<'static>)) -> Result<(), LoadError> {
    let mut reader = csv_reader(text, true, csv::Trim::All);
    let headers = reader.headers().map_err(|e| csv_error(text, &e))?.clone();
    let header_offset = header_offset(text);
    let mapping = super::Mapping::default();
    let names: Vec<String> =
        headers.iter().map(|name| mapping.column(name).map_or_else(|| name.to_owned(), str::to_owned)).collect();
    let mut count = 0;
    let mut last_offset = header_offset;
    let mut record = csv::StringRecord::new();
    loop {
        let more = reader.read_record(&mut record).map_err(|e| csv_error(text, &e))?;
        if !more {
            break;
        }
        let record_offset = record.position().map_or(0, |p| p.byte() as usize);
        let mut entries = Vec::new();
        for (index, (name, cell)) in names.iter().map(String::as_str).zip(record.iter()).enumerate() {
            if cell.is_empty() {
                continue;
            }
            let offset = Some(field_offset(text, record_offset, index));
            let value = match name {
                "percent" | "value" => match cell.parse::<f64>() {
                    Ok(number) if number.is_finite() => super::node::float(number),
                    // `NaN`, `inf`, `1e400`: a spreadsheet error, never a value to keep.
                    Ok(_) => {
                        return Err(LoadError::InvalidValue {
                            message: format!("`{}` is not a finite number", crate::text::shorten(cell)),
                            location: Location::new(
                                Pointer::root().join(count).join(name),
                                offset.map(|offset| position_at(text, offset)),
                            ),
                        });
                    }
                    Err(_) => Value::String(cell.to_owned().into()),
                },
                "adopted" => match cell.to_ascii_lowercase().as_str() {
                    "true" => Value::Bool(true),
                    "false" => Value::Bool(false),
                    _ => Value::String(cell.to_owned().into()),
                },
                _ => Value::String(cell.to_owned().into()),
            };
            entries.push(Entry { key: name.to_owned().into(), key_offset: offset, value: Node { value, offset } });
        }
        each(count, Node { value: Value::Map(entries), offset: Some(record_offset) });
        count += 1;
        last_offset = record_offset;
    }
    // The reader ends a quoted cell that never closes at the end of the text, which would
    // silently swallow every row after it.
    if let Some(opening) = unclosed_quote(text, if count == 0 { header_offset } else { last_offset }) {
        let row = count.saturating_sub(1);
        return Err(LoadError::syntax(
            "invalid CSV: a quoted cell is never closed (a `\"` is missing), so it runs to the end of the file",
            if count == 0 { Pointer::root() } else { Pointer::root().join(row) },
            Some(position_at(text, opening)),
        ));
    }
    Ok(())
}

/// The offset of a quote that opens a cell and is never closed, reading from `from` (the start of
/// the last record) to the end; comment lines outside quotes are skipped.
fn unclosed_quote(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let (mut at, mut opened, mut line_start) = (from.min(bytes.len()), None, true);
    while at < bytes.len() {
        match bytes[at] {
            b'#' if line_start && opened.is_none() => {
                while at < bytes.len() && bytes[at] != b'\n' {
                    at += 1;
                }
                continue;
            }
            b'"' => opened = if opened.is_some() { None } else { Some(at) },
            _ => {}
        }
        line_start = bytes[at] == b'\n';
        at += 1;
    }
    opened
}

/// The byte offset of the header row: the first line that is not a comment.
fn header_offset(text: &str) -> usize {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if !line.starts_with('#') {
            return offset;
        }
        offset += line.len();
    }
    offset
}

/// The byte offset of field `index` of the record that starts at `record_offset`, counting
/// commas outside quotes.
pub(crate) fn field_offset(text: &str, record_offset: usize, index: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = record_offset.min(bytes.len());
    let mut field = 0;
    let mut quoted = false;
    while field < index && at < bytes.len() {
        match bytes[at] {
            b'"' => quoted = !quoted,
            b',' if !quoted => field += 1,
            b'\n' if !quoted => break,
            _ => {}
        }
        at += 1;
    }
    while at < bytes.len() && bytes[at] == b' ' {
        at += 1;
    }
    at
}

fn at(text: &str, path: Pointer, offset: usize) -> Location {
    Location::new(path, Some(position_at(text, offset)))
}

fn csv_error(text: &str, error: &csv::Error) -> LoadError {
    let offset = error.position().map_or(0, |p| p.byte() as usize);
    let message = match error.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            format!("invalid CSV: this row has {len} cells but the header has {expected_len}")
        }
        csv::ErrorKind::Utf8 { .. } => "invalid CSV: the text is not UTF-8".to_owned(),
        _ => format!("invalid CSV: {error}"),
    };
    let path = match error.position() {
        Some(p) if p.record() > 0 => Pointer::root().join(p.record() as usize - 1),
        _ => Pointer::root(),
    };
    LoadError::Syntax { message, location: at(text, path, offset) }
}

/// Writes progress returns as CSV with the columns that any return uses, in the order of
/// [`UPDATE_COLUMNS`], then `x-` columns in sorted order.
pub(crate) fn write_updates(updates: &Updates) -> String {
    let rows: Vec<serde_json::Map<String, serde_json::Value>> = updates
        .iter()
        .map(|u| match super::save::to_json_value(u) {
            serde_json::Value::Object(map) => map,
            _ => serde_json::Map::new(),
        })
        .collect();
    let mut extension_columns: Vec<String> =
        rows.iter().flat_map(|row| row.keys().filter(|k| k.starts_with("x-")).cloned()).collect();
    extension_columns.sort();
    extension_columns.dedup();
    // `item` and `date` always, so that even no returns save as a header that loads back.
    let columns: Vec<String> = UPDATE_COLUMNS
        .iter()
        .filter(|c| matches!(**c, "item" | "date") || rows.iter().any(|row| row.contains_key(**c)))
        .map(|c| (*c).to_owned())
        .chain(extension_columns)
        .collect();
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    let _ = writer.write_record(&columns);
    for row in &rows {
        let cells: Vec<String> = columns
            .iter()
            .map(|c| match row.get(c) {
                None | Some(serde_json::Value::Null) => String::new(),
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(other) => other.to_string(),
            })
            .collect();
        let _ = writer.write_record(&cells);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_updates_default(text: &str) -> Result<Updates, LoadError> {
        read_updates(text, &ReadOptions::default())
    }

    #[test]
    fn reads_rows_with_empty_cells_comments_and_any_column_order() {
        let text =
            "# illustrative\nstatus,item,date,percent,member\non_track,a.1,2020-06-30,40,\n,a.2,2020-06-30,,camden\n";
        let updates = read_updates(text, &ReadOptions::default()).expect("valid CSV");
        assert_eq!(updates.len(), 2);
        assert_eq!(updates[0].percent, Some(40.0));
        assert_eq!(updates[0].member, None);
        assert_eq!(updates[1].member.as_deref(), Some("camden"));
        assert_eq!(updates[1].status, None);
    }

    #[test]
    fn errors_name_the_row_column_and_line() {
        let text = "item,date,percent\na.1,2020-06-30,40\na.2,2020-06-30,lots\n";
        let error = read_updates(text, &ReadOptions::default()).expect_err("bad percent");
        assert_eq!(error.code(), "wrong_type");
        assert_eq!(error.path().to_string(), "/1/percent");
        assert_eq!((error.line(), error.column()), (Some(3), Some(16)));
    }

    #[test]
    fn unknown_columns_are_refused_with_a_suggestion() {
        let error = read_updates_default("item,date,precent\n").expect_err("typo");
        assert_eq!(
            error.to_string(),
            "unknown column `precent` in the header (line 1, column 11), did you mean `percent`?"
        );
        assert_eq!(error.column(), Some(11));
    }

    #[test]
    fn numbers_that_are_not_finite_are_refused_at_their_cell() {
        for cell in ["NaN", "inf", "-Infinity", "1e400"] {
            let error = read_updates_default(&format!("item,date,percent\na.1,2020-06-30,40\na.1,2020-07-31,{cell}\n"))
                .expect_err("not finite");
            assert_eq!(error.to_string(), format!("`{cell}` is not a finite number at /1/percent"));
            assert_eq!((error.line(), error.column()), (Some(3), Some(16)));
        }
    }

    #[test]
    fn a_quote_that_never_closes_is_an_error_not_a_swallowed_file() {
        let error =
            read_updates_default("item,date,note\na,2021-03-31,\"never closed\na,2021-06-30,x\n").expect_err("open");
        assert_eq!(error.code(), "syntax_error");
        assert_eq!((error.path().to_string(), error.line(), error.column()), ("/0".to_owned(), Some(2), Some(14)));
        let closed = "item,date,note\na,2021-03-31,\"two \"\"quoted\"\"\nlines\"\n# a \"comment\na,2021-06-30,x\n";
        assert_eq!(read_updates_default(closed).expect("balanced").len(), 2);
    }

    #[test]
    fn ragged_rows_are_syntax_errors() {
        let error = read_updates_default("item,date\na.1,2020-06-30,extra\n").expect_err("ragged");
        assert_eq!(error.code(), "syntax_error");
        assert_eq!(error.line(), Some(2));
    }

    #[test]
    fn an_empty_file_has_no_header_and_no_returns_save_as_a_header() {
        for text in ["", "# only a comment\n"] {
            let error = read_updates(text, &ReadOptions::default()).expect_err("no header");
            assert_eq!(error.code(), "syntax_error");
            assert!(error.to_string().contains("no header row"), "{error}");
        }
        let none = read_updates_default("item,date,percent\n").expect("a header alone");
        assert_eq!(write_updates(&none), "item,date\n");
        assert_eq!(read_updates_default(&write_updates(&none)).expect("loads back"), none);
    }

    #[test]
    fn writing_and_reading_back_gives_the_same_updates() {
        let text = "item,date,member,status,percent,note\na.1,2020-06-30,camden,on_track,40,\"with, comma\"\n";
        let updates = read_updates(text, &ReadOptions::default()).expect("valid");
        let again = read_updates_default(&write_updates(&updates)).expect("round trip");
        assert_eq!(updates, again);
    }
}
