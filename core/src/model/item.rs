//! Items: the nodes of a plan's tree (areas, priorities, outputs, pledges).

use std::fmt;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, SeqAccess, Visitor};
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{no_extensions, Date, Extensions, Measure};

/// One node of the plan's tree. Its level is its depth.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(remote = "Self")]
#[serde(deny_unknown_fields)]
#[schemars(extend("patternProperties" = {"^x-": {}}))]
pub struct Item {
    /// The item's id, a slug unique in the plan and stable across versions.
    pub id: String,
    /// The numbering as printed: `1`, `a`, `iii`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The item's title (for an output, its whole text).
    pub title: String,
    /// What success looks like.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    /// Who is responsible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Ids of the plan's themes this item is tagged with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
    /// First day of work; the parent's, else the plan period's, when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    /// Due date; the parent's, else the plan period's, when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    /// Weight among siblings, `>= 0`; 1 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::number::optional")]
    #[schemars(with = "Option<f64>")]
    pub weight: Option<f64>,
    /// `active` (when absent), `deferred` or `cancelled`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<ItemState>,
    /// A numeric target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<Measure>,
    /// The members that deliver this item (a pledge); inherited by descendants that do not set
    /// their own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<Members>,
    /// With `members`: whether only members who adopted the item count; inherited like `members`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adoption: Option<Adoption>,
    /// Links to items this one delivers, supports or relates to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// The items below this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "items_read")]
    pub children: Vec<Item>,
    /// `x-` keys, kept verbatim.
    #[serde(rename = "x-extensions", default, skip_serializing_if = "no_extensions")]
    #[schemars(skip)]
    pub extensions: Extensions,
}

impl Item {
    /// The weight in force (1 when absent).
    pub fn weight(&self) -> f64 {
        self.weight.unwrap_or(1.0)
    }

    /// The state in force (`active` when absent).
    pub fn state(&self) -> ItemState {
        self.state.unwrap_or(ItemState::Active)
    }

    /// Whether the item has no children.
    pub fn is_leaf(&self) -> bool {
        self.children.is_empty()
    }
}

/// Whether an item is being worked on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ItemState {
    /// In the plan and counted.
    Active,
    /// Put off: left out of every denominator.
    Deferred,
    /// Dropped: left out of every denominator.
    Cancelled,
}

/// Whether members must adopt an item before they count for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Adoption {
    /// Every member in scope counts.
    Assumed,
    /// Only members whose latest adoption event says adopted count.
    Required,
}

/// The members that deliver an item: `all`, or a list of member ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Members {
    /// Every member of the plan.
    All,
    /// These members (by id).
    Only(Vec<String>),
}

impl Serialize for Members {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Members::All => serializer.serialize_str("all"),
            Members::Only(ids) => {
                let mut seq = serializer.serialize_seq(Some(ids.len()))?;
                for id in ids {
                    seq.serialize_element(id)?;
                }
                seq.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Members {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MembersVisitor;
        impl<'de> Visitor<'de> for MembersVisitor {
            type Value = Members;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("`all` or a list of member ids")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Members, E> {
                if v == "all" {
                    Ok(Members::All)
                } else {
                    Err(E::invalid_value(de::Unexpected::Str(v), &self))
                }
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Members, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element::<String>()? {
                    ids.push(id);
                }
                Ok(Members::Only(ids))
            }
        }
        deserializer.deserialize_any(MembersVisitor)
    }
}

impl JsonSchema for Members {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Members".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "`all`, or a list of member ids.",
            "oneOf": [
                { "const": "all" },
                { "type": "array", "items": { "type": "string" } }
            ]
        })
    }
}

/// A reference from an item to another item, in this plan or another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(remote = "Self")]
#[serde(deny_unknown_fields)]
#[schemars(extend("patternProperties" = {"^x-": {}}))]
pub struct Link {
    /// `item-id` in the same plan, or `plan-id:item-id`.
    pub to: String,
    /// How the items relate; `relates` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel: Option<LinkRel>,
    /// `x-` keys, kept verbatim.
    #[serde(rename = "x-extensions", default, skip_serializing_if = "no_extensions")]
    #[schemars(skip)]
    pub extensions: Extensions,
}

impl Link {
    /// The plan id and item id the link points to; the plan id is `None` for a link inside the
    /// same plan.
    pub fn target(&self) -> (Option<&str>, &str) {
        match self.to.split_once(':') {
            Some((plan, item)) => (Some(plan), item),
            None => (None, self.to.as_str()),
        }
    }

    /// The relation in force (`relates` when absent).
    pub fn rel(&self) -> LinkRel {
        self.rel.unwrap_or(LinkRel::Relates)
    }
}

/// How one item relates to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LinkRel {
    /// Doing this item delivers the target.
    Delivers,
    /// This item contributes to the target.
    Supports,
    /// The items are related.
    Relates,
}

super::flat::flat_extensions!(Item, Link);

/// Reads a list of items into a `Vec` of their number: a list read from a document has no
/// length ahead, so its `Vec` grew by doubling and kept up to half again of room it never uses
/// (an item is 392 bytes; BENCHMARKS.md, "Memory").
pub(crate) fn items_read<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<Item>, D::Error> {
    let mut items = Vec::<Item>::deserialize(deserializer)?;
    items.shrink_to_fit();
    Ok(items)
}

#[cfg(test)]
mod tests {
    #[test]
    fn lists_of_items_read_from_a_document_take_no_more_room_than_their_items() {
        let children: Vec<String> = (0..5).map(|i| format!(r#"{{"id": "c{i}", "title": "C"}}"#)).collect();
        let items: Vec<String> = (0..5)
            .map(|i| format!(r#"{{"id": "i{i}", "title": "I", "children": [{}]}}"#, children.join(", ")))
            .collect();
        let json = format!(
            r#"{{"workplan": 1, "id": "p", "title": "P", "period": {{"start": "2020-04-01", "end": "2021-03-31"}},
                "items": [{}]}}"#,
            items.join(", ")
        );
        for plan in [crate::Plan::from_json_str(&json), crate::io::located_from_json(&json)] {
            let plan = plan.expect("a plan");
            assert_eq!((plan.items.len(), plan.items.capacity()), (5, 5));
            assert!(
                plan.items.iter().all(|item| item.children.capacity() == 5),
                "{:?}",
                plan.items[0].children.capacity()
            );
        }
    }
}
