//! Progress returns from workbooks (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`), read by calamine:
//! every sheet (or the ones the mapping names), each with a header row, through the one table
//! reader. Date cells are dates and date-times; every problem is located by sheet and cell.

use calamine::{Data, Reader};

use super::returns::ReadOptions;
use super::table::{Cell, Place, TableReader};
use crate::document::LoadError;
use crate::document::Source;
use crate::document::{Location, Pointer};
use crate::model::Updates;

/// Reads returns from the bytes of a workbook.
pub(crate) fn read_workbook(bytes: Vec<u8>, options: &ReadOptions) -> Result<Updates, LoadError> {
    let mut workbook = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|error| LoadError::syntax(format!("cannot read the workbook: {error}"), Pointer::root(), None))?;
    let names = workbook.sheet_names();
    let wanted: Vec<String> = if options.mapping.sheets.is_empty() {
        names.clone()
    } else {
        let mut wanted = Vec::new();
        for name in &options.mapping.sheets {
            match names.iter().find(|n| *n == name || super::normalise(n) == super::normalise(name)) {
                Some(found) => wanted.push(found.clone()),
                None => {
                    return Err(LoadError::InvalidValue {
                        message: format!(
                            "the workbook has no sheet `{name}` (its sheets: {})",
                            names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
                        ),
                        location: Location::new(Pointer::root(), None),
                    })
                }
            }
        }
        wanted
    };
    let mut table = TableReader::new(options, None);
    let mut headers = 0;
    let mut problems = Vec::new();
    for name in &wanted {
        let range = workbook.worksheet_range(name).map_err(|error| {
            LoadError::syntax(format!("cannot read the sheet `{name}`: {error}"), Pointer::root(), None)
        })?;
        table.start_sheet(name);
        let (first_row, first_column) = range.start().unwrap_or((0, 0));
        let mut header_read = false;
        let mut cells: Vec<(Cell<'_>, Place)> = Vec::new();
        for (offset, row) in range.rows().enumerate() {
            let row_number = first_row as usize + offset + 1;
            cells.clear();
            cells.extend(
                row.iter().enumerate().map(|(c, data)| {
                    (cell(data), Place::Cell { row: row_number, column: first_column as usize + c + 1 })
                }),
            );
            let place = Place::Cell { row: row_number, column: first_column as usize + 1 };
            if !header_read {
                if cells.iter().all(|(c, _)| matches!(c, Cell::Empty)) {
                    continue;
                }
                // Columns before the first header are as if they had none.
                header_read = true;
                headers += 1;
                if let Err(error) = table.header(&cells, place) {
                    problems.push(error);
                    break;
                }
                continue;
            }
            table.row(&cells, place);
        }
    }
    match problems.len() {
        0 => {}
        1 => return Err(problems.remove(0)),
        _ => {
            let errors: Vec<LoadError> = problems.iter().flat_map(|p| p.errors().to_vec()).collect();
            return Err(LoadError::Several { total: errors.len(), errors });
        }
    }
    if headers == 0 {
        return Err(LoadError::syntax(
            "the workbook's sheets are empty: there is no header row (it names the columns, at least `item` and `date`)",
            Pointer::root(),
            None,
        ));
    }
    let (updates, read, cells) = table.finish()?;
    let mut updates = Updates::with_source(updates, Source::from_cells(cells.unwrap_or_default()));
    updates.read = read;
    Ok(updates)
}

/// A calamine cell as a table cell: date cells as date-times, ISO text (from `.ods`) as text.
fn cell(data: &Data) -> Cell<'_> {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => Cell::Text(text.as_str().into()),
        Data::Float(number) => Cell::Number(*number),
        Data::Int(number) => Cell::Number(*number as f64),
        Data::Bool(value) => Cell::Bool(*value),
        Data::DateTime(value) if value.is_datetime() => match value.as_datetime() {
            Some(datetime) => Cell::DateTime(datetime),
            None => Cell::Error(format!("a date out of range ({})", value.as_f64())),
        },
        Data::DateTime(value) => Cell::Number(value.as_f64()),
        Data::Error(error) => Cell::Error(error.to_string()),
    }
}
