//! The byte offsets of wanted values in JSON text, found in one pass that builds nothing: the
//! pointers of the findings are put in a trie, and the pass follows the text into the values the
//! trie holds and skips the rest. A plan with thousands of findings needs the offsets of those
//! values only, not a located tree of the whole document (BENCHMARKS.md, "Loaders").
//!
//! The text is one that was read without error, but nothing here trusts it: a text that is not
//! JSON after all gives no offsets past the point where it stops making sense, never a panic.

use rustc_hash::FxHashMap;

use crate::document::{PathSegment, Pointer};

/// A node of the trie of wanted pointers: its children by key and by index, and the offset of its
/// value once the pass has found it.
#[derive(Debug, Default)]
struct Wanted<'p> {
    keys: FxHashMap<&'p str, usize>,
    indexes: FxHashMap<usize, usize>,
    offset: Option<usize>,
}

/// The offset of the value at each pointer in `text` (JSON), or of its nearest enclosing value
/// that the text writes: the offsets the located reader gives its values (the first byte of each).
pub(crate) fn json_offsets(text: &str, pointers: &[Pointer]) -> Vec<Option<usize>> {
    if pointers.is_empty() {
        return Vec::new();
    }
    let mut trie = vec![Wanted::default()];
    for pointer in pointers {
        let mut node = 0;
        for segment in pointer.segments() {
            let next = trie.len();
            let child = match segment {
                PathSegment::Key(key) => *trie[node].keys.entry(key.as_str()).or_insert(next),
                PathSegment::Index(index) => *trie[node].indexes.entry(*index).or_insert(next),
            };
            if child == next {
                trie.push(Wanted::default());
            }
            node = child;
        }
    }
    let mut pass = Pass { text, bytes: text.as_bytes(), at: 0, trie };
    pass.skip_whitespace();
    pass.value(Some(0), 0);
    pointers
        .iter()
        .map(|pointer| {
            let mut node = 0;
            let mut offset = pass.trie[0].offset;
            for segment in pointer.segments() {
                let child = match segment {
                    PathSegment::Key(key) => pass.trie[node].keys.get(key.as_str()),
                    PathSegment::Index(index) => pass.trie[node].indexes.get(index),
                };
                match child.and_then(|&child| pass.trie[child].offset.map(|at| (child, at))) {
                    Some((child, at)) => {
                        node = child;
                        offset = Some(at);
                    }
                    None => break,
                }
            }
            offset
        })
        .collect()
}

/// The pass over the text.
struct Pass<'t, 'p> {
    text: &'t str,
    bytes: &'t [u8],
    at: usize,
    trie: Vec<Wanted<'p>>,
}

impl Pass<'_, '_> {
    fn skip_whitespace(&mut self) {
        while matches!(self.bytes.get(self.at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Reads the value at `self.at`, noting its offset when it is `wanted`, following into it only
    /// where the trie goes on; `false` when the text stops making sense.
    fn value(&mut self, wanted: Option<usize>, depth: usize) -> bool {
        if depth > crate::MAX_NESTING {
            return false;
        }
        let Some(node) = wanted else { return self.skip_value() };
        self.trie[node].offset = Some(self.at);
        let follows = !self.trie[node].keys.is_empty() || !self.trie[node].indexes.is_empty();
        match self.bytes.get(self.at) {
            Some(b'{') if follows => self.object(node, depth),
            Some(b'[') if follows => self.array(node, depth),
            _ => self.skip_value(),
        }
    }

    fn object(&mut self, node: usize, depth: usize) -> bool {
        self.at += 1;
        self.skip_whitespace();
        if self.bytes.get(self.at) == Some(&b'}') {
            self.at += 1;
            return true;
        }
        loop {
            self.skip_whitespace();
            let Some(key) = self.key() else { return false };
            let child = match &key {
                Key::Plain(start, end) => {
                    self.text.get(*start..*end).and_then(|key| self.trie[node].keys.get(key).copied())
                }
                Key::Escaped(key) => self.trie[node].keys.get(key.as_str()).copied(),
            };
            self.skip_whitespace();
            if self.bytes.get(self.at) != Some(&b':') {
                return false;
            }
            self.at += 1;
            self.skip_whitespace();
            if !self.value(child, depth + 1) || !self.after_member(b'}') {
                return false;
            }
            if self.bytes.get(self.at - 1) == Some(&b'}') {
                return true;
            }
        }
    }

    fn array(&mut self, node: usize, depth: usize) -> bool {
        self.at += 1;
        self.skip_whitespace();
        if self.bytes.get(self.at) == Some(&b']') {
            self.at += 1;
            return true;
        }
        let mut index = 0;
        loop {
            self.skip_whitespace();
            let child = self.trie[node].indexes.get(&index).copied();
            if !self.value(child, depth + 1) || !self.after_member(b']') {
                return false;
            }
            if self.bytes.get(self.at - 1) == Some(&b']') {
                return true;
            }
            index += 1;
        }
    }

    /// Steps over the `,` after a member, or the `close` that ends its object or list.
    fn after_member(&mut self, close: u8) -> bool {
        self.skip_whitespace();
        match self.bytes.get(self.at) {
            Some(&b) if b == b',' || b == close => {
                self.at += 1;
                true
            }
            _ => false,
        }
    }

    /// A key, from its opening quote: its text, as written when it has no escapes.
    fn key(&mut self) -> Option<Key> {
        let start = self.at;
        if !self.skip_string() {
            return None;
        }
        let raw = &self.bytes[start + 1..self.at - 1];
        if raw.contains(&b'\\') {
            super::json::string_at(self.text, start).map(|key| Key::Escaped(key.into_owned()))
        } else {
            Some(Key::Plain(start + 1, self.at - 1))
        }
    }

    /// Steps over a string, from its opening quote to after its closing one.
    fn skip_string(&mut self) -> bool {
        if self.bytes.get(self.at) != Some(&b'"') {
            return false;
        }
        self.at += 1;
        loop {
            let Some(rest) = self.bytes.get(self.at..) else { return false };
            match memchr::memchr2(b'"', b'\\', rest) {
                Some(found) => {
                    self.at += found;
                    if self.bytes[self.at] == b'\\' {
                        self.at += 2;
                    } else {
                        self.at += 1;
                        return true;
                    }
                }
                None => return false,
            }
        }
    }

    /// Steps over any value: a string, a nested object or list (counting brackets, stepping over
    /// the strings in it) or a scalar.
    fn skip_value(&mut self) -> bool {
        match self.bytes.get(self.at) {
            Some(b'"') => self.skip_string(),
            Some(b'{' | b'[') => {
                let mut depth = 0usize;
                loop {
                    match self.bytes.get(self.at) {
                        Some(b'"') => {
                            if !self.skip_string() {
                                return false;
                            }
                            continue;
                        }
                        Some(b'{' | b'[') => depth += 1,
                        Some(b'}' | b']') => {
                            depth -= 1;
                            if depth == 0 {
                                self.at += 1;
                                return true;
                            }
                        }
                        Some(_) => {}
                        None => return false,
                    }
                    self.at += 1;
                }
            }
            Some(_) => {
                while !matches!(self.bytes.get(self.at), None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
                {
                    self.at += 1;
                }
                true
            }
            None => false,
        }
    }
}

/// A key as read: where it is in the text when it has no escapes, else its text.
enum Key {
    Plain(usize, usize),
    Escaped(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offsets(text: &str, pointers: &[&str]) -> Vec<Option<usize>> {
        let pointers: Vec<Pointer> = pointers.iter().map(|p| Pointer::parse(p)).collect();
        json_offsets(text, &pointers)
    }

    #[test]
    fn wanted_values_and_their_nearest_written_ancestors() {
        let text = r#"{"id": "a", "items": [{"id": "x", "title": "X"}, {"id": "y", "children": [{"id": "z"}]}]}"#;
        let at = |needle: &str| text.find(needle);
        assert_eq!(
            offsets(text, &["", "/items/0/title", "/items/0/due", "/items/1/children/0", "/items/5", "/nope/1"]),
            [Some(0), at("\"X\""), at("{\"id\": \"x\""), at("{\"id\": \"z\""), at("[{"), Some(0)]
        );
    }

    #[test]
    fn escaped_keys_and_strings_with_brackets_and_quotes() {
        let text = r#"{"a\u0062": {"s": "]}\"{[", "t": [1, {"u": null}]}, "c": 2}"#;
        assert_eq!(offsets(text, &["/ab/t/1/u", "/c"]), [text.find("null"), text.find("2}")]);
    }

    #[test]
    fn the_same_offsets_as_the_located_reader() {
        let text = "{\n  \"workplan\": 1,\n  \"items\": [\n    {\"id\": \"a\", \"x-k\": {\"deep\": [true, false]}},\n    {\"id\": \"b\", \"weight\": -2.5e3}\n  ]\n}\n";
        let tree = super::super::json::parse(text).expect("JSON");
        let pointers = ["/items/0/x-k/deep/1", "/items/1/weight", "/items/1", "/workplan", "/items/2/id"];
        for (pointer, offset) in pointers.iter().zip(offsets(text, &pointers)) {
            let mut node = &tree;
            let mut expected = node.offset;
            for segment in Pointer::parse(pointer).segments() {
                let next = match (&node.value, segment) {
                    (super::super::node::Value::Map(entries), PathSegment::Key(key)) => {
                        entries.iter().find(|e| &e.key == key).map(|e| &e.value)
                    }
                    (super::super::node::Value::List(items), PathSegment::Index(i)) => items.get(*i),
                    _ => None,
                };
                let Some(next) = next else { break };
                node = next;
                expected = next.offset;
            }
            assert_eq!(offset, expected, "{pointer}");
        }
    }

    #[test]
    fn text_that_is_not_json_gives_what_it_can_without_a_panic() {
        for text in ["", "{", "{\"a\": [1, 2", "{\"a\" 1}", "[\"unterminated", "{\"a\": \"\\", "}}}", "[1,]"] {
            let _ = offsets(text, &["/a/1", "/0", ""]);
        }
        assert_eq!(offsets("{\"a\": [1, 2", &["/a/1"]), [Some(10)]);
    }
}
