//! The one place where core errors become Python exceptions. The exception classes live in the
//! Python facade (`workplan/_errors.py`, since abi3 cannot subclass exceptions from Rust); here
//! they are constructed with their structured attributes.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyList;
use workplan::portfolio::PortfolioError;
use workplan::{LoadError, PathSegment};

/// Builds an instance of the facade's exception class `name`.
pub fn facade_error(py: Python<'_>, name: &str, message: String) -> PyErr {
    let made = py
        .import("workplan._errors")
        .and_then(|module| module.getattr(name))
        .and_then(|class| class.call1((message.clone(),)));
    match made {
        Ok(instance) => PyErr::from_value(instance),
        Err(_) => PyValueError::new_err(message),
    }
}

/// A load error as `workplan.ParseError` with `code`, `path`, `line`, `column`, `sheet`, `hint`,
/// and `errors`: every problem as its own `ParseError` (the error itself when there is one),
/// with `total` counting those past the list's cap.
pub fn load_error(py: Python<'_>, error: LoadError) -> PyErr {
    let err = one_error(py, &error);
    let value = err.value(py);
    let errors = PyList::empty(py);
    match &error {
        LoadError::Several { errors: problems, total } => {
            for problem in problems {
                let _ = errors.append(one_error(py, problem).value(py));
            }
            let _ = value.setattr("total", *total);
        }
        _ => {
            let _ = errors.append(value);
            let _ = value.setattr("total", 1);
        }
    }
    let _ = value.setattr("errors", errors);
    err
}

/// A portfolio that could not be rolled up as `workplan.PortfolioError` with `code` (the core's:
/// `portfolio_unreadable`, `portfolio_manifest`, `portfolio_pattern`, `portfolio_no_plans`,
/// `portfolio_threads`, or a plan's failure under `fail_fast`: `plan_load`, `returns_load`...) and
/// `file`: the failing plan's file, else the source (folder, manifest or pattern) as given
/// (docs/portfolio.md#errors).
pub fn portfolio_error(py: Python<'_>, error: &PortfolioError) -> PyErr {
    let err = facade_error(py, "PortfolioError", error.to_string());
    let value = err.value(py);
    let file = match error {
        PortfolioError::Plan(failure) => Some(failure.file().display().to_string()),
        PortfolioError::Unreadable { path, .. } => Some(path.display().to_string()),
        PortfolioError::Manifest { file, .. } => Some(file.display().to_string()),
        PortfolioError::Pattern { pattern, .. } => Some(pattern.clone()),
        PortfolioError::NoPlans { source_name } => Some(source_name.clone()),
        _ => None,
    };
    let _ = value.setattr("code", error.code());
    let _ = value.setattr("file", file);
    err
}

/// One problem as a `ParseError`, with its place.
fn one_error(py: Python<'_>, error: &LoadError) -> PyErr {
    let err = facade_error(py, "ParseError", error.to_string());
    let value = err.value(py);
    let path = PyList::empty(py);
    for segment in error.path().segments() {
        let _ = match segment {
            PathSegment::Index(index) => path.append(*index),
            PathSegment::Key(key) => path.append(key),
        };
    }
    let _ = value.setattr("code", error.code());
    let _ = value.setattr("path", path);
    let _ = value.setattr("line", error.line());
    let _ = value.setattr("column", error.column());
    let _ = value.setattr("sheet", error.sheet());
    let _ = value.setattr("cell", error.location().and_then(workplan::Location::cell_reference));
    let _ = value.setattr("hint", error.hint());
    err
}

/// A misuse of the API as the facade's exception class for its kind (`UnknownItemError`,
/// `InvalidOptionError`...: [`ApiError::name`](workplan::ApiError::name)), a `WorkplanError` with
/// the library's `code` and message, and the error's fields (`item`, `option`, `value`...) as
/// attributes (docs/api.md, "Errors").
pub fn api_error(py: Python<'_>, error: &workplan::ApiError) -> PyErr {
    let err = facade_error(py, error.name(), error.to_string());
    let value = err.value(py);
    let _ = value.setattr("code", error.code());
    for (key, field) in error.fields() {
        let _ = match field {
            serde_json::Value::String(text) => value.setattr(key.as_str(), text),
            serde_json::Value::Number(number) => value.setattr(key.as_str(), number.as_u64()),
            _ => value.setattr(key.as_str(), py.None()),
        };
    }
    err
}

/// A value that cannot cross between Python and the library: `workplan.ConversionError` (code
/// `conversion_error`).
pub fn conversion_error(py: Python<'_>, detail: impl std::fmt::Display) -> PyErr {
    api_error(py, &workplan::ApiError::conversion(detail))
}

/// Runs `f`, turning a Rust panic into `workplan.WorkplanError` with code `internal_error`
/// (never pyo3's `PanicException`, which is a `BaseException`).
pub fn guard<T>(py: Python<'_>, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) => {
            let detail = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            Err(api_error(py, &workplan::ApiError::Internal { detail }))
        }
    }
}
