//! Any bytes as a JSON plan: a plan or a located error, never a panic; a plan saves and loads back.
//! The fast path (serde_json straight into the model) and the located path agree: when the
//! located path fails, so does the load, and when it succeeds, the load reads the same plan.
#![no_main]
use libfuzzer_sys::fuzz_target;
use workplan::{Format, Plan};

fuzz_target!(|data: &[u8]| {
    let loaded = Plan::from_bytes(data, Some(Format::Json));
    if let Ok(text) = std::str::from_utf8(data) {
        let located: Result<Plan, _> = workplan::io::located_from_json(text);
        match (&loaded, &located) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a, b, "the two paths read different plans");
                assert_eq!(a.to_json_string(), b.to_json_string(), "the two plans save differently");
            }
            (Err(_), Err(_)) => {}
            _ => panic!("the fast path and the located path disagree on whether the plan loads"),
        }
    }
    if let Ok(plan) = loaded {
        let _ = Plan::from_json_str(&plan.to_json_string());
        let _ = Plan::from_yaml_str(&plan.to_yaml_string());
    }
});
