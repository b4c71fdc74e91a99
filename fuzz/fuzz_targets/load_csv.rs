//! Any bytes as CSV returns: returns or a located error, never a panic; they save and load back.
#![no_main]
use libfuzzer_sys::fuzz_target;
use workplan::{Format, Updates};

fuzz_target!(|data: &[u8]| {
    if let Ok(updates) = Updates::from_bytes(data, Some(Format::Csv)) {
        let _ = Updates::from_csv(&updates.to_csv_string());
    }
});
