//! A single-device command costs the same netlink messages whatever the
//! number of links: no link dump behind `link show dev X`, `addr show dev
//! X`, `route show dev X`, `link set X up` or `neigh add|get|show|del …
//! dev X` (names come from the one link-name service, one RTM_GETLINK
//! each). Counted with strace — every
//! sendto/sendmsg/recvfrom/recvmsg (and their mmsg forms) rtun makes —
//! at 10 links and at 3,000, in a private network namespace.

mod common;

use std::process::Command;

use common::{can_unshare, describe};

const STRACE: &str = "/usr/bin/strace";

/// The commands counted; `D` is the device (a veth with an address).
const COMMANDS: &[&str] = &[
    "link show dev D",
    "addr show dev D",
    "route show dev D",
    "-j link show dev D",
    "link set D up",
    "neigh add 2001:db8:2::5 lladdr 02:00:00:00:00:05 dev D",
    "neigh get 2001:db8:2::5 dev D",
    "neigh show dev D",
    "-s neigh show nud permanent",
    "neigh del 2001:db8:2::5 dev D",
];

/// In the namespace: `pairs` veth pairs `aN`/`bN` with an address each on
/// `aN`, then each command run by rtun under strace on device `dev`; one
/// line per command: the number of netlink calls.
fn script(pairs: usize, dev: &str) -> String {
    let mut s = String::from("set -e\nip link set lo up\n");
    s.push_str(&format!(
        "for i in $(seq 1 {pairs}); do echo \"link add a$i type veth peer name b$i\"; echo \"addr add 2001:db8:$i::1/64 dev a$i nodad\"; done | ip -batch -\n"
    ));
    s.push_str(&format!("test $(ip -o link show | wc -l) -ge {}\n", 2 * pairs + 1));
    for cmd in COMMANDS {
        let cmd = cmd.replace('D', dev);
        s.push_str(&format!(
            "{STRACE} -qq -o \"$T\" -e trace=sendto,sendmsg,recvfrom,recvmsg,sendmmsg,recvmmsg \"$RTUN\" {cmd} >/dev/null\n\
             echo \"$(grep -cE '^(send|recv)' \"$T\")\"\n"
        ));
    }
    s
}

fn counts(pairs: usize, dev: &str) -> Vec<usize> {
    let tmp = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("strace-{pairs}-{}", std::process::id()));
    let out = Command::new("unshare")
        .args(["-n", "sh", "-c", &script(pairs, dev)])
        .env("RTUN", env!("CARGO_BIN_EXE_rtun"))
        .env("T", &tmp)
        .output()
        .expect("unshare runs");
    let _ = std::fs::remove_file(&tmp);
    assert!(out.status.success(), "{pairs} pairs: {}", describe(&out));
    let counts: Vec<usize> = String::from_utf8_lossy(&out.stdout).lines().filter_map(|l| l.trim().parse().ok()).collect();
    assert_eq!(counts.len(), COMMANDS.len(), "{}", describe(&out));
    counts
}

#[test]
fn single_device_commands_cost_the_same_at_10_and_3000_links() {
    if !can_unshare(&[STRACE, "/usr/sbin/ip"]) {
        return;
    }
    let small = counts(5, "a2");
    let large = counts(1500, "a2");
    for ((cmd, s), l) in COMMANDS.iter().zip(&small).zip(&large) {
        eprintln!("{cmd}: {s} netlink calls at 10 links, {l} at 3000");
        assert!(*s > 0, "{cmd}: nothing counted");
        assert_eq!(s, l, "{cmd}: {s} netlink calls at 10 links, {l} at 3000");
    }
}
