//! [`Extensions`]: the `x-` keys of one object (docs/format.md#extensions), kept verbatim and in
//! key order.
//!
//! Most objects have no `x-` key and those that have one have few, so the map is a vector of
//! entries sorted by key: an object with one `x-` key allocates one entry (96 bytes: the key's
//! `String` and a `serde_json::Value`), where a `BTreeMap` allocated a leaf node of eleven (1,068
//! bytes). On a plan with an `x-` object on every item and return that was a third of its memory
//! (BENCHMARKS.md, "Foreign documents"). Lookups are binary searches.

use std::fmt;

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
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Extensions {
    /// The entries, sorted by key, each key once.
    entries: Vec<(String, Value)>,
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
        self.find(key).ok().map(|at| &self.entries[at].1)
    }

    /// The value of `key`, to change.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.find(key).ok().map(|at| &mut self.entries[at].1)
    }

    /// Whether there is a value for `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Sets the value of `key`; returns the value it had.
    pub fn insert(&mut self, key: String, value: Value) -> Option<Value> {
        match self.find(&key) {
            Ok(at) => Some(std::mem::replace(&mut self.entries[at].1, value)),
            Err(at) => {
                self.entries.insert(at, (key, value));
                None
            }
        }
    }

    /// Takes `key` out; returns its value.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        self.find(key).ok().map(|at| self.entries.remove(at).1)
    }

    /// Removes every key.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// The keys and values, in key order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&String, &Value)> + ExactSizeIterator {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &String> + ExactSizeIterator {
        self.entries.iter().map(|(k, _)| k)
    }

    /// The values, in the order of their keys.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &Value> + ExactSizeIterator {
        self.entries.iter().map(|(_, v)| v)
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
        Extensions { entries: map.into_iter().collect() }
    }
}

impl IntoIterator for Extensions {
    type Item = (String, Value);
    type IntoIter = std::vec::IntoIter<(String, Value)>;

    /// The entries, in key order.
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<'a> IntoIterator for &'a Extensions {
    type Item = (&'a String, &'a Value);
    type IntoIter =
        std::iter::Map<std::slice::Iter<'a, (String, Value)>, fn(&'a (String, Value)) -> (&'a String, &'a Value)>;

    /// The entries, in key order.
    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl Serialize for Extensions {
    /// A map, in key order.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.entries.len()))?;
        for (key, value) in &self.entries {
            map.serialize_entry(key, value)?;
        }
        map.end()
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
}
