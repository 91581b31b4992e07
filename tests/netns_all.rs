//! `-all netns exec|delete` (and `netns exec`'s exit statuses) against
//! iproute2's ip.
//!
//! Each command line runs twice, each time in a fresh `unshare -m -n` with
//! a tmpfs on /run, so /run/netns starts as the setup makes it (with the
//! real ip) and the machine's own is never seen or touched: once with
//! /usr/sbin/ip, once with rtun through a link named `ip`. stdout, stderr
//! and the exit status must be identical, and so must what /run/netns
//! holds afterwards. rtun as rtun runs each command once per namespace,
//! where ip's child goes on with the loop after failing to enter one.
//!
//! Needs root: otherwise the test is skipped with a notice, or fails when
//! CI=true.

mod common;

use common::{describe, IpLink};
use std::path::Path;
use std::process::{Command, Output, Stdio};

const REAL_IP: &str = "/usr/sbin/ip";

/// Setups, run with the real ip: named namespaces, a file and a directory
/// in /run/netns that are not namespaces, a batch file.
const SETUPS: &[(&str, &str)] = &[
    ("none", "true"),
    ("empty", "mkdir /run/netns"),
    ("three", "ip netns add a && ip netns add b && ip netns add c"),
    ("bogus", "ip netns add a && touch /run/netns/bogus && ip netns add c"),
    ("dir", "ip netns add a && mkdir /run/netns/dir && ip netns add c"),
];

const BATCH: &str = "netns exec a echo one\nnetns exec bogus echo two\nnetns exec a sh -c \"exit 4\"\nnetns exec c echo three\nlink show lo\n";

/// Command lines (words after `ip`) and the setups they run on.
const CASES: &[(&[&str], &[&str])] = &[
    (&["-all", "netns", "exec", "echo", "hi"], &["none", "empty", "three", "bogus", "dir"]),
    (&["-all", "netns", "exec", "sh", "-c", "echo out; echo err >&2; exit 3"], &["three"]),
    (&["-all", "netns", "exec", "nosuchcmd"], &["three"]),
    (&["-all", "netns", "exec", "/usr/sbin/ip", "-br", "link"], &["three"]),
    (&["-all", "netns", "exec", "sh", "-c", "kill -9 $$"], &["three"]),
    (&["-all", "netns", "exec"], &["none", "three"]),
    (&["-all", "netns", "exec", "/bin/echo", "/x"], &["three"]),
    (&["-all", "netns", "delete"], &["none", "empty", "three", "bogus", "dir"]),
    (&["-all", "netns", "del", "a"], &["three"]),
    (&["-all", "netns", "del", "x/y"], &["three"]),
    (&["-all", "netns", "add", "a/b"], &["three"]),
    (&["-all", "netns", "list", "a/b"], &["three"]),
    (&["netns", "exec", "nonexist", "true"], &["three"]),
    (&["netns", "exec", "bogus", "true"], &["bogus"]),
    (&["netns", "exec", "a", "sh", "-c", "exit 7"], &["three"]),
    (&["netns", "exec", "a"], &["three"]),
    (&["-batch", "/run/batch"], &["bogus"]),
    (&["-force", "-batch", "/run/batch"], &["bogus"]),
    (&["-all", "-batch", "/run/batch"], &["bogus"]),
];

/// `BIN ARGS…` after `setup`, in a fresh mount and network namespace with
/// a tmpfs on /run; then the names in /run/netns. Exit 99: no such place.
fn run(bin: &Path, setup: &str, args: &[&str]) -> Output {
    let script = format!(
        "mount -t tmpfs none /run || exit 99
printf '{BATCH}' > /run/batch
PATH=/usr/sbin:/usr/bin:/sbin:/bin
ip() {{ {REAL_IP} \"$@\"; }}
{setup} || exit 99
\"$@\"
echo \"status $?\"
ls -a /run/netns"
    );
    Command::new("unshare")
        .args(["-m", "-n", "--propagation", "private", "sh", "-c", &script, "sh"])
        .arg(bin)
        .args(args)
        .env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
        .stdin(Stdio::null())
        .output()
        .expect("unshare runs")
}

fn usable() -> bool {
    if !common::can_unshare(&[REAL_IP]) {
        return false;
    }
    let o = run(Path::new("true"), "ip netns add a", &[]);
    if o.status.success() {
        return true;
    }
    assert!(std::env::var("CI").as_deref() != Ok("true"), "CI=true but a named netns in a private /run could not be made: {}", describe(&o));
    eprintln!("skipping: cannot make a named netns in a private /run: {}", describe(&o));
    false
}

fn setup(name: &str) -> &'static str {
    SETUPS.iter().find(|s| s.0 == name).map(|s| s.1).expect("known setup")
}

#[test]
fn same_as_ip() {
    if !usable() {
        return;
    }
    let ip = IpLink::new("netns-all", Path::new(env!("CARGO_BIN_EXE_rtun")));
    let mut failures = Vec::new();
    for (args, setups) in CASES {
        for name in *setups {
            let want = run(Path::new(REAL_IP), setup(name), args);
            let ran = want.status.code() != Some(99) && String::from_utf8_lossy(&want.stdout).contains("status ");
            assert!(ran, "setup {name} failed: {}", describe(&want));
            let got = run(&ip.path, setup(name), args);
            if describe(&got) != describe(&want) {
                failures.push(format!("[{name}] ip {args:?}\n== ip: {}== rtun: {}", describe(&want), describe(&got)));
            }
        }
    }
    assert!(failures.is_empty(), "{} differences:\n{}", failures.len(), failures.join("\n"));
}

/// As rtun, a namespace that cannot be entered is reported once, and every
/// other namespace runs the command once.
#[test]
fn rtun_runs_each_namespace_once() {
    if !usable() {
        return;
    }
    let o = run(Path::new(env!("CARGO_BIN_EXE_rtun")), setup("bogus"), &["-all", "netns", "exec", "echo", "hi"]);
    let out = String::from_utf8_lossy(&o.stdout);
    let err = String::from_utf8_lossy(&o.stderr);
    let mut headers: Vec<&str> = out.lines().filter_map(|l| l.strip_prefix("netns: ")).collect();
    headers.sort_unstable();
    assert_eq!(headers, ["a", "bogus", "c"], "{}", describe(&o));
    assert_eq!(out.lines().filter(|l| *l == "hi").count(), 2, "{}", describe(&o));
    assert_eq!(err, "setting the network namespace \"bogus\" failed: Invalid argument\n", "{}", describe(&o));
    assert!(out.contains("status 0\n"), "{}", describe(&o));
}
