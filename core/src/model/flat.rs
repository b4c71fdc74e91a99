//! How `x-` keys sit in a document: flat, beside the object's own keys (`docs/format.md#extensions`).
//!
//! Each model struct keeps its `x-` keys in one field, `extensions`, which the derived serde code
//! knows under the synthetic key [`EXTENSIONS_KEY`]. The public `Serialize` and `Deserialize` of
//! the model types wrap the derived code in two adapters, so that every serde format reads and
//! writes the documented form:
//!
//! - [`Gather`] (reading) hands the struct every key but the `x-` keys, which it reads into the
//!   struct's `extensions` itself (as they come: no second copy of the data);
//! - [`Spread`] (writing) writes the struct as a map whose `x-` keys follow its own keys, in key
//!   order, in place of the [`EXTENSIONS_KEY`] field.
//!
//! So `serde_json::to_string(&plan)` writes what [`Plan::to_json_string`](crate::Plan::to_json_string)
//! writes (without its indentation), and `serde_json::from_str::<Plan>` reads any plan that
//! [`Plan::from_json_str`](crate::Plan::from_json_str) reads, `x-` keys included (without the
//! line and column of an error).

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{self, Impossible, Serialize, SerializeMap, SerializeStruct, Serializer};

use super::Extensions;

/// The key under which a model struct's derived serde code holds its `x-` keys.
pub(crate) const EXTENSIONS_KEY: &str = "x-extensions";

/// Implements `Serialize` and `Deserialize` for model structs derived with
/// `#[serde(remote = "Self")]`: the derived functions, wrapped in [`Spread`] and [`Gather`].
macro_rules! flat_extensions {
    ($($model:ty),* $(,)?) => {$(
        impl serde::Serialize for $model {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                <$model>::serialize(self, $crate::model::flat::Spread(serializer))
            }
        }

        impl<'de> serde::Deserialize<'de> for $model {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let mut extensions = $crate::model::Extensions::new();
                let gather = $crate::model::flat::Gather { deserializer, extensions: &mut extensions };
                let mut value = <$model>::deserialize(gather)?;
                value.extensions = extensions;
                Ok(value)
            }
        }
    )*};
}
pub(crate) use flat_extensions;

// --- reading -------------------------------------------------------------------------------

/// A deserializer that reads the `x-` keys of the struct it reads into `extensions` (which the
/// caller then puts in the struct's `extensions` field) and hands the struct every other key.
pub(crate) struct Gather<'x, D> {
    pub(crate) deserializer: D,
    pub(crate) extensions: &'x mut Extensions,
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Gather<'_, D> {
    type Error = D::Error;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.deserializer.deserialize_struct(name, fields, GatherVisitor { visitor, extensions: self.extensions })
    }

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.deserializer.deserialize_any(visitor)
    }

    fn is_human_readable(&self) -> bool {
        self.deserializer.is_human_readable()
    }

    // The derived code of a struct asks only for a struct.
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

/// The struct's visitor, handed a map that gathers `x-` keys.
struct GatherVisitor<'x, V> {
    visitor: V,
    extensions: &'x mut Extensions,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for GatherVisitor<'_, V> {
    type Value = V::Value;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        self.visitor.expecting(formatter)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_map(GatherMap { map, extensions: self.extensions })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_seq(seq)
    }
}

/// The entries of an object without its `x-` keys, which are read into `extensions` as they come.
struct GatherMap<'x, A> {
    map: A,
    extensions: &'x mut Extensions,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for GatherMap<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        // The work is in `next_own_key`, which is not generic over the struct: one copy per format.
        match self.next_own_key()? {
            None => Ok(None),
            Some(Cow::Borrowed(key)) => seed.deserialize(BorrowedStrDeserializer::new(key)).map(Some),
            Some(Cow::Owned(key)) => seed.deserialize(StrDeserializer::new(&key)).map(Some),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> GatherMap<'_, A> {
    /// The next key that is the struct's own, reading the `x-` keys before it into `extensions`.
    fn next_own_key(&mut self) -> Result<Option<Cow<'de, str>>, A::Error> {
        loop {
            let Some(KeyText(key)) = self.map.next_key::<KeyText<'de>>()? else { return Ok(None) };
            if !key.starts_with("x-") {
                return Ok(Some(key));
            }
            let text = self.map.next_value_seed(ExtensionText)?;
            let key = key.into_owned();
            if self.extensions.contains_key(&key) {
                return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
            }
            self.extensions.insert_text(key, text);
        }
    }
}

/// An `x-` key's value, read as compact JSON text ([`super::extension_text`]).
struct ExtensionText;

impl<'de> DeserializeSeed<'de> for ExtensionText {
    type Value = Box<str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Box<str>, D::Error> {
        super::extension_text::read(deserializer)
    }
}

/// A key as text, borrowed from the input where the format allows.
pub(super) struct KeyText<'de>(pub(super) Cow<'de, str>);

impl<'de> de::Deserialize<'de> for KeyText<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyTextVisitor(PhantomData))
    }
}

struct KeyTextVisitor<'de>(PhantomData<&'de ()>);

impl<'de> Visitor<'de> for KeyTextVisitor<'de> {
    type Value = KeyText<'de>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a key")
    }

    fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<KeyText<'de>, E> {
        Ok(KeyText(Cow::Borrowed(key)))
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<KeyText<'de>, E> {
        Ok(KeyText(Cow::Owned(key.to_owned())))
    }

    fn visit_string<E: de::Error>(self, key: String) -> Result<KeyText<'de>, E> {
        Ok(KeyText(Cow::Owned(key)))
    }
}

// --- writing -------------------------------------------------------------------------------

/// A serializer that writes the struct it is given as a map, its [`EXTENSIONS_KEY`] field
/// spread into `x-` keys.
pub(crate) struct Spread<S>(pub(crate) S);

/// The error of a serializer asked for something other than a struct (the derived code of a
/// model struct never does).
fn not_a_struct<E: ser::Error>() -> E {
    E::custom("a model struct serializes as a struct")
}

/// The scalar methods of a serializer that only takes one kind of value: each answers with
/// `$refusal()`.
macro_rules! refuse {
    ($ok:ty, $error:ty, $refusal:ident) => {
        refuse! { @each $ok, $error, $refusal;
            serialize_bool(bool), serialize_i8(i8), serialize_i16(i16), serialize_i32(i32), serialize_i64(i64),
            serialize_u8(u8), serialize_u16(u16), serialize_u32(u32), serialize_u64(u64), serialize_f32(f32),
            serialize_f64(f64), serialize_char(char), serialize_str(&str), serialize_bytes(&[u8]),
            serialize_none(), serialize_unit(), serialize_unit_struct(&'static str),
            serialize_unit_variant(&'static str, u32, &'static str),
        }
    };
    (@each $ok:ty, $error:ty, $refusal:ident; $($method:ident($($ty:ty),*)),* $(,)?) => {$(
        fn $method(self, $(_: $ty),*) -> Result<$ok, $error> {
            Err($refusal())
        }
    )*};
}

impl<S: Serializer> Serializer for Spread<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = Impossible<S::Ok, S::Error>;
    type SerializeTuple = Impossible<S::Ok, S::Error>;
    type SerializeTupleStruct = Impossible<S::Ok, S::Error>;
    type SerializeTupleVariant = Impossible<S::Ok, S::Error>;
    type SerializeMap = Impossible<S::Ok, S::Error>;
    type SerializeStruct = SpreadStruct<S::SerializeMap>;
    type SerializeStructVariant = Impossible<S::Ok, S::Error>;

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct, S::Error> {
        // The length is not known before the extensions are counted.
        self.0.serialize_map(None).map(SpreadStruct)
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }

    refuse!(S::Ok, S::Error, not_a_struct);

    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<S::Ok, S::Error> {
        Err(not_a_struct())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, _: &T) -> Result<S::Ok, S::Error> {
        Err(not_a_struct())
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<S::Ok, S::Error> {
        Err(not_a_struct())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
        Err(not_a_struct())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, S::Error> {
        Err(not_a_struct())
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, S::Error> {
        Err(not_a_struct())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, S::Error> {
        Err(not_a_struct())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
        Err(not_a_struct())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, S::Error> {
        Err(not_a_struct())
    }
}

/// A struct written as a map; its extensions field becomes entries of the map.
pub(crate) struct SpreadStruct<M>(M);

impl<M: SerializeMap> SerializeStruct for SpreadStruct<M> {
    type Ok = M::Ok;
    type Error = M::Error;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), M::Error> {
        if key == EXTENSIONS_KEY {
            value.serialize(Entries(&mut self.0))
        } else {
            self.0.serialize_entry(key, value)
        }
    }

    fn end(self) -> Result<M::Ok, M::Error> {
        self.0.end()
    }
}

/// A serializer for the extensions map that writes its entries into the enclosing map.
struct Entries<'a, M>(&'a mut M);

impl<'a, M: SerializeMap> Serializer for Entries<'a, M> {
    type Ok = ();
    type Error = M::Error;
    type SerializeSeq = Impossible<(), M::Error>;
    type SerializeTuple = Impossible<(), M::Error>;
    type SerializeTupleStruct = Impossible<(), M::Error>;
    type SerializeTupleVariant = Impossible<(), M::Error>;
    type SerializeMap = Self;
    type SerializeStruct = Impossible<(), M::Error>;
    type SerializeStructVariant = Impossible<(), M::Error>;

    fn serialize_map(self, _: Option<usize>) -> Result<Self, M::Error> {
        Ok(self)
    }

    refuse!((), M::Error, not_a_map);

    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<(), M::Error> {
        Err(not_a_map())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, _: &T) -> Result<(), M::Error> {
        Err(not_a_map())
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), M::Error> {
        Err(not_a_map())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, M::Error> {
        Err(not_a_map())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, M::Error> {
        Err(not_a_map())
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, M::Error> {
        Err(not_a_map())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, M::Error> {
        Err(not_a_map())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, M::Error> {
        Err(not_a_map())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, M::Error> {
        Err(not_a_map())
    }
}

/// The error of the extensions serializer asked for something other than a map.
fn not_a_map<E: ser::Error>() -> E {
    E::custom("extension data serializes as a map")
}

impl<M: SerializeMap> SerializeMap for Entries<'_, M> {
    type Ok = ();
    type Error = M::Error;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), M::Error> {
        self.0.serialize_key(key)
    }

    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), M::Error> {
        self.0.serialize_value(value)
    }

    fn end(self) -> Result<(), M::Error> {
        Ok(())
    }
}
