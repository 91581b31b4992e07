//! Called as rtun, every successful `-j` command prints one complete JSON
//! document — `[]` where ip prints nothing — and a failing one prints
//! nothing on stdout rather than a lone `[`; called as `ip`, the bytes stay
//! ip's. Global `--NAME` options also work after the object (Nushell and
//! GNU habits). Each case runs in its own network namespace with an empty
//! /run (no named namespaces, whatever this machine holds), and the JSON is
//! read back by serde_json and by Nushell's `from json`.

mod common;

use std::process::{Command, Output};

use common::{can_isolate, describe, isolated};

/// `setup` then `cmd` (words for `$RTUN`/`$RTUN_AS_IP`/`ip`); the
/// command's own output.
fn run(setup: &str, cmd: &str) -> Output {
    isolated("json", &format!("{setup}\n{cmd}"))
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn parses(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", describe(o)))
}

const VETH: &str = "ip link add ct0 type veth peer name ct1 && ip addr add 192.0.2.1/24 dev ct0 && ip link set ct0 up || exit 98";

#[test]
fn empty_results_are_an_empty_array() {
    if !can_isolate("json_output") {
        return;
    }
    // No /run/netns at all: ip prints nothing, rtun `[]`.
    for (cmd, want) in [
        ("-j netns list", "[]\n"),
        ("-j -p netns list", "[ ]\n"),
        ("-j link show type vxlan", "[]\n"),
        ("-j route show table main", "[]\n"),
        ("-j addr show dev lo to 203.0.113.0/24", "[]\n"),
    ] {
        let o = run("", &format!("$RTUN {cmd}"));
        assert_eq!((stdout(&o), o.status.code()), (want.to_string(), Some(0)), "rtun {cmd}\n{}", describe(&o));
    }
    // A change prints no objects: an empty array all the same.
    let o = run(VETH, "$RTUN -j link set ct1 up");
    assert_eq!((stdout(&o), o.status.code()), ("[]\n".to_string(), Some(0)), "{}", describe(&o));
    // Called as ip: exactly what Debian's ip prints (nothing).
    let ip = run("", "ip -j netns list");
    let as_ip = run("", "$RTUN_AS_IP -j netns list");
    assert_eq!(describe(&ip), describe(&as_ip));
    assert!(ip.stdout.is_empty(), "{}", describe(&ip));
}

#[test]
fn a_failing_command_prints_no_json_fragment() {
    if !can_isolate("json_output") {
        return;
    }
    // A table that does not exist: ip prints `[` then fails (status 2).
    let o = run("", "$RTUN -j route show table 200");
    assert_eq!((stdout(&o), o.status.code()), (String::new(), Some(2)), "{}", describe(&o));
    let ip = run("", "ip -j route show table 200");
    let as_ip = run("", "$RTUN_AS_IP -j route show table 200");
    assert_eq!(describe(&ip), describe(&as_ip));
    for cmd in ["-j link show dev nope", "-j -p route show table 200", "-j addr show dev nope", "-j route get 192.0.2.9"] {
        let o = run("", &format!("$RTUN {cmd}"));
        assert!(o.stdout.is_empty() && o.status.code() != Some(0), "rtun {cmd}\n{}", describe(&o));
    }
}

#[test]
fn listings_with_objects_parse() {
    if !can_isolate("json_output") {
        return;
    }
    let o = run(&format!("{VETH}\nip netns add blue || exit 98"), "$RTUN -j netns list");
    assert_eq!(parses(&o)[0]["name"], "blue", "{}", describe(&o));
    let o = run(VETH, "$RTUN -j -p addr show dev ct0");
    assert_eq!(parses(&o)[0]["addr_info"][0]["local"], "192.0.2.1", "{}", describe(&o));
}

#[test]
fn global_long_options_after_the_object() {
    if !can_isolate("json_output") {
        return;
    }
    let o = run(VETH, "$RTUN addr show dev ct0 --json");
    assert_eq!(parses(&o)[0]["ifname"], "ct0", "{}", describe(&o));
    let o = run(VETH, "$RTUN link show --details --json dev ct0 --pretty");
    let v = parses(&o);
    assert_eq!(v[0]["linkinfo"]["info_kind"], "veth", "{}", describe(&o));
    assert!(stdout(&o).starts_with("[ {\n"), "--pretty was not applied:\n{}", describe(&o));
    // A value-taking option with its value; `--color=never` attached.
    let o = run(&format!("{VETH}\nip netns add blue || exit 98"), "$RTUN link show --netns blue --json --color=never");
    assert_eq!(parses(&o)[0]["ifname"], "lo", "{}", describe(&o));
    // `--help` after a command is that command's help.
    let help = run("", "$RTUN route add --help");
    let word = run("", "$RTUN route add help");
    assert_eq!(describe(&help), describe(&word));
    // After `--`, and as ip, the word is a word (ip's message).
    let o = run(VETH, "$RTUN link show -- --json");
    assert_eq!(String::from_utf8_lossy(&o.stderr), "Device \"--json\" does not exist.\n", "{}", describe(&o));
    let ip = run(VETH, "ip addr show --json");
    let as_ip = run(VETH, "$RTUN_AS_IP addr show --json");
    assert_eq!(describe(&ip), describe(&as_ip));
    assert_ne!(ip.status.code(), Some(0));
    // The command `netns exec` runs keeps its own flags.
    let o = run("ip netns add blue || exit 98", "$RTUN netns exec blue echo --json --pretty");
    assert_eq!(stdout(&o), "--json --pretty\n", "{}", describe(&o));
}

/// ip prints `neigh get` and the entries of `-s -s neigh flush` outside any
/// JSON document, as text; rtun prints JSON (as `ip`, ip's text).
#[test]
fn neighbour_get_and_flush_print_json() {
    if !can_isolate("json_output") {
        return;
    }
    let setup = format!("{VETH}\nip neigh add 192.0.2.5 lladdr 02:00:00:00:01:05 dev ct0 || exit 98\nip neigh add proxy 192.0.2.9 dev ct0 || exit 98");
    let o = run(&setup, "$RTUN -j neigh get 192.0.2.5 dev ct0");
    let v = parses(&o);
    assert_eq!((&v[0]["dst"], &v[0]["lladdr"], &v[0]["state"][0]), (&"192.0.2.5".into(), &"02:00:00:00:01:05".into(), &"PERMANENT".into()), "{}", describe(&o));
    let o = run(&setup, "$RTUN -j -s -s neigh flush proxy dev ct0");
    assert_eq!(parses(&o)[0]["proxy"], serde_json::Value::Null, "{}", describe(&o));
    assert_eq!(parses(&o)[0]["dst"], "192.0.2.9", "{}", describe(&o));
    for cmd in ["-j neigh get 192.0.2.5 dev ct0", "-j -s -s neigh flush proxy dev ct0"] {
        let ip = run(&setup, &format!("ip {cmd}"));
        let as_ip = run(&setup, &format!("$RTUN_AS_IP {cmd}"));
        assert_eq!(describe(&ip), describe(&as_ip));
        assert!(!ip.stdout.starts_with(b"["), "{}", describe(&ip));
    }
}

/// Every `-j` output tried parses with Nushell's `from json`
/// (`tests/shells/json.nu`), with and without named namespaces.
#[test]
fn every_json_output_parses_in_nushell() {
    if !can_isolate("json_output") {
        return;
    }
    if Command::new("nu").arg("--version").output().is_err() {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI=true but nu is not installed");
        eprintln!("skipping: nu is not installed");
        return;
    }
    let lines = [
        "addr show dev lo",
        "addr show",
        "addr show up",
        "-4 addr show",
        "-6 addr show",
        "link show",
        "-d link show",
        "-s link show",
        "-s -s link show",
        "-p link show",
        "link show type vxlan",
        "link show dev ct0",
        "route show",
        "-6 route show",
        "route show table all",
        "route show table main",
        "route show table local",
        "route show table 200",
        "neigh show",
        "neigh show proxy",
        "-s neigh show nud all",
        "netns list",
        "tunnel show",
        "sysctl net.ipv4.ip_forward",
        "nft show",
    ];
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/shells/json.nu");
    let quoted: Vec<String> = lines.iter().map(|l| format!("'{l}'")).collect();
    for netns in ["", "ip netns add blue || exit 98"] {
        let o = run(&format!("{VETH}\n{netns}\nexport PATH=$(dirname $RTUN):$PATH"), &format!("nu -n {} {}", script.display(), quoted.join(" ")));
        let out = stdout(&o);
        let verdicts: Vec<&str> = out.lines().collect();
        assert_eq!(verdicts.len(), lines.len(), "{}", describe(&o));
        // A failing command (a table that does not exist) prints nothing;
        // everything else is JSON.
        let bad: Vec<&&str> = verdicts
            .iter()
            .filter(|v| !(v.starts_with("ok 0 ") || (v.starts_with("empty ") && !v.starts_with("empty 0 "))))
            .collect();
        assert!(bad.is_empty(), "with `{netns}`: not JSON:\n{bad:?}");
    }
}

#[test]
fn control_characters_in_strings_are_escaped() {
    if !can_isolate("json_output") {
        return;
    }
    // The kernel takes any byte but NUL, `/`, `:` and white space in a name.
    let setup = r#"ip link add "$(printf 'a\001b')" address 02:00:00:00:00:01 type ifb || exit 98"#;
    let o = run(setup, "$RTUN -j link show");
    let v = parses(&o);
    assert!(v.as_array().is_some_and(|a| a.iter().any(|l| l["ifname"] == "a\u{1}b")), "{}", describe(&o));
    // As ip: ip's bytes, the character raw (which JSON does not allow).
    let ip = run(setup, "ip -j link show");
    let as_ip = run(setup, "$RTUN_AS_IP -j link show");
    assert_eq!(describe(&ip), describe(&as_ip));
    assert!(ip.stdout.windows(3).any(|w| w == b"a\x01b"), "{}", describe(&ip));
}

/// `-echo -j rule add|del`: ip nests the rule in a second object
/// (`[{{…}}]`); as rtun one object, which parses; as ip, ip's bytes.
#[test]
fn echoed_rules_parse() {
    if !can_isolate("json_output") {
        return;
    }
    let o = run("ip link set lo up", "$RTUN -j -echo rule add table 9 pref 81 && $RTUN -j -echo rule del pref 81");
    let text = stdout(&o);
    let docs: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", describe(&o)))).collect();
    assert_eq!(docs.len(), 2, "{}", describe(&o));
    assert_eq!(docs[0][0]["priority"], 81, "{}", describe(&o));
    assert_eq!(docs[1][0]["deleted"], true, "{}", describe(&o));
    let ip = run("ip link set lo up", "ip -j -echo rule add table 9 pref 81");
    let as_ip = run("ip link set lo up", "$RTUN_AS_IP -j -echo rule add table 9 pref 81");
    assert_eq!(describe(&ip), describe(&as_ip));
}
