//! Writing model values back to JSON and YAML, deterministically: keys in the order the format
//! declares them, extension (`x-`) keys after them in sorted order, two-space indents, a final
//! newline. Saving the same plan twice gives the same bytes.

use serde::Serialize;
use serde_json::{Map, Value};

use super::node::{resolve_plain, Resolved};

/// Serialises a model value to a JSON value (each struct's `x-` keys after its own, as the
/// model's `Serialize` writes them).
pub(crate) fn to_json_value<T: Serialize>(value: &T) -> Value {
    // Model types serialise to JSON without fail: all map keys are strings.
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// Pretty JSON with a final newline.
pub(crate) fn to_json_string<T: Serialize>(value: &T) -> String {
    let json = to_json_value(value);
    let mut text = serde_json::to_string_pretty(&json).unwrap_or_default();
    text.push('\n');
    text
}

/// Block-style YAML with a final newline.
pub(crate) fn to_yaml_string<T: Serialize>(value: &T) -> String {
    let json = to_json_value(value);
    let mut out = String::new();
    match &json {
        Value::Object(map) if !map.is_empty() => write_map(&mut out, map, 0),
        Value::Array(items) if !items.is_empty() => write_list(&mut out, items, 0),
        scalar => {
            out.push_str(&scalar_text(scalar));
            out.push('\n');
        }
    }
    out
}

fn indent(out: &mut String, level: usize) {
    for _ in 0..level {
        out.push_str("  ");
    }
}

fn write_map(out: &mut String, map: &Map<String, Value>, level: usize) {
    for (i, (key, value)) in map.iter().enumerate() {
        if i > 0 {
            indent(out, level);
        }
        out.push_str(&string_text(key));
        out.push(':');
        write_value_after_key(out, value, level);
    }
}

fn write_value_after_key(out: &mut String, value: &Value, level: usize) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            out.push('\n');
            indent(out, level + 1);
            write_map(out, map, level + 1);
        }
        Value::Array(items) if !items.is_empty() => {
            out.push('\n');
            indent(out, level);
            write_list(out, items, level);
        }
        scalar => {
            out.push(' ');
            out.push_str(&scalar_text(scalar));
            out.push('\n');
        }
    }
}

/// Writes list entries at `level`; the first line's indent is already written.
fn write_list(out: &mut String, items: &[Value], level: usize) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            indent(out, level);
        }
        out.push_str("- ");
        match item {
            Value::Object(map) if !map.is_empty() => write_map(out, map, level + 1),
            Value::Array(inner) if !inner.is_empty() => write_list(out, inner, level + 1),
            scalar => {
                out.push_str(&scalar_text(scalar));
                out.push('\n');
            }
        }
    }
}

fn scalar_text(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => string_text(s),
        Value::Array(_) => "[]".to_owned(),
        Value::Object(_) => "{}".to_owned(),
    }
}

/// A string as a plain scalar when that reads back as the same string (in YAML 1.2 and in the
/// YAML 1.1 readers many tools still use), else double-quoted with JSON escapes.
fn string_text(s: &str) -> String {
    if is_safe_plain(s) {
        s.to_owned()
    } else {
        serde_json::to_string(s).unwrap_or_default()
    }
}

fn is_safe_plain(s: &str) -> bool {
    let Some(first) = s.chars().next() else { return false };
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) || first.is_whitespace() {
        return false;
    }
    if s.ends_with(char::is_whitespace) || s.contains(": ") || s.contains(" #") || s.ends_with(':') {
        return false;
    }
    if s.chars().any(|c| c.is_control() || c == '\u{feff}' || c == '\u{2028}' || c == '\u{2029}') {
        return false;
    }
    let yaml11_words =
        ["y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"];
    if yaml11_words.contains(&s) {
        return false;
    }
    // Text that YAML would read as a number, boolean or null, or that 1.1 readers take as a
    // number with underscores or a sexagesimal, stays quoted.
    if !matches!(resolve_plain(s), Resolved::String(_)) {
        return false;
    }
    let looks_numeric = s.chars().all(|c| c.is_ascii_digit() || "+-._:eE".contains(c))
        && s.chars().any(|c| c.is_ascii_digit())
        && !is_iso_date(s);
    !looks_numeric
}

fn is_iso_date(s: &str) -> bool {
    s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_that_would_change_meaning_are_quoted() {
        assert_eq!(string_text("plain text"), "plain text");
        assert_eq!(string_text("2020-04-01"), "2020-04-01");
        for tricky in
            ["1", "1.5", "true", "null", "~", "", " lead", "a: b", "- x", "#c", "yes", "1_000", "1.2.3", "line\nbreak"]
        {
            let text = string_text(tricky);
            assert!(text.starts_with('"'), "{tricky:?} should be quoted, got {text}");
        }
    }
}
