//! Any plan that loads validates without a panic, and every finding has its code's severity and
//! prints on one line.
#![no_main]
use libfuzzer_sys::fuzz_target;
use workplan::Plan;

fuzz_target!(|data: &[u8]| {
    if let Ok(plan) = Plan::from_bytes(data, None) {
        for finding in plan.validate().diagnostics {
            assert_eq!(finding.severity, finding.code.severity(), "{finding}");
            assert_eq!(finding.to_string().lines().count(), 1, "{finding}");
        }
    }
});
