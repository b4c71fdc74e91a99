//! Any plan that loads rolls up without a panic at any date with any settings, progress stays in
//! 0..1, and applying its returns one by one gives the batch result.
#![no_main]
use libfuzzer_sys::fuzz_target;
use workplan::{rollup, Date, Missing, Plan, RollupEngine, RollupOptions, Settings, StatusPolicy, Updates, Weighting};

fuzz_target!(|data: &[u8]| {
    let Some((&knobs, text)) = data.split_first() else { return };
    let Ok(plan) = Plan::from_bytes(text, None) else { return };
    let settings = Settings {
        weighting: Some([Weighting::Weight, Weighting::Equal, Weighting::Leaves][usize::from(knobs % 3)]),
        missing: Some(if knobs & 4 == 0 { Missing::Zero } else { Missing::Exclude }),
        status: Some(if knobs & 8 == 0 { StatusPolicy::Derived } else { StatusPolicy::Worst }),
        ..Settings::default()
    };
    let as_of = Date::from_ymd(2019 + i32::from(knobs >> 5), 1 + u32::from(knobs % 12), 1 + u32::from(knobs % 28));
    let options = RollupOptions { as_of, known_at: None, settings: Some(settings) };
    let result = rollup(&plan, &Updates::default(), &options);
    for row in &result.rows {
        for value in [row.progress, row.expected, row.coverage].into_iter().flatten() {
            assert!((0.0..=1.0).contains(&value), "{} = {value}", row.id);
        }
    }
    let mut bare = plan.clone();
    let returns = std::mem::take(&mut bare.updates);
    let mut engine = RollupEngine::new(&bare, &Updates::default(), &options);
    for update in returns {
        let _ = engine.apply(update);
    }
    assert_eq!(engine.rollup(), result);
});
