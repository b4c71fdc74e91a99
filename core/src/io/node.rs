//! The document tree that every input format is read into before it becomes a typed plan: values
//! with their source positions, so that every load error can say where it is.

use std::borrow::Cow;

/// A value in a document, with the byte offset of its start in the source text (if it came from
/// text). Offsets become lines and columns only when a message needs them. Text that is written
/// in the source as it is (no escapes, no folded lines) is borrowed from the source, not copied:
/// a tree of short keys and values then needs no allocation for each of them.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node<'a> {
    pub value: Value<'a>,
    pub offset: Option<usize>,
}

/// One key of a mapping, with the key's own offset.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry<'a> {
    pub key: Cow<'a, str>,
    pub key_offset: Option<usize>,
    pub value: Node<'a>,
}

/// Finds a repeated key in a mapping. A small mapping is checked as each key is read, against
/// every key before it. Past [`RepeatedKeys::LINEAR`] keys, reading a key only notes a hash of it
/// at the end of a list, and the mapping is checked once, by [`RepeatedKeys::first_repeated`],
/// when it ends or when an error stops the reading: the hashes are sorted and, only if two are
/// equal, the keys themselves are compared. A lookup in a table as large as the mapping for every
/// key was the slowest part of reading a million keys of YAML; a sort of the hashes takes a tenth
/// of the time. Keys crafted to have equal hashes cost one more pass over the keys, never a
/// wrong answer.
#[derive(Debug, Default)]
pub(crate) struct RepeatedKeys {
    hashes: Vec<u64>,
}

impl RepeatedKeys {
    /// Mappings with up to this many keys are checked key by key.
    const LINEAR: usize = 16;

    /// Notes `key`, the key that comes after `entries` (every key read so far, in order), and
    /// says whether it repeats one of them. Past [`RepeatedKeys::LINEAR`] keys the answer is
    /// always `false`: [`RepeatedKeys::first_repeated`] gives it, when the reading stops.
    pub fn is_repeated(&mut self, entries: &[Entry], key: &str) -> bool {
        if entries.len() < Self::LINEAR {
            return entries.iter().any(|entry| entry.key == key);
        }
        if self.hashes.is_empty() {
            self.hashes.extend(entries.iter().map(|entry| key_hash(&entry.key)));
        }
        self.hashes.push(key_hash(key));
        false
    }

    /// The place in `entries` of the first key (in reading order) that repeats a key before it,
    /// among the keys that were noted without an answer. `entries` are every entry whose key was
    /// noted, in order.
    pub fn first_repeated(&mut self, entries: &[Entry<'_>]) -> Option<usize> {
        if self.hashes.is_empty() {
            return None;
        }
        sort_hashes(&mut self.hashes);
        if self.hashes.windows(2).all(|pair| pair[0] != pair[1]) {
            return None;
        }
        let mut seen = std::collections::HashSet::<&str>::new();
        entries.iter().position(|entry| !seen.insert(&entry.key))
    }
}

/// Sorts hashes, lowest first: a radix sort, eight passes over the list that each move every hash
/// once. (The standard library's sort made the wasm package 1.5 KB larger, gzipped.)
fn sort_hashes(hashes: &mut Vec<u64>) {
    let mut sorted = vec![0; hashes.len()];
    for shift in (0..64).step_by(8) {
        let byte = |hash: u64| (hash >> shift) as u8 as usize;
        let mut starts = [0; 256];
        for &hash in hashes.iter() {
            starts[byte(hash)] += 1;
        }
        let mut start = 0;
        for count in &mut starts {
            (start, *count) = (start + *count, start);
        }
        for &hash in hashes.iter() {
            let at = &mut starts[byte(hash)];
            sorted[*at] = hash;
            *at += 1;
        }
        std::mem::swap(hashes, &mut sorted);
    }
}

/// The hash [`RepeatedKeys`] notes: a fast one, as equal hashes are checked against the keys.
fn key_hash(key: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(key)
}

/// The kinds of value a document holds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value<'a> {
    Null,
    Bool(bool),
    Integer(i64),
    Float(f64),
    /// Text that is text whatever is asked of it (JSON strings, quoted YAML scalars).
    String(Cow<'a, str>),
    /// A plain (unquoted) YAML scalar: its type follows the YAML 1.2 core schema, except that a
    /// field that wants text takes the text as written (`label: 1` is the label "1").
    Plain(Cow<'a, str>),
    List(Vec<Node<'a>>),
    Map(Vec<Entry<'a>>),
}

/// A number the readers read as floating point, as the library keeps it (docs/format.md#reading):
/// a negative zero, however written (`-0.0`, `-0e3`), is the integer zero, which is what the
/// model's deserialization makes of the negative zero that `serde_json` gives for `-0` and
/// `-0.0` alike (`crate::model::number`), so that every path reads the same value.
pub(crate) fn float(value: f64) -> Value<'static> {
    if crate::model::number::is_negative_zero(value) {
        Value::Integer(0)
    } else {
        Value::Float(value)
    }
}

/// A plain YAML scalar resolved by the YAML 1.2 core schema.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Resolved<'a> {
    Null,
    Bool(bool),
    Integer(i64),
    Float(f64),
    String(&'a str),
}

impl Resolved<'_> {
    /// A float, as [`float`] keeps it.
    fn float(value: f64) -> Self {
        if crate::model::number::is_negative_zero(value) {
            Resolved::Integer(0)
        } else {
            Resolved::Float(value)
        }
    }
}

/// Resolves a plain YAML scalar by the YAML 1.2 core schema.
pub(crate) fn resolve_plain(text: &str) -> Resolved<'_> {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Resolved::Null,
        "true" | "True" | "TRUE" => return Resolved::Bool(true),
        "false" | "False" | "FALSE" => return Resolved::Bool(false),
        ".nan" | ".NaN" | ".NAN" => return Resolved::Float(f64::NAN),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => return Resolved::Float(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => return Resolved::Float(f64::NEG_INFINITY),
        _ => {}
    }
    let bytes = text.as_bytes();
    let digits = bytes.strip_prefix(b"-").or_else(|| bytes.strip_prefix(b"+")).unwrap_or(bytes);
    if !digits.is_empty() && digits.iter().all(u8::is_ascii_digit) {
        return match text.parse::<i64>() {
            Ok(i) => Resolved::Integer(i),
            Err(_) => text.parse::<f64>().map_or(Resolved::String(text), Resolved::float),
        };
    }
    if let Some(hex) = text.strip_prefix("0x") {
        if let Ok(i) = i64::from_str_radix(hex, 16) {
            return Resolved::Integer(i);
        }
    }
    if let Some(oct) = text.strip_prefix("0o") {
        if let Ok(i) = i64::from_str_radix(oct, 8) {
            return Resolved::Integer(i);
        }
    }
    if is_yaml_float(digits) {
        if let Ok(f) = text.parse::<f64>() {
            return Resolved::float(f);
        }
    }
    Resolved::String(text)
}

/// `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?` without the sign.
fn is_yaml_float(s: &[u8]) -> bool {
    let mut i = 0;
    let int_start = i;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
    }
    let mut mantissa_digits = i - int_start;
    if i < s.len() && s[i] == b'.' {
        i += 1;
        let frac_start = i;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
        }
        mantissa_digits += i - frac_start;
    }
    if mantissa_digits == 0 {
        return false;
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        i += 1;
        if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
            i += 1;
        }
        let exp_start = i;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp_start {
            return false;
        }
    }
    i == s.len()
}

impl<'a> Node<'a> {
    /// A node without a source offset.
    pub fn bare(value: Value<'a>) -> Self {
        Node { value, offset: None }
    }
}

impl Node<'static> {
    /// Converts a JSON value (no positions) into a node.
    pub fn from_json(value: serde_json::Value) -> Self {
        let value = match value {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(b),
            serde_json::Value::Number(n) => match n.as_i64() {
                Some(i) => Value::Integer(i),
                None => float(n.as_f64().unwrap_or(f64::NAN)),
            },
            serde_json::Value::String(s) => Value::String(Cow::Owned(s)),
            serde_json::Value::Array(items) => Value::List(items.into_iter().map(Node::from_json).collect()),
            serde_json::Value::Object(map) => Value::Map(
                map.into_iter()
                    .map(|(key, value)| Entry { key: Cow::Owned(key), key_offset: None, value: Node::from_json(value) })
                    .collect(),
            ),
        };
        Node::bare(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_hashes_are_checked_against_the_keys() {
        let entries: Vec<Entry> = (0..20)
            .map(|i| Entry { key: format!("k{i}").into(), key_offset: None, value: Node::bare(Value::Null) })
            .collect();
        let mut repeated = RepeatedKeys::default();
        for (i, entry) in entries.iter().enumerate() {
            assert!(!repeated.is_repeated(&entries[..i], &entry.key));
        }
        assert_eq!(repeated.first_repeated(&entries), None);
        // Keys whose hashes are equal, as crafted keys could be: the keys decide.
        repeated.hashes = vec![7; entries.len()];
        assert_eq!(repeated.first_repeated(&entries), None);
        let mut more = entries.clone();
        more.extend([entries[2].clone(), entries[1].clone()]);
        repeated.hashes = vec![7; more.len()];
        assert_eq!(repeated.first_repeated(&more), Some(20));
        // Small mappings answer at once.
        assert!(RepeatedKeys::default().is_repeated(&entries[..3], "k1"));
    }

    #[test]
    fn plain_scalars_follow_the_core_schema() {
        assert_eq!(resolve_plain("~"), Resolved::Null);
        assert_eq!(resolve_plain("true"), Resolved::Bool(true));
        assert_eq!(resolve_plain("12"), Resolved::Integer(12));
        assert_eq!(resolve_plain("-3"), Resolved::Integer(-3));
        assert_eq!(resolve_plain("2.5"), Resolved::Float(2.5));
        assert_eq!(resolve_plain("1e3"), Resolved::Float(1000.0));
        assert_eq!(resolve_plain("2020-04-01"), Resolved::String("2020-04-01"));
        assert_eq!(resolve_plain("a"), Resolved::String("a"));
        assert_eq!(resolve_plain("1.2.3"), Resolved::String("1.2.3"));
        assert!(matches!(resolve_plain(".nan"), Resolved::Float(f) if f.is_nan()));
        assert_eq!(resolve_plain("-0.0"), Resolved::Integer(0), "negative zero is the integer zero");
        assert!(matches!(resolve_plain("0.0"), Resolved::Float(f) if f.is_sign_positive()));
    }
}
