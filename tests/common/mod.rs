//! Helpers shared by integration tests (`mod common;` in a test file).
//!
//! Cargo does not build files in subdirectories of `tests/` as test
//! targets, so this module is only compiled where a test includes it.

// Each test target uses a different subset of these helpers.
#![allow(dead_code)]

pub mod cases;

/// Whether a test that needs root (`unshare -n`) and these programs can
/// run here. If not: false (the test skips, with a notice), or a panic
/// when `CI=true`.
pub fn can_run(programs: &[&str]) -> bool {
    let why = if let Some(p) = programs.iter().find(|p| !std::path::Path::new(p).exists()) {
        format!("{p} is not installed")
    } else if !std::process::Command::new("unshare").args(["-n", "true"]).status().is_ok_and(|s| s.success()) {
        "`unshare -n` is not possible (need root)".to_string()
    } else {
        return true;
    };
    assert!(std::env::var("CI").as_deref() != Ok("true"), "CI=true but {why}");
    eprintln!("skipping: {why}");
    false
}
