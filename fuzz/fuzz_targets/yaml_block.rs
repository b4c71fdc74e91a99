//! Any text: when the fast scanner for block-style YAML takes it, its events and their offsets
//! are exactly those of `saphyr-parser` (which reads every other YAML text).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Some(Err(difference)) = workplan::io::compare_yaml_scanners(text) {
            panic!("the block scanner differs from saphyr-parser: {difference}");
        }
    }
});
