//! A YAML reader on top of an event stream (`saphyr-parser`'s, or for text in the plain block style
//! the fast scanner's of [`super::yaml_block`]): builds the [`Node`] tree with offsets, rejects
//! duplicate keys and custom tags, and bounds nesting and alias expansion.

use std::borrow::Cow;
use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, Tag};

use super::node::{Entry, Node, RepeatedKeys, Value};
#[cfg(any(not(target_family = "wasm"), feature = "fast-readers"))]
use super::yaml_block::{BlockEvents, OutsideStyle};
use crate::document::LoadError;
use crate::document::{position_at, Location, PathSegment, Pointer};
use crate::MAX_NESTING;

/// The most nodes a document may expand to through aliases, a guard against "billion laughs".
const MAX_NODES_FROM_ALIASES: usize = 1_000_000;

/// Parses YAML text (one document) into a [`Node`] tree. Text in the plain block style goes
/// through the fast [`BlockEvents`] scanner (not in the size build of the wasm, where it would
/// cost size for speed that small documents do not need), the rest through `saphyr-parser`; both give the same events.
pub(crate) fn parse(text: &str) -> Result<Node<'_>, LoadError> {
    #[cfg(any(not(target_family = "wasm"), feature = "fast-readers"))]
    if let Some(events) = BlockEvents::check(text) {
        let events = events.map(|step| {
            step.map_err(|OutsideStyle| Stop {
                message: "internal error: the block scanner refused a text it had accepted".to_owned(),
                offset: 0,
            })
        });
        return Reader::new(text).read(events);
    }
    Reader::new(text).read(saphyr_events(text))
}

/// For tests and fuzzing: `None` when the fast block scanner refuses `text`; else whether its
/// events (with their offsets) are exactly those of `saphyr-parser`, or the first that differs.
#[cfg(any(not(target_family = "wasm"), feature = "fast-readers"))]
#[doc(hidden)]
pub fn compare_yaml_scanners(text: &str) -> Option<Result<(), String>> {
    let block = BlockEvents::check(text)?;
    let mut saphyr = saphyr_events(text);
    for (index, step) in block.enumerate() {
        let Ok(event) = step else { return Some(Err(format!("event {index}: refused after it was taken"))) };
        let theirs = match saphyr.next() {
            Some(Ok(theirs)) => theirs,
            Some(Err(stop)) => {
                return Some(Err(format!(
                    "event {index}: block {event:?}, saphyr error {:?} at {}",
                    stop.message, stop.offset
                )));
            }
            None => return Some(Err(format!("event {index}: block {event:?}, saphyr ended"))),
        };
        if event != theirs {
            return Some(Err(format!("event {index}: block {event:?}, saphyr {theirs:?}")));
        }
    }
    match saphyr.next() {
        None => Some(Ok(())),
        Some(more) => Some(Err(format!("block ended, saphyr has {:?}", more.map_err(|stop| stop.message)))),
    }
}

/// A problem found while making the events: the parser's message and where it is (a byte offset).
pub(super) struct Stop {
    message: String,
    offset: usize,
}

/// An event, with the byte offset where it starts, or the problem that ends the events.
pub(super) type Step<'a> = Result<(Event<'a>, usize), Stop>;

/// The events of `text` with their byte offsets, from the block scanner when it takes the text,
/// else from `saphyr-parser`; `None` for a step that fails. For the positions pass, which leaves
/// such a text to the located reader. (The YAML fast path reads each source with a reader of its
/// own: over this chain it was about 10% slower.)
#[cfg(not(target_family = "wasm"))]
pub(super) fn events_or_none(text: &str) -> impl Iterator<Item = Option<(Event<'_>, usize)>> {
    let block = BlockEvents::check(text);
    let saphyr = block.is_none().then(|| saphyr_events(text));
    block.into_iter().flatten().map(Result::ok).chain(saphyr.into_iter().flatten().map(Result::ok))
}

/// The events of `saphyr-parser`, with byte offsets.
pub(super) fn saphyr_events(text: &str) -> impl Iterator<Item = Step<'_>> {
    let mut parser = Parser::new_from_str(text);
    let mut offsets = CharOffsets::new(text);
    std::iter::from_fn(move || {
        parser.next_event().map(|result| match result {
            Ok((event, span)) => Ok((event, offsets.byte_offset(span.start.index()))),
            Err(error) => {
                Err(Stop { message: error.info().to_owned(), offset: offsets.byte_offset(error.marker().index()) })
            }
        })
    })
}

/// Turns the char indexes of `saphyr-parser`'s positions into byte offsets, in amortised
/// constant time as they mostly move forwards.
struct CharOffsets<'a> {
    text: &'a str,
    /// Whether the text is ASCII, so that a char index is a byte offset.
    ascii: bool,
    /// Char index and byte offset of the last conversion.
    cursor: (usize, usize),
}

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str) -> Self {
        CharOffsets { text, ascii: text.is_ascii(), cursor: (0, 0) }
    }

    fn byte_offset(&mut self, char_index: usize) -> usize {
        if self.ascii {
            return char_index.min(self.text.len());
        }
        let (mut chars, mut bytes) = self.cursor;
        if char_index < chars {
            let before = &self.text[..bytes];
            for (i, _) in before.char_indices().rev() {
                bytes = i;
                chars -= 1;
                if chars == char_index {
                    break;
                }
            }
        } else {
            let mut iter = self.text[bytes..].char_indices();
            while chars < char_index {
                match iter.next() {
                    Some((_, c)) => {
                        bytes += c.len_utf8();
                        chars += 1;
                    }
                    None => break,
                }
            }
        }
        self.cursor = (chars, bytes);
        bytes
    }
}

enum Frame<'a> {
    List {
        items: Vec<Node<'a>>,
        offset: usize,
        anchor: usize,
    },
    /// A mapping; `awaiting_value` while the value of its last entry (null until then) is read.
    Map {
        entries: Vec<Entry<'a>>,
        seen: RepeatedKeys,
        awaiting_value: bool,
        offset: usize,
        anchor: usize,
    },
}

struct Reader<'a> {
    text: &'a str,
    stack: Vec<Frame<'a>>,
    anchors: HashMap<usize, (Node<'a>, usize)>,
    alias_nodes: usize,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Self {
        Reader { text, stack: Vec::new(), anchors: HashMap::new(), alias_nodes: 0 }
    }

    fn path(&self) -> Pointer {
        self.path_to(self.stack.len())
    }

    /// The path of the value that the frame at `depth` of the stack is reading (the whole stack:
    /// the value being read).
    fn path_to(&self, depth: usize) -> Pointer {
        let segments = self.stack[..depth]
            .iter()
            .filter_map(|frame| match frame {
                Frame::List { items, .. } => Some(PathSegment::Index(items.len())),
                Frame::Map { entries, awaiting_value: true, .. } => {
                    entries.last().map(|entry| PathSegment::Key(entry.key.to_string()))
                }
                Frame::Map { .. } => None,
            })
            .collect();
        Pointer(segments)
    }

    fn location(&self, offset: usize) -> Location {
        Location::new(self.path(), Some(position_at(self.text, offset)))
    }

    fn syntax(&self, message: impl Into<String>, offset: usize) -> LoadError {
        LoadError::Syntax { message: format!("invalid YAML: {}", message.into()), location: self.location(offset) }
    }

    /// Reads the document. An error is the first in reading order: a repeated key that a large
    /// mapping has not yet been checked for comes before any error that stopped the reading.
    fn read(mut self, events: impl Iterator<Item = Step<'a>>) -> Result<Node<'a>, LoadError> {
        let read = self.read_events(events);
        read.map_err(|error| self.first_repeated_key().unwrap_or(error))
    }

    /// The first repeated key of the open mappings, outermost first (their keys so far come
    /// before everything inside them).
    fn first_repeated_key(&mut self) -> Option<LoadError> {
        (0..self.stack.len()).find_map(|depth| self.repeated_key(depth))
    }

    /// The first repeated key of the mapping at `depth` of the stack, if it is one, as an error.
    fn repeated_key(&mut self, depth: usize) -> Option<LoadError> {
        let Some(Frame::Map { entries, seen, .. }) = self.stack.get_mut(depth) else { return None };
        let entry = seen.first_repeated(entries).and_then(|index| entries.get(index))?;
        let (key, offset) = (entry.key.to_string(), entry.key_offset.unwrap_or_default());
        Some(LoadError::DuplicateKey {
            key,
            location: Location::new(self.path_to(depth), Some(position_at(self.text, offset))),
        })
    }

    fn read_events(&mut self, events: impl Iterator<Item = Step<'a>>) -> Result<Node<'a>, LoadError> {
        let mut root: Option<Node<'a>> = None;
        let mut documents = 0;
        for step in events {
            let (event, offset) = step.map_err(|Stop { message, offset }| {
                if message == "recursion limit exceeded" {
                    LoadError::TooDeep { what: "the document", limit: MAX_NESTING, location: self.location(offset) }
                } else {
                    self.syntax(message, offset)
                }
            })?;
            match event {
                Event::DocumentStart(_) => {
                    documents += 1;
                    if documents > 1 {
                        return Err(self.syntax("a file holds one YAML document; found a second `---`", offset));
                    }
                }
                Event::Scalar(text, style, anchor, tag) => {
                    let value = self.scalar(text, style, tag.as_deref(), offset)?;
                    self.push(Node { value, offset: Some(offset) }, anchor, 1, offset, &mut root)?;
                }
                Event::Alias(id) => {
                    let Some((node, weight)) = self.anchors.get(&id).cloned() else {
                        return Err(self.syntax("alias to an unknown anchor", offset));
                    };
                    self.alias_nodes += weight;
                    if self.alias_nodes > MAX_NODES_FROM_ALIASES {
                        return Err(LoadError::TooLarge {
                            message: format!(
                                "YAML aliases expand to more than {MAX_NODES_FROM_ALIASES} values; refusing to load"
                            ),
                            location: self.location(offset),
                        });
                    }
                    self.push(node, 0, weight, offset, &mut root)?;
                }
                Event::SequenceStart(anchor, tag) => {
                    self.check_collection_tag(tag.as_deref(), "seq", offset)?;
                    self.open(Frame::List { items: Vec::new(), offset, anchor }, offset)?;
                }
                Event::MappingStart(anchor, tag) => {
                    self.check_collection_tag(tag.as_deref(), "map", offset)?;
                    self.open(
                        Frame::Map {
                            entries: Vec::new(),
                            seen: RepeatedKeys::default(),
                            awaiting_value: false,
                            offset,
                            anchor,
                        },
                        offset,
                    )?;
                }
                Event::SequenceEnd | Event::MappingEnd => {
                    if let Some(error) = self.stack.len().checked_sub(1).and_then(|top| self.repeated_key(top)) {
                        return Err(error);
                    }
                    let (node, anchor) = match self.stack.pop() {
                        Some(Frame::List { items, offset, anchor }) => {
                            (Node { value: Value::List(items), offset: Some(offset) }, anchor)
                        }
                        Some(Frame::Map { entries, offset, anchor, .. }) => {
                            (Node { value: Value::Map(entries), offset: Some(offset) }, anchor)
                        }
                        None => return Err(self.syntax("unbalanced collection end", offset)),
                    };
                    let weight = if anchor > 0 { weight_of(&node) } else { 1 };
                    self.push(node, anchor, weight, offset, &mut root)?;
                }
                Event::StreamEnd => break,
                Event::StreamStart | Event::DocumentEnd | Event::Nothing => {}
            }
        }
        Ok(root.unwrap_or(Node { value: Value::Null, offset: Some(0) }))
    }

    fn open(&mut self, frame: Frame<'a>, offset: usize) -> Result<(), LoadError> {
        if self.stack.len() >= MAX_NESTING {
            return Err(LoadError::TooDeep {
                what: "the document",
                limit: MAX_NESTING,
                location: self.location(offset),
            });
        }
        self.stack.push(frame);
        Ok(())
    }

    fn check_collection_tag(&self, tag: Option<&Tag>, core: &str, offset: usize) -> Result<(), LoadError> {
        match tag {
            None => Ok(()),
            Some(tag) if tag.is_yaml_core_schema() && tag.suffix == core => Ok(()),
            Some(tag) => Err(self.unsupported_tag(tag, offset)),
        }
    }

    fn unsupported_tag(&self, tag: &Tag, offset: usize) -> LoadError {
        let tag = if tag.is_yaml_core_schema() {
            format!("!!{}", tag.suffix)
        } else if tag.handle == "!" {
            format!("!{}", tag.suffix)
        } else {
            format!("{}{}", tag.handle, tag.suffix)
        };
        LoadError::InvalidValue {
            message: format!("YAML tag `{tag}` is not supported (workplan documents use plain YAML)"),
            location: self.location(offset),
        }
    }

    fn scalar(
        &self,
        text: Cow<'a, str>,
        style: ScalarStyle,
        tag: Option<&Tag>,
        offset: usize,
    ) -> Result<Value<'a>, LoadError> {
        let text = || self.borrowed(text, offset);
        match tag {
            None if style == ScalarStyle::Plain => Ok(Value::Plain(text())),
            None => Ok(Value::String(text())),
            Some(tag) if tag.is_yaml_core_schema() => match tag.suffix.as_str() {
                "str" => Ok(Value::String(text())),
                "int" | "float" | "bool" | "null" => Ok(Value::Plain(text())),
                _ => Err(self.unsupported_tag(tag, offset)),
            },
            Some(tag) if tag.handle == "!" && tag.suffix.is_empty() => Ok(Value::String(text())),
            Some(tag) => Err(self.unsupported_tag(tag, offset)),
        }
    }

    /// The text of a scalar that starts at `offset`, borrowed from the source when the source
    /// writes it as it is (at the offset, or after the opening quote), else copied into an
    /// allocation of its own length: saphyr-parser hands each scalar over in a buffer of at least
    /// 32 bytes, which, kept, made the tree of a million short keys and values take 2.3 times the
    /// memory. (Its buffer is freed at once, for the next scalar's.) The block scanner hands
    /// over text already borrowed from the source, kept as it is.
    fn borrowed(&self, text: Cow<'a, str>, offset: usize) -> Cow<'a, str> {
        let text = match text {
            Cow::Borrowed(text) => return Cow::Borrowed(text),
            Cow::Owned(text) => text,
        };
        let source: &'a str = self.text;
        let written = |start: usize| source.get(start..start + text.len()).filter(|written| *written == text);
        match written(offset).or_else(|| written(offset + 1)) {
            Some(written) => Cow::Borrowed(written),
            None => Cow::Owned(text.as_str().to_owned()),
        }
    }

    /// Puts a finished node into its parent (or makes it the root).
    fn push(
        &mut self,
        node: Node<'a>,
        anchor: usize,
        weight: usize,
        offset: usize,
        root: &mut Option<Node<'a>>,
    ) -> Result<(), LoadError> {
        if anchor > 0 {
            self.anchors.insert(anchor, (node.clone(), weight));
        }
        match self.stack.last_mut() {
            None => {
                *root = Some(node);
                Ok(())
            }
            Some(Frame::List { items, .. }) => {
                items.push(node);
                Ok(())
            }
            Some(Frame::Map { awaiting_value: false, .. }) => {
                let name = match node.value {
                    Value::String(s) | Value::Plain(s) => s,
                    Value::Integer(i) => Cow::Owned(i.to_string()),
                    Value::Float(f) => Cow::Owned(f.to_string()),
                    Value::Bool(b) => Cow::Owned(b.to_string()),
                    Value::Null => Cow::Borrowed("null"),
                    Value::List(_) | Value::Map(_) => {
                        return Err(self.syntax("a key must be text, not a list or an object", offset));
                    }
                };
                let duplicate = match self.stack.last_mut() {
                    Some(Frame::Map { entries, seen, .. }) => seen.is_repeated(entries, &name),
                    _ => false,
                };
                if duplicate {
                    return Err(LoadError::DuplicateKey { key: name.into_owned(), location: self.location(offset) });
                }
                if let Some(Frame::Map { entries, awaiting_value, .. }) = self.stack.last_mut() {
                    entries.push(Entry { key: name, key_offset: Some(offset), value: Node::bare(Value::Null) });
                    *awaiting_value = true;
                }
                Ok(())
            }
            Some(Frame::Map { awaiting_value: awaiting_value @ true, entries, .. }) => {
                if let Some(entry) = entries.last_mut() {
                    entry.value = node;
                }
                *awaiting_value = false;
                Ok(())
            }
        }
    }
}

/// The number of values in a tree.
fn weight_of(node: &Node<'_>) -> usize {
    match &node.value {
        Value::List(items) => 1 + items.iter().map(weight_of).sum::<usize>(),
        Value::Map(entries) => 1 + entries.iter().map(|e| weight_of(&e.value)).sum::<usize>(),
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_mappings_lists_and_scalars_with_offsets() {
        // The block scanner reads the first text, saphyr-parser the second (a document marker is
        // outside the block style).
        for (text, shift) in [("a: 1\nb:\n  - x\n  - 'y'\nc: é\n", 0), ("---\na: 1\nb:\n  - x\n  - 'y'\nc: é\n", 4)] {
            let node = parse(text).expect("valid YAML");
            let Value::Map(entries) = &node.value else { panic!("expected a map") };
            assert_eq!(entries[0].value.value, Value::Plain("1".into()));
            let Value::List(items) = &entries[1].value.value else { panic!("expected a list") };
            assert_eq!(items[1].value, Value::String("y".into()));
            assert_eq!(position_at(text, items[0].offset.expect("offset")).line, 3 + shift / 4);
            assert_eq!(entries[2].key_offset, Some(22 + shift));
            // Text written as it is, plain or quoted, is borrowed from the source; other text is not.
            let (key, item) = (&entries[0].key, &items[1].value);
            assert!(matches!((key, item), (Cow::Borrowed("a"), Value::String(Cow::Borrowed("y")))));
            assert!(matches!(&entries[2].value.value, Value::Plain(Cow::Borrowed("é"))));
        }
        let node = parse("a: \"x\\ty\"\nb: 'it''s'\n").expect("valid YAML");
        let Value::Map(entries) = &node.value else { panic!("expected a map") };
        assert_eq!(entries[0].value.value, Value::String(Cow::Owned("x\ty".to_owned())));
        assert!(matches!(&entries[1].value.value, Value::String(Cow::Owned(s)) if s == "it's"));
    }

    #[test]
    fn duplicate_keys_are_errors_with_the_second_position() {
        let error = parse("a: 1\nb: 2\na: 3\n").expect_err("duplicate");
        assert_eq!(error.code(), "duplicate_key");
        assert_eq!(error.line(), Some(3));
    }

    /// `  k0: 0` to `  k{n-1}: n-1`, one a line: more keys than a mapping checks one by one.
    fn many_keys(n: usize, indent: &str) -> String {
        (0..n).map(|i| format!("{indent}k{i}: {i}\n")).collect()
    }

    #[test]
    fn a_large_mapping_reports_its_first_repeated_key_before_any_later_error() {
        let keys = many_keys(20, "  ");
        let inner = many_keys(20, "    ");
        for (text, after) in [
            (format!("o:\n{keys}  k3: 3\n  z: 1\n"), "nothing"),
            (format!("o:\n{keys}  k3: 3\n  z: [1\n"), "a syntax error"),
            (format!("o:\n{keys}  k3:\n    y: 1\n    y: 2\n"), "a repeated key in its value"),
            (format!("o:\n{keys}  k3: 3\n  i:\n{inner}    k5: 5\n"), "a large mapping's"),
            (format!("o:\n{keys}  k3: !custom 3\n"), "a custom tag"),
        ] {
            let error = parse(&text).expect_err("duplicate");
            assert_eq!(error.code(), "duplicate_key", "{after}: {error}");
            assert_eq!(error.path().to_string(), "/o", "{after}");
            assert_eq!((error.line(), error.column()), (Some(22), Some(3)), "{after}");
            assert!(error.to_string().contains("`k3`"), "{after}: {error}");
        }
    }

    #[test]
    fn a_repeated_key_inside_a_large_mapping_is_found_with_its_path() {
        let keys = many_keys(20, "    ");
        let error = parse(&format!("list:\n  - 0\n  -\n{keys}    k19: 1\n")).expect_err("duplicate");
        assert_eq!((error.code(), error.path().to_string()), ("duplicate_key", "/list/1".to_owned()));
        let error = parse(&format!("o:\n{}  i: {{y: 1, y: 2}}\n", many_keys(20, "  "))).expect_err("duplicate");
        assert_eq!((error.code(), error.path().to_string()), ("duplicate_key", "/o/i".to_owned()));
        let text = format!("o:\n{}", many_keys(20, "  "));
        let node = parse(&text).expect("no key repeats");
        let Value::Map(entries) = &node.value else { panic!("expected a map") };
        let Value::Map(inner) = &entries[0].value.value else { panic!("expected a map") };
        assert_eq!((inner.len(), &inner[19].value.value), (20, &Value::Plain("19".into())));
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            text.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n",
                p = i - 1
            ));
        }
        let error = parse(&text).expect_err("bomb");
        assert_eq!(error.code(), "too_large");
    }

    #[test]
    fn custom_tags_are_refused() {
        let error = parse("a: !python/object foo\n").expect_err("tag");
        assert_eq!(error.code(), "invalid_value");
        assert_eq!(error.path().to_string(), "/a");
    }

    #[test]
    fn syntax_errors_have_positions() {
        let error = parse("a: [1, 2\nb: 3\n").expect_err("unclosed");
        assert_eq!(error.code(), "syntax_error");
        assert!(error.line().is_some());
    }

    #[test]
    fn deep_nesting_stops_at_the_limit() {
        let error = parse(&"[".repeat(100_000)).expect_err("deep");
        assert_eq!(error.code(), "too_deep");
    }
}
