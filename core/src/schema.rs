//! The JSON Schema of the `workplan: 1` document format, generated from the model.

use crate::model::{Plan, Updates};

/// The JSON Schema (draft 2020-12) of a plan document.
///
/// ```
/// let schema = workplan::schema();
/// assert_eq!(schema["title"], "Plan");
/// ```
pub fn schema() -> serde_json::Value {
    let mut schema = schemars::schema_for!(Plan).to_value();
    if let Some(object) = schema.as_object_mut() {
        object.insert("$id".into(), "https://workplan.invalid/schema/workplan.schema.json".into());
    }
    schema
}

/// The JSON Schema of an updates document (a list of progress returns).
pub fn updates_schema() -> serde_json::Value {
    schemars::schema_for!(Updates).to_value()
}
