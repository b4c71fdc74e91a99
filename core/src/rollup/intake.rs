//! What a return brings to the rollup, and a plan's own returns kept compactly for it
//! (docs/rollup.md#which-returns-count).
//!
//! The rollup reads of a return its item and member, its dates, its status, percent and value,
//! whether it is an adoption event and whether it carries a note: not the note's text, not its
//! `x-` keys. [`RollupEngine::load`](super::RollupEngine::load) reads a plan's own returns
//! straight into [`CompactReturns`] (item and member ids as indexes into lists of the distinct
//! ids, the rest as [`Fields`]: 64 bytes a return, against an [`Update`]'s 152 and its item id
//! on the heap), so that the returns of a large plan are never held as `Update`s.

#[cfg(not(target_family = "wasm"))]
use std::{cell::RefCell, collections::HashMap, fmt};

use serde::de::{Deserialize, Deserializer};
#[cfg(not(target_family = "wasm"))]
use serde::de::{SeqAccess, Visitor};

use crate::model::{Date, Timestamp, Update, UpdateStatus};

/// The fields of a return that the rollup reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Fields {
    pub date: Date,
    /// When it was entered (the start of `date` when the return does not say).
    pub recorded: Timestamp,
    pub status: Option<UpdateStatus>,
    pub percent: Option<f64>,
    pub value: Option<f64>,
    pub adopted: Option<bool>,
    /// Whether it carries a note (a return of a note alone is still the latest return).
    pub note: bool,
}

impl Fields {
    /// The fields of `update`.
    pub fn of(update: &Update) -> Fields {
        Fields {
            date: update.date,
            recorded: update.recorded(),
            status: update.status,
            percent: update.percent,
            value: update.value,
            adopted: update.adopted,
            note: update.note.is_some(),
        }
    }

    /// Whether the return passes the filters of a rollup at `as_of`, with what was known at
    /// `known_at`.
    pub fn counts(&self, as_of: Date, known_at: Option<Timestamp>) -> bool {
        self.date <= as_of && known_at.is_none_or(|k| self.recorded <= k)
    }
}

/// One return, compactly: its item and member as indexes into [`CompactReturns`]' lists.
#[cfg(not(target_family = "wasm"))]
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct CompactReturn {
    pub item: u32,
    /// [`NO_MEMBER`] for a return without a member.
    pub member: u32,
    pub fields: Fields,
}

/// The member index of a return without a member.
#[cfg(not(target_family = "wasm"))]
pub(crate) const NO_MEMBER: u32 = u32::MAX;

/// A list of returns in input order, compactly.
#[cfg(not(target_family = "wasm"))]
#[derive(Debug, Default)]
pub(crate) struct CompactReturns {
    /// The distinct item ids, in the order first named.
    pub items: Vec<String>,
    /// The distinct member ids, in the order first named.
    pub members: Vec<String>,
    pub returns: Vec<CompactReturn>,
    /// Id -> index into `items` and into `members`. Keyed by text from the document, so hashed
    /// with the standard library's seeded hasher.
    item_index: HashMap<String, u32>,
    member_index: HashMap<String, u32>,
}

#[cfg(not(target_family = "wasm"))]
impl CompactReturns {
    /// Adds `update` at the end. Returns come grouped by item, so the last item named is
    /// checked before the index.
    fn push(&mut self, update: &Update) -> Result<(), &'static str> {
        let item = match self.returns.last() {
            Some(last) if self.items[last.item as usize] == update.item => last.item,
            _ => intern(&mut self.items, &mut self.item_index, &update.item)?,
        };
        let member = match &update.member {
            None => NO_MEMBER,
            Some(member) => intern(&mut self.members, &mut self.member_index, member)?,
        };
        self.returns.push(CompactReturn { item, member, fields: Fields::of(update) });
        Ok(())
    }

    /// How many returns there are.
    pub fn len(&self) -> usize {
        self.returns.len()
    }
}

/// The index of `id` in `list`, added if new. More distinct ids than a `u32` counts (never
/// in a document that fits in memory) is an error.
#[cfg(not(target_family = "wasm"))]
fn intern(list: &mut Vec<String>, index: &mut HashMap<String, u32>, id: &str) -> Result<u32, &'static str> {
    if let Some(&n) = index.get(id) {
        return Ok(n);
    }
    let n =
        u32::try_from(list.len()).ok().filter(|&n| n != NO_MEMBER).ok_or("more distinct ids than can be counted")?;
    list.push(id.to_owned());
    index.insert(id.to_owned(), n);
    Ok(n)
}

#[cfg(not(target_family = "wasm"))]
thread_local! {
    /// Where [`plan_updates`] puts a plan's returns while [`read_compactly`] reads a plan.
    static SINK: RefCell<Option<CompactReturns>> = const { RefCell::new(None) };
}

/// Runs `read` (which reads one plan) with the plan's `updates` read into [`CompactReturns`]
/// rather than into the plan: its `updates` come out empty and the returns with it. Each
/// reading of an `updates` list replaces what an earlier one left.
#[cfg(not(target_family = "wasm"))]
pub(crate) fn read_compactly<T>(read: impl FnOnce() -> T) -> (T, CompactReturns) {
    /// Leaves the sink empty however `read` ends.
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            SINK.with_borrow_mut(|sink| *sink = None);
        }
    }
    SINK.with_borrow_mut(|sink| *sink = Some(CompactReturns::default()));
    let reset = Reset;
    let value = read();
    let returns = SINK.with_borrow_mut(Option::take).unwrap_or_default();
    drop(reset);
    (value, returns)
}

/// Reads a plan's `updates`: into the plan, or, inside `read_compactly` (not in the wasm, which
/// reads no files), into the sink (the plan's list then comes out empty). Errors are those of
/// reading a `Vec<Update>`.
pub(crate) fn plan_updates<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Update>, D::Error> {
    #[cfg(not(target_family = "wasm"))]
    if SINK.with_borrow(Option::is_some) {
        return deserializer.deserialize_seq(Compactly);
    }
    Vec::<Update>::deserialize(deserializer)
}

/// Reads a list of returns into a [`CompactReturns`], put in the sink when the list ends.
#[cfg(not(target_family = "wasm"))]
struct Compactly;

#[cfg(not(target_family = "wasm"))]
impl<'de> Visitor<'de> for Compactly {
    type Value = Vec<Update>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Update>, A::Error> {
        let mut returns = CompactReturns::default();
        while let Some(update) = seq.next_element::<Update>()? {
            returns.push(&update).map_err(serde::de::Error::custom)?;
        }
        SINK.with_borrow_mut(|sink| *sink = Some(returns));
        Ok(Vec::new())
    }
}
