//! The outline (`Plan::outline_rows`) as a record batch: one row per item in document order, the
//! fields of an [`OutlineRow`] in order.

use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch, UInt32Array};
use arrow_schema::{DataType, Field, FieldRef, SchemaRef};

use super::rows::STATES;
use super::{batch, category, counts, dates, flags, floats, labels, schema, texts, words};
use crate::model::{Adoption, Plan};
use crate::outline_table::{ItemKind, OutlineRow};

/// What kind of item a row is.
const KINDS: &[(ItemKind, &str)] =
    &[(ItemKind::Parent, "parent"), (ItemKind::Leaf, "leaf"), (ItemKind::MemberItem, "member_item")];

/// The adoption rules.
const ADOPTIONS: &[(Adoption, &str)] = &[(Adoption::Assumed, "assumed"), (Adoption::Required, "required")];

/// The element of the list columns (`themes`, `members`): ids, never null.
fn id_item() -> FieldRef {
    Arc::new(Field::new("item", DataType::Utf8, false))
}

/// The schema of [`Plan::outline_record_batch`]: the fields of [`OutlineRow`] in order. `level`,
/// `state`, `kind` and `adoption` are dictionaries; `themes` and `members` lists of text; `start`
/// and `due` `Date32`; `depth` `UInt32`; `children` and `links` `UInt64`.
pub fn outline_schema() -> SchemaRef {
    schema(vec![
        Field::new("id", DataType::Utf8, false),
        Field::new("parent", DataType::Utf8, true),
        Field::new("depth", DataType::UInt32, false),
        category("level", true, false),
        Field::new("label", DataType::Utf8, true),
        Field::new("number", DataType::Utf8, true),
        Field::new("pointer", DataType::Utf8, false),
        Field::new("title", DataType::Utf8, false),
        Field::new("outcome", DataType::Utf8, true),
        Field::new("owner", DataType::Utf8, true),
        Field::new("themes", DataType::List(id_item()), false),
        Field::new("start", DataType::Date32, false),
        Field::new("due", DataType::Date32, false),
        Field::new("weight", DataType::Float64, false),
        category("state", false, false),
        Field::new("included", DataType::Boolean, false),
        Field::new("excluded_by", DataType::Utf8, true),
        category("kind", false, false),
        Field::new("members", DataType::List(id_item()), true),
        category("adoption", true, false),
        Field::new("unit", DataType::Utf8, true),
        Field::new("baseline", DataType::Float64, true),
        Field::new("target", DataType::Float64, true),
        Field::new("children", DataType::UInt64, false),
        Field::new("links", DataType::UInt64, false),
    ])
}

/// A list-of-text column, a null where `lists` gives `None`.
fn lists<'a>(values: impl Iterator<Item = Option<&'a [String]>>) -> ArrayRef {
    let mut builder = ListBuilder::new(StringBuilder::new()).with_field(id_item());
    for value in values {
        match value {
            Some(list) => {
                for text in list {
                    builder.values().append_value(text);
                }
                builder.append(true);
            }
            None => builder.append(false),
        }
    }
    Arc::new(builder.finish())
}

impl Plan {
    /// The outline ([`outline_rows`](Plan::outline_rows)) as one record batch (schema:
    /// [`outline_schema`]): one row per item, in document order.
    pub fn outline_record_batch(&self) -> RecordBatch {
        let rows: Vec<OutlineRow> = self.outline_rows();
        let depth: UInt32Array = rows.iter().map(|r| Some(u32::try_from(r.depth).unwrap_or(u32::MAX))).collect();
        batch(
            outline_schema(),
            vec![
                texts(rows.iter().map(|r| Some(r.id.as_str()))),
                texts(rows.iter().map(|r| r.parent.as_deref())),
                Arc::new(depth),
                labels(rows.iter().map(|r| r.level.as_deref())),
                texts(rows.iter().map(|r| r.label.as_deref())),
                texts(rows.iter().map(|r| r.number.as_deref())),
                texts(rows.iter().map(|r| Some(r.pointer.as_str()))),
                texts(rows.iter().map(|r| Some(r.title.as_str()))),
                texts(rows.iter().map(|r| r.outcome.as_deref())),
                texts(rows.iter().map(|r| r.owner.as_deref())),
                lists(rows.iter().map(|r| Some(r.themes.as_slice()))),
                dates(rows.iter().map(|r| Some(r.start))),
                dates(rows.iter().map(|r| Some(r.due))),
                floats(rows.iter().map(|r| Some(r.weight))),
                words(rows.iter().map(|r| Some(r.state)), STATES),
                flags(rows.iter().map(|r| Some(r.included))),
                texts(rows.iter().map(|r| r.excluded_by.as_deref())),
                words(rows.iter().map(|r| Some(r.kind)), KINDS),
                lists(rows.iter().map(|r| r.members.as_deref())),
                words(rows.iter().map(|r| r.adoption), ADOPTIONS),
                texts(rows.iter().map(|r| r.unit.as_deref())),
                floats(rows.iter().map(|r| r.baseline)),
                floats(rows.iter().map(|r| r.target)),
                counts(rows.iter().map(|r| Some(r.children))),
                counts(rows.iter().map(|r| Some(r.links))),
            ],
        )
    }
}
