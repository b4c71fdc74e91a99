//! Reading typed model values out of a [`Node`] tree with serde: every error gets the JSON
//! Pointer path and the byte offset of the value it is about, unknown keys are refused with the
//! nearest known key, `x-` keys are gathered as extension data, and items nest at most
//! [`MAX_ITEM_DEPTH`](crate::MAX_ITEM_DEPTH) deep.

use std::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};

use super::node::{resolve_plain, Entry, Node, Resolved, Value};
use crate::document::LoadError;
use crate::document::{position_at, Location, PathSegment, Pointer};
use crate::text::nearest;
use crate::MAX_ITEM_DEPTH;

/// The key under which a model struct holds its `x-` keys.
pub(crate) use crate::model::flat::EXTENSIONS_KEY;

/// The name of the model struct whose nesting is limited.
pub(super) const ITEM_STRUCT: &str = "Item";

/// Reads a `T` from `node`. `text` is the source the offsets point into, if any.
pub(crate) fn from_node<T: DeserializeOwned>(node: &Node, text: Option<&str>) -> Result<T, LoadError> {
    let root = Path { parent: None, segment: Segment::Root };
    T::deserialize(NodeDeserializer { node, path: &root, item_depth: 0 }).map_err(|e| e.finish(text))
}

/// A step of the path from the root to the value being read; a linked list on the stack, turned
/// into a [`Pointer`] only when an error needs it.
#[derive(Clone, Copy)]
enum Segment<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    segment: Segment<'a>,
}

impl Segment<'_> {
    /// The step as a [`Pointer`] segment (the root is none).
    fn to_path_segment(self) -> Option<PathSegment> {
        match self {
            Segment::Root => None,
            Segment::Key(key) => Some(PathSegment::Key(key.to_owned())),
            Segment::Index(index) => Some(PathSegment::Index(index)),
        }
    }
}

impl Path<'_> {
    fn pointer(&self) -> Pointer {
        let mut segments = Vec::new();
        let mut at = Some(self);
        while let Some(path) = at {
            segments.extend(path.segment.to_path_segment());
            at = path.parent;
        }
        segments.reverse();
        Pointer(segments)
    }
}

/// An error while reading: the [`LoadError`] and the offset it is about, filled in by the
/// innermost value that saw it.
#[derive(Debug)]
pub(crate) struct DeError {
    error: Box<LoadError>,
    offset: Option<usize>,
    located: bool,
}

impl DeError {
    fn new(error: LoadError) -> Self {
        DeError { error: Box::new(error), offset: None, located: false }
    }

    fn at(error: LoadError, offset: Option<usize>) -> Self {
        DeError { error: Box::new(error), offset, located: true }
    }

    fn locate(mut self, path: &Path<'_>, offset: Option<usize>) -> Self {
        if !self.located {
            if let Some(location) = self.error.location_mut() {
                location.path = path.pointer();
            }
            self.offset = offset;
            self.located = true;
        }
        self
    }

    fn finish(mut self, text: Option<&str>) -> LoadError {
        if let (Some(text), Some(offset), Some(location)) = (text, self.offset, self.error.location_mut()) {
            location.position = Some(position_at(text, offset));
        }
        *self.error
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.error.fmt(f)
    }
}

impl std::error::Error for DeError {}

/// Words for what serde's derived code expects.
fn expected_words(expected: &dyn de::Expected) -> String {
    let text = expected.to_string();
    match text.as_str() {
        "f32" | "f64" => "a number".to_owned(),
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number".to_owned(),
        "a sequence" => "a list".to_owned(),
        "a map" => "an object".to_owned(),
        "a boolean" | "a string" => text,
        _ if text.starts_with("struct ") => "an object".to_owned(),
        _ => text,
    }
}

/// Words for what the document has, as serde reports it.
fn found_words(unexpected: de::Unexpected<'_>) -> String {
    use de::Unexpected as U;
    match unexpected {
        U::Str(s) => format!("the text `{}`", crate::text::shorten(s)),
        U::Signed(i) => format!("the number `{i}`"),
        U::Unsigned(u) => format!("the number `{u}`"),
        U::Float(f) => format!("the number `{f}`"),
        U::Bool(b) => format!("the boolean `{b}`"),
        U::Unit | U::Option => "null".to_owned(),
        U::Seq => "a list".to_owned(),
        U::Map => "an object".to_owned(),
        other => other.to_string(),
    }
}

/// Words for a node's value, for messages.
fn describe(node: &Node) -> String {
    use de::Unexpected as U;
    match &node.value {
        Value::Null => found_words(U::Unit),
        Value::Bool(b) => found_words(U::Bool(*b)),
        Value::Integer(i) => found_words(U::Signed(*i)),
        Value::Float(f) => found_words(U::Float(*f)),
        Value::String(s) => found_words(U::Str(s)),
        Value::Plain(s) => match resolve_plain(s) {
            Resolved::Null => found_words(U::Unit),
            Resolved::Bool(b) => found_words(U::Bool(b)),
            Resolved::Integer(i) => found_words(U::Signed(i)),
            Resolved::Float(f) => found_words(U::Float(f)),
            Resolved::String(s) => found_words(U::Str(s)),
        },
        Value::List(_) => found_words(U::Seq),
        Value::Map(_) => found_words(U::Map),
    }
}

fn unlocated() -> Location {
    Location::default()
}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        DeError::new(LoadError::InvalidValue { message: message.to_string(), location: unlocated() })
    }

    fn invalid_type(unexpected: de::Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        DeError::new(LoadError::WrongType {
            expected: expected_words(expected),
            found: found_words(unexpected),
            location: unlocated(),
        })
    }

    fn invalid_value(unexpected: de::Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        if expected.to_string() == crate::model::FORMAT_VERSION_EXPECTED {
            let found = found_words(unexpected).replace("the number ", "");
            return DeError::new(LoadError::UnsupportedVersion { found, location: unlocated() });
        }
        DeError::new(LoadError::InvalidValue {
            message: format!("expected {}, found {}", expected_words(expected), found_words(unexpected)),
            location: unlocated(),
        })
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        let choices = expected.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", ");
        let suggestion = match nearest(variant, expected.iter().copied()) {
            Some(s) => format!("; did you mean `{s}`?"),
            None => String::new(),
        };
        DeError::new(LoadError::InvalidValue {
            message: format!("`{}` is not one of {choices}{suggestion}", crate::text::shorten(variant)),
            location: unlocated(),
        })
    }

    fn missing_field(field: &'static str) -> Self {
        DeError::new(LoadError::MissingField { field: field.to_owned(), location: unlocated() })
    }
}

/// Deserializes one node.
pub(super) struct NodeDeserializer<'n, 'p> {
    node: &'n Node<'n>,
    path: &'p Path<'p>,
    /// How many items enclose this value.
    item_depth: usize,
}

/// The root of every path, for a node read on its own.
#[cfg(not(target_family = "wasm"))]
static ROOT: Path<'static> = Path { parent: None, segment: Segment::Root };

#[cfg(not(target_family = "wasm"))]
impl<'n> NodeDeserializer<'n, 'static> {
    /// Deserializes `node` on its own, `item_depth` items deep: the YAML fast path
    /// (`super::yaml_de`) reads each scalar through this, so that a scalar reads the same on both
    /// paths. (Its errors have no path: the fast path only needs to know that there is one.)
    pub(super) fn alone(node: &'n Node<'n>, item_depth: usize) -> Self {
        NodeDeserializer { node, path: &ROOT, item_depth }
    }
}

impl NodeDeserializer<'_, '_> {
    fn locate(&self) -> impl FnOnce(DeError) -> DeError + '_ {
        move |e| e.locate(self.path, self.node.offset)
    }
}

/// The methods of a `Deserializer` that read a value as `deserialize_any` does (every kind but
/// text, options, newtypes, structs, enums and ignored values), for this deserializer and the
/// YAML fast path's (`super::yaml_de`).
macro_rules! forward_the_rest_to_any {
    () => {
        forward_the_rest_to_any! {
            deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
            deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
            deserialize_f32 deserialize_f64 deserialize_char deserialize_bytes deserialize_byte_buf
            deserialize_unit deserialize_seq deserialize_map deserialize_identifier
        }

        fn deserialize_unit_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, DeError> {
            self.deserialize_any(visitor)
        }

        fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, DeError> {
            self.deserialize_any(visitor)
        }

        fn deserialize_tuple_struct<V: Visitor<'de>>(
            self,
            _name: &'static str,
            _len: usize,
            visitor: V,
        ) -> Result<V::Value, DeError> {
            self.deserialize_any(visitor)
        }
    };
    ($($method:ident)*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
            self.deserialize_any(visitor)
        })*
    };
}
#[cfg(not(target_family = "wasm"))]
pub(super) use forward_the_rest_to_any;

impl<'de> de::Deserializer<'de> for NodeDeserializer<'_, '_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let result = match &self.node.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Integer(i) => visitor.visit_i64(*i),
            Value::Float(f) => visitor.visit_f64(*f),
            Value::String(s) => visitor.visit_str(s),
            Value::Plain(s) => match resolve_plain(s) {
                Resolved::Null => visitor.visit_unit(),
                Resolved::Bool(b) => visitor.visit_bool(b),
                Resolved::Integer(i) => visitor.visit_i64(i),
                Resolved::Float(f) => visitor.visit_f64(f),
                Resolved::String(s) => visitor.visit_str(s),
            },
            Value::List(items) => {
                visitor.visit_seq(ListAccess { items, path: self.path, index: 0, item_depth: self.item_depth })
            }
            Value::Map(entries) => visitor.visit_map(MapAccess::plain(entries, self.path, self.item_depth)),
        };
        result.map_err(self.locate())
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        // A plain YAML scalar is text when text is wanted (`label: 1` is the label "1"), but
        // `~` and `null` stay null.
        match &self.node.value {
            Value::Plain(s) if resolve_plain(s) != Resolved::Null => visitor.visit_str(s).map_err(self.locate()),
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let is_null = match &self.node.value {
            Value::Null => true,
            Value::Plain(s) => resolve_plain(s) == Resolved::Null,
            _ => false,
        };
        if is_null {
            visitor.visit_none().map_err(self.locate())
        } else {
            let (node, path, item_depth) = (self.node, self.path, self.item_depth);
            visitor.visit_some(NodeDeserializer { node, path, item_depth }).map_err(|e| e.locate(path, node.offset))
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, DeError> {
        let (node, path, item_depth) = (self.node, self.path, self.item_depth);
        visitor
            .visit_newtype_struct(NodeDeserializer { node, path, item_depth })
            .map_err(|e| e.locate(path, node.offset))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let Value::Map(entries) = &self.node.value else {
            let error = LoadError::WrongType {
                expected: "an object".to_owned(),
                found: describe(self.node),
                location: unlocated(),
            };
            return Err(DeError::new(error).locate(self.path, self.node.offset));
        };
        let item_depth = if name == ITEM_STRUCT { self.item_depth + 1 } else { self.item_depth };
        if item_depth > MAX_ITEM_DEPTH {
            let error = LoadError::TooDeep { what: "items", limit: MAX_ITEM_DEPTH, location: unlocated() };
            return Err(DeError::new(error).locate(self.path, self.node.offset));
        }
        let access = MapAccess::for_struct(entries, fields, self.path, item_depth)?;
        visitor.visit_map(access).map_err(self.locate())
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match &self.node.value {
            Value::String(s) | Value::Plain(s) => {
                visitor.visit_enum(IntoDeserializer::<DeError>::into_deserializer(s.as_ref())).map_err(self.locate())
            }
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    forward_the_rest_to_any!();
}

struct ListAccess<'n, 'p> {
    items: &'n [Node<'n>],
    path: &'p Path<'p>,
    index: usize,
    item_depth: usize,
}

impl<'de> de::SeqAccess<'de> for ListAccess<'_, '_> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, DeError> {
        let Some(node) = self.items.get(self.index) else { return Ok(None) };
        let path = Path { parent: Some(self.path), segment: Segment::Index(self.index) };
        self.index += 1;
        seed.deserialize(NodeDeserializer { node, path: &path, item_depth: self.item_depth }).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len() - self.index)
    }
}

/// Walks the entries of a mapping (for a model struct, after checking its keys). A struct's `x-`
/// keys are handed out like any other: the model's own `Deserialize` gathers them
/// (`docs/format.md#extensions`).
struct MapAccess<'n, 'p> {
    entries: &'n [Entry<'n>],
    index: usize,
    path: &'p Path<'p>,
    item_depth: usize,
    /// The entry whose key was handed out last, its value still to read.
    pending: Option<&'n Entry<'n>>,
}

impl<'n, 'p> MapAccess<'n, 'p> {
    fn plain(entries: &'n [Entry<'n>], path: &'p Path<'p>, item_depth: usize) -> Self {
        MapAccess { entries, index: 0, path, item_depth, pending: None }
    }

    fn for_struct(
        entries: &'n [Entry<'n>],
        fields: &'static [&'static str],
        path: &'p Path<'p>,
        item_depth: usize,
    ) -> Result<Self, DeError> {
        let gather_extensions = fields.contains(&EXTENSIONS_KEY);
        for entry in entries {
            if entry.key.starts_with("x-") {
                if gather_extensions {
                    let mut below = vec![Segment::Key(&entry.key)];
                    if let Some(offset) = non_finite(&entry.value, &mut below) {
                        let mut pointer = path.pointer();
                        pointer.0.extend(below.iter().filter_map(|segment| segment.to_path_segment()));
                        let error = LoadError::InvalidValue {
                            message: "a number that is not finite (too large, infinite or NaN) in extension data, \
                                which can only keep finite numbers"
                                .to_owned(),
                            location: Location::new(pointer, None),
                        };
                        return Err(DeError::at(error, offset));
                    }
                    continue;
                }
            } else if fields.contains(&&*entry.key) {
                continue;
            }
            let candidates = fields.iter().copied().filter(|f| *f != EXTENSIONS_KEY);
            let error = LoadError::UnknownField {
                field: entry.key.to_string(),
                suggestion: nearest(&entry.key, candidates),
                location: Location::new(path.pointer(), None),
            };
            return Err(DeError::at(error, entry.key_offset));
        }
        Ok(MapAccess::plain(entries, path, item_depth))
    }
}

/// The offset of the first number in `node` that is not finite (JSON, and so extension data,
/// cannot hold one); `path` is left pointing at it (below `node`).
fn non_finite<'n>(node: &'n Node<'n>, path: &mut Vec<Segment<'n>>) -> Option<Option<usize>> {
    let found = match &node.value {
        Value::Float(f) => !f.is_finite(),
        Value::Plain(s) => matches!(resolve_plain(s), Resolved::Float(f) if !f.is_finite()),
        Value::List(items) => {
            for (index, item) in items.iter().enumerate() {
                path.push(Segment::Index(index));
                if let Some(offset) = non_finite(item, path) {
                    return Some(offset);
                }
                path.pop();
            }
            false
        }
        Value::Map(entries) => {
            for entry in entries {
                path.push(Segment::Key(&entry.key));
                if let Some(offset) = non_finite(&entry.value, path) {
                    return Some(offset);
                }
                path.pop();
            }
            false
        }
        Value::Null | Value::Bool(_) | Value::Integer(_) | Value::String(_) => false,
    };
    found.then_some(node.offset)
}

/// A value asked for out of turn: a bug in this deserializer, reported, never a panic.
fn internal_error() -> DeError {
    DeError::new(LoadError::InvalidValue {
        message: "internal error: a value was read before its key".to_owned(),
        location: unlocated(),
    })
}

impl<'de> de::MapAccess<'de> for MapAccess<'_, '_> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, DeError> {
        let Some(entry) = self.entries.get(self.index) else { return Ok(None) };
        self.index += 1;
        self.pending = Some(entry);
        seed.deserialize(IntoDeserializer::<DeError>::into_deserializer(&*entry.key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let Some(entry) = self.pending.take() else { return Err(internal_error()) };
        let path = Path { parent: Some(self.path), segment: Segment::Key(&entry.key) };
        seed.deserialize(NodeDeserializer { node: &entry.value, path: &path, item_depth: self.item_depth })
    }
}

#[cfg(test)]
mod tests {
    use crate::Plan;

    #[test]
    fn numbers_that_are_not_finite_in_extension_data_are_refused_where_they_are() {
        let yaml = "workplan: 1\nid: p\ntitle: P\nperiod: {start: 2020-01-01, end: 2020-12-31}\nx-s: [1, .nan]\n";
        let error = Plan::from_yaml_str(yaml).expect_err("NaN");
        assert_eq!(error.code(), "invalid_value");
        assert_eq!(error.path().to_string(), "/x-s/1");
        assert_eq!((error.line(), error.column()), (Some(5), Some(10)));
        let json = r#"{"workplan": 1, "id": "p", "title": "P", "period": {"start": "2020-01-01", "end": "2020-12-31"},
            "items": [{"id": "a", "title": "A", "x-a": {"b": -1e400}}]}"#;
        let error = Plan::from_json_str(json).expect_err("infinite");
        assert_eq!(error.path().to_string(), "/items/0/x-a/b");
        assert_eq!((error.line(), error.column()), (Some(2), Some(62)));
        // Finite numbers, however large, are kept.
        let json = json.replace("-1e400", "-1e300");
        assert!(Plan::from_json_str(&json).is_ok());
    }
}
