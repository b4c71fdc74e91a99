//! Properties of the rollup (docs/rollup.md) on random plans and returns.

use proptest::prelude::*;
use serde_json::{json, Value};
use workplan::{rollup, rollup_series, Plan, RollupEngine, RollupOptions, Settings, Update, Updates};

/// A small deterministic random source.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
}

/// A random plan of up to `size` items (three levels, weights, some cancelled or deferred, some
/// measures, member items with `adoption: required`) and random returns.
fn case(seed: u64, size: usize, returns: usize) -> (Value, Vec<Value>) {
    let mut dice = Dice(seed);
    let mut items: Vec<(usize, Value)> = Vec::new(); // (depth, item without children)
    let mut parents: Vec<Option<usize>> = Vec::new();
    for i in 0..size {
        let parent = if i == 0 || dice.roll(4) == 0 {
            None
        } else {
            let p = dice.roll(i as u64) as usize;
            (items[p].0 < 2).then_some(p)
        };
        let depth = parent.map_or(0, |p| items[p].0 + 1);
        let weight = [0.5, 1.0, 2.0, 3.0][dice.roll(4) as usize];
        let mut item = json!({"id": format!("i{i}"), "title": format!("Item {i}"), "weight": weight});
        match dice.roll(12) {
            0 => item["state"] = json!("cancelled"),
            1 => item["state"] = json!("deferred"),
            _ => {}
        }
        match dice.roll(6) {
            0 => item["measure"] = json!({"unit": "u", "baseline": 10, "target": 110}),
            1 => {
                item["measure"] =
                    json!({"unit": "u", "target": 50, "milestones": [{"date": "2021-03-01", "target": 20}]})
            }
            _ => {}
        }
        if depth == 0 && dice.roll(3) == 0 {
            item["members"] = json!("all");
            item["adoption"] = json!(if dice.roll(2) == 0 { "required" } else { "assumed" });
        }
        items.push((depth, item));
        parents.push(parent);
    }
    // Nest children under their parents, last first so indexes stay valid.
    let mut nodes: Vec<Option<Value>> = items.into_iter().map(|(_, item)| Some(item)).collect();
    for i in (0..nodes.len()).rev() {
        if let Some(p) = parents[i] {
            let child = nodes[i].take().expect("each node is moved once");
            let parent = nodes[p].as_mut().expect("parents come first");
            let children = parent.as_object_mut().expect("object").entry("children").or_insert_with(|| json!([]));
            children.as_array_mut().expect("array").insert(0, child);
        }
    }
    let top: Vec<Value> = nodes.into_iter().flatten().collect();
    let plan = json!({
        "workplan": 1, "id": "random", "title": "Random",
        "period": {"start": "2021-01-01", "end": "2021-12-31"},
        "members": [{"id": "m0", "name": "M0"}, {"id": "m1", "name": "M1"}, {"id": "m2", "name": "M2"}],
        "items": top,
    });
    let mut updates = Vec::new();
    for r in 0..returns {
        let item = format!("i{}", dice.roll(size as u64));
        let date = format!("2021-{:02}-{:02}", 1 + dice.roll(12), 1 + dice.roll(28));
        let mut update =
            json!({"item": item, "date": date, "recorded": format!("{date}T{:02}:{:02}:00Z", dice.roll(24), r % 60)});
        if dice.roll(2) == 0 {
            update["member"] = json!(format!("m{}", dice.roll(3)));
        }
        match dice.roll(6) {
            0 => {
                let status = ["not_started", "on_track", "at_risk", "off_track", "done"][dice.roll(5) as usize];
                update["status"] = json!(status);
            }
            1 | 2 => update["percent"] = json!(dice.roll(101)),
            3 => update["value"] = json!(dice.roll(130)),
            4 => update["adopted"] = json!(dice.roll(3) != 0),
            _ => {
                update["percent"] = json!(dice.roll(101));
                update["status"] = json!("on_track");
            }
        }
        updates.push(update);
    }
    (plan, updates)
}

fn load(plan: &Value, updates: &[Value]) -> (Plan, Updates) {
    let plan = Plan::from_json_value(plan.clone()).expect("random plan loads");
    let updates = Updates::from_json_value(Value::Array(updates.to_vec())).expect("random returns load");
    (plan, updates)
}

fn options(as_of: &str) -> RollupOptions {
    RollupOptions { as_of: Some(as_of.parse().expect("date")), ..RollupOptions::default() }
}

const AS_OF: [&str; 3] = ["2021-02-15", "2021-07-01", "2021-12-31"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn progress_and_expected_stay_within_0_and_1(seed in any::<u64>(), size in 1usize..25, returns in 0usize..60, d in 0usize..3) {
        let (plan, updates) = case(seed, size, returns);
        let (plan, updates) = load(&plan, &updates);
        for row in rollup(&plan, &updates, &options(AS_OF[d])).rows {
            for value in [row.progress, row.expected, row.coverage].into_iter().flatten() {
                prop_assert!((0.0..=1.0).contains(&value), "{} = {value}", row.id);
            }
        }
    }

    #[test]
    fn a_series_equals_a_rollup_at_each_date(
        seed in any::<u64>(), size in 1usize..25, returns in 0usize..60,
        days in proptest::collection::vec(0i64..500, 0..8), trend_days in 0u32..200, known in 0i64..400, use_known in any::<bool>(),
    ) {
        let (plan, updates) = case(seed, size, returns);
        let (plan, updates) = load(&plan, &updates);
        let day = |n: i64| workplan::Date("2020-11-01".parse::<chrono::NaiveDate>().expect("date") + chrono::Duration::days(n));
        let dates: Vec<workplan::Date> = days.iter().map(|&n| day(n)).collect();
        let known_at = use_known.then(|| workplan::Timestamp::start_of(day(known)));
        let options = RollupOptions {
            known_at,
            settings: Some(Settings { trend_days: Some(trend_days), ..Settings::default() }),
            ..RollupOptions::default()
        };
        let series = rollup_series(&plan, &updates, &options, Some(&dates));
        let mut expected_dates = dates.clone();
        expected_dates.sort();
        expected_dates.dedup();
        prop_assert_eq!(series.dates(), expected_dates);
        for got in &series.rollups {
            let alone = rollup(&plan, &updates, &RollupOptions { as_of: Some(got.as_of), ..options.clone() });
            prop_assert_eq!(got, &alone);
        }
    }

    #[test]
    fn an_engine_from_owned_inputs_equals_batch(seed in any::<u64>(), size in 1usize..25, returns in 0usize..60, d in 0usize..3, split in 0usize..60) {
        // Some returns in the plan, the rest given apart: the plan's come first in both.
        let (plan, updates) = case(seed, size, returns);
        let (mut plan, updates) = load(&plan, &updates);
        let split = split.min(updates.len());
        plan.updates = updates[..split].to_vec();
        let updates = Updates::from(updates[split..].to_vec());
        let options = options(AS_OF[d]);
        let batch = rollup(&plan, &updates, &options);
        prop_assert_eq!(RollupEngine::from_owned(plan, updates, &options).into_rollup(), batch);
    }

    #[test]
    fn incremental_equals_batch(seed in any::<u64>(), size in 1usize..25, returns in 0usize..60, d in 0usize..3) {
        let (plan, updates) = case(seed, size, returns);
        let (plan, updates) = load(&plan, &updates);
        let options = options(AS_OF[d]);
        let mut engine = RollupEngine::new(&plan, &Updates::default(), &options);
        for update in updates.iter() {
            // A return the batch leaves out (validation reports it) is refused live, changing nothing.
            let _refused = engine.apply(update.clone()).err();
        }
        prop_assert_eq!(engine.rollup(), rollup(&plan, &updates, &options));
    }

    #[test]
    fn apply_reports_exactly_the_rows_and_cells_that_changed(seed in any::<u64>(), size in 1usize..25, returns in 0usize..60, d in 0usize..3) {
        let (plan, updates) = case(seed, size, returns);
        let (plan, updates) = load(&plan, &updates);
        let options = options(AS_OF[d]);
        let mut engine = RollupEngine::new(&plan, &Updates::default(), &options);
        for update in updates.iter() {
            let before = engine.rollup();
            let Ok(changes) = engine.apply_changes(update.clone()) else {
                prop_assert_eq!(engine.rollup(), before, "a refused return changes nothing");
                continue;
            };
            let after = engine.rollup();
            let rows: Vec<_> = after.rows.iter().zip(&before.rows).filter(|(a, b)| a != b).map(|(a, _)| a.clone()).collect();
            prop_assert_eq!(&changes.rows, &rows);
            let cells: Vec<_> = after.adoption.iter().zip(&before.adoption).filter(|(a, b)| a != b).map(|(a, _)| a.clone()).collect();
            prop_assert_eq!(&changes.cells, &cells);
            for cell in &changes.cells {
                let of_item = engine.cells(&cell.item);
                prop_assert!(of_item.contains(cell));
            }
        }
    }

    #[test]
    fn the_order_of_returns_with_distinct_dates_does_not_matter(seed in any::<u64>(), size in 1usize..25, returns in 0usize..60) {
        let (plan, updates) = case(seed, size, returns);
        let (plan, updates) = load(&plan, &updates);
        // Make (date, recorded) distinct: each return recorded at its own second.
        let mut distinct: Vec<Update> = updates.iter().cloned().collect();
        for (i, update) in distinct.iter_mut().enumerate() {
            update.recorded = Some(format!("{}T{:02}:{:02}:00Z", update.date, i / 60, i % 60).parse().expect("timestamp"));
        }
        let mut reversed = distinct.clone();
        reversed.reverse();
        let mut dice = Dice(seed ^ 0x9e37);
        let mut shuffled = distinct.clone();
        for i in (1..shuffled.len()).rev() {
            shuffled.swap(i, dice.roll(i as u64 + 1) as usize);
        }
        let opts = options("2021-12-31");
        let base = rollup(&plan, &Updates::from(distinct), &opts);
        prop_assert_eq!(&rollup(&plan, &Updates::from(reversed), &opts), &base);
        prop_assert_eq!(&rollup(&plan, &Updates::from(shuffled), &opts), &base);
    }

    #[test]
    fn scaling_every_weight_changes_nothing(seed in any::<u64>(), size in 1usize..25, returns in 0usize..60, d in 0usize..3) {
        let (plan_json, updates) = case(seed, size, returns);
        let scaled = scale_weights(plan_json.clone(), 4.0);
        let (plan, updates_loaded) = load(&plan_json, &updates);
        let (plan4, _) = load(&scaled, &updates);
        let a = rollup(&plan, &updates_loaded, &options(AS_OF[d]));
        let b = rollup(&plan4, &updates_loaded, &options(AS_OF[d]));
        for (x, y) in a.rows.iter().zip(&b.rows) {
            prop_assert_eq!((x.progress, x.expected, x.status), (y.progress, y.expected, y.status), "{}", x.id);
        }
    }

    #[test]
    fn excluding_an_item_equals_deleting_it(seed in any::<u64>(), size in 2usize..25, returns in 0usize..60, pick in any::<u64>()) {
        let (plan_json, updates) = case(seed, size, returns);
        let victim = format!("i{}", pick % size as u64);
        // Deleting an only child would turn its parent into a leaf, which excluding does not:
        // the property is about items that have a sibling.
        prop_assume!(has_sibling(&plan_json["items"], &victim));
        let cancelled = edit_item(plan_json.clone(), &victim, |item| { item["state"] = json!("cancelled"); true });
        let deleted = edit_item(plan_json, &victim, |_| false);
        let (a_plan, u) = load(&cancelled, &updates);
        let (b_plan, _) = load(&deleted, &updates);
        let a = rollup(&a_plan, &u, &options("2021-12-31"));
        let b = rollup(&b_plan, &u, &options("2021-12-31"));
        for row in &b.rows {
            let other = a.row(&row.id).expect("every kept item is in both");
            if !other.included { continue; }
            prop_assert_eq!(
                (row.progress, row.expected, row.status, row.leaves, row.status_counts, row.coverage),
                (other.progress, other.expected, other.status, other.leaves, other.status_counts, other.coverage),
                "{}", row.id
            );
        }
    }
}

#[test]
fn a_parent_with_one_included_child_equals_that_child() {
    for seed in 0..200u64 {
        let (plan_json, updates) = case(seed, 1, 20);
        let only = plan_json["items"][0].clone();
        let mut only = only.as_object().cloned().expect("object");
        only.remove("children");
        let mut child = Value::Object(only);
        child["id"] = json!("child");
        let wrapped = json!({
            "workplan": 1, "id": "wrapped", "title": "W",
            "period": plan_json["period"], "members": plan_json["members"],
            "items": [{"id": "parent", "title": "P", "weight": 3, "children": [child, {"id": "gone", "title": "G", "state": "cancelled"}]}],
        });
        let renamed: Vec<Value> = updates
            .iter()
            .map(|u| {
                let mut u = u.clone();
                u["item"] = json!("child");
                u
            })
            .collect();
        let (plan, u) = load(&wrapped, &renamed);
        let result = rollup(&plan, &u, &options("2021-07-01"));
        let (parent, child) = (result.row("parent").expect("parent"), result.row("child").expect("child"));
        if !child.included {
            continue;
        }
        let near = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-12,
            (a, b) => a == b,
        };
        assert!(near(parent.progress, child.progress), "seed {seed}: {:?} vs {:?}", parent.progress, child.progress);
        assert!(near(parent.expected, child.expected), "seed {seed}");
    }
}

fn scale_weights(mut value: Value, factor: f64) -> Value {
    fn walk(items: &mut Value, factor: f64) {
        if let Some(items) = items.as_array_mut() {
            for item in items {
                let weight = item["weight"].as_f64().unwrap_or(1.0);
                item["weight"] = json!(weight * factor);
                if let Some(children) = item.get_mut("children") {
                    walk(children, factor);
                }
            }
        }
    }
    walk(&mut value["items"], factor);
    value
}

/// Applies `edit` to the item `id`; when it returns false the item is removed.
fn edit_item(mut value: Value, id: &str, edit: impl Fn(&mut Value) -> bool + Copy) -> Value {
    fn walk(items: &mut Value, id: &str, edit: impl Fn(&mut Value) -> bool + Copy) {
        if let Some(list) = items.as_array_mut() {
            list.retain_mut(|item| if item["id"] == id { edit(item) } else { true });
            for item in list {
                if let Some(children) = item.get_mut("children") {
                    walk(children, id, edit);
                }
            }
        }
    }
    walk(&mut value["items"], id, edit);
    value
}

/// Whether the item `id` shares its parent (or the top level) with another item.
fn has_sibling(items: &Value, id: &str) -> bool {
    let Some(list) = items.as_array() else { return false };
    if list.iter().any(|item| item["id"] == id) {
        return list.len() > 1;
    }
    list.iter().any(|item| item.get("children").is_some_and(|children| has_sibling(children, id)))
}
