//! `-V`: called as `ip`, rtun prints iproute2 6.1's version line as an ip
//! built without libbpf prints it (iproute2's ip.c appends ", libbpf X"
//! only when linked with libbpf), so scripts that check the iproute2
//! version see 6.1.0. Called as rtun, its own version follows.

use std::process::Command;

fn run_as(name: &str, args: &[&str]) -> (String, i32) {
    let dir = std::env::temp_dir().join(format!("rtun-version-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let link = dir.join(name);
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_rtun"), &link).expect("symlink");
    let out = Command::new(&link).args(args).output().expect("run");
    let _ = std::fs::remove_dir_all(&dir);
    (String::from_utf8_lossy(&out.stdout).into_owned(), out.status.code().unwrap_or(-1))
}

#[test]
fn version_as_ip() {
    for flag in ["-V", "-Version", "--Version"] {
        assert_eq!(run_as("ip", &[flag]), ("ip utility, iproute2-6.1.0\n".to_string(), 0), "{flag}");
    }
    // Words after -V are ignored, as by ip.
    assert_eq!(run_as("ip", &["-V", "extra"]).0, "ip utility, iproute2-6.1.0\n");
}

#[test]
fn version_as_rtun() {
    let (out, code) = run_as("rtun", &["-V"]);
    assert_eq!(code, 0);
    assert_eq!(out, format!("ip utility, iproute2-6.1.0, rtun {}\n", env!("CARGO_PKG_VERSION")));
}
