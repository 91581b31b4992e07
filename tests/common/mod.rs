//! Helpers shared by integration tests (`mod common;` in a test file).
//!
//! Cargo does not build files in subdirectories of `tests/` as test
//! targets, so this module is only compiled where a test includes it.

// Each test target uses a different subset of these helpers.
#![allow(dead_code)]

pub mod cases;

use std::path::{Path, PathBuf};
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

/// `BIN ARGS…` (ARGS split at white space) alone in a fresh network
/// namespace, after the shell commands `setup` (whose failure fails the
/// test as a set-up problem).
pub fn run_in_netns(setup: &str, bin: &Path, args: &str) -> Output {
    let script = format!("{setup} || exit 99\nexec \"$0\" \"$@\"");
    let out = Command::new("unshare")
        .args(["-n", "sh", "-c", &script])
        .arg(bin)
        .args(args.split_whitespace())
        .stdin(Stdio::null())
        .output()
        .expect("unshare runs");
    assert_ne!(out.status.code(), Some(99), "set-up failed: {}", describe(&out));
    out
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
        // Made aside and renamed into place: tests run in parallel.
        let tmp = dir.join(format!(".{name}.{}.{:?}", std::process::id(), std::thread::current().id()));
        let _ = std::fs::remove_file(&tmp);
        std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_rtun"), &tmp).expect("symlink");
        std::fs::rename(&tmp, dir.join(name)).expect("rename the symlink into place");
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

/// A small deterministic generator (xorshift): a randomised test replays
/// the same inputs for the same seed on every machine.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}
