//! The data shapes of the JS and Python faces are generated from the Rust types, never copied:
//! their JSON Schemas (schemars, the same generator as `workplan schema`) are rendered as
//! TypeScript declarations (`bindings-wasm/types/shapes.d.ts`) and as Python `TypedDict`s
//! (`bindings-python/python/workplan/_shapes.py`), doc comments included. The test fails when a
//! committed file differs from what the types give; `WORKPLAN_BLESS=1 cargo test -p workplan
//! --test shapes` rewrites them.
//!
//! Inputs (the plan document, a return, a returns mapping) are rendered from the schema of what
//! the loader accepts, outputs (rollup, explanation, diff, findings, ...) from the schema of what
//! the types serialize to. The same tests check that the output types read back what they
//! write, and that what the examples give validates against those schemas.

use std::collections::BTreeSet;
use std::fs;
use std::path::PathBuf;

use schemars::generate::{SchemaGenerator, SchemaSettings};
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};
use workplan::{Plan, Updates};

/// The repository's root.
fn repo() -> PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The command that writes the generated files, named in their first line.
const COMMAND: &str = "WORKPLAN_BLESS=1 cargo test -p workplan --test shapes";

/// Names the faces give some Rust types: the JS globals `Date` and `Event` and the wasm class
/// `Plan` are taken, and the faces' names for rows, cells and statuses predate the generator.
const RENAMES: &[(&str, &str)] = &[
    ("Plan", "PlanDocument"),
    ("Event", "PlanEvent"),
    ("Date", "DateString"),
    ("Timestamp", "TimestampString"),
    ("Row", "RollupRow"),
    ("Cell", "AdoptionCell"),
    ("Excluded", "ExcludedItem"),
    ("Summary", "PlanSummary"),
    ("Step", "ApprovalStep"),
    ("Status", "RollupStatus"),
    ("Document", "DiagnosticDocument"),
];

/// The name a face gives the type `rust` (its schema's name).
fn face_name(rust: &str) -> &str {
    RENAMES.iter().find(|(from, _)| *from == rust).map_or(rust, |(_, to)| to)
}

/// The schemas of the shapes, by the name of their Rust type, in the order the generators met
/// them: inputs first, then outputs.
struct Shapes {
    defs: Map<String, Value>,
}

/// Adds the schema of `T` to `generator`: the name of its definition.
fn add<T: JsonSchema>(generator: &mut SchemaGenerator) -> String {
    let reference = generator.subschema_for::<T>().to_value();
    let target = reference["$ref"].as_str().unwrap_or_else(|| panic!("{} is not a named schema", T::schema_name()));
    target.trim_start_matches("#/$defs/").to_owned()
}

/// Every shape, with the roots of the TypeScript declarations: the input documents, then the
/// outputs the faces return.
fn shapes() -> (Shapes, Vec<String>, Vec<String>) {
    let mut inputs = SchemaSettings::draft2020_12().into_generator();
    let input_roots =
        vec![add::<Plan>(&mut inputs), add::<workplan::Update>(&mut inputs), add::<workplan::Mapping>(&mut inputs)];
    let mut outputs = SchemaSettings::draft2020_12().for_serialize().into_generator();
    let output_roots = vec![
        add::<workplan::Rollup>(&mut outputs),
        add::<workplan::RollupSeries>(&mut outputs),
        add::<workplan::Explanation>(&mut outputs),
        add::<workplan::Changes>(&mut outputs),
        add::<workplan::OutlineRow>(&mut outputs),
        add::<workplan::PlanDiff>(&mut outputs),
        add::<workplan::Diagnostic>(&mut outputs),
        add::<workplan::PlanReport>(&mut outputs),
        add::<workplan::Coverage>(&mut outputs),
        add::<workplan::Cadence>(&mut outputs),
        add::<workplan::ApprovalState>(&mut outputs),
        add::<workplan::Summary>(&mut outputs),
        add::<workplan::import::ImportSummary>(&mut outputs),
    ];
    // Python's records of a series in long form are rows of these columns.
    add::<workplan::RowColumns>(&mut outputs);
    let mut defs = inputs.take_definitions(true);
    for (name, mut schema) in outputs.take_definitions(true) {
        absent_not_null(&mut schema);
        match defs.get(&name) {
            // A type both read and written (an enum, a date) must have one shape.
            Some(input) => assert_eq!(input, &schema, "`{name}` reads and writes different shapes"),
            None => {
                defs.insert(name, schema);
            }
        }
    }
    (Shapes { defs }, input_roots, output_roots)
}

/// An output key that may be absent is absent rather than `null` (`skip_serializing_if`): its
/// type is the type of its value.
fn absent_not_null(schema: &mut Value) {
    let required: BTreeSet<String> = (schema.get("required").and_then(Value::as_array))
        .map_or_else(BTreeSet::new, |r| r.iter().filter_map(Value::as_str).map(str::to_owned).collect());
    let Some(properties) = schema.get_mut("properties").and_then(Value::as_object_mut) else { return };
    for (name, property) in properties.iter_mut().filter(|(name, _)| !required.contains(*name)) {
        if let Some(Value::Array(types)) = property.get_mut("type") {
            types.retain(|t| t != "null");
            if types.len() == 1 {
                let only = types[0].clone();
                property["type"] = only;
            }
        }
        if let Some(Value::Array(variants)) = property.get_mut("anyOf") {
            variants.retain(|v| v.get("type").and_then(Value::as_str) != Some("null"));
        }
        assert!(
            property.get("type").is_some() || property.get("anyOf").is_some() || property.get("$ref").is_some(),
            "{name}"
        );
    }
}

impl Shapes {
    fn get(&self, name: &str) -> &Value {
        self.defs.get(name).unwrap_or_else(|| panic!("no schema named `{name}`"))
    }

    /// The names `roots` refer to, directly or not, in the order of the definitions.
    fn reachable(&self, roots: &[&str]) -> Vec<String> {
        let mut seen: BTreeSet<String> = BTreeSet::new();
        let mut stack: Vec<String> = roots.iter().map(|r| (*r).to_owned()).collect();
        while let Some(name) = stack.pop() {
            if seen.insert(name.clone()) {
                references(self.get(&name), &mut stack);
            }
        }
        self.defs.keys().filter(|name| seen.contains(*name)).cloned().collect()
    }

    /// Whether a date is somewhere in the shape `name`.
    fn has_date(&self, name: &str) -> bool {
        self.reachable(&[name]).iter().any(|n| n == "Date")
    }
}

/// The names of the definitions `schema` refers to.
fn references(schema: &Value, out: &mut Vec<String>) {
    match schema {
        Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value) {
                    ("$ref", Value::String(target)) => out.push(target.trim_start_matches("#/$defs/").to_owned()),
                    _ => references(value, out),
                }
            }
        }
        Value::Array(values) => values.iter().for_each(|v| references(v, out)),
        _ => {}
    }
}

/// A doc comment as plain text: rustdoc links become code spans.
fn doc(schema: &Value) -> Option<String> {
    let text = schema.get("description")?.as_str()?;
    // Examples in Rust (fenced blocks) are for Rust readers only.
    let mut kept = Vec::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced {
            kept.push(line);
        }
    }
    let text = kept.join("\n");
    let text = text.trim_end();
    let mut out = String::new();
    let mut rest = text;
    // `[`name`](path)` and `[`name`]` are rustdoc links: keep the code span.
    while let Some(start) = rest.find("[`") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let Some(close) = after.find("`]") else {
            out.push_str(&rest[start..]);
            rest = "";
            break;
        };
        out.push_str(&after[..close + 1]);
        rest = &after[close + 2..];
        if rest.starts_with('(') {
            if let Some(end) = rest.find(')') {
                rest = &rest[end + 1..];
            }
        }
    }
    out.push_str(rest);
    Some(out)
}

/// The variants of a string enum, each with its doc comment: `None` for any other schema.
fn string_variants(schema: &Value) -> Option<Vec<(String, Option<String>)>> {
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return values.iter().map(|v| v.as_str().map(|s| (s.to_owned(), None))).collect();
    }
    let variants = schema.get("oneOf").or_else(|| schema.get("anyOf"))?.as_array()?;
    let mut out = Vec::new();
    for variant in variants {
        if let Some(text) = variant.get("const").and_then(Value::as_str) {
            out.push((text.to_owned(), doc(variant)));
        } else if let Some(values) = variant.get("enum").and_then(Value::as_array) {
            for value in values {
                out.push((value.as_str()?.to_owned(), doc(variant)));
            }
        } else {
            return None;
        }
    }
    Some(out)
}

/// The doc comment of a definition: its first paragraph (what follows is often for Rust readers:
/// examples, `Display`), with the meaning of each variant of an enum.
fn definition_doc(schema: &Value) -> Option<String> {
    let full = doc(schema).unwrap_or_default();
    let mut text = full.split("\n\n").next().unwrap_or_default().to_owned();
    if let Some(variants) = string_variants(schema) {
        let lines: Vec<String> = variants
            .iter()
            .filter_map(|(value, meaning)| meaning.as_ref().map(|m| format!("- `{value}`: {}", m.replace('\n', " "))))
            .collect();
        if !lines.is_empty() {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(&lines.join("\n"));
        }
    }
    (!text.is_empty()).then_some(text)
}

/// The properties of an object schema, each with whether it is always there.
fn properties(schema: &Value) -> Option<Vec<(&str, &Value, bool)>> {
    let properties = schema.get("properties")?.as_object()?;
    let required: BTreeSet<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map_or_else(BTreeSet::new, |r| r.iter().filter_map(Value::as_str).collect());
    Some(properties.iter().map(|(name, s)| (name.as_str(), s, required.contains(name.as_str()))).collect())
}

/// Whether an object schema allows `x-` extension keys.
fn has_extensions(schema: &Value) -> bool {
    schema.get("patternProperties").and_then(|p| p.get("^x-")).is_some()
}

/// Whether the schema allows any value (`serde_json::Value`).
fn is_anything(schema: &Value) -> bool {
    match schema {
        Value::Bool(true) => true,
        Value::Object(map) => map.keys().all(|k| k == "description" || k == "default"),
        _ => false,
    }
}

/// The types of a schema `type` keyword, or of a schema without one.
fn json_types(schema: &Value) -> Vec<String> {
    match schema.get("type") {
        Some(Value::String(t)) => vec![t.clone()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).map(str::to_owned).collect(),
        _ => Vec::new(),
    }
}

// ---------------------------------------------------------------------------------------------
// TypeScript

/// A JSON value as a literal type (`"all"`, `1`).
fn ts_literal(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// A TypeScript union of `parts` (each once).
fn ts_union(parts: Vec<String>) -> String {
    let mut seen = Vec::new();
    for part in parts {
        if !seen.contains(&part) {
            seen.push(part);
        }
    }
    seen.join(" | ")
}

/// The TypeScript type of the values of `schema`.
fn ts_type(schema: &Value) -> String {
    if is_anything(schema) {
        return "unknown".into();
    }
    if let Some(target) = schema.get("$ref").and_then(Value::as_str) {
        return face_name(target.trim_start_matches("#/$defs/")).to_owned();
    }
    if let Some(value) = schema.get("const") {
        return ts_literal(value);
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return ts_union(values.iter().map(ts_literal).collect());
    }
    if let Some(variants) = schema.get("oneOf").or_else(|| schema.get("anyOf")).and_then(Value::as_array) {
        return ts_union(variants.iter().map(ts_type).collect());
    }
    let types = json_types(schema);
    assert!(!types.is_empty(), "no TypeScript type for {schema}");
    ts_union(types.iter().map(|t| ts_single(t, schema)).collect())
}

/// The TypeScript type of the values of `schema` of one JSON type.
fn ts_single(json_type: &str, schema: &Value) -> String {
    assert!(schema.get("properties").is_none(), "an object shape without a name: {schema}");
    match json_type {
        "string" => "string".into(),
        "integer" | "number" => "number".into(),
        "boolean" => "boolean".into(),
        "null" => "null".into(),
        "array" => {
            let item = ts_type(schema.get("items").unwrap_or(&Value::Bool(true)));
            if item.contains(' ') {
                format!("({item})[]")
            } else {
                format!("{item}[]")
            }
        }
        "object" => match schema.get("additionalProperties") {
            Some(Value::Bool(false)) | None => "Record<string, unknown>".into(),
            Some(values) => format!("Record<string, {}>", ts_type(values)),
        },
        other => panic!("no TypeScript type for the JSON type {other}"),
    }
}

fn jsdoc(text: &str, indent: &str) -> String {
    let text = text.replace("*/", "*\\/").replace("`None`", "`null`");
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() == 1 {
        return format!("{indent}/** {} */\n", lines[0]);
    }
    let mut out = format!("{indent}/**\n");
    for line in lines {
        if line.is_empty() {
            out.push_str(&format!("{indent} *\n"));
        } else {
            out.push_str(&format!("{indent} * {line}\n"));
        }
    }
    out.push_str(&format!("{indent} */\n"));
    out
}

fn typescript(shapes: &Shapes, roots: &[String]) -> String {
    let roots: Vec<&str> = roots.iter().map(String::as_str).collect();
    let mut out = format!(
        "// Generated from the Rust types by `{COMMAND}`: do not edit.\n\
         // The data shapes the JS API takes and returns (docs/format.md, docs/rollup.md, docs/diagnostics.md).\n"
    );
    for name in shapes.reachable(&roots) {
        let schema = shapes.get(&name);
        let face = face_name(&name);
        out.push('\n');
        if let Some(text) = definition_doc(schema) {
            out.push_str(&jsdoc(&text, ""));
        }
        match properties(schema) {
            Some(fields) => {
                out.push_str(&format!("export interface {face} {{\n"));
                for (field, field_schema, required) in fields {
                    if let Some(text) = doc(field_schema) {
                        out.push_str(&jsdoc(&text, "  "));
                    }
                    let optional = if required { "" } else { "?" };
                    out.push_str(&format!("  {field}{optional}: {};\n", ts_type(field_schema)));
                }
                if has_extensions(schema) {
                    out.push_str("  /** Extension data: any key starting with `x-`. */\n");
                    out.push_str("  [extension: `x-${string}`]: unknown;\n");
                }
                out.push_str("}\n");
            }
            None => {
                let union = ts_type(schema);
                if union.len() > 100 && union.contains(" | ") {
                    out.push_str(&format!("export type {face} =\n"));
                    let parts: Vec<&str> = union.split(" | ").collect();
                    for (i, part) in parts.iter().enumerate() {
                        let end = if i + 1 == parts.len() { ";" } else { "" };
                        out.push_str(&format!("  | {part}{end}\n"));
                    }
                } else {
                    out.push_str(&format!("export type {face} = {union};\n"));
                }
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Python

/// How a Python shape writes dates: as text (the JSON form) or as `datetime.date` (the records
/// the facade converts).
#[derive(Clone, Copy, PartialEq)]
enum Dates {
    Text,
    Objects,
}

/// The Python name of the shape `rust`: a `TypedDict` (`...Dict`) or a type alias.
fn python_name(shapes: &Shapes, rust: &str) -> String {
    let face = face_name(rust);
    if properties(shapes.get(rust)).is_some() {
        format!("{face}Dict")
    } else {
        face.to_owned()
    }
}

fn py_union(parts: Vec<String>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for part in parts {
        if !seen.contains(&part) {
            seen.push(part);
        }
    }
    let nullable = seen.iter().any(|p| p == "None");
    let rest: Vec<String> = seen.into_iter().filter(|p| p != "None").collect();
    let literals: Option<Vec<&str>> =
        rest.iter().map(|p| p.strip_prefix("Literal[").and_then(|p| p.strip_suffix(']'))).collect();
    let inner = match (rest.len(), literals) {
        (0, _) => return "None".into(),
        (1, _) => rest[0].clone(),
        (_, Some(values)) => format!("Literal[{}]", values.join(", ")),
        _ => format!("Union[{}]", rest.join(", ")),
    };
    if nullable {
        format!("Optional[{inner}]")
    } else {
        inner
    }
}

/// The Python type of the values of `schema`.
fn py_type(shapes: &Shapes, schema: &Value, dates: Dates) -> String {
    assert!(schema.get("properties").is_none(), "an object shape without a name: {schema}");
    if is_anything(schema) {
        return "Any".into();
    }
    if let Some(target) = schema.get("$ref").and_then(Value::as_str) {
        let target = target.trim_start_matches("#/$defs/");
        if target == "Date" && dates == Dates::Objects {
            return "datetime.date".into();
        }
        assert!(
            dates == Dates::Text || !shapes.has_date(target),
            "a record with dates as objects refers to `{target}`, which has dates as text"
        );
        return python_name(shapes, target);
    }
    if let Some(value) = schema.get("const") {
        return format!("Literal[{}]", ts_literal(value));
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return py_union(values.iter().map(|v| format!("Literal[{}]", ts_literal(v))).collect());
    }
    if let Some(variants) = schema.get("oneOf").or_else(|| schema.get("anyOf")).and_then(Value::as_array) {
        return py_union(variants.iter().map(|v| py_type(shapes, v, dates)).collect());
    }
    let types = json_types(schema);
    assert!(!types.is_empty(), "no Python type for {schema}");
    py_union(
        types
            .iter()
            .map(|t| match t.as_str() {
                "string" => "str".to_owned(),
                "integer" => "int".to_owned(),
                "number" => "float".to_owned(),
                "boolean" => "bool".to_owned(),
                "null" => "None".to_owned(),
                "array" => {
                    format!("List[{}]", py_type(shapes, schema.get("items").unwrap_or(&Value::Bool(true)), dates))
                }
                "object" => match schema.get("additionalProperties") {
                    Some(Value::Bool(false)) | None => "Dict[str, Any]".to_owned(),
                    Some(values) => format!("Dict[str, {}]", py_type(shapes, values, dates)),
                },
                other => panic!("no Python type for the JSON type {other}"),
            })
            .collect(),
    )
}

fn docstring(text: &str, indent: &str) -> String {
    let text = text.replace('\\', "\\\\").replace("\"\"\"", "\\\"\\\"\\\"");
    let text = rest_literals(&text);
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() == 1 {
        return format!("{indent}\"\"\"{}\"\"\"\n", lines[0]);
    }
    let mut out = format!("{indent}\"\"\"{}\n", lines[0]);
    for line in &lines[1..] {
        if line.is_empty() {
            out.push('\n');
        } else {
            out.push_str(&format!("{indent}{line}\n"));
        }
    }
    out.push_str(&format!("{indent}\"\"\"\n"));
    out
}

/// Markdown code spans (`x`) as reStructuredText literals (``x``), as Python docstrings write them.
fn rest_literals(text: &str) -> String {
    let mut out = String::new();
    let mut parts = text.split("``").peekable();
    while let Some(part) = parts.next() {
        out.push_str(&part.replace('`', "``"));
        if parts.peek().is_some() {
            out.push_str("``");
        }
    }
    out
}

/// One `TypedDict` (two when some keys may be absent: the keys always there, then the others
/// with `total=False`).
fn typed_dict(name: &str, doc_text: Option<&str>, fields: &[(&str, String, Option<String>, bool)]) -> String {
    let render = |class: &str, bases: &str, fields: &[&(&str, String, Option<String>, bool)]| {
        let mut out = format!("\n\nclass {class}({bases}):\n");
        if let Some(text) = doc_text {
            out.push_str(&docstring(text, "    "));
        }
        if fields.is_empty() && doc_text.is_none() {
            out.push_str("    pass\n");
        }
        for (field, ty, field_doc, _) in fields {
            out.push('\n');
            out.push_str(&format!("    {field}: {ty}\n"));
            if let Some(text) = field_doc {
                out.push_str(&docstring(text, "    "));
            }
        }
        out
    };
    if fields.iter().any(|f| !is_python_identifier(f.0)) {
        return functional_typed_dict(name, doc_text, fields);
    }
    let always: Vec<_> = fields.iter().filter(|f| f.3).collect();
    let sometimes: Vec<_> = fields.iter().filter(|f| !f.3).collect();
    if sometimes.is_empty() {
        render(name, "TypedDict", &always)
    } else {
        let base = format!("_{name}Keys");
        render(&base, "TypedDict", &always) + &render(name, &format!("{base}, total=False"), &sometimes)
    }
}

/// Whether `name` can be a key of a `TypedDict` written as a class.
fn is_python_identifier(name: &str) -> bool {
    const KEYWORDS: [&str; 35] = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ];
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !KEYWORDS.contains(&name)
}

/// A `TypedDict` with a key that is a Python keyword (`from`), in the functional form; the keys'
/// doc comments go into its docstring.
fn functional_typed_dict(
    name: &str,
    doc_text: Option<&str>,
    fields: &[(&str, String, Option<String>, bool)],
) -> String {
    assert!(fields.iter().all(|f| f.3), "{name}: a functional TypedDict with keys that may be absent");
    let keys: Vec<String> = fields.iter().map(|(field, ty, _, _)| format!("    \"{field}\": \"{ty}\",\n")).collect();
    let mut text = doc_text.unwrap_or_default().to_owned();
    let lines: Vec<String> = fields
        .iter()
        .filter_map(|(field, _, field_doc, _)| {
            field_doc.as_ref().map(|d| format!("- `{field}`: {}", d.replace('\n', " ")))
        })
        .collect();
    if !lines.is_empty() {
        text.push_str("\n\n");
        text.push_str(&lines.join("\n"));
    }
    let mut out = format!("\n\n{name} = TypedDict(\"{name}\", {{\n{}}})\n", keys.concat());
    out.push_str(&docstring(&text, "").replacen("\"\"\"", &format!("{name}.__doc__ = \"\"\""), 1));
    out
}

/// The fields of the object shape `schema`, with their Python types.
fn python_fields<'a>(
    shapes: &Shapes,
    schema: &'a Value,
    dates: Dates,
    item_of_list: bool,
) -> Vec<(&'a str, String, Option<String>, bool)> {
    properties(schema)
        .unwrap_or_default()
        .into_iter()
        .map(|(field, field_schema, required)| {
            let value = if item_of_list {
                field_schema.get("items").unwrap_or_else(|| panic!("`{field}` is not a column"))
            } else {
                field_schema
            };
            (field, py_type(shapes, value, dates), doc(field_schema), required)
        })
        .collect()
}

/// The Python shapes: the `TypedDict`s of the JSON forms, the records with dates as
/// `datetime.date`, and the row columns in order.
fn python(shapes: &Shapes) -> String {
    let roots = [
        "Rollup",
        "RollupSeries",
        "Explanation",
        "OutlineRow",
        "PlanDiff",
        "Diagnostic",
        "Coverage",
        "Cadence",
        "ApprovalState",
        "Summary",
        "ImportSummary",
    ];
    let mut out = format!(
        "# Generated from the Rust types by `{COMMAND}`: do not edit.\n\
         \"\"\"The dict shapes the Python API returns, generated from the Rust types: the JSON forms\n\
         (``to_dict()``, dates as ``YYYY-MM-DD`` text) and the records the facade builds from them\n\
         (``...Record``, dates as ``datetime.date``).\"\"\"\n\n\
         from __future__ import annotations\n\n\
         import datetime\n\
         from typing import Any, Dict, List, Literal, Optional, Tuple, TypedDict, Union\n"
    );
    let names = shapes.reachable(&roots);
    // Type aliases first (plain values and enums), each after the aliases it uses.
    let mut aliases: Vec<&String> = names.iter().filter(|n| properties(shapes.get(n)).is_none()).collect();
    let mut written: BTreeSet<String> = BTreeSet::new();
    while !aliases.is_empty() {
        let before = aliases.len();
        aliases.retain(|name| {
            let mut uses = Vec::new();
            references(shapes.get(name), &mut uses);
            if uses.iter().any(|u| !written.contains(u)) {
                return true;
            }
            let schema = shapes.get(name);
            let value = py_type(shapes, schema, Dates::Text);
            let value = match value.strip_prefix("Literal[").and_then(|v| v.strip_suffix(']')) {
                Some(values) if value.len() > 80 => {
                    let lines: Vec<String> = values.split(", ").map(|v| format!("    {v},\n")).collect();
                    format!("Literal[\n{}]", lines.concat())
                }
                _ => value,
            };
            out.push_str(&format!("\n{} = {value}\n", python_name(shapes, name)));
            if let Some(text) = definition_doc(schema) {
                out.push_str(&docstring(&text, ""));
            }
            written.insert((*name).clone());
            false
        });
        assert!(aliases.len() < before, "type aliases that refer to each other: {aliases:?}");
    }
    for name in names.iter().filter(|n| properties(shapes.get(n)).is_some()) {
        let schema = shapes.get(name);
        let fields = python_fields(shapes, schema, Dates::Text, false);
        out.push_str(&typed_dict(&python_name(shapes, name), definition_doc(schema).as_deref(), &fields));
    }
    // The records: a row, a cell and a burn-up point with dates as `datetime.date`, and a row of
    // a series in long form (`as_of` then the row's columns).
    for (record, rust, item_of_list, lead) in [
        ("RollupRowRecord", "Row", false, "``Rollup.to_records()``"),
        ("AdoptionCellRecord", "Cell", false, "``Rollup.adoption``"),
        ("BurnUpRecord", "BurnUp", false, "``RollupSeries.burn_up()``"),
        ("RollupSeriesRecord", "RowColumns", true, "``RollupSeries.to_records()``, one per item per date"),
    ] {
        let schema = shapes.get(rust);
        let fields = python_fields(shapes, schema, Dates::Objects, item_of_list);
        let text = match definition_doc(schema) {
            Some(text) if !item_of_list => format!("{text}\n\nAs {lead}: dates as ``datetime.date``."),
            _ => format!("A row of {lead}: dates as ``datetime.date``."),
        };
        out.push_str(&typed_dict(record, Some(&text), &fields));
    }
    let columns: Vec<String> = properties(shapes.get("Row"))
        .unwrap_or_default()
        .iter()
        .map(|(field, _, _)| format!("    \"{field}\",\n"))
        .collect();
    out.push_str(&format!(
        "\n\nROLLUP_ROW_COLUMNS: Tuple[str, ...] = (\n{})\n\"\"\"The keys of a rollup row, in order.\"\"\"\n",
        columns.concat()
    ));
    out
}

// ---------------------------------------------------------------------------------------------
// The committed files

fn typescript_file() -> PathBuf {
    repo().join("bindings-wasm/types/shapes.d.ts")
}

fn python_file() -> PathBuf {
    repo().join("bindings-python/python/workplan/_shapes.py")
}

/// Compares a committed file with what the types give, or rewrites it under `WORKPLAN_BLESS`.
fn check(path: &PathBuf, generated: &str) {
    if std::env::var_os("WORKPLAN_BLESS").is_some() {
        fs::write(path, generated).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return;
    }
    let committed = fs::read_to_string(path).unwrap_or_default();
    if committed != generated {
        let line = committed.lines().zip(generated.lines()).position(|(a, b)| a != b);
        panic!(
            "{} is not what the Rust types give (first difference at line {}): run `{COMMAND}`",
            path.display(),
            line.map_or_else(|| "the end".to_owned(), |l| (l + 1).to_string())
        );
    }
}

#[test]
fn the_typescript_shapes_are_generated_from_the_types() {
    let (shapes, inputs, outputs) = shapes();
    let roots: Vec<String> = inputs.into_iter().chain(outputs).collect();
    check(&typescript_file(), &typescript(&shapes, &roots));
}

#[test]
fn the_python_shapes_are_generated_from_the_types() {
    let (shapes, _, _) = shapes();
    check(&python_file(), &python(&shapes));
}

/// The names a TypeScript file declares.
fn declared(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| {
            let rest = line.trim_start().strip_prefix("export ").unwrap_or(line.trim_start());
            let rest = rest.strip_prefix("interface ").or_else(|| rest.strip_prefix("type "))?;
            Some(rest.split(|c: char| !c.is_alphanumeric() && c != '_').next()?.to_owned())
        })
        .collect()
}

#[test]
fn the_hand_kept_declarations_do_not_redefine_a_generated_shape() {
    let generated = declared(&fs::read_to_string(typescript_file()).unwrap_or_default());
    assert!(generated.len() > 40, "{generated:?}");
    for file in ["bindings-wasm/types/data.d.ts", "bindings-wasm/types/errors.d.ts"] {
        let Ok(text) = fs::read_to_string(repo().join(file)) else { continue };
        let twice: Vec<String> = declared(&text).into_iter().filter(|n| generated.contains(n)).collect();
        assert!(twice.is_empty(), "{file} declares {twice:?}, which shapes.d.ts generates");
    }
}

/// The field names of the dataclass `class` of a Python file, in order.
fn dataclass_fields(text: &str, class: &str) -> Vec<String> {
    let start = text.find(&format!("\nclass {class}:")).unwrap_or_else(|| panic!("no class {class}"));
    text[start..]
        .lines()
        .skip(2)
        .take_while(|line| line.is_empty() || line.starts_with(' '))
        .take_while(|line| !line.trim_start().starts_with('@') && !line.trim_start().starts_with("def "))
        .filter_map(|line| {
            let field = line.strip_prefix("    ")?.split(':').next()?;
            let identifier = !field.is_empty() && field.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            (identifier && line.contains(": ")).then(|| field.to_owned())
        })
        .collect()
}

#[test]
fn the_python_rollup_row_has_the_fields_of_a_row_in_order() {
    let (shapes, _, _) = shapes();
    let row: Vec<String> = properties(shapes.get("Row")).unwrap_or_default().iter().map(|p| p.0.to_owned()).collect();
    let text = fs::read_to_string(repo().join("bindings-python/python/workplan/_rollup.py")).expect("_rollup.py");
    assert_eq!(dataclass_fields(&text, "RollupRow"), row);
}

// ---------------------------------------------------------------------------------------------
// The output types read back what they write, and what they write fits their schema

fn example(name: &str) -> PathBuf {
    repo().join("examples/london-councils").join(name)
}

/// The JSON Schema (serialize contract) of `T`, standalone.
fn output_schema<T: JsonSchema>() -> Value {
    SchemaSettings::draft2020_12().for_serialize().into_generator().into_root_schema_for::<T>().to_value()
}

/// `value` serializes to JSON that fits its schema and reads back equal.
fn round_trip<T: Serialize + DeserializeOwned + JsonSchema + PartialEq + std::fmt::Debug>(value: &T, what: &str) {
    let json = serde_json::to_value(value).expect("serializes");
    let validator = jsonschema::validator_for(&output_schema::<T>()).expect("a valid schema");
    let errors: Vec<String> =
        validator.iter_errors(&json).take(5).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{what} does not fit its schema: {errors:#?}");
    let back: T = serde_json::from_value(json.clone()).unwrap_or_else(|e| panic!("{what} does not read back: {e}"));
    assert_eq!(&back, value, "{what} reads back different");
    assert_eq!(serde_json::to_value(&back).expect("serializes"), json, "{what} writes different JSON read back");
}

struct Example {
    plan: Plan,
    draft: Plan,
    updates: Updates,
}

fn examples() -> Example {
    Example {
        plan: Plan::load(example("business-plan-2020-21.yaml")).expect("plan"),
        draft: Plan::load(example("business-plan-2020-21-draft-2020-03-03.yaml")).expect("draft"),
        updates: Updates::load(example("business-plan-2020-21-updates.csv")).expect("returns"),
    }
}

#[test]
fn the_examples_rollup_series_explanations_and_changes_read_back_and_fit_their_schemas() {
    let Example { plan, updates, .. } = examples();
    let options = workplan::RollupOptions { as_of: "2020-12-31".parse().ok(), ..Default::default() };
    let rollup = workplan::rollup(&plan, &updates, &options);
    assert!(rollup.rows.len() > 20);
    round_trip(&rollup, "the rollup");
    let dates: Vec<workplan::Date> = ["2020-06-30", "2020-12-31"].iter().filter_map(|d| d.parse().ok()).collect();
    round_trip(&workplan::rollup_series(&plan, &updates, &options, Some(&dates)), "the series");
    let mut engine = workplan::RollupEngine::new(&plan, &updates, &options);
    let mut kinds = BTreeSet::new();
    for row in &rollup.rows {
        let explanation = engine.explain(&row.id).expect("an item of the plan");
        kinds.insert(serde_json::to_value(explanation.kind).expect("kind").to_string());
        round_trip(&explanation, &format!("the explanation of {}", row.id));
    }
    assert!(kinds.len() >= 2, "parents and leaves: {kinds:?}");
    let first = (rollup.rows.iter())
        .find(|r| r.is_leaf && r.included && r.members_in_scope.is_none() && r.last_update.is_none())
        .expect("an included leaf without returns");
    let returns = Updates::from_csv(&format!("item,date,percent\n{},2020-12-31,37.5\n", first.id)).expect("a return");
    let update = returns.iter().next().expect("one return").clone();
    let changes = engine.apply_changes(update).expect("applies");
    assert!(!changes.rows.is_empty());
    round_trip(&changes, "the changes");
    round_trip(&plan.outline_rows(), "the outline");
    round_trip(&rollup.columns(), "the row columns");
}

#[test]
fn the_examples_diff_findings_and_governance_read_back_and_fit_their_schemas() {
    let Example { plan, draft, updates } = examples();
    let diff = workplan::diff(&draft, &plan);
    assert!(!diff.is_empty());
    round_trip(&diff, "the diff");
    let report = plan.validate_with(&updates);
    round_trip(&report, "the report");
    let draft_report = draft.validate();
    assert!(!draft_report.diagnostics.is_empty());
    round_trip(&draft_report, "the draft's report");
    round_trip(&report.counts(), "the counts");
    round_trip(&plan.summary(), "the summary");
    round_trip(&plan.approval_state(), "the approval state");
    let pledges = Plan::load(example("pledges-2019-2022.yaml")).expect("pledges");
    let workspace = workplan::Workspace::new(vec![plan.clone(), pledges.clone()]);
    for report in workspace.validate() {
        round_trip(&report, &format!("the report of {}", report.plan));
    }
    let coverage = workspace.coverage(&pledges.id).expect("a plan of the workspace");
    round_trip(&coverage, "the coverage");
    let rule: workplan::MeetingRule = "second tuesday except january, august".parse().expect("rule");
    let meetings = workplan::meetings(&rule, plan.period.start, plan.period.end);
    let options = workplan::cadence::CadenceOptions { as_of: Some(plan.period.end), ..Default::default() };
    let cadence = workplan::cadence(&pledges, &meetings, &options);
    round_trip(&cadence, "the cadence");
}

#[test]
fn every_shape_the_faces_see_has_a_doc_comment() {
    let (shapes, inputs, outputs) = shapes();
    let roots: Vec<&str> = inputs.iter().chain(&outputs).map(String::as_str).collect();
    let mut missing = Vec::new();
    for name in shapes.reachable(&roots) {
        let schema = shapes.get(&name);
        if doc(schema).is_none() {
            missing.push(name.clone());
        }
        for (field, field_schema, _) in properties(schema).unwrap_or_default() {
            if doc(field_schema).is_none() {
                missing.push(format!("{name}.{field}"));
            }
        }
    }
    assert!(missing.is_empty(), "no doc comment: {missing:?}");
}

#[test]
fn the_renamed_types_exist() {
    let (shapes, _, _) = shapes();
    for (rust, _) in RENAMES {
        assert!(shapes.defs.contains_key(*rust), "no shape `{rust}` to rename");
    }
}
