//! [`Extensions`]: the `x-` keys of one object (docs/format.md#extensions), kept verbatim and in
//! key order.
//!
//! Most objects have no `x-` key and those that have one have few, so the map is a vector of
//! entries sorted by key: an object with one `x-` key allocates one entry, where a `BTreeMap`
//! allocated a leaf node of eleven (1,068 bytes). Lookups are binary searches. A value read from
//! a document is kept as its compact JSON text ([`super::extension_text`]) and made into a
//! `serde_json::Value` when it is first asked for: on a plan with an `x-` object on every item
//! and return, the values were most of its memory (BENCHMARKS.md, "Foreign documents").

use std::fmt;
use std::sync::OnceLock;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

/// Extension data: the `x-` keys of one object, kept verbatim and in key order. The methods
/// are those of a `BTreeMap<String, serde_json::Value>`.
///
/// ```
/// use serde_json::json;
/// use workplan::Extensions;
///
/// let mut extensions = Extensions::new();
/// extensions.insert("x-source".to_owned(), json!({"sheet": "Finance"}));
/// extensions.insert("x-colour".to_owned(), json!("green"));
/// assert_eq!(extensions.keys().collect::<Vec<_>>(), ["x-colour", "x-source"]);
/// assert_eq!(extensions["x-source"]["sheet"], "Finance");
/// assert_eq!(extensions.insert("x-colour".to_owned(), json!("red")), Some(json!("green")));
/// assert_eq!(extensions.len(), 2);
/// ```
#[derive(Clone, Default)]
pub struct Extensions {
    /// The entries, sorted by key, each key once.
    entries: Vec<(String, Kept)>,
}

/// One value: the JSON text it was read as (its value made when first asked for), or a value.
#[derive(Clone)]
pub(crate) enum Kept {
    /// Read from a document: compact JSON text, and the value once made.
    Text(Box<str>, OnceLock<Box<Value>>),
    /// Given as a value, or changed through [`Extensions::get_mut`].
    Value(Box<Value>),
}

impl Kept {
    /// The value (made from the text the first time).
    fn value(&self) -> &Value {
        match self {
            Kept::Value(value) => value,
            Kept::Text(text, made) => made.get_or_init(|| Box::new(parse(text))),
        }
    }

    /// The value, to change (the text is let go of).
    fn value_mut(&mut self) -> &mut Value {
        if let Kept::Text(text, made) = self {
            *self = Kept::Value(made.take().unwrap_or_else(|| Box::new(parse(text))));
        }
        match self {
            Kept::Value(value) => value,
            Kept::Text(..) => unreachable!("made a value just above"),
        }
    }

    /// The value, owned.
    fn into_value(self) -> Value {
        match self {
            Kept::Value(value) => *value,
            Kept::Text(text, made) => made.into_inner().map_or_else(|| parse(&text), |value| *value),
        }
    }

    /// Writes the value; one kept as text is made for the writing only, not kept.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Kept::Value(value) => value.serialize(serializer),
            Kept::Text(text, made) => match made.get() {
                Some(value) => value.serialize(serializer),
                None => parse(text).serialize(serializer),
            },
        }
    }
}

/// The value of text that [`super::extension_text::read`] wrote: JSON, nested no deeper than the
/// readers allow ([`MAX_NESTING`](crate::MAX_NESTING), past `serde_json`'s own limit of 128).
#[cfg(not(target_family = "wasm"))]
fn parse(text: &str) -> Value {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    deserializer.disable_recursion_limit();
    Value::deserialize(&mut deserializer).expect("extension data is kept as JSON text written by extension_text")
}

/// The value of text that [`super::extension_text::read`] wrote, in the wasm
/// ([`super::extension_value`]: `serde_json`'s reader would add 20 KB to the size build).
#[cfg(target_family = "wasm")]
fn parse(text: &str) -> Value {
    super::extension_value::value_of(text).expect("extension data is kept as JSON text written by extension_text")
}

impl Extensions {
    /// No extension data.
    pub const fn new() -> Extensions {
        Extensions { entries: Vec::new() }
    }

    /// How many keys there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there is no key.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Where `key` is, or where it would go.
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.find(key).ok().map(|at| self.entries[at].1.value())
    }

    /// The value of `key`, to change.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.find(key).ok().map(|at| self.entries[at].1.value_mut())
    }

    /// Whether there is a value for `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Sets the value of `key`; returns the value it had.
    pub fn insert(&mut self, key: String, value: Value) -> Option<Value> {
        self.put(key, Kept::Value(Box::new(value)))
    }

    /// Sets the value of `key` to the JSON text that [`super::extension_text::read`] wrote;
    /// returns whether `key` had a value (which is replaced).
    pub(crate) fn insert_text(&mut self, key: String, text: Box<str>) -> bool {
        match self.find(&key) {
            Ok(at) => {
                self.entries[at].1 = Kept::Text(text, OnceLock::new());
                true
            }
            Err(at) => {
                self.make_room();
                self.entries.insert(at, (key, Kept::Text(text, OnceLock::new())));
                false
            }
        }
    }

    /// Sets the value of `key`; returns the value it had.
    fn put(&mut self, key: String, kept: Kept) -> Option<Value> {
        match self.find(&key) {
            Ok(at) => Some(std::mem::replace(&mut self.entries[at].1, kept).into_value()),
            Err(at) => {
                self.make_room();
                self.entries.insert(at, (key, kept));
                None
            }
        }
    }

    /// Room for one more entry: the first takes a list of one (a `Vec` would take room for
    /// four, 224 bytes where most objects have one `x-` key), later ones as a `Vec` grows.
    fn make_room(&mut self) {
        if self.entries.capacity() == 0 {
            self.entries.reserve_exact(1);
        }
    }

    /// Takes `key` out; returns its value.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        self.find(key).ok().map(|at| self.entries.remove(at).1.into_value())
    }

    /// Removes every key.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// The keys and values, in key order.
    pub fn iter(&self) -> ExtensionsIter<'_> {
        ExtensionsIter(self.entries.iter())
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &String> + ExactSizeIterator {
        self.entries.iter().map(|(k, _)| k)
    }

    /// The values, in the order of their keys.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &Value> + ExactSizeIterator {
        self.entries.iter().map(|(_, v)| v.value())
    }
}

impl PartialEq for Extensions {
    /// The same keys with equal values (however each was kept).
    fn eq(&self, other: &Extensions) -> bool {
        self.len() == other.len()
            && self.entries.iter().zip(&other.entries).all(|((k, v), (l, w))| k == l && v.value() == w.value())
    }
}

impl Eq for Extensions {}

impl fmt::Debug for Kept {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value().fmt(f)
    }
}

impl fmt::Debug for Extensions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl std::ops::Index<&str> for Extensions {
    type Output = Value;

    /// The value of `key`; panics when there is none, as a `BTreeMap` does.
    fn index(&self, key: &str) -> &Value {
        self.get(key).unwrap_or_else(|| panic!("no extension key `{key}`"))
    }
}

impl FromIterator<(String, Value)> for Extensions {
    /// The entries, the last value of a repeated key kept (as a `BTreeMap` does).
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(entries: I) -> Extensions {
        let mut extensions = Extensions::new();
        extensions.extend(entries);
        extensions
    }
}

impl Extend<(String, Value)> for Extensions {
    fn extend<I: IntoIterator<Item = (String, Value)>>(&mut self, entries: I) {
        for (key, value) in entries {
            self.insert(key, value);
        }
    }
}

impl<const N: usize> From<[(String, Value); N]> for Extensions {
    fn from(entries: [(String, Value); N]) -> Extensions {
        entries.into_iter().collect()
    }
}

impl From<std::collections::BTreeMap<String, Value>> for Extensions {
    fn from(map: std::collections::BTreeMap<String, Value>) -> Extensions {
        // A BTreeMap's entries come sorted, each key once.
        Extensions { entries: map.into_iter().map(|(key, value)| (key, Kept::Value(Box::new(value)))).collect() }
    }
}

impl IntoIterator for Extensions {
    type Item = (String, Value);
    type IntoIter = ExtensionsIntoIter;

    /// The entries, in key order.
    fn into_iter(self) -> ExtensionsIntoIter {
        ExtensionsIntoIter(self.entries.into_iter())
    }
}

impl<'a> IntoIterator for &'a Extensions {
    type Item = (&'a String, &'a Value);
    type IntoIter = ExtensionsIter<'a>;

    /// The entries, in key order.
    fn into_iter(self) -> ExtensionsIter<'a> {
        self.iter()
    }
}

/// The keys and values of [`Extensions`], in key order ([`Extensions::iter`]).
#[derive(Debug, Clone)]
pub struct ExtensionsIter<'a>(std::slice::Iter<'a, (String, Kept)>);

impl<'a> Iterator for ExtensionsIter<'a> {
    type Item = (&'a String, &'a Value);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (k, v.value()))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl DoubleEndedIterator for ExtensionsIter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(k, v)| (k, v.value()))
    }
}

impl ExactSizeIterator for ExtensionsIter<'_> {}

/// The keys and values of [`Extensions`], owned, in key order (its `into_iter`).
#[derive(Debug)]
pub struct ExtensionsIntoIter(std::vec::IntoIter<(String, Kept)>);

impl Iterator for ExtensionsIntoIter {
    type Item = (String, Value);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (k, v.into_value()))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl DoubleEndedIterator for ExtensionsIntoIter {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(k, v)| (k, v.into_value()))
    }
}

impl ExactSizeIterator for ExtensionsIntoIter {}

impl Serialize for Extensions {
    /// A map, in key order.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.entries.len()))?;
        for (key, kept) in &self.entries {
            map.serialize_entry(key, &Written(kept))?;
        }
        map.end()
    }
}

/// A kept value, written as [`Kept::serialize`] writes it.
struct Written<'k>(&'k Kept);

impl Serialize for Written<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Extensions {
    /// A map (the last value of a repeated key kept, as a `BTreeMap` does; the model's own
    /// readers refuse repeated keys before this).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Extensions, D::Error> {
        struct ExtensionsVisitor;

        impl<'de> Visitor<'de> for ExtensionsVisitor {
            type Value = Extensions;

            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("a map of extension data")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Extensions, A::Error> {
                let mut extensions = Extensions::new();
                while let Some((key, value)) = map.next_entry::<String, Value>()? {
                    extensions.insert(key, value);
                }
                Ok(extensions)
            }
        }

        deserializer.deserialize_map(ExtensionsVisitor)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn behaves_as_a_sorted_map() {
        let mut extensions: Extensions =
            [("x-b".to_owned(), json!(2)), ("x-a".to_owned(), json!(1)), ("x-b".to_owned(), json!(3))].into();
        assert_eq!(extensions.keys().collect::<Vec<_>>(), ["x-a", "x-b"]);
        assert_eq!(extensions.get("x-b"), Some(&json!(3)), "the last of a repeated key");
        assert_eq!(extensions.remove("x-a"), Some(json!(1)));
        assert_eq!(extensions.remove("x-a"), None);
        assert!(!extensions.contains_key("x-a") && extensions.contains_key("x-b"));
        *extensions.get_mut("x-b").expect("x-b") = json!("changed");
        assert_eq!(format!("{extensions:?}"), r#"{"x-b": String("changed")}"#);
        extensions.clear();
        assert!(extensions.is_empty());
    }

    #[test]
    fn reads_and_writes_a_map_in_key_order() {
        let extensions: Extensions =
            serde_json::from_str(r#"{"x-z": [1], "x-a": {"k": true}}"#).expect("a map of extension data");
        assert_eq!(serde_json::to_string(&extensions).expect("serialized"), r#"{"x-a":{"k":true},"x-z":[1]}"#);
        let map: std::collections::BTreeMap<String, Value> =
            serde_json::from_str(r#"{"x-z": [1], "x-a": {"k": true}}"#).expect("a BTreeMap of the same");
        assert_eq!(Extensions::from(map), extensions);
        assert!(serde_json::from_str::<Extensions>("[1]").is_err());
    }

    /// Extensions read from a document (kept as text), as `Plan::from_json_str` reads them.
    fn read(json: &str) -> Extensions {
        let plan = crate::Plan::from_json_str(&format!(
            r#"{{"workplan": 1, "id": "p", "title": "P", "period": {{"start": "2020-04-01", "end": "2021-03-31"}}, {json}}}"#
        ))
        .expect("a plan");
        plan.extensions
    }

    #[test]
    fn values_read_as_text_are_the_values_given() {
        let read = read(r#""x-b": {"z": 1, "a": [2.5, -0.0, "t"]}, "x-a": null"#);
        assert!(read.entries.iter().all(|(_, kept)| matches!(kept, Kept::Text(..))), "kept as text");
        let given: Extensions =
            [("x-b".to_owned(), json!({"z": 1, "a": [2.5, 0, "t"]})), ("x-a".to_owned(), Value::Null)].into();
        assert_eq!(serde_json::to_string(&read).expect("written"), r#"{"x-a":null,"x-b":{"z":1,"a":[2.5,0,"t"]}}"#);
        assert!(
            read.entries.iter().all(|(_, kept)| matches!(kept, Kept::Text(_, made) if made.get().is_none())),
            "writing makes the values for the writing only"
        );
        assert_eq!(read, given);
        assert_eq!(read.get("x-b").map(|b| &b["a"][0]), Some(&json!(2.5)));
        assert_eq!(format!("{read:?}"), format!("{given:?}"));
        assert_eq!(read.clone().into_iter().collect::<Vec<_>>(), given.clone().into_iter().collect::<Vec<_>>());
        assert_eq!(read.iter().rev().map(|(k, _)| k.as_str()).collect::<Vec<_>>(), ["x-b", "x-a"]);

        let mut changed = read.clone();
        changed.get_mut("x-b").expect("x-b")["z"] = json!(2);
        assert!(matches!(changed.entries[1].1, Kept::Value(_)), "a changed value lets go of its text");
        assert_eq!(serde_json::to_string(&changed).expect("written"), r#"{"x-a":null,"x-b":{"z":2,"a":[2.5,0,"t"]}}"#);
        assert_ne!(changed, read);
        assert_eq!(changed.insert("x-a".to_owned(), json!(1)), Some(Value::Null));
        assert_eq!(changed.remove("x-b"), Some(json!({"z": 2, "a": [2.5, 0, "t"]})));
    }

    #[test]
    fn values_nested_past_serde_jsons_limit_are_made_from_their_text() {
        // `serde_json` stops at 128 levels; the located reader reads up to MAX_NESTING.
        let depth = 200;
        let read = read(&format!(r#""x-deep": {}{}"#, "[".repeat(depth), "]".repeat(depth)));
        let mut value = read.get("x-deep").expect("x-deep");
        for _ in 1..depth {
            value = &value[0];
        }
        assert_eq!(value, &json!([]));
    }
}
