//! Live returns into the engine: a return that cannot count is refused with a typed error, and a
//! batch is checked whole before any of it is applied, so a refused batch changes nothing
//! (docs/rollup.md, "The incremental engine").

use std::collections::BTreeMap;

use super::engine::{Changes, RollupEngine};
use super::tree::Scope;
use crate::model::Update;

/// Why a return cannot be applied to a rollup engine. A batch rollup leaves such a return out of
/// every number (validation reports it: the finding named in each variant); applied live, it is
/// refused instead, so that it is not lost without a word. Its codes are part of the one table of
/// API error codes (docs/api.md, "Errors"): as an [`ApiError`](crate::ApiError) it is
/// [`ApiError::Refused`](crate::ApiError::Refused).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ApplyError {
    /// The return is for an item the plan does not have (finding `unknown_update_item`).
    #[error("the return is for `{item}`, which is not an item of the plan")]
    UnknownItem {
        /// The item the return names.
        item: String,
    },
    /// The return names a member the plan does not have (finding `unknown_member`).
    #[error("the return for `{item}` is from `{member}`, which is not a member of the plan")]
    UnknownMember {
        /// The item.
        item: String,
        /// The member the return names.
        member: String,
    },
    /// The return names a member for an item that is not delivered by members (finding
    /// `member_on_plain_item`).
    #[error("the return for `{item}` is from `{member}`, but `{item}` is not delivered by members")]
    MemberOnPlainItem {
        /// The item.
        item: String,
        /// The member the return names.
        member: String,
    },
    /// The return is from a member outside the item's members (finding `member_outside_scope`).
    #[error("the return for `{item}` is from `{member}`, which is not one of the members of `{item}`")]
    MemberOutsideScope {
        /// The item.
        item: String,
        /// The member the return names.
        member: String,
    },
    /// The return is for an item delivered by members but names none (finding `member_missing`),
    /// or it is an adoption event without a member.
    #[error(
        "the return for `{item}` names no member, but `{item}` is delivered by members: add the member that reports"
    )]
    MemberMissing {
        /// The item.
        item: String,
    },
}

impl ApplyError {
    /// The stable code: `unknown_item`, `unknown_member`, `member_on_plain_item`,
    /// `member_outside_scope` or `member_missing`.
    pub fn code(&self) -> &'static str {
        match self {
            ApplyError::UnknownItem { .. } => "unknown_item",
            ApplyError::UnknownMember { .. } => "unknown_member",
            ApplyError::MemberOnPlainItem { .. } => "member_on_plain_item",
            ApplyError::MemberOutsideScope { .. } => "member_outside_scope",
            ApplyError::MemberMissing { .. } => "member_missing",
        }
    }

    /// The item the refused return names.
    pub fn item(&self) -> &str {
        match self {
            ApplyError::UnknownItem { item }
            | ApplyError::UnknownMember { item, .. }
            | ApplyError::MemberOnPlainItem { item, .. }
            | ApplyError::MemberOutsideScope { item, .. }
            | ApplyError::MemberMissing { item } => item,
        }
    }

    /// The member the refused return names, if it names one.
    pub fn member(&self) -> Option<&str> {
        match self {
            ApplyError::UnknownMember { member, .. }
            | ApplyError::MemberOnPlainItem { member, .. }
            | ApplyError::MemberOutsideScope { member, .. } => Some(member),
            ApplyError::UnknownItem { .. } | ApplyError::MemberMissing { .. } => None,
        }
    }
}

/// A refused return of a batch: its index in the batch and why (as an
/// [`ApiError`](crate::ApiError), [`ApiError::Refused`](crate::ApiError::Refused) with the index).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("return {index} of the batch: {error}")]
pub struct BatchError {
    /// The 0-based index of the first return that cannot be applied.
    pub index: usize,
    /// Why it cannot.
    pub error: ApplyError,
}

impl RollupEngine {
    /// Whether `update` can be applied: `Err` says why not (see [`ApplyError`]).
    ///
    /// ```
    /// use workplan::{Plan, RollupEngine, RollupOptions, Updates};
    /// let plan = Plan::from_yaml_str("workplan: 1\nid: p\ntitle: P\nperiod: {start: 2020-04-01, end: 2021-03-31}\nitems:\n  - {id: a, title: A}\n").unwrap();
    /// let engine = RollupEngine::new(&plan, &Updates::default(), &RollupOptions::default());
    /// let update = serde_json::from_value(serde_json::json!({"item": "b", "date": "2020-06-30", "percent": 10})).unwrap();
    /// assert_eq!(engine.check(&update).unwrap_err().code(), "unknown_item");
    /// ```
    pub fn check(&self, update: &Update) -> Result<(), ApplyError> {
        let item = || update.item.to_string();
        let Some(n) = self.tree.node_of(&update.item) else {
            return Err(ApplyError::UnknownItem { item: item() });
        };
        let node = &self.tree.nodes[n];
        match &update.member {
            Some(member) => {
                let Some(&m) = self.tree.member_index.get(member.as_str()) else {
                    return Err(ApplyError::UnknownMember { item: item(), member: member.to_string() });
                };
                if node.scope.is_none() && !self.tree.subtree(n).into_iter().any(|d| self.tree.nodes[d].scope.is_some())
                {
                    return Err(ApplyError::MemberOnPlainItem { item: item(), member: member.to_string() });
                }
                if let Some(Scope::Only(scope)) = &node.scope {
                    if !scope.contains(&m) {
                        return Err(ApplyError::MemberOutsideScope { item: item(), member: member.to_string() });
                    }
                }
                Ok(())
            }
            None if node.scope.is_some() || update.adopted.is_some() => Err(ApplyError::MemberMissing { item: item() }),
            None => Ok(()),
        }
    }

    /// Applies several returns in order and returns everything they changed, each row and cell
    /// once (its final numbers), in document order. Every return is checked first: if one cannot
    /// be applied, none is, and the error says which.
    ///
    /// ```
    /// use workplan::{Date, RollupEngine, RollupOptions, Update, Updates};
    /// # let plan = workplan::Plan::from_yaml_str("workplan: 1\nid: p\ntitle: P\nperiod: {start: 2020-04-01, end: 2021-03-31}\nitems: [{id: a, title: A, children: [{id: a.1, title: A1}, {id: a.2, title: A2}]}]\n")?;
    /// let date: Date = "2020-09-30".parse()?;
    /// let mut engine = RollupEngine::new(&plan, &Updates::new(), &RollupOptions::default());
    /// let refused = engine
    ///     .apply_all(&[Update::percent("a.1", date, 40.0), Update::percent("nope", date, 10.0)])
    ///     .expect_err("the second is refused");
    /// assert_eq!(refused.index, 1);
    /// assert_eq!(engine.rollup().row("a.1").and_then(|row| row.progress), None, "nothing was applied");
    /// let changes = engine.apply_all(&[Update::percent("a.1", date, 40.0), Update::percent("a.2", date, 60.0)])?;
    /// assert_eq!(changes.rows.len(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply_all(&mut self, updates: &[Update]) -> Result<Changes, BatchError> {
        for (index, update) in updates.iter().enumerate() {
            self.check(update).map_err(|error| BatchError { index, error })?;
        }
        let mut rows = BTreeMap::new();
        let mut cells = BTreeMap::new();
        for update in updates {
            let changes = self.apply_checked(update);
            // Every row and cell is of a node and member of the tree.
            for row in changes.rows {
                if let Some(n) = self.tree.node_of(&row.id) {
                    rows.insert(n, row);
                }
            }
            for cell in changes.cells {
                if let (Some(n), Some(&m)) =
                    (self.tree.node_of(&cell.item), self.tree.member_index.get(cell.member.as_str()))
                {
                    cells.insert((n, m), cell);
                }
            }
        }
        Ok(Changes { rows: rows.into_values().collect(), cells: cells.into_values().collect() })
    }
}

#[cfg(test)]
mod tests {
    use crate::{Plan, RollupEngine, RollupOptions, Update, Updates};

    fn update(json: serde_json::Value) -> Update {
        serde_json::from_value(json).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_return_that_cannot_count_is_refused_and_a_batch_is_all_or_nothing() {
        let plan = Plan::from_yaml_str(
            "workplan: 1\nid: p\ntitle: P\nperiod: {start: 2020-04-01, end: 2021-03-31}\n\
             members: [{id: a, name: A}, {id: b, name: B}]\n\
             items:\n  - {id: plain, title: Plain}\n  - {id: only-a, title: Only A, members: [a]}\n\
             \x20 - {id: area, title: Area, members: all, children: [{id: leaf, title: Leaf}]}\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let mut engine = RollupEngine::new(&plan, &Updates::default(), &RollupOptions::default());
        let before = engine.rollup();
        let cases = [
            (serde_json::json!({"item": "nope", "date": "2020-06-30", "percent": 5}), "unknown_item"),
            (serde_json::json!({"item": "plain", "member": "z", "date": "2020-06-30", "percent": 5}), "unknown_member"),
            (
                serde_json::json!({"item": "plain", "member": "a", "date": "2020-06-30", "percent": 5}),
                "member_on_plain_item",
            ),
            (
                serde_json::json!({"item": "only-a", "member": "b", "date": "2020-06-30", "percent": 5}),
                "member_outside_scope",
            ),
            (serde_json::json!({"item": "leaf", "date": "2020-06-30", "percent": 5}), "member_missing"),
            (serde_json::json!({"item": "area", "date": "2020-06-30", "adopted": true}), "member_missing"),
        ];
        for (json, code) in cases {
            let error = engine.apply_changes(update(json.clone())).expect_err(code);
            assert_eq!((error.code(), error.item()), (code, json["item"].as_str().unwrap_or_default()));
        }
        // An adoption event on the area, from a member, is accepted (its leaves are member items).
        assert!(engine
            .check(&update(serde_json::json!({"item": "area", "member": "a", "date": "2020-06-30", "adopted": true})))
            .is_ok());
        let good = update(serde_json::json!({"item": "plain", "date": "2020-06-30", "percent": 40}));
        let bad = update(serde_json::json!({"item": "nope", "date": "2020-06-30", "percent": 5}));
        let error = engine.apply_all(&[good.clone(), bad]).expect_err("the second is refused");
        assert_eq!((error.index, error.error.code()), (1, "unknown_item"));
        assert_eq!(engine.rollup(), before, "a refused batch changes nothing");
        let later = update(serde_json::json!({"item": "plain", "date": "2020-07-31", "percent": 60}));
        let changes = engine.apply_all(&[good, later]).unwrap_or_else(|e| panic!("{e}"));
        let ids: Vec<&str> = changes.rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["plain"], "each changed row once");
        assert_eq!(changes.rows[0].progress, Some(0.6), "with its final numbers");
    }
}
