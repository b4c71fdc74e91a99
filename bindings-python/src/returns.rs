//! Reading returns from Python: the read options (`sheet`, `mapping`, `on_error`), and data frames
//! (pandas, polars, pyarrow, anything with `__arrow_c_stream__`) read column by column through
//! the Arrow C stream interface, never through text.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use pyo3_arrow::input::AnyRecordBatch;

use crate::errors::{api_error, conversion_error, load_error};
use crate::plan::python_to_json;

/// The read options from the keyword arguments of `load_updates` and `Updates.from_frame`:
/// `sheet` (a name or a list of names), `mapping` (a dict, or the path of a YAML or JSON
/// file), `on_error` (`"raise"` or `"collect"`) and mapping entries as keywords (`columns`,
/// `ignore`, `status`, `percent_scale`, `sheets`), which override the mapping's.
pub fn read_options(
    py: Python<'_>,
    sheet: Option<&Bound<'_, PyAny>>,
    mapping: Option<&Bound<'_, PyAny>>,
    on_error: &str,
    entries: Option<&Bound<'_, PyDict>>,
) -> PyResult<workplan::ReadOptions> {
    let mut value = match mapping.filter(|m| !m.is_none()) {
        None => serde_json::Value::Object(serde_json::Map::new()),
        Some(m) if m.is_instance_of::<PyString>() || m.hasattr("__fspath__")? => {
            let path: std::path::PathBuf = m.extract()?;
            let loaded = workplan::Mapping::load(&path).map_err(|e| load_error(py, e))?;
            serde_json::to_value(loaded).map_err(|e| conversion_error(py, e))?
        }
        Some(m) => python_to_json(py, m)?,
    };
    if let (Some(entries), serde_json::Value::Object(map)) = (entries, &mut value) {
        if let serde_json::Value::Object(extra) = python_to_json(py, entries.as_any())? {
            map.extend(extra);
        }
    }
    if let (Some(sheet), serde_json::Value::Object(map)) = (sheet.filter(|s| !s.is_none()), &mut value) {
        let sheets: Vec<String> = match sheet.extract::<String>() {
            Ok(name) => vec![name],
            Err(_) => sheet.extract()?,
        };
        map.insert("sheets".to_owned(), serde_json::json!(sheets));
    }
    let mapping = workplan::Mapping::from_json_value(value).map_err(|e| load_error(py, e))?;
    let on_error = match on_error {
        "raise" => workplan::OnError::Raise,
        "collect" => workplan::OnError::Collect,
        other => {
            return Err(api_error(py, &workplan::ApiError::invalid_option("on_error", other, "raise or collect")));
        }
    };
    Ok(workplan::ReadOptions { mapping, on_error })
}

/// Whether an object is a table of columns (a data frame or an Arrow table or stream).
pub fn is_frame(data: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(data.hasattr("__arrow_c_stream__")? || data.hasattr("__arrow_c_array__")? || is_pandas(data)?)
}

/// Whether an object is a pandas DataFrame (which pandas exports to Arrow through pyarrow).
fn is_pandas(data: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(data.hasattr("to_csv")? && data.hasattr("columns")? && data.hasattr("iloc")?)
}

/// Reads returns from a data frame's columns.
pub fn from_frame(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    options: &workplan::ReadOptions,
) -> PyResult<workplan::Updates> {
    // A pandas frame goes through pyarrow without its index (a default RangeIndex is not data).
    let data = if is_pandas(data)? {
        let kwargs = PyDict::new(py);
        kwargs.set_item("preserve_index", false)?;
        let pyarrow = py.import("pyarrow").map_err(|_| {
            conversion_error(py, "reading a pandas DataFrame needs pyarrow (pip install 'workplan[pandas]')")
        })?;
        pyarrow.getattr("Table")?.call_method("from_pandas", (data,), Some(&kwargs))?
    } else {
        data.clone()
    };
    let input: AnyRecordBatch =
        data.extract().map_err(|e| conversion_error(py, format!("cannot read the data frame: {e}")))?;
    let reader = input.into_reader()?;
    let schema = reader.schema();
    let batches: Vec<arrow_array::RecordBatch> = reader
        .collect::<Result<_, _>>()
        .map_err(|e| conversion_error(py, format!("cannot read the data frame: {e}")))?;
    py.detach(|| workplan::Updates::from_record_batches(&schema, &batches, options)).map_err(|e| load_error(py, e))
}
