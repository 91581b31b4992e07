//! Helpers shared by integration tests (`mod common;` in a test file).
//!
//! Cargo does not build files in subdirectories of `tests/` as test
//! targets, so this module is only compiled where a test includes it.

// Each test target uses a different subset of these helpers.
#![allow(dead_code)]

pub mod cases;

use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Whether a test that needs root can run here: `unshare -n` works and
/// each of `needs` (programs, by path) is installed. If not, the test is
/// skipped with a notice (false), or fails when CI=true.
pub fn can_unshare(needs: &[&str]) -> bool {
    let missing = needs.iter().find(|p| !Path::new(p).exists());
    let why = if let Some(p) = missing {
        format!("{p} is not installed")
    } else if !Command::new("unshare").args(["-n", "true"]).stderr(Stdio::null()).status().is_ok_and(|s| s.success()) {
        "`unshare -n` is not possible (need root)".to_string()
    } else {
        return true;
    };
    assert!(std::env::var("CI").as_deref() != Ok("true"), "CI=true but {why}");
    eprintln!("skipping: {why}");
    false
}

/// A finished command's status, stdout and stderr, for comparing and for
/// assertion messages.
pub fn describe(o: &Output) -> String {
    format!(
        "status {:?}\n--- stdout\n{}--- stderr\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// rtun (or `target`) through a symlink named `ip` in a directory of its
/// own, so that its messages, which use the program name, can match ip's.
/// Removed again on drop.
pub struct IpLink {
    dir: std::path::PathBuf,
    pub path: std::path::PathBuf,
    pub target: std::path::PathBuf,
}

impl IpLink {
    /// `tag` names the directory (with this process's id) in cargo's
    /// temporary directory for tests.
    pub fn new(tag: &str, target: &Path) -> IpLink {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("cannot create the temporary directory for the ip symlink");
        let path = dir.join("ip");
        std::os::unix::fs::symlink(target, &path).expect("cannot create the ip -> rtun symlink");
        IpLink { dir, path, target: target.to_path_buf() }
    }
}

impl Drop for IpLink {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
