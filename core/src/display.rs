//! Numbers as people read them, shared by explanations and reports.

/// A fraction as a percentage, as every face writes it (the CLI, the papers, Python's
/// `workplan.format_percent` and Jupyter tables, JS `formatPercent` and the widget, which puts the
/// same digits in its locale): `62.5%`, `100%`, `-` for none.
///
/// The rule: `value * 100` (in `f64`) rounded to one decimal as Rust's `{:.1}` rounds it (to the
/// nearest; an exact tie to even: 0.3125 is `31.2%`), without a `.0`; a value that rounds to zero
/// is `0%`, never `-0%`. The cases every face is tested with: tests/display/percent.json.
///
/// ```
/// use workplan::display::percent;
/// assert_eq!(percent(Some(0.625)), "62.5%");
/// assert_eq!(percent(Some(0.5)), "50%");
/// assert_eq!(percent(Some(0.9996)), "100%");
/// assert_eq!(percent(Some(-0.0001)), "0%");
/// assert_eq!(percent(None), "-");
/// ```
pub fn percent(value: Option<f64>) -> String {
    match value {
        None => "-".to_owned(),
        Some(v) => {
            let p = v * 100.0;
            if (p - p.round()).abs() < 0.05 {
                // `+ 0.0` writes a negative zero as `0`.
                format!("{}%", p.round() + 0.0)
            } else {
                format!("{p:.1}%")
            }
        }
    }
}

/// The months in English, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date in words, as a committee paper writes it: `31 December 2020`. (Written out rather than
/// with chrono's `format`, whose strftime machinery adds 10 KB gzipped to the wasm.)
pub fn date_in_words(date: crate::model::Date) -> String {
    use chrono::Datelike;
    let day = date.naive();
    format!("{} {} {}", day.day(), MONTHS[day.month0() as usize % 12], day.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{rollup, Plan, RollupOptions, Updates};

    /// The percentages every face must write (tests/display/percent.json, replayed by the Python
    /// and JS tests too).
    #[test]
    fn percentages_as_every_face_writes_them() {
        let cases: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/display/percent.json")).unwrap_or_else(|e| panic!("{e}"));
        let cases = cases["cases"].as_array().unwrap_or_else(|| panic!("a list of cases"));
        assert!(cases.len() > 20);
        for case in cases {
            let value = case[0].as_f64();
            assert!(value.is_some() || case[0].is_null(), "{case}");
            assert_eq!(percent(value), case[1].as_str().unwrap_or_else(|| panic!("{case}")), "{case}");
        }
    }

    #[test]
    fn coverage_in_words_for_members_parents_and_leaves() {
        let plan = Plan::from_yaml_str(
            "workplan: 1\nid: p\ntitle: P\nperiod: {start: 2020-04-01, end: 2021-03-31}\n\
             members: [{id: a, name: A}, {id: b, name: B}, {id: c, name: C}, {id: d, name: D}]\n\
             items:\n  - id: top\n    title: Top\n    children:\n\
             \x20     - {id: with, title: With}\n      - {id: status, title: Status only}\n\
             \x20     - {id: none, title: None}\n      - {id: shared, title: Shared, members: all}\n\
             \x20 - {id: gone, title: Gone, state: cancelled}\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let updates = Updates::from_csv(
            "item,date,member,percent,status\nwith,2020-06-30,,50,\nstatus,2020-06-30,,,at_risk\nshared,2020-06-30,a,20,\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let result = rollup(&plan, &updates, &RollupOptions::default());
        let words = |id: &str| result.row(id).unwrap_or_else(|| panic!("{id}")).coverage_words();
        assert_eq!(words("with"), "return in");
        assert_eq!(words("status"), "status only");
        assert_eq!(words("none"), "no return");
        assert_eq!(words("shared"), "1 of 4 members");
        // Two of four leaves have data, but the member item's is a quarter in: (1 + 0 + 0 + 0.25) / 4 = 31.25%, which the
        // library writes with ties to even.
        assert_eq!(words("top"), "2 of 4 items, 31.2% of the data");
        assert_eq!(words("gone"), "left out");
        let top = result.row("top").unwrap_or_else(|| panic!("top"));
        assert_eq!((top.leaves, top.leaves_with_data, top.low_coverage), (4, 2, true));
        assert!(!result.row("with").is_some_and(|r| r.low_coverage));
        assert_eq!(
            date_in_words(crate::Date::from_ymd(2020, 12, 31).unwrap_or_else(|| panic!("date"))),
            "31 December 2020"
        );
    }
}
