//! Saving is lossless and deterministic (issue 9): on random plans (random items, nesting,
//! measures, unicode text and `x-` extension data of random JSON values), load -> save -> load is
//! the identity in JSON and in YAML, saving twice gives the same bytes, and saving what was loaded
//! from a save gives that save again, so plan files diff cleanly in version control.

use proptest::prelude::*;
use serde_json::{json, Map, Value};
use workplan::Plan;

/// Text of any kind: unicode, control characters, and words that YAML would read as something else.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => any::<String>(),
        2 => "[ -~]{0,12}",
        1 => prop::sample::select(vec![
            "", " ", "yes", "No", "on", "null", "~", "true", "1", "-1.5", "1e3", "0x1F", "1_000", "12:30", "2021-02-30",
            "- x", "? k", "a: b", "a #b", "#c", "&a", "*a", "!tag", "|", ">", "'q'", "\"q\"", "%", "@", "`",
            "line\nbreak", "tab\tx", " lead", "trail ", "\u{feff}bom", "\u{2028}", "é", "住宅", "🙂", "\r\n",
        ])
        .prop_map(str::to_owned),
    ]
}

/// A finite number.
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![any::<f64>().prop_filter("finite", |f| f.is_finite()), (-1000i32..1000).prop_map(f64::from), Just(-0.0)]
}

/// Any JSON value that extension data can hold: integers, finite numbers, text, lists, objects.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        number().prop_map(|f| json!(f)),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((text(), inner), 0..4)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

/// `x-` keys with random values.
fn extensions() -> impl Strategy<Value = Map<String, Value>> {
    prop::collection::vec((text().prop_map(|k| format!("x-{k}")), json_value()), 0..3)
        .prop_map(|entries| entries.into_iter().collect())
}

fn date() -> impl Strategy<Value = String> {
    (2019u32..2023, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}"))
}

fn measure() -> impl Strategy<Value = Value> {
    (
        text(),
        number(),
        number(),
        prop::option::of(0usize..4),
        prop::collection::vec((date(), number()), 0..3),
        extensions(),
    )
        .prop_map(|(unit, baseline, target, aggregate, milestones, x)| {
            let mut m = json!({"unit": unit, "baseline": baseline, "target": target});
            if let Some(a) = aggregate {
                let aggregate = ["sum", "mean", "min", "max"][a];
                m["aggregate"] = json!(aggregate);
            }
            if !milestones.is_empty() {
                m["milestones"] = json!(milestones
                    .into_iter()
                    .map(|(date, target)| json!({"date": date, "target": target}))
                    .collect::<Vec<_>>());
            }
            m.as_object_mut().expect("object").extend(x);
            m
        })
}

/// An item without children.
fn item() -> impl Strategy<Value = Value> {
    (
        "[a-z0-9][a-z0-9._-]{0,6}",
        (prop::option::of(text()), text(), prop::option::of(text()), prop::option::of(text())),
        (prop::option::of(date()), prop::option::of(number()), prop::option::of(0usize..3)),
        prop::option::of(measure()),
        prop::collection::vec(("[a-z]{1,3}(:[a-z]{1,3})?", 0usize..4), 0..2),
        extensions(),
    )
        .prop_map(|(id, (label, title, outcome, owner), (due, weight, state), measure, links, x)| {
            let mut item = json!({"id": id, "title": title});
            let fields = [("label", label), ("outcome", outcome), ("owner", owner), ("due", due)];
            for (key, value) in fields {
                if let Some(value) = value {
                    item[key] = json!(value);
                }
            }
            if let Some(weight) = weight {
                item["weight"] = json!(weight);
            }
            if let Some(state) = state {
                let state = ["active", "deferred", "cancelled"][state];
                item["state"] = json!(state);
            }
            if let Some(measure) = measure {
                item["measure"] = measure;
            }
            if !links.is_empty() {
                let links: Vec<Value> = links
                    .into_iter()
                    .map(|(to, rel)| match rel {
                        0 => json!({"to": to}),
                        r => {
                            let rel = ["delivers", "supports", "relates"][r - 1];
                            json!({"to": to, "rel": rel})
                        }
                    })
                    .collect();
                item["links"] = json!(links);
            }
            item.as_object_mut().expect("object").extend(x);
            item
        })
}

/// Items nested up to three deep.
fn items() -> impl Strategy<Value = Vec<Value>> {
    let leaf = prop::collection::vec(item(), 0..4);
    leaf.prop_recursive(3, 24, 3, |children| {
        prop::collection::vec((item(), children), 0..4).prop_map(|pairs| {
            pairs
                .into_iter()
                .map(|(mut item, children)| {
                    if !children.is_empty() {
                        item["children"] = json!(children);
                    }
                    item
                })
                .collect()
        })
    })
}

/// A plan document as plain JSON data.
fn plan() -> impl Strategy<Value = Value> {
    (text(), prop::option::of(text()), items(), extensions(), prop::collection::vec((text(), text()), 0..3)).prop_map(
        |(title, organisation, items, x, members)| {
            let mut plan = json!({
                "workplan": 1, "id": "random", "title": title,
                "period": {"start": "2021-01-01", "end": "2021-12-31"},
            });
            if let Some(organisation) = organisation {
                plan["organisation"] = json!(organisation);
            }
            if !members.is_empty() {
                let members: Vec<Value> = members
                    .into_iter()
                    .enumerate()
                    .map(|(i, (name, _))| json!({"id": format!("m{i}"), "name": name}))
                    .collect();
                plan["members"] = json!(members);
            }
            if !items.is_empty() {
                plan["items"] = json!(items);
            }
            plan.as_object_mut().expect("object").extend(x);
            plan
        },
    )
}

/// The document as a plan holds it: in extension data, a negative zero is the integer zero
/// (docs/format.md#reading); number fields keep `-0.0`, which compares equal to `0.0`.
fn as_loaded(document: &Value) -> Value {
    fn zero_is_zero(value: &Value) -> Value {
        match value {
            Value::Number(n) if n.as_f64().is_some_and(|f| f == 0.0 && f.is_sign_negative()) => json!(0),
            Value::Array(items) => Value::Array(items.iter().map(zero_is_zero).collect()),
            Value::Object(entries) => {
                Value::Object(entries.iter().map(|(k, v)| (k.clone(), zero_is_zero(v))).collect())
            }
            other => other.clone(),
        }
    }
    match document {
        Value::Array(items) => Value::Array(items.iter().map(as_loaded).collect()),
        Value::Object(entries) => Value::Object(
            entries
                .iter()
                .map(|(k, v)| (k.clone(), if k.starts_with("x-") { zero_is_zero(v) } else { as_loaded(v) }))
                .collect(),
        ),
        other => other.clone(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn json_round_trip_is_the_identity_and_saving_is_deterministic(document in plan()) {
        let plan = Plan::from_json_value(document.clone()).expect("a random plan loads");
        // Nothing is lost on the way in: the plan holds exactly the document, `x-` data included.
        prop_assert_eq!(plan.to_json_value(), as_loaded(&document));
        let saved = plan.to_json_string();
        let again = Plan::from_json_str(&saved).expect("the saved JSON loads");
        prop_assert_eq!(&again, &plan);
        prop_assert_eq!(plan.to_json_string(), saved.clone());
        prop_assert_eq!(again.to_json_string(), saved);
    }

    #[test]
    fn serde_json_writes_and_reads_the_documented_format(document in plan()) {
        let plan = Plan::from_json_value(document.clone()).expect("a random plan loads");
        // `x-` keys flat beside each object's own keys, in the order the saved document has them.
        let written = serde_json::to_string(&plan).expect("a plan serializes");
        prop_assert_eq!(written.clone(), serde_json::to_string(&plan.to_json_value()).expect("JSON"));
        let read: Plan = serde_json::from_str(&written).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&read, &plan);
        let read: Plan = serde_json::from_value(document).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&read, &plan);
    }

    #[test]
    fn yaml_round_trip_is_the_identity_and_saving_is_deterministic(document in plan()) {
        let plan = Plan::from_json_value(document).expect("a random plan loads");
        let saved = plan.to_yaml_string();
        let again = Plan::from_yaml_str(&saved)
            .map_err(|e| TestCaseError::fail(format!("the saved YAML does not load: {e}\n{saved}")))?;
        prop_assert_eq!(&again, &plan, "{}", saved);
        prop_assert_eq!(plan.to_yaml_string(), saved.clone());
        prop_assert_eq!(again.to_yaml_string(), saved);
        // And across formats: YAML's plan saves to the same JSON.
        prop_assert_eq!(again.to_json_string(), plan.to_json_string());
    }
}
