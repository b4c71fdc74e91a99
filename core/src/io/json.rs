//! A JSON reader that keeps the offset of every value, rejects duplicate keys, and stops at a
//! nesting limit instead of overflowing the stack.

use std::borrow::Cow;

use super::node::{Entry, Node, RepeatedKeys, Value};
use crate::document::LoadError;
use crate::document::{position_at, Location, PathSegment, Pointer};
use crate::MAX_NESTING;

/// Parses JSON text into a [`Node`] tree.
pub(crate) fn parse(text: &str) -> Result<Node<'_>, LoadError> {
    let mut parser = Parser::new(text, 0);
    parser.skip_whitespace();
    let node = parser.value()?;
    parser.skip_whitespace();
    if parser.at < parser.bytes.len() {
        return Err(parser.error("unexpected text after the end of the JSON document"));
    }
    Ok(node)
}

/// One step from the root to the value being read. Keys are kept as the offset of their opening
/// quote and read again only when an error needs the path, so reading a value costs no path.
#[derive(Debug, Clone, Copy)]
enum Step {
    Key(usize),
    Index(usize),
}

/// The string whose opening quote is at `at` in `text`, as the reader reads it (escapes
/// resolved); `None` if it is not a well-formed string.
#[cfg(any(not(target_family = "wasm"), feature = "fast-readers"))]
pub(super) fn string_at(text: &str, at: usize) -> Option<Cow<'_, str>> {
    if text.as_bytes().get(at) != Some(&b'"') {
        return None;
    }
    Parser::new(text, at).raw_string().ok()
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    depth: usize,
    /// Where the value being read is.
    steps: Vec<Step>,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str, at: usize) -> Self {
        Parser { text, bytes: text.as_bytes(), at, depth: 0, steps: Vec::new() }
    }

    /// The JSON Pointer of the value being read.
    fn path(&self) -> Pointer {
        self.path_of(&self.steps)
    }

    /// The JSON Pointer these steps lead to.
    fn path_of(&self, steps: &[Step]) -> Pointer {
        Pointer(
            steps
                .iter()
                .map(|step| match *step {
                    Step::Index(index) => PathSegment::Index(index),
                    // The key was read once without error, so it reads again the same.
                    Step::Key(offset) => {
                        PathSegment::Key(Parser::new(self.text, offset).raw_string().unwrap_or_default().into_owned())
                    }
                })
                .collect(),
        )
    }

    fn error(&self, message: impl Into<String>) -> LoadError {
        LoadError::syntax(
            format!("invalid JSON: {}", message.into()),
            self.path(),
            Some(position_at(self.text, self.at)),
        )
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn found(&self) -> String {
        match self.text[self.at..].chars().next() {
            None => "the end of the text".to_owned(),
            Some(c) if c.is_control() || c.is_whitespace() || c == '\u{feff}' => {
                format!("the invisible character U+{:04X}", u32::from(c))
            }
            Some(c) => format!("`{c}`"),
        }
    }

    /// `NaN`, `Infinity` or `-Infinity` where a value belongs (JavaScript writes them; JSON has
    /// no such numbers).
    fn not_a_json_number(&self) -> Option<&'static str> {
        ["NaN", "Infinity", "-Infinity", "+Infinity"]
            .into_iter()
            .find(|word| self.bytes[self.at..].starts_with(word.as_bytes()))
    }

    fn value(&mut self) -> Result<Node<'a>, LoadError> {
        let offset = Some(self.at);
        let value = match self.bytes.get(self.at) {
            Some(b'{') => self.nested(Self::object)?,
            Some(b'[') => self.nested(Self::array)?,
            Some(b'"') => Value::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(b't') => self.literal("true", Value::Bool(true))?,
            Some(b'f') => self.literal("false", Value::Bool(false))?,
            Some(b'n') => self.literal("null", Value::Null)?,
            _ => {
                if let Some(word) = self.not_a_json_number() {
                    return Err(self.error(format!("`{word}` is not a JSON number (JSON numbers are finite)")));
                }
                return Err(self.error(format!("expected a value, found {}", self.found())));
            }
        };
        Ok(Node { value, offset })
    }

    fn nested(&mut self, read: fn(&mut Self) -> Result<Value<'a>, LoadError>) -> Result<Value<'a>, LoadError> {
        if self.depth >= MAX_NESTING {
            return Err(LoadError::TooDeep {
                what: "the document",
                limit: MAX_NESTING,
                location: Location::new(self.path(), Some(position_at(self.text, self.at))),
            });
        }
        self.depth += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn literal(&mut self, word: &str, value: Value<'a>) -> Result<Value<'a>, LoadError> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error(format!("expected a value, found {}", self.found())))
        }
    }

    /// Reads an object. An error is the first in reading order: a repeated key that a large
    /// object has not yet been checked for comes before any error that stopped the reading.
    fn object(&mut self) -> Result<Value<'a>, LoadError> {
        let depth = self.steps.len();
        let mut entries: Vec<Entry> = Vec::new();
        let mut repeated = RepeatedKeys::default();
        let read = self.entries(&mut entries, &mut repeated);
        if let Some(entry) = repeated.first_repeated(&entries).and_then(|index| entries.get(index)) {
            let key_offset = entry.key_offset.unwrap_or_default();
            return Err(LoadError::DuplicateKey {
                key: entry.key.to_string(),
                location: Location::new(self.path_of(&self.steps[..depth]), Some(position_at(self.text, key_offset))),
            });
        }
        read.map(|()| Value::Map(entries))
    }

    /// Reads the entries of an object, after its `{`, up to and with its `}`. Each key is in
    /// `entries` (with a null value until its value is read) as soon as it is read.
    fn entries(&mut self, entries: &mut Vec<Entry<'a>>, repeated: &mut RepeatedKeys) -> Result<(), LoadError> {
        self.at += 1;
        self.skip_whitespace();
        if self.bytes.get(self.at) == Some(&b'}') {
            self.at += 1;
            return Ok(());
        }
        loop {
            self.skip_whitespace();
            if self.bytes.get(self.at) != Some(&b'"') {
                return Err(self.error(format!("expected a key in double quotes, found {}", self.found())));
            }
            let key_offset = self.at;
            let key = self.string()?;
            if repeated.is_repeated(entries, &key) {
                return Err(LoadError::DuplicateKey {
                    key: key.into_owned(),
                    location: Location::new(self.path(), Some(position_at(self.text, key_offset))),
                });
            }
            entries.push(Entry { key, key_offset: Some(key_offset), value: Node::bare(Value::Null) });
            self.skip_whitespace();
            if self.bytes.get(self.at) != Some(&b':') {
                return Err(self.error(format!("expected `:` after the key, found {}", self.found())));
            }
            self.at += 1;
            self.skip_whitespace();
            self.steps.push(Step::Key(key_offset));
            let value = self.value()?;
            self.steps.pop();
            if let Some(entry) = entries.last_mut() {
                entry.value = value;
            }
            self.skip_whitespace();
            match self.bytes.get(self.at) {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(());
                }
                _ => return Err(self.error(format!("expected `,` or `}}`, found {}", self.found()))),
            }
        }
    }

    fn array(&mut self) -> Result<Value<'a>, LoadError> {
        self.at += 1;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.bytes.get(self.at) == Some(&b']') {
            self.at += 1;
            return Ok(Value::List(items));
        }
        loop {
            self.skip_whitespace();
            self.steps.push(Step::Index(items.len()));
            items.push(self.value()?);
            self.steps.pop();
            self.skip_whitespace();
            match self.bytes.get(self.at) {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::List(items));
                }
                _ => return Err(self.error(format!("expected `,` or `]`, found {}", self.found()))),
            }
        }
    }

    fn string(&mut self) -> Result<Cow<'a, str>, LoadError> {
        self.raw_string().map_err(|message| self.error(message))
    }

    /// Reads a string from its opening quote; an error is its message, at `self.at`. A string
    /// without escapes is borrowed from the text.
    fn raw_string(&mut self) -> Result<Cow<'a, str>, String> {
        self.at += 1;
        let text: &'a str = self.text;
        // The text read so far, once there is an escape (each escape adds a character to it).
        let mut out = String::new();
        loop {
            let start = self.at;
            while let Some(&b) = self.bytes.get(self.at) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            let run = &text[start..self.at];
            match self.bytes.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    if out.is_empty() {
                        return Ok(Cow::Borrowed(run));
                    }
                    out.push_str(run);
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    out.push_str(run);
                    self.at += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => return Err("control character inside a string (write it as an escape)".to_owned()),
                None => return Err("the text ends inside a string".to_owned()),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), String> {
        let c = match self.bytes.get(self.at) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.at += 1;
                let high = self.hex4()?;
                let unpaired = || "unpaired surrogate in a \\u escape".to_owned();
                let code = if (0xD800..0xDC00).contains(&high) {
                    if !self.bytes[self.at..].starts_with(b"\\u") {
                        return Err(unpaired());
                    }
                    self.at += 2;
                    let low = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&low) {
                        return Err(unpaired());
                    }
                    0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    high
                };
                out.push(char::from_u32(code).ok_or_else(unpaired)?);
                return Ok(());
            }
            _ => return Err(format!("unknown escape `\\{}`", &self.found().trim_matches('`'))),
        };
        self.at += 1;
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self
            .text
            .get(self.at..self.at + 4)
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| "expected four hex digits after \\u".to_owned())?;
        self.at += 4;
        u32::from_str_radix(digits, 16).map_err(|_| "expected four hex digits after \\u".to_owned())
    }

    fn number(&mut self) -> Result<Value<'a>, LoadError> {
        let start = self.at;
        let digits = |p: &mut Self| {
            let s = p.at;
            while p.bytes.get(p.at).is_some_and(u8::is_ascii_digit) {
                p.at += 1;
            }
            p.at - s
        };
        if self.bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        let int_start = self.at;
        let int_digits = digits(self);
        if int_digits == 0 || (int_digits > 1 && self.bytes[int_start] == b'0') {
            self.at = start;
            if let Some(word) = self.not_a_json_number() {
                return Err(self.error(format!("`{word}` is not a JSON number (JSON numbers are finite)")));
            }
            return Err(self.error("malformed number"));
        }
        let mut integer = true;
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            integer = false;
            if digits(self) == 0 {
                return Err(self.error("malformed number: digits must follow `.`"));
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.at) {
            self.at += 1;
            integer = false;
            if let Some(b'+' | b'-') = self.bytes.get(self.at) {
                self.at += 1;
            }
            if digits(self) == 0 {
                return Err(self.error("malformed number: digits must follow the exponent"));
            }
        }
        let text = &self.text[start..self.at];
        if integer {
            if let Ok(i) = text.parse::<i64>() {
                return Ok(Value::Integer(i));
            }
        }
        text.parse::<f64>().map(super::node::float).map_err(|_| self.error("malformed number"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_values_with_offsets() {
        let node = parse(r#"{"a": [1, 2.5, "x\u00e9", true, null], "b": {}}"#).expect("valid JSON");
        let Value::Map(entries) = &node.value else { panic!("expected a map") };
        assert_eq!(entries[0].key, "a");
        assert_eq!(entries[0].key_offset, Some(1));
        let Value::List(items) = &entries[0].value.value else { panic!("expected a list") };
        assert_eq!(items[0].value, Value::Integer(1));
        assert_eq!(items[1].value, Value::Float(2.5));
        assert_eq!(items[2].value, Value::String("xé".into()));
        assert_eq!(items[1].offset, Some(10));
        // A string without escapes is borrowed from the text; one with them is not.
        assert!(matches!((&entries[0].key, &items[2].value), (Cow::Borrowed("a"), Value::String(Cow::Owned(_)))));
    }

    #[test]
    fn syntax_errors_say_where() {
        let error = parse("{\n  \"a\": 1,\n  \"b\" 2\n}").expect_err("missing colon");
        assert_eq!(error.code(), "syntax_error");
        assert_eq!((error.line(), error.column()), (Some(3), Some(7)));
        assert!(error.to_string().contains("expected `:`"), "{error}");
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let error = parse(r#"{"a": 1, "a": 2}"#).expect_err("duplicate");
        assert_eq!(error.code(), "duplicate_key");
        assert_eq!(error.column(), Some(10));
    }

    /// `"k0": 0, ..., "k{n-1}": n-1`: more keys than a mapping checks one by one.
    fn many_keys(n: usize) -> String {
        (0..n).map(|i| format!("\"k{i}\": {i}")).collect::<Vec<_>>().join(", ")
    }

    #[test]
    fn a_large_object_reports_its_first_repeated_key_before_any_later_error() {
        let keys = many_keys(20);
        for (text, after) in [
            (format!(r#"{{"o": {{{keys}, "k3": 3, "z": 1}}}}"#), "nothing"),
            (format!(r#"{{"o": {{{keys}, "k3": 3, "z": 1 x}}}}"#), "a syntax error"),
            (format!(r#"{{"o": {{{keys}, "k3": {{"y": 1, "y": 2}}}}}}"#), "a repeated key in its value"),
            (format!(r#"{{"o": {{{keys}, "k3": 3, "i": {{{keys}, "k5": 5}}}}}}"#), "a large object's"),
            (format!(r#"{{"o": {{{keys}, "k3": [1, 2"#), "the end of the text"),
        ] {
            let error = parse(&text).expect_err("duplicate");
            assert_eq!(error.code(), "duplicate_key", "{after}: {error}");
            assert_eq!(error.path().to_string(), "/o", "{after}");
            let at = text.match_indices(r#""k3""#).nth(1).expect("the repeated key").0;
            assert_eq!(error.column(), Some(at + 1), "{after}");
            assert!(error.to_string().contains("`k3`"), "{after}: {error}");
        }
    }

    #[test]
    fn a_repeated_key_inside_a_large_object_is_found_with_its_path() {
        let keys = many_keys(20);
        let error = parse(&format!(r#"{{"list": [0, {{{keys}, "k19": 1}}]}}"#)).expect_err("duplicate");
        assert_eq!((error.code(), error.path().to_string()), ("duplicate_key", "/list/1".to_owned()));
        let error = parse(&format!(r#"{{"o": {{{keys}, "i": {{"y": 1, "y": 2}}}}}}"#)).expect_err("duplicate");
        assert_eq!((error.code(), error.path().to_string()), ("duplicate_key", "/o/i".to_owned()));
        let text = format!(r#"{{"o": {{{keys}}}}}"#);
        let node = parse(&text).expect("no key repeats");
        let Value::Map(entries) = &node.value else { panic!("expected a map") };
        let Value::Map(inner) = &entries[0].value.value else { panic!("expected a map") };
        assert_eq!((inner.len(), &inner[19].value.value), (20, &Value::Integer(19)));
    }

    #[test]
    fn deep_nesting_stops_at_the_limit() {
        let text = "[".repeat(100_000);
        let error = parse(&text).expect_err("too deep");
        assert_eq!(error.code(), "too_deep");
    }

    #[test]
    fn numbers_out_of_range_are_infinite_not_errors() {
        let node = parse("1e400").expect("parses");
        assert_eq!(node.value, Value::Float(f64::INFINITY));
        assert!(parse("01").is_err());
        assert!(matches!(parse("-0.0").map(|n| n.value), Ok(Value::Integer(0))), "negative zero is the integer zero");
        assert!(matches!(parse("0.0").map(|n| n.value), Ok(Value::Float(f)) if f == 0.0 && f.is_sign_positive()));
    }

    #[test]
    fn nan_infinity_and_invisible_characters_are_named() {
        for word in ["NaN", "Infinity", "-Infinity"] {
            let error = parse(&format!("{{\"a\": [1, {word}]}}")).expect_err("not JSON");
            assert_eq!(
                error.to_string(),
                format!("invalid JSON: `{word}` is not a JSON number (JSON numbers are finite)")
            );
            assert_eq!((error.path().to_string(), error.column()), ("/a/1".to_owned(), Some(11)));
        }
        let error = parse("\u{feff}{}").expect_err("a second byte-order mark");
        assert_eq!(error.to_string(), "invalid JSON: expected a value, found the invisible character U+FEFF");
    }
}
