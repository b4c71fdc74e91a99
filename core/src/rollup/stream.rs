//! A rollup whose rows are made as they are written (docs/rollup.md#the-result): the numbers of
//! every node are computed, and each row is made from them when it is asked for, so that writing
//! the result of a large plan does not hold every row at once.

use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

use super::engine::{RollupEngine, RollupOptions};
use super::row::{Rollup, Row};
use crate::model::{Plan, Updates};

/// The result of a rollup, its rows made one at a time: serializes as [`Rollup`] does (the same
/// JSON, key for key), and [`rows`](Self::rows) gives the rows one by one. For writing the
/// result of a large plan straight to a file (`workplan report` in JSON and CSV); peak memory is
/// then the engine's numbers, not those and every row.
///
/// ```
/// use workplan::{Date, Plan, RollupOptions, RollupStream, Update, Updates};
/// # let plan = Plan::from_yaml_str("workplan: 1\nid: p\ntitle: P\nperiod: {start: 2020-04-01, end: 2021-03-31}\nitems: [{id: a, title: A, children: [{id: a.1, title: A1}, {id: a.2, title: A2}]}]\n")?;
/// let date: Date = "2020-09-30".parse()?;
/// let updates: Updates = [Update::percent("a.1", date, 50.0)].into_iter().collect();
/// let options = RollupOptions { as_of: Some(date), ..RollupOptions::default() };
/// let rollup = workplan::rollup(&plan, &updates, &options);
/// let stream = RollupStream::from_owned(plan, updates, &options);
/// assert_eq!(serde_json::to_string(&stream)?, serde_json::to_string(&rollup)?);
/// assert_eq!(stream.rows().map(|row| row.progress).collect::<Vec<_>>(), [Some(0.25), Some(0.5), None]);
/// assert_eq!(stream.into_rollup(), rollup);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct RollupStream {
    engine: RollupEngine,
}

impl RollupStream {
    /// The rollup of a plan and returns it consumes, as
    /// [`RollupEngine::from_owned`] builds it, with no row made yet.
    pub fn from_owned(plan: Plan, updates: Updates, options: &RollupOptions) -> RollupStream {
        RollupStream { engine: RollupEngine::from_owned_numbers(plan, updates, options) }
    }

    /// The rollup of the plan at `path` and `updates`, read as [`RollupEngine::load`] reads
    /// it (a JSON plan as a stream, its returns compactly), with no row made yet.
    #[cfg(not(target_family = "wasm"))]
    pub fn load(
        path: impl AsRef<std::path::Path>,
        updates: Updates,
        options: &RollupOptions,
    ) -> Result<RollupStream, crate::LoadError> {
        Ok(RollupStream { engine: RollupEngine::load_numbers(path.as_ref(), updates, options)? })
    }

    /// The rows, in document order, each made when it is reached.
    pub fn rows(&self) -> impl Iterator<Item = Row> + '_ {
        (0..self.engine.row_count()).map(|n| self.engine.row(n))
    }

    /// The whole result at once, every row made.
    pub fn into_rollup(self) -> Rollup {
        self.engine.result(self.rows().collect())
    }
}

impl Serialize for RollupStream {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // The fields of `Rollup`, in its order; the adoption matrix and the audit are made
        // whole, as `into_rollup` makes them.
        let Rollup { plan, as_of, adoption, excluded, .. } = self.engine.result(Vec::new());
        let mut rollup = serializer.serialize_struct("Rollup", 5)?;
        rollup.serialize_field("plan", &plan)?;
        rollup.serialize_field("as_of", &as_of)?;
        rollup.serialize_field("rows", &Rows(self))?;
        rollup.serialize_field("adoption", &adoption)?;
        rollup.serialize_field("excluded", &excluded)?;
        rollup.end()
    }
}

/// The rows of a stream, serialized as a list, each made as it is written.
struct Rows<'s>(&'s RollupStream);

impl Serialize for Rows<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut rows = serializer.serialize_seq(Some(self.0.engine.row_count()))?;
        for row in self.0.rows() {
            rows.serialize_element(&row)?;
        }
        rows.end()
    }
}
