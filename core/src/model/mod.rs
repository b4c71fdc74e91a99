//! The typed plan model of the `workplan: 1` document format (docs/format.md).
//!
//! Every struct keeps the document's optional fields as `Option`s, so that saving writes back
//! what was read; methods such as [`Item::weight`] give the value in force with its default.
//! Keys starting with `x-` are kept in each struct's `extensions`, verbatim.

mod build;
mod date;
mod event;
mod extension_text;
mod extension_value;
mod extensions;
pub(crate) mod flat;
mod item;
mod measure;
pub(crate) mod number;
mod outline;
mod plan;
mod settings;
pub(crate) mod shape;
mod update;
mod words;

pub use date::{Date, DateError, Timestamp};
pub use event::{Event, EventAction};
pub use extensions::{Extensions, ExtensionsIntoIter, ExtensionsIter};
pub use item::{Adoption, Item, ItemState, Link, LinkRel, Members};
pub use measure::{Aggregate, Measure, Milestone};
pub(crate) use outline::path_of;
pub use outline::{Outline, OutlineItem};
pub(crate) use plan::FORMAT_VERSION_EXPECTED;
pub use plan::{FormatVersion, Level, Member, Period, Plan, PlanStatus, Theme};
pub use settings::{Bands, Missing, Settings, StatusPolicy, Weighting};
pub use update::{Update, UpdateStatus, Updates};

/// Whether an [`Extensions`] map is empty (for `skip_serializing_if`).
pub(crate) fn no_extensions(extensions: &Extensions) -> bool {
    extensions.is_empty()
}
