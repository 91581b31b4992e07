//! `netns identify`, `pids`, `set`, `list-id` and `monitor` against
//! Debian's ip. Every script runs in its own network and mount namespace
//! with a tmpfs on /run (`common::isolated`), so /run/netns holds only
//! what the script makes. Needs root: fails, not skips, with CI=true.

mod common;

use common::{can_isolate, describe, isolated};

/// Names a, b and c (b and a with ids 0 and 5 here), a process in a.
const SETUP: &str = "ip netns add a && ip netns add b && ip netns add c || exit 98
ip netns set a 5 && ip netns set b auto || exit 98
ip netns exec a sleep 30 & SLEEPER=$!
sleep 0.2
trap 'kill $SLEEPER' EXIT";

/// `cmd` (words after the program; may use $SLEEPER, $$) run by ip and by
/// rtun as ip, each after `pre`: the same stdout, stderr and status.
/// State-changing commands run each in a fresh copy of the setup.
fn same_as_ip(cmds: &[&str]) {
    for cmd in cmds {
        let script = |prog: &str| format!("{SETUP}\n{prog} {cmd}; echo \"status $?\"\nip netns list-id; ip netns list");
        let ip = isolated("netns_misc", &script("ip"));
        let rtun = isolated("netns_misc", &script("$RTUN_AS_IP"));
        assert_ne!(ip.status.code(), Some(98), "setup failed: {}", describe(&ip));
        // A pid printed is the sleeper's, which differs between the runs.
        let clean = |b: &[u8]| String::from_utf8_lossy(b).lines().map(|l| if l.bytes().all(|c| c.is_ascii_digit()) && !l.is_empty() { "PID".to_string() } else { l.to_string() }).collect::<Vec<_>>().join("\n");
        assert_eq!(
            (clean(&rtun.stdout), clean(&rtun.stderr)),
            (clean(&ip.stdout), clean(&ip.stderr)),
            "{cmd}\n--- ip\n{}\n--- rtun as ip\n{}",
            describe(&ip),
            describe(&rtun)
        );
    }
}

#[test]
fn identify_and_pids_as_ip() {
    if !can_isolate("netns_misc") {
        return;
    }
    same_as_ip(&[
        "netns identify",
        "netns identify $$",
        "netns identify $SLEEPER",
        "netns identify 1x",
        "netns identify 1 2",
        "netns identify a/b",
        "netns identify 999999999",
        "netns i $SLEEPER",
        "netns pids a",
        "netns pids b",
        "netns pids",
        "netns pids a b",
        "netns pids nosuch",
        "netns p a",
        "-j netns pids a",
    ]);
}

#[test]
fn set_and_list_id_as_ip() {
    if !can_isolate("netns_misc") {
        return;
    }
    same_as_ip(&[
        "netns set c 7",
        "netns set c auto",
        "netns se c 3",
        "netns set a 7",
        "netns set c",
        "netns set",
        "netns set c x",
        "netns set c -1",
        "netns set nosuch 3",
        "netns list-id",
        "-j netns list-id",
        "-j -p netns list-id",
        "netns list-id nsid 5",
        "netns list-id nsid 9",
        "-j netns list-id nsid 0",
        "netns list-id target-nsid 5",
        "netns list-id target-nsid 5 nsid 0",
        "netns list-id target-nsid 99",
        "netns list-id target-nsid -1",
        "netns list-id target-nsid -1 nsid",
        "netns list-id target-nsid x",
        "netns list-id nsid 1 nsid 2",
        "netns list-id target-nsid",
        "netns list-",
    ]);
}

#[test]
fn monitor_says_what_ip_says() {
    if !can_isolate("netns_misc") {
        return;
    }
    // ip's lines wait in stdio's buffer on a pipe: stdbuf makes them go.
    // /run/netns does not exist yet: both make it.
    let script = "stdbuf -oL ip netns monitor > /run/ip.out 2>&1 & A=$!
$RTUN_AS_IP netns monitor > /run/rtun.out 2>&1 & B=$!
sleep 0.5
ip netns add m1 && ip netns add m2 && touch /run/netns/plain && ip netns del m1 && rm /run/netns/plain
sleep 0.5
kill $A $B
cmp /run/ip.out /run/rtun.out || { cat /run/ip.out /run/rtun.out; exit 1; }
cat /run/rtun.out";
    let o = isolated("netns_misc", script);
    assert!(o.status.success(), "{}", describe(&o));
    assert_eq!(String::from_utf8_lossy(&o.stdout), "add m1\nadd m2\nadd plain\ndelete m1\ndelete plain\n", "{}", describe(&o));
}
