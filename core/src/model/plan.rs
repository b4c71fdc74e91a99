//! The plan: the document's top level, with its period, levels, themes and members.

use std::fmt;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, Unexpected, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{no_extensions, Date, Event, Extensions, Item, Settings, Update};
use crate::document::Source;

/// What a document that is not of format version 1 is told it should be.
pub(crate) const FORMAT_VERSION_EXPECTED: &str = "format version 1";

/// A plan: a business plan, a set of pledges, a portfolio: a tree of items with the bodies that
/// deliver them, their progress returns and their governance history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(remote = "Self")]
#[serde(deny_unknown_fields)]
#[schemars(extend("patternProperties" = {"^x-": {}}))]
pub struct Plan {
    /// The format version; always `1`.
    pub workplan: FormatVersion,
    /// The plan's id, a slug (`[a-z0-9][a-z0-9._-]*`), stable across versions of the plan.
    pub id: String,
    /// The plan's title.
    pub title: String,
    /// The organisation whose plan it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// The period the plan covers.
    pub period: Period,
    /// Where the plan is in its approval path; `draft` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<PlanStatus>,
    /// The hierarchy, top-down; `area`, `objective`, `output` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub levels: Option<Vec<Level>>,
    /// Cross-cutting tags that items refer to by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<Theme>,
    /// Bodies that adopt and report (e.g. the London boroughs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Member>,
    /// Rollup policy (docs/rollup.md#settings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Settings>,
    /// The top level of the tree.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "super::item::items_read")]
    pub items: Vec<Item>,
    /// Progress returns carried in the plan itself (they may also come from a separate file).
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "crate::rollup::plan_updates")]
    #[schemars(with = "Vec<Update>")]
    pub updates: Vec<Update>,
    /// Governance history: drafted, discussed, approved, reviewed...
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
    /// `x-` keys, kept verbatim.
    #[serde(rename = "x-extensions", default, skip_serializing_if = "no_extensions")]
    #[schemars(skip)]
    pub extensions: Extensions,
    /// The text the plan was read from (set by the loaders), so that findings can give a line
    /// and column. Not part of the document; ignored by `==`.
    #[serde(skip)]
    #[schemars(skip)]
    pub(crate) source: Source,
}

impl Plan {
    /// The text the plan was read from, while the plan is as read (else no text: a finding
    /// about a plan changed in code has a path but no line or column).
    pub(crate) fn located_source(&self) -> &Source {
        self.source.if_shape(|| super::shape::plan_shape(self))
    }

    /// Lets go of the text the plan was read from, which it keeps so that findings can give a
    /// line and column (about the size of the file). Later findings have their path only. For a
    /// large plan whose findings are known and whose rollup is all that is left to do: `workplan
    /// report` does this before it rolls up.
    ///
    /// ```
    /// # let mut plan = workplan::Plan::from_yaml_str("workplan: 1\nid: p\ntitle: P\nperiod: {start: 2020-04-01, end: 2021-03-31}\nitems: [{id: a, title: A, due: 2022-01-01}]\n")?;
    /// assert_eq!(plan.validate().diagnostics[0].line, Some(5));
    /// plan.forget_text();
    /// assert_eq!(plan.validate().diagnostics[0].line, None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn forget_text(&mut self) {
        self.source = Source::default();
    }

    /// The levels in force: the declared ones, or `area`, `objective`, `output`.
    pub fn levels(&self) -> Vec<Level> {
        match &self.levels {
            Some(levels) => levels.clone(),
            None => ["area", "objective", "output"]
                .into_iter()
                .map(|id| Level { id: id.to_owned(), name: None, extensions: Extensions::new() })
                .collect(),
        }
    }

    /// The status in force (`draft` when absent).
    pub fn status(&self) -> PlanStatus {
        self.status.unwrap_or(PlanStatus::Draft)
    }

    /// Every item in document order (depth-first, parents before children), with its depth
    /// (0 for the top level).
    pub fn items_in_order(&self) -> Vec<(usize, &Item)> {
        let mut out = Vec::new();
        let mut stack: Vec<(usize, &Item)> = self.items.iter().rev().map(|item| (0, item)).collect();
        while let Some((depth, item)) = stack.pop() {
            out.push((depth, item));
            stack.extend(item.children.iter().rev().map(|child| (depth + 1, child)));
        }
        out
    }

    /// The item with this id, searching the whole tree.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items_in_order().into_iter().map(|(_, item)| item).find(|item| item.id == id)
    }

    /// The item with this id, searching the whole tree, to change in place.
    ///
    /// ```
    /// # use workplan::{Date, Item, Plan};
    /// # let date = |text: &str| text.parse::<Date>().expect("a date");
    /// let mut plan = Plan::new("p", "P", date("2020-04-01"), date("2021-03-31"))
    ///     .child(Item::new("a", "A").child(Item::new("a.1", "A one")));
    /// if let Some(item) = plan.item_mut("a.1") {
    ///     item.due = Some(date("2020-12-31"));
    /// }
    /// assert_eq!(plan.item("a.1").and_then(|item| item.due), Some(date("2020-12-31")));
    /// ```
    pub fn item_mut(&mut self, id: &str) -> Option<&mut Item> {
        let mut stack: Vec<&mut Item> = self.items.iter_mut().rev().collect();
        while let Some(item) = stack.pop() {
            if item.id == id {
                return Some(item);
            }
            stack.extend(item.children.iter_mut().rev());
        }
        None
    }
}

/// The format version number. Only `1` exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FormatVersion;

impl Serialize for FormatVersion {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u32(1)
    }
}

impl<'de> Deserialize<'de> for FormatVersion {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct VersionVisitor;
        impl Visitor<'_> for VersionVisitor {
            type Value = FormatVersion;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(FORMAT_VERSION_EXPECTED)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<FormatVersion, E> {
                if v == 1 {
                    Ok(FormatVersion)
                } else {
                    Err(E::invalid_value(Unexpected::Signed(v), &self))
                }
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<FormatVersion, E> {
                if v == 1 {
                    Ok(FormatVersion)
                } else {
                    Err(E::invalid_value(Unexpected::Unsigned(v), &self))
                }
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<FormatVersion, E> {
                Err(E::invalid_value(Unexpected::Float(v), &self))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<FormatVersion, E> {
                Err(E::invalid_value(Unexpected::Str(v), &self))
            }
        }
        deserializer.deserialize_any(VersionVisitor)
    }
}

impl JsonSchema for FormatVersion {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FormatVersion".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "const": 1, "description": "The format version; always 1." })
    }
}

/// The period a plan covers, both ends included.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(remote = "Self")]
#[serde(deny_unknown_fields)]
#[schemars(extend("patternProperties" = {"^x-": {}}))]
pub struct Period {
    /// First day.
    pub start: Date,
    /// Last day.
    pub end: Date,
    /// `x-` keys, kept verbatim.
    #[serde(rename = "x-extensions", default, skip_serializing_if = "no_extensions")]
    #[schemars(skip)]
    pub extensions: Extensions,
}

/// Where a plan is in its approval path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PlanStatus {
    /// Being written.
    Draft,
    /// Out for comment.
    Consultation,
    /// Approved by the body that owns it.
    Approved,
    /// No longer in force.
    Archived,
}

/// A level of the hierarchy (e.g. portfolio, priority, output).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(remote = "Self")]
#[serde(deny_unknown_fields)]
#[schemars(extend("patternProperties" = {"^x-": {}}))]
pub struct Level {
    /// The level's id, e.g. `priority`.
    pub id: String,
    /// The level's name as printed, e.g. `Priority`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `x-` keys, kept verbatim.
    #[serde(rename = "x-extensions", default, skip_serializing_if = "no_extensions")]
    #[schemars(skip)]
    pub extensions: Extensions,
}

/// A cross-cutting theme that items are tagged with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(remote = "Self")]
#[serde(deny_unknown_fields)]
#[schemars(extend("patternProperties" = {"^x-": {}}))]
pub struct Theme {
    /// The theme's id.
    pub id: String,
    /// The theme's title.
    pub title: String,
    /// What the theme covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `x-` keys, kept verbatim.
    #[serde(rename = "x-extensions", default, skip_serializing_if = "no_extensions")]
    #[schemars(skip)]
    pub extensions: Extensions,
}

/// A body that adopts items and reports progress on them (e.g. a London borough).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(remote = "Self")]
#[serde(deny_unknown_fields)]
#[schemars(extend("patternProperties" = {"^x-": {}}))]
pub struct Member {
    /// The member's id; `all` is reserved.
    pub id: String,
    /// The member's name.
    pub name: String,
    /// `x-` keys, kept verbatim.
    #[serde(rename = "x-extensions", default, skip_serializing_if = "no_extensions")]
    #[schemars(skip)]
    pub extensions: Extensions,
}

super::flat::flat_extensions!(Plan, Period, Level, Theme, Member);
