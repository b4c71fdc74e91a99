//! Any plan that loads validates without a panic, and every finding has a known code.
#![no_main]
use libfuzzer_sys::fuzz_target;
use workplan::{Plan, CODES};

fuzz_target!(|data: &[u8]| {
    if let Ok(plan) = Plan::from_bytes(data, None) {
        for finding in plan.validate().diagnostics {
            assert!(CODES.iter().any(|c| c.code == finding.code), "unknown code {}", finding.code);
        }
    }
});
