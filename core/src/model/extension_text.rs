//! Extension data read as compact JSON text (docs/format.md#extensions).
//!
//! The readers hand each `x-` value to [`read`], which writes it as it comes into one string of
//! compact JSON, in document order: no tree of `serde_json::Value`s is built while a document is
//! read. [`Extensions`](super::Extensions) keeps that text and makes the value from it when it is
//! first asked for. A plan with an `x-` object of two keys on every item and return held 1.1 GB
//! as values (each object a map of its own) against about 0.25 GB as text (BENCHMARKS.md,
//! "Foreign documents").
//!
//! The text is what `serde_json` makes of the same value: objects keep their keys in document
//! order (as `serde_json::Value` does here, with `preserve_order`), integers stay integers,
//! other numbers are written as `serde_json` writes an `f64` (read back exactly), negative zero
//! is the integer `0`, and a number that is not finite or a key an object repeats is an error
//! where it stands, as the model's readers report it.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::flat::KeyText;

/// An object's first keys, each checked for a repeat as it comes (the rest are checked together).
const KEYS_SEARCHED: usize = 16;

/// Reads one value of extension data from `deserializer` as compact JSON text.
pub(crate) fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Box<str>, D::Error> {
    let mut text = Vec::new();
    Text(&mut text).deserialize(deserializer)?;
    // Every byte came from `serde_json`'s writer or from a `&str`, so this is UTF-8; the check
    // is the price of writing no `unsafe`.
    String::from_utf8(text).map(String::into_boxed_str).map_err(|_| de::Error::custom("extension data is not UTF-8"))
}

/// The value as JSON text, appended to the buffer it holds.
struct Text<'b>(&'b mut Vec<u8>);

impl Text<'_> {
    /// Appends what `serde_json` writes for `value` (a string with its escapes, or a number).
    fn write<E: de::Error, T: serde::Serialize + ?Sized>(self, value: &T) -> Result<(), E> {
        serde_json::to_writer(&mut *self.0, value).map_err(E::custom)
    }
}

impl<'de> DeserializeSeed<'de> for Text<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Text<'_> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("extension data (any JSON value)")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<(), E> {
        self.0.extend_from_slice(if value { b"true" } else { b"false" });
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<(), E> {
        self.write(&value)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<(), E> {
        self.write(&value)
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<(), E> {
        if !value.is_finite() {
            return Err(E::custom("a number that is not finite in extension data"));
        }
        // Negative zero is the integer zero (`super::number`; the located readers do the same).
        if super::number::is_negative_zero(value) {
            return self.write(&0);
        }
        self.write(&value)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<(), E> {
        self.write(value)
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.0.extend_from_slice(b"null");
        Ok(())
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.0.push(b'[');
        let mut first = true;
        loop {
            let mark = self.0.len();
            if !first {
                self.0.push(b',');
            }
            if seq.next_element_seed(Text(&mut *self.0))?.is_none() {
                self.0.truncate(mark);
                break;
            }
            first = false;
        }
        self.0.push(b']');
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.0.push(b'{');
        let mut keys = Keys::default();
        while let Some(KeyText(key)) = map.next_key()? {
            if keys.len() > 0 {
                self.0.push(b',');
            }
            serde_json::to_writer(&mut *self.0, key.as_ref()).map_err(de::Error::custom)?;
            if let Some(key) = keys.repeated(key) {
                return Err(de::Error::custom(format_args!("duplicate key `{key}`")));
            }
            self.0.push(b':');
            map.next_value_seed(Text(&mut *self.0))?;
        }
        if let Some(key) = keys.first_repeated() {
            return Err(de::Error::custom(format_args!("duplicate key `{key}`")));
        }
        self.0.push(b'}');
        Ok(())
    }
}

/// The keys of one object so far: each checked against those before it while there are up to
/// [`KEYS_SEARCHED`], the rest together when the object ends (an object of a million keys stays
/// linear in time), as the located reader checks a mapping (`crate::io::node`).
#[derive(Default)]
struct Keys<'de> {
    keys: Vec<Cow<'de, str>>,
}

impl<'de> Keys<'de> {
    /// Notes `key`, or gives it back when it repeats one of the first keys.
    fn repeated(&mut self, key: Cow<'de, str>) -> Option<Cow<'de, str>> {
        if self.keys.len() < KEYS_SEARCHED && self.keys.contains(&key) {
            return Some(key);
        }
        self.keys.push(key);
        None
    }

    /// The first key that repeats a key before it, past the first [`KEYS_SEARCHED`].
    fn first_repeated(&self) -> Option<&str> {
        if self.keys.len() <= KEYS_SEARCHED {
            return None;
        }
        let mut seen = HashSet::<&str>::new();
        self.keys.iter().map(|key| key.as_ref()).find(|key| !seen.insert(key))
    }

    /// How many keys there are.
    fn len(&self) -> usize {
        self.keys.len()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::*;

    /// The text read from `json`, and the value it reads back as.
    fn text_of(json: &str) -> Result<(String, Value), serde_json::Error> {
        let mut deserializer = serde_json::Deserializer::from_str(json);
        let text = read(&mut deserializer)?;
        let value = serde_json::from_str(&text).expect("the text is JSON");
        Ok((text.into(), value))
    }

    #[test]
    fn writes_what_serde_json_makes_of_the_value() {
        for json in [
            r#"{"b": 1, "a": [true, null, -2, 2.5, 1e300, "é\n\"x\""], "c": {}}"#,
            "[]",
            "[[], [[]], {}]",
            r#""\ud83d\ude00 and \u0000""#,
            "18446744073709551615",
            "-9223372036854775808",
            "0.1",
            "1.0",
            "123456789012345678901234567890",
        ] {
            let (text, value) = text_of(json).expect(json);
            let expected: Value = serde_json::from_str(json).expect(json);
            assert_eq!(value, expected, "{json}");
            assert_eq!(text, serde_json::to_string(&expected).expect("written"), "{json}");
        }
        assert_eq!(text_of("-0.0").expect("negative zero").1, json!(0));
    }

    #[test]
    fn refuses_a_repeated_key_at_any_depth_and_among_many() {
        let error = text_of(r#"{"a": {"k": 1, "k": 2}}"#).expect_err("repeated");
        assert!(error.to_string().contains("duplicate key `k`"), "{error}");
        let many: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
        let repeated = format!("{{{}, \"k3\": 0}}", many.join(", "));
        let error = text_of(&repeated).expect_err("repeated after many");
        assert!(error.to_string().contains("duplicate key `k3`"), "{error}");
        let (text, _) = text_of(&format!("{{{}}}", many.join(", "))).expect("forty keys");
        assert!(text.starts_with(r#"{"k0":0,"k1":1,"#) && text.ends_with(r#""k39":39}"#), "{text}");
    }
}
