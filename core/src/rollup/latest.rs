//! Which update counts (docs/rollup.md#which-returns-count): for each (item, member), field by
//! field, the latest update by (date, recorded, position in input) among those dated on or before `as_of` and recorded on
//! or before `known_at`.

use super::intake::Fields;
use crate::model::{Date, Timestamp, UpdateStatus};

/// The order of updates: date, then when recorded, then position in the input.
pub(crate) type Key = (Date, Timestamp, usize);

/// One field's latest value and the update it came from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Field<T> {
    pub value: T,
    pub key: Key,
}

/// The latest of each field for one (item, member).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Latest {
    pub status: Option<Field<UpdateStatus>>,
    pub percent: Option<Field<f64>>,
    pub value: Option<Field<f64>>,
    /// The latest update of any kind (progress, or a note).
    pub any: Option<Key>,
}

fn newer<T: Copy>(slot: &mut Option<Field<T>>, value: Option<T>, key: Key) {
    if let Some(value) = value {
        if slot.is_none_or(|f| key > f.key) {
            *slot = Some(Field { value, key });
        }
    }
}

impl Latest {
    /// Takes an update into account (one already known to pass the date filters). A percent or
    /// value that is not a finite number (NaN or infinite: validation reports it as
    /// `non_finite`) is not a number to count, so the update counts as not carrying it.
    pub fn add(&mut self, update: &Fields, key: Key) {
        newer(&mut self.status, update.status, key);
        newer(&mut self.percent, update.percent.filter(|p| p.is_finite()), key);
        newer(&mut self.value, update.value.filter(|v| v.is_finite()), key);
        if self.any.is_none_or(|k| key > k) {
            self.any = Some(key);
        }
    }

    /// The date of the latest update of any kind.
    pub fn last_date(&self) -> Option<Date> {
        self.any.map(|k| k.0)
    }
}

/// The latest adoption event for one (item, member).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Adoption {
    pub adopted: bool,
    pub key: Key,
}
