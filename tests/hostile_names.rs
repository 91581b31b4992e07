//! Names nobody should type, typed: device names, altnames, labels and
//! kinds longer than a netlink attribute can carry (65,531 and 70,000
//! bytes), and names whose bytes are not UTF-8.
//!
//! - Long names: rtun as `ip` prints what Debian's ip prints (stdout,
//!   stderr, exit status) and leaves the kernel as ip leaves it — ip's own
//!   request buffers drop such a name with `addattr_l ERROR: message
//!   exceeded bound of N`, so `link add NAME` makes a device the kernel
//!   names; rtun as rtun refuses what it cannot send and never panics.
//! - `-force -batch` with one such line among 100 good ones applies the 100
//!   and exits 1, as ip does.
//! - Names that are not UTF-8 go to the kernel as the bytes typed: rtun
//!   leaves the same state as ip (link names, alias, label, master, route,
//!   /run/netns), and `sysctl -a` lists the variables under such an
//!   interface as procps does.
//!
//! Every case runs in its own network namespace and a private mount
//! namespace with an empty tmpfs on /run. Needs root: otherwise skipped
//! with a notice, or a failure when CI=true.

mod common;

use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const REAL_IP: &str = "/usr/sbin/ip";
const PROCPS: &str = "/usr/sbin/sysctl";

/// `rtun`, `ip` and `sysctl` links to the binary under test.
fn bin_dir() -> PathBuf {
    let dir = common::bin_dir("hostile-names");
    let link = dir.join("sysctl");
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_rtun"), &link).expect("sysctl link");
    dir
}

/// `script` under `sh` in fresh network and mount namespaces (an empty
/// tmpfs on /run), with `$NAME` set to `name` and `$BIN` to `bin`.
fn isolated(script: &str, bin: &Path, name: &[u8]) -> Output {
    let full = format!("mount -t tmpfs tmpfs /run || exit 99\n{script}");
    let out = Command::new("unshare")
        .args(["-m", "-n", "--propagation", "private", "sh", "-c", &full])
        .env("BIN", bin)
        .env("NAME", std::ffi::OsStr::from_bytes(name))
        .env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
        .output()
        .expect("unshare runs");
    assert_ne!(out.status.code(), Some(99), "cannot mount a tmpfs on /run: {}", String::from_utf8_lossy(&out.stderr));
    out
}

/// The state ip reads back: link names, addresses, routes (no MAC
/// addresses: the kernel draws them at random).
const STATE: &str = r#"
echo '--- links'; ip -o link show | cut -d' ' -f2
echo '--- addresses'; ip -o -4 addr show | awk '{print $2, $3, $4, $NF}'
echo '--- routes'; ip route show
"#;

/// What one command line did: its status, stdout and stderr, then the
/// state it left — with `name` shown as `<NAME>`.
fn run_case(bin: &Path, line: &str, name: &[u8]) -> String {
    let script = format!(
        "ip link add br0 type bridge; ip link add v0 type veth peer name v1\n\
         \"$BIN\" {line} > /run/out 2> /run/err\n\
         echo \"status $?\"; echo '--- stdout'; cat /run/out; echo '--- stderr'; cat /run/err\n{STATE}"
    );
    let o = isolated(&script, bin, name);
    assert!(o.status.success(), "{line}: {}", common::describe(&o));
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    text.replace(&*String::from_utf8_lossy(name), "<NAME>")
}

/// Lines that put a name where a device, label or kind goes.
const LONG_NAME_LINES: &[&str] = &[
    "link add \"$NAME\" type bridge",
    "link set \"$NAME\" up",
    "link del \"$NAME\"",
    "link add x type veth peer name \"$NAME\"",
    "link add x type veth peer \"$NAME\"",
    "link add \"$NAME\" type veth peer name y",
    "link set v0 master \"$NAME\"",
    "link add x link \"$NAME\" type veth",
    "link set v0 alias \"$NAME\"",
    "link add x type \"$NAME\"",
    "addr add 192.0.2.1/24 dev \"$NAME\"",
    "addr add 192.0.2.1/24 dev v0 label \"$NAME\"",
    "route add 192.0.2.0/24 dev \"$NAME\"",
    "route get 192.0.2.1 oif \"$NAME\"",
    "neigh add 192.0.2.5 lladdr 02:00:00:00:00:05 dev \"$NAME\"",
    "neigh show dev \"$NAME\"",
    "neigh get 192.0.2.5 dev \"$NAME\"",
    "tunnel add \"$NAME\" mode gre remote 192.0.2.1 local 192.0.2.2",
    "tunnel add t0 mode gre remote 192.0.2.1 local 192.0.2.2 dev \"$NAME\"",
    "link add x type vxlan id 1 dstport 4789 dev \"$NAME\"",
];

#[test]
fn long_names_as_ip_are_what_ip_makes_of_them() {
    if !common::can_unshare(&[REAL_IP]) {
        return;
    }
    let ip = bin_dir().join("ip");
    // 1,020 bytes: too long for ip's buffer, not for an attribute.
    for len in [1020, 65_531, 70_000] {
        let name = vec![b'x'; len];
        for line in LONG_NAME_LINES {
            let want = run_case(Path::new(REAL_IP), line, &name);
            let got = run_case(&ip, line, &name);
            assert_eq!(got, want, "ip {line} with a name of {len} bytes");
        }
    }
}

/// Where ip's buffer runs out: the name itself fits, then what follows it
/// does not (the IFLA_LINKINFO nest, the kind, IFA_ADDRESS after a label).
#[test]
fn names_at_the_edge_of_ips_buffers() {
    if !common::can_unshare(&[REAL_IP]) {
        return;
    }
    let ip = bin_dir().join("ip");
    let cases: &[(&str, &[usize])] = &[
        ("link set \"$NAME\" up", &[1011, 1012]),
        ("link add \"$NAME\" type bridge", &[1011, 1015, 1019, 1020]),
        ("addr add 192.0.2.1/24 dev v0 label \"$NAME\"", &[240, 244, 245, 253]),
    ];
    for (line, lens) in cases {
        for &len in *lens {
            let name = vec![b'x'; len];
            let want = run_case(Path::new(REAL_IP), line, &name);
            assert_eq!(run_case(&ip, line, &name), want, "ip {line} with a name of {len} bytes");
        }
    }
}

#[test]
fn long_names_as_rtun_are_refused_without_a_panic() {
    if !common::can_unshare(&[REAL_IP]) {
        return;
    }
    let rtun = bin_dir().join("rtun");
    let name = vec![b'x'; 70_000];
    let untouched = run_case(Path::new("true"), "", &name);
    let untouched = untouched.split("--- links").nth(1).expect("state");
    for line in LONG_NAME_LINES {
        let got = run_case(&rtun, line, &name);
        let status = got.lines().next().unwrap_or("");
        assert!(matches!(status, "status 1" | "status 255"), "rtun {line}:\n{got}");
        assert!(!got.contains("panicked"), "rtun {line}:\n{got}");
        // Nothing was made, nothing was left out of a request.
        assert!(got.ends_with(untouched), "rtun {line} changed the kernel's state:\n{got}");
        assert!(!got.contains("addattr_l"), "rtun {line}:\n{got}");
    }
    // What cannot be sent is said so.
    let got = run_case(&rtun, "link add \"$NAME\" type bridge", &name);
    assert!(got.contains("\"<NAME>\" is too long for netlink: 70000 bytes (at most 65530).\n"), "{got}");
}

#[test]
fn force_batch_goes_on_after_a_long_name() {
    if !common::can_unshare(&[REAL_IP]) {
        return;
    }
    let dir = bin_dir();
    let mut batch = String::new();
    for i in 0..50 {
        batch.push_str(&format!("route add 198.51.100.{i}/32 dev v0\n"));
    }
    batch.push_str(&format!("route add 203.0.113.0/24 dev {}\n", "x".repeat(70_000)));
    for i in 50..100 {
        batch.push_str(&format!("route add 198.51.100.{i}/32 dev v0\n"));
    }
    let file = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("hostile-batch-{}", std::process::id()));
    std::fs::write(&file, batch).expect("batch file");
    let run = |bin: &Path| {
        let script = format!(
            "ip link add v0 type veth peer name v1; ip link set v0 up; ip link set v1 up\n\
             \"$BIN\" -force -batch {} 2> /run/err; echo \"status $?\"\n\
             echo \"routes $(ip route show | wc -l)\"; cut -c1-60 /run/err",
            file.display()
        );
        String::from_utf8_lossy(&isolated(&script, bin, b"").stdout).into_owned()
    };
    let want = run(Path::new(REAL_IP));
    assert!(want.starts_with("status 1\nroutes 100\n"), "ip itself: {want}");
    assert_eq!(run(&dir.join("ip")), want);
    let rtun = run(&dir.join("rtun"));
    assert!(rtun.starts_with("status 1\nroutes 100\n"), "{rtun}");
    let _ = std::fs::remove_file(&file);
}

/// Names with bytes that are not UTF-8 (`\377`, `\376`, `\375`), made and
/// used with each command that names a device, then the state: link
/// names, alias, master, labels, routes, neighbours, the namespace's file and what
/// `netns exec` runs in it.
const NOT_UTF8: &str = r#"
X=$(printf 'x\377'); V=$(printf 'v\376'); P=$(printf 'p\375'); N=$(printf 'n\377')
"$BIN" link add "$X" type bridge || echo "add failed"
"$BIN" link set "$X" alias "$(printf 'bad\377alias')" up || echo "set failed"
"$BIN" addr add 192.0.2.1/24 dev "$X" label "$X:1" || echo "addr failed"
"$BIN" link add "$V" type veth peer "$P" || echo "veth failed"
"$BIN" link set "$V" master "$X" || echo "master failed"
"$BIN" route add 198.51.100.0/24 dev "$X" || echo "route failed"
"$BIN" route get 198.51.100.1 oif "$X" > /dev/null || echo "route get failed"
"$BIN" neigh add 192.0.2.5 lladdr 02:00:00:00:00:05 dev "$X" || echo "neigh add failed"
"$BIN" neigh get 192.0.2.5 dev "$X" | od -An -c
"$BIN" neigh show | od -An -c
"$BIN" netns add "$N" || echo "netns add failed"
"$BIN" netns exec "$N" ip link add "$(printf 'y\377')" type bridge || echo "netns exec failed"
"$BIN" netns exec "$N" printf '%s\n' "$(printf 'arg\376')" | od -An -c
echo '--- netns'; ls /run/netns | od -An -c
echo '--- in it'; ip -n "$N" -o link show | cut -d' ' -f2 | od -An -c
"$BIN" link del "$V" || echo "del failed"
echo '--- alias'; ip link show "$X" | grep -a alias | od -An -c
echo '--- state'
ip -o link show | cut -d' ' -f2,9 | od -An -c
ip -o -4 addr show | awk '{print $2, $4, $NF}' | od -An -c
ip route show | od -An -c
"$BIN" netns del "$N" || echo "netns del failed"
ls /run/netns | wc -l
"#;

#[test]
fn names_that_are_not_utf8_reach_the_kernel_as_typed() {
    if !common::can_unshare(&[REAL_IP]) {
        return;
    }
    let dir = bin_dir();
    let run = |bin: &Path| {
        let o = isolated(NOT_UTF8, bin, b"");
        format!("{}--- stderr\n{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
    };
    let want = run(Path::new(REAL_IP));
    assert!(!want.contains("failed"), "ip itself: {want}");
    assert_eq!(run(&dir.join("rtun")), want, "as rtun");
    assert_eq!(run(&dir.join("ip")), want, "as ip");
}

#[test]
fn sysctl_lists_variables_under_an_interface_whose_name_is_not_utf8() {
    if !common::can_unshare(&[REAL_IP, PROCPS]) {
        return;
    }
    let dir = bin_dir();
    // The names (no values: some change by the second), then the values
    // of the interface's own variables, then one read and one write.
    let script = r#"
ip link add "$NAME" type bridge
"$BIN" -N -a; echo "status $?"
"$BIN" -a 2>&1 | grep -a "$NAME"; echo "status $?"
"$BIN" "net.ipv4.conf.$NAME.forwarding"; echo "status $?"
"$BIN" -w "net.ipv6.conf.$NAME.mtu=1400"; echo "status $?"
"$BIN" "net/ipv6/conf/$NAME/mtu"; echo "status $?"
"#;
    let name = b"x\xff";
    let run = |bin: &Path| {
        let o = isolated(script, bin, name);
        (o.stdout, String::from_utf8_lossy(&o.stderr).into_owned())
    };
    let want = run(Path::new(PROCPS));
    assert!(want.0.windows(2).any(|w| w == name), "procps lists no variable of the interface");
    let got = run(&dir.join("sysctl"));
    assert_eq!(String::from_utf8_lossy(&got.0), String::from_utf8_lossy(&want.0));
    assert_eq!(got, want, "byte for byte");
}
