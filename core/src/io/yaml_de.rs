//! The fast path for YAML: the text's events read straight into the model, without the tree of
//! located values ([`Node`]) that the located path builds first and then reads. It cannot differ
//! from the located path:
//!
//! - it reads the same events (the block scanner's for text in the plain block style, else
//!   `saphyr-parser`'s: `super::yaml`);
//! - every scalar is read by the located path's own deserializer ([`NodeDeserializer::alone`]),
//!   so a scalar means the same on both paths (`label: 1` is the text "1", `~` is null);
//! - anything the located path treats with care is refused here, and the caller then reads the
//!   text on the located path, which gives the value or the error with its path, line and column:
//!   any error at all (syntax, a wrong type), anchors and aliases, tags, a second document,
//!   nesting past [`MAX_NESTING`], items past [`MAX_ITEM_DEPTH`], and a key that a model struct
//!   neither has nor gathers;
//! - what the model's own readers refuse in any format needs nothing here, as on the JSON fast
//!   path: a repeated key (struct fields, `x-` keys, extension data and the tables of a returns
//!   mapping all refuse one) and a number that is not finite in extension data.
//!
//! `core/tests/yaml_fast_path.rs` holds the two paths to the same answers.

use saphyr_parser::{Event, ScalarStyle};
use serde::de::{self, DeserializeOwned, DeserializeSeed, IgnoredAny, IntoDeserializer, Visitor};

use super::de::{forward_the_rest_to_any, DeError, NodeDeserializer, EXTENSIONS_KEY, ITEM_STRUCT};
use super::node::{Node, Value};
use super::yaml::saphyr_events;
use super::yaml_block::BlockEvents;
use crate::{MAX_ITEM_DEPTH, MAX_NESTING};

/// Reads a `T` from YAML text without the located tree; `None` whenever the located path must
/// read it (see the module's documentation). Public for the tests that compare the two paths.
#[doc(hidden)]
pub fn straight_from_yaml<T: DeserializeOwned>(text: &str) -> Option<T> {
    // One reader for each source of events, not one over either (measured: a chain of the two
    // made `validate` of a 112 MB YAML plan about 10% slower).
    match BlockEvents::check(text) {
        Some(events) => read(events.map(|step| step.ok().map(|(event, _)| event))),
        None => read(saphyr_events(text).map(|step| step.ok().map(|(event, _)| event))),
    }
}

/// Reads a `T` from the events of one document, then checks that nothing follows it.
fn read<'a, T: DeserializeOwned>(events: impl Iterator<Item = Option<Event<'a>>>) -> Option<T> {
    let mut reader = Reader { events, peeked: None, documents: 0, depth: 0, item_depth: 0 };
    let value = T::deserialize(&mut reader).ok()?;
    reader.end().ok()?;
    Some(value)
}

/// The reason for every refusal: the caller reads the text again on the located path, whose
/// error (if there is one) is the one the user sees.
fn refused() -> DeError {
    de::Error::custom("left to the located path")
}

/// The reader of one document's events.
struct Reader<'a, I> {
    events: I,
    /// The next event, when it was looked at and not taken.
    peeked: Option<Event<'a>>,
    /// Documents begun.
    documents: usize,
    /// Collections open.
    depth: usize,
    /// Items open (model structs named [`ITEM_STRUCT`]).
    item_depth: usize,
}

/// What a value starts with.
enum Start {
    Scalar,
    List,
    Map,
}

impl<'a, I: Iterator<Item = Option<Event<'a>>>> Reader<'a, I> {
    /// The next event that says something about values (document starts counted).
    fn next(&mut self) -> Result<Event<'a>, DeError> {
        match self.peeked.take() {
            Some(event) => Ok(event),
            None => self.pull(),
        }
    }

    /// The next event from the events, past those that say nothing about values.
    fn pull(&mut self) -> Result<Event<'a>, DeError> {
        loop {
            match self.events.next().flatten().ok_or_else(refused)? {
                Event::StreamStart | Event::DocumentEnd | Event::Nothing => {}
                Event::DocumentStart(_) => {
                    self.documents += 1;
                    if self.documents > 1 {
                        return Err(refused());
                    }
                }
                event => return Ok(event),
            }
        }
    }

    /// What the next value starts with, without taking its first event (looked at where it is,
    /// not moved). Anchors, aliases and tags are refused here, before any value is read.
    fn start(&mut self) -> Result<Start, DeError> {
        if self.peeked.is_none() {
            self.peeked = Some(self.pull()?);
        }
        match &self.peeked {
            Some(Event::Scalar(_, _, 0, None)) => Ok(Start::Scalar),
            Some(Event::SequenceStart(0, None)) => Ok(Start::List),
            Some(Event::MappingStart(0, None)) => Ok(Start::Map),
            _ => Err(refused()),
        }
    }

    /// Takes the scalar that [`start`](Self::start) found, as the node the located path makes of it.
    fn scalar(&mut self) -> Result<Node<'a>, DeError> {
        let Ok(Event::Scalar(text, style, _, _)) = self.next() else { return Err(refused()) };
        let value = if style == ScalarStyle::Plain { Value::Plain(text) } else { Value::String(text) };
        Ok(Node { value, offset: None })
    }

    /// Takes the start of the collection that [`start`](Self::start) found.
    fn open(&mut self) -> Result<(), DeError> {
        self.next()?;
        if self.depth >= MAX_NESTING {
            return Err(refused());
        }
        self.depth += 1;
        Ok(())
    }

    /// Reads the list whose start is next, handing its values to `visitor`; the values the
    /// visitor leaves are read and let go of (as the located path lets them go).
    fn list<'de, V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, DeError> {
        self.open()?;
        let mut list = List { reader: self, ended: false };
        let value = visitor.visit_seq(&mut list)?;
        while de::SeqAccess::next_element::<IgnoredAny>(&mut list)?.is_some() {}
        Ok(value)
    }

    /// Reads the mapping whose start is next (as the model struct with `fields`, if one), as
    /// [`list`](Self::list) reads a list.
    fn map<'de, V: Visitor<'de>>(
        &mut self,
        fields: Option<&'static [&'static str]>,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.open()?;
        let mut map = Map { reader: self, fields, ended: false };
        let value = visitor.visit_map(&mut map)?;
        while de::MapAccess::next_entry::<IgnoredAny, IgnoredAny>(&mut map)?.is_some() {}
        Ok(value)
    }

    /// Notes that the collection open last has ended (its end event taken).
    fn close(&mut self) {
        self.depth -= 1;
    }

    /// After the document: nothing but its end.
    fn end(&mut self) -> Result<(), DeError> {
        match self.next()? {
            Event::StreamEnd => Ok(()),
            _ => Err(refused()),
        }
    }
}

/// Reads a scalar through the located path's deserializer with `$method`, and any other value
/// with the block given.
macro_rules! scalar_or {
    ($reader:ident, $visitor:ident, $method:ident $(, $arg:expr)*; $other:expr) => {
        match $reader.start()? {
            Start::Scalar => {
                let node = $reader.scalar()?;
                NodeDeserializer::alone(&node, $reader.item_depth).$method($($arg,)* $visitor)
            }
            _ => $other,
        }
    };
}

impl<'de, 'a, I: Iterator<Item = Option<Event<'a>>>> de::Deserializer<'de> for &mut Reader<'a, I> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.start()? {
            Start::Scalar => {
                let node = self.scalar()?;
                NodeDeserializer::alone(&node, self.item_depth).deserialize_any(visitor)
            }
            Start::List => self.list(visitor),
            Start::Map => self.map(None, visitor),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        scalar_or!(self, visitor, deserialize_str; self.deserialize_any(visitor))
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        scalar_or!(self, visitor, deserialize_option; visitor.visit_some(self))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, name: &'static str, visitor: V) -> Result<V::Value, DeError> {
        scalar_or!(self, visitor, deserialize_newtype_struct, name; visitor.visit_newtype_struct(self))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        if !matches!(self.start()?, Start::Map) {
            // Not an object: the located path says so.
            return Err(refused());
        }
        let outer = self.item_depth;
        if name == ITEM_STRUCT {
            self.item_depth += 1;
            if self.item_depth > MAX_ITEM_DEPTH {
                return Err(refused());
            }
        }
        let value = self.map(Some(fields), visitor);
        self.item_depth = outer;
        value
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        scalar_or!(self, visitor, deserialize_enum, name, variants; self.deserialize_any(visitor))
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        // Read through, so that what the located path refuses anywhere in the document is
        // refused here too (a repeated key, a tag, a number in extension data).
        self.deserialize_any(IgnoredAny)?;
        visitor.visit_unit()
    }

    forward_the_rest_to_any!();
}

/// The values of a list, up to its end.
struct List<'r, 'a, I> {
    reader: &'r mut Reader<'a, I>,
    ended: bool,
}

impl<'de, 'a, I: Iterator<Item = Option<Event<'a>>>> de::SeqAccess<'de> for List<'_, 'a, I> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, DeError> {
        if self.ended {
            return Ok(None);
        }
        match self.reader.next()? {
            Event::SequenceEnd => {
                self.reader.close();
                self.ended = true;
                Ok(None)
            }
            event => {
                self.reader.peeked = Some(event);
                seed.deserialize(&mut *self.reader).map(Some)
            }
        }
    }
}

/// The entries of a mapping, up to its end; for a model struct, only keys it has or gathers.
struct Map<'r, 'a, I> {
    reader: &'r mut Reader<'a, I>,
    /// The fields of the model struct read, if it is one.
    fields: Option<&'static [&'static str]>,
    ended: bool,
}

impl<'de, 'a, I: Iterator<Item = Option<Event<'a>>>> de::MapAccess<'de> for Map<'_, 'a, I> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, DeError> {
        if self.ended {
            return Ok(None);
        }
        let key = match self.reader.next()? {
            Event::MappingEnd => {
                self.reader.close();
                self.ended = true;
                return Ok(None);
            }
            Event::Scalar(key, _, 0, None) => key,
            // Anchors, tags, and keys that are lists or objects.
            _ => return Err(refused()),
        };
        if let Some(fields) = self.fields {
            let known = if key.starts_with("x-") { fields.contains(&EXTENSIONS_KEY) } else { fields.contains(&&*key) };
            if !known {
                return Err(refused());
            }
        }
        seed.deserialize(IntoDeserializer::<DeError>::into_deserializer(&*key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        seed.deserialize(&mut *self.reader)
    }
}
