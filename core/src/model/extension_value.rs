//! The `serde_json::Value` of extension data kept as text ([`super::extension_text`]), made in
//! the wasm without `serde_json`'s reader, which would add 20 KB gzipped to the size build of the
//! npm package (it has no other use for it; BENCHMARKS.md, "Package sizes"). The located reader
//! it does have is in `io`, a layer above the model (`core/tests/layers.rs`). Native builds read
//! the text with `serde_json`; a test holds the two to the same values.
//!
//! The text is what `serde_json` wrote, so this reads that JSON only: compact (no whitespace),
//! valid, nested no deeper than the readers allow. Integers are `u64` or `i64` where they fit and
//! `f64` beyond, as `serde_json` reads them.

use serde_json::{Map, Number, Value};

/// The value of `text`, or `None` where it is not such JSON.
#[cfg_attr(not(target_family = "wasm"), allow(dead_code))]
pub(crate) fn value_of(text: &str) -> Option<Value> {
    let mut reader = Reader { text: text.as_bytes(), at: 0 };
    let value = reader.value()?;
    (reader.at == text.len()).then_some(value)
}

/// Where the reading is in the text.
struct Reader<'t> {
    text: &'t [u8],
    at: usize,
}

impl Reader<'_> {
    /// The next byte, taken.
    fn next(&mut self) -> Option<u8> {
        let byte = *self.text.get(self.at)?;
        self.at += 1;
        Some(byte)
    }

    /// Takes `word` (after its first byte, already taken) and gives `value`.
    fn word(&mut self, word: &[u8], value: Value) -> Option<Value> {
        let rest = self.text.get(self.at..self.at + word.len())?;
        self.at += word.len();
        (rest == word).then_some(value)
    }

    fn value(&mut self) -> Option<Value> {
        match self.next()? {
            b'n' => self.word(b"ull", Value::Null),
            b't' => self.word(b"rue", Value::Bool(true)),
            b'f' => self.word(b"alse", Value::Bool(false)),
            b'"' => self.string().map(Value::String),
            b'[' => {
                let mut items = Vec::new();
                self.entries(b']', |reader| {
                    items.push(reader.value()?);
                    Some(())
                })?;
                Some(Value::Array(items))
            }
            b'{' => {
                let mut object = Map::new();
                self.entries(b'}', |reader| {
                    if reader.next()? != b'"' {
                        return None;
                    }
                    let key = reader.string()?;
                    if reader.next()? != b':' {
                        return None;
                    }
                    object.insert(key, reader.value()?);
                    Some(())
                })?;
                Some(Value::Object(object))
            }
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    /// The entries of a list or an object, its opening bracket taken: each read by `entry`, then
    /// a comma or the `close`ing bracket.
    fn entries(&mut self, close: u8, mut entry: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        if self.text.get(self.at) == Some(&close) {
            self.at += 1;
            return Some(());
        }
        loop {
            entry(self)?;
            match self.next()? {
                b',' => continue,
                byte if byte == close => return Some(()),
                _ => return None,
            }
        }
    }

    /// A number, its first byte taken.
    fn number(&mut self) -> Option<Value> {
        let start = self.at - 1;
        while matches!(self.text.get(self.at), Some(b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-')) {
            self.at += 1;
        }
        let text = std::str::from_utf8(&self.text[start..self.at]).ok()?;
        if !text.contains(['.', 'e', 'E']) {
            if let Ok(n) = text.parse::<u64>() {
                return Some(Value::Number(n.into()));
            }
            if let Ok(n) = text.parse::<i64>() {
                return Some(Value::Number(n.into()));
            }
        }
        text.parse::<f64>().ok().and_then(Number::from_f64).map(Value::Number)
    }

    /// A string, its opening quote taken.
    fn string(&mut self) -> Option<String> {
        let mut bytes = Vec::new();
        loop {
            match self.next()? {
                b'"' => return String::from_utf8(bytes).ok(),
                b'\\' => {
                    let unescaped = match self.next()? {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.escaped_char()?,
                        _ => return None,
                    };
                    bytes.extend_from_slice(unescaped.encode_utf8(&mut [0; 4]).as_bytes());
                }
                byte => bytes.push(byte),
            }
        }
    }

    /// The character of a `\u` escape: four hex digits (`serde_json` writes them for control
    /// characters only).
    fn escaped_char(&mut self) -> Option<char> {
        let digits = std::str::from_utf8(self.text.get(self.at..self.at + 4)?).ok()?;
        self.at += 4;
        char::from_u32(u32::from_str_radix(digits, 16).ok()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_serde_json_wrote_as_serde_json_reads_it() {
        for json in [
            r#"{"b": 1, "a": [true, null, -2, 2.5, 1e300, "é\n\"x\" \\ \/\t\b\f\r", {"k": {}}], "c": {}}"#,
            "[]",
            "[[], [[]], {}]",
            r#""\ud83d\ude00 and \u0000 and \u001f and \u007f""#,
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "0.1",
            "1.0",
            "-0.5e-7",
            "123456789012345678901234567890",
            "5e-324",
            "1.7976931348623157e308",
        ] {
            let value: Value = serde_json::from_str(json).expect(json);
            let text = serde_json::to_string(&value).expect("written");
            let read = value_of(&text);
            assert_eq!(read.as_ref(), Some(&value), "{text}");
            assert_eq!(serde_json::to_string(&read).expect("written"), text, "{text}");
        }
        for not_written_so in
            ["", "nul", "[1,]", "{\"a\"}", "{\"a\":1", "\"\\x\"", "1 ", "\"\\ud83d\"", "\"\\/\"", "tru"]
        {
            assert_eq!(value_of(not_written_so), None, "{not_written_so}");
        }
    }
}
