//! Helpers shared by integration tests (`mod common;` in a test file).
//!
//! Cargo does not build files in subdirectories of `tests/` as test
//! targets, so this module is only compiled where a test includes it.

// Each test target uses a different subset of these helpers.
#![allow(dead_code)]

pub mod cases;

use std::path::PathBuf;
use std::process::{Command, Output};

/// True when this process may make namespaces; on CI (`CI=true`) a test
/// that needs them fails instead of skipping.
pub fn can_isolate(what: &str) -> bool {
    let ok = Command::new("unshare").args(["-m", "-n", "true"]).status().is_ok_and(|s| s.success());
    if !ok {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI=true but {what} needs root and unshare -m -n");
        eprintln!("skipping {what}: needs root and unshare -m -n");
    }
    ok
}

/// A directory holding `rtun` and `ip` symlinks to the binary under test
/// (the `ip` one gives the ip personality); `tag` keeps tests apart.
pub fn bin_dir(tag: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("bin-{tag}"));
    std::fs::create_dir_all(&dir).expect("bin dir");
    for name in ["rtun", "ip"] {
        let link = dir.join(name);
        let _ = std::fs::remove_file(&link);
        std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_rtun"), &link).expect("symlink");
    }
    dir
}

/// Runs `script` with `sh` in a new network namespace and a private mount
/// namespace whose /run is an empty tmpfs — so no named namespace, no
/// /run/netns, whatever the machine holds — with `$RTUN` and `$RTUN_AS_IP`
/// set to the binary under test (as `rtun` and through a symlink named
/// `ip`); Debian's ip stays `ip` on PATH.
pub fn isolated(tag: &str, script: &str) -> Output {
    let dir = bin_dir(tag);
    let full = format!("mount -t tmpfs tmpfs /run || exit 99\n{script}");
    let out = Command::new("unshare")
        .args(["-m", "-n", "--propagation", "private", "sh", "-c", &full])
        .env("RTUN", dir.join("rtun"))
        .env("RTUN_AS_IP", dir.join("ip"))
        .output()
        .expect("unshare runs");
    assert_ne!(out.status.code(), Some(99), "cannot mount a tmpfs on /run: {}", String::from_utf8_lossy(&out.stderr));
    out
}
