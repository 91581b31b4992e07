//! `rule save` and `rule restore` against Debian's ip, both ways: what one
//! saves the other restores, and the rules that come back are the same as
//! when ip restores ip's own stream. The streams themselves must be the
//! same but for the two header fields that name the dump (sequence number
//! and port). Every namespace is made here (`unshare -n`), the streams are
//! written to a directory this test makes and removes.
//!
//! Needs root: otherwise skipped with a notice, or failed when CI=true.

mod common;

use common::{describe, IpLink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const REAL_IP: &str = "/usr/sbin/ip";

/// The rules saved: a selector or an action of each kind, both families.
const SETUP: &str = "ip link set lo up
ip rule add from 192.0.2.0/24 table 100 pref 100
ip rule add not to 198.51.100.0/24 fwmark 0x10/0xff iif lo table 5 pref 200 protocol static
ip rule add unreachable pref 300 uidrange 10-20
ip rule add goto 100 pref 50 ipproto tcp sport 1000-2000 dport 22
ip rule add table 7 suppress_prefixlength 0 realms 3/4 pref 400
ip rule add table 100000 tos 0x10 pref 500
ip -6 rule add from 2001:db8::/32 table 100 pref 100
ip -6 rule add to 2001:db8:1::/48 oif lo blackhole pref 200";

/// `sh -c script ARGS…` (`$0`, `$1`, …) in a fresh network namespace.
fn netns<A: AsRef<std::ffi::OsStr>>(script: &str, args: &[A]) -> Output {
    Command::new("unshare")
        .args(["-n", "sh", "-c", script])
        .args(args)
        .env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
        .stdin(Stdio::null())
        .output()
        .expect("unshare runs")
}

/// A directory of this test's own, removed on drop.
struct Dir(PathBuf);

impl Dir {
    fn new(tag: &str) -> Dir {
        let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).expect("temporary directory");
        Dir(d)
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Each message's sequence number and port zeroed (they name the dump
/// that made the stream, different each run); the magic kept.
fn masked(stream: &[u8]) -> Vec<u8> {
    let mut s = stream.to_vec();
    let mut off = 4;
    while off + 16 <= s.len() {
        let len = u32::from_ne_bytes([s[off], s[off + 1], s[off + 2], s[off + 3]]) as usize;
        s[off + 8..off + 16].fill(0);
        if len < 16 {
            break;
        }
        off += (len + 3) & !3;
    }
    s
}

/// Saves with `bin` (`FAMILY` is `-4` or `-6`) in a namespace set up by
/// SETUP; the stream.
fn save(bin: &Path, family: &str, dir: &Path, tag: &str) -> Vec<u8> {
    let file = dir.join(tag);
    let script = format!("{SETUP} || exit 99\n\"$0\" {family} rule save > '{}'", file.display());
    let out = netns(&script, &[bin]);
    assert!(out.status.success(), "{} {family} rule save: {}", bin.display(), describe(&out));
    std::fs::read(&file).expect("the saved stream")
}

/// Restores `stream` with `bin` in a fresh namespace (twice: the second
/// time every rule exists); what it said and the rules Debian's ip lists.
fn restore(bin: &Path, stream: &Path) -> String {
    let script = "ip link set lo up\n\"$0\" rule restore < \"$1\"; echo \"status $?\"\n\"$0\" rule restore < \"$1\"; echo \"status $?\"\nip -d rule show; ip -d -6 rule show";
    describe(&netns(script, &[bin, stream]))
}

#[test]
fn saved_by_one_restored_by_the_other() {
    if !common::can_unshare(&[REAL_IP]) {
        return;
    }
    let dir = Dir::new("rule-save");
    let rtun = IpLink::new("rule-save", Path::new(env!("CARGO_BIN_EXE_rtun")));
    let as_rtun = Path::new(env!("CARGO_BIN_EXE_rtun"));
    let mut failures = Vec::new();
    for family in ["-4", "-6"] {
        let by_ip = save(Path::new(REAL_IP), family, &dir.0, &format!("ip{family}"));
        let by_rtun = save(&rtun.path, family, &dir.0, &format!("rtun{family}"));
        let by_rtun_own = save(as_rtun, family, &dir.0, &format!("own{family}"));
        assert!(by_ip.len() > 100, "ip saved next to nothing: {} bytes", by_ip.len());
        if masked(&by_rtun) != masked(&by_ip) || masked(&by_rtun_own) != masked(&by_ip) {
            failures.push(format!("{family} rule save: streams differ beyond sequence numbers and ports"));
        }
        let ip_file = dir.0.join(format!("ip{family}"));
        let rtun_file = dir.0.join(format!("rtun{family}"));
        // ip restoring ip's stream: what every other pairing must give.
        let want = restore(Path::new(REAL_IP), &ip_file);
        let marker = if family == "-4" { "192.0.2.0/24" } else { "2001:db8::/32" };
        assert!(want.contains(marker) && want.contains("status 0"), "ip restored nothing: {want}");
        for (what, bin, file) in [
            ("ip save | rtun-as-ip restore", rtun.path.as_path(), &ip_file),
            ("ip save | rtun restore", as_rtun, &ip_file),
            ("rtun save | ip restore", Path::new(REAL_IP), &rtun_file),
            ("rtun save | rtun restore", as_rtun, &rtun_file),
        ] {
            let got = restore(bin, file);
            if got != want {
                failures.push(format!("{family} {what}\n== want:\n{want}== got:\n{got}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Streams that are not what save writes: ip's words and exit statuses.
#[test]
fn bad_streams_as_ip() {
    if !common::can_unshare(&[REAL_IP]) {
        return;
    }
    let dir = Dir::new("rule-restore-bad");
    let rtun = IpLink::new("rule-restore-bad", Path::new(env!("CARGO_BIN_EXE_rtun")));
    let magic = 0x7170_6986u32.to_ne_bytes();
    let header = |len: u32| {
        let mut h = magic.to_vec();
        h.extend_from_slice(&len.to_ne_bytes());
        h.extend_from_slice(&[32, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        h
    };
    let mut refused = header(16 + 12 + 8);
    // A fib_rule_hdr of family 77: the kernel refuses it.
    refused.extend_from_slice(&[77, 0, 0, 0, 254, 0, 0, 1, 0, 0, 0, 0]);
    refused.extend_from_slice(&[8, 0, 6, 0, 9, 0, 0, 0]);
    let streams: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("no magic", b"abcd".to_vec()),
        ("short magic", b"ab".to_vec()),
        ("magic only", magic.to_vec()),
        ("half a header", [&magic[..], &[1, 2, 3]].concat()),
        ("short body", header(40)),
        ("length below a header", header(8)),
        ("length beyond the buffer", header(20000)),
        ("refused", refused),
    ];
    let mut failures = Vec::new();
    for (what, bytes) in streams {
        let file = dir.0.join("stream");
        std::fs::write(&file, &bytes).expect("write the stream");
        let script = "ip link set lo up; \"$0\" rule restore < \"$1\"; echo \"status $?\"";
        let run = |bin: &Path| describe(&netns(script, &[bin, file.as_path()]));
        let (want, got) = (run(Path::new(REAL_IP)), run(&rtun.path));
        if want != got {
            failures.push(format!("{what}\n== ip:\n{want}== rtun:\n{got}"));
        }
    }
    for args in [&["rule", "save", "x"][..], &["rule", "restore", "x"][..]] {
        let run = |bin: &Path| describe(&netns(&format!("\"$0\" {} > /dev/null", args.join(" ")), &[bin]));
        let (want, got) = (run(Path::new(REAL_IP)), run(&rtun.path));
        if want != got {
            failures.push(format!("{args:?}\n== ip:\n{want}== rtun:\n{got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
