//! Names are bytes end to end: a link whose name, alias or altname, and an
//! address whose label, holds a byte that is not UTF-8 is listed like any
//! other — by rtun as `ip` byte for byte as Debian's ip lists it, by rtun
//! as valid JSON — and can be named in commands; a name far longer than
//! any device name gets ip's message and status, never a panic. Each case
//! runs in its own network namespace (and a private /run).

mod common;

use std::process::Output;

use common::{can_isolate, describe, isolated};

/// The state of the issue: `v\xff` (a veth whose peer is `v1`), its alias
/// `bad\xffalias`, v1's altname `alt\xff`, an address labelled `v1:\xff`
/// on v1, and one on `v\xff` (whose prefix route names it). dash's printf
/// makes the bytes. IPv6 stays off, so that nothing changes between two
/// listings (no link-local address being tentative, no packets counted).
const SETUP: &str = r#"V=$(printf 'v\377'); A=$(printf 'bad\377alias'); ALT=$(printf 'alt\377'); L=$(printf 'v1:\377')
echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6 || exit 98
ip link set lo up || exit 98
ip link add "$V" type veth peer name v1 || exit 98
ip link set "$V" alias "$A" || exit 98
ip link property add dev v1 altname "$ALT" || exit 98
ip addr add 192.0.2.1/24 dev v1 label "$L" || exit 98
ip addr add 198.51.100.1/24 dev "$V" || exit 98
ip link set v1 up && ip link set "$V" up || exit 98
# Until the carrier is up on both ends (states and routes then hold still).
for i in $(seq 1 100); do
    [ "$(ip -o link show up | grep -c 'state UP')" = 2 ] && ! ip route show | grep -q linkdown && break
    sleep 0.05
done"#;

fn run(script: &str) -> Output {
    let out = isolated("names_bytes", &format!("{SETUP}\n{script}"));
    assert_ne!(out.status.code(), Some(98), "setup failed: {}", describe(&out));
    out
}

/// `cmd` (words after the program, may use $V, $L) run by Debian's ip
/// and by rtun as ip: the same stdout bytes, stderr bytes and status.
fn same_as_ip(cmd: &str) -> Output {
    same_as_ip_after("", cmd)
}

/// `same_as_ip` with `pre` run first (in the same shell); both programs
/// run in the same namespace, one after the other.
fn same_as_ip_after(pre: &str, cmd: &str) -> Output {
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("names-bytes-{}-{call}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a directory for the outputs");
    let d = dir.display();
    let out = run(&format!(
        "{pre}\nip {cmd} >{d}/ip.1 2>{d}/ip.2; echo $? >{d}/ip.rc\n$RTUN_AS_IP {cmd} >{d}/rtun.1 2>{d}/rtun.2; echo $? >{d}/rtun.rc"
    ));
    assert!(out.status.success(), "{}", describe(&out));
    let read = |who: &str| -> Output {
        let file = |ext: &str| std::fs::read(dir.join(format!("{who}.{ext}"))).expect("an output file");
        let rc: i32 = String::from_utf8_lossy(&file("rc")).trim().parse().expect("a status");
        Output { status: std::os::unix::process::ExitStatusExt::from_raw(rc << 8), stdout: file("1"), stderr: file("2") }
    };
    let (ip, rtun) = (read("ip"), read("rtun"));
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(
        (&rtun.stdout, &rtun.stderr, rtun.status.code()),
        (&ip.stdout, &ip.stderr, ip.status.code()),
        "{cmd}\n--- ip\n{}\n--- rtun as ip\n{}",
        describe(&ip),
        describe(&rtun)
    );
    ip
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn links_and_addresses_with_bytes_that_are_not_utf8_are_listed_as_ip_lists_them() {
    if !can_isolate("names_bytes") {
        return;
    }
    for cmd in [
        "link show",
        "-d link show",
        "-s link show",
        "-br link show",
        "-o link show",
        "addr show",
        "-o addr show",
        "-d addr show",
        "-br addr show",
        "-j link show",
        "-j -p -d link show",
        "-j addr show",
        "link show dev \"$V\"",
        "addr show dev \"$V\"",
        "addr show label \"$L\"",
        "-j link show dev v1",
        "route show",
        "route show dev \"$V\"",
    ] {
        let ip = same_as_ip(cmd);
        assert_eq!(ip.status.code(), Some(0), "{cmd}: {}", describe(&ip));
    }
    // What ip prints holds the very bytes (so the comparison above is not
    // between two empty listings).
    let listed = same_as_ip("-d addr show");
    for bytes in [&b"v\xff@v1"[..], b"v1@v\xff", b"alias bad\xffalias", b"altname alt\xff", b"v1:\xff\n"] {
        assert!(contains(&listed.stdout, bytes), "{:?} not in\n{}", String::from_utf8_lossy(bytes), describe(&listed));
    }
    let routes = same_as_ip("route show");
    assert!(contains(&routes.stdout, b"dev v\xff proto kernel"), "{}", describe(&routes));
}

#[test]
fn as_rtun_the_json_is_valid_whatever_the_bytes() {
    if !can_isolate("names_bytes") {
        return;
    }
    let parse = |o: &Output| -> serde_json::Value {
        serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", describe(o)))
    };
    let links = parse(&run("$RTUN -j -d link show"));
    let by_name = |name: &str| links.as_array().and_then(|a| a.iter().find(|l| l["ifname"] == name)).cloned();
    // A byte that is not UTF-8 is written \u00XX: U+00XX once read.
    let v = by_name("v\u{ff}").unwrap_or_else(|| panic!("no v\\xff in {links}"));
    assert_eq!((&v["ifalias"], &v["link"]), (&serde_json::json!("bad\u{ff}alias"), &serde_json::json!("v1")));
    let v1 = by_name("v1").unwrap_or_else(|| panic!("no v1 in {links}"));
    assert_eq!((&v1["altnames"], &v1["link"]), (&serde_json::json!(["alt\u{ff}"]), &serde_json::json!("v\u{ff}")));
    let addrs = parse(&run("$RTUN -j addr show dev v1"));
    assert_eq!(addrs[0]["addr_info"][0]["label"], "v1:\u{ff}", "{addrs}");
    let routes = parse(&run("$RTUN -j route show"));
    assert!(routes.as_array().is_some_and(|r| r.iter().any(|r| r["dev"] == "v\u{ff}")), "{routes}");
}

#[test]
fn a_name_that_is_not_utf8_can_be_named() {
    if !can_isolate("names_bytes") {
        return;
    }
    let o = run("$RTUN link set \"$V\" down || exit 1\nip -o link show dev \"$V\"");
    assert!(o.status.success() && !contains(&o.stdout, b",UP"), "{}", describe(&o));
    let o = run("$RTUN addr flush dev \"$V\" || exit 1\n$RTUN addr flush dev v1 label \"$L\" || exit 1\nip -4 -o addr show");
    assert!(o.status.success(), "{}", describe(&o));
    assert!(!contains(&o.stdout, b"198.51.100.1") && !contains(&o.stdout, b"192.0.2.1"), "{}", describe(&o));
    let o = run("$RTUN link show \"$V\"");
    assert!(o.status.success() && contains(&o.stdout, b": v\xff@v1:"), "{}", describe(&o));
}

#[test]
fn a_name_longer_than_any_device_gets_ips_message() {
    if !can_isolate("names_bytes") {
        return;
    }
    // 65531 bytes: an attribute that long cannot be encoded (its length
    // is a u16); 1012 is where iproute2's request buffer overflows.
    let long = "N=$(head -c 65531 /dev/zero | tr '\\0' x); M=$(head -c 1012 /dev/zero | tr '\\0' y)";
    for cmd in [
        "link show \"$N\"",
        "-j link show \"$N\"",
        "link show dev \"$N\"",
        "addr show dev \"$N\"",
        "-j addr show dev \"$N\"",
        "route show dev \"$N\"",
        "-j route show dev \"$N\"",
        "route get 192.0.2.9 oif \"$N\"",
        "link show master \"$N\"",
        "link show \"$M\"",
        "addr show dev \"$M\"",
    ] {
        let ip = same_as_ip_after(long, cmd);
        assert!(matches!(ip.status.code(), Some(1 | 255)), "{cmd}: {}", describe(&ip));
    }
}

#[test]
fn altnames_that_are_not_utf8_are_added_and_removed() {
    if !can_isolate("names_bytes") {
        return;
    }
    let n = "N=$(printf 'n\\377'); B=$(printf 'q\\377 x')";
    let o = run(&format!(
        "{n}\n$RTUN link property add dev \"$V\" altname \"$N\" || exit 1\nip -o link show dev \"$N\" || exit 2\n\
         $RTUN_AS_IP link property del dev \"$N\" altname \"$N\" || exit 3\nip -o link show dev \"$V\""
    ));
    assert!(o.status.success(), "{}", describe(&o));
    let lines: Vec<&[u8]> = o.stdout.split(|&b| b == b'\n').filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 2, "{}", describe(&o));
    assert!(contains(lines[0], b"altname n\xff") && contains(lines[0], b": v\xff@v1:"), "{}", describe(&o));
    assert!(!contains(lines[1], b"altname n\xff"), "{}", describe(&o));
    for cmd in [
        "link property add dev \"$N\" altname x",
        "link property add dev \"$V\" altname \"$B\"",
        "link property add dev \"$B\" altname x",
        "link property del dev \"$V\" altname \"$N\"",
        "link property add dev \"$V\" \"$N\"",
    ] {
        let ip = same_as_ip_after(n, cmd);
        assert!(!ip.status.success(), "{cmd}: {}", describe(&ip));
    }
}
