//! A function that panics inside the binding, compiled only with the `panic-probe` feature (off by
//! default, and off in the npm package; `scripts/build-wasm --probe` builds a separate test build
//! with it). It shows what a Rust panic does in JS: an `Error`, after which the module is
//! re-instantiated by the test build's loader.

use wasm_bindgen::prelude::*;

/// Panics with `message` in Rust. For tests only.
#[wasm_bindgen(js_name = panicProbe)]
pub fn panic_probe(message: &str) {
    panic!("{message}")
}
