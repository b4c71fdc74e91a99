//! The byte offsets of wanted values in JSON and YAML text, found in one pass that builds nothing:
//! the pointers of the findings are put in a trie, and the pass follows the text into the values
//! the trie holds and steps over the rest. A plan with thousands of findings needs the offsets of
//! those values only, not a located tree of the whole document (BENCHMARKS.md, "Loaders").
//!
//! The text is one that was read without error, but nothing here trusts it: a text that is not
//! JSON after all gives no offsets past the point where it stops making sense, never a panic.

use rustc_hash::FxHashMap;
#[cfg(not(target_family = "wasm"))]
use saphyr_parser::Event;

#[cfg(not(target_family = "wasm"))]
use super::yaml::events_or_none;
use crate::document::{PathSegment, Pointer};

/// A node of the trie of wanted pointers: its children by key and by index, and the offset of its
/// value once the pass has found it.
#[derive(Debug, Default)]
struct Wanted<'p> {
    keys: FxHashMap<&'p str, usize>,
    indexes: FxHashMap<usize, usize>,
    offset: Option<usize>,
}

/// The trie of `pointers`: node 0 is the root.
fn trie(pointers: &[Pointer]) -> Vec<Wanted<'_>> {
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
    trie
}

/// The offset of each pointer's value once a pass has filled `trie`, or of its nearest enclosing
/// value that the text writes.
fn found(trie: &[Wanted<'_>], pointers: &[Pointer]) -> Vec<Option<usize>> {
    pointers
        .iter()
        .map(|pointer| {
            let mut node = 0;
            let mut offset = trie[0].offset;
            for segment in pointer.segments() {
                let child = match segment {
                    PathSegment::Key(key) => trie[node].keys.get(key.as_str()),
                    PathSegment::Index(index) => trie[node].indexes.get(index),
                };
                match child.and_then(|&child| trie[child].offset.map(|at| (child, at))) {
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

/// The offset of the value at each pointer in `text` (JSON), or of its nearest enclosing value
/// that the text writes: the offsets the located reader gives its values (the first byte of each).
pub(crate) fn json_offsets(text: &str, pointers: &[Pointer]) -> Vec<Option<usize>> {
    if pointers.is_empty() {
        return Vec::new();
    }
    let mut pass = Pass { text, bytes: text.as_bytes(), at: 0, trie: trie(pointers) };
    pass.skip_whitespace();
    pass.value(Some(0), 0);
    found(&pass.trie, pointers)
}

/// As [`json_offsets`], for YAML (native builds only, as the YAML fast path `super::yaml_de`):
/// from the text's events (those the located reader reads), each value's offset that of its
/// first event, as the located reader gives it. `None` for a text the located tree must answer
/// for: one with aliases (whose values the tree places where their anchors are), a key that is a
/// list or an object, or events that stop short.
#[cfg(not(target_family = "wasm"))]
pub(crate) fn yaml_offsets(text: &str, pointers: &[Pointer]) -> Option<Vec<Option<usize>>> {
    let mut trie = trie(pointers);
    // The open collections: the trie node of each (if wanted), and for a list the index of its
    // next value, for a mapping whether a key comes next and the trie node of the value that
    // follows the key just read.
    enum Open {
        List { node: Option<usize>, index: usize },
        Map { node: Option<usize>, key_next: bool, value: Option<usize> },
    }
    let mut open: Vec<Open> = Vec::new();
    let mut root = Some(0);
    for step in events_or_none(text) {
        let (event, offset) = step?;
        let starts = match &event {
            Event::Scalar(..) | Event::SequenceStart(..) | Event::MappingStart(..) => true,
            Event::Alias(_) => return None,
            Event::SequenceEnd | Event::MappingEnd => {
                open.pop();
                false
            }
            Event::StreamEnd => break,
            Event::StreamStart | Event::DocumentStart(_) | Event::DocumentEnd | Event::Nothing => false,
        };
        if !starts {
            continue;
        }
        // The trie node of the value that starts here, if it is wanted.
        let wanted = match open.last_mut() {
            None => root.take(),
            Some(Open::List { node, index }) => {
                let child = node.and_then(|node| trie[node].indexes.get(index).copied());
                *index += 1;
                child
            }
            Some(Open::Map { node, key_next: key_next @ true, value }) => {
                let Event::Scalar(key, ..) = &event else { return None };
                *value = node.and_then(|node| trie[node].keys.get(key.as_ref()).copied());
                *key_next = false;
                continue;
            }
            Some(Open::Map { key_next, value, .. }) => {
                *key_next = true;
                value.take()
            }
        };
        if let Some(node) = wanted {
            trie[node].offset = Some(offset);
        }
        match event {
            Event::SequenceStart(..) => open.push(Open::List { node: wanted, index: 0 }),
            Event::MappingStart(..) => open.push(Open::Map { node: wanted, key_next: true, value: None }),
            _ => {}
        }
    }
    Some(found(&trie, pointers))
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
    use super::super::node::{Node, Value};
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

    /// Every pointer of `node`'s values, and beside each a key and an index that are not there.
    fn every_pointer(node: &Node<'_>, at: &mut Vec<PathSegment>, out: &mut Vec<Pointer>) {
        out.push(Pointer(at.clone()));
        for missing in [PathSegment::Key("missing".to_owned()), PathSegment::Index(99)] {
            at.push(missing);
            out.push(Pointer(at.clone()));
            at.pop();
        }
        let children: Vec<(PathSegment, &Node<'_>)> = match &node.value {
            Value::Map(entries) => entries.iter().map(|e| (PathSegment::Key(e.key.to_string()), &e.value)).collect(),
            Value::List(items) => items.iter().enumerate().map(|(i, item)| (PathSegment::Index(i), item)).collect(),
            _ => Vec::new(),
        };
        for (segment, child) in children {
            at.push(segment);
            every_pointer(child, at, out);
            at.pop();
        }
    }

    #[test]
    fn yaml_offsets_are_those_of_the_located_tree() {
        let texts = [
            // The block scanner's style.
            "id: a\nitems:\n  - id: x\n    title: X\n    x-k: {deep: [true, false]}\n  - id: y\n    children:\n      - id: z\n        weight: -2.5e3\n",
            // saphyr-parser's: flow collections, quoted keys, an empty value, a block scalar, a document marker.
            "---\n\"id\": 'a'\nitems: [{id: x, title: \"X\"}, {id: y, due:}]\nnote: |\n  two\n  lines\nlast: [[1, 2], {k: v}]\n",
            "[1, [2, 3], {a: b}]\n",
            "just a scalar\n",
        ];
        for text in texts {
            let tree = super::super::yaml::parse(text).expect("YAML");
            let mut pointers = Vec::new();
            every_pointer(&tree, &mut Vec::new(), &mut pointers);
            let offsets = yaml_offsets(text, &pointers).expect("no aliases");
            for (pointer, offset) in pointers.iter().zip(offsets) {
                assert_eq!(offset, super::super::positions::offset(&tree, pointer), "{text:?} {pointer}");
            }
        }
        // Aliases are left to the located tree; so is a key that is a list.
        let pointers = [Pointer::parse("/b")];
        assert_eq!(yaml_offsets("a: &x [1]\nb: *x\n", &pointers), None);
        assert_eq!(yaml_offsets("? [1]\n: 2\n", &pointers), None);
    }

    #[test]
    fn text_that_is_not_json_gives_what_it_can_without_a_panic() {
        for text in ["", "{", "{\"a\": [1, 2", "{\"a\" 1}", "[\"unterminated", "{\"a\": \"\\", "}}}", "[1,]"] {
            let _ = offsets(text, &["/a/1", "/0", ""]);
        }
        assert_eq!(offsets("{\"a\": [1, 2", &["/a/1"]), [Some(10)]);
    }
}
