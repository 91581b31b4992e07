//! Colour switches: `-c` colours like iproute2 even into a pipe (checked
//! byte for byte by the parity suite); these check rtun's additions and
//! limits: NO_COLOR turns `-c` off, `-color=always` beats NO_COLOR, and
//! JSON is never coloured.

use std::process::Command;

fn run(args: &[&str], no_color: bool) -> String {
    let mut cmd = Command::new("unshare");
    cmd.arg("-n").arg(env!("CARGO_BIN_EXE_rtun")).args(args);
    if no_color {
        cmd.env("NO_COLOR", "1");
    } else {
        cmd.env_remove("NO_COLOR");
    }
    let out = cmd.output().expect("unshare runs");
    assert!(out.status.success(), "rtun {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn can_unshare() -> bool {
    Command::new("unshare").args(["-n", "true"]).status().is_ok_and(|s| s.success())
}

#[test]
fn color_switches() {
    if !can_unshare() {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI=true but `unshare -n` is not possible (need root)");
        eprintln!("skipping: needs root for unshare -n");
        return;
    }
    let esc = '\u{1b}';
    assert!(run(&["-c", "link", "show", "lo"], false).contains(esc), "-c colours");
    assert!(!run(&["-c", "link", "show", "lo"], true).contains(esc), "NO_COLOR turns -c off");
    assert!(run(&["-color=always", "link", "show", "lo"], true).contains(esc), "-color=always beats NO_COLOR");
    assert!(!run(&["-c", "-j", "link", "show", "lo"], false).contains(esc), "JSON is never coloured");
    assert!(!run(&["-color=auto", "link", "show", "lo"], false).contains(esc), "auto: not a terminal");
    assert!(!run(&["link", "show", "lo"], false).contains(esc), "off by default");
}
