//! `-V`: iproute2's (or procps's) own words first, so scripts that match
//! `iproute2-6.1.0` or `sysctl from procps-ng 4.0.2` still match, then
//! `, rtun VERSION` in every personality, so bug reports reach rtun. (An
//! iproute2 built with libbpf appends `, libbpf X` the same way.) As rtun,
//! GNU's `--version` works too; as ip it stays an unknown option.

use std::process::Command;

fn run_as(name: &str, args: &[&str]) -> (String, String, i32) {
    // One directory per call: the tests run in parallel.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("rtun-version-{}-{call}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let link = dir.join(name);
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_rtun"), &link).expect("symlink");
    let out = Command::new(&link).args(args).output().expect("run");
    let _ = std::fs::remove_dir_all(&dir);
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

fn ip_line() -> String {
    format!("ip utility, iproute2-6.1.0, rtun {}\n", env!("CARGO_PKG_VERSION"))
}

#[test]
fn version_as_ip() {
    for flag in ["-V", "-Version", "--Version"] {
        assert_eq!(run_as("ip", &[flag]), (ip_line(), String::new(), 0), "{flag}");
    }
    // Words after -V are ignored, as by ip.
    assert_eq!(run_as("ip", &["-V", "extra"]).0, ip_line());
    // iproute2's words come first: `ip -V | grep -q iproute2-6.1.0` still matches.
    assert!(ip_line().starts_with("ip utility, iproute2-6.1.0,"));
    // GNU's spelling is not ip's.
    let (out, err, code) = run_as("ip", &["--version"]);
    assert_eq!((out.as_str(), err.as_str(), code), ("", "Option \"-version\" is unknown, try \"ip -help\".\n", 255));
}

#[test]
fn version_as_rtun() {
    for flag in ["-V", "--Version", "--version", "-version"] {
        assert_eq!(run_as("rtun", &[flag]), (ip_line(), String::new(), 0), "{flag}");
    }
}

#[test]
fn version_as_sysctl() {
    let line = format!("sysctl from procps-ng 4.0.2, rtun {}\n", env!("CARGO_PKG_VERSION"));
    for flag in ["-V", "--version", "--vers"] {
        assert_eq!(run_as("sysctl", &[flag]), (line.clone(), String::new(), 0), "sysctl {flag}");
    }
    assert_eq!(run_as("rtun", &["sysctl", "-V"]), (line, String::new(), 0));
}

/// `-V` to a full disk: Debian's ip exits 0 silently (stdio is never
/// checked), and so does rtun as `ip`; as rtun it is an error. Never a
/// panic (it was: `println!`).
#[test]
fn version_to_a_full_disk() {
    let full = |name: &str| {
        let dir = std::env::temp_dir().join(format!("rtun-version-full-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let link = dir.join(name);
        let _ = std::fs::remove_file(&link);
        std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_rtun"), &link).expect("symlink");
        let devfull = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full");
        let out = Command::new(&link).arg("-V").stdout(devfull).output().expect("run");
        let _ = std::fs::remove_dir_all(&dir);
        (String::from_utf8_lossy(&out.stderr).into_owned(), out.status.code())
    };
    assert_eq!(full("ip"), (String::new(), Some(0)));
    assert_eq!(full("rtun"), ("Cannot write to stdout: No space left on device\n".to_string(), Some(1)));
}
