//! Building a plan in code, as another crate would: the builder gives the plan the document
//! gives, and the plan round-trips through `serde_json` in the documented format.

use workplan::{Date, Item, Measure, Member, Members, Plan, Update, Updates};

fn date(text: &str) -> Date {
    text.parse().expect("a date")
}

const DOCUMENT: &str = r#"
workplan: 1
id: pledges
title: Pledges to Londoners
period: {start: 2019-04-01, end: 2022-03-31}
members:
  - {id: camden, name: Camden}
  - {id: hackney, name: Hackney}
items:
  - id: environment
    label: "1"
    title: Environment
    children:
      - id: environment.1
        label: a
        title: Install electric vehicle charging points
        due: 2021-03-31
        weight: 2
        members: all
        measure: {unit: charging points, target: 1000}
        x-source: page 4
      - id: environment.2
        label: b
        title: Plant trees
        members: [camden]
updates:
  - {item: environment.1, date: 2020-03-31, member: camden, value: 120}
"#;

#[test]
fn the_builder_gives_the_plan_the_document_gives() {
    let built = Plan::new("pledges", "Pledges to Londoners", date("2019-04-01"), date("2022-03-31"))
        .member(Member::new("camden", "Camden"))
        .member(Member::new("hackney", "Hackney"))
        .child(
            Item::new("environment", "Environment").label("1").children([
                Item::new("environment.1", "Install electric vehicle charging points")
                    .label("a")
                    .due(date("2021-03-31"))
                    .with_weight(2.0)
                    .members(Members::All)
                    .measure(Measure::new("charging points", 1000.0))
                    .extension("x-source", "page 4".into()),
                Item::new("environment.2", "Plant trees").label("b").members(Members::only(["camden"])),
            ]),
        )
        .update(Update::value("environment.1", date("2020-03-31"), 120.0).member("camden"));
    let loaded = Plan::from_yaml_str(DOCUMENT).expect("loads");
    assert_eq!(built, loaded);
    assert_eq!(built.to_json_string(), loaded.to_json_string());

    let json = serde_json::to_string(&built).expect("serializes");
    let again: Plan = serde_json::from_str(&json).expect("deserializes");
    assert_eq!(again, built);
    assert!(json.contains(r#""x-source":"page 4""#), "{json}");
}

#[test]
fn items_change_in_place_and_returns_collect() {
    let mut plan = Plan::from_yaml_str(DOCUMENT).expect("loads");
    plan.item_mut("environment.2").expect("found").due = Some(date("2020-12-31"));
    assert_eq!(plan.item("environment.2").and_then(|item| item.due), Some(date("2020-12-31")));
    assert!(plan.item_mut("nope").is_none());

    let updates: Updates = ["camden", "hackney"]
        .into_iter()
        .map(|member| Update::percent("environment.2", date("2020-06-30"), 50.0).member(member))
        .collect();
    let mut all = Updates::new();
    all.extend(updates.clone());
    all.push(Update::adoption("environment.1", date("2019-06-01"), true).member("hackney"));
    assert_eq!(all.len(), 3);
    assert_eq!((&all).into_iter().filter(|u| u.percent.is_some()).count(), 2);
    assert_eq!(all.into_iter().last().and_then(|u| u.adopted), Some(true));
}
