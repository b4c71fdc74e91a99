//! Any bytes as a YAML plan: a plan or a located error, never a panic; a plan saves and loads back.
//! The fast path (the events straight into the model) and the located path agree: when the
//! located path fails, so does the load, and when it succeeds, the load reads the same plan.
#![no_main]
use libfuzzer_sys::fuzz_target;
use workplan::{Format, Plan};

fuzz_target!(|data: &[u8]| {
    let loaded = Plan::from_bytes(data, Some(Format::Yaml));
    if let Ok(text) = std::str::from_utf8(data) {
        let located: Result<Plan, _> = workplan::io::located_from_yaml(text);
        match (&loaded, &located) {
            // Saved and compared as text (a NaN is not equal to itself).
            (Ok(a), Ok(b)) => assert_eq!(a.to_json_string(), b.to_json_string(), "the two paths read different plans"),
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "the two paths give different errors"),
            _ => panic!("the fast path and the located path disagree on whether the plan loads"),
        }
    }
    if let Ok(plan) = loaded {
        let _ = Plan::from_yaml_str(&plan.to_yaml_string());
    }
});
