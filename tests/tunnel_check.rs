//! `rtun tunnel check` where this kernel (no tunnel modules) can run it:
//!
//! - the words and devices it refuses, in a fresh network namespace: an
//!   unknown name, devices that are no tunnel, nothing to check (text and
//!   -j), and its absence from the `ip` personality (ip's words, byte for
//!   byte);
//! - the firewall evaluation against the kernel itself: rulesets loaded by
//!   the real `nft`, read back as rtun reads them, and a GRE packet sent
//!   in on a veth — what rtun says happens to it must be what happens (a
//!   raw socket behind the input hook sees it, or not).
//!
//! What needs tunnels (every check of a healthy and of a broken tunnel,
//! hints run) is in tests/vm/scenarios/check.sh. Needs root and `unshare`;
//! skipped with a notice without them, failed when CI=true.

mod common;

use common::{describe, IpLink};
use std::net::Ipv4Addr;
use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

use rtun::helpers::nft::eval::{self, Flow, Iface, Packet};
use rtun::netlink::netfilter::Netfilter;
use rtun::netlink::rawip::{self, GreSocket, Outer};

const REAL_IP: &str = "/usr/sbin/ip";
const NFT: &str = "/usr/sbin/nft";
const RTUN: &str = env!("CARGO_BIN_EXE_rtun");

/// `BIN ARGS…` in a fresh network namespace with v0/v1 (veth), v0 up.
fn run(bin: &Path, args: &str) -> Output {
    let setup = format!("{REAL_IP} link add v0 type veth peer name v1 && {REAL_IP} link set v0 up && {REAL_IP} link set lo up");
    common::run_in_netns(&setup, bin, args)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn devices_that_are_no_tunnel() {
    if !common::can_unshare(&[REAL_IP]) {
        return;
    }
    // Nothing to check: nothing printed, exit 0; with -j an empty array.
    let o = run(Path::new(RTUN), "tunnel check");
    assert_eq!((o.status.code(), stdout(&o).as_str(), o.stderr.len()), (Some(0), "", 0), "{}", describe(&o));
    let o = run(Path::new(RTUN), "-j tunnel check");
    assert_eq!((o.status.code(), stdout(&o).as_str()), (Some(0), "[]\n"), "{}", describe(&o));
    // An unknown name: the device check fails, with the command that
    // makes such a tunnel; a name that says its mode names the module too.
    let o = run(Path::new(RTUN), "tunnel check nosuch");
    assert_eq!(o.status.code(), Some(1), "{}", describe(&o));
    assert_eq!(
        stdout(&o),
        "nosuch  device      fail  there is no device nosuch; hint: rtun tunnel add nosuch mode MODE local LOCAL remote REMOTE\n"
    );
    let o = run(Path::new(RTUN), "tunnel check gre7");
    let lines: Vec<String> = stdout(&o).lines().map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" ")).collect();
    assert_eq!(lines[1..], ["gre7 device fail"], "{}", describe(&o));
    assert!(lines[0].starts_with("gre7 kernel "), "{}", describe(&o));
    assert!(stdout(&o).contains("ip_gre"), "{}", describe(&o));
    // A veth and the loopback: not tunnels.
    let o = run(Path::new(RTUN), "tunnel check v0");
    assert_eq!((o.status.code(), stdout(&o)), (Some(1), "v0  device      fail  v0 is a veth device, not a tunnel; hint: rtun tunnel show\n".into()));
    let o = run(Path::new(RTUN), "-j tunnel check lo");
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("one JSON document");
    let want = serde_json::json!([{
        "ifname": "lo", "check": "device", "status": "fail",
        "detail": "lo is a device without a link kind, not a tunnel", "hint": "rtun tunnel show"
    }]);
    assert_eq!((o.status.code(), doc), (Some(1), want));
}

#[test]
fn words_it_refuses() {
    if !common::can_unshare(&[REAL_IP]) {
        return;
    }
    let check = |args: &str, status: i32, stderr: &str| {
        let o = run(Path::new(RTUN), args);
        assert_eq!((o.status.code(), String::from_utf8_lossy(&o.stderr).into_owned()), (Some(status), format!("{stderr}\n")), "rtun {args}");
        assert!(o.stdout.is_empty(), "rtun {args}: {}", describe(&o));
    };
    check("tunnel check v0 v1", 255, "Error: either \"v0\" is duplicate, or \"v1\" is a garbage.");
    check("tunnel check aaaaaaaaaaaaaaaaaaaa", 255, "Error: argument \"aaaaaaaaaaaaaaaaaaaa\" is wrong: \"NAME\" not a valid ifname");
    let o = run(Path::new(RTUN), "tunnel check help");
    assert!(o.status.success() && stdout(&o).contains("tunnel check [ NAME ]"), "{}", describe(&o));
}

#[test]
fn ip_has_no_check() {
    if !common::can_unshare(&[REAL_IP]) {
        return;
    }
    let ip = IpLink::new("check", Path::new(RTUN));
    for line in ["tunnel check", "tunnel check v0", "tunl check gre1", "-6 tunnel check v0"] {
        let want = run(Path::new(REAL_IP), line);
        assert_eq!(want.status.code(), Some(255), "ip {line} is expected to be a usage error: {}", describe(&want));
        assert_eq!(describe(&run(&ip.path, line)), describe(&want), "ip {line}");
    }
    let o = run(&ip.path, "tunnel help");
    assert!(!String::from_utf8_lossy(&o.stderr).contains("tunnel check"), "{}", describe(&o));
    let o = run(Path::new(RTUN), "tunnel help");
    assert!(stdout(&o).contains("rtun tunnel check [ NAME ]"), "{}", describe(&o));
}

// ---------------------------------------------------------------- firewall

const LOCAL: Ipv4Addr = Ipv4Addr::new(192, 0, 2, 1);
const REMOTE: Ipv4Addr = Ipv4Addr::new(192, 0, 2, 2);
const IN_NETNS: &str = "RTUN_TUNNEL_CHECK_IN_NETNS";

fn sh(cmd: &str) {
    let o = Command::new("sh").args(["-c", cmd]).output().expect("sh runs");
    assert!(o.status.success(), "{cmd}: {}", describe(&o));
}

/// A link's MAC address, from sysfs.
fn mac(dev: &str) -> [u8; 6] {
    let text = std::fs::read_to_string(format!("/sys/class/net/{dev}/address")).expect("a MAC address");
    let mut m = [0u8; 6];
    for (i, b) in text.trim().split(':').enumerate().take(6) {
        m[i] = u8::from_str_radix(b, 16).expect("hex");
    }
    m
}

fn ifindex(dev: &str) -> u32 {
    std::fs::read_to_string(format!("/sys/class/net/{dev}/ifindex")).expect("an index").trim().parse().expect("a number")
}

/// Send `ip` (an IPv4 packet) in on v0, as if from the wire: written to
/// v1, its veth peer, with an AF_PACKET socket.
fn inject(ip: &[u8]) {
    let mut frame = mac("v0").to_vec();
    frame.extend_from_slice(&mac("v1"));
    frame.extend_from_slice(&0x0800u16.to_be_bytes());
    frame.extend_from_slice(ip);
    // SAFETY: plain socket calls with buffers that outlive them.
    unsafe {
        let fd = libc::socket(libc::AF_PACKET, libc::SOCK_RAW, 0);
        assert!(fd >= 0, "AF_PACKET socket: {}", std::io::Error::last_os_error());
        let mut sa: libc::sockaddr_ll = std::mem::zeroed();
        sa.sll_family = libc::AF_PACKET as u16;
        sa.sll_ifindex = ifindex("v1") as i32;
        sa.sll_halen = 6;
        sa.sll_addr[..6].copy_from_slice(&mac("v0"));
        let n = libc::sendto(
            fd,
            frame.as_ptr() as *const libc::c_void,
            frame.len(),
            0,
            &sa as *const libc::sockaddr_ll as *const libc::sockaddr,
            std::mem::size_of::<libc::sockaddr_ll>() as u32,
        );
        assert_eq!(n, frame.len() as isize, "sendto: {}", std::io::Error::last_os_error());
        libc::close(fd);
    }
}

/// A GRE packet from `src` to LOCAL, as the evaluator and the wire see it.
fn gre_from(src: Ipv4Addr) -> Packet {
    let mut p = Packet::ipv4(src, LOCAL, 47, &[0, 0, 0x08, 0, 0x45, 0, 0, 20, 0, 0, 0, 0, 64, 1, 0, 0, 10, 0, 0, 2, 10, 0, 0, 1]);
    p.iif = Some(Iface { index: ifindex("v0"), name: b"v0".to_vec(), kind: "veth".into(), arphrd: 1 });
    p
}

/// Whether the kernel lets `pkt` through its input hook: a raw GRE socket
/// (which sees packets after the input hook) gets it.
fn kernel_accepts(pkt: &Packet) -> bool {
    let all = [libc::sock_filter { code: 0x06, jt: 0, jf: 0, k: 0xffff }];
    let sock = GreSocket::open(Outer { local: Some(LOCAL), ttl: None, tos: None }, &all).expect("a raw GRE socket");
    let mut wire = pkt.bytes.clone();
    let c = rawip::checksum(&wire[..20]);
    wire[10..12].copy_from_slice(&c.to_be_bytes());
    inject(&wire);
    // SAFETY: an empty signal set, filled by sigemptyset.
    let mask = unsafe {
        let mut m: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut m);
        m
    };
    let deadline = std::time::Instant::now() + Duration::from_millis(300);
    let mut buf = [0u8; 2048];
    while std::time::Instant::now() < deadline {
        let _ = rawip::wait_readable(&sock, deadline - std::time::Instant::now(), &mask);
        while let Ok(Some(n)) = sock.recv(&mut buf) {
            if buf[..n].get(12..16) == Some(&pkt.bytes[12..16]) {
                return true;
            }
        }
    }
    false
}

/// This host answers first: a GRE packet from LOCAL to `to` goes out, so
/// that the one coming back belongs to a flow conntrack knows.
fn send_first(to: Ipv4Addr) {
    let all = [libc::sock_filter { code: 0x06, jt: 0, jf: 0, k: 0 }];
    let sock = GreSocket::open(Outer { local: Some(LOCAL), ttl: None, tos: None }, &all).expect("a raw GRE socket");
    sock.send(to, &[0, 0, 0x08, 0]).expect("sent");
}

/// What rtun reads and says of `pkt`, and what the kernel does with it.
fn both(pkt: &Packet, flow: Flow) -> (String, bool) {
    let mut nf = Netfilter::open().expect("netfilter socket");
    let rs = eval::read(&mut nf).expect("the ruleset");
    let e = rs.evaluate(pkt, flow);
    assert!(e.unsure.is_empty(), "unsure: {:?}", e.unsure);
    if flow == Flow::Reply {
        send_first(Ipv4Addr::new(pkt.bytes[12], pkt.bytes[13], pkt.bytes[14], pkt.bytes[15]));
    }
    (e.outcome_text(), kernel_accepts(pkt))
}

/// Load `ruleset` alone (the namespace's ruleset flushed first).
fn load(ruleset: &str) {
    sh(&format!("{NFT} flush ruleset && {NFT} -f - <<'EOF'\n{ruleset}\nEOF"));
}

const VMAP_SET: &str = "table ip fw {
    set peers { type ipv4_addr; flags interval; elements = { 192.0.2.0/28, 198.51.100.7 } }
    chain in { type filter hook input priority 0; meta l4proto vmap { 47 : jump gre_in, 4 : accept }; }
    chain gre_in { ip saddr @peers counter drop; }
}";

/// The cases: a ruleset, the packet's source and flow, and what rtun must
/// say (the kernel's verdict is checked to agree).
const CASES: &[(&str, Ipv4Addr, bool, &str)] = &[
    ("", REMOTE, false, "accepted"),
    // rtun's own accept does not override another table's drop.
    (
        "table inet rtun { chain input { type filter hook input priority 0; policy accept; ip saddr 192.0.2.2 meta l4proto gre accept; }; }
         table ip other { chain in { type filter hook input priority 10; policy drop; }; }",
        REMOTE,
        false,
        "dropped by table ip other chain in policy",
    ),
    // A verdict map jumps to a chain that drops what a named interval set holds.
    (VMAP_SET, REMOTE, false, "dropped by table ip fw chain gre_in rule handle H (from chain in)"),
    (VMAP_SET, Ipv4Addr::new(192, 0, 2, 100), false, "accepted"),
    // A goto does not come back: the end of its chain is the end of the
    // base chain (policy accept), the drop after it is never reached; a
    // return from a jump comes back to the rule after the jump.
    (
        "table ip fw {
            chain in { type filter hook input priority 0; iifname \"v*\" goto g; ip protocol gre drop; }
            chain g { ip saddr 10.0.0.0/8 accept; }
            chain o { type filter hook input priority 5; ip protocol gre jump g2; }
            chain g2 { return; }
         }",
        REMOTE,
        false,
        "accepted",
    ),
    (
        "table ip fw {
            chain in { type filter hook input priority 0; jump j; ip protocol gre drop; }
            chain j { ip saddr 10.0.0.0/8 accept; return; }
         }",
        REMOTE,
        false,
        "dropped by table ip fw chain in rule handle H",
    ),
    // Ranges in a concatenation.
    (
        "table inet fw { chain in { type filter hook input priority 0; ip saddr . meta l4proto { 192.0.2.0-192.0.2.9 . 40-50 } drop; }; }",
        REMOTE,
        false,
        "dropped by table inet fw chain in rule handle H",
    ),
    // Conntrack: only what answers a flow this host started passes. (A
    // packet dropped leaves no conntrack entry behind; the flow the second
    // case starts makes GRE from REMOTE `established` for the cases after
    // it, which do not look at conntrack.)
    (
        "table ip fw { chain in { type filter hook input priority 0; policy drop; ct state established,related accept; }; }",
        REMOTE,
        false,
        "dropped by table ip fw chain in policy",
    ),
    (
        "table ip fw { chain in { type filter hook input priority 0; policy drop; ct state established,related accept; }; }",
        REMOTE,
        true,
        "accepted",
    ),
    // Before conntrack (priority -300) every packet is `invalid`.
    (
        "table ip raw { chain pre { type filter hook prerouting priority -300; ct state invalid counter drop; }; }",
        REMOTE,
        false,
        "dropped by table ip raw chain pre rule handle H",
    ),
    // netdev ingress on the device it comes in on.
    (
        "table netdev edge { chain ing { type filter hook ingress device v0 priority 0; meta l4proto 47 drop; }; }",
        REMOTE,
        false,
        "dropped by table netdev edge chain ing rule handle H",
    ),
    // fib: the way back exists, the destination is local; a mark set in
    // prerouting is matched on input.
    (
        "table ip fw {
            chain pre { type filter hook prerouting priority -150; fib daddr type local meta mark set 0x5; }
            chain in { type filter hook input priority 0; fib saddr . iif oif missing drop; meta mark 0x5 ip protocol gre drop; }
         }",
        REMOTE,
        false,
        "dropped by table ip fw chain in rule handle H",
    ),
];

/// Run test `name` of this binary again, alone, in a network namespace of
/// its own (and a mount namespace whose /sys shows its devices).
fn again_in_a_namespace(name: &str) {
    let exe = std::env::current_exe().expect("the test binary");
    let o = Command::new("unshare")
        .args(["-m", "-n", "sh", "-c", "mount -t sysfs sysfs /sys && exec \"$0\" \"$@\""])
        .arg(exe)
        .args(["--exact", name, "--nocapture", "--test-threads=1"])
        .env(IN_NETNS, "1")
        .output()
        .expect("unshare runs");
    assert!(o.status.success() && String::from_utf8_lossy(&o.stdout).contains("1 passed"), "{}", describe(&o));
}

/// `handle N` as `handle H`: handles are the kernel's to give.
fn anonymous_handles(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("handle ") {
        out.push_str(&rest[..i + 7]);
        rest = rest[i + 7..].trim_start_matches(|c: char| c.is_ascii_digit());
        out.push('H');
    }
    out + rest
}

#[test]
fn firewall_evaluation_agrees_with_the_kernel() {
    if std::env::var_os(IN_NETNS).is_none() {
        if common::can_unshare(&[REAL_IP, NFT]) && common::can_isolate("the firewall evaluation") {
            again_in_a_namespace("firewall_evaluation_agrees_with_the_kernel");
        }
        return;
    }
    sh(&format!(
        "{REAL_IP} link set lo up && {REAL_IP} link add v0 type veth peer name v1 && {REAL_IP} address add {LOCAL}/24 dev v0 \
         && {REAL_IP} link set v0 up && {REAL_IP} link set v1 up \
         && {REAL_IP} neigh add {REMOTE} lladdr $(cat /sys/class/net/v1/address) dev v0 \
         && {REAL_IP} neigh add 192.0.2.100 lladdr $(cat /sys/class/net/v1/address) dev v0"
    ));
    for (i, (ruleset, src, reply, want)) in CASES.iter().enumerate() {
        load(ruleset);
        let flow = if *reply { Flow::Reply } else { Flow::New };
        let pkt = gre_from(*src);
        let (said, passed) = both(&pkt, flow);
        assert_eq!(anonymous_handles(&said), *want, "case {i}: {ruleset}");
        assert_eq!(passed, said == "accepted", "case {i}: rtun says {said}, the kernel {}: {ruleset}", if passed { "accepts" } else { "drops" });
        if let Some(rule) = said.find("rule handle ") {
            // The handle named is the rule's: `nft -a` shows it.
            let handle: String = said[rule + 12..].chars().take_while(char::is_ascii_digit).collect();
            let listing = Command::new(NFT).args(["-a", "list", "ruleset"]).output().expect("nft runs");
            assert!(String::from_utf8_lossy(&listing.stdout).contains(&format!("# handle {handle}\n")), "case {i}");
        }
    }
}

#[test]
fn mss_clamps_written_by_nft_are_found() {
    if std::env::var_os(IN_NETNS).is_none() {
        if common::can_unshare(&[NFT]) && common::can_isolate("the MSS clamp search") {
            again_in_a_namespace("mss_clamps_written_by_nft_are_found");
        }
        return;
    }
    let found = |dev: &[u8]| {
        let mut nf = Netfilter::open().expect("netfilter socket");
        eval::mss_clamp(&eval::read(&mut nf).expect("the ruleset"), dev).map(|p| p.to_string())
    };
    load("table ip mangle { chain clamp { type filter hook forward priority -150; oifname \"gre*\" tcp flags syn tcp option maxseg size set rt mtu; }; }");
    assert_eq!(found(b"gre1").as_deref(), Some("table ip mangle chain clamp rule handle 2"));
    assert_eq!(found(b"ipip1"), None);
    load("table inet t { chain f { type filter hook forward priority 0; iifname \"lan0\" oifname \"wg0\" tcp flags syn tcp option maxseg size set 1360; }; }");
    assert_eq!(found(b"wg0").as_deref(), Some("table inet t chain f rule handle 2"), "one way, but through wg0");
    assert_eq!(found(b"gre1"), None);
    load("");
    assert_eq!(found(b"gre1"), None);
    // rtun's own clamp-mss rule.
    let o = Command::new(RTUN).args(["nft", "add", "clamp-mss", "oif", "gre1"]).output().expect("rtun runs");
    assert!(o.status.success(), "{}", describe(&o));
    assert!(found(b"gre1").is_some_and(|p| p.starts_with("table inet rtun chain mss rule handle ")));
}
