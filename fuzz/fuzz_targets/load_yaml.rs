//! Any bytes as a YAML plan: a plan or a located error, never a panic; a plan saves and loads back.
#![no_main]
use libfuzzer_sys::fuzz_target;
use workplan::{Format, Plan};

fuzz_target!(|data: &[u8]| {
    if let Ok(plan) = Plan::from_bytes(data, Some(Format::Yaml)) {
        let _ = Plan::from_yaml_str(&plan.to_yaml_string());
    }
});
