//! Positions of findings are right or absent: a plan changed in code after loading never reports
//! a finding at another value's line and column (`docs/api.md#positions`).

use workplan::{Item, Plan, Updates};

const PLAN: &str = "workplan: 1
id: p
title: P
period: {start: 2020-04-01, end: 2021-03-31}
items:
  - id: a
    title: A
    due: 2021-06-30
  - id: b
    title: B
";

/// The findings as (code, path, line, column).
fn findings(plan: &Plan, updates: Option<&Updates>) -> Vec<(String, String, Option<usize>, Option<usize>)> {
    let report = match updates {
        Some(updates) => plan.validate_with(updates),
        None => plan.validate(),
    };
    report.diagnostics.iter().map(|d| (d.code.to_string(), d.path.to_string(), d.line, d.column)).collect()
}

#[test]
fn a_loaded_plan_reports_positions() {
    let plan = Plan::from_yaml_str(PLAN).expect("loads");
    let due = findings(&plan, None).into_iter().find(|f| f.1 == "/items/0/due").expect("due after the period");
    assert_eq!((due.2, due.3), (Some(8), Some(10)));
}

#[test]
fn an_item_inserted_in_code_drops_positions_instead_of_pointing_elsewhere() {
    let mut plan = Plan::from_yaml_str(PLAN).expect("loads");
    plan.items.insert(0, Item::new("c", "C"));
    let found = findings(&plan, None);
    let due = found.iter().find(|f| f.1 == "/items/1/due").expect("the finding moved with its item");
    assert_eq!((due.2, due.3), (None, None), "{found:?}");
    assert!(found.iter().all(|f| f.2.is_none() && f.3.is_none()), "{found:?}");
}

#[test]
fn items_swapped_in_code_drop_positions() {
    let mut plan = Plan::from_yaml_str(PLAN).expect("loads");
    plan.items.swap(0, 1);
    assert!(findings(&plan, None).iter().all(|f| f.2.is_none()), "{:?}", findings(&plan, None));
}

#[test]
fn a_value_changed_in_place_keeps_its_position() {
    let mut plan = Plan::from_yaml_str(PLAN).expect("loads");
    plan.items[0].title = "A, renamed".to_owned();
    let due = findings(&plan, None).into_iter().find(|f| f.1 == "/items/0/due").expect("due");
    assert_eq!((due.2, due.3), (Some(8), Some(10)));
}

#[test]
fn returns_reordered_in_code_drop_their_positions() {
    let plan = Plan::from_yaml_str(PLAN).expect("loads");
    let csv = "item,date,percent\na,2020-06-30,40\nnope,2020-07-31,50\n";
    let updates = Updates::from_csv(csv).expect("loads");
    let unknown = findings(&plan, Some(&updates)).into_iter().find(|f| f.1 == "/1/item").expect("unknown item");
    assert_eq!(unknown.2, Some(3));
    let mut reordered = Updates::from_csv(csv).expect("loads");
    reordered.updates.swap(0, 1);
    let unknown = findings(&plan, Some(&reordered)).into_iter().find(|f| f.1 == "/0/item").expect("unknown item");
    assert_eq!((unknown.2, unknown.3), (None, None));
}
