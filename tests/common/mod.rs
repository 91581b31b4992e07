//! Helpers shared by integration tests (`mod common;` in a test file).
//!
//! Cargo does not build files in subdirectories of `tests/` as test
//! targets, so this module is only compiled where a test includes it.

// Each test target uses a different subset of these helpers.
#![allow(dead_code)]

pub mod cases;
